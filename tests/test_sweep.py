"""Sweeps: a grid of settings, one simulation per cell, one tidy table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from negotiation._internal import yamldoc
from negotiation.cli import main
from negotiation.errors import InputError
from negotiation.simulate import load_sweep, run_sweep, write_sweep_table
from negotiation.simulate.sweep import COLUMNS, plan_sweep

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "tests" / "data" / "sweep_talks.yaml"
SMALL = """sweep: small
pack: cambodia-2013-2017
policy: talks-first
runs: 40
seed: 3
horizon: 730
grid:
  interpretation: [government_2013, opposition_2013]
  weights: [{}, {settlement: 3}]
cells:
  - {name: empirical, policy: empirical, smoothing: 2}
"""


def plan(text: str, tmp_path: Path | None = None) -> object:
    return plan_sweep(yamldoc.load_text(text, "sweep.yaml"), tmp_path or Path("."))


def test_the_grid_then_the_cells_in_order_each_on_its_own_seed_child() -> None:
    planned = plan(SMALL)
    names = [c.name for c in planned.cells]  # type: ignore[attr-defined]
    assert names == [
        "interpretation=government_2013, weights={}",
        "interpretation=government_2013, weights={settlement: 3}",
        "interpretation=opposition_2013, weights={}",
        "interpretation=opposition_2013, weights={settlement: 3}",
        "empirical",
    ]
    assert [c.job.spawn for c in planned.cells] == [(i,) for i in range(5)]  # type: ignore[attr-defined]
    assert {c.job.seed for c in planned.cells} == {3}  # type: ignore[attr-defined]


def test_the_table_is_tidy_and_the_same_bytes_for_the_same_seed(tmp_path: Path) -> None:
    result = run_sweep(plan(SMALL))  # type: ignore[arg-type]
    rows = list(result.rows())
    assert len(rows) == sum(len(sim.outcome_names) for _, _, sim in result.cells)
    assert list(rows[0]) == result.columns()
    assert result.columns()[-len(COLUMNS) :] == list(COLUMNS)
    assert "weight:settlement" in result.columns()
    assert {r["runs"] for r in rows} == {40}
    for r in rows:
        assert r["ci_low"] <= r["p"] <= r["ci_high"]
    frame = result.to_pandas()
    assert list(frame.columns) == result.columns() and len(frame) == len(rows)
    again = run_sweep(plan(SMALL), executor="processes", workers=2, chunk_size=7)  # type: ignore[arg-type]
    for name in ("a", "b"):
        for suffix in (".csv", ".parquet"):
            write_sweep_table(result if name == "a" else again, tmp_path / f"{name}{suffix}")
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()
    assert (tmp_path / "a.parquet").read_bytes() == (tmp_path / "b.parquet").read_bytes()
    import pandas as pd

    back = pd.read_parquet(tmp_path / "a.parquet")
    assert list(back.columns) == result.columns() and len(back) == len(rows)


def test_a_cell_added_at_the_end_changes_no_other_cell() -> None:
    base = list(run_sweep(plan(SMALL)).rows())  # type: ignore[arg-type]
    more = SMALL + "  - {name: longer, horizon: 1000}\n"
    longer = list(run_sweep(plan(more)).rows())  # type: ignore[arg-type]
    assert longer[: len(base)] == base
    cells = {r["cell"] for r in longer}
    assert cells == set(range(6))
    # cells differ in their draws: the grid's first two cells share every setting but weights
    first = [r for r in base if r["cell"] == 0 and r["outcome"] == "opposition_seated"]
    second = [r for r in base if r["cell"] == 1 and r["outcome"] == "opposition_seated"]
    assert first and second


def test_cli_json_and_out(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(SMALL)
    out = tmp_path / "t.csv"
    res = CliRunner().invoke(main, ["sweep", str(path), "--json", "--out", str(out)])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["cells"] == 5 and data["seed"] == 3 and data["complete"] is True
    assert data["columns"][:2] == ["cell", "name"] and data["table"] == str(out)
    assert out.read_text().splitlines()[0] == ",".join(data["columns"])
    text = CliRunner().invoke(main, ["sweep", str(path)])
    assert text.exit_code == 0 and "cell 4: empirical" in text.output
    bad = CliRunner().invoke(main, ["sweep", str(path), "--out", str(tmp_path / "t.txt")])
    assert bad.exit_code == 2 and "--out" in bad.output


BAD = [
    ("runs: 0\n", "sweep.yaml:3:1", "runs"),
    ("grid: {colour: [red]}\n", "sweep.yaml:3:8", "colour"),
    (
        "grid: {interpretation: [government_2013, oposition_2013]}\n",
        "sweep.yaml:3:42",
        "did you mean 'opposition_2013'",
    ),
    (
        "policy: talks-frist\n",
        "sweep.yaml:3:1",
        "unknown policy 'talks-frist'; did you mean 'talks-first'?",
    ),
    ("cells: [{weights: {setlement: 2}}]\n", "sweep.yaml:3:20", "unknown event kind 'setlement'"),
    ("from: nope\n", "sweep.yaml:3:1", "unknown event 'nope'"),
    ("grid: {horizon: []}\n", "sweep.yaml:3:8", "grid.horizon"),
]


@pytest.mark.parametrize(("extra", "where", "message"), BAD)
def test_malformed_sweeps_are_located(extra: str, where: str, message: str) -> None:
    with pytest.raises(InputError) as info:
        plan("sweep: bad\npack: cambodia-2013-2017\n" + extra)
    text = str(info.value)
    assert where in text and message in text, text


def test_cli_bad_sweep_exits_2_with_file_line_col(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text("sweep: bad\npack: no-such-pack\n")
    res = CliRunner().invoke(main, ["sweep", str(path)])
    assert res.exit_code == 2 and f"{path}:2:" in res.output, res.output
    path.write_text("- not a sweep\n")
    res = CliRunner().invoke(main, ["sweep", str(path)])
    assert res.exit_code == 2 and f"{path}:1:" in res.output, res.output


def test_shipped_example_plans() -> None:
    planned = load_sweep(EXAMPLE)
    assert len(planned.cells) == 7


def test_validate_knows_sweep_files(tmp_path: Path) -> None:
    ok = CliRunner().invoke(main, ["validate", str(EXAMPLE)])
    assert ok.exit_code == 0 and "(sweep, 7 entries)" in ok.output, ok.output
    bad = tmp_path / "s.yaml"
    bad.write_text("sweep: x\npack: cambodia-2013-2017\npolicy: nope\n")
    res = CliRunner().invoke(main, ["validate", str(bad)])
    assert res.exit_code == 2 and f"{bad}:3:1: policy: unknown policy 'nope'" in res.output


@pytest.mark.dask
def test_a_sweep_on_one_dask_cluster_gives_the_serial_table(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    serial = run_sweep(plan(SMALL))  # type: ignore[arg-type]
    cluster = run_sweep(plan(SMALL), executor="dask", workers=2, chunk_size=9)  # type: ignore[arg-type]
    write_sweep_table(serial, tmp_path / "a.csv")
    write_sweep_table(cluster, tmp_path / "b.csv")
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()
