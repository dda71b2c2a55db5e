"""Command: simulate (seeded Monte Carlo over actor policies, on a process pool or Dask)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from negotiation._internal import files
from negotiation.cli import main
from negotiation.cli.common import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    Number,
    check_interpretation,
    echo_json,
    input_errors,
)
from negotiation.cli.packs import PACK, event_log, load_log, pack_files
from negotiation.errors import InputError, shown_file

__all__ = ["check_flags", "execution_options", "finish", "policy_path", "simulate"]

F = TypeVar("F", bound=Callable[..., Any])


def execution_options(fn: F) -> F:
    """The options of where runs run: --executor, --scheduler, --workers, --chunk-size
    (shared by simulate and sweep)."""
    for option in reversed(_EXECUTION):
        fn = option(fn)
    return fn


_EXECUTION = [
    click.option(
        "--executor",
        type=click.Choice(["serial", "processes", "dask"]),
        default=None,
        help="where the runs run (default: serial with one worker, else processes; "
        "dask with --scheduler)",
    ),
    click.option(
        "--scheduler",
        default=None,
        metavar="ADDRESS",
        help="a Dask scheduler, e.g. tcp://10.0.0.5:8786 (default: a LocalCluster)",
    ),
    click.option(
        "--workers",
        type=click.IntRange(min=1, max=256),
        default=1,
        show_default=True,
        help="worker processes (processes, or the LocalCluster's)",
    ),
    click.option(
        "--chunk-size",
        "chunk_size",
        type=click.IntRange(min=1),
        default=None,
        help="runs per task (default: about 8 tasks per worker, at most 5000 runs)",
    ),
]


def policy_path(pack: str | None, policy: str) -> str:
    """``empirical``, a file, or the name of one of the pack's policies."""
    if policy == "empirical" or files.is_file(policy):
        return policy
    if pack is not None:
        from negotiation.packs import load_pack

        folder = load_pack(pack).policies_dir
        for candidate in (folder / policy, folder / f"{policy}.yaml"):
            if files.is_file(candidate):
                return str(candidate)
        names = sorted(p.stem for p in folder.glob("*.yaml")) if files.is_dir(folder) else []
        from negotiation._internal.suggest import unknown

        raise click.BadParameter(
            unknown("policy", policy, ["empirical", *names]), param_hint="'--policy'"
        )
    raise click.BadParameter(
        f"no such file {policy!r} (or give `empirical`, or a pack's policy with --pack)",
        param_hint="'--policy'",
    )


@main.command()
@event_log("events", "--events")
@PACK
@click.option("--model", "model", default=None, help="model spec file (default: built-in)")
@click.option("--profile", default=None, help="constitution profile file or name")
@click.option("--interpretation", default=None, help="a named interpretation")
@click.option(
    "--policy",
    default="empirical",
    show_default=True,
    help="a policy file, the name of one of the pack's policies, or `empirical` (estimated "
    "from the event log)",
)
@click.option(
    "--smoothing",
    type=Number(min=0),
    default=0.5,
    show_default=True,
    help="the empirical policy's add-alpha smoothing",
)
@click.option("--runs", type=click.IntRange(min=1), default=1000, show_default=True)
@click.option("--seed", type=click.IntRange(min=0), default=0, show_default=True)
@click.option(
    "--horizon",
    type=click.IntRange(min=0),
    default=None,
    metavar="DAYS",
    help="stop each run at this many days after its start",
)
@click.option(
    "--max-steps",
    "max_steps",
    type=click.IntRange(min=0),
    default=50,
    show_default=True,
    help="stop each run after this many attempted events",
)
@click.option(
    "--from",
    "from_event",
    default=None,
    metavar="EVENT-ID",
    help="start from the state the record reached at this event",
)
@click.option("--json", "as_json", is_flag=True, help="print the result as JSON")
@click.option(
    "--out",
    type=click.Path(dir_okay=False),
    default=None,
    help="write every run as a table (.parquet, or .csv)",
)
@execution_options
@click.option(
    "--progress/--no-progress",
    default=None,
    help="progress bar on stderr (default: when stderr is a terminal)",
)
@input_errors
def simulate(
    pack: str | None,
    model: str | None,
    profile: str | None,
    interpretation: str | None,
    events: str | None,
    policy: str,
    smoothing: float,
    runs: int,
    seed: int,
    horizon: int | None,
    max_steps: int,
    from_event: str | None,
    as_json: bool,
    out: str | None,
    executor: str | None,
    scheduler: str | None,
    workers: int,
    chunk_size: int | None,
    progress: bool | None,
) -> None:
    """Simulate the dispute many times under actor policies: the distribution of outcomes and
    final configurations (95% Wilson intervals), days to each outcome, moves rejected per rule,
    invariant violations and the runs that broke each temporal property. The same --seed gives the same result on every executor with
    any number of workers.

    LOG is the dispute's event log: the empirical policy's record and --from's (default: the
    pack's, or the built-in record for the built-in model).

    Exit 0 when no invariant was violated (broken temporal properties are reported, not an
    exit code), 1 when some were, 2 on invalid input, 130 when
    Ctrl-C stopped the runs (the partial distribution is printed first)."""
    from negotiation.simulate import prepare, run_job

    executor = check_flags(executor, scheduler, workers, out)
    compiled, log, log_path = _model_and_log(pack, model, profile, interpretation, events)
    try:
        job = prepare(
            compiled,
            policy_path(pack, policy),
            seed=seed,
            max_steps=max_steps,
            horizon=horizon,
            events=log,
            from_event=from_event,
            smoothing=smoothing,
        )
    except InputError as exc:  # about the log or --from: say which (they named "<input>")
        first = exc.problems[0].message
        if from_event is not None and first.startswith("unknown event"):
            raise click.BadParameter(first, param_hint="'--from'") from None
        from negotiation.model.compiler import name_files

        raise _placed(name_files(exc, log_path or ""), log_path) from None
    bar = _Bar(runs) if (sys.stderr.isatty() if progress is None else progress) else None
    try:
        result = run_job(
            job,
            runs,
            executor=executor,  # type: ignore[arg-type]
            workers=workers,
            scheduler=scheduler,
            chunk_size=chunk_size,
            progress=bar.advance if bar else None,
        )
    finally:
        if bar:
            bar.close()
    if out is not None:
        from negotiation.simulate.tables import write_table

        write_table(result.to_pandas(), out)
    partial = f"interrupted: {result.runs} of {result.requested} runs completed"
    finish(result, out, as_json, violated=bool(result.violated), interrupted=partial)


