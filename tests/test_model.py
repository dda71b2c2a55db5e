"""The dispute model: spec checks, rules, replay of the record, and property tests."""

from __future__ import annotations

import datetime as dt
import math
from fractions import Fraction
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, find, given, settings
from hypothesis import strategies as st

from negotiation._internal.calendar import months_before
from negotiation.errors import InputError
from negotiation.events import Event
from negotiation.events.log import load_event_log
from negotiation.model import (
    RULES,
    DisputeModel,
    compile_model,
    load_profile,
    load_spec,
)
from negotiation.replay import replay
from negotiation.testing import enabled_sequences, event_sequences, shrink_events

MODEL = DisputeModel()


def ev(i: str, kind: str, date: str, **kw: object) -> Event:
    return Event.model_validate({"id": i, "kind": kind, "date": date, **kw})


RECORD_START = [
    ev("a", "election_held", "2013-07-28"),
    ev(
        "b",
        "results_announced",
        "2013-08-12",
        facts={"seats": {"cpp": 68, "cnrp": 55}, "total_seats": 123},
    ),
    ev("c", "boycott", "2013-09-23", actors=["cnrp"]),
    ev("d", "assembly_convened", "2013-09-23"),
    ev("e", "government_formed", "2013-09-24", facts={"votes_for": 68}),
]


# --- the spec -------------------------------------------------------------------------------
def test_builtin_spec_and_profile_load() -> None:
    spec = load_spec()
    assert spec.regions[0].initial == "campaign"
    for phase in [
        "campaign",
        "election_held",
        "results_disputed",
        "royal_talks",
        "assembly_convened",
        "government_formed",
        "boycott",
        "working_group",
        "breakdown",
        "settlement",
        "opposition_seated",
        "assembly_dissolved",
        "early_election",
    ]:
        assert phase in spec.phase_ids()
    profile = load_profile()  # provides what the reference model's rules and invariants cite
    for rule in {g for t in spec.transitions for g in t.guards}:
        assert RULES[rule].provision in profile.provisions, rule
    for inv in compile_model().invariants:
        assert inv.provision in profile.provisions, inv.id


def write_spec(tmp_path: Path, **changes: object) -> Path:
    base = yaml.safe_load(
        """
id: toy
initial: a
phases: [{id: a}, {id: b}, {id: c, final: true}]
transitions:
  - {kind: election_held, from: a, to: b}
  - {kind: talks_held, from: b, to: c}
"""
    )
    base.update(changes)
    path = tmp_path / "toy.yaml"
    path.write_text(yaml.safe_dump(base, sort_keys=False))
    return path


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"initial": "zz"}, "unknown phase 'zz'"),
        (
            {"transitions": [{"kind": "election_held", "from": "a", "to": "nowhere"}]},
            "unknown phase 'nowhere'",
        ),
        (
            {
                "transitions": [
                    {"kind": "election_held", "from": "a", "to": "b", "guards": ["nope"]}
                ]
            },
            "unknown rule 'nope'",
        ),
        (
            {"transitions": [{"kind": "election_held", "from": "a", "to": "c"}]},
            "phase 'b' is unreachable",
        ),
        (
            {"phases": [{"id": "a"}, {"id": "b"}, {"id": "c"}]},
            "phase 'c' is not final and has no way out",
        ),
        ({"transitions": [{"kind": "electon_held", "from": "a", "to": "b"}]}, "kind"),
        (
            {
                "transitions": [
                    {"kind": "talks_held", "from": "a", "to": "b", "effects": ["teleport"]}
                ]
            },
            "unknown effect 'teleport'",
        ),
    ],
)
def test_structural_errors_are_located(
    tmp_path: Path, changes: dict[str, object], message: str
) -> None:
    path = write_spec(tmp_path, **changes)
    with pytest.raises(InputError) as exc:
        load_spec(path)
    text = str(exc.value)
    assert message in text
    assert f"{path}:" in text  # file and line


def test_every_kind_in_the_curated_log_has_a_handler() -> None:
    log = load_event_log()
    missing = {e.kind for e in log} - MODEL.spec.handled_kinds()
    assert not missing, f"kinds in seeds/events.yaml with no transition: {missing}"


# --- rules -----------------------------------------------------------------------------------
def test_months_before_clamps() -> None:
    assert months_before(dt.date(2014, 3, 31), 1) == dt.date(2014, 2, 28)
    assert months_before(dt.date(2014, 1, 15), 12) == dt.date(2013, 1, 15)


def test_majority_thresholds_by_reading() -> None:
    profile = load_profile()
    assert profile.resolve().majority(123) == 63
    assert profile.resolve("arithmetic_majority").majority(123) == 62
    assert profile.resolve().two_thirds(123) == 82


