"""Fuzz, structured: one value of one file of the Cambodian pack (the one with a policy and a
sweep) replaced by a hostile one, deleted, renamed or pointed at another file of the pack, then
one command run on it with ``--json``. The line-level mutations of ``hostile.py`` seldom keep a
file parseable; these keep it YAML and break its meaning. Slow only (``pytest -m slow
tests/fuzz``): its findings are kept as explicit tests in ``tests/test_hostile_fuzz.py``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from hostile import cambodia_case, check, run_args
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

_DEEP: Any = "x"
for _ in range(40):
    _DEEP = [_DEEP]

#: what a hostile user puts where a value goes (plain data: the file stays YAML)
VALUES: list[Any] = [
    None, "", 0, -1, 10**30, -(10**30), 1.5, True, [], {}, "x" * 5000, "é漢字🙂\u202e",
    _DEEP, dt.date(9999, 12, 31), dt.date(1, 1, 1), "2013-02-30", "1799-12-31",
    {"a": {"b": None}}, ["x", 1, None], "../../../etc/passwd", "/dev/zero", ".",
    "pack.yaml", "model.yaml", "profile.yaml", "events.yaml", "sweep.yaml", "1/0", "0/0",
    "{NO_MACRO}", "(", "cnrpp", "assembly == 1", "world.nope > 1", "has(", "\x00", 2**63,
]  # fmt: skip

TARGETS = [
    "pack.yaml",
    "model.yaml",
    "profile.yaml",
    "events.yaml",
    "actors.yaml",
    "vocabulary.yaml",
    "scenarios/record.yaml",
    "scenarios/talks_first_distribution.yaml",
    "policies/talks-first.yaml",
    "sweep.yaml",
]


def commands(d: Path, f: Path) -> list[list[str]]:
    s = str(d)
    bounded = ["--workers", "1", "--no-progress", "--json"]
    return [
        ["validate", str(f), "--json"],
        ["validate", "--pack", s, "--json"],
        ["replay", "--pack", s, "--json"],
        ["derive", "--pack", s, "--json"],
        ["events", "--pack", s, "--json"],
        ["export", "--pack", s, "--format", "csv", "--out", f"{s}/out.csv", "--json"],
        ["graph", "--pack", s, "--json"],
        ["explore", "--pack", s, "--max-depth", "2", "--max-states", "300", *bounded],
        ["simulate", "--pack", s, "--policy", "talks-first", "--runs", "5", *bounded],
        ["run", "--pack", s, "--json"],
        ["coverage", f"{s}/scenarios", "--json"],
        ["sweep", f"{s}/sweep.yaml", "--workers", "1", "--json"],
    ]


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix] if prefix else []
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, (*prefix, i))
    return out


def mutate(data: Any, where: int, op: str, value: Any) -> Any:
    """``data`` with one node changed: ``op`` at the ``where``-th path (modulo their number)."""
    paths = _paths(data)
    if not paths:
        return value
    path = paths[where % len(paths)]
    parent = data
    for p in path[:-1]:
        parent = parent[p]
    key = path[-1]
    if op == "replace":
        parent[key] = value
    elif op == "delete":
        del parent[key]
    elif op == "rename" and isinstance(parent, dict):
        parent[f"{key}x"] = parent.pop(key)
    elif op == "point" and isinstance(value, str):
        parent[key] = value if value.endswith(".yaml") else "pack.yaml"
    elif op == "repeat" and isinstance(parent, list):
        parent.append(parent[0])
    return data


def case(root: Path) -> Path:
    return cambodia_case(root, runs=5)


@pytest.mark.slow
@settings(max_examples=500, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    target=st.sampled_from(TARGETS),
    where=st.integers(min_value=0, max_value=100_000),
    op=st.sampled_from(["replace", "replace", "delete", "rename", "point", "repeat"]),
    value=st.sampled_from(VALUES),
    command=st.integers(min_value=0, max_value=11),
)
def test_structured_campaign(
    tmp_path: Path, target: str, where: int, op: str, value: Any, command: int
) -> None:
    folder = case(tmp_path)
    path = folder / target
    data = mutate(yaml.safe_load(path.read_text(encoding="utf-8")), where, op, value)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    check(run_args(commands(folder, path)[command], folder), folder)
