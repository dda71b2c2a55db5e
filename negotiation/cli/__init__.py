"""The ``negotiation`` command line. Each area of the library has its own module of commands.

Exit codes: 0 success, 1 expectations not met / violations found, 2 invalid input (a
:class:`~negotiation.errors.NegotiationError` or a bad flag: see :mod:`negotiation.cli.common`).
"""

from __future__ import annotations

from typing import ClassVar

import click

from negotiation.cli.common import CommandGroup

__all__ = ["COMMANDS", "main"]


COMMANDS: dict[str, tuple[str, str]] = {
    # name: (module that defines it, the first sentence of its help)
    "coverage": (
        "negotiation.cli.scenarios",
        "Which phases, transitions, rules and invariants the scenarios (files, directories, "
        "globs) exercise, and which they never do.",
    ),
    "derive": (
        "negotiation.cli.model",
        "The phase path observed in an event log, beside the model's transitions.",
    ),
    "evaluate": (
        "negotiation.cli.extraction",
        "Score extraction: precision, recall, F1, date/actor/modality accuracy, duplicate rate.",
    ),
    "events": (
        "negotiation.cli.corpus",
        "List the curated event log (or the conflicts between its sources).",
    ),
    "explore": (
        "negotiation.cli.exploration",
        "Explore every sequence of abstract events the rules allow, breadth first, within the "
        "limits; check invariants and temporal properties at every state.",
    ),
    "export": (
        "negotiation.cli.output",
        "Export an event log (LOG, or the pack's; default: the built-in record) as CSV, Parquet, "
        "PLOVER JSONL, ACLED-style CSV, XES or OCEL 2.0 JSON.",
    ),
    "extract": (
        "negotiation.cli.extraction",
        "Propose typed, dated, sourced events from articles (*.txt files, saved *.html pages or "
        "folders of them).",
    ),
    "graph": (
        "negotiation.cli.model",
        "Print the model's state diagram (Mermaid by default; no Graphviz needed).",
    ),
    "packs": (
        "negotiation.cli.packs",
        "List the dispute packs: built-in, and registered by other packages (entry-point group "
        "``negotiation.packs``).",
    ),
    "replay": (
        "negotiation.cli.model",
        "Replay an event log (default: the built-in Cambodian record, or the pack's) through the "
        "model.",
    ),
    "report": (
        "negotiation.cli.output",
        "Write one self-contained HTML report (no network needed to open it) of a scenario's runs "
        "or a pack's record: timeline, citations, rejected events with their rule and provision, "
        "invariants, the diagram with the path taken, conflicts between sources.",
    ),
    "run": (
        "negotiation.cli.model",
        "Run scenario files (files, directories, globs; with --pack, the pack's scenarios too).",
    ),
    "schema": (
        "negotiation.cli.model",
        "Print the JSON Schema of a file kind (for editors: yaml-language-server $schema).",
    ),
    "simulate": (
        "negotiation.cli.simulation",
        "Simulate the dispute many times under actor policies: the distribution of outcomes and "
        "final configurations (95% Wilson intervals), days to each outcome, moves rejected per "
        "rule, invariant violations and the runs that broke each temporal property.",
    ),
    "sweep": (
        "negotiation.cli.sweeps",
        "Simulate every cell of a sweep file (a grid of profiles, interpretations, policies, "
        "weights and parameters): one tidy table, a row per cell and outcome, with p, its 95% "
        "Wilson interval and the median days.",
    ),
    "validate": (
        "negotiation.cli.corpus",
        "Check event logs, actor and article files, scenarios, models and profiles (a "
        "directory: its YAML files and article texts; --pack: every file of the pack, and its "
        "model compiles).",
    ),
}


class _Main(CommandGroup):
    lazy: ClassVar[dict[str, tuple[str, str]]] = COMMANDS


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="negotiation")
def main() -> None:
    """Model political negotiations as state machines built from sourced news events."""
