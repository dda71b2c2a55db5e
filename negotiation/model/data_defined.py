"""Rules, conditions, effects and invariants a model defines in data (CEL), compiled once into
objects with the same shape as the built-in library's, each declaring what it reads (and, for
effects, writes) from the expression itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from negotiation.errors import InputError, ModelError
from negotiation.events import Event
from negotiation.model.expressions import Expression, day_number
from negotiation.model.library.conditions import Condition
from negotiation.model.library.effects import Effect
from negotiation.model.library.invariants import Invariant
from negotiation.model.library.rules import Rule
from negotiation.model.library.schema import builtin_fields, field_specs
from negotiation.model.profile import Parameters, ParameterSet, Profile
from negotiation.model.spec import InvariantDef, ModelSpec
from negotiation.model.world import FieldSpec, World, WorldSchema, WorldValueError

__all__ = ["Definitions", "bad_dates", "compile_definitions"]


@dataclass(frozen=True)
class Definitions:
    schema: WorldSchema
    rules: dict[str, Rule]
    conditions: dict[str, Condition]
    effects: dict[str, Effect]
    invariants: dict[str, Invariant]
    #: the parameters expressions read as dates (``date(params.start)``): name -> who does
    dates: dict[str, str] = field(default_factory=dict)


class CelRule:
    """``allow`` must be true; else ``reason`` (a string expression) says why."""

    def __init__(self, allow: Expression, reason: Expression | None, rule_id: str) -> None:
        self.allow, self.reason, self.rule_id = allow, reason, rule_id

    def __call__(self, w: World, e: Event, p: Parameters) -> str | None:
        ok = self.allow.evaluate(world=w, event=e, params=p)
        if not isinstance(ok, bool):
            raise ModelError(f"{self.allow.what}: `allow` gave {ok!r}, not true or false")
        if ok:
            return None
        if self.reason is None:
            return f"{self.rule_id}: {self.allow.source} does not hold"
        return str(self.reason.evaluate(world=w, event=e, params=p))


class CelTest:
    def __init__(self, test: Expression, cond_id: str) -> None:
        self.test, self.cond_id = test, cond_id

    def __call__(self, w: World, e: Event | None, p: Parameters | None) -> bool:
        ok = self.test.evaluate(world=w, event=e, params=p)
        if not isinstance(ok, bool):
            raise ModelError(f"{self.test.what} gave {ok!r}, not true or false")
        return ok


class CelApply:
    """Set each field to its expression's value (all evaluated on the world before)."""

    def __init__(self, sets: tuple[tuple[FieldSpec, Expression], ...], effect_id: str) -> None:
        self.sets, self.effect_id = sets, effect_id

    def __call__(self, w: World, e: Event, p: Parameters | None, arg: str | None) -> World:
        changes: dict[str, Any] = {}
        for spec, expr in self.sets:
            value = _from_cel(spec, expr.evaluate(world=w, event=e, params=p))
            try:
                changes[spec.name] = spec.load(value)
            except WorldValueError as exc:
                raise ModelError(f"{expr.what} on event {e.id!r}: {exc}") from None
        return w.evolve(**changes)


class CelInvariant:
    def __init__(self, holds: Expression, message: Expression | None, inv_id: str) -> None:
        self.holds, self.message, self.inv_id = holds, message, inv_id

    def __call__(self, b: World, e: Event | None, a: World, p: Parameters | None) -> str | None:
        ok = self.holds.evaluate(before=b, after=a, event=e, params=p)
        if not isinstance(ok, bool):
            raise ModelError(f"{self.holds.what} gave {ok!r}, not true or false")
        if ok:
            return None
        if self.message is None:
            return f"{self.holds.source} does not hold"
        return str(self.message.evaluate(before=b, after=a, event=e, params=p))


def _from_cel(spec: FieldSpec, value: Any) -> Any:

    if spec.type == "date" and isinstance(value, int) and not isinstance(value, bool):
        from negotiation._internal.calendar import from_day_number

        return from_day_number(value)
    if spec.type == "dates" and isinstance(value, list):
        return [_from_cel(FieldSpec("x", "date"), v) for v in value]
    return value


Loc = tuple[str | int, ...]


class _Located:
    """Problems with a model's definitions, located in the document it was read from: at
    compile time an :class:`InputError` at ``file:line:col``; at run time (an expression that
    fails on an event) the expression's label starts with the same location."""

    def __init__(self, spec: ModelSpec) -> None:
        self.doc = spec._doc
        self.dates: dict[str, str] = {}  # parameter -> the first expression reading it as a date

    def error(self, path: Loc, message: str) -> InputError:
        if self.doc is None:
            return InputError(message)
        return InputError(self.doc.problem(path, message))

    def expr(self, source: str, what: str, path: Loc) -> Expression:
        try:
            x = Expression(source, what)
        except ModelError as exc:
            raise self.error(path, str(exc)) from None
        for name in sorted(x.date_params):
            self.dates.setdefault(name, what)
        if self.doc is not None:
            x.what = str(self.doc.problem(path, what))  # "model.yaml:27:9: rules[0].allow: ..."
        return x

    def fields(
        self,
        exprs: Sequence[tuple[Expression, Loc]],
        schema: WorldSchema,
        what: str,
        facts: Collection[str] | None = None,
    ) -> None:
        """Refuse an expression reading a world field the model lacks or (given the
        vocabulary's ``facts``) an event fact no vocabulary declares: a misspelt fact failed
        only when an event reached the rule, as a bare KeyError."""
        from negotiation._internal.suggest import did_you_mean

        for x, path in exprs:
            unknown = sorted(x.fields - set(schema.by_name) - {"sitting"})
            if unknown:
                raise self.error(
                    path,
                    f"{what} reads unknown world field {unknown[0]!r}"
                    f"{did_you_mean(unknown[0], schema.by_name)}",
                )
            read = sorted(p.removeprefix("event.facts.") for p in x.event_parts)
            undeclared = [f for f in read if "." not in f and facts is not None and f not in facts]
            if undeclared:
                raise self.error(
                    path,
                    f"{what} reads undeclared fact {undeclared[0]!r}"
                    f"{did_you_mean(undeclared[0], facts or ())} (facts are declared in the "
                    "vocabulary: the built-in one or the model's `vocabulary:` file)",
                )