def test_unknown_interpretation_is_an_input_error() -> None:
    with pytest.raises(InputError, match="unknown interpretation 'royalist'"):
        load_profile().resolve("royalist")


def test_government_reading_accepts_the_2013_opening() -> None:
    trace = replay(DisputeModel(interpretation="government_2013"), RECORD_START)
    assert [s.accepted for s in trace.steps] == [True] * 5
    assert trace.final_phase == "boycott"


def test_opposition_reading_rejects_the_2013_opening() -> None:
    trace = replay(DisputeModel(interpretation="opposition_2013"), RECORD_START)
    step = trace.step_for("d")
    assert step is not None and not step.accepted
    assert step.rejected_by == "first_session_quorum"
    assert step.citation is not None and step.citation.uncertain
    assert "68 members present" in (step.reason or "")


def test_early_dissolution_is_rejected_and_cites_article_78() -> None:
    seq = [*RECORD_START, ev("f", "assembly_dissolved", "2014-02-10")]
    step = replay(MODEL, seq).step_for("f")
    assert step is not None and step.rejected_by == "no_early_dissolution"
    assert step.citation is not None and step.citation.article == "Article 78"
    assert "twice deposed within a period of twelve months" in step.citation.text


def test_dissolution_after_two_dismissals_in_twelve_months_is_accepted() -> None:
    seq = [
        *RECORD_START,
        ev("s", "seats_taken", "2014-02-01", actors=["cnrp"]),  # boycotters cannot vote
        ev("f", "government_dismissed", "2014-03-01", facts={"votes_for": 90}),
        ev("g", "government_formed", "2014-03-20", facts={"votes_for": 90}),
        ev("h", "government_dismissed", "2014-11-01", facts={"votes_for": 90}),
        ev("i", "assembly_dissolved", "2014-11-20"),
        ev("j", "early_election", "2015-01-10"),
    ]
    trace = replay(MODEL, seq)
    assert trace.conformance == 1.0, [s.reason for s in trace.steps if not s.accepted]
    assert trace.final_phase == "early_election" and not trace.violations


def test_boycotters_cannot_vote() -> None:
    seq = [*RECORD_START, ev("f", "amendment_passed", "2014-03-01", facts={"votes_for": 90})]
    step = replay(MODEL, seq).step_for("f")
    assert step is not None and step.rejected_by == "amendment_two_thirds"
    assert step.reason == "90 votes reported but only 68 members sit (cnrp boycotting)"


def test_cpp_alone_cannot_amend() -> None:
    seq = [*RECORD_START, ev("f", "amendment_passed", "2014-03-01", facts={"votes_for": 68})]
    step = replay(MODEL, seq).step_for("f")
    assert step is not None and step.rejected_by == "amendment_two_thirds"
    assert "82 of 123" in (step.reason or "")


def test_unhandled_kind_is_an_input_error(tmp_path: Path) -> None:
    path = write_spec(tmp_path)
    with pytest.raises(InputError, match="no transition for event kind"):
        replay(DisputeModel(path), [ev("x", "protest", "2013-01-01")])


def test_replay_of_the_record() -> None:
    trace = replay(MODEL, load_event_log())
    rejected = [(s.event, s.rejected_by, s.reason) for s in trace.steps if not s.accepted]
    assert not rejected
    assert not trace.violations
    assert trace.conformance == 1.0 and trace.first_deviation is None
    for phase in [
        "election_held",
        "results_disputed",
        "royal_talks",
        "assembly_convened",
        "boycott",
        "working_group",
        "breakdown",
    ]:
        assert phase in trace.phases()


def test_replay_is_deterministic() -> None:
    a = replay(MODEL, load_event_log()).model_dump_json()
    b = replay(DisputeModel(), load_event_log()).model_dump_json()
    assert a == b


# --- property tests ------------------------------------------------------------------------------
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(enabled_sequences(MODEL, max_size=14))
def test_no_accepted_state_breaks_an_invariant(events: list[Event]) -> None:
    trace = replay(MODEL, events)
    assert not trace.violations, trace.violations


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(event_sequences(MODEL, max_size=12))
def test_random_orders_never_break_an_invariant(events: list[Event]) -> None:
    assert not replay(MODEL, events).violations


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(enabled_sequences(MODEL, max_size=16))
def test_early_dissolution_without_two_dismissals_is_always_rejected(events: list[Event]) -> None:
    MODEL.reset()
    for e in events:
        before = MODEL.world
        out = MODEL.step(e)
        if e.kind == "assembly_dissolved" and out.accepted:
            window = months_before(e.date, 12)
            recent = [d for d in before.dismissals if window < d <= e.date]
            assert (before.term_end and e.date >= before.term_end) or len(recent) >= 2


