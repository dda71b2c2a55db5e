"""negotiation: political negotiations as state machines built from sourced news events.

The names here are the user's vocabulary; each comes from the package of its stage
(``negotiation.corpus``, ``.events``, ``.extract``, ``.model``, ``.replay``, ``.scenario``,
``.explore``), where the rest of that stage's API lives. Errors: :mod:`negotiation.errors`.

    >>> import negotiation
    >>> trace = negotiation.replay(negotiation.DisputeModel(), negotiation.load_event_log())
    >>> trace.final_phase
    'working_group'
"""

from __future__ import annotations

from importlib import metadata

from negotiation.corpus import Article
from negotiation.errors import InputError, ModelError, NegotiationError
from negotiation.events import Actor, Citation, Event, EventLog, Facts, Gazetteer, load_event_log
from negotiation.explore import Exploration, explore
from negotiation.extract import extract
from negotiation.model import CompiledModel, DisputeModel, compile_model
from negotiation.replay import Trace, replay
from negotiation.scenario import Scenario, load_scenario, run_scenario

try:
    __version__ = metadata.version("negotiation")
except metadata.PackageNotFoundError:  # a source tree that was never installed
    __version__ = "0+unknown"

__all__ = [
    "Actor",
    "Article",
    "Citation",
    "CompiledModel",
    "DisputeModel",
    "Event",
    "EventLog",
    "Exploration",
    "Facts",
    "Gazetteer",
    "InputError",
    "ModelError",
    "NegotiationError",
    "Scenario",
    "Trace",
    "__version__",
    "compile_model",
    "explore",
    "extract",
    "load_event_log",
    "load_scenario",
    "replay",
    "run_scenario",
]
