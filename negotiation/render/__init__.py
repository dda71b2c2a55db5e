"""Rendering for people: text reports of traces, state diagrams (Mermaid, Graphviz dot) with a
replayed path highlighted (:mod:`~negotiation.render.diagrams`), the self-contained HTML report
(:mod:`~negotiation.render.report`, its charts in :mod:`~negotiation.render.charts`), notebook
views (:mod:`~negotiation.render.notebook`) and JUnit XML (:mod:`~negotiation.render.junit`).

Each format is one module; :data:`DIAGRAMS` names the diagram formats (``negotiation graph
--format``)."""

from __future__ import annotations

from negotiation.render.diagrams import DIAGRAMS, dot, mermaid
from negotiation.render.report import ReportInput, report_html
from negotiation.render.text import derive, derive_json, render_step, render_trace

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
