"""The examples in the docstrings run (against the installed package)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import negotiation

MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(negotiation.__path__, "negotiation.")
    if m.name != "negotiation.pytest_plugin"
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
