"""The built-in ``empirical`` policy, estimated from a dispute's event log.

Replaying the record through the model gives, for each event, the configuration it happened
in. In a configuration the record reached, a kind's weight is the number of times it happened
there; in one it never reached, the policy backs off to the region states: the sum, over the
regions, of the times the kind happened while that region was in its current state. Each kind
of the record the model enables there gets the smoothing ``alpha`` on top (0.5 by default:
Jeffreys' add-one-half), so no allowed move has probability 0. A kind's actors, recipients and facts are drawn uniformly from its
events in the record, and waiting times from the record's gaps between consecutive events (in
days). So the simulation can start from the record with no hand-written policy.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from negotiation.errors import InputError
from negotiation.events import Event
from negotiation.model.compiled import CompiledModel, State
from negotiation.simulate.policy import Move, Policy, PolicyRule, Wait, _cumulate

__all__ = ["DEFAULT_SMOOTHING", "EmpiricalPolicy", "empirical_policy"]

DEFAULT_SMOOTHING = 0.5


@dataclass
class EmpiricalPolicy(Policy):
    """Kinds per region state counted from the record, smoothed; built per configuration."""

    model: CompiledModel | None = None
    counts: tuple[dict[str, Counter[str]], ...] = ()  # per region: state -> kind counts
    seen: dict[tuple[str, ...], Counter[str]] = field(default_factory=dict)  # per configuration
    moves: dict[str, Move] = field(default_factory=dict)
    wait: Wait = field(default_factory=lambda: Wait(30.0))
    alpha: float = DEFAULT_SMOOTHING
    factors: dict[str, float] = field(default_factory=dict)  # kind -> weight multiplier

    def choices(self, state: State) -> tuple[tuple[PolicyRule, ...], tuple[float, ...]]:
        config = state.config
        found = self._choices.get(config)
        if found is None:
            assert self.model is not None
            enabled = set(self.model.enabled(config))
            here = self.seen.get(config)
            moves = []
            for kind in sorted(self.moves):  # sorted: the same order on every machine
                if kind not in enabled:
                    continue
                if here is not None:
                    n: float = here.get(kind, 0)
                else:
                    n = sum(
                        self.counts[r].get(s, Counter()).get(kind, 0) for r, s in enumerate(config)
                    )
                weight = (n + self.alpha) * self.factors.get(kind, 1.0)
                if weight > 0:
                    m = self.moves[kind]
                    moves.append(Move(kind, weight, m.variants, m.cumulative))
            if moves:
                rule = PolicyRule(
                    (), None, self.wait, tuple(moves), _cumulate(m.weight for m in moves)
                )
                found = ((rule,), (1.0,))
            else:
                found = ((), ())
            self._choices[config] = found
        return found

    def reweighted(self, factors: Mapping[str, float]) -> Policy:
        merged = {
            k: self.factors.get(k, 1.0) * factors.get(k, 1.0) for k in {*self.factors, *factors}
        }
        return dataclasses.replace(self, factors=merged, _choices={})


def empirical_policy(
    model: CompiledModel,
    events: Sequence[Event],
    *,
    alpha: float = DEFAULT_SMOOTHING,
) -> EmpiricalPolicy:
    """The empirical policy of the record ``events``."""
    if not events:
        raise InputError("the empirical policy needs an event log with at least one event")
    if alpha < 0:
        raise InputError(f"smoothing must be >= 0, not {alpha}")
    counts: list[defaultdict[str, Counter[str]]] = [defaultdict(Counter) for _ in model.regions]
    variants: dict[str, list[Event]] = defaultdict(list)
    seen: defaultdict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    state = model.initial
    for e in events:
        seen[state.config][e.kind] += 1
        for r, s in enumerate(state.config):
            counts[r][s][e.kind] += 1
        if model.handles(e.kind):
            variants[e.kind].append(
                e.model_copy(update={"id": "sim", "sources": (), "summary": "", "date_text": ""})
            )
        state = model.step(state, e).state
    days = sorted(e.date.toordinal() for e in events)
    gaps = tuple(b - a for a, b in itertools.pairwise(days)) or (1,)
    moves = {
        kind: Move(kind, 1.0, tuple(evs), _cumulate([1.0] * len(evs)))
        for kind, evs in sorted(variants.items())
    }
    kinds = ", ".join(sorted(moves))
    return EmpiricalPolicy(
        "empirical",
        f"kinds per region state counted from {len(events)} events, add-{alpha} smoothing",
        (),
        (),
        "empirical",
        (f"kinds: {kinds}",),
        model=model,
        counts=tuple({s: Counter(c) for s, c in per.items()} for per in counts),
        seen=dict(seen),
        moves=moves,
        wait=Wait(None, gaps),
        alpha=alpha,
    )
