"""Whether an event log is of the dispute a model was written for.

A model is written for one dispute, and its own log lies beside it (``events.yaml`` in its
folder; for the built-in model, the built-in record). A log of another dispute replays against
it without error, and means little: the rules reject events for reasons of another
constitution. :func:`dispute_mismatch` tells, as a warning, when a log shares no actor with the
model's own log (the dispute's names, when both logs give one, are quoted in the warning).
"""

from __future__ import annotations

from pathlib import Path

from negotiation._internal import files, paths
from negotiation.errors import NegotiationError
from negotiation.events import EventLog

__all__ = ["EVENTS_FILE", "dispute_mismatch", "home_log_path"]

EVENTS_FILE = "events.yaml"


def home_log_path(model: str | Path | None) -> Path | None:
    """The log of the dispute ``model`` was written for: the built-in record for the built-in
    model, else ``events.yaml`` beside the model file (``None`` when there is none)."""
    if model is None:
        return paths.seeds_dir() / EVENTS_FILE
    beside = Path(model).parent / EVENTS_FILE
    return beside if files.is_file(beside) else None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except (OSError, RuntimeError):  # a symlink loop: not the same file as anything
        return False


def _actors(log: EventLog) -> set[str]:
    return {a for e in log.events for a in e.actors}


def dispute_mismatch(
    model: str | Path | None, log: EventLog, log_path: str | Path | None
) -> str | None:
    """A warning when ``log`` (read from ``log_path``) is of another dispute than ``model``'s
    own log: the two name no actor in common. ``None`` when they fit, or when it cannot be
    told (no log beside the model, or one without actors)."""
    from negotiation.events.log import load_event_log

    home = home_log_path(model)
    given = paths.seeds_dir() / EVENTS_FILE if log_path is None else Path(log_path)
    if files.is_dir(given):
        given = given / EVENTS_FILE
    if home is None or _same_file(home, given):
        return None
    try:
        own = load_event_log(home, check=False)
    except NegotiationError:  # the model's own log is broken: not this command's business
        return None
    theirs, ours = _actors(log), _actors(own)
    if not theirs or not ours or theirs & ours:
        return None
    named = f" ({log.dispute!r})" if log.dispute else ""
    own_named = f" ({own.dispute!r})" if own.dispute else ""
    return (
        f"{given}: this log{named} shares no actor with the model's own log {home}{own_named}: "
        "it looks like another dispute, and its replay against this model may mean little"
        + _pack_hint(given)
    )


def _pack_hint(log_path: Path) -> str:
    """Where the log is the one of the pack whose folder it sits in: that pack, and the flag
    that uses it (a log is replayed against the built-in model unless --pack says otherwise)."""
    from negotiation.packs import PACK_FILE, load_pack

    folder = log_path.parent
    if not files.is_file(folder / PACK_FILE):
        return ""
    try:
        pack = load_pack(folder)
    except NegotiationError:
        return ""
    if not _same_file(pack.events_path, log_path):
        return ""
    return f"; it sits in the folder of pack {pack.id!r}: pass --pack {folder}"
