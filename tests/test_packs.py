"""Dispute packs: each built-in pack validates, replays its record at 100% conformance and
passes its scenarios; the acceptance questions of concurrent regions, dissolution powers, time
windows and laws changing during a dispute."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings

from negotiation import replay
from negotiation.cli import main
from negotiation.errors import InputError
from negotiation.events import Event
from negotiation.explore import explore
from negotiation.explore.domain import domain_for
from negotiation.packs import available_packs, load_pack
from negotiation.scenario import load_scenario, run_scenario
from negotiation.testing import enabled_sequences

PACKS = sorted(available_packs())


def test_the_built_in_packs_are_found_by_name() -> None:
    assert PACKS == [
        "bangladesh-2014",
        "cambodia-2013-2017",
        "kenya-2007-2008",
        "sri-lanka-2018",
        "thailand-2013-2014",
    ]
    out = CliRunner().invoke(main, ["packs", "--json"])
    assert out.exit_code == 0
    assert [p["id"] for p in json.loads(out.output)["packs"]] == PACKS


@pytest.mark.parametrize("pack_id", PACKS)
def test_a_pack_replays_its_record_and_passes_its_scenarios(pack_id: str) -> None:
    pack = load_pack(pack_id)
    trace = replay(pack.compile(), pack.event_log())
    assert trace.conformance == 1.0, [s.event for s in trace.steps if not s.accepted]
    assert not trace.violations
    files = pack.scenario_files()
    assert files
    for f in files:
        for result in run_scenario(load_scenario(f)):
            assert result.passed, (f.name, result.cell, result.failures)


@pytest.mark.parametrize("pack_id", PACKS)
def test_a_pack_validates(pack_id: str) -> None:
    out = CliRunner().invoke(main, ["validate", "--pack", pack_id])
    assert out.exit_code == 0, out.output


@pytest.mark.parametrize("pack_id", PACKS)
def test_exploring_a_pack_with_no_flags_uses_its_own_domain(pack_id: str) -> None:
    pack = load_pack(pack_id)
    result = explore(pack.compile(), events=pack.event_log().events, max_depth=3)
    assert result.distinct_states > 20
    assert not result.violations
    model = pack.compile()
    known = {a for e in pack.event_log() for a in (e.facts.seats or {})}
    known |= {party for party, _ in model.initial.world.seats} | {"others"}
    assert set(result.abstraction["parties"]) <= known


def test_the_cnrp_boycotts_every_day_of_its_boycott_and_sits_after() -> None:
    pack = load_pack("cambodia-2013-2017")
    trace = replay(pack.compile(), pack.event_log())
    state = trace.initial_regions["participation.cnrp"]
    by_day: dict[dt.date, str] = {}
    steps = iter(trace.steps)
    step = next(steps, None)
    day = dt.date(2013, 7, 1)
    while day <= dt.date(2014, 12, 31):
        while step is not None and dt.date.fromisoformat(step.date) <= day:
            state = step.regions["participation.cnrp"]
            step = next(steps, None)
        by_day[day] = state
        day += dt.timedelta(days=1)
    boycott = [d for d in by_day if dt.date(2013, 9, 23) <= d <= dt.date(2014, 8, 4)]
    assert len(boycott) == 316 and {by_day[d] for d in boycott} == {"boycotting"}
    assert {by_day[d] for d in by_day if d >= dt.date(2014, 8, 5)} == {"seated"}
    during = [s for s in trace.steps if "2013-09-23" <= s.date <= "2014-08-04"]
    assert {"working_group", "broken_off"} <= {s.regions["talks"] for s in during}
    assert {"protests", "crackdown"} <= {s.regions["street"] for s in during}


def test_the_2017_reallocation_is_checked_against_the_law_in_force() -> None:
    pack = load_pack("cambodia-2013-2017")
    model, log = pack.compile(), list(pack.event_log())
    to_2017 = [e for e in log if e.date.year <= 2017]
    trace = replay(model, to_2017)
    assert dict(trace.final_world.seats) == {"cpp": 79, "funcinpec": 41, "cnp": 2, "kedp": 1}
    without = [e for e in log if e.id != "2017-10-16-election-laws-amended"]
    step = replay(model, without).step_for("2017-11-23-cnrp-seats-reallocated")
    assert step is not None and step.rejected_by == "reallocation_lawful"
    assert step.citation is not None and "dissolved party" in step.citation.text


def test_the_2018_election_is_the_regular_one_under_the_2015_law() -> None:
    """The next Assembly is elected while the 2013 one sits (its term ran to 23 September 2018),
    with the 125 members the 2015 election law set; the new Assembly votes a new government."""
    pack = load_pack("cambodia-2013-2017")
    model, log = pack.compile(), list(pack.event_log())
    trace = replay(model, log)
    assert trace.conformance == 1.0
    world = trace.final_world
    assert dict(world.seats) == {"cpp": 125} and world.total_seats == 125
    assert world.vacant_seats == 0 and world.term_end == dt.date(2023, 9, 5)
    assert world.government is not None and world.government.formed_on == dt.date(2018, 9, 6)
    early = [
        e.model_copy(update={"date": dt.date(2018, 5, 27)})
        if e.id == "2018-07-29-election-held"
        else e
        for e in log
    ]
    step = replay(model, early).step_for("2018-07-29-election-held")
    assert step is not None and step.rejected_by == "regular_election_at_term_end"
    without = [e for e in log if e.id != "2015-03-19-election-law-passed"]
    step = replay(model, without).step_for("2018-08-15-results-announced")
    assert step is not None and step.rejected_by == "seats_the_law_sets"


def test_thailands_dissolution_is_accepted_under_its_profile_and_not_under_cambodias() -> None:
    pack = load_pack("thailand-2013-2014")
    log = pack.event_log()
    thai = replay(pack.compile(), log).step_for("2013-12-09-house-dissolved")
    assert thai is not None and thai.accepted
    cambodia = load_pack("cambodia-2013-2017").model_path.parent / "profile.yaml"
    from negotiation.model import compile_model

    under = compile_model(pack.model_path, cambodia, disabled_rules=("removal_by_court",))
    step = replay(under, log).step_for("2013-12-09-house-dissolved")
    assert step is not None and step.rejected_by == "no_early_dissolution"
    assert step.citation is not None and step.citation.article == "Article 78"


@pytest.mark.parametrize(
    "days, verdict",
    [
        (32, "new_election_deadline"),
        (44, "new_election_deadline"),
        (45, None),
        (55, None),
        (60, None),
        (61, "new_election_deadline"),
        (63, "new_election_deadline"),
    ],
)
def test_thailands_election_window_has_both_bounds(days: int, verdict: str | None) -> None:
    pack = load_pack("thailand-2013-2014")
    log = list(pack.event_log())
    i = [e.id for e in log].index("2014-02-02-election-held")
    log[i] = log[i].model_copy(update={"date": dt.date(2013, 12, 9) + dt.timedelta(days=days)})
    step = replay(pack.compile(), log).step_for("2014-02-02-election-held")
    assert step is not None and step.rejected_by == verdict


def test_an_unknown_pack_names_the_nearest() -> None:
    with pytest.raises(InputError, match="did you mean 'thailand-2013-2014'"):
        load_pack("thailand-2013")


def test_a_pack_folder_loads_by_path() -> None:
    pack = load_pack("kenya-2007-2008")
    assert load_pack(pack.root).id == pack.id
    assert load_pack(pack.root / "pack.yaml").id == pack.id


CAMBODIA = load_pack("cambodia-2013-2017")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    enabled_sequences(
        CAMBODIA.compile(),
        max_size=14,
        domain=domain_for(CAMBODIA.compile(), events=CAMBODIA.event_log().events),
    )
)
def test_no_sequence_the_cambodia_pack_enables_breaks_an_invariant(events: list[Event]) -> None:
    assert not replay(CAMBODIA.compile(), events).violations


def test_the_domain_comes_from_the_last_results_naming_two_sides() -> None:
    """The 2018 results give the CPP every seat: no second side, so the abstract events are
    drawn from the 2013 results (68/55), the log's last with two parties."""
    domain = domain_for(CAMBODIA.compile(), events=CAMBODIA.event_log().events)
    assert domain.parties == ("cpp", "cnrp") and domain.split == (68, 55)


