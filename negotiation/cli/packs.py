"""Command: packs (the dispute packs found by name); and the ``--pack`` option other commands
share: a pack stands for a model, its profile, its event log and its scenarios."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar, cast

import click

from negotiation.cli import main
from negotiation.cli.common import echo_json, input_errors

__all__ = ["PACK", "event_log", "load_log", "pack_files", "packs", "warn_mismatch"]

F = TypeVar("F", bound=Callable[..., Any])

PACK = click.option(
    "--pack",
    "pack",
    default=None,
    metavar="ID",
    help="a dispute pack, by id or folder (`negotiation packs`): its model, profile, event "
    "log and scenarios, unless given otherwise",
)


def event_log(param: str, *aliases: str) -> Callable[[F], F]:
    """The event log, passed one way on every command: a positional ``[LOG]`` (a file or
    its folder), given to the command as ``param``. ``aliases`` are the flags older releases
    took (``--log``, ``--events``): hidden, still accepted, never both at once."""

    def decorate(fn: F) -> F:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            alias = kwargs.pop("log_alias", None)
            if alias is not None:
                if kwargs.get(param) is not None:
                    raise click.UsageError(
                        f"the event log is given twice: as LOG and as {'/'.join(aliases)}"
                    )
                kwargs[param] = alias
            return fn(*args, **kwargs)

        command: Any = click.argument(param, required=False, metavar="[LOG]")(wrapper)
        if aliases:
            command = click.option(*aliases, "log_alias", default=None, hidden=True)(command)
        return cast(F, command)

    return decorate


def pack_files(
    pack: str | None, model: str | None = None, profile: str | None = None, log: str | None = None
) -> tuple[str | None, str | None, str | None]:
    """The model, profile and event log to use: those given, else the pack's. A ``--model`` or
    ``--profile`` of ``pack:ID`` is that pack's (another dispute's constitution)."""
    model, profile = _of_pack(model, "model"), _of_pack(profile, "profile")
    if pack is None:
        return model, profile, log
    from negotiation.packs import load_pack

    p = load_pack(pack)
    if model is None and profile is None:
        p.check_model()  # a problem in a file pack.yaml names: said there too
    if log is None:
        _FROM_PACKS[str(p.events_path)] = p
    return (
        model if model is not None else str(p.model_path),
        profile if profile is not None else (str(p.profile_path) if p.profile_path else None),
        log if log is not None else str(p.events_path),
    )


def _of_pack(ref: str | None, what: str) -> str | None:
    from negotiation.errors import InputError
    from negotiation.packs import PACK_REF, pack_file

    if ref is None or not ref.startswith(PACK_REF):
        return ref
    try:
        return pack_file(ref, what)
    except InputError as exc:
        message = "; ".join(p.message for p in exc.problems)
        raise click.BadParameter(message, param_hint=f"'--{what}'") from None


#: the event logs :func:`pack_files` gave, and the pack that names each
_FROM_PACKS: dict[str, Any] = {}


def load_log(path: str | None) -> Any:
    """The event log at ``path`` (``None``: the built-in one); when it is a pack's, a problem
    with it is also reported where pack.yaml names it."""
    from negotiation.events.log import load_event_log

    pack = _FROM_PACKS.get(str(path))
    if pack is None:
        return load_event_log(path)
    with pack.named("events"):
        return load_event_log(path)


def warn_mismatch(model: str | None, log: Any, log_path: str | None) -> None:
    """A warning on stderr when ``log`` is of another dispute than ``model``'s own log (once
    the model is known to load: a file that is no model is reported as such, not warned of)."""
    from negotiation.model.spec import load_spec
    from negotiation.replay.match import dispute_mismatch

    load_spec(model)
    warning = dispute_mismatch(model, log, log_path)
    if warning:
        click.echo(f"warning: {warning}", err=True)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="print the packs as JSON")
@input_errors
def packs(as_json: bool) -> None:
    """List the dispute packs: built-in, and registered by other packages (entry-point group
    ``negotiation.packs``)."""
    from negotiation.packs import available_packs

    found = available_packs()
    if as_json:
        data: list[dict[str, Any]] = [p.summary() for p in found.values()]
        echo_json({"format_version": 1, "packs": data})
        return
    for p in found.values():
        click.echo(f"{p.id:<22} {p.meta.title}")
