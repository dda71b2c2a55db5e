"""What every command shares: error handling, exit codes, JSON output.

Exit codes (the README's "Exit codes and limits" lists them too):

==== =====================================================================================
0    success
1    expectations not met, violations found, a score under its threshold
2    invalid input: a file, a flag or a value (the message names the file, line and column)
3    cut short by a limit: ``explore`` stopped by --max-states, --max-seconds or --max-memory
     (partial result printed), or memory ran out
130  interrupted (Ctrl-C); ``explore`` and ``simulate`` print their partial result first
141  the output's reader went away (a closed pipe: ``negotiation events | head -1``) before
     the command had written it all: it stops there, quietly (128 + SIGPIPE, the status a
     shell shows for a program SIGPIPE ends); a reader gone only by the last flush of the
     output keeps the command's own status
==== =====================================================================================

Every input error that reaches the command line is one of two kinds, both exit status 2:

- a :class:`~negotiation.errors.NegotiationError` (bad files, bad values, a model that does not
  fit together): :class:`CommandGroup` prints it as ``error:`` lines, one per located problem;
- a click error for a bad flag (:class:`click.BadParameter`, :class:`click.UsageError`): click
  prints the usage and names the flag. Commands check their flags' values and raise these.

With ``--json`` (every command has it) an error is printed on stdout too, as one JSON object
with the same exit status (:func:`error_json`): ``{format_version, ok: false, exit_code, error,
problem_count, problems_omitted, problems: [{file, line, column, path, message}]}``, the keys of
``validate --json``; ``error`` is ``input`` (a bad file or value), ``usage`` (a bad flag: its
``path`` is the flag, its ``file`` null), ``interrupted`` or ``out_of_memory``. The ``error:``
lines (or click's usage text) still go to stderr. Before a command is known (no such command,
a bad option before its name, Ctrl-C while its module loads) a ``--json`` anywhere among the
arguments (before ``--``) asks for the JSON object.

Anything else is a bug, and shows its traceback.
"""

from __future__ import annotations

import contextlib
import contextvars
import errno
import functools
import importlib
import json
import math
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from typing import Any, ClassVar, NoReturn, TypeVar, cast

import click

from negotiation.errors import InputError, NegotiationError, Problem

__all__ = [
    "EXIT_CODES",
    "EXIT_FAILED",
    "EXIT_INPUT",
    "EXIT_INTERRUPTED",
    "EXIT_LIMIT",
    "EXIT_OK",
    "EXIT_PIPE",
    "FORMAT_VERSION",
    "CommandGroup",
    "check_interpretation",
    "echo_json",
    "error_json",
    "input_errors",
    "json_anywhere",
    "json_requested",
    "report",
    "to_json",
]

EXIT_OK = 0
EXIT_FAILED = 1  # expectations not met, violations found
EXIT_INPUT = 2  # invalid input
EXIT_LIMIT = 3  # cut short by a limit (partial result), or out of memory
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT, as shells report it)
EXIT_PIPE = 141  # stdout's reader went away (128 + SIGPIPE, as shells report it)
#: every exit status a command can end with
EXIT_CODES = (EXIT_OK, EXIT_FAILED, EXIT_INPUT, EXIT_LIMIT, EXIT_INTERRUPTED, EXIT_PIPE)

#: the version of the JSON objects the output commands (graph, export, report) print
FORMAT_VERSION = 1

F = TypeVar("F", bound=Callable[..., Any])