def test_a_scenario_names_its_pack_and_writes_only_the_what_if(tmp_path: Path) -> None:
    """``pack: ID`` gives the pack's model, profile and log; the file holds only the what-if."""
    from negotiation.scenario import load_scenario_text

    text = (
        "name: the CNRP seated from the first session\n"
        "pack: cambodia-2013-2017\n"
        "variations:\n"
        "  - drop: 2013-09-23-opposition-boycotts-assembly\n"
        "expect:\n"
        "  during: [{region: participation.cnrp, state: seated, from: 2013-09-23,"
        " through: 2014-08-04}]\n"
    )
    loaded = load_scenario_text(text, "what_if.yaml", tmp_path)
    pack = load_pack("cambodia-2013-2017")
    assert loaded.scenario.model == str(pack.model_path)
    assert loaded.scenario.events == str(pack.events_path)
    assert all(r.passed for r in run_scenario(loaded))
    with pytest.raises(InputError) as err:
        load_scenario_text(text.replace("2013-2017", "2013-2071"), "what_if.yaml", tmp_path)
    problem = err.value.problems[0]
    assert (problem.file, problem.line) == ("what_if.yaml", 2)
    assert "did you mean 'cambodia-2013-2017'" in problem.message


def test_a_copied_model_names_its_missing_vocabulary_and_profile(tmp_path: Path) -> None:
    from negotiation.model import load_spec

    src = load_pack("thailand-2013-2014").model_path
    (tmp_path / "model.yaml").write_text(src.read_text())
    with pytest.raises(InputError) as err:
        load_spec(tmp_path / "model.yaml")
    assert "vocabulary file not found" in err.value.problems[0].message
    assert err.value.problems[0].line is not None
    (tmp_path / "vocabulary.yaml").write_text((src.parent / "vocabulary.yaml").read_text())
    with pytest.raises(InputError) as err:
        load_spec(tmp_path / "model.yaml")
    assert "profile file not found" in err.value.problems[0].message


