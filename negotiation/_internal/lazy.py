"""Public names a package imports on first use (PEP 562), so that importing it stays cheap::

>>> import types
>>> ns: dict[str, object] = {}
>>> load("pkg", {"sqrt": "math"}, ns, "sqrt")(9.0), "sqrt" in ns
(3.0, True)
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, MutableMapping
from typing import Any

__all__ = ["load"]


def load(
    package: str, homes: Mapping[str, str], namespace: MutableMapping[str, Any], name: str
) -> Any:
    """The value of ``name`` from the module ``homes`` names for it, kept in ``namespace``
    (the package's globals) so that it is imported once; an unknown name is an AttributeError."""
    home = homes.get(name)
    if home is None:
        raise AttributeError(f"module {package!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    namespace[name] = value
    return value
