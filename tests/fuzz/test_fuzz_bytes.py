"""Fuzz, bytes: a byte-order mark, UTF-16, CRLF, invalid UTF-8, a NUL, a cut after any
structural character, a line of a million characters, YAML's corners (keys that are no strings,
directives, local tags, dates with a time zone), in every file of the Cambodian pack, its policy,
a sweep and a ``simulate --json`` result (``hostile_bytes.py``), through every command that reads
each. The contract of ``hostile.check``, and: an error about the file is located at a line (of
it, or of the file naming it); no temporary file is left; an output is absent after an input
error. A short run by default; ``pytest -m slow tests/fuzz`` runs the campaign."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_bytes import TARGETS, ByteMutation, byte_mutations, case_folder, check_bytes, run_bytes
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

CASES = [(target, command) for target, commands in TARGETS.items() for command in commands]


def _fuzz(root: Path, case: tuple[str, list[str]], mutation: ByteMutation) -> None:
    target, command = case
    folder = case_folder(root)
    data = mutation.apply((folder / target).read_bytes())
    check_bytes(run_bytes(folder, target, command, data), folder, target)


@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@given(case=st.sampled_from(CASES), mutation=byte_mutations())
def test_hostile_bytes_through_the_cli(
    tmp_path: Path, case: tuple[str, list[str]], mutation: ByteMutation
) -> None:
    _fuzz(tmp_path, case, mutation)


@pytest.mark.slow
@settings(max_examples=5_000, deadline=None, suppress_health_check=list(HealthCheck))
@given(case=st.sampled_from(CASES), mutation=byte_mutations())
def test_bytes_campaign(
    tmp_path: Path, case: tuple[str, list[str]], mutation: ByteMutation
) -> None:
    _fuzz(tmp_path, case, mutation)


@pytest.mark.parametrize("mutation", [ByteMutation(k) for k in ("bom", "utf16", "crlf", "cr")])
@pytest.mark.parametrize("target", ["policies/talks-first.yaml", "sweep.yaml"])
def test_every_encoding_and_line_end(tmp_path: Path, target: str, mutation: ByteMutation) -> None:
    _fuzz(tmp_path, (target, TARGETS[target][-1]), mutation)