@pytest.mark.parametrize("key", ["model", "events", "scenarios"])
@pytest.mark.parametrize("path", ["/etc/passwd", "../elsewhere/model.yaml", "a/../../x.yaml"])
def test_a_pack_names_only_files_inside_it(tmp_path: Path, key: str, path: str) -> None:
    """A pack is one folder: pack.yaml pointing outside it (found by the fuzz campaign with
    /etc/passwd as the model) is an error located in pack.yaml, not one about the other file."""
    import shutil

    pack = tmp_path / "kenya"
    shutil.copytree(load_pack("kenya-2007-2008").root, pack)
    text = (pack / "pack.yaml").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if not ln.startswith(f"{key}:")]
    (pack / "pack.yaml").write_text("\n".join([*lines, f"{key}: {path!r}"]) + "\n", "utf-8")
    with pytest.raises(InputError) as err:
        load_pack(pack)
    assert "pack.yaml:" in str(err.value) and "lies outside the pack" in str(err.value)


# --- Sri Lanka 2018: Art. 70(1)'s bar, a rule in CEL with a profile's threshold -------------------
SRI_LANKA = "sri-lanka-2018"


def _sri_lanka_dissolution(interpretation: str | None, shift_days: int = 0) -> object:
    from negotiation.model import compile_model

    pack = load_pack(SRI_LANKA)
    log = pack.event_log()
    events = [
        e.model_copy(update={"date": e.date + dt.timedelta(days=shift_days)})
        if e.id == "2018-11-09-parliament-dissolved"
        else e
        for e in log
    ]
    events.sort(key=lambda e: e.date)
    model = compile_model(pack.model_path, interpretation=interpretation)
    return replay(model, events).step_for("2018-11-09-parliament-dissolved")


