"""The world state: the institutional facts rules read and effects change.

A model declares its world's fields (the built-in institutional fields, ``data/world.yaml``,
plus any a model adds). The engine keeps a world as a compact, immutable tuple with a field per
position; pydantic-free, hashable and picklable, so that exploration keeps millions of them::

    >>> schema = WorldSchema.builtin()
    >>> w = schema.initial().evolve(total_seats=123, seats=(("cnrp", 55), ("cpp", 68)))
    >>> w.seat_map()["cpp"], w.present_seats()
    (68, 123)
    >>> w.evolve(boycotting=("cnrp",)).present_seats()
    68
    >>> import pickle; pickle.loads(pickle.dumps(w)) == w
    True

At the boundary a world is plain data: :meth:`World.to_json` dumps it, :meth:`WorldSchema.load`
reads one (an initial state in a model spec, so a log can start mid-term) with located errors.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from negotiation._internal.calendar import parse_iso_date

__all__ = [
    "FIELD_TYPES",
    "FieldSpec",
    "Record",
    "RecordSchema",
    "World",
    "WorldSchema",
    "WorldValueError",
]

FieldType = Literal[
    "int",
    "counter",
    "bool",
    "date",
    "str",
    "enum",
    "party_set",
    "set",
    "party_counts",
    "dates",
    "record",
    "records",
]
FIELD_TYPES: tuple[str, ...] = FieldType.__args__  # type: ignore[attr-defined]


class WorldValueError(ValueError):
    """A value that does not fit its field's type (the caller locates it in a file)."""


# --- records: small immutable structs (a government, an amendment) ----------------------------
@dataclass(frozen=True)
class RecordSchema:
    """The fields of a record type, in order, with their scalar types."""

    name: str
    fields: tuple[tuple[str, str], ...]  # (field, type) with type in int/bool/date/str

    @property
    def type(self) -> type[Record]:
        return _struct_type(self)  # type: ignore[no-any-return]

    def make(self, **values: Any) -> Record:
        return self.type(tuple(values.get(f) for f, _ in self.fields))

    def load(self, data: Any) -> Record:
        if not isinstance(data, Mapping):
            raise WorldValueError(f"a {self.name} record is a mapping of {self._names()}")
        unknown = sorted(set(data) - {f for f, _ in self.fields})
        if unknown:
            raise WorldValueError(f"unknown field(s) {', '.join(map(str, unknown))} of {self.name}")
        return self.type(tuple(_scalar(t, data.get(f), f) for f, t in self.fields))

    def _names(self) -> str:
        return ", ".join(f for f, _ in self.fields)


class Record(tuple[Any, ...]):
    """One record: a tuple whose fields are also attributes (``gov.votes_for``)."""

    __slots__ = ()
    _schema: ClassVar[RecordSchema]

    if TYPE_CHECKING:  # the built-in record types' fields, for the built-in rules

        @property
        def formed_on(self) -> dt.date: ...
        @property
        def votes_for(self) -> int: ...
        @property
        def passed_on(self) -> dt.date: ...
        @property
        def affects_core(self) -> bool: ...
        @property
        def enables_early_election(self) -> bool: ...

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self._schema, tuple(self)))

    def to_json(self) -> dict[str, Any]:
        return {f: _json(v) for (f, _), v in zip(self._schema.fields, self, strict=True)}

    def __repr__(self) -> str:
        inner = ", ".join(f"{f}={v!r}" for (f, _), v in zip(self._schema.fields, self, strict=True))
        return f"{self._schema.name}({inner})"


# --- fields ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class FieldSpec:
    """One world field: its type, default and (enum) values or (record) fields."""

    name: str
    type: str
    description: str = ""
    default: Any = None
    values: tuple[str, ...] = ()  # enum
    record: RecordSchema | None = None  # record, records

    def empty(self) -> Any:
        """The field's value in an empty world (``default`` is already in the engine's form)."""
        if self.default is not None:
            return self.default
        return _EMPTY.get(self.type)

    def load(self, value: Any) -> Any:
        """A value read from data (YAML/JSON) in the engine's representation."""
        t = self.type
        if value is None:
            if t in _EMPTY and _EMPTY[t] is not None:
                raise WorldValueError(f"{self.name} cannot be null")
            return None
        if t in ("int", "counter", "bool", "date", "str"):
            return _scalar(t, value, self.name)
        if t == "enum":
            if value not in self.values:
                raise WorldValueError(
                    f"{self.name} is one of {', '.join(self.values)}; got {value!r}"
                )
            return str(value)
        if t in ("party_set", "set"):
            if isinstance(value, str) or not isinstance(value, Iterable):
                raise WorldValueError(f"{self.name} is a list of ids")
            return tuple(sorted({_scalar("str", v, self.name) for v in value}))
        if t == "party_counts":
            if not isinstance(value, Mapping):
                raise WorldValueError(f"{self.name} maps party ids to counts")
            return tuple(
                sorted(
                    (_scalar("str", k, self.name), _scalar("counter", v, self.name))
                    for k, v in value.items()
                )
            )
        if t == "dates":
            if isinstance(value, str) or not isinstance(value, Iterable):
                raise WorldValueError(f"{self.name} is a list of dates")
            return tuple(sorted(_scalar("date", v, self.name) for v in value))
        assert self.record is not None
        if t == "record":
            return self.record.load(value)
        if isinstance(value, str) or not isinstance(value, Iterable):
            raise WorldValueError(f"{self.name} is a list of {self.record.name} records")
        return tuple(self.record.load(v) for v in value)