def test_broken_profile_violation_shrinks_to_the_shortest_sequence(tmp_path: Path) -> None:
    profile = load_profile().model_copy(update={"disabled_rules": ("no_early_dissolution",)})
    broken = DisputeModel(profile=profile)

    def breaks(evs: list[Event]) -> bool:
        return any(v.invariant == "no_early_dissolution" for v in replay(broken, evs).violations)

    found = find(
        enabled_sequences(broken, max_size=12),
        breaks,
        settings=settings(max_examples=2000, database=None, deadline=None, derandomize=True),
    )
    assert len(found) <= 6  # hypothesis' own shrinking gets close ...
    shortest = shrink_events(found, breaks)  # ... and deleting dead steps finishes it
    # election, official results, the Assembly convened, the (early) dissolution
    assert [e.kind for e in shortest] == [
        "election_held",
        "results_announced",
        "assembly_convened",
        "assembly_dissolved",
    ]


@given(st.integers(0, 2000), st.integers(1, 9), st.integers(1, 9))
def test_thresholds_are_the_exact_definitions(total: int, a: int, b: int) -> None:
    num, den = min(a, b), max(a, b)
    profile = load_profile()
    changed = profile.parameters.model_copy(update={"amendment_fraction": f"{num}/{den}"})
    params = profile.model_copy(update={"parameters": changed}).resolve()
    assert params.majority(total) == math.ceil(total / 2 + 1)  # "50 percent plus one"
    assert params.two_thirds(total) == math.ceil(total * Fraction(num, den))
    assert load_profile().resolve("arithmetic_majority").majority(total) == total // 2 + 1


def test_an_interpretation_changes_only_the_keys_it_gives(tmp_path: Path) -> None:
    """An interpretation (or a change) giving one `custom` value, threshold or window keeps the
    profile's others: Peru's reading of a 'denial in fact' must not drop `denials_needed`."""
    path = tmp_path / "profile.yaml"
    path.write_text(
        "id: p\ncountry: X\nconstitution: X\n"
        "provisions:\n  dissolution: {article: Art. 1, text: t, source: s}\n"
        "parameters:\n"
        "  thresholds:\n"
        "    a: {share: 1/2, rule: more_than, base: total}\n"
        "    b: {share: 2/3, rule: at_least, base: total}\n"
        "  windows:\n    w1: {min_days: 1, max_days: 2}\n    w2: {min_days: 3, max_days: 4}\n"
        "  custom: {denials_needed: 2, factual_counts: 1}\n"
        "default_interpretation: narrow\n"
        "interpretations:\n"
        "  narrow:\n"
        "    description: d\n"
        "    provisions: [dissolution]\n"
        "    parameters:\n"
        "      custom: {factual_counts: 0}\n"
        "      thresholds: {b: {share: 3/4, rule: at_least, base: total}}\n"
        "      windows: {w2: {min_days: 5, max_days: 6}}\n",
        encoding="utf-8",
    )
    params = load_profile(path).resolve()
    assert params.get("factual_counts") == 0
    assert params.get("denials_needed") == 2
    assert params.threshold("a") is not None and params.threshold("b") is not None
    assert params.threshold("b").threshold.share == "3/4"  # type: ignore[union-attr]
    assert params.window("w1") is not None
    assert params.window("w2").min_days == 5  # type: ignore[union-attr]


def test_a_response_can_be_any_of_several_kinds_within_months_and_days() -> None:
    """Spain's Art. 99(5): after the first failed investiture vote, a government or a
    dissolution by two months and a day (2 March -> dissolved 3 May 2016). The response names
    two kinds and a bound in months and days; the clock runs from the first trigger."""
    from negotiation.model.properties import Monitor, Property

    due = Property.model_validate(
        {
            "id": "art_99_5",
            "type": "response",
            "after": ["investiture_failed"],
            "event": ["government_formed", "assembly_dissolved"],
            "within_months": 2,
            "within_days": 1,
            "provision": "dissolution",
        }
    )
    assert due.describe() == (
        "after investiture_failed, government_formed or assembly_dissolved within 2 month(s) "
        "and 1 day(s)"
    )
    monitor = Monitor([due])
    world = MODEL.compiled.initial.world

    def run(*events: tuple[str, str]) -> list[str]:
        state, broken = monitor.initial, []
        for kind, day in events:
            state, found = monitor.step(state, world, ev(kind + day, kind, day))
            broken += [message for _, message in found]
        return broken

    assert (
        run(
            ("investiture_failed", "2016-03-02"),
            ("investiture_failed", "2016-03-04"),
            ("assembly_dissolved", "2016-05-03"),
        )
        == []
    )
    assert (
        run(
            ("investiture_failed", "2016-08-31"),
            ("government_formed", "2016-10-29"),
            ("statement", "2017-01-01"),
        )
        == []
    )
    (late,) = run(("investiture_failed", "2016-03-02"), ("assembly_dissolved", "2016-05-04"))
    assert "due by 2016-05-03" in late
    assert late.endswith("assembly_dissolved on 2016-05-04 came too late")  # not "came first"
    (other,) = run(("investiture_failed", "2016-03-02"), ("statement", "2016-06-01"))
    assert other.endswith("statement on 2016-06-01 came first")
    days_only = Property.model_validate(
        {
            "id": "d",
            "type": "response",
            "after": ["a"],
            "event": "b",
            "within_days": 54,
            "provision": "p",
        }
    )
    assert days_only.describe() == "after a, b within 54 day(s)"
    with pytest.raises(ValueError, match="within_months"):
        Property.model_validate(
            {"id": "d", "type": "response", "after": ["a"], "event": "b", "provision": "p"}
        )


