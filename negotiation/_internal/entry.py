"""The ``negotiation`` console script: the command group, with Ctrl-C caught from the very
start. The group itself turns Ctrl-C during a command into exit 130 (and ``explore`` and
``simulate`` print their partial result first); this catches it while the command line's
modules are still being imported, where it would otherwise show a traceback."""

from __future__ import annotations

import sys

__all__ = ["EXIT_INTERRUPTED", "run"]

EXIT_INTERRUPTED = 130  # as negotiation.cli.common says; not imported, to stay importable fast


def run() -> None:
    """Run the command line (``negotiation.cli.main``); Ctrl-C at any point is exit 130."""
    try:
        from negotiation.cli import main

        main()
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        sys.exit(EXIT_INTERRUPTED)
