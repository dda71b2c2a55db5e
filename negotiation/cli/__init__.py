"""The ``negotiation`` command line. Each area of the library has its own module of commands.

Exit codes: 0 success, 1 expectations not met / violations found, 2 invalid input (a
:class:`~negotiation.errors.NegotiationError` or a bad flag: see :mod:`negotiation.cli.common`).
"""

from __future__ import annotations

import click

from negotiation.cli.common import CommandGroup

__all__ = ["main"]


@click.group(cls=CommandGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="negotiation")
def main() -> None:
    """Model political negotiations as state machines built from sourced news events."""


from negotiation.cli import corpus as _corpus  # noqa: E402,F401  events, validate
from negotiation.cli import exploration as _exploration  # noqa: E402,F401  explore
from negotiation.cli import extraction as _extraction  # noqa: E402,F401  extract, evaluate
from negotiation.cli import model as _model  # noqa: E402,F401  run, graph, derive, schema
from negotiation.cli import packs as _packs  # noqa: E402,F401  packs
from negotiation.cli import scenarios as _scenarios  # noqa: E402,F401  coverage
