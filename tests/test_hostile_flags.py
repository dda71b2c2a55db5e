"""Hostile flags, short texts and long-lived processes (the second campaign; files are in
``test_hostile_inputs.py``): each case was taken silently, and is refused or read again now;
every parser of a short text gives a value or a clear error on any text."""

from __future__ import annotations

import math
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result
from hypothesis import given
from hypothesis import strategies as st

from negotiation.cli import main
from negotiation.cli.common import EXIT_INPUT, Number
from negotiation.errors import InputError


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


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


@pytest.mark.parametrize("command", ["simulate", "sweep"])
def test_workers_with_the_serial_executor_are_refused(command: str) -> None:
    args = [command, "--executor", "serial", "--workers", "4"]
    if command == "sweep":
        args.insert(1, "no-such-sweep.yaml")  # the flags are checked first
    result = invoke(*args)
    assert result.exit_code == 2, result.output  # was: one process, the 4 workers ignored
    assert "4 workers with --executor serial" in result.output


def test_a_bad_trigger_of_a_packs_vocabulary_is_located(kenya_copy: Path) -> None:
    pack = kenya_copy
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


# --- the parsers of short texts: a value or a clear error, on any text ------------------------
@given(text=st.text(max_size=60) | st.from_regex(r"p\([a-z_.=]{1,12}\) ?[<>]=? ?[0-9.]{1,6}%?"))
def test_a_claim_parses_or_is_a_value_error(text: str) -> None:
    from negotiation.scenario.simulation import parse_claim

    try:
        claim = parse_claim(text)
    except ValueError as exc:
        assert "simulation claim" in str(exc)
        return
    assert claim.op in (">=", "<=", ">", "<") and math.isfinite(claim.share)


@given(
    outcome=st.from_regex(r"[a-z][a-z_]{0,10}", fullmatch=True),
    op=st.sampled_from([">=", "<=", ">", "<"]),
    share=st.integers(0, 100),
    within=st.none() | st.integers(1, 10_000),
)
def test_a_claim_reads_back_what_it_says(
    outcome: str, op: str, share: int, within: int | None
) -> None:
    from negotiation.scenario.simulation import parse_claim

    text = f"p({outcome}) {op} {share}%" + (f" within {within} days" if within else "")
    claim = parse_claim(text)
    assert (claim.outcome, claim.op, claim.within) == (outcome, op, within)
    assert math.isclose(claim.share, share / 100)


@given(text=st.text(max_size=30) | st.from_regex(r"-?\d{1,5}-\d{1,3}-\d{1,3}", fullmatch=True))
def test_an_iso_date_parses_or_is_a_value_error(text: str) -> None:
    import datetime as dt

    from negotiation._internal.calendar import DATE_MAX, DATE_MIN, parse_iso_date

    try:
        value = parse_iso_date(text)
    except ValueError:
        return
    assert value == text or (isinstance(value, dt.date) and DATE_MIN <= value <= DATE_MAX)


@given(text=st.text(max_size=40))
def test_a_world_predicate_is_checked_where_it_is_written(text: str) -> None:
    from pydantic import ValidationError

    from negotiation.scenario.schema import WORLD_PREDICATE, Expect

    try:
        Expect.model_validate({"world": ["assembly == convened", text]})
    except ValidationError as exc:
        assert not WORLD_PREDICATE.fullmatch(text)
        assert exc.errors()[0]["loc"] == ("world", 1)  # was () : located at `expect`
        return
    assert WORLD_PREDICATE.fullmatch(text)


def test_one_party_twice_or_an_unreachable_scheduler_is_a_flag_error() -> None:
    args = ["explore", "--parties", "cpp,cpp", "--max-depth", "1", "--no-progress"]
    result = invoke(*args)  # was explored: one party against itself
    assert result.exit_code == EXIT_INPUT, result.output
    assert "Invalid value for '--parties': expected two different parties" in result.output


def test_an_unknown_evaluation_set_is_a_flag_error() -> None:
    result = invoke("evaluate", "--set", "heldot")  # was located in sets.yaml, with no line
    assert result.exit_code == EXIT_INPUT, result.output
    assert "Invalid value for '--set': unknown evaluation set 'heldot'" in result.output


@pytest.mark.parametrize(
    ("text", "number"), [("0x63", 99), ("0143", 99), ("99_0", 990), ("1:39", 99), ("0b11", 3)]
)
def test_a_number_only_yaml_1_1_reads_is_a_located_error(text: str, number: int) -> None:
    from negotiation._internal import yamldoc

    with pytest.raises(InputError, match=rf"f.yaml:2:6: {text} reads as the number {number}"):
        yamldoc.load_text(f"a: 1\nodm: {text}\n", "f.yaml")  # was taken as {number}
    assert yamldoc.load_text(f"odm: '{text}'\n", "f.yaml").data == {"odm": text}


@given(value=st.integers(-(10**30), 10**30) | st.floats(allow_nan=False, allow_infinity=False))
def test_a_number_written_plainly_reads_as_itself(value: float) -> None:
    import json

    from negotiation._internal import yamldoc

    text = json.dumps(value)
    if "e" in text and "." not in text.split("e")[0]:
        return  # 1e+20: YAML 1.1 reads it as a string, which the schemas refuse where numbers go
    assert yamldoc.load_text(f"x: {text}\n", "f.yaml").data == {"x": value}
