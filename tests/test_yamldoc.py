"""The YAML layer: positions for every path, located errors, nearest-key hints."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from negotiation._internal import yamldoc
from negotiation.errors import InputError
from negotiation.scenario import Scenario

keys = st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=8)
# control characters are refused in YAML strings (tests/test_limits.py): none here
plain_text = st.text(st.characters(exclude_categories=["Cc", "Cs"]), max_size=10)
scalars = st.one_of(st.integers(), st.booleans(), plain_text, st.none())
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, min_size=1, max_size=4),
        st.dictionaries(keys, inner, min_size=1, max_size=4),
    ),
    max_leaves=20,
)


def paths(data: Any, prefix: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    out = [prefix]
    if isinstance(data, dict):
        for k, v in data.items():
            out += paths(v, (*prefix, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out += paths(v, (*prefix, i))
    return out


@given(documents)
def test_every_path_has_a_position(data: Any) -> None:
    doc = yamldoc.load_text(yaml.safe_dump(data), "gen.yaml")
    assert doc.data == data
    for p in paths(data):
        line, col = doc.positions[p]
        assert line >= 1 and col >= 1


@given(st.text(max_size=200))
def test_any_text_parses_or_gives_a_located_error(text: str) -> None:
    try:
        yamldoc.load_text(text, "any.yaml")
    except InputError as exc:
        assert all(p.file == "any.yaml" for p in exc.problems)


def test_unknown_key_names_the_nearest_allowed_one() -> None:
    doc = yamldoc.load_text("name: x\nexpect:\n  finl_phase: breakdown\n", "s.yaml")
    with pytest.raises(InputError) as exc:
        yamldoc.parse(doc, Scenario)
    assert "s.yaml:3:3: expect.finl_phase: unknown field; did you mean 'final_phase'?" in str(
        exc.value
    )


def test_dates_stay_text_until_validated() -> None:
    doc = yamldoc.load_text("date: 2013-07-28\n")
    assert doc.data == {"date": "2013-07-28"}


def test_a_file_read_again_is_parsed_again_only_when_its_text_changed(tmp_path: Path) -> None:
    """Parsed files are kept by their text (not their time stamp: a file rewritten within the
    same clock tick at the same size is still read anew), and each load is a copy of its own."""
    f = tmp_path / "a.yaml"
    f.write_text("a: [1, 2]\nb: {c: x}\n")
    first = yamldoc.load(f)
    first.data["a"].append(3)
    first.data["b"]["c"] = "changed"
    first.positions.clear()
    again = yamldoc.load(f)
    assert again.data == {"a": [1, 2], "b": {"c": "x"}} and again.positions[("b", "c")] == (2, 5)
    stamp = f.stat().st_mtime_ns
    f.write_text("a: [7, 8]\nb: {c: y}\n")  # the same size, and the same time stamp
    os.utime(f, ns=(stamp, stamp))
    assert yamldoc.load(f).data == {"a": [7, 8], "b": {"c": "y"}}
    other = tmp_path / "b.yaml"
    other.write_text("a: [7, 8]\nb: {c: y}\n")  # the same text in another file names its file
    assert yamldoc.load(other).file == str(other)
    assert yamldoc.load(f).file == str(f)


def test_aliased_values_stay_shared_when_a_file_is_read_again(tmp_path: Path) -> None:
    f = tmp_path / "a.yaml"
    f.write_text("a: &x [1]\nb: *x\n")
    for _ in range(2):
        doc = yamldoc.load(f)
        assert doc.data == {"a": [1], "b": [1]} and doc.data["a"] is doc.data["b"]


def test_a_file_read_again_under_lower_limits_is_checked_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    f = tmp_path / "a.yaml"
    f.write_text("a: [[[1]]]\n")
    assert yamldoc.load(f).data == {"a": [[[1]]]}
    monkeypatch.setenv("NEGOTIATION_MAX_DEPTH", "2")
    with pytest.raises(InputError, match="nested more than 2 levels"):
        yamldoc.load(f)
