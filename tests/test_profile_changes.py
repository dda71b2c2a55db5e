"""Changes to a profile apply in the order they came into force, not the order the profile
lists them: a later change overrides an earlier one that sets the same value (a court's reading
and the judgment that revoked it, Moldova 2019), and a rejection after a dated change cites the
text that change gave the provision."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from negotiation import compile_model
from negotiation.events import Event
from negotiation.events.log import load_event_log
from negotiation.model import CompiledModel
from negotiation.model.compiled import State

PACK = Path(__file__).resolve().parent.parent / "examples" / "moldova-2019"
READING, REVISION = "court-reading-2019-06-07", "court-revision-2019-06-15"


def _pack(tmp_path: Path, edit: object) -> Path:
    """A copy of the Moldovan pack whose profile ``edit`` (a function of the loaded YAML)
    changes."""
    root = tmp_path / "moldova"
    shutil.copytree(PACK, root)
    profile = root / "profile.yaml"
    data = yaml.safe_load(profile.read_text())
    edit(data)  # type: ignore[operator]
    profile.write_text(yaml.safe_dump(data, sort_keys=False))
    return root


def _run(model: CompiledModel, events: list[Event]) -> State:
    state = model.initial
    for e in events:
        result = model.step(state, e)
        assert result.accepted, (e.id, result.reason)
        state = result.state
    return state


def _formation_days(model: CompiledModel, state: State) -> object:
    return dict(model.params_at(state.world, state.world.date).values)["formation_days"]


@pytest.mark.parametrize("swap", [False, True])
def test_a_revoked_reading_stays_revoked_whatever_the_profiles_order(
    tmp_path: Path, swap: bool
) -> None:
    """The Court's 90 days (enacted on 7 June) and its revision (15 June) both set
    formation_days; listed revision first, the 90 days used to win after 15 June."""

    def edit(data: dict[str, list[object]]) -> None:
        if swap:
            data["changes"].reverse()

    root = _pack(tmp_path, edit)
    model = compile_model(str(root / "model.yaml"))
    events = list(load_event_log(root / "events.yaml").events)
    upto = next(i for i, e in enumerate(events) if e.id == "2019-06-15-court-revokes-rulings")
    during = _run(model, events[:upto])
    assert during.world.in_force == (READING,)
    assert _formation_days(model, during) == 90
    after = _run(model, events[: upto + 1])
    assert after.world.in_force == (READING, REVISION)
    assert _formation_days(model, after) == 0


def test_a_change_enacted_again_overrides_what_came_between() -> None:
    model = compile_model(str(PACK / "model.yaml"))
    ruling = next(
        e for e in load_event_log(PACK / "events.yaml").events if e.kind == "court_ruling"
    )
    start = model.initial
    revised = State(start.config, start.world.evolve(in_force=(READING, REVISION)), start[2])
    again = model.step(revised, ruling)
    assert again.accepted, again.reason
    assert again.state.world.in_force == (REVISION, READING)
    assert _formation_days(model, again.state) == 90


def test_dated_and_enacted_changes_apply_by_when_they_came_into_force(tmp_path: Path) -> None:
    """A dated change effective before an enactment is overridden by it; one effective after
    it overrides it from its date; and a rejection cites the provision text then in force."""

    def edit(data: dict[str, list[dict[str, object]]]) -> None:
        text = {"article": "Art. 85(1) (as dated)", "text": "Paraphrase: dated.", "source": "test"}
        data["changes"] += [
            {
                "id": "dated-before",
                "effective": "2019-06-01",
                "parameters": {"custom": {"formation_days": 30}},
            },
            {
                "id": "dated-after",
                "effective": "2019-06-12",
                "parameters": {"custom": {"formation_days": 45}},
                "provisions": {"dissolution": text},
            },
        ]

    root = _pack(tmp_path, edit)
    model = compile_model(str(root / "model.yaml"))
    events = list(load_event_log(root / "events.yaml").events)
    upto = next(i for i, e in enumerate(events) if e.id == "2019-06-09-parliament-dissolved")
    state = _run(model, events[: upto + 1])
    # the 90 days enacted on 7 June came after the dated 30 days of 1 June
    assert state.world.in_force == ("dated-before", READING)
    assert _formation_days(model, state) == 90
    later = state.world.evolve(date=state.world.date.replace(day=13))
    assert dict(model.params_at(later, later.date).values)["formation_days"] == 45
    cited = model.provision("three_months_run", state.world.in_force, later.date)
    assert cited is not None and cited.article == "Art. 85(1) (as dated)"
    before = model.provision("three_months_run", state.world.in_force, state.world.date)
    assert before is not None and before.article == "Art. 85(1)"


def test_an_expression_builds_only_the_parameter_views_it_reads() -> None:
    """`params.needed` (the votes of every threshold, from the world) was worked out at every
    evaluation of every CEL expression, whether it read params or not: a third of a simulated
    step of the Moldovan pack. Values are unchanged: an expression reading them gets them."""
    from negotiation.model.expressions import Expression

    model = compile_model(str(PACK / "model.yaml"))
    world = _run(model, list(load_event_log(PACK / "events.yaml").events)).world
    params = model.params_at(world, world.date)
    plain = Expression("has(event.facts.subject) && event.facts.subject == 'acts'")
    assert not plain.reads_params and not plain.reads_needed
    custom = Expression("params.formation_days == 0")
    assert custom.reads_params and not custom.reads_needed
    assert custom.evaluate(world=world, params=params) is True
    votes = Expression("params.needed.censure")
    assert votes.reads_needed
    assert votes.evaluate(world=world, params=params) == 51
    quoted = Expression("'params.needed' == 'x'")
    assert not quoted.reads_params