def test_a_cel_function_that_fails_says_so_once_in_the_error() -> None:
    """`add_months(world.convened_on, params.x)` with a profile's `x: two`: the CEL library
    logged 'Python function 'add_months' failed: ...' to stderr before our located error; now
    the error alone says it, and `add_months` refuses a string of digits as months."""
    import subprocess
    import sys

    code = (
        "from negotiation.errors import ModelError\n"
        "from negotiation.model.expressions import Expression\n"
        "from negotiation.events import Event\n"
        "e = Event.model_validate({'id': 'a', 'kind': 'statement', 'date': '2016-01-01'})\n"
        "for months in (\"'two'\", \"'2'\"):\n"
        "    x = Expression(f'add_months(event.date, {months}) > event.date', \"rule 'r'\")\n"
        "    try:\n"
        "        x.evaluate(event=e)\n"
        "    except ModelError as exc:\n"
        "        print(exc)\n"
        "    else:\n"
        "        print('no error')\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stderr == ""
    assert run.stdout.count("add_months needs a whole number of months") == 2, run.stdout


@pytest.mark.parametrize(
    ("where", "source", "message"),
    [
        ("rules", "event.facts.votes_fro > 3", "undeclared fact 'votes_fro'; did you mean 'votes_for'?"),
        ("conditions", "has(event.facts.subjet)", "undeclared fact 'subjet'; did you mean 'subject'?"),
    ],
)  # fmt: skip
def test_a_rule_or_condition_reading_an_undeclared_fact_is_refused_at_its_line(
    tmp_path: Path, where: str, source: str, message: str
) -> None:
    """A misspelt fact in a CEL rule (`event.facts.winner_shar`) loaded and validated; only an
    event reaching the rule failed, with the bare KeyError `'winner_shar'`. Now the model is
    refused at the expression's line, naming the nearest declared fact."""
    entry = (
        {"id": "g", "provision": "term", "allow": source}
        if where == "rules"
        else {"id": "g", "test": source}
    )
    spec = {
        "id": "m",
        "regions": [
            {"id": "r", "initial": "a", "states": [{"id": "a"}, {"id": "b", "final": True}]}
        ],
        where: [entry],
        "transitions": [
            {"kind": "protest", "to": {"r": "b"}, ("guards" if where == "rules" else "when"): ["g"]}
        ],
    }
    path = tmp_path / "model.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False))
    with pytest.raises(InputError) as info:
        compile_model(path)
    assert f"{path.name}:" in str(info.value) and message in str(info.value), str(info.value)


def test_replay_reports_a_response_still_due_past_the_logs_last_day() -> None:
    """The Malawian fresh election moved to day 151 is rejected by the rule and no election
    follows; the log runs to 8 July 2020, past the 150 days, and replay reported the property
    `fresh_election_in_150_days` unbroken, where simulate counts such a run as broken. Now the
    last step names it; on day 150 nothing is reported."""
    from negotiation.packs import load_pack

    pack = load_pack(str(Path(__file__).resolve().parent.parent / "examples/malawi-2019-2020"))
    model = compile_model(pack.model_path)
    moved = ("fresh-election-held", "chakwera-declared-winner", "chakwera-sworn-in")

    def shifted(days: int) -> list[Event]:
        return [
            e.model_copy(update={"date": e.date + dt.timedelta(days=days)})
            if e.id.endswith(moved)
            else e
            for e in pack.event_log().events
        ]

    late = replay(model, shifted(10))
    assert [v.invariant for v in late.steps[-1].violations] == ["fresh_election_in_150_days"]
    assert "still due when the run ended on 2020-07-08" in late.steps[-1].violations[0].message
    assert not [v for s in replay(model, shifted(9)).steps for v in s.violations]
