"""Bounded exploration: figures, shortest counterexamples, saved scenarios that replay."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from negotiation.cli import main
from negotiation.events import Event
from negotiation.explore import Exploration, explore
from negotiation.model import compile_model, load_profile, load_spec
from negotiation.model.properties import Property

SHORTEST_DISSOLUTION = [
    "election_held",
    "results_announced",
    "assembly_convened",
    "assembly_dissolved",
]


def ev(i: str, kind: str, date: str, **kw: object) -> Event:
    return Event.model_validate({"id": i, "kind": kind, "date": date, **kw})


def broken_profile(tmp_path: Path, *rules: str) -> Path:
    data = load_profile().model_dump(mode="json")
    data["disabled_rules"] = list(rules)
    path = tmp_path / "broken-profile.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


def test_reference_model_has_no_violation_within_small_limits() -> None:
    result = explore(max_depth=4)
    assert result.violations == []
    assert result.distinct_states > 1000 and result.transitions > result.distinct_states
    assert result.max_depth == 4 and result.stopped == "max_depth" and not result.complete
    outcomes = {o.id: o for o in result.outcomes}
    # an election once the term has run (+5 years): the shortest way to a final phase
    assert [e.kind for e in outcomes["early_election"].events] == [
        "election_held",
        "results_announced",
        "assembly_convened",
        "early_election",
    ]
    assert "working_group" in result.phases


def test_planted_rule_bug_is_the_shortest_counterexample_and_replays(tmp_path: Path) -> None:
    profile = broken_profile(tmp_path, "no_early_dissolution")
    result = explore(profile=str(profile), max_depth=5)
    found = {v.id: v for v in result.violations}
    assert set(found) == {"no_early_dissolution"}
    cx = found["no_early_dissolution"]
    assert cx.depth == 4 and [e.kind for e in cx.events] == SHORTEST_DISSOLUTION
    assert cx.provision is not None and cx.provision.article == "Article 78"
    out = tmp_path / "found"
    written = result.save(out)
    scenario = out / "counterexample-no-early-dissolution.yaml"
    assert scenario in written
    text = scenario.read_text()
    assert "no sources" in text and "violated: [no_early_dissolution]" in text
    assert result.save(out) == written and scenario.read_text() == text  # deterministic
    run = CliRunner().invoke(main, ["run", str(scenario), "-q"])
    assert run.exit_code == 0, run.output
    run = CliRunner().invoke(main, ["run", str(out), "-q"])  # witnesses too
    assert run.exit_code == 0, run.output


def test_property_counterexample_from_an_in_memory_model_replays(tmp_path: Path) -> None:
    profile = load_profile().model_copy(update={"disabled_rules": ("amendment_core",)})
    result = explore(load_spec(), profile, max_depth=4)
    ids = {(v.type, v.id) for v in result.violations}
    assert ("property", "core_never_amended") in ids
    assert ("invariant", "core_not_amended") in ids
    written = result.save(tmp_path)
    assert tmp_path / "profile-cambodia.yaml" in written  # the profile, dumped beside them
    run = CliRunner().invoke(
        main, ["run", str(tmp_path / "counterexample-core-never-amended.yaml")]
    )
    assert run.exit_code == 0, run.output


def test_bounded_response_is_broken_by_time_passing() -> None:
    """The reference model rejects a late election but lets a dissolved Assembly wait: a
    bounded response (Art. 78: election within sixty days) catches it. Starts after a
    dissolution at the end of the term, so one more event is enough."""
    due = Property(
        id="election_after_dissolution",
        type="response",
        after=["assembly_dissolved"],
        event="early_election",
        within_months=2,
        provision="election_after_dissolution",
    )
    prefix = [
        ev("r1", "election_held", "2013-07-28"),
        ev("r2", "results_announced", "2013-08-12", facts={"seats": {"cpp": 68, "cnrp": 55}}),
        ev("r3", "assembly_convened", "2013-09-23"),
        ev("r4", "assembly_dissolved", "2018-09-23"),
    ]
    result = explore(properties=[due], gaps_for="all", max_depth=1, start_events=prefix)
    (v,) = [v for v in result.violations if v.id == "election_after_dissolution"]
    assert v.depth == 5 and [e.id for e in v.events][:4] == ["r1", "r2", "r3", "r4"]
    assert "was due by 2018-11-23" in v.message
    # with dates only on kinds that use them, waiting is not explored: the response holds
    assert explore(properties=[due], max_depth=1, start_events=prefix).violations == []


def test_interrupt_returns_the_partial_result() -> None:
    def stop(states: int, transitions: int, depth: int) -> None:
        raise KeyboardInterrupt

    result = explore(max_depth=6, on_progress=stop)
    assert result.stopped == "interrupted" and not result.complete
    assert result.distinct_states > 0


def test_limits_stop_the_search() -> None:
    assert explore(max_states=500).stopped == "max_states"
    assert explore(max_states=500).distinct_states == 500
    assert explore(max_depth=2).max_depth == 2


def test_cli_json(tmp_path: Path) -> None:
    run = CliRunner().invoke(main, ["explore", "--json", "--max-depth", "3", "--no-progress"])
    assert run.exit_code == 0, run.output
    data = json.loads(run.output)
    for key in (
        "distinct_states",
        "transitions",
        "max_depth",
        "elapsed_s",
        "violations",
        "outcomes",
    ):
        assert key in data
    assert data["violations"] == [] and data["max_depth"] == 3


def test_cli_exit_codes_and_save(tmp_path: Path) -> None:
    profile = broken_profile(tmp_path, "no_early_dissolution")
    out = tmp_path / "out"
    args = ["explore", "--profile", str(profile), "--max-depth", "4", "--save", str(out)]
    run = CliRunner().invoke(main, args)
    assert run.exit_code == 1, run.output
    assert (
        "no_early_dissolution" in run.output
        and (out / "counterexample-no-early-dissolution.yaml").exists()
    )
    bad = CliRunner().invoke(main, ["explore", "--interpretation", "royalist"])
    assert bad.exit_code == 2


@pytest.mark.slow
def test_reference_model_deeper() -> None:
    result = explore(max_depth=6, max_states=1_000_000, max_seconds=300)
    assert result.violations == []
    assert {o.id for o in result.outcomes} == {"early_election", "opposition_seated"}


def test_fingerprints_find_exactly_the_states_the_full_search_finds(
    reference_depth_5: Exploration,
) -> None:
    """Equal states must share a fingerprint (a pickle is not canonical: it reflects which
    equal values are the same object), so a fingerprinted search finds the same states."""
    from negotiation.explore.search import fingerprint_of

    full = reference_depth_5  # explore(max_depth=5, max_states=10**7, max_seconds=600)
    printed = explore(max_depth=5, max_states=1_000_000, max_seconds=600, fingerprint=True)
    assert printed.fingerprints and not full.fingerprints
    assert (printed.distinct_states, printed.transitions) == (96187, 205533)
    assert (full.distinct_states, full.transitions) == (96187, 205533)
    m = compile_model()
    rebuilt = m.initial._replace(world=type(m.initial.world)(list(m.initial.world)))
    assert rebuilt is not m.initial and fingerprint_of(rebuilt) == fingerprint_of(m.initial)


def test_a_search_leaves_the_callers_collector_as_it_found_it() -> None:
    """Objects the caller froze (before forking, or a test session) stay frozen, and a
    disabled collector stays disabled (a search froze, unfroze and enabled unconditionally)."""
    import gc

    gc.freeze()
    frozen = gc.get_freeze_count()
    assert frozen > 0
    explore(max_depth=2)
    assert gc.get_freeze_count() >= frozen and gc.isenabled()
    gc.disable()
    try:
        explore(max_depth=2)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_facts_a_cel_condition_or_rule_compares_are_drawn() -> None:
    """A pack's CEL condition `event.facts.subject == 'dissolution'` (Sri Lanka's court rulings)
    or rule `event.facts.round == 1` makes the domain draw events with those values: without
    them the Supreme Court's ruling (and so `dissolution=quashed`) was never reached."""
    from negotiation.explore.domain import domain_for
    from negotiation.packs import load_pack

    pack = load_pack("sri-lanka-2018")
    model = compile_model(pack.model_path)
    domain = domain_for(model, events=pack.event_log())
    subjects = {t.facts.subject for t in domain.templates()["court_ruling"]}
    assert {"dissolution", "premiership"} <= subjects
    result = explore(model, events=pack.event_log(), max_depth=3, max_seconds=120)
    assert "dissolution=quashed" in {o.id for o in result.outcomes}, result.outcomes


