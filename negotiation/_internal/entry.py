"""The ``negotiation`` console script: the command group, with Ctrl-C caught from the very
start. The group itself turns Ctrl-C during a command into exit 130 (and ``explore`` and
``simulate`` print their partial result first); this catches it while the command line's
modules are still being imported, where it would otherwise show a traceback."""

from __future__ import annotations

import os
import signal
import sys
from types import FrameType

__all__ = ["EXIT_INTERRUPTED", "run"]

EXIT_INTERRUPTED = 130  # as negotiation.cli.common says; not imported, to stay importable fast


def _terminated(signum: int, frame: FrameType | None) -> None:
    """SIGTERM: delete the temporary files of writes under way, then die of the signal as
    before (the exit status a shell shows, 143, is unchanged)."""
    # the module as far as it is loaded: a SIGTERM while it was being imported found it
    # partly initialised (an AttributeError traceback); not loaded, it has written nothing
    remove_pending = getattr(
        sys.modules.get("negotiation._internal.atomic"), "remove_pending", None
    )
    if remove_pending is not None:
        remove_pending()
    # the workers of a pool (explore --workers, simulate) outlived their parent, asleep
    # on its queue for ever: they go first
    children = getattr(sys.modules.get("multiprocessing"), "active_children", None)
    for child in children() if children is not None else ():
        child.terminate()
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)


def run() -> None:
    """Run the command line (``negotiation.cli.main``); Ctrl-C at any point is exit 130; a
    SIGTERM leaves no temporary file behind (:func:`_terminated`)."""
    if signal.getsignal(signal.SIGTERM) == signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _terminated)
    try:
        from negotiation.cli import main

        main()
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        sys.exit(EXIT_INTERRUPTED)