def input_errors(fn: F) -> F:
    """Report a :class:`NegotiationError` raised by ``fn`` (:func:`report`). The group does
    this for every command already; the decorator keeps a command usable on its own."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except NegotiationError as exc:
            report(exc)

    return cast(F, wrapper)


#: problems listed per file; the rest are counted (a last line ``... and N more errors in FILE``)
MAX_ERRORS_PER_FILE = 50


#: the running command was given ``--json``: its errors are printed as JSON on stdout too
_JSON_ERRORS: contextvars.ContextVar[bool] = contextvars.ContextVar("json_errors", default=False)


def error_json(
    error: str | None,
    exit_code: int,
    problems: Sequence[Problem],
    more: dict[str, int] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """The JSON object a command given ``--json`` prints on stdout when it fails (and
    ``validate --json`` prints whatever it found, ``error`` None when nothing is wrong):
    ``error`` is ``input``, ``usage``, ``interrupted`` or ``out_of_memory``; ``extra`` keys
    (validate's ``checked``) follow it; ``problem_count`` counts every problem, ``problems``
    lists at most :data:`MAX_ERRORS_PER_FILE` a file and ``problems_omitted`` the rest per
    file."""
    more = more or {}
    return {
        "format_version": 1,
        "ok": error is None,
        "exit_code": exit_code,
        "error": error,
        **extra,
        "problem_count": len(problems) + sum(more.values()),
        "problems_omitted": more,
        "problems": [
            {
                "file": p.file or None,  # none: a flag, or an error no file is to blame for
                "line": p.line,
                "column": p.column,
                "path": p.path,
                "message": p.message,
            }
            for p in problems
        ],
    }


def _fail(error: str, exit_code: int, lines: str, problems: Sequence[Problem] = ()) -> NoReturn:
    """Print ``lines`` on stderr (and with ``--json`` the error as JSON on stdout); exit."""
    if _JSON_ERRORS.get() and not _JSON_PRINTED.get():  # after a result cut short: not twice
        shown, more = capped(problems)
        echo_json(error_json(error, exit_code, shown, more))
    if lines:
        click.echo(lines, err=True)
    sys.exit(exit_code)


def report(exc: NegotiationError) -> NoReturn:
    """Print ``exc`` on stderr, one ``error:`` line per problem (at most
    :data:`MAX_ERRORS_PER_FILE` per file, then how many more), and exit with status 2. Given
    ``--json``, the command prints the problems on stdout too (:func:`error_json`)."""
    if not isinstance(exc, InputError):
        _fail("input", EXIT_INPUT, f"error: {exc}", [Problem(file="", message=str(exc))])
    problems = unique(exc.problems)
    shown, more = capped(problems)
    lines = [f"error: {p}" for p in shown]
    lines += [f"... and {n} more errors in {file}" for file, n in more.items()]
    _fail("input", EXIT_INPUT, "\n".join(lines), problems)


def json_requested(command: click.Command | None, args: Sequence[str]) -> bool:
    """Whether ``args`` (what follows the command's name) give ``command`` its ``--json`` flag:
    a ``--json`` that is not the value of an option taking one, before any ``--``."""
    if command is None:
        return False
    valued = {
        name
        for p in command.params
        if isinstance(p, click.Option) and not p.is_flag and not p.count
        for name in p.opts
    }
    tokens = iter(args)
    for token in tokens:
        if token in ("--", "--json"):
            return token == "--json"
        if token in valued:
            next(tokens, None)
    return False


def json_anywhere(args: Sequence[str]) -> bool:
    """Whether ``--json`` is among ``args`` before any ``--``: what decides while no command
    is known to tell a flag from an option's value (a bad option before the command's name,
    no such command, Ctrl-C while the command's module loads)."""
    return "--json" in args[: args.index("--")] if "--" in args else "--json" in args


def capped(
    problems: Sequence[Problem], per_file: int = MAX_ERRORS_PER_FILE
) -> tuple[list[Problem], dict[str, int]]:
    """The first ``per_file`` problems of each file, in order, and per file with more how
    many were left out (a log of 200,000 bad events printed 400,000 lines)."""
    seen: Counter[str] = Counter()
    shown: list[Problem] = []
    for p in problems:
        seen[p.file] += 1
        if seen[p.file] <= per_file:
            shown.append(p)
    return shown, {file: n - per_file for file, n in seen.items() if n > per_file}


#: a file name inside a message (`rule r at m/model.yaml:54:5`, `model 'x' (m/model.yaml)`)
_FILE_IN_MESSAGE = re.compile(r"[\w./~-]+\.(?:ya?ml|json|txt)\b")


def unique(problems: Sequence[Problem]) -> list[Problem]:
    """``problems`` with each one once: the same file by another name (``scenarios/../x.yaml``,
    read again for a scenario that names it) at the same place with the same message was
    repeated once per file naming it."""
    import os

    seen: set[tuple[object, ...]] = set()
    real: dict[str, str] = {}

    def resolved(file: str) -> str:
        name = real.get(file)
        if name is None:
            try:
                name = os.path.realpath(file)
            except (ValueError, OSError):
                name = file
            real[file] = name
        return name

    out = []
    for p in problems:
        name = resolved(p.file)
        # the files a message names, by their real names too: a pack's model read again for a
        # scenario (`pack: ..`) names `/abs/pack/model.yaml` where the pack named `pack/model.yaml`
        message = _FILE_IN_MESSAGE.sub(lambda m: resolved(m[0]), p.message)
        key = (name, p.line, p.column, p.path, message)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


class Number(click.FloatRange):
    """A float flag in a range that is a number: ``nan`` passed every range check (click
    compares, and NaN compares false) and was taken silently (``simulate --smoothing nan``
    ran no step; ``evaluate --min-f1 nan`` never failed). Infinity only with ``allow_inf``
    (a limit that is no limit)."""

    def __init__(self, *args: Any, allow_inf: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.allow_inf = allow_inf

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        number = super().convert(value, param, ctx)
        if math.isnan(number) or (math.isinf(number) and not self.allow_inf):
            self.fail(f"{value!r} is not a finite number", param, ctx)
        return number


class CommandGroup(click.Group):
    """The ``negotiation`` group: a :class:`NegotiationError` raised by any command is
    reported (:func:`report`) instead of shown as a traceback; Ctrl-C is exit 130 and running
    out of memory exit 3, each with one line on stderr.

    Commands load lazily: ``lazy`` maps a command's name to the module that defines it (with
    ``@main.command()``) and its one-line help, so ``negotiation --help`` imports no command
    module and a command imports only what it uses. ``tests/test_cli_errors.py`` checks the
    table's help lines against the commands'."""

    lazy: ClassVar[dict[str, tuple[str, str]]] = {}

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """Run; then flush stdout: its reader gone by this last flush, the command ends
        quietly with the status it had (Python's own flush at exit printed ``Exception
        ignored ... BrokenPipeError`` and made it 120)."""
        try:
            return super().main(*args, **kwargs)
        finally:
            try:
                sys.stdout.flush()
            except OSError as exc:
                if exc.errno != errno.EPIPE:
                    raise
                _discard_stdout()

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        with _closed_stdout_ends_quietly():  # --help, --version, a usage error as JSON
            return super().make_context(*args, **kwargs)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.lazy, *self.commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy:
            importlib.import_module(self.lazy[cmd_name][0])
        return super().get_command(ctx, cmd_name)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """The group's own options read; a bad one (``negotiation --bogus run x --json``) is a
        usage error printed as JSON too when ``--json`` is among the arguments."""
        as_json = json_anywhere(args)  # before click's parser takes the arguments off the list
        try:
            return super().parse_args(ctx, args)
        except click.ClickException as exc:
            if as_json:
                _usage_json(exc)
            raise

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.commands.get(name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(limit=formatter.width)))
            elif command is None:
                rows.append((name, self.lazy[name][1]))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:
        token = _JSON_ERRORS.set(False)
        printed = _JSON_PRINTED.set(False)
        try:
            with _closed_stdout_ends_quietly():
                return self._invoke(ctx)
        finally:
            _JSON_ERRORS.reset(token)
            _JSON_PRINTED.reset(printed)

    def _invoke(self, ctx: click.Context) -> Any:
        from negotiation._internal.files import track_reads

        try:
            args = [*ctx._protected_args, *ctx.args]
            _JSON_ERRORS.set(json_anywhere(args))  # until the command is known: Ctrl-C, no such
            command = self.get_command(ctx, args[0]) if args else None  # its module loads here
            if command is not None:
                _JSON_ERRORS.set(json_requested(command, args[1:]))
            with track_reads():  # an output never replaces a file the command read
                return super().invoke(ctx)
        except click.ClickException as exc:  # a bad flag: click prints the usage and exits
            if _JSON_ERRORS.get():
                _usage_json(exc)
            raise
        except NegotiationError as exc:
            report(exc)
        except OSError as exc:
            if exc.filename is None:
                raise
            # a path the system refuses (name too long, permissions, I/O): its name and why
            why = exc.strerror or type(exc).__name__
            report(InputError(Problem(file=str(exc.filename), message=f"cannot use: {why}")))
        except ValueError as exc:
            if "null byte" not in str(exc):
                raise
            report(InputError("a file name holds a NUL character", file="<path>"))
        except KeyboardInterrupt:
            _fail("interrupted", EXIT_INTERRUPTED, "interrupted")
        except MemoryError:
            why = "out of memory (try smaller inputs or lower limits)"
            _fail("out_of_memory", EXIT_LIMIT, f"error: {why}", [Problem(file="", message=why)])


@contextlib.contextmanager
def _closed_stdout_ends_quietly() -> Iterator[None]:
    """A write to a stdout whose reader went away (``negotiation validate | head -1``: click
    flushes every line) ends the command quietly with :data:`EXIT_PIPE`, as SIGPIPE ends a
    Unix tool. Click exited 1, "violations found"; Python's guidance (the signal module's note
    on SIGPIPE) is this: catch ``BrokenPipeError``, point stdout at ``os.devnull``, exit. Not
    ``SIG_DFL`` for SIGPIPE: that would kill the command on any pipe, a worker's too."""
    try:
        yield
    except OSError as exc:
        if exc.errno != errno.EPIPE:
            raise
        _discard_stdout()
        sys.exit(EXIT_PIPE)


def _discard_stdout() -> None:
    """Point file descriptor 1 at ``os.devnull``: what is still buffered for stdout, flushed
    at exit, raises no second broken pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no descriptor (a test's stream): nothing
        pass


def _usage_json(exc: click.ClickException) -> None:
    """Print a click error as the JSON object of a usage error (:func:`error_json`)."""
    problem = Problem(file="", path=_flag(exc), message=exc.format_message())
    echo_json(error_json("usage", exc.exit_code, [problem]))


def _flag(exc: click.ClickException) -> str:
    """The flag or argument a click error is about (``--max-depth``, ``LOG``), or ``""``."""
    param = getattr(exc, "param", None)
    if isinstance(param, click.Option) and param.opts:
        return param.opts[0]
    if isinstance(param, click.Parameter):
        return param.human_readable_name
    hint = getattr(exc, "param_hint", None)
    if isinstance(hint, str):
        return hint.strip("'\"")
    return getattr(exc, "option_name", None) or ""


def check_interpretation(
    model: str | None, profile: str | None, interpretation: str | None
) -> None:
    """The model and profile read (so that their own errors come first, before those of an
    event log beside them), and a click usage error naming ``--interpretation`` when the
    profile (``--profile``, or the model's) has no such interpretation."""
    from negotiation.model import load_profile, load_spec
    from negotiation.model.spec import profile_of

    spec = load_spec(model)
    chosen = load_profile(profile) if profile is not None else profile_of(spec)
    known = chosen.interpretations
    if interpretation is not None and interpretation not in known:
        raise click.BadParameter(
            chosen.unknown_interpretation(interpretation), param_hint="'--interpretation'"
        )


def to_json(data: Any) -> str:
    """Deterministic JSON: sorted keys off (models give their own order), 2-space indent."""
    return json.dumps(_finite(data), indent=2, ensure_ascii=False, default=str) + "\n"


def _finite(data: Any) -> Any:
    """``data`` with every NaN or infinite float as null: strict JSON parsers reject them."""
    if isinstance(data, float):
        return data if math.isfinite(data) else None
    if isinstance(data, dict):
        return {k: _finite(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [_finite(v) for v in data]
    return data


#: the command has begun printing its JSON result: an error then prints no second object
_JSON_PRINTED: contextvars.ContextVar[bool] = contextvars.ContextVar("json_printed", default=False)


def echo_json(data: Any) -> None:
    _JSON_PRINTED.set(True)
    click.echo(to_json(data), nl=False)
