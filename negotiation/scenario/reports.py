"""The report of a run that did not meet its expectations: what was not met, the replay step by
step with only what changed, and the sources of the events involved (article and quote)."""

from __future__ import annotations

import re

from negotiation.replay import Step
from negotiation.scenario.running import CellResult

__all__ = ["failure_report"]


def _involved(result: CellResult) -> list[Step]:
    """Steps the unmet expectations are about: named ones, rejected ones, violating ones."""
    steps = result.trace.steps
    text = "\n".join(result.failures)
    named = {
        s.index
        for s in steps
        if re.search(rf"(?<![\w.-]){re.escape(s.event)}(?![\w.-])", text)
        or f"#{s.index} " in text + " "
        or f"step {s.index} " in text
    }
    marked = {s.index for s in steps if not s.accepted or s.violations}
    chosen = named | marked
    if not chosen:  # e.g. a final phase or a world predicate: the steps that moved the phase
        chosen = {s.index for s in steps if s.phase_before != s.phase_after}
    return [s for s in steps if s.index in chosen]


def failure_report(result: CellResult, *, quote_width: int = 160) -> str:
    """The unmet expectations, then the replay step by step with only what changed at each
    step, then the sources (article id and quote) of the events involved."""
    lines = [f"scenario {result.name!r} ({result.file})"]
    t = result.trace
    lines.append(
        f"model {t.model} · profile {t.profile} · interpretation {t.interpretation or '-'}"
    )
    lines.append("expectations not met:" if result.failures else "expectations met")
    lines += [f"  - {f}" for f in result.failures]
    if result.simulation is not None:
        lines.append("the simulation:")
        lines += [f"  {line}" for line in result.simulation.summary().splitlines()]
    lines.append("steps (what changed):")
    for s in t.steps:
        phase = (
            s.phase_before
            if s.phase_before == s.phase_after
            else f"{s.phase_before} -> {s.phase_after}"
        )
        verdict = "accepted" if s.accepted else f"REJECTED by {s.rejected_by}: {s.reason}"
        lines.append(f"  #{s.index:<3} {s.date}  {s.event}  [{s.kind}]  {phase}  {verdict}")
        if changes := s.describe_changes():
            lines.append("         " + changes)
        if not s.accepted and s.citation is not None:
            lines.append(f"         cites {s.citation.cite()}")
        for v in s.violations:
            lines.append(f"         {v.label()}: {v.message}")
    involved = _involved(result)
    if involved:
        by_id = {e.id: e for e in result.events}
        lines.append("sources of the events involved:")
        for s in involved:
            ev = by_id.get(s.event)
            lines.append(f"  #{s.index} {s.event}:")
            if ev is None or not ev.sources:
                why = f" ({ev.note})" if ev is not None and ev.note else ""
                lines.append(f"    no source: hypothetical or outside the corpus{why}")
                continue
            for c in ev.sources:
                quote = (
                    c.quote if len(c.quote) <= quote_width else c.quote[: quote_width - 3] + "..."
                )
                lines.append(f"    [{c.article}] “{quote}”")
    return "\n".join(lines) + "\n"
