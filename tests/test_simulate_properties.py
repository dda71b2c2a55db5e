"""Simulation checks the model's temporal properties on every run, as replay and explore do
(the model's own monitor), and reports per property the runs that broke it."""

from __future__ import annotations

import datetime as dt
import functools
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from simulating import TIMING, dask_result, result, stable

from negotiation.cli import main
from negotiation.events import Event
from negotiation.events.log import load_event_log
from negotiation.model import CompiledModel
from negotiation.model.compiler import compile_model
from negotiation.model.properties import Monitor, Property
from negotiation.model.world import WorldSchema
from negotiation.simulate import prepare, run_job
from negotiation.simulate.outcomes import Simulation
from negotiation.simulate.runs import Job

SPAIN = Path(__file__).parents[1] / "examples" / "spain-2015-2016"
DEADLINE = "art_99_5_deadline"


@functools.cache
def spain() -> tuple[CompiledModel, tuple[Event, ...]]:
    model = compile_model(str(SPAIN / "model.yaml"), str(SPAIN / "profile.yaml"))
    return model, tuple(load_event_log(str(SPAIN / "events.yaml")).events)


@functools.cache
def spain_job(seed: int, horizon: int | None = 150) -> Job:
    model, events = spain()
    return prepare(model, "empirical", seed=seed, horizon=horizon, events=events)


# -- the monitor's end-of-run check -------------------------------------------------------------

RESPONSE = Property(
    id="answer",
    type="response",
    after=["investiture_failed"],
    event=["government_formed", "assembly_dissolved"],
    within_months=2,
    within_days=1,
    provision="p",
)


@given(
    trigger=st.dates(dt.date(1990, 1, 1), dt.date(2100, 1, 1)),
    later=st.integers(0, 400),
)
def test_a_response_still_due_is_broken_only_once_its_deadline_has_passed(
    trigger: dt.date, later: int
) -> None:
    monitor = Monitor([RESPONSE])
    world = WorldSchema.builtin().initial()
    state, broken = monitor.step(
        monitor.initial, world, Event(id="f", kind="investiture_failed", date=trigger)
    )
    assert broken == ()
    deadline = RESPONSE.due(trigger)
    end = trigger + dt.timedelta(days=later)
    found = monitor.overdue(state, end)
    assert bool(found) == (end > deadline)
    if found:
        assert found[0][0] == "answer" and str(deadline) in found[0][1]
    # answered in time: never overdue
    answered, _ = monitor.step(
        state, world, Event(id="g", kind="government_formed", date=min(end, deadline))
    )
    assert monitor.overdue(answered, end + dt.timedelta(days=1000)) == ()


# -- simulated runs -----------------------------------------------------------------------------


def test_every_property_is_reported_with_the_runs_that_broke_it() -> None:
    sim = result(spain_job(1), 400)
    props = sim.properties
    assert list(props) == [p.id for p in spain()[0].monitor.properties]
    rows = list(sim.rows())
    assert sim.broken_runs == sum(1 for r in rows if r["broken"]) > 0
    deadline = props[DEADLINE]
    assert 0 < deadline["n"] <= sim.broken_runs
    lo, hi = deadline["ci95"]
    assert lo <= deadline["p"] <= hi and deadline["p"] == round(deadline["n"] / 400, 6)
    example = deadline["example"]
    assert rows[example["run"]]["broken"] >= 1
    assert "was due by" in example["message"]
    # the example is the first run that broke any property here (only one property breaks)
    assert example["run"] == min(r["run"] for r in rows if r["broken"])
    for p in props.values():
        assert (p["example"] is None) == (p["n"] == 0)


def test_a_deadline_past_at_the_horizon_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    job = spain_job(3, 120)
    with_end_check = result(job, 600).properties[DEADLINE]["n"]
    monkeypatch.setattr(Monitor, "overdue", lambda self, state, day: ())
    events_only = result(job, 600).properties[DEADLINE]["n"]
    assert with_end_check > events_only


