"""Compiling a model: spec + profile + interpretation -> :class:`CompiledModel`, once.

:func:`compile_model` loads what it is given, builds the world schema (the built-in fields the
model's library entries read or write, plus the fields it declares), compiles the data-defined
rules, conditions, effects and invariants (CEL), and turns every transition into a
:class:`~negotiation.model.compiled.Candidate`. It checks that the profile provides every
provision and parameter the model's rules, invariants and properties need, and that the
initial world keeps the invariants::

    >>> m = compile_model()
    >>> m.spec.id, m.profile.id, m.params.interpretation
    ('cambodia-2013', 'cambodia', 'government_2013')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from negotiation._internal import files, paths, yamldoc
from negotiation._internal.suggest import did_you_mean
from negotiation.errors import InputError, ModelError, NegotiationError, Problem
from negotiation.model.compiled import Candidate, CompiledModel, State
from negotiation.model.data_defined import bad_dates, compile_definitions
from negotiation.model.library.conditions import CONDITIONS, Condition
from negotiation.model.library.effects import EFFECTS, Effect
from negotiation.model.library.invariants import INVARIANTS, Invariant
from negotiation.model.library.rules import RULES, Rule
from negotiation.model.profile import (
    BUILTIN_PROFILES,
    Parameters,
    ParameterSet,
    Profile,
    load_profile,
)
from negotiation.model.properties import Monitor, Property
from negotiation.model.spec import ModelSpec, dispute_actors, load_spec, profile_of
from negotiation.model.world import World, WorldSchema, WorldValueError

__all__ = ["check_properties", "compile_model", "name_files"]


def compile_model(
    model: ModelSpec | Path | str | None = None,
    profile: Profile | Path | str | None = None,
    interpretation: str | None = None,
    *,
    disabled_rules: Iterable[str] = (),
) -> CompiledModel:
    """Compile a model (a spec, a spec file or a built-in name; default: the reference model)
    with a profile (default: the spec's) under an interpretation."""
    spec = model if isinstance(model, ModelSpec) else load_spec(model)
    if isinstance(profile, Profile):
        prof = profile
    else:  # the model's own profile: a problem also located where the model names it
        prof = load_profile(profile) if profile is not None else profile_of(spec)
    if disabled_rules:
        prof = prof.model_copy(
            update={"disabled_rules": tuple(dict.fromkeys((*prof.disabled_rules, *disabled_rules)))}
        )
    params = prof.resolve(interpretation)
    given = profile if profile is not None else spec.profile
    try:
        return _Compiler(spec, prof, params, None if isinstance(given, Profile) else given).build()
    except NegotiationError as exc:  # a model and profile that do not fit: name the files given
        named = [str(f) for f in (model, profile) if isinstance(f, Path | str) and files.is_file(f)]
        raise name_files(exc, " with ".join(named)) from None


def name_files(exc: NegotiationError, files: str) -> NegotiationError:
    """``exc`` naming ``files`` (the model and profile files it is about) where it names none:
    an :class:`InputError` about ``<input>``, a :class:`ModelError` (text only)."""
    if not files:
        return exc
    if isinstance(exc, InputError):
        return InputError(
            [replace(p, file=files) if p.file == "<input>" else p for p in exc.problems]
        )
    if isinstance(exc, ModelError) and files not in str(exc):
        return type(exc)(f"{files}: {exc}")
    return exc


class _Compiler:
    def __init__(
        self, spec: ModelSpec, profile: Profile, params: Parameters, profile_file: Path | str | None
    ) -> None:
        self.spec, self.profile, self.params = spec, profile, params
        self.profile_file = profile_file  # where a profile that does not fit is located
        defs = compile_definitions(spec)
        self.schema, self.dates = defs.schema, defs.dates
        self.rules: dict[str, Rule] = {**RULES, **defs.rules}
        self.conditions: dict[str, Condition] = {**CONDITIONS, **defs.conditions}
        self.effects: dict[str, Effect] = {**EFFECTS, **defs.effects}
        if spec.invariants is not None:
            self.invariants = tuple(
                INVARIANTS[i] if isinstance(i, str) else defs.invariants[i.id]
                for i in spec.invariants
            )
        else:  # the built-in invariants that something this model does could break
            written = frozenset().union(
                *(self.effects[n].writes for t in spec.transitions for n, _ in t.effects)
            )
            self.invariants = tuple(
                i
                for i in INVARIANTS.values()
                if (i.concerns & written if i.concerns is not None else _watches(i, written))
            )
        self.regions = tuple(spec.region_ids())
        self.index = {r: i for i, r in enumerate(self.regions)}
        used = self._used_fields()
        self.schema = WorldSchema(tuple(f for f in self.schema.fields if f.name in used))

    def _used_fields(self) -> set[str]:
        """World fields this model reads or writes: the explored state holds only these."""
        spec = self.spec
        used = {"date", "in_force", *spec.world.initial, *spec.world.fields}
        for t in spec.transitions:
            for name, _ in t.effects:
                used |= self.effects[name].reads | self.effects[name].writes
            used |= {r for g in t.guards for r in self.rules[g].reads}
            used |= {r for c in t.when for r in self.conditions[c].reads}
        used |= {r for i in self.invariants for r in i.reads}
        return used

    def build(self) -> CompiledModel:
        self._check_disabled()  # first: a misspelt rule there would seem to be still on
        self._check_provisions()
        if bad := bad_dates(self.profile, self.dates):  # read by date(params.NAME)
            raise InputError([self._in_profile(path, message) for path, message in bad])
        self._check_powers()
        self._check_enactments()
        world = self._initial_world()
        config = tuple(self.spec.region(r).initial for r in self.regions)
        monitor = Monitor(self.spec.properties)
        enactments: dict[tuple[str, str | None], tuple[str, ...]] = {}
        dated: list[tuple[dt.date, str]] = []
        for change in self.profile.changes:
            if change.enacted_by is not None:
                key = (change.enacted_by.kind, change.enacted_by.law)
                enactments[key] = (*enactments.get(key, ()), change.id)
            elif change.effective is not None:
                dated.append((change.effective, change.id))
        model = CompiledModel(
            spec=self.spec,
            profile=self.profile,
            params=self.params,
            schema=self.schema,
            regions=self.regions,
            initial=State(config, world, monitor.initial),
            candidates=tuple(self._candidate(i) for i in range(len(self.spec.transitions))),
            monitor=monitor,
            invariants=self.invariants,
            rules=self.rules,
            enactments=enactments,
            dated_changes=tuple(sorted(dated)),
            handled=frozenset(self.spec.handled_kinds()),
        )
        self._check_initial(model)
        return model

    def _candidate(self, index: int) -> Candidate:
        t = self.spec.transitions[index]
        sources, targets, party = [], [], []
        templates = {r.id for r in self.spec.regions if r.parties}
        for region in {*t.source, *t.to}:
            states = t.source.get(region, "*")
            allowed = None if states == "*" else frozenset(states)
            if region in templates:
                tmpl = self.spec.region(region)
                instances = {p: self.index[f"{region}.{p}"] for p in tmpl.parties}
                party.append((region, instances, allowed, t.to.get(region)))
                continue
            if allowed is not None:
                sources.append((self.index[region], allowed))
            if region in t.to:
                targets.append((self.index[region], t.to[region]))
        effects = tuple((self.effects[name].apply, arg) for name, arg in t.effects)
        writes = frozenset({"date"}).union(*(self.effects[n].writes for n, _ in t.effects))
        if any(k == t.kind for k, _ in self._enactment_keys()):
            writes |= {"in_force"}
        guards = tuple(self.rules[g] for g in t.guards if g not in self.params.disabled_rules)
        when = tuple(self.conditions[c] for c in t.when)
        moves = bool(targets) or any(target is not None for *_, target in party)
        return Candidate(
            index=index,
            kind=t.kind,
            sources=tuple(sorted(sources)),
            targets=tuple(sorted(targets)),
            party_regions=tuple(sorted(party, key=lambda p: p[0])),
            when=when,
            guards=guards,
            effects=effects,
            invariants=tuple(i for i in self.invariants if _watches(i, writes)),
            writes=writes,
            effect_reads=frozenset(
                r for n, _ in t.effects for r in self.effects[n].reads if not r.startswith("event.")
            ),
            inert=not (when or guards or effects or moves or party or "in_force" in writes),
        )

    def _enactment_keys(self) -> list[tuple[str, str | None]]:
        return [(c.enacted_by.kind, c.enacted_by.law) for c in self.profile.changes if c.enacted_by]

    def _initial_world(self) -> World:
        try:
            return self.schema.load(self.spec.world.initial)
        except WorldValueError as exc:
            raise InputError(
                self._in_model(("world", "initial"), f"model {self.spec.id!r}: {exc}")
            ) from None

    def _in_model(self, path: tuple[str | int, ...], message: str) -> Problem:
        doc = self.spec._doc
        return doc.problem(path, message) if doc is not None else Problem("<input>", message)

    def _in_profile(self, path: tuple[str | int, ...], message: str) -> Problem:
        """A problem located in the profile file (read again: this is the error path only)."""
        name = self.profile_file
        if name is None:
            return Problem("<input>", message)
        if str(name) in BUILTIN_PROFILES:
            name = paths.data_dir() / "profiles" / BUILTIN_PROFILES[str(name)]
        try:
            return yamldoc.load(name).problem(path, message)
        except NegotiationError:
            return Problem(str(name), message)

    def _cited(self, path: tuple[str | int, ...], what: str) -> str:
        """``what`` (a rule, invariant or property the model names), with where it names it."""
        doc = self.spec._doc
        pos = doc.position(path) if doc is not None else None
        return f"{what} at {doc.file}:{pos[0]}:{pos[1]}" if doc and pos else what

    def _citations(self) -> dict[str, list[tuple[str, str]]]:
        """Provision id -> the rules, invariants and properties of the model citing it: each
        as (``rule``/``invariant``/``property`` and its id, the same with the line naming it)."""
        spec, disabled = self.spec, self.params.disabled_rules  # a rule switched off cites nothing
        out: dict[str, list[tuple[str, str]]] = {}
        seen: set[str] = set()  # a rule guarding several transitions: named once, at its first
        written = {r.id: k for k, r in enumerate(spec.rules)}  # a CEL rule: at its `provision:`
        for i, t in enumerate(spec.transitions):
            for j, g in enumerate(t.guards):
                if g not in disabled and g not in seen:
                    seen.add(g)
                    k = written.get(g)
                    at = (
                        ("rules", k, "provision")
                        if k is not None
                        else ("transitions", i, "guards", j)
                    )
                    what = self._cited(at, f"rule {g}")
                    out.setdefault(self.rules[g].provision, []).append((f"rule {g}", what))
        named = {
            (i if isinstance(i, str) else i.id): k for k, i in enumerate(spec.invariants or ())
        }
        for inv in self.invariants:
            k = named.get(inv.id)
            where = ("invariants", k) if k is not None else ()
            what = self._cited(where, f"invariant {inv.id}") if where else f"invariant {inv.id}"
            out.setdefault(inv.provision, []).append((f"invariant {inv.id}", what))
        for k, prop in enumerate(spec.properties):
            what = self._cited(("properties", k, "provision"), f"property {prop.id}")
            out.setdefault(prop.provision, []).append((f"property {prop.id}", what))
        return {p: list(dict.fromkeys(w)) for p, w in out.items()}

    def _lacking(self) -> dict[str, tuple[str, list[str]]]:
        """Rule id -> (the rule with the line naming it, the parameters it reads that the
        profile does not give), each rule once (at the first transition it guards)."""
        out: dict[str, tuple[str, list[str]]] = {}
        written = {r.id: k for k, r in enumerate(self.spec.rules)}  # a CEL rule: at its `allow:`
        for i, t in enumerate(self.spec.transitions):
            for j, g in enumerate(t.guards):
                if g in self.params.disabled_rules or g in out:
                    continue
                needs = sorted(n for n in self.rules[g].params if not _has(self.params, n))
                if needs:
                    k = written.get(g)
                    at = ("rules", k, "allow") if k is not None else ("transitions", i, "guards", j)
                    out[g] = (self._cited(at, f"rule {g}"), needs)
        return out

    def _check_provisions(self) -> None:
        """The profile gives every provision the model cites and every parameter its rules
        read: else one error naming each missing one, who needs it, and how to run anyway."""
        spec, prof = self.spec, self.profile
        citations = self._citations()
        missing = sorted(set(citations) - set(prof.provisions))
        lacking = self._lacking()
        problems: list[Problem] = []
        if missing:
            cited = "; ".join(
                f"{p} ({', '.join(shown for _, shown in citations[p])}"
                f"{did_you_mean(p, list(prof.provisions))})"
                for p in missing
            )
            problems.append(
                self._in_profile(
                    ("provisions",),
                    f"profile {prof.id!r} does not provide the provisions the rules, "
                    f"invariants and properties of model {spec.id!r} cite: {cited}",
                )
            )
        if lacking:
            problems.append(
                self._in_profile(
                    ("parameters",),
                    f"profile {prof.id!r} lacks parameters the rules of model {spec.id!r} "
                    "read: "
                    + "; ".join(
                        f"{shown} needs {', '.join(n)}{self._nearest_parameters(n)}"
                        for shown, n in lacking.values()
                    ),
                )
            )
        if problems:
            problems.append(
                self._in_profile(("id",), self._how_to_fit(citations, missing, lacking))
            )
            raise InputError(problems)

    def _nearest_parameters(self, needs: list[str]) -> str:
        """``"; did you mean 'thresholds.x'?"`` for a parameter a rule reads that is a typo of one
        the profile gives (a threshold, a window or a value), else ``""``."""
        p = self.params
        given = [f"thresholds.{n}" for n, _ in p.thresholds] + [
            f"windows.{n}" for n, _ in p.windows
        ]
        given += [n for n, _ in p.values]
        return "".join(did_you_mean(n, given) for n in needs)

    def _how_to_fit(
        self,
        citations: dict[str, list[tuple[str, str]]],
        missing: list[str],
        lacking: dict[str, tuple[str, list[str]]],
    ) -> str:
        """What to do about a profile that does not fit the model: which provisions and
        parameters to give it (and where), or which rules to switch off."""
        rules = {w.split(" ", 1)[1] for p in missing for w, _ in citations[p] if w[:5] == "rule "}
        rules |= set(lacking)
        fixed = {p: [w for w, _ in citations[p] if w[:5] != "rule "] for p in missing}
        fixed = {p: ws for p, ws in fixed.items() if ws}
        needs = sorted({n for _, ns in lacking.values() for n in ns})
        either = "either " if rules else ""
        file = f" ({self.spec.source_file})" if self.spec.source_file else ""
        out = f"to run model {self.spec.id!r}{file} under profile {self.profile.id!r}, "
        out += f"{either}give the "
        gives = []
        if missing:
            gives.append(f"profile the provisions {', '.join(missing)} (under `provisions:`)")
        if needs:
            gives.append("parameters " + ", ".join(_parameter_key(n) for n in needs))
        out += " and the ".join(gives)
        if rules:
            listed = ", ".join(sorted(rules))
            out += (
                f", or switch the rules off: `disable_rules: [{listed}]` in a scenario (or "
                f"`disabled_rules: [{listed}]` in the profile)"
            )
        if fixed:
            shown = "; ".join(f"{p} ({', '.join(ws)})" for p, ws in sorted(fixed.items()))
            out += (
                "; invariants and properties cannot be switched off, so the profile must give "
                f"the provisions they cite: {shown} (a paraphrase marked `uncertain: true` will do)"
            )
        return out

    def _check_powers(self) -> None:
        """Who may dissolve, in a pack's own profile: actors of its dispute (a misspelt one
        was a power nobody held, and the record replayed otherwise, silently)."""
        prof, model_file = self.profile, self.spec.source_file
        if self.profile_file is None or model_file is None:
            return
        if not _same_folder(Path(str(self.profile_file)), Path(model_file)):
            return  # another dispute's profile: its actors are not this dispute's
        sets: list[tuple[tuple[str | int, ...], ParameterSet]] = [
            (("parameters",), prof.parameters)
        ]
        sets += [
            (("interpretations", n, "parameters"), i.parameters)
            for n, i in prof.interpretations.items()
        ]
        sets += [(("changes", k, "parameters"), c.parameters) for k, c in enumerate(prof.changes)]
        holders = [
            ((*at, "dissolution", i, "by", j), a)
            for at, values in sets
            for i, power in enumerate(values.dissolution or ())
            for j, a in enumerate(power.by)
        ]
        try:  # read only when a power names its holders; a broken file is the log's to report
            found = dispute_actors(self.spec) if holders else None
        except InputError:
            return
        if found is None:
            return
        actors, where_from = found
        problems = [
            self._in_profile(where, f"{actors.unknown(a)} (the actors of {where_from})")
            for where, a in holders
            if a not in actors
        ]
        if problems:
            raise InputError(problems)

    def _check_enactments(self) -> None:
        """A change enacted by an event of a kind the model does not know never took effect."""
        for i, change in enumerate(self.profile.changes):
            kind = change.enacted_by.kind if change.enacted_by is not None else None
            if kind is not None and (msg := self.spec.vocab.check_kind(kind)) is not None:
                where = ("changes", i, "enacted_by", "kind")
                raise InputError(self._in_profile(where, f"change {change.id!r}: {msg}"))

    def _check_disabled(self) -> None:
        listed = self.profile.disabled_rules
        for rule in self.params.disabled_rules:
            if rule not in self.rules:
                where: tuple[str | int, ...] = (
                    ("disabled_rules", listed.index(rule)) if rule in listed else ()
                )
                raise InputError(
                    self._in_profile(
                        where,
                        f"profile {self.profile.id!r} disables unknown rule {rule!r}"
                        f"{did_you_mean(rule, self.rules)}",
                    )
                )

    def _check_initial(self, model: CompiledModel) -> None:
        w = model.initial.world
        broken = [
            f"{i.id}: {msg}"
            for i in self.invariants
            if (msg := i.check(w, None, w, self.params)) is not None
        ]
        if broken:
            raise ModelError(
                f"model {self.spec.id!r}: the initial world breaks " + "; ".join(broken)
            )


def check_properties(model: CompiledModel, properties: Iterable[Property]) -> None:
    """Temporal properties must cite provisions the model's profile provides."""
    missing = sorted({p.provision for p in properties} - set(model.profile.provisions))
    if missing:
        raise InputError(
            f"profile {model.profile.id!r} does not provide the provisions the properties cite: "
            f"{', '.join(missing)}"
        )


def _same_folder(a: Path, b: Path) -> bool:
    try:
        return a.resolve().parent == b.resolve().parent
    except (OSError, RuntimeError):  # a symlink loop
        return False


def _parameter_key(need: str) -> str:
    """Where in a profile a parameter a rule reads is written (``parameters.custom.x``)."""
    head = need.split(".", 1)[0]
    if head in ("thresholds", "windows", "dissolution") or need in ParameterSet.model_fields:
        return f"`parameters.{need}`"
    return f"`parameters.custom.{need}`"


def _has(params: Parameters, need: str) -> bool:
    if need.startswith("thresholds."):
        return params.threshold(need.split(".", 1)[1]) is not None
    if need.startswith("windows."):
        return params.window(need.split(".", 1)[1]) is not None
    if need == "dissolution":
        return bool(params.dissolution)
    return params.get(need) is not None


def _watches(inv: Invariant, writes: frozenset[str]) -> bool:
    """Whether a transition writing ``writes`` can break ``inv``: it writes a world field the
    invariant reads (an invariant that reads no world field is checked at every step)."""
    fields = {r for r in inv.reads if not r.startswith("event.")}
    return not fields or bool(fields & writes)