def test_actors_a_cel_condition_looks_for_are_drawn() -> None:
    """`'wickremesinghe' in event.recipients` (the oath that restores him) is drawn, so the
    Sri Lankan pack's `premiership=restored` is reachable by exploration."""
    from negotiation.explore.domain import domain_for
    from negotiation.packs import load_pack

    pack = load_pack("sri-lanka-2018")
    model = compile_model(pack.model_path)
    domain = domain_for(model, events=pack.event_log())
    recipients = {t.recipients for t in domain.templates()["sworn_in"]}
    assert {("wickremesinghe",), ("rajapaksa",)} <= recipients


def test_a_fact_a_rule_compares_with_a_profile_parameter_is_drawn_around_its_values() -> None:
    """Malawi's `event.facts.winner_share > double(params.majority_percent)` (0 under the
    plurality reading, 50 from the Court's judgment on, a change in time): the domain draws the
    share around both. Without it every abstract result lacked the share, the rule refused all
    of them and exploration stopped at the poll, `complete` and with no violation."""
    from negotiation.explore.domain import domain_for
    from negotiation.explore.literals import compared_facts
    from negotiation.packs import load_pack

    pack = load_pack(str(Path(__file__).resolve().parent.parent / "examples/malawi-2019-2020"))
    model = compile_model(pack.model_path)
    domain = domain_for(model, parties=["dpp", "mcp"], split=[62, 55], events=pack.event_log())
    shares = {
        getattr(t.facts, "winner_share", None) for t in domain.templates()["results_announced"]
    }
    assert {0, 1, 49, 50, 51} <= shares
    assert ("x", 50.5) in compared_facts_of("event.facts.x > 50.5", compared_facts)
    result = explore(
        model, events=pack.event_log(), parties=("dpp", "mcp"), split=(62, 55), max_depth=6
    )
    assert {"poll=fresh_declared", "petition=final"} <= {o.id for o in result.outcomes}


