"""What loading a model spec checks before anything runs: every region, state, event kind,
rule, condition, effect and invariant a transition names exists; every state is reachable;
in a single-track model every non-final phase has a way out. Each problem is located.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from negotiation._internal import yamldoc
from negotiation._internal.suggest import unknown
from negotiation.errors import Problem
from negotiation.model.library.conditions import CONDITIONS
from negotiation.model.library.effects import EFFECTS
from negotiation.model.library.invariants import INVARIANTS
from negotiation.model.library.rules import RULES
from negotiation.model.spec import Loc, ModelSpec, reachable

__all__ = ["structural_problems"]

At = Callable[[Loc, str], Problem]


def structural_problems(spec: ModelSpec, doc: yamldoc.Document | None = None) -> list[Problem]:
    """Every structural problem of ``spec``, located in ``doc`` when given."""
    file = doc.file if doc else "<model>"

    def at(path: Loc, msg: str) -> Problem:
        return doc.problem(path, msg) if doc else Problem(file=file, message=msg)

    problems = _regions(spec, at) + _transitions(spec, at) + _definitions(spec, at)
    if problems:
        return problems
    return _reachability(spec, at)


def _regions(spec: ModelSpec, at: At) -> list[Problem]:
    out: list[Problem] = []
    seen: set[str] = set()
    for i, region in enumerate(spec.regions):
        if region.id in seen:
            out.append(at(("regions", i, "id"), f"duplicate region {region.id!r}"))
        seen.add(region.id)
        ids = region.state_ids()
        for j, sid in enumerate(ids):
            if sid in ids[:j]:
                out.append(at(("regions", i, "states", j, "id"), f"duplicate state {sid!r}"))
        if region.initial not in ids:
            out.append(
                at(("regions", i, "initial"), _unknown_state(spec, region.id, region.initial))
            )
    return out


def _transitions(spec: ModelSpec, at: At) -> list[Problem]:
    out: list[Problem] = []
    regions = {r.id: r for r in spec.regions}
    vocab = spec.vocab
    conditions = set(CONDITIONS) | {c.id for c in spec.conditions}
    effects = set(EFFECTS) | {e.id for e in spec.effects}
    rules = spec.rule_ids()
    for i, t in enumerate(spec.transitions):
        base: Loc = ("transitions", i)
        if (msg := vocab.check_kind(t.kind)) is not None:
            out.append(at((*base, "kind"), msg))
        for key, mapping in (("from", t.source), ("to", t.to)):
            for rid, states in mapping.items():
                region = regions.get(rid)
                if region is None:
                    out.append(at((*base, key, rid), unknown("region", rid, regions)))
                    continue
                names = () if states == "*" else (states,) if isinstance(states, str) else states
                for s in names:
                    if s not in region.state_ids():
                        out.append(at((*base, key, rid), _unknown_state(spec, rid, s)))
        for j, g in enumerate(t.guards):
            if g not in rules:
                out.append(at((*base, "guards", j), unknown("rule", g, rules)))
        for j, c in enumerate(t.when):
            if c not in conditions:
                out.append(at((*base, "when", j), unknown("condition", c, conditions)))
        for j, (name, arg) in enumerate(t.effects):
            if name not in effects:
                out.append(at((*base, "effects", j), unknown("effect", name, effects)))
            elif (
                name in EFFECTS
                and (allowed_args := EFFECTS[name].arguments)
                and arg not in allowed_args
            ):
                allowed = ", ".join(EFFECTS[name].arguments or ())
                out.append(
                    at(
                        (*base, "effects", j),
                        f"effect {name!r} takes one of {allowed}, got {arg!r}",
                    )
                )
            elif arg is not None and (name not in EFFECTS or not EFFECTS[name].arguments):
                out.append(  # was ignored silently
                    at((*base, "effects", j), f"effect {name!r} takes no argument, got {arg!r}")
                )
    return out


def _definitions(spec: ModelSpec, at: At) -> list[Problem]:
    out: list[Problem] = []
    listed: set[str] = set()
    for j, inv in enumerate(spec.invariants or ()):
        if isinstance(inv, str) and inv not in INVARIANTS:
            out.append(at(("invariants", j), unknown("invariant", inv, INVARIANTS)))
        if isinstance(inv, str) and inv in listed:
            out.append(at(("invariants", j), f"invariant {inv!r} is listed twice"))
        listed.add(inv if isinstance(inv, str) else "")
    names: dict[str, Loc] = {}
    defined: list[tuple[str, int, str]] = [
        *(("rules", j, r.id) for j, r in enumerate(spec.rules)),
        *(("conditions", j, c.id) for j, c in enumerate(spec.conditions)),
        *(("effects", j, e.id) for j, e in enumerate(spec.effects)),
        *(
            ("invariants", j, i.id)
            for j, i in enumerate(spec.invariants or ())
            if not isinstance(i, str)
        ),
    ]
    builtin: dict[str, Collection[str]] = {
        "rules": RULES,
        "conditions": CONDITIONS,
        "effects": EFFECTS,
        "invariants": INVARIANTS,
    }
    for key, j, item_id in defined:
        if item_id in names:
            out.append(at((key, j, "id"), f"{item_id!r} is defined twice"))
        elif item_id in builtin[key]:  # was taken: it replaced the library's for every use
            what = key.removesuffix("s")
            out.append(
                at((key, j, "id"), f"{item_id!r} is a built-in {what}: give yours another id")
            )
        names[item_id] = (key, j)
    seen: set[str] = set()
    for j, p in enumerate(spec.properties):  # a result is reported by property id
        if p.id in seen:
            out.append(at(("properties", j, "id"), f"property {p.id!r} is defined twice"))
        seen.add(p.id)
    for j, p in enumerate(spec.properties):
        for k in (*p.kinds, *p.after):
            if (msg := spec.vocab.check_kind(k)) is not None:
                out.append(at(("properties", j), msg))
    return out


def _reachability(spec: ModelSpec, at: At) -> list[Problem]:
    out: list[Problem] = []
    seen = reachable(spec)
    for i, region in enumerate(spec.regions):
        for j, state in enumerate(region.states):
            if state.id not in seen[region.id]:
                path: Loc = ("regions", i, "states", j)
                what = "phase" if spec.single_track else f"state of region {region.id!r}"
                out.append(at(path, f"{what} {state.id!r} is unreachable from {region.initial!r}"))
    if spec.single_track:  # a phase that is not an outcome must lead somewhere
        region = spec.regions[0]
        exits = {s: False for s in region.state_ids()}
        for t in spec.transitions:
            target = t.to.get(region.id)
            src = t.source.get(region.id, "*")
            for s in region.state_ids() if src == "*" else src:
                if target is not None and target != s:
                    exits[s] = True
        for j, state in enumerate(region.states):
            if state.id in seen[region.id] and not state.final and not exits[state.id]:
                out.append(
                    at(
                        ("regions", 0, "states", j),
                        f"phase {state.id!r} is not final and has no way out",
                    )
                )
    return out


def _unknown_state(spec: ModelSpec, region: str, state: str) -> str:
    """``unknown phase 'x'`` (single-track) or ``unknown state 'x' of region 'r'``."""
    states = spec.region(region).state_ids()
    if spec.single_track:
        return unknown("phase", state, states)
    return unknown(f"state of region {region!r}", state, states)
