"""Counterexamples and witnesses saved as scenario files that ``negotiation run`` replays to the
same result. File names and contents are deterministic."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from negotiation._internal import atomic
from negotiation._internal.files import read_text
from negotiation.explore.results import Exploration, Found, event_json
from negotiation.model.profile import BUILTIN_PROFILES
from negotiation.model.spec import BUILTIN_MODELS

__all__ = ["save"]


def _refs(result: Exploration, out_dir: Path) -> dict[str, str | None]:
    """How the scenarios name the model and profile: as given (paths relative to the
    directory), by built-in name, or written beside them when they were objects only."""
    refs: dict[str, str | None] = {}
    compiled = result.compiled
    for what, ref in (("model", result.model_ref), ("profile", result.profile_ref)):
        builtin = BUILTIN_MODELS if what == "model" else BUILTIN_PROFILES
        if ref is not None and ref not in builtin and Path(ref).exists():
            refs[what] = os.path.relpath(Path(ref).resolve(), out_dir.resolve())
        else:
            refs[what] = ref
    if compiled is not None and refs["model"] is None and not _builtin_spec(compiled):
        refs["model"] = f"model-{compiled.spec.id}.yaml"
    if compiled is not None and refs["profile"] is None and not _builtin_profile(compiled):
        refs["profile"] = f"profile-{compiled.profile.id}.yaml"
    return refs


def _builtin_spec(compiled: Any) -> bool:
    from negotiation.model.spec import load_spec

    return bool(compiled.spec == load_spec())


def _builtin_profile(compiled: Any) -> bool:
    from negotiation.model.profile import load_profile

    return bool(compiled.profile == load_profile())


def scenario_text(result: Exploration, found: Found, refs: dict[str, str | None], name: str) -> str:
    from negotiation.replay import replay

    assert result.compiled is not None
    trace = replay(result.compiled, found.events)
    violated = sorted({v.invariant for v in trace.violations})
    if trace.accepted != trace.total or trace.final_phase != found.phase:
        raise AssertionError(f"{name}: the path does not replay to {found.phase}")
    if found.type != "outcome" and found.id not in violated:
        raise AssertionError(f"{name}: the path does not break {found.id}")
    expect: dict[str, Any] = {"accepted": "all", "final_phase": found.phase}
    expect["invariants"] = {"violated": violated} if violated else "hold"
    if found.type == "outcome":
        title = f"witness: {found.id} reached in {found.depth} events"
    else:
        title = f"counterexample: {found.type} {found.id} broken in {found.depth} events"
    doc: dict[str, Any] = {"name": title, "description": found.message}
    if refs["model"] is not None:
        doc["model"] = refs["model"]
    if refs["profile"] is not None:
        doc["profile"] = refs["profile"]
    if result.interpretation is not None:
        doc["interpretation"] = result.interpretation
    doc["events"] = [event_json(e) for e in found.events]
    doc["expect"] = expect
    header = [
        "# Found by `negotiation explore` (breadth first: no shorter path exists within",
        "# its abstraction). Replay: negotiation run " + name,
    ]
    abstract = sum(1 for e in found.events if not e.sources)
    if abstract:
        header.append(
            f"# {abstract} of the {found.depth} events are abstract (drawn by the explorer,"
            " not reported): they have no sources."
        )
    if found.provision is not None:
        header.append(f"# {found.provision.cite()}".replace("\n", " "))
    body = yaml.safe_dump(
        doc, sort_keys=False, default_flow_style=None, width=100, allow_unicode=True
    )
    return "\n".join(header) + "\n" + body


def save(result: Exploration, directory: Path | str) -> list[Path]:
    """Replace the folder by one holding every counterexample and witness as a scenario file
    (and the model and profile explored, when they have no file, and only when some scenario
    refers to them); return the paths. The folder
    must be new, empty or written by an earlier ``--save``: it is replaced whole, so files of an
    earlier run never survive beside these."""
    out_dir = atomic.check_output_dir(directory)
    refs = _refs(result, out_dir)
    files: dict[str, str] = {}
    compiled = result.compiled
    assert compiled is not None
    found_all = [*result.violations, *result.outcomes]
    for what, obj in (("model", compiled.spec), ("profile", compiled.profile)) if found_all else ():
        ref = refs[what]
        if ref is not None and ref == f"{what}-{obj.id}.yaml":
            data = obj.model_dump(mode="json", by_alias=True, exclude_defaults=True)
            text = f"# written by `negotiation explore --save`: the {what} explored\n"
            files[ref] = text + yaml.safe_dump(data, sort_keys=False)
        elif ref is not None and "/" not in ref and (out_dir / ref).is_file():
            files[ref] = read_text(out_dir / ref)  # a file of the folder replaced: kept
    for found in found_all:  # none: the folder is left empty (no model or profile alone)
        prefix = "counterexample" if found.type != "outcome" else "witness"
        slug = found.id.replace("_", "-").replace("=", "-").replace(".", "-")
        name = f"{prefix}-{slug}.yaml"
        files[name] = scenario_text(result, found, refs, name)
    return atomic.replace_dir(out_dir, files)