def compared_facts_of(source: str, compared: Any) -> list[Any]:
    """What `compared_facts` finds in one rule of a one-transition model."""
    from negotiation.model.spec import ModelSpec

    spec = ModelSpec.model_validate(
        {
            "id": "m",
            "regions": [{"id": "r", "initial": "a", "states": [{"id": "a"}]}],
            "rules": [{"id": "g", "provision": "p", "allow": source}],
            "transitions": [{"kind": "protest", "guards": ["g"]}],
        }
    )
    return list(compared(spec, "protest"))


def test_given_parties_and_seats_the_start_is_still_the_logs_first_day() -> None:
    """`explore --parties A,B --split N,M` without --start began the abstract events on
    2000-01-01, though --help says the default is the first event of the dispute's log (the
    Malawian pack, 2019-05-21: its 150-day window was never near)."""
    from negotiation.explore.domain import domain_for
    from negotiation.packs import load_pack

    pack = load_pack(str(Path(__file__).resolve().parent.parent / "examples/malawi-2019-2020"))
    model = compile_model(pack.model_path)
    domain = domain_for(model, parties=["dpp", "mcp"], split=[62, 55], events=pack.event_log())
    assert domain.start.isoformat() == "2019-05-21"


def test_facts_a_cel_rule_compares_with_a_threshold_are_drawn() -> None:
    """`event.facts.votes_for >= params.needed.dissolution_law` on a kind outside the built-in
    vote kinds (the Knesset dissolving itself by law) makes the domain draw the votes one below
    and at the threshold, combined with the values its conditions compare (`ground == 'law'`):
    without them no dissolution was ever accepted and the Israeli example's government was
    never reached."""
    from pathlib import Path

    from negotiation.explore.domain import domain_for
    from negotiation.packs import load_pack

    pack = load_pack(str(Path(__file__).resolve().parent.parent / "examples/israel-2019-2020"))
    model = compile_model(pack.model_path)
    domain = domain_for(model, events=pack.event_log())
    dissolutions = domain.templates()["assembly_dissolved"]
    drawn = {(t.facts.votes_for, t.facts.present().get("ground")) for t in dissolutions}
    assert {(60, "law"), (61, "law")} <= drawn
    result = explore(model, events=pack.event_log(), max_depth=4, max_seconds=120)
    assert "mandate=government" in {o.id for o in result.outcomes}, result.outcomes


def test_results_vary_their_seats_only_where_a_transition_can_tell_them_apart() -> None:
    """The Malawian results are judged on vote shares, no effect records seats: its five seat
    splits (no majority, two thirds, not adding up ...) reached the same states five times
    (8,914 steps at depth 6, now 3,538; the same 627 states). Cambodia's results record the
    seats and keep all five."""
    from negotiation.explore.domain import domain_for
    from negotiation.packs import load_pack

    pack = load_pack(str(Path(__file__).resolve().parent.parent / "examples/malawi-2019-2020"))
    malawi = domain_for(
        compile_model(pack.model_path), parties=["dpp", "mcp"], split=[62, 55], events=()
    )
    splits = {t.facts.seats.get("dpp") for t in malawi.templates()["results_announced"]}
    assert splits == {62}
    cambodia = domain_for(compile_model())
    assert len({t.label for t in cambodia.templates()["results_announced"]}) == 5