@pytest.mark.parametrize(
    ("interpretation", "shift", "rejected_by"),
    [
        ("president_2018", 0, None),  # the record: the President's reading of Art. 33(2)(c)
        ("supreme_court_2018", 0, "early_dissolution_bar"),
        ("supreme_court_2018", 477, "early_dissolution_bar"),  # 29 February 2020
        ("supreme_court_2018", 478, None),  # 1 March 2020: 4 years 6 months from 1 Sep 2015
    ],
)
def test_sri_lankas_dissolution_bar_ends_four_and_a_half_years_after_the_first_meeting(
    interpretation: str, shift: int, rejected_by: str | None
) -> None:
    step = _sri_lanka_dissolution(interpretation, shift)
    assert step is not None and step.rejected_by == rejected_by, step
    if rejected_by:
        assert step.citation is not None and step.citation.article.startswith("Art. 70(1)")


def test_a_cel_rule_reading_a_parameter_the_profile_lacks_is_refused_when_loading() -> None:
    """Under Cambodia's profile the Sri Lankan rules read a threshold and a custom value it does
    not have: a located error when the model loads, not a failure on the first dissolution."""
    from negotiation.model import compile_model

    cambodia = load_pack("cambodia-2013-2017").model_path.parent / "profile.yaml"
    with pytest.raises(InputError) as err:
        compile_model(
            load_pack(SRI_LANKA).model_path, cambodia, disabled_rules=("no_confidence_majority",)
        )
    text = str(err.value)
    assert "profile.yaml" in text and "lacks parameters" in text
    assert "needs thresholds.dissolution_request" in text and "needs dissolution_bar_months" in text


def test_derive_marks_the_region_changes_a_multi_region_record_made() -> None:
    out = CliRunner().invoke(main, ["derive", "--pack", SRI_LANKA, "--json"])
    assert out.exit_code == 0, out.output
    edges = {
        (e["from"], e["to"]): e["observed"] for e in json.loads(out.output)["model_phase_changes"]
    }
    assert edges[("prorogued", "dissolved")] and edges[("vacant", "restored")]
    assert not edges[("sitting", "dissolved")]  # dissolved while prorogued, never while sitting


def test_exploring_a_model_whose_world_has_no_seats_asks_for_a_domain(tmp_path: Path) -> None:
    """The compiled world keeps only the fields the model uses: without seats (and a log with no
    results) the domain is an input error, not an AttributeError."""
    import shutil

    from negotiation.model import compile_model

    root = tmp_path / "pack"
    shutil.copytree(load_pack(SRI_LANKA).model_path.parent, root)
    model_file = root / "model.yaml"
    model_file.write_text(
        "\n".join(line for line in model_file.read_text().splitlines() if "seats: {unp" not in line)
    )
    with pytest.raises(InputError, match="no parties and seats"):
        domain_for(compile_model(model_file))


def test_initial_seats_of_one_party_are_named_when_explore_cannot_draw_parties(
    tmp_path: Path,
) -> None:
    """Peru's Congress as one bloc (`seats: {other-parties: 130}`) gave 'no parties and seats'
    with no word on why the seats given did not count: two parties are needed."""
    import shutil

    from negotiation.model import compile_model

    root = tmp_path / "pack"
    shutil.copytree(load_pack(SRI_LANKA).model_path.parent, root)
    model_file = root / "model.yaml"
    model_file.write_text(
        model_file.read_text().replace(
            "seats: {unp: 106, upfa: 95, other-parties: 24}", "seats: {unp: 225}"
        )
    )
    with pytest.raises(InputError, match=r"world\.initial\.seats names one party \('unp'\)"):
        domain_for(compile_model(model_file))


