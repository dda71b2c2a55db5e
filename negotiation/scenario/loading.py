"""Loading scenario files: YAML with every value's position, validated against the schema.

Names (event ids, phases, rules …) are checked later, by
:func:`~negotiation.scenario.running.plan_scenario`, once the events and the model are known.
:func:`scenario_files` expands files, directories and globs; :func:`base_events` reads the event
log a scenario starts from.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from negotiation._internal import atomic, files, yamldoc
from negotiation._internal.dockinds import value_words
from negotiation._internal.named import named_file
from negotiation.errors import InputError, NegotiationError, Problem
from negotiation.events import Event, EventLog
from negotiation.events.actors import Gazetteer
from negotiation.scenario.document import locate, named_at
from negotiation.scenario.schema import Scenario

__all__ = [
    "LoadedScenario",
    "base_actors",
    "base_events",
    "dump_scenario",
    "load_scenario",
    "load_scenario_text",
    "other_kind",
    "scenario_files",
]


@dataclass
class LoadedScenario:
    """A scenario, the document it was read from (for locating problems) and the directory its
    relative paths are read from."""

    scenario: Scenario
    doc: yamldoc.Document | None
    base_dir: Path

    @property
    def file(self) -> str:
        return self.doc.file if self.doc else "<scenario>"


def _from_document(doc: yamldoc.Document, base_dir: Path) -> LoadedScenario:
    if doc.data is None:
        problem = doc.problem(
            (), "empty document, expected a scenario (a mapping with at least 'name')"
        )
        raise InputError(replace(problem, line=1, column=1) if problem.line is None else problem)
    if not isinstance(doc.data, dict):
        raise InputError(
            doc.problem(
                (),
                "expected a scenario (a mapping with at least 'name'), got "
                + value_words(doc.data),
            )
        )
    scenario = yamldoc.parse(doc, Scenario)
    if scenario.pack is not None:
        scenario = _with_pack(scenario, doc, base_dir)
    return LoadedScenario(scenario, doc, base_dir)


def _with_pack(scenario: Scenario, doc: yamldoc.Document, base_dir: Path) -> Scenario:
    """``pack: ID`` (or a folder): the pack's model, profile and event log, where the
    scenario does not name its own."""
    from negotiation.packs import load_pack

    assert scenario.pack is not None
    ref = scenario.pack
    folder = base_dir / ref
    with named_file(doc, ("pack",), "pack"):
        pack = load_pack(folder if files.is_file(folder / "pack.yaml") else ref)
    given = doc.data if isinstance(doc.data, dict) else {}
    updates: dict[str, str] = {}
    # absolute: a relative one was read from the scenario's folder again (a scenario named as
    # packs/p/scenarios/s.yaml with `pack: ..` looked for packs/p/scenarios/packs/p/...)
    if "model" not in given:
        updates["model"] = os.path.abspath(pack.model_path)
    if "profile" not in given and pack.profile_path is not None:
        updates["profile"] = os.path.abspath(pack.profile_path)
    if "events" not in given:
        updates["events"] = os.path.abspath(pack.events_path)
    return scenario.model_copy(update=updates)


def load_scenario(path: Path | str) -> LoadedScenario:
    """Load and validate a scenario file's schema (errors located at file:line:col).

    Names (event ids, phases, rules ...) are checked by :func:`plan_scenario`.
    """
    return _from_document(yamldoc.load(path), Path(path).parent)


def load_scenario_text(
    text: str, file: str = "<scenario>", base_dir: Path | str = "."
) -> LoadedScenario:
    """A scenario from YAML text (relative paths in it are read from ``base_dir``)."""
    return _from_document(yamldoc.load_text(text, file), Path(base_dir))


def dump_scenario(scenario: Scenario) -> str:
    """A scenario as YAML, defaults left out: ``load_scenario_text(dump_scenario(s))`` gives
    ``s`` back. Exploration writes its counterexamples with this."""
    data = scenario.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    return yamldoc.dump(data)


def scenario_files(paths: Sequence[str | Path]) -> list[Path]:
    """Files, directories (every *.yaml/*.yml below) and globs, sorted, without repeats."""
    found: list[Path] = []
    for raw in paths:
        text = str(raw)
        matches = (
            [Path(m) for m in sorted(glob.glob(text, recursive=True))]
            if glob.has_magic(text)
            else [Path(text)]
        )
        if not matches:
            raise InputError(Problem(file=text, message="no file matches this pattern"))
        for p in matches:
            if files.is_dir(p):
                below = sorted(q for q in p.rglob("*") if q.suffix in (".yaml", ".yml"))
                kept = [q for q in below if files.is_file(q) and not other_kind(q)]
                if not kept:
                    why = (  # an `explore --save` folder: the search found nothing to write
                        " (`explore --save` wrote it: no counterexample or witness was found)"
                        if files.is_file(p / atomic.MARKER)
                        else ""
                    )
                    raise InputError(
                        Problem(file=text, message=f"no scenario files in this folder{why}")
                    )
                found += kept
            elif files.exists(p):
                found.append(p)
            elif os.path.lexists(p):
                raise InputError(Problem(file=str(p), message="broken symlink or symlink loop"))
            else:
                raise InputError(Problem(file=str(p), message="file not found"))
    seen: set[str] = set()
    out: list[Path] = []
    for p in found:
        real = os.path.realpath(p)  # never raises on a symlink loop, unlike Path.resolve
        if real not in seen:
            seen.add(real)
            out.append(p)
    return out


#: top-level keys only a scenario has; a file with none of them and some foreign key is
#: another kind of file (an event log a scenario reads, a model, a profile ...)
SCENARIO_ONLY_KEYS = frozenset(
    {"name", "variations", "expect", "matrix", "interpretation", "disable_rules"}
)
_SCENARIO_KEYS = SCENARIO_ONLY_KEYS | {"description", "model", "profile", "events", "simulation"}


def other_kind(path: Path) -> bool:
    """Whether a YAML file found in a folder of scenarios is another kind of file (a model, a
    profile, an event log that the scenarios read): skipped when the folder is run. A file that
    does not parse is not another kind: loading it reports the problem at its place."""
    try:
        data = yamldoc.load(path).data
    except InputError:
        return False
    if not isinstance(data, dict):
        return False
    keys = {str(k) for k in data}
    return not keys & SCENARIO_ONLY_KEYS and bool(keys - _SCENARIO_KEYS)


#: the logs scenarios start from, by real path: the state of the log and of the files beside
#: it when it was loaded, and its events
_LOGS: dict[str, tuple[tuple[Any, ...], tuple[Event, ...]]] = {}


def _beside(path: Path) -> tuple[tuple[str, int, int], ...]:
    """The state of the files beside a log (its actors, articles, texts and vocabulary, which
    loading checks it against): a log is loaded again when one of them changed."""
    with os.scandir(path.parent) as entries:
        return tuple(
            sorted(
                (e.name, e.stat().st_mtime_ns, e.stat().st_size)
                for e in entries
                if e.is_file() and e.name != path.name
            )
        )


def base_events(loaded: LoadedScenario) -> list[Event]:
    """The events the variations start from: the built-in log, a log file, or inline events."""
    from negotiation.events.log import load_event_log  # late: the corpus layer is heavier

    events = loaded.scenario.events
    if not isinstance(events, str):
        return list(events)
    if events == "builtin":
        from negotiation._internal.paths import seeds_dir

        path = seeds_dir() / "events.yaml"
    else:
        path = loaded.base_dir / events
        if files.is_dir(path):
            path = path / "events.yaml"
    where = named_at(loaded.doc, ("events",)) if events != "builtin" else ()
    try:
        real, state = os.path.realpath(path), (path.stat().st_mtime_ns, _beside(path))
    except (OSError, ValueError):  # ValueError: a NUL in the name
        raise InputError(locate(loaded.doc, where, f"event log {str(path)!r} not found")) from None
    known = _LOGS.get(real)
    if known is None or known[0] != state:
        with named_file(loaded.doc, where, "event log", named=path):
            log: EventLog = load_event_log(path)
        known = _LOGS[real] = (state, log.events)
    return list(known[1])


def base_actors(loaded: LoadedScenario) -> Gazetteer | None:
    """The actors of the base log (``actors.yaml`` beside it), or ``None`` when it has none
    (inline events, no file, or one that does not load)."""
    from negotiation.events.log import load_actors

    events = loaded.scenario.events
    if not isinstance(events, str):
        return None
    if events == "builtin":
        from negotiation._internal.paths import seeds_dir

        folder = seeds_dir()
    else:
        path = loaded.base_dir / events
        folder = path if files.is_dir(path) else path.parent
    if not files.is_file(folder / "actors.yaml"):
        return None
    try:
        return load_actors(folder)
    except NegotiationError:  # the log's own actors are broken: loading the log says so
        return None
