"""What every command shares: error handling, exit codes, JSON output."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from typing import Any, TypeVar, cast

import click

from negotiation.errors import InputError

__all__ = ["EXIT_FAILED", "EXIT_INPUT", "EXIT_OK", "echo_json", "input_errors", "to_json"]

EXIT_OK = 0
EXIT_FAILED = 1  # expectations not met, violations found
EXIT_INPUT = 2  # invalid input

F = TypeVar("F", bound=Callable[..., Any])


def input_errors(fn: F) -> F:
    """Turn an :class:`InputError` into its located messages on stderr and exit status 2."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except InputError as exc:
            for problem in exc.problems:
                click.echo(f"error: {problem}", err=True)
            sys.exit(EXIT_INPUT)

    return cast(F, wrapper)


def to_json(data: Any) -> str:
    """Deterministic JSON: sorted keys off (models give their own order), 2-space indent."""
    return json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"


def echo_json(data: Any) -> None:
    click.echo(to_json(data), nl=False)
