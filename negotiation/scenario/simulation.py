"""What-ifs over distributions: claims on a simulation of the scenario, checked as statistical
tests with a stated error rate and a fixed seed.

A scenario states how to simulate (``simulation:``: policy, runs, seed, and optionally horizon,
max_steps, from, smoothing, confidence, weights) and what it expects of the distribution::

    simulation: {policy: talks-first, runs: 2000, seed: 7, horizon: 730}
    expect:
      simulation:
        - p(opposition_seated) >= 0.4 within 365 days
        - p(participation.cnrp=dissolved) < 1%

``p(X) within N days`` is the share of runs that reached outcome ``X`` (a final state of a
region, or an outcome the policy names) at most ``N`` days after the start; without ``within``,
at any time before the run stopped. The verdict uses the two-sided Wilson score interval at
``confidence`` (0.95 by default) for that share: a claim ``p >= s`` (or ``> s``) fails only
when the whole interval lies below ``s``, and ``p <= s`` (``< s``) only when it lies above. So a
claim that is true fails for at most about ``(1 - confidence) / 2`` of seeds (2.5% at 0.95, up
to the Wilson interval's approximation), and a claim that is false passes when the runs are
too few to tell: more runs make the test sharper. The seed is fixed, so a verdict never
changes from one run of the suite to the next.

    >>> parse_claim("p(opposition_seated) >= 40% within 365 days")
    Claim(text='p(opposition_seated) >= 40% within 365 days', outcome='opposition_seated', op='>=', share=0.4, within=365)
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from negotiation._internal import files
from negotiation._internal.suggest import unknown
from negotiation.errors import InputError, Problem
from negotiation.events import Event
from negotiation.model.machine import DisputeModel
from negotiation.scenario.document import Loc, locate
from negotiation.scenario.schema import CLAIM, Expect, SimulationSettings

if TYPE_CHECKING:  # the simulator loads only for a scenario that claims on a simulation
    from negotiation.simulate import Simulation
    from negotiation.simulate.runs import Job

__all__ = [
    "DEFAULT_CONFIDENCE",
    "Claim",
    "ClaimResult",
    "PlannedSimulation",
    "check_claims",
    "parse_claim",
    "plan_simulation",
    "z_of",
]

DEFAULT_CONFIDENCE = 0.95
DEFAULT_MAX_STEPS = 50


@dataclass(frozen=True)
class Claim:
    """``p(outcome) op share [within N days]``."""

    text: str
    outcome: str
    op: str
    share: float
    within: int | None = None


def parse_claim(text: str) -> Claim:
    """A claim from its text (the schema has checked it; ValueError otherwise)."""
    m = CLAIM.fullmatch(text)
    if m is None:
        raise ValueError(f"simulation claim {text!r} is not 'p(OUTCOME) OP SHARE [within N days]'")
    outcome, op, raw, within = m.groups()
    share = float(raw[:-1]) / 100 if raw.endswith("%") else float(raw)
    return Claim(text.strip(), outcome, op, share, int(within) if within is not None else None)


def z_of(confidence: float) -> float:
    """The standard normal quantile of a two-sided interval at ``confidence``.

    >>> round(z_of(0.95), 4)
    1.96
    """
    return statistics.NormalDist().inv_cdf(1 - (1 - confidence) / 2)


@dataclass
class PlannedSimulation:
    """A checked simulation of one scenario cell: its job and its claims."""

    job: Job
    runs: int
    confidence: float
    claims: list[Claim] = field(default_factory=list)


@dataclass(frozen=True)
class ClaimResult:
    """A claim's verdict: the runs that reached the outcome in time, the share and its
    interval at the simulation's confidence."""

    claim: Claim
    hits: int
    runs: int
    low: float
    high: float
    confidence: float

    @property
    def p(self) -> float:
        return self.hits / self.runs if self.runs else 0.0

    @property
    def passed(self) -> bool:
        s, op = self.claim.share, self.claim.op
        if op == ">=":
            return self.high >= s
        if op == ">":
            return self.high > s
        if op == "<=":
            return self.low <= s
        return self.low < s

    def sentence(self) -> str:
        side = "below" if self.claim.op in (">=", ">") else "above"
        return (
            f"expected {self.claim.text}: {self.hits}/{self.runs} runs, p = {self.p:.4f}, "
            f"{self.confidence:.0%} Wilson interval [{self.low:.4f}, {self.high:.4f}] lies "
            f"wholly {side} {self.claim.share:g}"
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "claim": self.claim.text,
            "passed": self.passed,
            "n": self.hits,
            "runs": self.runs,
            "p": round(self.p, 6),
            "ci": [round(self.low, 6), round(self.high, 6)],
            "confidence": self.confidence,
        }


def check_claims(planned: PlannedSimulation, sim: Simulation) -> list[ClaimResult]:
    """Each claim's verdict on the runs of ``sim``."""
    from negotiation.simulate import wilson

    names = list(planned.job.outcome_names)
    z = z_of(planned.confidence)
    out = []
    for claim in planned.claims:
        reached = sim.reached(names.index(claim.outcome))
        limit = claim.within
        hits = sum(1 for d in reached if d >= 0 and (limit is None or d <= limit))
        low, high = wilson(hits, sim.runs, z)
        out.append(ClaimResult(claim, hits, sim.runs, low, high, planned.confidence))
    return out


