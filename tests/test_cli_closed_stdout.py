"""A closed stdout (``negotiation validate --pack X | head -1``) ends a command quietly with
exit 141 (128 + SIGPIPE), never click's exit 1 ("violations found") or a traceback; a reader
gone only by the last flush keeps the command's own status."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from negotiation.cli.common import EXIT_CODES, EXIT_INPUT, EXIT_PIPE

RUN = "from negotiation._internal.entry import run; run()"


def _into_closed_pipe(code: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    """Run ``code`` with ``args``, its stdout a pipe nobody reads any more."""
    read, write = os.pipe()
    os.close(read)
    try:
        return subprocess.run(
            [sys.executable, "-c", code, *args],
            stdout=write,
            stderr=subprocess.PIPE,
            timeout=300,
            check=False,
        )
    finally:
        os.close(write)


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "--pack", "cambodia-2013-2017"],  # click's exit 1: "violations found"
        ["events"],
        ["--help"],  # printed before any command runs
        ["run", "--help"],
    ],
)
def test_a_closed_stdout_ends_the_command_quietly_with_141(args: list[str]) -> None:
    done = _into_closed_pipe(RUN, *args)
    assert done.returncode == EXIT_PIPE, done.stderr
    assert done.stderr == b"", done.stderr  # no traceback, no "Broken pipe", no "Aborted!"


def test_a_reader_gone_by_the_last_flush_keeps_the_commands_status() -> None:
    """The output all written but still buffered (not through click.echo, which flushes):
    the command's own status, not Python's 120 with ``Exception ignored``."""
    code = (  # a stdout that surely buffers, a line written to it
        "import io, sys; sys.stdout = io.TextIOWrapper(io.BufferedWriter(io.FileIO(1, 'w', "
        f"closefd=False), 65536)); sys.stdout.write('x\\n'); {RUN}"
    )
    done = _into_closed_pipe(code, "validate", "/no/such/file.yaml")
    assert done.returncode == EXIT_INPUT, done.stderr
    assert b"BrokenPipe" not in done.stderr and b"Exception" not in done.stderr, done.stderr
    assert b"error:" in done.stderr  # its own error, as without the pipe


def test_141_is_a_documented_exit_status() -> None:
    assert EXIT_PIPE in EXIT_CODES
