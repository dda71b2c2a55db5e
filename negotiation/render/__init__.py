"""Rendering for people: text reports of traces, state diagrams (Mermaid, Graphviz dot) with a
replayed path highlighted, and the self-contained HTML report.

Each format is one module; :data:`DIAGRAMS` names the diagram formats (``negotiation graph
--format``)."""

from __future__ import annotations

from negotiation.render.diagrams import DIAGRAMS, dot, mermaid
from negotiation.render.text import derive, render_step, render_trace

__all__ = ["DIAGRAMS", "derive", "dot", "mermaid", "render_step", "render_trace"]
