"""Validating plain data from files against the schemas, minus pydantic's silent conversions.

Pydantic's lax mode (what ``model_validate`` does) takes ``true`` where a number goes (as 1) and a
number where a date goes (as days since 1970); a data file never means either. :func:`validate`
is ``model_validate`` that refuses them, with the error pydantic's strict mode gives, at their
place; every loader of file data (:func:`negotiation._internal.yamldoc.parse`) goes through it.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import InitErrorDetails

__all__ = ["message", "number_problem", "validate"]

M = TypeVar("M", bound=BaseModel)

#: what pydantic's lax mode converts silently and a data file never means: ``true`` as the
#: number 1 (``seats: {cnrp: true}``), a number as a date (``date: 0`` is 1970-01-01)
_SILENT = {
    "int_type": (bool,),
    "float_type": (bool,),
    "date_type": (bool, int, float),
    "datetime_type": (bool, int, float),
}


def validate(model: type[M], payload: Any) -> M:
    """``model.model_validate(payload)``, minus the conversions a file never means: a boolean
    where a number goes, a number where a date goes (:data:`_SILENT`) raise the
    ``ValidationError`` pydantic's strict mode gives for them (``Input should be a valid
    integer (got True)``), at their place. Every loader of file data validates through this."""
    result = model.model_validate(payload)
    try:
        text = json.dumps(payload, default=str, allow_nan=False)
    except (TypeError, ValueError):  # not plain data: nothing a file could have given
        return result
    try:
        model.model_validate_json(text, strict=True)
    except ValidationError as exc:
        silent = [
            InitErrorDetails(type=e["type"], loc=e["loc"], input=e["input"])
            for e in exc.errors()
            if isinstance(e["input"], _SILENT.get(e["type"], ()))
        ]
        if silent:
            raise ValidationError.from_exception_data(model.__name__, silent) from None
    return result


_IN_FILE_WORDS = {
    "tuple_type": "Input should be a list ([a, b] or one `- item` a line)",
    "list_type": "Input should be a list ([a, b] or one `- item` a line)",
    "dict_type": "Input should be a mapping (`key: value` lines or {key: value})",
    "model_type": "Input should be a mapping (`key: value` lines or {key: value})",
}


def message(err: dict[str, Any]) -> str:
    """What a pydantic error says, in a data file's words: a date that is no date was told
    "Datetimes provided to dates should have zero time" (for ``date: 5`` or ``'2008'``)."""
    kind = str(err.get("type", ""))
    if kind.startswith("date_from_datetime"):
        return "Input should be a valid date, written YYYY-MM-DD"
    if kind in _IN_FILE_WORDS:  # a "tuple" or a "dictionary" is Python's word, not a file's
        return _IN_FILE_WORDS[kind]
    return str(err.get("msg", "invalid value")).removeprefix("Value error, ")


#: numbers as they are plainly written (and as JSON writes them)
_PLAIN = re.compile(r"[-+]?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\.[0-9]+")


def number_problem(text: str, value: object) -> str | None:
    """What is wrong with the number a YAML scalar ``text`` resolved to, if anything: not
    finite, or written in a form only YAML 1.1 reads as a number (was taken: ``99_0`` as 990,
    ``0x63`` and ``0143`` as 99, ``1:39`` in base 60 as 99)."""
    if isinstance(value, float) and not math.isfinite(value):
        return "not a finite number"
    if (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and not _PLAIN.fullmatch(text)
    ):
        return f"{text} reads as the number {value} in YAML 1.1: write it plainly, or quote it"
    return None
