"""Rendering for people: text reports of traces and state diagrams (Mermaid, Graphviz dot)."""

from __future__ import annotations

from negotiation.render.text import derive, dot, mermaid, render_step, render_trace

__all__ = ["derive", "dot", "mermaid", "render_step", "render_trace"]
