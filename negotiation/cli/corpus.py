"""Commands: corpus -- ``negotiation events`` and ``negotiation validate``.

``validate`` tells what a YAML file is by its top-level keys and hands it to the validator
registered for that kind. Other modules add document kinds with :func:`register_document_kind`::

    register_document_kind("scenario", "variations", validate_scenario)

A validator takes the parsed :class:`~negotiation._internal.yamldoc.Document` and raises
:class:`~negotiation.errors.InputError` listing every problem; what it returns (a model, a
collection) is only used for the "ok" line.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping, Sized
from contextvars import ContextVar
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from negotiation._internal import files, yamldoc
from negotiation._internal.suggest import did_you_mean
from negotiation.cli import main
from negotiation.cli.common import (
    EXIT_INPUT,
    capped,
    echo_json,
    error_json,
    input_errors,
    unique,
)
from negotiation.cli.packs import PACK, event_log
from negotiation.corpus import load_articles
from negotiation.corpus.article import (
    ARTICLE_SUFFIXES,
    article_file,
    no_article_file,
    parse_articles_file,
)
from negotiation.errors import InputError, Problem, shown_file
from negotiation.events import Event, EventLog, Granularity
from negotiation.events.log import (
    FORMAT_VERSION,
    actors_from_document,
    event_log_from_document,
    load_event_log,
)

__all__ = [
    "DOCUMENT_KEYS",
    "VALIDATORS",
    "detect_kind",
    "register_document_kind",
    "validate_document",
]

Validator = Callable[[yamldoc.Document], object]

#: document kind -> validator
VALIDATORS: dict[str, Validator] = {}
#: top-level key that identifies a kind -> the kind (checked in registration order)
DOCUMENT_KEYS: dict[str, str] = {}


def register_document_kind(kind: str, key: str, validator: Validator) -> None:
    """Let ``validate`` recognise documents with top-level ``key`` as ``kind``."""
    VALIDATORS[kind] = validator
    DOCUMENT_KEYS[key] = kind


def detect_kind(doc: yamldoc.Document) -> str | None:
    """The registered kind whose identifying key is at the top of ``doc``, if any."""
    if not isinstance(doc.data, dict):
        return None
    for key, kind in DOCUMENT_KEYS.items():
        if key in doc.data:
            return "lexicon" if kind == "vocabulary" and _is_lexicon(doc.data) else kind
    return None


def _is_lexicon(data: dict[Any, Any]) -> bool:
    """A trigger lexicon (its ``kinds`` have ``patterns``; the built-in one has ``macros``),
    not a vocabulary: both have ``kinds`` (a lexicon was checked as a vocabulary, every kind
    missing its description)."""
    from negotiation.extract.lexicon_fields import CUE_LISTS

    if any(key in data for key in ("macros", *CUE_LISTS)):
        return True
    kinds = data.get("kinds")
    return isinstance(kinds, dict) and any(
        isinstance(v, dict) and "patterns" in v for v in kinds.values()
    )


def _validate_events(doc: yamldoc.Document) -> object:
    return event_log_from_document(doc)


def _validate_actors(doc: yamldoc.Document) -> object:
    return actors_from_document(doc)


def _validate_articles(doc: yamldoc.Document) -> object:
    parsed, problems = parse_articles_file(doc)
    directory = Path(doc.file).parent
    for i, meta in enumerate(parsed.articles):
        if article_file(directory, meta.id) is None:
            problems.append(doc.problem(("articles", i, "id"), no_article_file(meta.id, directory)))
    if problems:
        raise InputError(problems)
    return load_articles(directory)


def _validate_scenario(doc: yamldoc.Document) -> object:
    from negotiation.scenario import load_scenario, plan_scenario

    return plan_scenario(load_scenario(doc.file))


def _validate_model(doc: yamldoc.Document) -> object:
    from negotiation.errors import NegotiationError
    from negotiation.model import DisputeModel, load_spec
    from negotiation.model.compiler import name_files

    try:  # also checks the profile cites what the rules need
        return DisputeModel(load_spec(doc.file))
    except NegotiationError as exc:
        raise name_files(exc, doc.file) from None


def _validate_profile(doc: yamldoc.Document) -> object:
    from negotiation.model import load_profile

    return load_profile(doc.file)


def _validate_pack(doc: yamldoc.Document) -> object:
    from negotiation.packs import load_pack

    return load_pack(doc.file)


def _validate_sweep(doc: yamldoc.Document) -> object:
    from negotiation.simulate.sweep import plan_sweep

    return plan_sweep(doc, Path(doc.file).parent).cells


#: the pack `validate --pack` was given: a policy outside every pack is checked against it
_GIVEN_PACK: ContextVar[str | None] = ContextVar("given_pack", default=None)


def _validate_policy(doc: yamldoc.Document) -> object:
    """A policy, checked against the model of the pack it sits in (a ``pack.yaml`` in its
    folder or the one above), else the pack ``validate --pack`` names, else the reference
    model (``validate --pack P policy.yaml`` checked it against the reference model: every
    region, actor and fact of P's was 'unknown')."""
    from negotiation.model import compile_model
    from negotiation.packs import load_pack
    from negotiation.simulate.policy import parse_policy

    here = Path(doc.file).resolve().parent
    pack = next((d for d in (here, here.parent) if files.is_file(d / "pack.yaml")), None)
    given = _GIVEN_PACK.get()
    if pack is not None:
        model = load_pack(pack).compile()
    else:
        model = load_pack(given).compile() if given is not None else compile_model()
    return parse_policy(doc, model)


def _validate_vocabulary(doc: yamldoc.Document) -> object:
    from negotiation._internal import paths
    from negotiation.events.vocabulary import Vocabulary, VocabularyFile, builtin_vocabulary

    more = yamldoc.parse(doc, VocabularyFile).located(doc)
    if Path(doc.file).resolve() == (paths.data_dir() / "vocabulary.yaml").resolve():
        Vocabulary({}, {}).extend(more, doc.file)  # the built-in one itself: on its own
    else:
        builtin_vocabulary().extend(more, doc.file)  # what it adds, against the built-in one
    _compile_triggers(doc, more.kinds)
    return [*more.kinds, *more.facts]  # its entries: the kinds and facts it adds


def _compile_triggers(doc: yamldoc.Document, kinds: Mapping[str, Any]) -> None:
    """Every trigger of the kinds a vocabulary adds, compiled as extraction compiles it (with
    the built-in lexicon's macros): a pattern that does not compile is found here, at its line,
    not when an article is read."""
    from negotiation.extract.lexicon import load_lexicon
    from negotiation.extract.patterns import compile_pattern, is_phrase

    macros = load_lexicon().macros
    problems: list[Problem] = []
    for kind, definition in kinds.items():
        for i, trigger in enumerate(definition.triggers):
            if is_phrase(trigger):
                continue
            try:  # (one that can take exponential time is refused when the file loads)
                compile_pattern(trigger, doc, ["kinds", kind, "triggers", i], macros)
            except InputError as exc:
                problems.extend(exc.problems)
    if problems:
        raise InputError(problems)


def _validate_lexicon(doc: yamldoc.Document) -> object:
    """A trigger lexicon, read as extraction reads it (a pack's ``lexicon.yaml`` over the
    built-in one; a pattern that can take exponential time is refused as it is compiled)."""
    from negotiation.extract.lexicon import lexicon_for_pack, load_lexicon

    path = Path(doc.file)
    own = path.name == "lexicon.yaml" and files.is_file(path.parent / "pack.yaml")
    lexicon_for_pack(path.parent) if own else load_lexicon(path)
    kinds = doc.data.get("kinds") if isinstance(doc.data, dict) else None
    return list(kinds or ())


# most specific first: a scenario may carry an inline `events:` list, a pack names its log
register_document_kind("pack", "title", _validate_pack)
register_document_kind("sweep", "sweep", _validate_sweep)
register_document_kind("policy", "outcomes", _validate_policy)
register_document_kind("vocabulary", "kinds", _validate_vocabulary)
register_document_kind("vocabulary", "facts", _validate_vocabulary)
VALIDATORS["lexicon"] = _validate_lexicon  # told from a vocabulary by detect_kind
register_document_kind("scenario", "name", _validate_scenario)
register_document_kind("model", "transitions", _validate_model)
register_document_kind("profile", "provisions", _validate_profile)
register_document_kind("events", "events", _validate_events)
register_document_kind("actors", "actors", _validate_actors)
register_document_kind("articles", "articles", _validate_articles)


def validate_document(path: Path) -> tuple[str, object]:
    """Validate one file: (its kind, what its validator returned). Raises InputError. A
    ``.txt`` file is an article's text (its encoding, content and language are checked), a
    ``.html`` file a saved page (its story checked so); any other is a YAML document."""
    if path.suffix.lower() in ARTICLE_SUFFIXES:
        from negotiation.corpus.checking import check_article_text

        return "article text", check_article_text(path)
    doc = yamldoc.load(path)
    kind = detect_kind(doc)
    if kind is None:
        keys = ", ".join(DOCUMENT_KEYS)
        problem = doc.problem(
            (), f"cannot tell what this file is: expected one of the top-level keys {keys}"
        )
        raise InputError(
            problem if problem.line is not None else replace(problem, line=1, column=1)
        )
    try:
        return kind, VALIDATORS[kind](doc)
    except InputError:
        raise
    except (ValueError, TypeError, KeyError) as exc:  # a validator bug must not hide the file
        raise InputError(Problem(file=doc.file, message=f"cannot validate: {exc}")) from None


def _unenacted_changes(pack: Any, model: Any, log: Any) -> list[Problem]:
    """A change of the pack's profile that an event enacts (``enacted_by: {kind, law}``) and
    that no event of the pack's log enacts: a misspelt law id was a law never in force, and the
    record replayed otherwise, silently."""
    profile_file = str(pack.profile_path or model.spec.profile)
    if not files.is_file(profile_file):
        return []  # a built-in profile, by name
    kinds = {e.kind for e in log.events}
    passed = {(e.kind, e.facts.law) for e in log.events}
    problems = []
    for i, change in enumerate(model.profile.changes):
        by = change.enacted_by
        if by is None or (by.kind, by.law) in passed or (by.law is None and by.kind in kinds):
            continue
        laws = sorted({law for kind, law in passed if law and kind == by.kind})
        what = f"a {by.kind} event with law {by.law!r}" if by.law else f"a {by.kind} event"
        hint = did_you_mean(by.law, laws) if by.law else ""
        message = (
            f"change {change.id!r} is enacted by {what}, and the pack's log has none: it never "
            f"comes into force{hint}"
        )
        where = ("changes", i, "enacted_by", "law" if by.law else "kind")
        problems.append(yamldoc.load(profile_file).problem(where, message))
    return problems


#: what validate reads in a folder: YAML documents and article texts
SUFFIXES = (".yaml", ".yml", *ARTICLE_SUFFIXES)


def _expand(paths: tuple[str, ...]) -> list[Path]:
    out: list[Path] = []
    for name in paths:
        p = Path(name)
        if files.is_dir(p):
            out.extend(sorted(q for q in p.iterdir() if q.suffix in SUFFIXES))
        else:
            out.append(p)
    return out


def _empty_folders(paths: tuple[str, ...], expanded: list[Path]) -> list[Problem]:
    """A problem for every folder given that holds nothing to validate: silence would read as
    success."""
    return [
        Problem(file=name, message="no YAML files or articles (.txt, .html) in this folder")
        for name in paths
        if files.is_dir(name) and not any(q.parent == Path(name) for q in expanded)
    ]


def _check_one(
    path: Path, say: Callable[[str], None], checked: list[dict[str, Any]]
) -> list[Problem]:
    """Validate one file: its problems, or its line `ok: FILE (kind, N entries)` said."""
    try:
        kind, result = validate_document(path)
    except InputError as exc:
        return list(exc.problems)
    entries = len(result) if isinstance(result, Sized) and not isinstance(result, str) else None
    say(f"ok: {shown_file(str(path))} ({kind}{'' if entries is None else f', {entries} entries'})")
    checked.append({"file": str(path), "kind": kind, "entries": entries})
    return []


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@PACK
@click.option(
    "--json", "as_json", is_flag=True, help="print what was checked and every problem as JSON"
)
@input_errors
def validate(paths: tuple[str, ...], pack: str | None, as_json: bool) -> None:
    """Check event logs, actor and article files, scenarios, models and profiles (a
    directory: its YAML files and article texts; --pack: every file of the pack, and its model
    compiles). An article text (.txt) must be UTF-8 text, without a byte-order mark, in the
    language its articles.yaml gives (default English); a saved page (.html), a page with a
    story in that language.

    Every problem is printed as FILE:LINE:COL: PATH: MESSAGE; any problem gives exit status 2.
    """
    problems: list[Problem] = []
    checked: list[dict[str, Any]] = []
    say = (lambda _line: None) if as_json else click.echo
    if pack is not None:
        from negotiation.packs import load_pack

        p = load_pack(pack)
        try:
            enacted = _unenacted_changes(p, p.compile(), p.event_log())
            if enacted:
                raise InputError(enacted)
            say(f"ok: pack {p.id} (model compiles, event log checks)")
            checked.append({"file": str(p.root), "kind": "pack", "entries": None})
        except InputError as exc:
            problems.extend(exc.problems)
        policies = sorted(p.policies_dir.glob("*.yaml")) if files.is_dir(p.policies_dir) else []
        paths = (*paths, str(p.root), *(str(f) for f in [*p.scenario_files(), *policies]))
    elif not paths:
        raise click.UsageError("give files or directories to validate, or --pack")
    expanded = _expand(paths)
    problems.extend(_empty_folders(paths, expanded))
    given = _GIVEN_PACK.set(pack)
    try:
        for path in expanded:
            problems.extend(_check_one(path, say, checked))
    finally:
        _GIVEN_PACK.reset(given)
    problems = unique(problems)
    if as_json:
        shown, more = capped(problems)  # `problems` lists 50 a file, the rest counted per file
        error = "input" if problems else None
        echo_json(error_json(error, EXIT_INPUT if problems else 0, shown, more, checked=checked))
        if problems:
            sys.exit(EXIT_INPUT)
    if problems:
        raise InputError(problems)


def _when(e: Event) -> str:
    if e.granularity is Granularity.month:
        return e.date.strftime("%Y-%m")
    if e.granularity is Granularity.year:
        return str(e.date.year)
    when = e.date.isoformat()
    if e.date_end is not None:
        when += f"..{e.date_end.isoformat()[5:]}"
    if e.granularity is Granularity.week:
        when += " (week)"
    return when


def _short_ids(log: EventLog) -> dict[str, str]:
    """Each source article's id as the listing shows it: the part before its first ``_``
    where that part names one article of the log (the seeds' ``002_7f2023abbce8807d`` is
    ``002``), else the whole id (``moldova_001`` .. ``moldova_006`` all began ``moldova``, and
    every source of a pack's log read ``[moldova]``)."""
    ids = sorted({c.article for e in log.events for c in e.sources})
    heads = [i.split("_")[0] for i in ids]
    return {i: h if heads.count(h) == 1 else i for i, h in zip(ids, heads, strict=True)}


def _print_events(log: EventLog) -> None:
    short = _short_ids(log)
    for e in log.events:
        sources = ", ".join(dict.fromkeys(short[c.article] for c in e.sources))
        # an event with no summary (a pack's log often has none) shows its first quote
        about = e.summary or (f'"{_cut(e.sources[0].quote)}"' if e.sources else "")
        click.echo(f"{_when(e):<17} {e.kind:<18} {e.id}")
        click.echo(f"{'':<17} {about} [{sources}]")


def _cut(text: str, width: int = 100) -> str:
    return text if len(text) <= width else text[: width - 3].rstrip() + "..."


def _print_conflicts(log: EventLog) -> None:
    if not log.conflicts:  # was no output at all
        click.echo(f"no conflicts between the sources of {len(log.events)} event(s)")
    for c in log.conflicts:
        click.echo(f"{c.id} ({c.field}; events: {', '.join(c.events)})")
        click.echo(f"  {c.description}")
        for claim in c.claims:
            s = claim.source
            click.echo(f"  - {claim.value}")
            click.echo(f"      {s.article} {s.start}..{s.end}: \u201c{s.quote}\u201d")
        if c.resolution:
            click.echo(f"  resolution: {c.resolution}")
        click.echo("")


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.option("--conflicts", is_flag=True, help="List the conflicts between sources instead.")
@event_log("log_path", "--log")
@PACK
@input_errors
def events(as_json: bool, conflicts: bool, log_path: str | None, pack: str | None) -> None:
    """List the curated event log (or the conflicts between its sources)."""
    if pack is not None and log_path is None:
        from negotiation.packs import load_pack

        log = load_pack(pack).event_log()
    else:
        log = load_event_log(log_path)
    if as_json:
        key, items = ("conflicts", log.conflicts) if conflicts else ("events", log.events)
        # the log's own format: what is printed reads back as a log
        echo_json(
            {"format_version": FORMAT_VERSION, key: [x.model_dump(mode="json") for x in items]}
        )
    elif conflicts:
        _print_conflicts(log)
    else:
        _print_events(log)
