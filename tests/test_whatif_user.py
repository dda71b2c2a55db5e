"""What-ifs written by hand by a new user for the Cambodian pack: the mistakes they make and
what each error or failure must say."""

from __future__ import annotations

import pytest

from negotiation.errors import InputError
from negotiation.scenario import load_scenario_text, plan_scenario, run_scenario

HEAD = "name: a user's what-if\npack: cambodia-2013-2017\n"
DEAL = "2014-07-22-hun-sen-sam-rainsy-agreement"


def problems(text: str) -> str:
    with pytest.raises(InputError) as exc:
        plan_scenario(load_scenario_text(HEAD + text, "mine.yaml"))
    return str(exc.value)


def test_a_variation_on_an_event_an_earlier_one_dropped_says_so() -> None:
    text = problems(f"variations:\n  - drop: {DEAL}\n  - shift: {{events: [{DEAL}], months: -6}}\n")
    assert f"mine.yaml:5:22: variations[1].shift.events[0]: event '{DEAL}'" in text
    assert "variations[0].drop (line 4) removed it before this variation" in text
    assert "did you mean" not in text  # it was no typo


def test_an_event_replaced_under_another_id_is_gone_too() -> None:
    text = problems(
        "variations:\n"
        f"  - replace: {{event: {DEAL}, with: {{id: deal, kind: settlement, date: 2014-07-22}}}}\n"
        f"  - change: {{event: {DEAL}, facts: {{seats: {{cnrp: 60}}}}}}\n"
    )
    assert "variations[0].replace (line 4) removed it before this variation" in text


def test_a_world_predicate_on_a_party_with_no_seats_names_what_there_is() -> None:
    # the CNRP, dissolved in 2017, has no seats left in the final world: the failure said
    # "no field 'seats.cnrp'" and listed every field, seats among them
    (result,) = run_scenario(
        load_scenario_text(HEAD + "expect: {world: [seats.cnrp == 55]}\n", "mine.yaml")
    )
    (failure,) = result.failures
    assert "'seats.cnrp == 55': seats has no 'cnrp' in the final world; it has cpp" in failure


def test_a_simulation_that_ignores_the_variations_says_so() -> None:
    # a written policy with no `from` starts every run at the model's initial state: dropping
    # the boycott gave the same 228/500 runs as the record, and nothing said why
    sim = "simulation: {policy: talks-first, runs: 20, seed: 1, horizon: 730%s}\n"
    claims = "expect: {simulation: ['p(opposition_seated) >= 0']}\n"
    drop = "variations: [{drop: 2013-09-23-opposition-boycotts-assembly}]\n"
    (idle,) = plan_scenario(load_scenario_text(HEAD + drop + sim % "" + claims, "mine.yaml"))
    (note,) = idle.notes
    assert "mine.yaml:4:1: simulation: under policy 'talks-first' every run starts" in str(note)
    assert "give `from: EVENT-ID`" in str(note)
    start = ", from: 2013-09-23-assembly-convened"
    (used,) = plan_scenario(load_scenario_text(HEAD + drop + sim % start + claims, "mine.yaml"))
    assert not used.notes
    (plain,) = plan_scenario(load_scenario_text(HEAD + sim % "" + claims, "mine.yaml"))
    assert not plain.notes


def test_a_matrix_cells_expectation_is_located_at_its_expect_not_its_variations() -> None:
    text = problems(
        "matrix:\n"
        "  - name: no boycott\n"
        "    variations:\n"
        "      - drop: 2013-09-23-opposition-boycotts-assembly\n"
        "    expect: {final_phase: seated_down}\n"
    )
    assert "mine.yaml:7:14: matrix[0].expect.final_phase: unknown phase 'seated_down'" in text
    assert "variations.expect" not in text


def test_an_unknown_phase_with_none_near_lists_the_regions_states() -> None:
    text = problems("expect: {reached: [negotiating]}\n")
    assert "expect.reached[0]: unknown phase 'negotiating'; a phase is a region's state" in text
    assert "participation.cnrp: seated, boycotting, forfeited, dissolved" in text
    assert "did you mean 'settled'?" in problems("expect: {final_phase: settled_down}\n")


