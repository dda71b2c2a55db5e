"""The house: the top level speaks the user's vocabulary, every ``__all__`` tells the truth,
and no room reaches into another room's private names.

A room is a top-level package (or module) under ``negotiation/``: ``corpus``, ``events``,
``model``, ``scenario``, ``cli`` … Plumbing in ``negotiation/_internal/`` may be imported by
every room, but not its ``_private`` names.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import pytest

import negotiation

PACKAGE = Path(negotiation.__file__).resolve().parent
MODULES = sorted(m.name for m in pkgutil.walk_packages(negotiation.__path__, "negotiation."))

#: what a user of the library reaches for first; the rest lives in the package of its stage
VOCABULARY = {
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
}


def test_the_top_level_exports_the_users_vocabulary() -> None:
    assert set(negotiation.__all__) == VOCABULARY
    assert "Kernel" not in negotiation.__all__  # the engine's inside is not the user's word
    assert negotiation.__version__[0].isdigit()


def test_the_top_level_loads_lazily_and_keeps_its_functions() -> None:
    """Names load on first use; ``extract``, ``explore``, ``replay`` and ``simulate`` stay the
    functions even after their subpackages are imported (which sets the subpackage on the
    parent)."""
    import negotiation.explore
    import negotiation.extract
    import negotiation.replay
    import negotiation.simulate.runs

    for name in ("extract", "explore", "replay", "simulate"):
        assert callable(getattr(negotiation, name)), name
        assert getattr(negotiation, name).__name__ == name
    for name in sorted(VOCABULARY):
        assert getattr(negotiation, name) is not None
    with pytest.raises(AttributeError):
        negotiation.no_such_name  # noqa: B018


@pytest.mark.parametrize("name", ["negotiation", *MODULES])
def test_every_name_in_all_exists(name: str) -> None:
    module = importlib.import_module(name)
    names = getattr(module, "__all__", None)
    assert names is not None, f"{name} has no __all__"
    assert len(names) == len(set(names)), f"{name}.__all__ repeats a name"
    missing = [n for n in names if not hasattr(module, n)]
    assert not missing, f"{name}.__all__ lists names it does not have: {missing}"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _room(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _imports() -> list[tuple[str, int, str, str]]:
    """Every ``from negotiation… import name`` in the package: (file, line, module, name);
    ``import negotiation.a.b`` gives (file, line, "negotiation.a.b", "")."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        where = str(path.relative_to(PACKAGE.parent))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                assert node.level == 0, f"{where}:{node.lineno}: the house imports absolutely"
                source = node.module or ""
                if source.split(".")[0] == "negotiation":
                    found += [(where, node.lineno, source, a.name) for a in node.names]
            elif isinstance(node, ast.Import):
                found += [
                    (where, node.lineno, a.name, "")
                    for a in node.names
                    if a.name.split(".")[0] == "negotiation"
                ]
    return found


def _is_module(name: str) -> bool:
    try:
        importlib.import_module(name)
    except ImportError:
        return False
    return True


def test_no_module_imports_a_private_name_from_another_room() -> None:
    violations = []
    for where, line, source, name in _imports():
        me = _module_name(PACKAGE.parent / where)
        if _room(source) == _room(me):
            continue
        path = [p for p in source.split(".")[1:] if p != "_internal"]
        if name.startswith("_") or any(p.startswith("_") for p in path):
            violations.append(f"{where}:{line}: {source} import {name}")
    assert not violations, "private names taken from another room:\n" + "\n".join(violations)


def test_other_rooms_take_only_what_a_module_exports() -> None:
    """What one room imports from another is in the source module's ``__all__`` (or is a
    submodule): ``__all__`` is the list of what the module offers."""
    violations = []
    for where, line, source, name in _imports():
        me = _module_name(PACKAGE.parent / where)
        if not name or _room(source) == _room(me) or _is_module(f"{source}.{name}"):
            continue
        offered = getattr(importlib.import_module(source), "__all__", ())
        if name not in offered:
            violations.append(f"{where}:{line}: {source} import {name} (not in its __all__)")
    assert not violations, "names taken that a module does not export:\n" + "\n".join(violations)


def test_the_scan_sees_private_and_unexported_imports() -> None:
    """The two tests above would see a violation (they are not vacuous)."""
    imports = _imports()
    assert len(imports) > 100
    assert any(n.startswith("_") for _, _, _, n in imports)  # inside rooms: allowed
    assert any(_room(s) == "_internal" for _, _, s, _ in imports)