_EMPTY: dict[str, Any] = {
    "int": None,
    "counter": 0,
    "bool": False,
    "date": None,
    "str": None,
    "enum": None,
    "party_set": (),
    "set": (),
    "party_counts": (),
    "dates": (),
    "record": None,
    "records": (),
}

_BOUND = 10**12  # numbers in worlds stay in a sane range


def _scalar(t: str, value: Any, name: str) -> Any:
    if value is None:
        return None
    if t in ("int", "counter"):
        if isinstance(value, bool) or not isinstance(value, int):
            raise WorldValueError(f"{name} is a whole number; got {value!r}")
        if not -_BOUND < value < _BOUND or (t == "counter" and value < 0):
            raise WorldValueError(f"{name} is out of range: {value}")
        return value
    if t == "bool":
        if not isinstance(value, bool):
            raise WorldValueError(f"{name} is true or false; got {value!r}")
        return value
    if t == "date":
        try:
            value = parse_iso_date(value)
        except ValueError as exc:  # "2015-13-01", "2015-02-30", a year past the calendar
            raise WorldValueError(f"{name} is a date (YYYY-MM-DD); got {value!r}: {exc}") from None
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            raise WorldValueError(f"{name} is a date (YYYY-MM-DD); got {value!r}")
        return value
    if not isinstance(value, str):
        raise WorldValueError(f"{name} is a string; got {value!r}")
    return value


def _json(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Record):
        return value.to_json()
    if isinstance(value, tuple):
        if value and all(
            isinstance(x, tuple)
            and len(x) == 2
            and isinstance(x[0], str)
            and not isinstance(x, Record)
            for x in value
        ):
            return {k: _json(v) for k, v in value}
        return [_json(v) for v in value]
    return value


# --- the world ---------------------------------------------------------------------------------
class World(tuple[Any, ...]):
    """An immutable world state; each schema field is an attribute.

    The attributes typed below are the built-in institutional fields every schema has; fields a
    model adds are attributes too (and are read by name from data-defined rules).
    """

    __slots__ = ()
    _schema: ClassVar[WorldSchema]
    _index: ClassVar[dict[str, int]]

    if TYPE_CHECKING:  # the built-in fields (data/world.yaml), for the built-in library

        @property
        def date(self) -> dt.date | None: ...
        @property
        def total_seats(self) -> int: ...
        @property
        def seats(self) -> tuple[tuple[str, int], ...]: ...
        @property
        def election_date(self) -> dt.date | None: ...
        @property
        def results_on(self) -> dt.date | None: ...
        @property
        def assembly(self) -> str: ...
        @property
        def convened_on(self) -> dt.date | None: ...
        @property
        def members_present(self) -> int | None: ...
        @property
        def term_end(self) -> dt.date | None: ...
        @property
        def boycotting(self) -> tuple[str, ...]: ...
        @property
        def government(self) -> Record | None: ...
        @property
        def dismissals(self) -> tuple[dt.date, ...]: ...
        @property
        def dissolved_on(self) -> dt.date | None: ...
        @property
        def amendments(self) -> tuple[Record, ...]: ...
        @property
        def early_election_on(self) -> dt.date | None: ...
        @property
        def track(self) -> str: ...
        @property
        def agreements(self) -> int: ...
        @property
        def dissolved_parties(self) -> tuple[str, ...]: ...
        @property
        def election_boycotters(self) -> tuple[str, ...]: ...
        @property
        def annulled_on(self) -> dt.date | None: ...
        @property
        def detained(self) -> tuple[tuple[str, int], ...]: ...
        @property
        def officers(self) -> tuple[tuple[str, int], ...]: ...
        @property
        def laws(self) -> tuple[str, ...]: ...
        @property
        def in_force(self) -> tuple[str, ...]: ...
        @property
        def emergency(self) -> bool: ...
        @property
        def vacant_seats(self) -> int: ...
        @property
        def sworn_in(self) -> tuple[str, ...]: ...

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self._schema, tuple(self)))

    @property
    def schema(self) -> WorldSchema:
        return self._schema

    def evolve(self, **changes: Any) -> World:
        """A copy with ``changes``; values must already be in the engine's representation.

        >>> w = WorldSchema.builtin().initial()
        >>> w.evolve(agreements=2).agreements, w.agreements
        (2, 0)
        """
        values = list(self)
        index = self._index
        for name, value in changes.items():
            values[index[name]] = value
        return tuple.__new__(type(self), values)

    def get(self, name: str) -> Any:
        return self[self._index[name]]

    # -- views the built-in rules share ---------------------------------------------------------
    def seat_map(self) -> dict[str, int]:
        return dict(self.seats)

    def with_seats(self, seats: Mapping[str, int], total: int | None = None) -> World:
        return self.evolve(
            seats=tuple(sorted(seats.items())),
            total_seats=total if total is not None else sum(seats.values()),
        )

    def present_seats(self) -> int:
        """Members who sit: all seats less those of boycotting parties. Results may list only
        some parties (the others' seats are then counted as sitting)."""
        boycotting = self.boycotting
        away = sum(n for party, n in self.seats if party in boycotting) if boycotting else 0
        held = sum(n for _, n in self.seats)
        total = self.total_seats
        return (total if total > held else held) - away

    # -- the boundary --------------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        """Every field as JSON-ready data (dates as ISO strings, seat maps as mappings)."""
        return {f.name: _json(v) for f, v in zip(self._schema.fields, self, strict=True)}

    def diff(self, other: World) -> dict[str, tuple[Any, Any]]:
        """Fields that differ, as ``{field: (self value, other value)}`` in JSON-ready form."""
        return {
            f.name: (_json(a), _json(b))
            for f, a, b in zip(self._schema.fields, self, other, strict=True)
            if a != b
        }

    def __repr__(self) -> str:
        changed = [
            f"{f.name}={v!r}"
            for f, v in zip(self._schema.fields, self, strict=True)
            if v != f.empty()
        ]
        return f"World({', '.join(changed)})"