def run_simulation(planned: PlannedSimulation) -> tuple[Simulation, list[ClaimResult]]:
    """Run a planned simulation (in this process) and check its claims."""
    from negotiation.simulate import run_job

    sim = run_job(planned.job, planned.runs)
    return sim, check_claims(planned, sim)


def _policy_ref(ref: str, base_dir: Path, pack: str | None) -> tuple[str | None, list[str]]:
    """The policy a scenario names: ``empirical``, a file, or a pack's policy; else None and
    the names that were possible."""
    if ref == "empirical":
        return ref, []
    folders = [base_dir]
    names = ["empirical"]
    if pack is not None:
        from negotiation.packs import load_pack

        folder = base_dir / pack
        try:
            found = load_pack(folder if files.is_file(folder / "pack.yaml") else pack)
        except InputError:
            found = None
        if found is not None:
            folders += [found.root, found.policies_dir]
            if files.is_dir(found.policies_dir):
                names += sorted(p.stem for p in found.policies_dir.glob("*.yaml"))
    for f in folders:
        for candidate in (f / ref, f / f"{ref}.yaml"):
            if files.is_file(candidate):
                return str(candidate), names
    return None, names


def plan_simulation(
    settings: SimulationSettings | None,
    expect: Expect,
    where: tuple[Loc, Loc],
    model: DisputeModel,
    events: list[Event],
    context: tuple[Any, Path, str | None],
) -> PlannedSimulation | None:
    """Check a cell's simulation settings and claims (None: it has none); ``where`` locates the
    settings and the expectations, ``context`` is the document, its folder and its pack."""
    (settings_at, expect_at), (doc, base_dir, pack) = where, context
    if not expect.simulation:  # nothing to simulate; a policy named for it must still exist
        _check_policy(settings, (*settings_at, "policy"), doc, base_dir, pack)
        return None
    claims_at: Loc = (*expect_at, "simulation")
    given = settings or SimulationSettings()
    missing = [k for k in ("policy", "runs", "seed") if getattr(given, k) is None]
    if missing:
        raise InputError(
            locate(
                doc,
                settings_at if settings is not None else claims_at,
                f"claims on a simulation need its {', '.join(missing)} stated under "
                "`simulation:` (policy, runs and seed)",
            )
        )
    assert given.policy is not None and given.runs is not None and given.seed is not None
    policy, names = _policy_ref(given.policy, base_dir, pack)
    if policy is None:
        raise InputError(
            locate(doc, (*settings_at, "policy"), unknown("policy", given.policy, names))
        )
    from negotiation.simulate import prepare

    try:
        job = prepare(
            model.compiled,
            policy,
            seed=given.seed,
            max_steps=given.max_steps if given.max_steps is not None else DEFAULT_MAX_STEPS,
            horizon=given.horizon,
            events=events,
            from_event=given.from_,
            smoothing=given.smoothing if given.smoothing is not None else 0.5,
        )
    except InputError as exc:
        raise InputError([_located(p, doc, settings_at, given) for p in exc.problems]) from None
    problems: list[Problem] = []
    if given.weights:
        at = (*settings_at, "weights")
        handled = sorted(job.model.handled)
        problems += [
            locate(doc, (*at, k), unknown("event kind", k, handled))
            for k in given.weights
            if not job.model.handles(k)
        ]
        job.policy = job.policy.reweighted(given.weights)
    claims = []
    for i, text in enumerate(expect.simulation):
        claim = parse_claim(text)
        claims.append(claim)
        if claim.outcome not in job.outcome_names:
            problems.append(
                locate(doc, (*claims_at, i), unknown("outcome", claim.outcome, job.outcome_names))
            )
        elif (
            claim.within is not None and given.horizon is not None and given.horizon < claim.within
        ):
            problems.append(
                locate(
                    doc,
                    (*claims_at, i),
                    f"'within {claim.within} days' is past the simulation's horizon "
                    f"({given.horizon} days): runs stop before then",
                )
            )
    if problems:
        raise InputError(problems)
    confidence = given.confidence if given.confidence is not None else DEFAULT_CONFIDENCE
    return PlannedSimulation(job, given.runs, confidence, claims)


def _check_policy(
    settings: SimulationSettings | None, at: Loc, doc: Any, base_dir: Path, pack: str | None
) -> None:
    """An unknown policy in settings no claim uses is still an error (it passed unread)."""
    ref = settings.policy if settings is not None else None
    if ref is not None and (found := _policy_ref(ref, base_dir, pack))[0] is None:
        raise InputError(locate(doc, at, unknown("policy", ref, found[1])))


def _located(p: Problem, doc: Any, at: Loc, given: SimulationSettings) -> Problem:
    """A problem from preparing the simulation, at the setting it is about (a problem inside
    a policy file keeps its own place; a file that is no policy at all, ``/etc/passwd``, is
    named at the setting)."""
    if p.whole:
        return locate(doc, (*at, "policy"), f"{p.file}: {p.message}")
    if p.line is not None:
        return p
    key = "from" if given.from_ is not None and "event" in p.message else "policy"
    return locate(doc, (*at, key), p.message)
