"""World field declarations as data: the built-in ones (``data/world.yaml``) and a model's.

>>> [f.name for f in builtin_fields()][:3]
['date', 'total_seats', 'seats']
"""

from __future__ import annotations

import dataclasses
import functools
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from negotiation._internal import paths, yamldoc
from negotiation.model.world import FIELD_TYPES, FieldSpec, RecordSchema, WorldValueError

__all__ = ["FieldDecl", "WorldFile", "builtin_fields", "field_specs"]

NAME = r"^[a-z][a-z0-9_]*$"
Scalar = Literal["int", "bool", "date", "str"]


class FieldDecl(BaseModel):
    """One declared world field."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    type: str = Field(description="one of " + ", ".join(FIELD_TYPES))
    description: str = ""
    default: Any = None
    values: tuple[Annotated[str, Field(pattern=NAME)], ...] = Field(
        default=(), description="enum: the allowed values"
    )
    fields: dict[Annotated[str, Field(pattern=NAME)], Scalar] = Field(
        default_factory=dict, description="record/records: field -> int|bool|date|str"
    )

    @model_validator(mode="after")
    def _shape(self) -> FieldDecl:
        if self.type not in FIELD_TYPES:
            raise ValueError(f"unknown field type {self.type!r}; types: {', '.join(FIELD_TYPES)}")
        if (self.type == "enum") != bool(self.values):
            raise ValueError("an enum field (and only an enum) lists its `values`")
        if (self.type in ("record", "records")) != bool(self.fields):
            raise ValueError("a record(s) field (and only a record) lists its `fields`")
        return self

    def spec(self, name: str) -> FieldSpec:
        record = RecordSchema(name, tuple(self.fields.items())) if self.fields else None
        spec = FieldSpec(name, self.type, self.description, None, self.values, record)
        if self.default is not None:  # raises WorldValueError if it does not fit
            return dataclasses.replace(spec, default=spec.load(self.default))
        if self.type == "enum":
            return dataclasses.replace(spec, default=self.values[0])
        return spec


class WorldFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    fields: dict[Annotated[str, Field(pattern=NAME)], FieldDecl]


def field_specs(
    decls: dict[str, FieldDecl],
    doc: yamldoc.Document | None = None,
    base: tuple[str | int, ...] = (),
) -> tuple[FieldSpec, ...]:
    """Field specs from declarations; a default that does not fit is a located error."""
    from negotiation.errors import InputError, Problem

    out, problems = [], []
    for name, decl in decls.items():
        try:
            out.append(decl.spec(name))
        except WorldValueError as exc:
            where = (*base, name, "default")
            problems.append(doc.problem(where, str(exc)) if doc else Problem("<world>", str(exc)))
    if problems:
        raise InputError(problems)
    return tuple(out)


@functools.cache
def builtin_fields() -> tuple[FieldSpec, ...]:
    doc = yamldoc.load(paths.data_dir() / "world.yaml")
    return field_specs(yamldoc.parse(doc, WorldFile).fields, doc, ("fields",))
