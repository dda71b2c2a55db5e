"""The Cambodia 2013-17 pack against the record after March 2014 (checked from public facts:
FACTS.md of the pack), and what checking it found wrong: a removal's rejection said "officers
elected", a dissolved party stayed sworn in, the HTML report called a seat reallocation "no
change", the 2014 arrests counted events not people, the CNRP's Assembly post of 2014-15 never
showed in the world, and a 2016 dissolution of the CNRP was accepted citing the party law of
2017."""

from __future__ import annotations

import datetime as dt
from typing import Any

from click.testing import CliRunner

from negotiation.cli import main
from negotiation.events import Event, Facts
from negotiation.model.library import EFFECTS, RULES
from negotiation.model.profile import load_profile
from negotiation.model.world import WorldSchema
from negotiation.packs import load_pack
from negotiation.render.report import ReportInput, report_html
from negotiation.replay import Trace, replay
from negotiation.scenario import load_scenario, run_scenario

PACK = "cambodia-2013-2017"


def _record() -> Trace:
    pack = load_pack(PACK)
    return replay(pack.compile(), pack.event_log())


def _world_after(trace: Trace, event: str, field: str) -> Any:
    """The value of ``field`` the step of ``event`` left (the last change before or at it)."""
    value: Any = None
    for s in trace.steps:
        if field in s.changes:
            value = s.changes[field][1]
        if s.event == event:
            return value
    raise AssertionError(event)


def test_a_removal_from_an_assembly_post_is_not_called_an_election() -> None:
    params = load_profile().resolve()
    w = WorldSchema.builtin().initial().evolve(total_seats=123, seats=(("cnrp", 55), ("cpp", 68)))
    removal = Event(id="x", kind="officer_removed", date="2015-10-30", facts=Facts(votes_for=62))
    assert RULES["officers_majority"].check(w, removal, params) == (
        "Assembly officer removed with 62 votes; 63 of 123 needed"
    )
    election = Event(id="y", kind="officers_elected", date="2014-08-26", facts=Facts(votes_for=62))
    assert RULES["officers_majority"].check(w, election, params) == (
        "Assembly officers elected with 62 votes; 63 of 123 needed"
    )


def test_a_dissolved_party_is_no_longer_sworn_in() -> None:
    w = (
        WorldSchema.builtin()
        .initial()
        .evolve(total_seats=123, seats=(("cnrp", 55), ("cpp", 68)), sworn_in=("cnrp", "cpp"))
    )
    e = Event(id="d", kind="party_dissolved", date="2017-11-16", recipients=["cnrp"])
    after = EFFECTS["dissolve_party"].apply(w, e, None, None)
    assert after.sworn_in == ("cpp",)
    assert after.vacant_seats == 55


def test_the_record_after_march_2014_in_the_world() -> None:
    trace = _record()
    assert trace.conformance == 1.0
    # seven lawmakers-elect and one official arrested 15-17 July 2014, released on 22 July
    assert _world_after(trace, "2014-07-16-long-ry-nuth-rumduol-arrested", "detained") == {
        "cnrp": 8
    }
    assert _world_after(trace, "2014-07-22-release-on-bail", "detained") == []
    # Kem Sokha first vice-president from 26 August 2014 until his removal on 30 October 2015
    assert _world_after(trace, "2014-08-26-assembly-officers-elected", "officers") == {
        "cnrp": 1,
        "cpp": 1,
    }
    assert _world_after(trace, "2015-10-30-kem-sokha-removed", "officers") == {"cpp": 1}
    # after the reallocation: CPP 79, FUNCINPEC 41, CNP 2, KEDP 1 of 123
    seats = _world_after(trace, "2017-11-28-new-lawmakers-sworn-in", "seats")
    assert seats == {"cnp": 2, "cpp": 79, "funcinpec": 41, "kedp": 1}
    assert sum(seats.values()) == 123
    assert _world_after(trace, "2017-11-28-new-lawmakers-sworn-in", "sworn_in") == [
        "cnp",
        "funcinpec",
        "kedp",
    ]
    assert trace.final_world.total_seats == 125
    assert dict(trace.final_world.seats) == {"cpp": 125}


def test_the_report_shows_what_a_reallocation_changed() -> None:
    page = report_html(ReportInput.from_pack(PACK))
    row = page[page.index('data-event="2017-11-27-cpp-gets-remaining-seats"') :]
    row = row[: row.index("</tr>")]
    assert "accepted, no change" not in row
    assert "cpp: 68" in row and "cpp: 79" in row and "vacant_seats: 11 -&gt; 0" in row
    # the timeline's legend: a step that changed no region's state may have changed the world
    assert '"accepted, no change of state"' in page


def test_a_2016_dissolution_of_the_cnrp_cites_the_law_before_2017() -> None:
    scenario = load_pack(PACK).root / "scenarios" / "dissolutions_in_2016.yaml"
    results = {r.cell: r for r in run_scenario(load_scenario(scenario))}
    assert all(r.passed for r in results.values()), {c: r.failures for c, r in results.items()}
    cell = results["the CNRP dissolved on 1 June 2016"]
    step = next(s for s in cell.trace.steps if s.event == "2016-06-01-cnrp-dissolved")
    assert step.rejected_by == "dissolution_on_application"
    assert step.citation is not None and "(1997)" in step.citation.article
    assert "20 February 2017" in (step.reason or "")
    # after the amendment of 20 February 2017 the record's dissolution cites the amended law
    record = next(s for s in _record().steps if s.event == "2017-11-16-cnrp-dissolved")
    assert record.accepted
    assert dt.date.fromisoformat(record.date) > dt.date(2017, 2, 20)


def test_replay_prints_what_a_step_changed_in_the_world() -> None:
    """`replay` printed the reallocation of the CNRP's seats as a bare 'accepted': the seats
    after it were only in --json."""
    out = CliRunner().invoke(main, ["replay", "--pack", PACK])
    assert out.exit_code == 0, out.output
    lines = out.output.splitlines()
    at = next(i for i, x in enumerate(lines) if "2017-11-27-cpp-gets-remaining-seats" in x)
    assert lines[at + 1].strip() == (
        "world: seats: {cnp: 2, cpp: 68, funcinpec: 41, kedp: 1} -> "
        "{cnp: 2, cpp: 79, funcinpec: 41, kedp: 1}; vacant_seats: 11 -> 0"
    )