def test_a_short_horizon_leaves_the_deadline_not_yet_due() -> None:
    # the first failed investiture of any run comes after day 0; two months and a day later
    # the deadline is due, so no run stopped at day 30 can have broken it
    sim = result(spain_job(5, 30), 300)
    assert sim.properties[DEADLINE]["n"] == 0 and sim.broken_runs == 0


@settings(max_examples=8, deadline=None)
@given(seed=st.integers(0, 2**32), runs=st.integers(1, 80), size=st.integers(1, 90))
def test_chunking_never_changes_the_properties(seed: int, runs: int, size: int) -> None:
    job = spain_job(seed % 50)
    assert stable(result(job, runs, chunk_size=size)) == stable(result(job, runs))


@settings(max_examples=2, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 1000))
def test_process_pool_gives_the_serial_properties(seed: int) -> None:
    job = spain_job(seed)
    serial = stable(result(job, 60))
    pooled = stable(result(job, 60, executor="processes", workers=2, chunk_size=11))
    assert pooled == serial and '"broken_runs"' in serial


@pytest.mark.dask
def test_dask_gives_the_serial_properties() -> None:
    pytest.importorskip("distributed")
    job = spain_job(2)
    parts = [(0, 17), (17, 17), (34, 26)]
    assert stable(dask_result(job, parts)) == stable(result(job, 60))


# -- the command -------------------------------------------------------------------------------


def test_cli_reports_properties_in_json_and_text_and_keeps_the_exit_code() -> None:
    base = ["simulate", "--pack", str(SPAIN), "--runs", "300", "--seed", "1", "--horizon", "400"]
    out = CliRunner().invoke(main, [*base, "--json"])
    assert out.exit_code == 0, out.output  # broken properties leave the exit code as it was
    data = json.loads(out.output)
    for key in ("outcomes", "violations", "violated", "stops", "rejections", "steps"):
        assert key in data
    assert data["broken_runs"] > 0 and data["properties"][DEADLINE]["n"] > 0
    assert data["properties"]["dissolution_after_failed_investiture"]["example"] is None
    pooled = CliRunner().invoke(main, [*base, "--json", "--workers", "2", "--chunk-size", "13"])
    other = json.loads(pooled.output)
    for key in TIMING:
        data.pop(key)
        other.pop(key)
    assert other == data
    text = CliRunner().invoke(main, base)
    assert text.exit_code == 0, text.output
    assert f"temporal properties broken: {data['broken_runs']} run(s)" in text.output
    assert DEADLINE in text.output


def test_a_model_without_properties_reports_none() -> None:
    sim = run_job(spain_job(1), 5)
    assert sim.property_ids  # spain has two
    plain = Simulation(1, 0, (), "p", "m", "d")
    assert plain.properties == {} and plain.broken_runs == 0
    assert "temporal properties" not in plain.summary()


def test_sweep_table_carries_the_runs_that_broke_a_property(tmp_path: Path) -> None:
    from negotiation.simulate import load_sweep, run_sweep, write_sweep_table

    path = tmp_path / "sweep.yaml"
    path.write_text(
        f"sweep: deadline by horizon\npack: {SPAIN}\npolicy: empirical\nruns: 150\nseed: 1\n"
        "grid:\n  horizon: [30, 150]\n",
        encoding="utf-8",
    )
    sweep = run_sweep(load_sweep(path))
    rows = list(sweep.rows())
    assert sweep.columns()[-2:] == ["violations", "broken_runs"]
    assert [r["broken_runs"] for r in rows] == [sim.broken_runs for _, _, sim in sweep.cells]
    assert rows[0]["broken_runs"] == 0 < rows[-1]["broken_runs"] == sweep.to_json()["broken_runs"]
    write_sweep_table(sweep, tmp_path / "t.csv")
    head = (tmp_path / "t.csv").read_text(encoding="utf-8").splitlines()[0]
    assert head.endswith(",violations,broken_runs")
