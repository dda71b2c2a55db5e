"""Rendering for people: text reports of traces, state diagrams (Mermaid, Graphviz dot) with a
replayed path highlighted (:mod:`~negotiation.render.diagrams`), the self-contained HTML report
(:mod:`~negotiation.render.report`, its charts in :mod:`~negotiation.render.charts`), notebook
views (:mod:`~negotiation.render.notebook`) and JUnit XML (:mod:`~negotiation.render.junit`).

Each format is one module; :data:`DIAGRAMS` names the diagram formats (``negotiation graph
--format``). The names below are imported on first use, so that a command importing one format
(``negotiation run`` prints text) does not pay for the others (the HTML report's templates)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from negotiation._internal import lazy

if TYPE_CHECKING:
    from negotiation.render.diagrams import DIAGRAMS, dot, mermaid
    from negotiation.render.report import ReportInput, report_html
    from negotiation.render.text import derive, derive_json, render_step, render_trace

_HOME = {
    "DIAGRAMS": "negotiation.render.diagrams",
    "dot": "negotiation.render.diagrams",
    "mermaid": "negotiation.render.diagrams",
    "ReportInput": "negotiation.render.report",
    "report_html": "negotiation.render.report",
    "derive": "negotiation.render.text",
    "derive_json": "negotiation.render.text",
    "render_step": "negotiation.render.text",
    "render_trace": "negotiation.render.text",
}


def __getattr__(name: str) -> Any:
    """Import a public name from the module of its format on first use (PEP 562)."""
    return lazy.load(__name__, _HOME, globals(), name)


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "DIAGRAMS",
    "ReportInput",
    "derive",
    "derive_json",
    "dot",
    "mermaid",
    "render_step",
    "render_trace",
    "report_html",
]
