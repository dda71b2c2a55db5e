"""The built-in library keeps its declarations: every condition, rule, effect and invariant
reads only the world fields and event parts it declares, and every effect writes only what it
declares. The engine relies on it (invariants checked only where a step writes what they read,
memoised steps keyed on what a step reads), so a recording proxy checks it on random worlds."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from negotiation.events import Event, Facts
from negotiation.model.library import CONDITIONS, EFFECTS, INVARIANTS, RULES
from negotiation.model.profile import load_profile
from negotiation.model.world import World, WorldSchema

SCHEMA = WorldSchema.builtin()
PARTIES = ("cpp", "cnrp", "funcinpec")
PARAMS = [load_profile().resolve(i) for i in (None, "opposition_2013", "arithmetic_majority")]

dates = st.dates(dt.date(2010, 1, 1), dt.date(2020, 12, 31))
maybe_date = st.none() | dates
counts = st.integers(0, 130)
party_sets = st.frozensets(st.sampled_from(PARTIES)).map(lambda s: tuple(sorted(s)))
party_counts = st.dictionaries(st.sampled_from(PARTIES), st.integers(1, 90)).map(
    lambda d: tuple(sorted(d.items()))
)


_GOVERNMENT = SCHEMA.by_name["government"].record
_AMENDMENT = SCHEMA.by_name["amendments"].record
assert _GOVERNMENT is not None and _AMENDMENT is not None
#: what each world field is drawn from, in order (built once: a strategy built inside a draw is
#: validated again at every example)
WORLD_FIELDS: dict[str, st.SearchStrategy[Any]] = {
    "date": maybe_date,
    "total_seats": counts,
    "seats": party_counts,
    "election_date": maybe_date,
    "results_on": maybe_date,
    "assembly": st.sampled_from(["not_elected", "elected", "convened", "dissolved"]),
    "convened_on": maybe_date,
    "members_present": st.none() | counts,
    "term_end": maybe_date,
    "boycotting": party_sets,
    "government": st.none()
    | st.builds(lambda d, v: _GOVERNMENT.make(formed_on=d, votes_for=v), dates, counts),
    "dismissals": st.lists(dates, max_size=3).map(lambda ds: tuple(sorted(ds))),
    "dissolved_on": maybe_date,
    "amendments": st.lists(
        st.builds(
            lambda d, v, c, e: _AMENDMENT.make(
                passed_on=d, votes_for=v, affects_core=c, enables_early_election=e
            ),
            dates,
            counts,
            st.booleans(),
            st.booleans(),
        ),
        max_size=2,
    ).map(tuple),
    "early_election_on": maybe_date,
    "track": st.sampled_from(["none", "royal", "working_group", "summit"]),
    "agreements": st.integers(0, 3),
    "dissolved_parties": party_sets,
    "election_boycotters": party_sets,
    "annulled_on": maybe_date,
    "detained": party_counts,
    "officers": party_counts,
    "laws": st.sampled_from([(), ("election-law-2015",)]),
    "in_force": st.just(()),
    "emergency": st.booleans(),
    "vacant_seats": st.integers(0, 60),
    "sworn_in": party_sets,
}


@st.composite
def worlds(draw: st.DrawFn) -> World:
    return SCHEMA.initial({name: draw(field) for name, field in WORLD_FIELDS.items()})


#: what each fact and event part is drawn from, in order (built once, as WORLD_FIELDS)
FACT_FIELDS: dict[str, st.SearchStrategy[Any]] = {
    "seats": st.none() | st.dictionaries(st.sampled_from(PARTIES), st.integers(0, 90), max_size=2),
    "total_seats": st.none() | st.integers(100, 130),
    "votes_for": st.none() | counts,
    "members_present": st.none() | counts,
    "members": st.none() | st.integers(0, 20),
    "detained": st.none() | st.integers(0, 20),
    "affects_core": st.none() | st.booleans(),
    "early_election": st.none() | st.booleans(),
    "law": st.none() | st.sampled_from(["election-law-2015"]),
    "court": st.none() | st.just("Supreme Court"),
}
EVENT_FIELDS: dict[str, st.SearchStrategy[Any]] = {
    "kind": st.sampled_from(["statement", "boycott", "assembly_dissolved"]),
    "date": dates,
    "actors": st.lists(st.sampled_from([*PARTIES, "king"]), max_size=2, unique=True).map(tuple),
    "recipients": st.lists(st.sampled_from(PARTIES), max_size=2, unique=True).map(tuple),
}


@st.composite
def events(draw: st.DrawFn) -> Event:
    facts = Facts(**{name: draw(field) for name, field in FACT_FIELDS.items()})
    parts = {name: draw(field) for name, field in EVENT_FIELDS.items()}
    return Event(id="e", facts=facts, **parts)


class _Recorder:
    """Records the attributes read from the object it wraps (and from its facts)."""

    def __init__(self, target: Any, log: set[str], prefix: str) -> None:
        object.__setattr__(self, "_t", target)
        object.__setattr__(self, "_log", log)
        object.__setattr__(self, "_p", prefix)

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._t, name)
        if name == "facts":
            return _Recorder(value, self._log, f"{self._p}facts.")
        self._log.add(self._p + name)
        return value


def recording(world: World, log: set[str]) -> World:
    """The world as an instance of a subclass whose every field records its reading."""
    cls = type(world)
    namespace: dict[str, Any] = {"__slots__": ()}
    for name, i in cls._index.items():

        def read(self: Any, i: int = i, name: str = name) -> Any:
            log.add(name)
            return tuple.__getitem__(self, i)

        namespace[name] = property(read)
    rec = type("Recording", (cls,), namespace)
    return tuple.__new__(rec, world)


def _check(reads: frozenset[str], log: set[str], what: str) -> None:
    undeclared = {r for r in log if r not in reads and not r.startswith("event.id")}
    assert not undeclared, f"{what} reads {sorted(undeclared)} but declares {sorted(reads)}"


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(worlds(), events(), st.sampled_from(PARAMS), st.sampled_from(sorted(RULES)))
def test_rules_read_only_what_they_declare(w: World, e: Event, p: Any, rule_id: str) -> None:
    log: set[str] = set()
    RULES[rule_id].check(recording(w, log), _Recorder(e, log, "event."), p)  # type: ignore[arg-type]
    _check(RULES[rule_id].reads, log, rule_id)


@SETTINGS
@given(worlds(), events(), st.sampled_from(sorted(CONDITIONS)))
def test_conditions_read_only_what_they_declare(w: World, e: Event, cond_id: str) -> None:
    log: set[str] = set()
    CONDITIONS[cond_id].test(recording(w, log), _Recorder(e, log, "event."), None)  # type: ignore[arg-type]
    _check(CONDITIONS[cond_id].reads, log, cond_id)


@SETTINGS
@given(worlds(), events(), st.sampled_from(PARAMS), st.sampled_from(sorted(EFFECTS)))
def test_effects_read_and_write_only_what_they_declare(
    w: World, e: Event, p: Any, effect_id: str
) -> None:
    fx = EFFECTS[effect_id]
    arg = fx.arguments[0] if fx.arguments else None
    log: set[str] = set()
    after = fx.apply(recording(w, log), _Recorder(e, log, "event."), p, arg)  # type: ignore[arg-type]
    _check(fx.reads, log, effect_id)
    written = {f.name for f, a, b in zip(SCHEMA.fields, w, after, strict=True) if a != b}
    assert written <= fx.writes, f"{effect_id} writes {sorted(written - fx.writes)} undeclared"


@SETTINGS
@given(worlds(), worlds(), events(), st.sampled_from(PARAMS), st.sampled_from(sorted(INVARIANTS)))
def test_invariants_read_only_what_they_declare(
    b: World, a: World, e: Event, p: Any, inv_id: str
) -> None:
    log: set[str] = set()
    INVARIANTS[inv_id].check(
        recording(b, log),
        _Recorder(e, log, "event."),
        recording(a, log),
        p,  # type: ignore[arg-type]
    )
    _check(INVARIANTS[inv_id].reads, log, inv_id)
