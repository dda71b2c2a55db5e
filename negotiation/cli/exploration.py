"""Commands: explore (bounded exhaustive search of a model)."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from negotiation._internal import files
from negotiation._internal.atomic import check_output_dir
from negotiation._internal.calendar import check_date
from negotiation._internal.suggest import did_you_mean, unknown
from negotiation.cli import main
from negotiation.cli.common import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_LIMIT,
    EXIT_OK,
    Number,
    check_interpretation,
    echo_json,
    input_errors,
)
from negotiation.cli.packs import PACK, event_log, load_log, pack_files, warn_mismatch
from negotiation.errors import InputError, shown_file

if TYPE_CHECKING:
    from negotiation.events import Event

__all__ = ["exit_code", "explore"]


def _two_parties(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> tuple[str, str] | None:
    if value is None:
        return None
    names = [n.strip() for n in value.split(",")]
    if len(names) != 2 or not all(names):
        raise click.BadParameter(f"expected two party ids like odm,pnu, got {value!r}")
    if names[0] == names[1]:  # was taken: one party against itself
        raise click.BadParameter(f"expected two different parties, got {value!r}")
    return names[0], names[1]


def _two_seat_counts(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> tuple[int, int] | None:
    if value is None:
        return None
    try:
        seats = [int(n) for n in value.split(",")]
    except ValueError:
        seats = []
    if len(seats) != 2 or min(seats) < 0 or max(seats) > MAX_SEATS:
        raise click.BadParameter(
            f"expected two whole numbers like 68,55 (each at most {MAX_SEATS}), got {value!r}"
        )
    return seats[0], seats[1]


#: the most seats an assembly may have in --split
MAX_SEATS = 100_000


def _start_date(
    ctx: click.Context, param: click.Parameter, value: dt.datetime | None
) -> dt.datetime | None:
    if value is not None:
        try:
            check_date(value.date())
        except ValueError as exc:
            raise click.BadParameter(str(exc)) from None
    return value


@main.command()
@event_log("events", "--events")
@PACK
@click.option("--model", "model", default=None, help="model spec file (default: built-in)")
@click.option("--profile", default=None, help="constitution profile file or name")
@click.option("--interpretation", default=None, help="a named interpretation")
@click.option("--max-states", type=click.IntRange(min=1), default=200_000, show_default=True)
@click.option("--max-depth", type=click.IntRange(min=0), default=8, show_default=True)
@click.option(
    "--max-seconds",
    type=Number(min=0, min_open=True, allow_inf=True),
    default=60.0,
    show_default=True,
    help="stop the search after this many seconds of wall time (more than 0; inf: no limit)",
)
@click.option(
    "--gaps",
    "gaps_for",
    type=click.Choice(["dated", "all"]),
    default="dated",
    show_default=True,
    help="which kinds are explored with every date gap (dated: those whose rules or effects "
    "use dates)",
)
@click.option("--after", "after", default=None, help="start after this event of the log")
@click.option("--json", "as_json", is_flag=True, help="print the result as JSON")
@click.option(
    "--save",
    type=click.Path(file_okay=False),
    default=None,
    help="write counterexamples and witnesses as scenario files to this directory",
)
@click.option(
    "--start",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    callback=_start_date,
    help="date of the first abstract event (default: the first event of the dispute's log)",
)
@click.option(
    "--parties",
    default=None,
    metavar="A,B",
    callback=_two_parties,
    help="the two parties the abstract events name (default: from the dispute's log)",
)
@click.option(
    "--split",
    default=None,
    metavar="N,M",
    callback=_two_seat_counts,
    help="their seats in the abstract results, e.g. 99,111 (default: from the dispute's log)",
)
@click.option(
    "--fingerprint",
    is_flag=True,
    help="keep 64-bit fingerprints of visited states instead of the states (less memory; "
    "collision odds about n^2/2^65 for n states)",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1, max=64),
    default=1,
    show_default=True,
    help="processes that expand each breadth-first level",
)
@click.option(
    "--max-memory",
    "max_memory",
    type=Number(min=1, allow_inf=True),
    default=None,
    metavar="MB",
    help="stop (with the partial result, exit 3) when resident memory exceeds this many MB "
    "[default: 3/4 of this machine's memory]",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="progress bar on stderr (default: when stderr is a terminal)",
)
@input_errors
def explore(
    pack: str | None,
    model: str | None,
    profile: str | None,
    interpretation: str | None,
    max_states: int,
    max_depth: int,
    max_seconds: float,
    gaps_for: str,
    events: str | None,
    after: str | None,
    as_json: bool,
    save: str | None,
    start: dt.datetime | None,
    parties: tuple[str, str] | None,
    split: tuple[int, int] | None,
    fingerprint: bool,
    workers: int,
    max_memory: float | None,
    progress: bool | None,
) -> None:
    """Explore every sequence of abstract events the rules allow, breadth first, within the
    limits; check invariants and temporal properties at every state.

    LOG (default: the pack's, the record, or events.yaml beside --model) gives the parties,
    seats and dates of the abstract events, and with --after the start.

    Exit 0 when no violation was found, 1 when some were, 2 on invalid input, 3 when no
    violation was found but the search was cut short by --max-states, --max-seconds or
    --max-memory (or memory ran out), 130 when interrupted by Ctrl-C; the partial result is
    printed either way (--max-depth is the bound asked for, not a cut)."""
    from negotiation.explore import explore as run_explore
    from negotiation.explore.timing import default_max_memory_mb

    if save is not None:
        check_output_dir(save)  # before any work
    model, profile, events = pack_files(pack, model, profile, events)
    check_interpretation(model, profile, interpretation)
    log, start_events = _log_and_start(model, events, after)
    if parties is not None:
        _check_parties(parties, model, events)
    with _named(events):
        result = run_explore(
            model,
            profile,
            interpretation,
            max_states=max_states,
            max_depth=max_depth,
            max_seconds=max_seconds,
            gaps_for="all" if gaps_for == "all" else "dated",
            start_events=start_events,
            events=log,
            start=start.date() if start else None,
            parties=parties,
            split=split,
            fingerprint=fingerprint,
            workers=workers,
            max_memory_mb=default_max_memory_mb() if max_memory is None else max_memory,
            progress=sys.stderr.isatty() if progress is None else progress,
        )
    written = result.save(save) if save else []
    if as_json:
        data = result.to_json()
        if save:
            data["saved"] = [str(p) for p in written]
        echo_json(data)
    else:
        click.echo(result.summary(), nl=False)
        for p in written:
            click.echo(f"wrote {shown_file(str(p))}")
        if save and not written:
            click.echo(f"wrote nothing to {save}: no counterexample or witness was found")
    sys.exit(exit_code(result.stopped, bool(result.violations)))


@contextmanager
def _named(events: str | None) -> Iterator[None]:
    """The search's input errors about its domain (they named "<input>"): seats --split gave,
    or a log with no parties and seats to draw from (named)."""
    try:
        yield
    except InputError as exc:
        first = exc.problems[0]
        if first.file == "<input>" and first.message.startswith("seats "):
            raise click.BadParameter(first.message, param_hint="'--split'") from None
        if events is None:
            raise
        from negotiation.events.log import log_file
        from negotiation.model.compiler import name_files

        raise name_files(exc, str(log_file(events))) from None


def _check_parties(parties: tuple[str, str], model: str | None, events: str | None) -> None:
    """A warning when ``--parties`` names a party that is none of the dispute's but near one
    of them (of the actors file beside its log, else beside its model; the built-in record's
    for the built-in model): a typo explored a party no region or rule knows, silently. A name
    near none ('others', the rest of the seats) is taken as meant."""
    from negotiation.events.log import ACTORS_FILE, load_actors, log_file

    if events is None and model is not None:
        if not files.is_file(model):
            return
        events = str(Path(model).parent)
    path = log_file(events).parent / ACTORS_FILE
    if not files.is_file(path):
        return
    known = sorted(a.id for a in load_actors(path) if a.type.value == "party")
    for party in parties:
        if party not in known and (near := did_you_mean(party, known)):
            click.echo(
                f"warning: --parties: unknown party {party!r}{near} (the parties of {path}): "
                "the abstract events name a party no region or rule of the dispute knows",
                err=True,
            )


def _log_and_start(
    model: str | None, events: str | None, after: str | None
) -> tuple[list[Event], list[Event]]:
    """The dispute's log (LOG, else events.yaml beside a model file) and, with ``after``,
    the events up to it, where the search starts."""
    if events is None and model is not None and files.is_file(model):
        beside = Path(model).parent / "events.yaml"  # the dispute's own log, for its domain
        events = str(beside) if files.is_file(beside) else None
    if after is None and events is None:
        return [], []

    loaded = load_log(events)
    warn_mismatch(model, loaded, events)
    log = list(loaded)
    if after is None:
        return log, []
    ids = [e.id for e in log]
    if after not in ids:
        raise click.BadParameter(unknown("event", after, ids), param_hint="'--after'")
    return log, log[: ids.index(after) + 1]


def exit_code(stopped: str, violations: bool) -> int:
    """1 with violations; else 130 when interrupted, 3 when cut short by a limit, 0."""
    if violations:
        return EXIT_FAILED
    if stopped == "interrupted":
        return EXIT_INTERRUPTED
    return EXIT_LIMIT if stopped in INCOMPLETE else EXIT_OK


#: how a search is cut short by a limit (no violation found in what was searched): exit 3
INCOMPLETE = ("max_states", "max_seconds", "max_memory")