@pytest.mark.parametrize(("article", "passed"), [("Art. 70(1)", True), ("Article 78", False)])
def test_a_scenario_expects_the_provision_a_rejection_cites(
    tmp_path: Path, article: str, passed: bool
) -> None:
    f = tmp_path / "cites.yaml"
    f.write_text(
        f"name: cites\npack: {SRI_LANKA}\ninterpretation: supreme_court_2018\n"
        "expect:\n  rejected_citing:\n"
        f"    2018-11-09-parliament-dissolved: '{article}'\n"
    )
    (result,) = run_scenario(load_scenario(f))
    assert result.passed is passed, result.failures
    if not passed:
        assert "'Article 78'" in result.failures[0] and "Art. 70(1)" in result.failures[0]


def test_a_packs_own_kinds_carry_their_vocabulary_codes_into_the_log_and_exports() -> None:
    """Events of a kind a pack adds get the codes its vocabulary gives (they had none: the
    PLOVER export said no category applied)."""
    from negotiation.export import ExportData, render

    for pack_id, event_id, plover in [
        (SRI_LANKA, "2018-10-27-parliament-prorogued", "SANCTION"),
        (SRI_LANKA, "2018-12-15-rajapaksa-resigns", "CONCEDE"),
        ("cambodia-2013-2017", "2017-11-23-ldp-kapp-refuse-seats", "REJECT"),
    ]:
        event = next(e for e in load_pack(pack_id).event_log() if e.id == event_id)
        assert event.crosswalk.plover is not None and event.crosswalk.plover.event == plover
        rows = [
            json.loads(line)
            for line in render(ExportData.from_pack(pack_id), "plover").content.splitlines()
        ]
        row = next(r for r in rows if r["id"] == event_id)
        assert row["has_event"] and row["event"] == [plover]


def test_a_vocabulary_code_outside_plover_is_a_located_error(tmp_path: Path) -> None:
    import shutil

    root = tmp_path / "pack"
    shutil.copytree(load_pack(SRI_LANKA).model_path.parent, root)
    vocab = root / "vocabulary.yaml"
    vocab.write_text(vocab.read_text().replace("event: SANCTION", "event: RESTRICT"))
    out = CliRunner().invoke(main, ["validate", str(root / "events.yaml")])
    assert out.exit_code == 2
    assert (
        "vocabulary.yaml:12:" in out.output
        and "unknown PLOVER event category 'RESTRICT'" in out.output
    )
    assert "unknown event kind" not in out.output  # the pack's kinds still count


def test_validate_counts_the_kinds_and_facts_a_vocabulary_file_adds() -> None:
    out = CliRunner().invoke(main, ["validate", "--pack", SRI_LANKA, "--json"])
    assert out.exit_code == 0, out.output
    (vocab,) = [c for c in json.loads(out.output)["checked"] if c["kind"] == "vocabulary"]
    assert vocab["entries"] == 7  # 3 kinds and 4 facts (was 50: the built-in kinds counted too)


def test_evaluate_against_a_packs_log_uses_its_actors_and_articles() -> None:
    """`evaluate --gold` of another dispute's log: the actors and articles beside it (it named
    every actor of the log unknown against the built-in Cambodian gazetteer)."""
    gold = load_pack(SRI_LANKA).model_path.parent / "events.yaml"
    out = CliRunner().invoke(main, ["evaluate", "--gold", str(gold), "--json"])
    assert out.exit_code == 0, out.output
    scores = json.loads(out.output)["sets"]["gold"]
    assert scores["tp"] + scores["fn"] == len(load_pack(SRI_LANKA).event_log().events)


@pytest.mark.parametrize("day", ["2015-13-01", "2015-02-30", "2300-01-01"])
def test_an_impossible_date_in_the_initial_world_is_located(tmp_path: Path, day: str) -> None:
    """`convened_on: 2015-13-01` under `world.initial` was a ValueError traceback."""
    import shutil

    from negotiation.model import compile_model

    root = tmp_path / "pack"
    shutil.copytree(load_pack(SRI_LANKA).model_path.parent, root)
    model_file = root / "model.yaml"
    model_file.write_text(
        model_file.read_text().replace("convened_on: 2015-09-01", f"convened_on: {day}")
    )
    with pytest.raises(InputError) as err:
        compile_model(model_file)
    assert "model.yaml:" in str(err.value) and "convened_on is a date" in str(err.value)
