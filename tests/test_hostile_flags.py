"""Hostile flags and long-lived processes (the second campaign; files are in
``test_hostile_inputs.py``): each case was taken silently, and is refused or read again now."""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result
from hypothesis import given
from hypothesis import strategies as st

from negotiation.cli import main
from negotiation.cli.common import EXIT_INPUT, Number
from negotiation.errors import InputError

KENYA = Path(__file__).parent.parent / "negotiation" / "data" / "packs" / "kenya-2007-2008"


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def _kenya(tmp_path: Path) -> Path:
    pack = tmp_path / "k"
    shutil.copytree(KENYA, pack)
    return pack


# --- flags: a NaN passed every range; flags that exclude each other --------------------------
@pytest.mark.parametrize(
    "args",
    [  # each was taken: no step simulated, a threshold that never failed, no time limit
        ["simulate", "--smoothing", "nan", "--runs", "3", "--no-progress"],
        ["simulate", "--smoothing", "inf", "--runs", "3", "--no-progress"],
        ["evaluate", "--min-f1", "nan"],
        ["coverage", "scenarios", "--fail-under", "nan"],
        ["explore", "--max-seconds", "nan", "--max-depth", "1", "--no-progress"],
        ["extract", "seeds", "--min-confidence", "nan"],
    ],
)
def test_a_flag_that_is_no_number_is_refused(args: list[str]) -> None:
    result = invoke(*args)
    assert result.exit_code == EXIT_INPUT, result.output[-500:]
    assert "is not a finite number" in result.output, result.output[-500:]


@given(value=st.floats(allow_nan=True, allow_infinity=True))
def test_number_flags_take_numbers_in_range_only(value: float) -> None:
    bounded, limit = Number(0, 1), Number(min=0, allow_inf=True)
    for kind, fits in (
        (bounded, math.isfinite(value) and 0 <= value <= 1),
        (limit, not math.isnan(value) and value >= 0),
    ):
        if fits:
            assert kind.convert(repr(value), None, None) == value
        else:
            with pytest.raises(click.BadParameter):
                kind.convert(repr(value), None, None)


def test_actors_and_no_actors_exclude_each_other() -> None:
    result = invoke("extract", "seeds", "--no-actors", "--actors", "seeds/actors.yaml")
    assert result.exit_code == EXIT_INPUT, result.output  # was: --no-actors, the file unread
    assert "--actors and --no-actors exclude each other" in result.output


def test_a_bad_trigger_of_a_packs_vocabulary_is_located(tmp_path: Path) -> None:
    pack = _kenya(tmp_path)
    vocabulary = pack / "vocabulary.yaml"
    vocabulary.write_text("kinds:\n  new_kind:\n    description: x\n    triggers: ['(open']\n")
    text = pack / "kenya_001.txt"
    result = invoke("extract", str(text), "--pack", str(pack), "--published", "2008-01-01")
    assert result.exit_code == EXIT_INPUT, result.output
    # was "vocabulary.yaml: kinds.new_kind.triggers[0]: invalid pattern" with no line
    assert f"error: {vocabulary}:4:16: kinds.new_kind.triggers[0]: invalid pattern" in (
        result.output
    )


def test_a_lexicon_changed_in_a_long_lived_process_is_read_again(tmp_path: Path) -> None:
    from negotiation.extract.lexicon import load_lexicon

    path = tmp_path / "lexicon.yaml"
    path.write_text("kinds:\n  boycott:\n    patterns: ['boycotted']\n")
    assert load_lexicon(path).triggers("They boycotted it.")
    path.write_text("kinds:\n  boycott:\n    patterns: ['{NOPE} x']\n")
    with pytest.raises(InputError, match="unknown macro"):  # was the cached lexicon
        load_lexicon(path)