def _struct_type(schema: WorldSchema | RecordSchema) -> Any:
    """The class of a schema's structs (cached per equal schema, so that unpickled worlds of
    equal schemas share one class)."""
    return _TYPES.get(schema) or _TYPES.setdefault(schema, _new_type(schema))


def _new_type(schema: WorldSchema | RecordSchema) -> type:
    names = (
        [f.name for f in schema.fields]
        if isinstance(schema, WorldSchema)
        else [f for f, _ in schema.fields]
    )
    ns: dict[str, Any] = {
        "__slots__": (),
        "_schema": schema,
        "_index": {n: i for i, n in enumerate(names)},
    }
    for i, n in enumerate(names):
        ns[n] = property(itemgetter(i), doc=f"field {n!r}")
    base = World if isinstance(schema, WorldSchema) else Record
    return type(base.__name__, (base,), ns)


_TYPES: dict[Any, type] = {}


def _rebuild(schema: WorldSchema | RecordSchema, values: tuple[Any, ...]) -> Any:
    return tuple.__new__(_struct_type(schema), values)


# --- the schema --------------------------------------------------------------------------------
@dataclass(frozen=True)
class WorldSchema:
    """The fields of a model's world, in order (built-in fields first)."""

    fields: tuple[FieldSpec, ...]
    by_name: Mapping[str, FieldSpec] = field(init=False, compare=False, hash=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_name", {f.name: f for f in self.fields})

    @classmethod
    @functools.cache
    def builtin(cls) -> WorldSchema:
        """The built-in institutional fields (``negotiation/data/world.yaml``)."""
        from negotiation.model.library.schema import builtin_fields

        return cls(builtin_fields())

    def extend(self, extra: Sequence[FieldSpec]) -> WorldSchema:
        clash = sorted({f.name for f in extra} & set(self.by_name))
        if clash:
            raise WorldValueError(f"world field(s) already defined: {', '.join(clash)}")
        return WorldSchema((*self.fields, *extra))

    @property
    def type(self) -> type[World]:
        return _struct_type(self)  # type: ignore[no-any-return]

    def names(self) -> list[str]:
        return [f.name for f in self.fields]

    def initial(self, values: Mapping[str, Any] | None = None) -> World:
        """The empty world, with ``values`` (already loaded) set."""
        vals = [f.empty() for f in self.fields]
        for name, value in (values or {}).items():
            vals[self.type._index[name]] = value
        return tuple.__new__(self.type, vals)

    def load(self, data: Mapping[str, Any]) -> World:
        """A world from plain data (e.g. a model's ``initial.world``); unknown fields and
        ill-typed values raise :class:`WorldValueError` naming the field."""
        unknown = sorted(set(data) - set(self.by_name))
        if unknown:
            from negotiation._internal.suggest import did_you_mean

            raise WorldValueError(
                f"unknown world field {unknown[0]!r}{did_you_mean(unknown[0], self.by_name)}"
            )
        return self.initial({k: self.by_name[k].load(v) for k, v in data.items()})