def test_a_kind_of_the_log_a_switched_model_lacks_is_located_at_the_switch() -> None:
    # it was located at 1:1 of the file, naming neither the model nor the event
    text = problems("variations:\n  - model: pack:thailand-2013-2014\n")
    assert (
        "mine.yaml:4:5: variations[0].model: model 'thailand-2013-2014', named here, does not "
        "know the kind of the log's event '2017-11-23-ldp-kapp-refuse-seats': unknown event "
        "kind 'seats_refused'"
    ) in text


def test_a_during_failure_on_days_a_month_dated_event_leaves_open_says_so() -> None:
    # the talks' collapse is known only to January 2014: it counts from 1 January, and a claim
    # that the working group lasted to 30 January failed with no word of why
    text = (
        "expect: {during: [{region: talks, state: working_group, from: 2013-11-05, through: %s}]}\n"
    )
    (open_days,) = run_scenario(load_scenario_text(HEAD + text % "2014-01-30", "mine.yaml"))
    (failure,) = open_days.failures
    assert "not on 2014-01-01 (broken_off)" in failure
    assert (
        "the sources date 2014-01-negotiations-collapse only to a span ending 2014-01-31: it "
        "counts from the first day it may have happened on"
    ) in failure
    later = text.replace("from: 2013-11-05", "from: 2014-02-01") % "2014-02-10"
    (settled,) = run_scenario(load_scenario_text(HEAD + later, "mine.yaml"))
    (failure,) = settled.failures  # February is past the span: nothing to say of it
    assert "not on 2014-02-01 (broken_off)" in failure
    assert "the sources date" not in failure


def test_an_expectation_on_an_event_the_variations_dropped_says_so() -> None:
    boycott = "2013-09-23-opposition-boycotts-assembly"
    text = problems(
        f"variations:\n  - drop: {boycott}\n"
        f"expect:\n  phase_after: {{{boycott}: {{participation.cnrp: seated}}}}\n"
    )
    assert (
        f"mine.yaml:6:17: expect.phase_after.{boycott}: event '{boycott}' is not in the varied "
        "log: variations[0].drop (line 4) removed it"
    ) in text
    text = problems(
        f"variations:\n  - drop: {boycott}\n"
        "matrix:\n  - name: a cell\n"
        "    variations: [{drop: 2013-09-23-assembly-convened}]\n"
        f"    expect: {{accepted: [2013-09-23-assembly-convened], rejected: [{boycott}]}}\n"
    )
    assert (
        "matrix[0].expect.accepted[0]: event '2013-09-23-assembly-convened' is not in the "
        "varied log: matrix[0].variations[0].drop (line 7) removed it"
    ) in text
    assert (
        f"matrix[0].expect.rejected[0]: event '{boycott}' is not in the varied log: "
        "variations[0].drop (line 4) removed it"
    ) in text
    assert "unknown event id" not in text


def test_the_opposition_reading_counts_its_60_days_from_the_results_first_possible_day() -> None:
    # what the README's rule table says: the results event is dated 28 July-14 September, so
    # the opposition's reading ("from the final results") gives the government's deadline
    text = (
        "interpretation: opposition_2013\n"
        "variations:\n  - drop: 2013-09-23-opposition-boycotts-assembly\n"
        "  - shift: {events: [2013-09-23-assembly-convened], days: 22}\n"
    )
    (result,) = run_scenario(load_scenario_text(HEAD + text, "mine.yaml"))
    (step,) = [s for s in result.trace.steps if s.event == "2013-09-23-assembly-convened"]
    assert step.rejected_by == "first_session_deadline"
    assert "after the deadline 2013-09-26 (60 days from the final results of 2013-07-28)" in str(
        step.reason
    )


def test_an_inserted_events_unknown_actor_is_a_note_naming_the_nearest() -> None:
    # 'king' for 'king-sihamoni' was accepted in silence by run and validate
    event = "{id: x-dissolution, kind: assembly_dissolved, date: 2015-06-01, actors: [king]}"
    text = f"variations:\n  - insert: {{at: 2015-06-01, event: {event}}}\n"
    (cell,) = plan_scenario(load_scenario_text(HEAD + text, "mine.yaml"))
    (note,) = cell.notes
    assert "mine.yaml:4:38: variations[0].insert.event.id: event 'x-dissolution' names an" in str(
        note
    )
    assert "unknown actor 'king'; did you mean 'king-sihamoni'?" in str(note)
    known = text.replace("[king]", "[king-sihamoni]")
    (cell,) = plan_scenario(load_scenario_text(HEAD + known, "mine.yaml"))
    assert not cell.notes
