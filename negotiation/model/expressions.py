"""Rules, conditions, effects and invariants written in data, in Google's Common Expression
Language (CEL): a standard, safe, non-Turing-complete language (no loops, no I/O, no Python
``eval``), evaluated by the ``common-expression-language`` package.

What an expression sees:

``world`` (``before`` and ``after`` in invariants)
    the world's fields: numbers, booleans, strings, ids; dates as **day numbers** (so
    ``event.date - world.dissolved_on`` is a count of days); seat maps as maps; sets as lists;
    records as maps. Plus ``sitting``: members who sit (boycotters do not).
``event``
    ``kind``, ``date`` (a day number), ``actors``, ``recipients``, ``mediator`` and ``facts``.
``params``
    the profile's parameters (and its ``custom`` values), and ``params.needed.<threshold>``:
    the votes each threshold needs in the current world.

Functions: ``date("2014-02-02")`` (a day number), ``iso(day)`` (back to ``"2014-02-02"``),
``days(a, b)`` (``b - a``), ``add_months(day, n)``. An expression declares what it reads by naming it: only the world
fields it names are given to it, so reads are exact::

    >>> e = Expression("world.dissolved_on == null || event.date - world.dissolved_on >= 45")
    >>> sorted(e.reads)
    ['dissolved_on', 'event.date']

The event used whole (``event["date"]``) reads all of it, ``event.*``::

    >>> sorted(Expression('event["date"] > world.dissolved_on').reads)
    ['dissolved_on', 'event.*']
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from negotiation._internal.calendar import add_months, from_day_number
from negotiation.errors import ModelError
from negotiation.events import Event
from negotiation.model.library.rules import member_base
from negotiation.model.profile import Parameters
from negotiation.model.world import Record, World

__all__ = ["Expression", "day_number"]

_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'')
_WORLD = re.compile(r"\b(?:world|before|after)\.([a-z_][a-z0-9_]*)")
_EVENT = re.compile(r"\bevent\.(facts\.[a-z_][a-z0-9_]*|[a-z_][a-z0-9_]*)")
#: the event used otherwise than by a dotted name (``event["date"]``, ``has(event)``): it reads
#: the whole event ("event.*")
_WHOLE_EVENT = re.compile(r"\bevent\b(?!\s*\.\s*[a-z_])")
#: the profile's parameters an expression reads: ``params.term_years``, ``params.needed.amendment``
_PARAMS = re.compile(r"\bparams\.(needed\.[a-z_][a-z0-9_]*|[a-z_][a-z0-9_]*)")
#: ... and those it only tests for (``has(params.window_days)``): optional, not needed
_HAS_PARAMS = re.compile(r"\bhas\(\s*params\.(needed\.[a-z_][a-z0-9_]*|[a-z_][a-z0-9_]*)\s*\)")
#: ... and those it reads as dates (``date(params.start)``): their values must be ISO dates. A
#: pattern, as for the names above: the CEL library compiles to no syntax tree it shows (its
#: ``Program.references()`` names the variables and functions, not what a call is given)
_DATE_PARAMS = re.compile(r"\bdate\(\s*params\.([a-z_][a-z0-9_]*)\s*\)")
_ORIGIN = dt.date(1970, 1, 1).toordinal()
#: what can nest one level deeper in CEL's syntax tree: operators, member access, calls, lists
_NESTING = re.compile(r"&&|\|\||[=!<>]=|[-+*/%!<>?.(\[{]")
#: the most of them one expression may hold: the CEL library parses and evaluates recursively,
#: and some thousands of levels overflow a thread's stack (a crash, not an error)
MAX_OPERATORS = 256


#: CEL's comprehensions: each evaluates its body once per item of a list or map
_MACROS = ("map", "filter", "all", "exists", "exists_one")
_MACRO = re.compile(r"\.\s*(?:" + "|".join(_MACROS) + r")\s*\(")


#: the most items a comprehension may go over: the CEL library's take time in the square of
#: their list's size (``map`` over 16,000 items: 7 s; 100,000: minutes), holding the
#: interpreter all the while, deaf to SIGTERM and Ctrl-C
MAX_COMPREHENDED = 1_000


def _longest(value: Any) -> int:
    """The size of the longest list or map in ``value``, at any depth."""
    if isinstance(value, dict):
        return max([len(value), *map(_longest, value.values())])
    if isinstance(value, list):
        return max([len(value), *map(_longest, value)])
    return 0


def _nested_comprehension(bare: str) -> bool:
    """Whether a comprehension is inside another's parentheses (``bare``: strings emptied)."""
    opening = {m.end() - 1 for m in _MACRO.finditer(bare)}
    if len(opening) < 2:
        return False
    stack: list[bool] = []  # for each open parenthesis: whether a comprehension's
    for i, c in enumerate(bare):
        if c == "(":
            if i in opening and any(stack):
                return True
            stack.append(i in opening)
        elif c == ")" and stack:
            stack.pop()
    return False