def compile_definitions(spec: ModelSpec) -> Definitions:
    """The model's world schema and its data-defined library entries."""
    at = _Located(spec)
    facts = spec.vocab.facts
    try:
        extra = field_specs(dict(spec.world.fields), spec._doc, ("world", "fields"))
        schema = WorldSchema(builtin_fields()).extend(extra) if extra else WorldSchema.builtin()
    except WorldValueError as exc:
        raise at.error(("world", "fields"), f"model {spec.id!r}: world.fields: {exc}") from None
    rules: dict[str, Rule] = {}
    for i, r in enumerate(spec.rules):
        allow = at.expr(r.allow, f"rule {r.id!r}", ("rules", i, "allow"))
        reason = (
            at.expr(r.reason, f"rule {r.id!r} reason", ("rules", i, "reason")) if r.reason else None
        )
        exprs = [(allow, ("rules", i, "allow"))]
        exprs += [(reason, ("rules", i, "reason"))] if reason else []
        at.fields(exprs, schema, f"rule {r.id!r}", facts)
        reads = allow.reads | (reason.reads if reason else frozenset())
        needs = allow.params | (reason.params if reason else frozenset())
        rules[r.id] = Rule(r.id, r.provision, r.summary, CelRule(allow, reason, r.id), reads, needs)
    conditions = {}
    for i, c in enumerate(spec.conditions):
        test = at.expr(c.test, f"condition {c.id!r}", ("conditions", i, "test"))
        at.fields([(test, ("conditions", i, "test"))], schema, f"condition {c.id!r}", facts)
        conditions[c.id] = Condition(c.id, CelTest(test, c.id), test.reads, c.summary)
    effects = {}
    for i, fx in enumerate(spec.effects):
        sets = []
        for name, source in fx.set.items():
            path: Loc = ("effects", i, "set", name)
            if name not in schema.by_name:
                from negotiation._internal.suggest import did_you_mean

                raise at.error(
                    path,
                    f"effect {fx.id!r} sets unknown world field {name!r}"
                    f"{did_you_mean(name, schema.by_name)}",
                )
            x = at.expr(source, f"effect {fx.id!r} ({name})", path)
            at.fields([(x, path)], schema, f"effect {fx.id!r}")
            sets.append((schema.by_name[name], x))
        reads = frozenset().union(*(x.reads for _, x in sets))
        writes = frozenset(name for name in fx.set)
        effects[fx.id] = Effect(fx.id, CelApply(tuple(sets), fx.id), reads, writes, fx.summary)
    invariants = {}
    for k, inv in enumerate(spec.invariants or ()):
        if isinstance(inv, InvariantDef):
            holds = at.expr(inv.holds, f"invariant {inv.id!r}", ("invariants", k, "holds"))
            message = (
                at.expr(inv.message, f"invariant {inv.id!r} message", ("invariants", k, "message"))
                if inv.message
                else None
            )
            exprs = [(holds, ("invariants", k, "holds"))]
            exprs += [(message, ("invariants", k, "message"))] if message else []
            at.fields(exprs, schema, f"invariant {inv.id!r}")
            reads = holds.reads | (message.reads if message else frozenset())
            invariants[inv.id] = Invariant(
                inv.id, inv.provision, inv.summary, CelInvariant(holds, message, inv.id), reads
            )
    return Definitions(schema, rules, conditions, effects, invariants, at.dates)


def bad_dates(profile: Profile, dates: Mapping[str, str]) -> list[tuple[Loc, str]]:
    """Each value in ``profile`` (its parameters, an interpretation's, a change's) of a
    parameter an expression reads as a date (``dates``: name -> who) that is no ISO date, with
    its place in the profile: it failed only when the rule first ran, located in the model."""
    sets: list[tuple[Loc, ParameterSet]] = [(("parameters",), profile.parameters)]
    sets += [
        (("interpretations", n, "parameters"), i.parameters)
        for n, i in profile.interpretations.items()
    ]
    sets += [(("changes", k, "parameters"), c.parameters) for k, c in enumerate(profile.changes)]
    out = []
    for name, who in dates.items():
        for at, values in sets:
            custom = values.custom or {}
            where, value = (
                ((*at, "custom", name), custom[name])
                if name in custom
                else ((*at, name), getattr(values, name, None))
            )
            if value is None:
                continue
            if not _iso_date(value):
                why = f"{value!r} is no date (YYYY-MM-DD)"
                out.append((where, f"parameter {name!r}: {why}; {who} reads it with date()"))
    return out


def _iso_date(value: object) -> bool:
    """Whether ``date()`` in an expression takes ``value`` (the same test it makes)."""
    try:
        return isinstance(value, str) and bool(dt.date.fromisoformat(value))
    except ValueError:
        return False


__all__ += ["day_number"]
