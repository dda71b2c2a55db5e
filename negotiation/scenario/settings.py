"""The settings of one run (model, profile, interpretation, rules switched off) and the dispute
model they give.

Settings are folded from the scenario's fields, its setting variations, a matrix cell's fields
and the cell's setting variations, in that order; later ones win, and rules switched off add up.
Each setting remembers where in the file it was set, so that a bad one is reported there::

    >>> s = Settings().with_(("matrix", 0), interpretation="opposition_2013")
    >>> s.interpretation, s.where["interpretation"]
    ('opposition_2013', ('matrix', 0, 'interpretation'))
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from negotiation._internal import yamldoc
from negotiation._internal.named import where_named
from negotiation._internal.suggest import unknown
from negotiation.errors import InputError, Problem
from negotiation.model.compiler import compile_model
from negotiation.model.machine import DisputeModel
from negotiation.model.profile import BUILTIN_PROFILES
from negotiation.model.spec import BUILTIN_MODELS
from negotiation.packs import PACK_REF, pack_file
from negotiation.scenario.document import Loc, locate, named_at

__all__ = ["Settings", "model_for", "model_of"]


@dataclass(frozen=True)
class Settings:
    """Model, profile, interpretation and switched-off rules of one run, and where each was set.

    The scenario's fields, its setting variations, a matrix cell's fields and the cell's
    setting variations are folded in that order, later ones winning (rules switched off add up).
    """

    model: str = "cambodia"
    profile: str | None = None
    interpretation: str | None = None
    disable_rules: tuple[str, ...] = ()
    where: dict[str, Loc] = field(default_factory=dict, compare=False, hash=False)

    def with_(self, at: Loc, **changes: Any) -> Settings:
        """These settings with ``changes`` (``None`` and ``()`` change nothing), set at ``at``."""
        values: dict[str, Any] = {
            "model": self.model,
            "profile": self.profile,
            "interpretation": self.interpretation,
            "disable_rules": self.disable_rules,
        }
        where = dict(self.where)
        for key, value in changes.items():
            if value is None or value == ():
                continue
            if key == "disable_rules":
                value = tuple(dict.fromkeys((*self.disable_rules, *value)))
            values[key] = value
            where[key] = (*at, key)
        return Settings(**values, where=where)


_MODELS: dict[tuple[str, str | None, str | None, tuple[str, ...]], DisputeModel] = {}


def model_for(
    model: str,
    profile: str | None,
    interpretation: str | None,
    disable_rules: tuple[str, ...] = (),
) -> DisputeModel:
    """A (cached) model for these settings; models are reset before each replay."""
    key = (model, profile, interpretation, disable_rules)
    if key not in _MODELS:
        compiled = compile_model(model, profile, interpretation, disabled_rules=disable_rules)
        _MODELS[key] = DisputeModel(compiled=compiled)
    return _MODELS[key]


def _resolve_model(base_dir: Path, ref: str) -> str:
    if ref.startswith(PACK_REF):
        return pack_file(ref, "model", base_dir)
    if ref in BUILTIN_MODELS or Path(ref).is_absolute():
        return ref
    return str(base_dir / ref)


def _resolve_profile(base_dir: Path, ref: str | None) -> str | None:
    if ref is not None and ref.startswith(PACK_REF):
        return pack_file(ref, "profile", base_dir)
    if ref is None or ref in BUILTIN_PROFILES or Path(ref).is_absolute():
        return ref
    return str(base_dir / ref)


def _resolved(
    settings: Settings, doc: yamldoc.Document | None, base_dir: Path
) -> tuple[str, str | None]:
    """The model and profile files the settings name, a `pack:ID` that names no pack located
    where it is written."""
    try:
        model = _resolve_model(base_dir, settings.model)
    except InputError as exc:
        where = settings.where.get("model", ("model",))
        raise InputError([locate(doc, where, p.message) for p in exc.problems]) from None
    try:
        return model, _resolve_profile(base_dir, settings.profile)
    except InputError as exc:
        where = settings.where.get("profile", ("profile",))
        raise InputError([locate(doc, where, p.message) for p in exc.problems]) from None


def model_of(settings: Settings, doc: yamldoc.Document | None, base_dir: Path) -> DisputeModel:
    """The model these settings give, files named relative to ``base_dir``. A bad setting is an
    :class:`InputError` located where it was set in ``doc`` (or, for a problem inside the model
    or profile file it names, in that file)."""
    model, profile = _resolved(settings, doc, base_dir)
    if settings.disable_rules:
        try:  # the rules this model knows: built-in ones and those it defines in data
            known = model_for(model, profile, settings.interpretation).compiled.rules
        except InputError:
            known = {}
        unknown_rules = [r for r in settings.disable_rules if known and r not in known]
        if unknown_rules:
            where = settings.where.get("disable_rules", ("disable_rules",))
            raise InputError(
                [locate(doc, where, unknown("rule", r, sorted(known))) for r in unknown_rules]
            )
    try:
        return model_for(model, profile, settings.interpretation, settings.disable_rules)
    except InputError as exc:
        files = {"model": model, "profile": profile}
        raise InputError(_located(exc.problems, settings, doc, base_dir, files)) from None


def _located(
    problems: list[Problem],
    settings: Settings,
    doc: yamldoc.Document | None,
    base_dir: Path,
    resolved: dict[str, str | None],
) -> list[Problem]:
    """Problems compiling the model ``settings`` give: those of a model or profile file they
    name, reported where it is named too; the others (a model and profile that do not fit, an
    unknown interpretation) at the setting that chose them."""
    where = (
        settings.where.get("interpretation")
        or settings.where.get("profile")
        or settings.where.get("model")
        or ()
    )
    named: dict[str, tuple[str, Loc]] = {}  # file name -> (what, where the scenario names it)
    for key in ("model", "profile"):
        value = getattr(settings, key)
        if value is not None and key in settings.where:
            at = named_at(doc, settings.where[key])
            named[str(value)] = named[str(base_dir / value)] = (key, at)
            if resolved.get(key):  # `pack:ID`: the file it names
                named[str(resolved[key])] = (key, at)
    groups: dict[tuple[str, Loc], list[Problem]] = {}
    out: list[Problem] = []
    for p in problems:
        group = named.get(p.file)
        if group is None and p.line is not None and not p.whole:
            out.append(p)  # inside a file named in turn (the model's profile): said there
        elif group is None:  # about the settings themselves
            out.append(locate(doc, where, p.message))
        else:
            groups.setdefault(group, []).append(p)
    for (what, at), mine in groups.items():
        out += where_named(mine, doc, at, what, files=[p.file for p in mine])
    return out