def day_number(day: dt.date) -> int:
    """Days since 1970-01-01: how dates appear in expressions."""
    return day.toordinal() - _ORIGIN


def _from_day(n: int) -> dt.date:
    return from_day_number(n)  # saturating: CEL arithmetic may go past the calendar


def _cel(value: Any) -> Any:
    if isinstance(value, dt.date):
        return day_number(value)
    if isinstance(value, Record):
        return {f: _cel(v) for (f, _), v in zip(value._schema.fields, value, strict=True)}
    if isinstance(value, tuple):
        if value and all(
            isinstance(x, tuple) and len(x) == 2 and not isinstance(x, Record) for x in value
        ):
            return {k: _cel(v) for k, v in value}
        return [_cel(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _cel(v) for k, v in value.items()}
    return value


def _date_fn(text: str) -> int:
    return day_number(dt.date.fromisoformat(text))


def _iso(day: int) -> str:
    return _from_day(day).isoformat()


def _days(a: int, b: int) -> int:
    return b - a


def _add_months(day: int, n: int) -> int:
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"add_months needs a whole number of months, got {n!r}")
    return day_number(add_months(_from_day(day), n))


@functools.cache
def _cel_module() -> Any:
    """The CEL library, its logger quiet: it logs a failing function (`Python function
    'add_months' failed: ...`) before raising, and our :class:`ModelError` says it already,
    located; without a handler Python printed the log line to stderr."""
    import logging

    import cel

    logger = logging.getLogger("cel")
    logger.addHandler(logging.NullHandler())
    logger.propagate = False
    return cel


@functools.cache
def _compile(source: str) -> Any:
    return _cel_module().compile(source)


