"""The YAML layer: positions for every path, located errors, nearest-key hints."""

from __future__ import annotations

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
