"""Commands: extraction (``extract``, ``evaluate``)."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from negotiation._internal import files
from negotiation._internal.calendar import check_date
from negotiation._internal.suggest import unknown
from negotiation.cli import main
from negotiation.cli.common import EXIT_FAILED, Number, echo_json, input_errors
from negotiation.cli.packs import PACK
from negotiation.errors import InputError, Problem, shown_file
from negotiation.events.actors import Gazetteer

__all__ = ["evaluate_cmd", "extract_cmd"]


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return check_date(dt.date.fromisoformat(value.strip()))
    except ValueError as exc:
        raise click.BadParameter(f"expected YYYY-MM-DD, got {value!r}: {exc}") from None


def _known_sets(
    ctx: click.Context, param: click.Parameter, value: tuple[str, ...]
) -> tuple[str, ...]:
    """An evaluation set's name is a flag's value (was an error about sets.yaml, no line)."""
    if value:
        from negotiation.extract.sets import set_names

        known = set_names()
        for name in value:
            if name not in known:
                raise click.BadParameter(unknown("evaluation set", name, known))
    return value


def _exclusive(actors: str | None, no_actors: bool) -> None:
    if no_actors and actors is not None:  # was taken: --no-actors won, the file unread
        raise click.UsageError("--actors and --no-actors exclude each other")


def _gazetteer(actors: str | None, no_actors: bool) -> Gazetteer:
    if no_actors:
        return Gazetteer([])
    from negotiation.events.log import load_actors

    return load_actors(actors)


def _drafted_file(drafted: list[Any], articles: int) -> str:
    """An actors file of drafted actors, labelled as the guesses they are."""
    from negotiation._internal.yamldoc import dump

    header = (
        f"# Actors drafted by `negotiation extract --draft-actors` from the names {articles} "
        "article(s) use.\n# Every entry is a guess: check each name, merge the names of one "
        "actor (as aliases),\n# correct the guessed type, add the people and groups named "
        "without capitals\n# (protesters, the police) and each person's party.\n"
    )
    actors = [a.model_dump(mode="json", exclude_defaults=True) for a in drafted]
    return header + dump({"actors": actors})


def _articles(paths: Sequence[str], published: dt.date | None) -> list[Any]:
    from negotiation.corpus import load_articles, read_article
    from negotiation.corpus.article import ARTICLE_SUFFIXES, article_file, article_files

    out: list[Any] = []
    problems: list[Problem] = []
    for raw in paths:
        p = Path(raw)
        if files.is_dir(p):
            if files.is_file(p / "articles.yaml"):
                arts = list(load_articles(p).values())
            else:
                arts = [read_article(f) for f in article_files(p)]
            if not arts:
                problems.append(
                    Problem(file=str(p), message="no articles (*.txt, *.html) in this directory")
                )
            if published is not None:  # it dates those the metadata or the text does not
                arts = [
                    read_article(
                        a.path or article_file(p, a.id) or p / f"{a.id}.txt",
                        a.meta,
                        default_published=published,
                    )
                    if a.meta.date_basis in ("inferred", "unknown")
                    else a
                    for a in arts
                ]
            out.extend(arts)
        elif files.is_file(p):
            meta = None
            if files.is_file(p.parent / "articles.yaml") and p.suffix.lower() in ARTICLE_SUFFIXES:
                known = load_articles(p.parent)
                meta = known[p.stem].meta if p.stem in known else None
            out.append(read_article(p, meta, default_published=published))
        elif os.path.lexists(p):  # a device, a FIFO, a symlink loop: the reader says which
            out.append(read_article(p, None, default_published=published))
        else:
            problems.append(Problem(file=str(p), message="no such file or directory"))
    for a in out:
        if a.meta.date_basis == "unknown" and published is None:
            why = a.meta.date_reasoning or "no date in the text and no metadata"
            problems.append(
                Problem(
                    file=a.path or a.id,
                    message=f"cannot tell when this article was published ({why}): pass "
                    "--published YYYY-MM-DD",
                )
            )
    if problems:
        raise InputError(problems)
    return out


def _mention_line(m: Any) -> str:
    date = m.date.isoformat() + (
        "" if m.granularity.value == "day" else f" ({m.granularity.value})"
    )
    if m.date_end is not None:
        date += f"..{m.date_end.isoformat()}"
    who = ",".join(m.actors) or "-"
    if m.recipients:
        who += " -> " + ",".join(m.recipients)
    facts = m.facts.present()
    extra = f" {facts}" if facts else ""
    cands = f" [candidates: {', '.join(m.candidate_actors[:4])}]" if m.candidate_actors else ""
    quote = m.citation.quote if len(m.citation.quote) <= 160 else m.citation.quote[:157] + "..."
    raw = {
        "text": f' [date: "{m.date_text}"]',
        "election": " [date: after the election, before publication]",
        "context": " [date: after the last date named, before publication]",
        "publication": " [date: publication week]"
        if m.granularity.value == "week"
        else " [date: the publication day]",
    }[m.date_source]
    return (
        f"  {date:<24} {m.kind:<19} {who}{extra} conf {m.confidence:.2f}{raw}{cands}\n"
        f'      "{quote}" @{m.citation.start}-{m.citation.end}'
    )


def _extract_all(
    articles: list[Any], extractor: Any, plain: Any, defaults: bool, min_confidence: float
) -> tuple[list[tuple[Any, list[Any]]], dict[str, dict[str, int]]]:
    """Mentions per article (none for a text in another language) and, per article, how many
    mentions were not events, by modality."""
    from negotiation.corpus.language import detect_language

    per_article: list[tuple[Any, list[Any]]] = []
    dropped: dict[str, dict[str, int]] = {}
    for a in articles:
        if not a.text.strip():  # `validate` refuses it; here the other articles still count
            click.echo(
                f"warning: {shown_file(str(a.path or a.id))}: empty, no text to extract from",
                err=True,
            )
            per_article.append((a, []))
            continue
        language = detect_language(a.text)
        if language not in ("en", ""):
            click.echo(
                f"warning: {shown_file(str(a.path or a.id))}: the text is in another language ({language}); the "
                "lexicon is English only: no events extracted",
                err=True,
            )
            per_article.append((a, []))
            continue
        chosen = extractor
        if defaults and not extractor.matcher.fits(a.text):
            click.echo(
                f"warning: {shown_file(str(a.path or a.id))}: names no actor of the built-in (Cambodian) "
                "gazetteer; read without one (pass --pack, --actors FILE, --draft-actors FILE "
                "or --no-actors)",
                err=True,
            )
            chosen = plain
        every = chosen.mentions(a)
        counts = Counter(m.modality for m in every if not chosen.keeps(m))
        dropped[a.id] = dict(sorted(counts.items()))
        ms = [m for m in every if chosen.keeps(m) and m.confidence >= min_confidence]
        per_article.append((a, ms))
    return per_article, dropped


@main.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="Print mentions and merged events as JSON.")
@click.option(
    "--published", callback=_date, metavar="YYYY-MM-DD",
    help="Publication date, for articles without metadata or a date in the text (a dateline "
    "without a year takes the year nearest it; a dated dateline or metadata is kept).",
)  # fmt: skip
@click.option("--actors", type=click.Path(), help="Actors file (default: the built-in actors).")
@click.option("--no-actors", is_flag=True, help="Use no gazetteer (every name is a candidate).")
@click.option("--lexicon", type=click.Path(), help="Trigger lexicon (default: built-in).")
@PACK
@click.option("--min-confidence", type=Number(0, 1), default=0.0, show_default=True,
              help="Drop mentions below this confidence.")  # fmt: skip
@click.option("--out", type=click.Path(), help="Write the merged event log (YAML) here.")
@click.option(
    "--draft-actors", type=click.Path(), metavar="FILE",
    help="Draft an actors file from the names the articles use that the gazetteer (--actors, "
    "--pack; else none) does not know, extract with it and write it to FILE for review.",
)  # fmt: skip
@input_errors
def extract_cmd(
    paths: tuple[str, ...],
    as_json: bool,
    published: dt.date | None,
    actors: str | None,
    no_actors: bool,
    lexicon: str | None,
    pack: str | None,
    min_confidence: float,
    out: str | None,
    draft_actors: str | None,
) -> None:
    """Propose typed, dated, sourced events from articles (*.txt files, saved *.html pages or
    folders of them).

    A saved web page is read as its story: trafilatura tells the story from the page around it
    (menus, links, comments) and the page's metadata gives its date; quotes cite that text.

    With --pack, the pack's gazetteer and its vocabulary's triggers are used. Without --pack,
    --actors or --no-actors, an article that names no actor of the built-in (Cambodian)
    gazetteer by a name of its own is read with no gazetteer, with a warning.
    With --draft-actors, the names the articles use become a draft gazetteer (types guessed
    from their words) that is extracted with and written to a file for review.
    """
    from negotiation._internal.atomic import check_not_input, check_output, write_text
    from negotiation._internal.yamldoc import dump
    from negotiation.extract.extract import Extractor
    from negotiation.extract.lexicon import load_lexicon
    from negotiation.extract.merge import merge_mentions

    _exclusive(actors, no_actors)
    for target in (out, draft_actors):
        if target:
            check_output(target)  # before any work
    if out and draft_actors and Path(out).resolve() == Path(draft_actors).resolve():
        raise click.UsageError("--out and --draft-actors name the same file")
    lex = load_lexicon(lexicon)
    if pack is not None:
        from negotiation.extract.lexicon import lexicon_for_pack
        from negotiation.packs import load_pack

        folder = load_pack(pack).root
        gazetteer = _gazetteer(actors or str(folder), no_actors)
        lex = lex if lexicon else lexicon_for_pack(folder)
    else:
        gazetteer = _gazetteer(actors, no_actors)
    defaults = pack is None and actors is None and not no_actors
    articles = _articles(paths, published)
    for target in (out, draft_actors):
        if target:
            check_not_input(target)  # an article just read: before extracting from it
    drafted: list[Any] = []
    if draft_actors:
        from negotiation.extract.drafting import draft_actors as draft

        base = Gazetteer([]) if defaults else gazetteer
        drafted = draft(articles, base)
        gazetteer, defaults = Gazetteer([*base, *drafted]), False
    extractor = Extractor(gazetteer, lex)
    plain = Extractor(Gazetteer([]), lex)
    per_article, dropped = _extract_all(articles, extractor, plain, defaults, min_confidence)
    unique = {k for k, r in lex.rules.items() if r.unique}
    log = merge_mentions(
        [m for _, ms in per_article for m in ms], gazetteer=gazetteer, unique=unique
    )
    if out:
        data = log.model_dump(mode="json", exclude_defaults=True)
        header = "# Event log proposed by `negotiation extract` — review every event before use.\n"
        write_text(out, header + dump(data))
    if draft_actors:
        write_text(draft_actors, _drafted_file(drafted, len(articles)))
    if as_json:
        echo_json(_extraction_json(per_article, dropped, log, drafted if draft_actors else None))
        return
    _print_extraction(per_article, dropped, log, out)
    if draft_actors:
        click.echo(f"{len(drafted)} actor(s) drafted from the articles; written to {draft_actors}")


def _extraction_json(
    per_article: list[tuple[Any, list[Any]]],
    dropped: dict[str, dict[str, int]],
    log: Any,
    drafted: list[Any] | None,
) -> dict[str, Any]:
    """What ``extract --json`` prints (``drafted_actors`` only with ``--draft-actors``)."""
    return {
        "format_version": 1,
        "articles": [
            {
                "id": a.id,
                "published": a.published.isoformat(),
                "date_basis": a.meta.date_basis,
                "mentions": [m.model_dump(mode="json") for m in ms],
                "dropped": dropped.get(a.id, {}),
            }
            for a, ms in per_article
        ],
        "events": [e.model_dump(mode="json") for e in log.events],
        "conflicts": [c.model_dump(mode="json") for c in log.conflicts],
        **(
            {"drafted_actors": [a.model_dump(mode="json") for a in drafted]}
            if drafted is not None
            else {}
        ),
    }


def _print_extraction(
    per_article: list[tuple[Any, list[Any]]],
    dropped: dict[str, dict[str, int]],
    log: Any,
    out: str | None,
) -> None:
    for a, ms in per_article:
        skipped = ", ".join(f"{n} {k}" for k, n in dropped.get(a.id, {}).items())
        click.echo(
            f"{a.id} (published {a.published.isoformat()}, {a.meta.date_basis}): "
            f"{len(ms)} mention(s)" + (f"; not events: {skipped}" if skipped else "")
        )
        for m in ms:
            click.echo(_mention_line(m))
    click.echo(
        f"\n{len(log.events)} event(s) after merging, {len(log.conflicts)} conflict(s)"
        + (f"; written to {out}" if out else "")
    )
    for c in log.conflicts:
        claims = "; ".join(f"{cl.value} ({cl.source.article})" for cl in c.claims)
        click.echo(f"  conflict {c.id}: {c.description}: {claims}")


def _print_evaluation(name: str, description: str, result: Any, tolerance: int) -> None:
    click.echo(f"== {name}: {description}")
    click.echo(
        f"events: gold {result.tp + result.fn}, extracted {result.extracted}; "
        f"dates within ±{tolerance} day(s)"
    )
    click.echo(
        f"precision {result.precision:.3f}   recall {result.recall:.3f}   "
        f"F1 {result.f1:.3f}   (tp {result.tp}, fp {result.fp}, fn {result.fn})   "
        f"duplicates {result.duplicate_rate:.3f}"
    )
    fields = "   ".join(f"{k} {'-' if v is None else f'{v:.2f}'}" for k, v in result.fields.items())
    click.echo(f"field accuracy (matched pairs): {fields}\n")
    click.echo(f"{'kind':<20}{'tp':>4}{'fp':>4}{'fn':>4}{'prec':>8}{'rec':>8}{'f1':>8}")
    for k in result.per_kind:
        click.echo(
            f"{k.kind:<20}{k.tp:>4}{k.fp:>4}{k.fn:>4}{k.precision:>8.2f}{k.recall:>8.2f}{k.f1:>8.2f}"
        )
    if result.false_negatives:
        click.echo("\nmissed (gold, not extracted): " + ", ".join(result.false_negatives))
    if result.false_positives:
        click.echo("spurious (extracted, not in gold): " + ", ".join(result.false_positives))
    wrong = [label for label, ok in result.modality_checks if not ok]
    if wrong:
        click.echo("labelled non-asserted mentions read as events: " + ", ".join(wrong))
    click.echo("")


@main.command("evaluate")
@click.option("--set", "set_names", multiple=True, metavar="NAME", callback=_known_sets,
              help="Evaluation set (repeatable): seeds, tuning, heldout; default: seeds and heldout.")  # fmt: skip
@click.option("--gold", type=click.Path(), help="Score against this event log instead of the sets.")
@click.option("--articles", "articles_dir", type=click.Path(),
              help="Articles directory for --gold (default: the log's folder if it has an "
                   "articles.yaml or texts, else the built-in seeds).")  # fmt: skip
@click.option("--actors", type=click.Path(),
              help="Actors file for --gold (default: the actors.yaml beside the log, else "
                   "built-in).")  # fmt: skip
@click.option("--lexicon", type=click.Path(), help="Trigger lexicon (default: built-in + pack's).")
@click.option("--tolerance", type=click.IntRange(0, 3660), default=1, show_default=True,
              help="Days of slack around a gold event's period.")  # fmt: skip
@click.option("--min-f1", type=Number(0, 1), default=None, help="Exit 1 if any F1 is below this.")
@click.option("--json", "as_json", is_flag=True, help="Print scores as JSON.")
@input_errors
def evaluate_cmd(
    set_names: tuple[str, ...],
    gold: str | None,
    articles_dir: str | None,
    actors: str | None,
    lexicon: str | None,
    tolerance: int,
    min_f1: float | None,
    as_json: bool,
) -> None:
    """Score extraction: precision, recall, F1, date/actor/modality accuracy, duplicate rate.

    By default on the seeds (tuned on) and on the frozen held-out set (never tuned on).
    """
    from negotiation.extract.lexicon import lexicon_for_pack, load_lexicon
    from negotiation.extract.sets import EvaluationSet, Part, load_set, run_set

    lex = load_lexicon(lexicon) if lexicon else None
    chosen: list[EvaluationSet] = []
    if gold is not None or articles_dir is not None:
        if set_names:
            raise InputError(
                [Problem(file="<command line>", message="--set and --gold exclude each other")]
            )
        from negotiation._internal import files
        from negotiation.corpus import load_articles
        from negotiation.corpus.article import article_files
        from negotiation.events.log import articles_beside, load_actors, load_event_log

        if gold is not None:  # another dispute's log brings its own actors and articles
            folder = Path(gold) if files.is_dir(gold) else Path(gold).parent
            if actors is None and files.is_file(folder / "actors.yaml"):
                actors = str(folder / "actors.yaml")
            # its texts as every command reading a log takes them (was: only with an
            # articles.yaml, else the seeds, each of its articles then 'unknown')
            if articles_dir is None and (
                files.is_file(folder / "articles.yaml") or article_files(folder)
            ):
                articles_dir = str(folder)

        # a pack's log cites the texts its pack.yaml lists too (the Cambodian pack: the seeds)
        in_pack = gold is not None and articles_dir == str(folder)
        arts = articles_beside(folder) if in_pack else load_articles(articles_dir)
        gazetteer = load_actors(actors)
        gold_log = load_event_log(gold, articles=arts, actors=gazetteer)
        wanted = {c.article for e in gold_log.events for c in e.sources}
        scope = tuple(a for a in arts.values() if not wanted or a.id in wanted)
        # a pack's log is read with the pack's own triggers, as `extract --pack` reads its texts
        own = lexicon_for_pack(folder) if gold is not None else load_lexicon()
        part = Part("gold", scope, gold_log, gazetteer, lex or own)
        chosen.append(EvaluationSet("gold", gold or "the seed log", False, (part,)))
    else:
        chosen = [load_set(n) for n in (set_names or ("seeds", "heldout"))]
    results = [(s, run_set(s, tolerance_days=tolerance, lexicon=lex)) for s in chosen]
    if as_json:
        echo_json(
            {
                "format_version": 1,
                "sets": {
                    s.name: {"description": s.description, "held_out": s.held_out, **r.summary()}
                    for s, r in results
                },
            }
        )
    else:
        for s, r in results:
            _print_evaluation(s.name, s.description, r, tolerance)
    if min_f1 is not None and any(r.f1 < min_f1 for _, r in results):
        sys.exit(EXIT_FAILED)
