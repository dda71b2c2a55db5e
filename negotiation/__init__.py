"""negotiation: political negotiations as state machines built from sourced news events.

The names here are the user's vocabulary; each comes from the package of its stage
(``negotiation.corpus``, ``.events``, ``.extract``, ``.model``, ``.replay``, ``.scenario``,
``.explore``, ``.simulate``), where the rest of that stage's API lives. Errors: :mod:`negotiation.errors`.

    >>> import negotiation
    >>> trace = negotiation.replay(negotiation.DisputeModel(), negotiation.load_event_log())
    >>> trace.final_phase
    'working_group'
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

from negotiation._internal import lazy

if TYPE_CHECKING:  # the names below are imported on first use (start-up stays fast)
    from negotiation.corpus import Article
    from negotiation.errors import InputError, ModelError, NegotiationError
    from negotiation.events import (
        Actor,
        Citation,
        Event,
        EventLog,
        Facts,
        Gazetteer,
        load_event_log,
    )
    from negotiation.explore import Exploration, explore
    from negotiation.extract import extract
    from negotiation.model import CompiledModel, DisputeModel, compile_model
    from negotiation.packs import Pack, load_pack
    from negotiation.replay import Trace, replay
    from negotiation.scenario import Scenario, load_scenario, run_scenario
    from negotiation.simulate import Simulation, simulate

_HOME = {
    "Article": "negotiation.corpus",
    "InputError": "negotiation.errors",
    "ModelError": "negotiation.errors",
    "NegotiationError": "negotiation.errors",
    "Actor": "negotiation.events",
    "Citation": "negotiation.events",
    "Event": "negotiation.events",
    "EventLog": "negotiation.events",
    "Facts": "negotiation.events",
    "Gazetteer": "negotiation.events",
    "load_event_log": "negotiation.events",
    "Exploration": "negotiation.explore",
    "explore": "negotiation.explore",
    "extract": "negotiation.extract",
    "CompiledModel": "negotiation.model",
    "DisputeModel": "negotiation.model",
    "compile_model": "negotiation.model",
    "Pack": "negotiation.packs",
    "load_pack": "negotiation.packs",
    "Trace": "negotiation.replay",
    "replay": "negotiation.replay",
    "Scenario": "negotiation.scenario",
    "load_scenario": "negotiation.scenario",
    "run_scenario": "negotiation.scenario",
    "Simulation": "negotiation.simulate",
    "simulate": "negotiation.simulate",
}


def __getattr__(name: str) -> Any:
    """Import a public name from the package of its stage on first use (PEP 562)."""
    if name == "__version__":
        from importlib import metadata

        try:
            version = metadata.version("negotiation")
        except metadata.PackageNotFoundError:  # a source tree that was never installed
            version = "0+unknown"
        globals()[name] = version
        return version
    return lazy.load(__name__, _HOME, globals(), name)


def __dir__() -> list[str]:
    return sorted(__all__)


class _Package(types.ModuleType):
    """Four functions share their name with the subpackage they live in (``extract``,
    ``explore``, ``replay``, ``simulate``). Importing a subpackage sets it as an attribute of its parent,
    which would hide the lazily loaded function; these properties keep the function."""

    def _function(self, name: str) -> Any:
        return getattr(importlib.import_module(f"negotiation.{name}"), name)

    def _ignore(self, value: Any) -> None:
        """The import system setting the subpackage itself: ``sys.modules`` has it."""

    extract = property(lambda self: self._function("extract"), _ignore)
    explore = property(lambda self: self._function("explore"), _ignore)
    replay = property(lambda self: self._function("replay"), _ignore)
    simulate = property(lambda self: self._function("simulate"), _ignore)


sys.modules[__name__].__class__ = _Package


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
    "Pack",
    "Scenario",
    "Simulation",
    "Trace",
    "__version__",
    "compile_model",
    "explore",
    "extract",
    "load_event_log",
    "load_pack",
    "load_scenario",
    "replay",
    "run_scenario",
    "simulate",
]