def finish(
    result: Any, out: str | None, as_json: bool, *, violated: bool, interrupted: str
) -> None:
    """Print a simulation's or a sweep's result (JSON with the table written, or its summary),
    say what an interruption left, and exit: 1 on violations, 130 if interrupted, else 0."""
    if as_json:
        data: dict[str, Any] = result.to_json()
        data["table"] = out  # the file written, or null
        echo_json(data)
    else:
        click.echo(result.summary(), nl=False)
        if out is not None:
            click.echo(f"wrote {shown_file(str(out))}")
    if not result.complete:
        click.echo(interrupted, err=True)
    if violated:
        sys.exit(EXIT_FAILED)
    sys.exit(EXIT_OK if result.complete else EXIT_INTERRUPTED)


def check_flags(executor: str | None, scheduler: str | None, workers: int, out: str | None) -> str:
    """The executor to use; a usage error for flags that do not fit together."""
    if executor is None:
        executor = "dask" if scheduler else ("processes" if workers > 1 else "serial")
    if scheduler is not None and executor != "dask":
        raise click.BadParameter("--scheduler needs --executor dask", param_hint="'--scheduler'")
    if executor == "serial" and workers > 1:
        raise click.BadParameter(
            f"{workers} workers with --executor serial (one process): drop one of the two",
            param_hint="'--workers'",
        )
    if out is not None:
        if not out.endswith((".parquet", ".csv")):
            raise click.BadParameter("expected a .parquet or .csv file", param_hint="'--out'")
        from negotiation._internal.atomic import check_output

        check_output(out)  # before any work
    return executor


def _placed(exc: Any, log_path: str | None) -> Any:
    """``exc`` with its problems about the log as a whole ("the event log has no events")
    placed in the log's file: at its ``events`` key, else its first line."""
    if not isinstance(exc, InputError) or log_path is None:
        return exc
    from dataclasses import replace

    from negotiation._internal.yamldoc import load

    unplaced = [p for p in exc.problems if p.file == log_path and p.line is None]
    if not unplaced or not files.is_file(log_path):
        return exc
    line, column = load(log_path).position(("events",)) or (1, 1)
    return InputError(
        [replace(p, line=line, column=column) if p in unplaced else p for p in exc.problems]
    )


def _model_and_log(
    pack: str | None,
    model: str | None,
    profile: str | None,
    interpretation: str | None,
    events: str | None,
) -> tuple[Any, list[Any] | None, str | None]:
    """The compiled model, its event log (the pack's, beside the model, or none) and the log's
    file."""
    from negotiation.model.compiler import compile_model

    model, profile, events = pack_files(pack, model, profile, events)
    check_interpretation(model, profile, interpretation)
    compiled = compile_model(model, profile, interpretation)
    if events is None and model is not None and files.is_file(model):
        beside = Path(model).parent / "events.yaml"
        events = str(beside) if files.is_file(beside) else None
    if events is None:
        return compiled, None, None
    from negotiation.events.log import log_file

    return compiled, list(load_log(events)), str(log_file(events))


class _Bar:
    """A rich progress bar on stderr: runs done out of those asked for."""

    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        self._progress = Progress(
            TextColumn("simulating"),
            BarColumn(),
            TextColumn("{task.completed:,} / {task.total:,} runs"),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self._task = self._progress.add_task("simulate", total=total)
        self._progress.start()

    def advance(self, runs: int) -> None:
        self._progress.advance(self._task, runs)

    def close(self) -> None:
        self._progress.stop()
