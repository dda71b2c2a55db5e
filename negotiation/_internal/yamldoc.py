"""YAML documents that remember where each value came from.

:func:`load` parses a YAML file with PyYAML and keeps, for every path inside the document, the
line and column it was written at. :func:`parse` validates the data against a pydantic model and
turns any validation error into an :class:`~negotiation.errors.InputError` whose problems point
at ``file:line:col`` with the path inside the document and what was expected::

    doc = load(Path("scenarios/what_if.yaml"))
    scenario = parse(doc, Scenario)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from negotiation._internal.suggest import did_you_mean
from negotiation.errors import InputError, Problem, format_path

__all__ = [
    "Document",
    "dump",
    "load",
    "load_text",
    "parse",
    "problem_at",
    "read_text",
    "unique_ids",
    "validation_problems",
]

M = TypeVar("M", bound=BaseModel)
Path_ = tuple[str | int, ...]


@dataclass
class Document:
    """Parsed YAML data plus the position (1-based line, column) of every path in it."""

    file: str
    data: Any
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def position(self, path: Sequence[str | int]) -> tuple[int, int] | None:
        """Position of ``path``, or of its longest prefix that has one."""
        p = tuple(path)
        while True:
            if p in self.positions:
                return self.positions[p]
            if not p:
                return None
            p = p[:-1]

    def problem(self, path: Sequence[str | int], message: str) -> Problem:
        """A :class:`Problem` located at ``path`` in this document."""
        return problem_at(self, path, message)


def unique_ids(
    doc: Document, key: str, ids: Sequence[str], what: str
) -> tuple[dict[str, int], list[Problem]]:
    """Index of the first entry with each id in the list at ``key``, and a problem for every
    repeat (pointing at the first): ``what`` names the entries ("event", "actor" ...)."""
    first: dict[str, int] = {}
    problems: list[Problem] = []
    for i, entry_id in enumerate(ids):
        if entry_id in first:
            pos = doc.position((key, first[entry_id]))
            line = f" (first at line {pos[0]})" if pos else ""
            problems.append(doc.problem((key, i, "id"), f"duplicate {what} id {entry_id!r}{line}"))
        else:
            first[entry_id] = i
    return first, problems


def problem_at(doc: Document, path: Sequence[str | int], message: str) -> Problem:
    pos = doc.position(path)
    line, col = pos if pos else (None, None)
    return Problem(file=doc.file, line=line, column=col, path=format_path(path), message=message)


class _Loader(yaml.SafeLoader):
    """Safe loader that keeps dates as ISO strings: pydantic parses them with our rules."""


# Keep timestamps as plain strings so that "2013-7-28" and "2013-07-28" are treated alike.
_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _walk(node: yaml.Node, path: Path_, out: dict[Path_, tuple[int, int]]) -> None:
    out.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            k = key.value if isinstance(key, yaml.ScalarNode) else str(key)
            out[(*path, k)] = (key.start_mark.line + 1, key.start_mark.column + 1)
            _walk(value, (*path, k), out)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, (*path, i), out)


def load_text(text: str, file: str = "<string>") -> Document:
    """Parse YAML text; a syntax error becomes an :class:`InputError` with its position."""
    try:
        node = yaml.compose(text, Loader=_Loader)
        data = yaml.load(text, Loader=_Loader)  # _Loader derives from SafeLoader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        col = mark.column + 1 if mark else None
        what = exc.problem or exc.context or "invalid YAML"
        raise InputError(
            Problem(file=file, line=line, column=col, message=f"invalid YAML: {what}")
        ) from None
    except yaml.YAMLError as exc:
        raise InputError(Problem(file=file, message=f"invalid YAML: {exc}")) from None
    positions: dict[Path_, tuple[int, int]] = {}
    if node is not None:
        _walk(node, (), positions)
    return Document(file=file, data=data, positions=positions)


def read_text(path: Path | str) -> str:
    """A file's text, exactly (UTF-8, newlines untouched, so offsets match the bytes decoded);
    a missing, unreadable or non-UTF-8 file becomes an :class:`InputError`."""
    p = Path(path)
    data = b""
    try:
        data = p.read_bytes()
        if b"\0" in data:
            at = data.index(b"\0")
            raise InputError(
                Problem(
                    file=str(p),
                    message="binary data (a NUL byte), expected UTF-8 text",
                    line=data[:at].count(b"\n") + 1,
                    column=at - data.rfind(b"\n", 0, at),
                )
            )
        return data.decode("utf-8")
    except FileNotFoundError:
        raise InputError(Problem(file=str(p), message="file not found")) from None
    except IsADirectoryError:
        raise InputError(Problem(file=str(p), message="is a directory, expected a file")) from None
    except UnicodeDecodeError as exc:
        raise InputError(
            Problem(
                file=str(p),
                message=f"not UTF-8 text (byte {exc.start}: {data[exc.start : exc.start + 1]!r})",
                line=data[: exc.start].count(b"\n") + 1,
                column=exc.start - data.rfind(b"\n", 0, exc.start),
            )
        ) from None
    except OSError as exc:
        raise InputError(Problem(file=str(p), message=f"cannot read: {exc.strerror}")) from None


def load(path: Path | str) -> Document:
    """Read and parse a YAML file. Missing or unreadable files become an :class:`InputError`."""
    return load_text(read_text(path), file=str(path))


def _describe(err: dict[str, Any]) -> str:
    msg = str(err.get("msg", "invalid value")).removeprefix("Value error, ")
    kind = err.get("type", "")
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return "unknown field (not allowed here)"
    value = err.get("input")
    if kind not in ("missing",) and not isinstance(value, dict | list):
        shown = repr(value)
        if len(shown) > 60:
            shown = shown[:57] + "..."
        return f"{msg} (got {shown})"
    return msg


def _schema_node(schema: dict[str, Any], node: Any) -> list[dict[str, Any]]:
    """The object schemas ``node`` may be ($ref followed, unions flattened)."""
    if not isinstance(node, dict):
        return []
    if "$ref" in node:
        name = str(node["$ref"]).rsplit("/", 1)[-1]
        return _schema_node(schema, schema.get("$defs", {}).get(name))
    out: list[dict[str, Any]] = [node]
    for key in ("anyOf", "oneOf", "allOf"):
        for member in node.get(key, ()):
            out += _schema_node(schema, member)
    return out


def allowed_keys(model: type[BaseModel], path: Sequence[str | int]) -> list[str]:
    """The keys a document of ``model`` allows in the mapping at ``path`` (best effort)."""
    schema = model.model_json_schema(by_alias=True)
    nodes = _schema_node(schema, schema)
    for part in path:
        nxt: list[dict[str, Any]] = []
        for n in nodes:
            if isinstance(part, int):
                items = n.get("items")
                nxt += _schema_node(schema, items)
                for item in n.get("prefixItems", ()):
                    nxt += _schema_node(schema, item)
            else:
                nxt += _schema_node(schema, n.get("properties", {}).get(part))
                extra = n.get("additionalProperties")
                if isinstance(extra, dict):
                    nxt += _schema_node(schema, extra)
        nodes = nxt
    return sorted({k for n in nodes for k in n.get("properties", {})})


def validation_problems(
    doc: Document,
    exc: ValidationError,
    base: Sequence[str | int] = (),
    model: type[BaseModel] | None = None,
) -> list[Problem]:
    """Turn a pydantic ``ValidationError`` into located problems (with the nearest allowed
    key for an unknown one, when ``model`` is given)."""
    problems = []
    for err in exc.errors():
        loc: list[str | int] = list(base)
        for part in err["loc"]:
            # pydantic names the union member it tried ("str", "function-after[...]"); a real
            # key of the document at this path is never such a tag
            if _is_union_tag(part) and (*loc, part) not in doc.positions:
                continue
            loc.append(part)
        message = _describe(dict(err))
        if (
            err["type"] == "extra_forbidden"
            and model is not None
            and loc
            and isinstance(loc[-1], str)
        ):
            allowed = allowed_keys(model, [p for p in loc[len(base) : -1]])
            hint = did_you_mean(loc[-1], allowed)
            listed = f"{hint} allowed here" if hint else "; allowed here"
            message = f"unknown field{listed}: {', '.join(allowed)}" if allowed else message
        problems.append(problem_at(doc, loc, message))
    return problems


def _is_union_tag(part: Any) -> bool:
    return isinstance(part, str) and ("[" in part or part in _UNION_TAGS)


_UNION_TAGS = {"str", "int", "float", "bool", "list", "dict", "date", "list[str]", "tuple"}


def parse(doc: Document, model: type[M], data: Any = None, base: Sequence[str | int] = ()) -> M:
    """Validate ``doc.data`` (or ``data``, found at ``base`` in the document) as ``model``."""
    payload = doc.data if data is None else data
    if payload is None:
        raise InputError(problem_at(doc, base, f"empty document, expected a {model.__name__}"))
    try:
        return model.model_validate(payload)
    except ValidationError as exc:
        raise InputError(validation_problems(doc, exc, base, model)) from None


def dump(data: Any) -> str:
    """Dump plain data as block-style YAML, keys in the given order (deterministic)."""

    return yaml.safe_dump(
        data, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False
    )