class Expression:
    """One CEL expression, compiled once (lazily after unpickling)."""

    def __init__(self, source: str, what: str = "expression") -> None:
        self.source = source
        self.what = what
        bare = _STRINGS.sub('""', source)
        self.fields = frozenset(_WORLD.findall(bare))
        self.event_parts = frozenset("event." + m for m in _EVENT.findall(bare)) | (
            {"event.*"} if _WHOLE_EVENT.search(bare) else set()
        )
        self.reads = self.fields | self.event_parts
        #: whether it reads ``params`` at all, and ``params.needed`` (the votes each threshold
        #: needs, worked out from the world at every evaluation): a view not read is not built
        self.reads_params = re.search(r"\bparams\b", bare) is not None
        self.reads_needed = self.reads_params and re.search(r"\bneeded\b", bare) is not None
        optional = set(_HAS_PARAMS.findall(bare))
        #: profile parameters it needs: a name (``term_years``, a ``custom`` value) or
        #: ``thresholds.<name>`` for ``params.needed.<name>``
        self.params = frozenset(
            "thresholds." + p.removeprefix("needed.") if p.startswith("needed.") else p
            for p in set(_PARAMS.findall(bare)) - optional
            if p not in ("in_force", "needed")
        )
        #: parameters given to ``date()`` as they are: a value that is no ISO date is an error
        #: at the profile's value when the model loads, not when a rule first runs
        self.date_params = frozenset(_DATE_PARAMS.findall(bare)) - {"in_force", "needed"}
        if (n := len(_NESTING.findall(bare))) > MAX_OPERATORS:
            raise ModelError(
                f"{what}: an expression of {n} operators, over the limit of {MAX_OPERATORS} "
                "(write it as several rules or conditions)"
            )
        if _nested_comprehension(bare):
            raise ModelError(
                f"{what}: a comprehension ({', '.join(_MACROS)}) inside another: its work is the "
                "product of their lists' sizes (seven of ten items each hung the command)"
            )
        #: with a comprehension, how many times a list it builds may outgrow those it is given
        #: (each ``+`` may join two), and how many items its list literals hold at most
        self.growth = (1 + bare.count("+")) if _MACRO.search(bare) else 0
        self.literal_items = 1 + bare.count(",")
        try:
            _compile(source)
        except ValueError as exc:
            raise ModelError(f"{what}: {_short(exc)}") from None

    def __getstate__(self) -> dict[str, Any]:
        return {"source": self.source, "what": self.what}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["source"], state["what"])  # type: ignore[misc]

    def __repr__(self) -> str:
        return f"Expression({self.source!r})"

    def world_view(self, world: World) -> dict[str, Any]:
        data = {name: _cel(world.get(name)) for name in self.fields if name in world._index}
        if "sitting" in self.fields:
            data["sitting"] = world.present_seats()
        return data

    def evaluate(
        self,
        *,
        world: World | None = None,
        event: Event | None = None,
        params: Parameters | None = None,
        before: World | None = None,
        after: World | None = None,
    ) -> Any:
        """The expression's value; a CEL error becomes a :class:`ModelError` naming it."""
        ctx = _cel_module().Context()
        ctx.add_function("date", _date_fn)
        ctx.add_function("days", _days)
        ctx.add_function("iso", _iso)
        ctx.add_function("add_months", _add_months)
        variables: dict[str, Any] = {}
        for name, w in (("world", world), ("before", before), ("after", after)):
            if w is not None:
                variables[name] = self.world_view(w)
        if event is not None:
            variables["event"] = _event_view(event)
        if params is not None and self.reads_params:
            base = (world or after or before) if self.reads_needed else None
            variables["params"] = _params_view(params, base)
        if self.growth:
            self._bound_work(variables, event)
        ctx.update(variables)
        try:
            return _compile(self.source).execute(ctx)
        except Exception as exc:  # CEL raises KeyError, TypeError, ZeroDivisionError ...
            where = f" on event {event.id!r}" if event is not None else ""
            raise ModelError(
                f"{self.what} failed{where}: {_short(exc)} (in `{self.source}`)"
                + self._nulls(world=world, before=before, after=after)
            ) from None

    def _bound_work(self, variables: dict[str, Any], event: Event | None) -> None:
        """A :class:`ModelError` when a comprehension may go over more than
        :data:`MAX_COMPREHENDED` items: the lists given (or built of them and of literals)."""
        items = (_longest(variables) + self.literal_items) * self.growth
        if items > MAX_COMPREHENDED:
            where = f" on event {event.id!r}" if event is not None else ""
            raise ModelError(
                f"{self.what}{where}: a comprehension ({', '.join(_MACROS)}) over up to {items:,} "
                f"items, over the limit of {MAX_COMPREHENDED:,} (CEL's take time in the square "
                f"of their list's size; in `{_short(ValueError(self.source))}`)"
            )

    def _nulls(self, **worlds: World | None) -> str:
        """What a failure may come from that CEL's own message does not say: the world fields
        the expression reads that have no value (null) in this world, as a record before any
        government (`world.government.formed_on`), with how to test for them."""
        null = [
            f"{name}.{f}"
            for name, w in worlds.items()
            if w is not None
            for f in sorted(self.fields)
            if f in w._index and w.get(f) is None
        ]
        if not null:
            return ""
        return (
            f"; {', '.join(null)} {'is' if len(null) == 1 else 'are'} null here: test "
            f"`{null[0]} != null` before reading it"
        )


def _event_view(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "kind": event.kind,
        "date": day_number(event.date),
        "actors": list(event.actors),
        "recipients": list(event.recipients),
        "mediator": event.mediator,
        "facts": {k: _cel(v) for k, v in event.facts.present().items()},
    }


def _params_view(params: Parameters, world: World | None) -> dict[str, Any]:
    out: dict[str, Any] = {
        k: float(v) if isinstance(v, Fraction) else _cel(v) for k, v in params.values
    }
    out["in_force"] = list(params.in_force)
    if world is not None:
        needed = {}
        for name, t in params.thresholds:
            needed[name] = t.votes(member_base(world, params, t.base))
        out["needed"] = needed
    return out


def _short(exc: BaseException) -> str:
    text = str(exc).replace("\n", " ")
    return text if len(text) <= 300 else text[:297] + "..."
