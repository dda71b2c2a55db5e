"""YAML documents that remember where each value came from.

:func:`load` parses a YAML file with PyYAML and keeps, for every path inside the document, the
line and column it was written at. :func:`parse` validates the data against a pydantic model and
turns any validation error into an :class:`~negotiation.errors.InputError` whose problems point
at ``file:line:col`` with the path inside the document and what was expected::

    doc = load(Path("scenarios/what_if.yaml"))
    scenario = parse(doc, Scenario)
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar, cast

import yaml
from pydantic import BaseModel, ValidationError

from negotiation._internal import dockinds, files, limits, parsed
from negotiation._internal.strict import message, number_problem, validate
from negotiation._internal.suggest import allowed_keys, did_you_mean
from negotiation.errors import InputError, Problem, format_path

__all__ = [
    "Document",
    "describe",
    "dump",
    "load",
    "load_text",
    "parse",
    "problem_at",
    "read_text",
    "unique_ids",
    "validate",
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


_BASE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BASE_LOADER):  # type: ignore[valid-type,misc]
    """Safe loader (libyaml's when available) that keeps dates as ISO strings: pydantic parses
    them with our rules."""


# Keep timestamps as plain strings so that "2013-7-28" and "2013-07-28" are treated alike.
_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_TAG = "tag:yaml.org,2002:"
#: the tag each short plain scalar resolves to (implicit resolvers read the text alone, no
#: path resolvers; ``loader.resolve`` is pure Python and values recur)
_PLAIN_TAGS: dict[str, str] = {}
_SCALAR_TAGS = {f"{_TAG}{t}" for t in ("str", "int", "float", "bool", "null")}
_MAP_TAGS = {None, "!", f"{_TAG}map"}
_SEQ_TAGS = {None, "!", f"{_TAG}seq"}


class _Stop(Exception):
    """A located problem while building the document."""

    def __init__(self, mark: Any, message: str):
        super().__init__(message)
        self.mark = mark
        self.message = message


@dataclass
class _Frame:
    """An open mapping or sequence while the events are read."""

    value: dict[Any, Any] | list[Any]
    path: Path_
    anchor: str | None
    size: int = 1
    key: Any = None  # a mapping's pending key (its raw text for paths)
    key_raw: str | None = None
    key_marks: dict[Any, Any] = field(default_factory=dict)


def _scalar(loader: yaml.SafeLoader, event: yaml.ScalarEvent, lim: limits.Limits) -> Any:
    value = event.value
    if len(value) > lim.string:
        raise _Stop(
            event.start_mark,
            f"a string of {len(value)} characters, over the limit of {lim.string} "
            f"({limits.raise_hint('string')})",
        )
    if (bad := files.CONTROL.search(value)) is not None:  # an escape sequence for a terminal
        raise _Stop(
            event.start_mark,
            f"control character U+{ord(bad.group()):04X} in a string (not allowed: it would "
            "reach terminals as is)",
        )
    tag = event.tag
    if tag is None or tag == "!":
        if tag == "!" or not event.implicit[0]:
            return value  # quoted, or '!': a string
        tag = _PLAIN_TAGS.get(value)
        if tag is None:
            tag = loader.resolve(yaml.ScalarNode, value, event.implicit)  # type: ignore[no-untyped-call]
            if len(value) <= 64 and len(_PLAIN_TAGS) < 100_000:  # short values recur
                _PLAIN_TAGS[value] = tag
    if tag not in _SCALAR_TAGS and tag != f"{_TAG}merge":
        raise _Stop(event.start_mark, f"tag {tag!r} is not allowed (plain data only)")
    if tag == f"{_TAG}str":
        return value
    if tag == f"{_TAG}merge":
        raise _Stop(event.start_mark, "merge keys ('<<') are not supported: write the keys out")
    node = yaml.ScalarNode(tag, value)
    try:
        out = loader.construct_object(node)
    except (ValueError, yaml.YAMLError, OverflowError):
        raise _Stop(event.start_mark, f"not a valid {tag.removeprefix(_TAG)}") from None
    if (why := number_problem(value, out)) is not None:  # NaN; 99_0 (YAML 1.1 for 990)
        raise _Stop(event.start_mark, why)
    return out


class _Builder:
    """Data and positions from the parser's events, without recursion: the depth, the size
    (aliases counted at their full size), strings, tags and duplicate keys are checked as the
    events come."""

    def __init__(self, loader: yaml.SafeLoader, lim: limits.Limits):
        self.loader = loader
        self.lim = lim
        self.positions: dict[Path_, tuple[int, int]] = {}
        self.anchors: dict[str, tuple[Any, int]] = {}  # closed anchors -> (value, size)
        self.open_anchors: set[str] = set()
        self.stack: list[_Frame] = []
        self.root: Any = None
        self.total = 0

    def run(self) -> Any:
        documents = 0
        get_event, value, close = self.loader.get_event, self.value, self.close
        while True:
            event = get_event()  # type: ignore[no-untyped-call]
            cls = event.__class__
            if cls is yaml.ScalarEvent or cls is yaml.MappingStartEvent:  # the usual events
                value(event)
            elif cls is yaml.MappingEndEvent or cls is yaml.SequenceEndEvent:
                close()
            elif event is None or isinstance(event, yaml.StreamEndEvent):
                return self.root
            elif isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise _Stop(event.start_mark, "more than one document in the file")
            elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                close()
            elif not isinstance(event, yaml.StreamStartEvent | yaml.DocumentEndEvent):
                value(event)

    def close(self) -> None:
        done = self.stack.pop()
        if done.anchor is not None:
            self.anchors[done.anchor] = (done.value, done.size)
            self.open_anchors.discard(done.anchor)
        if self.stack:
            self.stack[-1].size += done.size

    def path_of_next(self, parent: _Frame | None, mark: Any) -> Path_:
        if parent is None:
            path: Path_ = ()
        elif isinstance(parent.value, dict):
            path = (*parent.path, cast(str, parent.key_raw))
            self.positions[path] = parent.key_marks.pop("pos")
            return path
        else:
            path = (*parent.path, len(parent.value))
        self.positions.setdefault(path, (mark.line + 1, mark.column + 1))
        return path

    def value(self, event: yaml.Event) -> None:
        """A scalar, an alias, or the start of a mapping or sequence."""
        mark = event.start_mark
        parent = self.stack[-1] if self.stack else None
        if parent is not None and isinstance(parent.value, dict) and parent.key is None:
            parent.key, parent.key_raw = _key(self.loader, event, self.lim, parent)
            return
        path = self.path_of_next(parent, mark)
        size = 1
        container = False
        if isinstance(event, yaml.ScalarEvent):
            value = _scalar(self.loader, event, self.lim)
            if event.anchor is not None:
                self.anchors[event.anchor] = (value, 1)
        elif isinstance(event, yaml.AliasEvent):
            value, size = self.alias(event)
        elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            container = True
            value = self.open(event)
        else:  # pragma: no cover - no other event carries a value
            raise _Stop(mark, f"unexpected {type(event).__name__}")
        self.total += size
        if self.total > self.lim.nodes:
            raise _Stop(
                mark,
                f"more than {self.lim.nodes} values (aliases counted in full; "
                f"{limits.raise_hint('nodes')})",
            )
        if parent is None:
            self.root = value
        elif isinstance(parent.value, dict):
            parent.value[parent.key] = value
            parent.key = parent.key_raw = None
        else:
            parent.value.append(value)
        if container:
            self.stack.append(_Frame(value, path, getattr(event, "anchor", None)))
        elif parent is not None:
            parent.size += size

    def alias(self, event: yaml.AliasEvent) -> tuple[Any, int]:
        name = event.anchor
        if name in self.open_anchors:
            raise _Stop(event.start_mark, f"alias *{name} refers to a value that contains it")
        if name not in self.anchors:
            raise _Stop(event.start_mark, f"alias *{name} names no anchor before it")
        return self.anchors[name]

    def open(self, event: yaml.Event) -> dict[Any, Any] | list[Any]:
        is_map = isinstance(event, yaml.MappingStartEvent)
        tag = getattr(event, "tag", None)
        if tag not in (_MAP_TAGS if is_map else _SEQ_TAGS):
            raise _Stop(event.start_mark, f"tag {tag!r} is not allowed (plain data only)")
        if len(self.stack) >= self.lim.depth:
            raise _Stop(
                event.start_mark,
                f"nested more than {self.lim.depth} levels deep ({limits.raise_hint('depth')})",
            )
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            self.anchors.pop(anchor, None)
            self.open_anchors.add(anchor)
        return {} if is_map else []


def _build(text: str, lim: limits.Limits) -> tuple[Any, dict[Path_, tuple[int, int]]]:
    loader = _Loader(text)
    try:
        builder = _Builder(loader, lim)
        return builder.run(), builder.positions
    finally:
        loader.dispose()


def _key(
    loader: yaml.SafeLoader, event: yaml.Event, lim: limits.Limits, parent: _Frame
) -> tuple[Any, str]:
    """A mapping key: a plain value, not already in the mapping."""
    mark = event.start_mark
    if not isinstance(event, yaml.ScalarEvent):
        raise _Stop(mark, "a key must be a plain value (not a list, a mapping or an alias)")
    key = _scalar(loader, event, lim)
    pos = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    assert isinstance(parent.value, dict)
    if key in parent.value:
        first = parent.key_marks[key]
        raise _Stop(
            mark,
            f"duplicate key {event.value!r} (first at line {first[0]}, column {first[1]})",
        )
    parent.key_marks[key] = pos
    parent.key_marks["pos"] = pos
    return key, event.value


def load_text(text: str, file: str = "<string>") -> Document:
    """Parse YAML text (JSON is read as the YAML it is); a syntax error, a limit reached, a
    duplicate key or a tag that is not plain data becomes an :class:`InputError` with its
    position, saying "invalid JSON" of a ``.json`` file."""
    syntax = "invalid JSON" if file.lower().endswith(".json") else "invalid YAML"
    try:
        data, positions = _build(text, limits.current())
    except _Stop as exc:
        raise InputError(
            Problem(
                file=file,
                line=exc.mark.line + 1,
                column=exc.mark.column + 1,
                message=exc.message,
            )
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        col = mark.column + 1 if mark else None
        what = exc.problem or exc.context or syntax
        raise InputError(
            Problem(file=file, line=line, column=col, message=f"{syntax}: {what}")
        ) from None
    except yaml.reader.ReaderError as exc:
        line, col = _line_col(text, exc.position)
        raise InputError(
            Problem(
                file=file,
                line=line,
                column=col,
                message=f"{syntax}: control character #x{exc.character:04x} is not allowed"
                if isinstance(exc.character, int)
                else f"{syntax}: {exc.reason}",
            )
        ) from None
    except yaml.YAMLError as exc:
        raise InputError(Problem(file=file, message=f"{syntax}: {exc}")) from None
    return Document(file=file, data=data, positions=positions)


def _line_col(text: str, index: int) -> tuple[int, int]:
    index = max(0, min(index, len(text)))
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def read_text(path: Path | str) -> str:
    """A file's text, exactly (UTF-8): see :func:`negotiation._internal.files.read_text`."""
    return files.read_text(path)


#: parsed files by (real path, text, limits); each load gets a copy of its own
_PARSED: parsed.TextCache[Document] = parsed.TextCache(max_chars=4_000_000)


def load(path: Path | str) -> Document:
    """Read and parse a YAML file. Missing, unreadable, special or too big files become an
    :class:`InputError`. A file is read every time and parsed again only when its text
    changed (:mod:`~negotiation._internal.parsed`): a command that loads a file by several
    names parses it once, and each load gets data of its own, named as ``path`` names it."""
    file, text, lim = str(path), read_text(path), limits.current()  # kept by limits too
    key = (os.path.realpath(file), text, lim)
    doc = _PARSED.through(key, lambda: load_text(text, file), parsed.copied)
    return doc if doc.file == file else replace(doc, file=file)


def describe(err: dict[str, Any]) -> str:
    """One pydantic error as ``path: what was expected (got value)``, for a value that is no
    document's (an event a variation changed)."""
    where = format_path([p for p in err.get("loc", ()) if not _is_union_tag(p)])
    return f"{where}: {_describe(err)}" if where else _describe(err)


def _describe(err: dict[str, Any]) -> str:
    kind, msg = err.get("type", ""), message(err)
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
        noun, keys = dockinds.kind_words(model)
        problem = problem_at(doc, base, f"empty document, expected {noun} (a mapping{keys[1:]})")
        if problem.line is None:
            problem = replace(problem, line=1, column=1)
        raise InputError(problem)
    if not isinstance(payload, dict):  # never quoted: it may be any file a setting named
        noun, keys = dockinds.kind_words(model)
        what = dockinds.value_words(payload)
        problem = problem_at(doc, base, f"expected a mapping of keys ({noun}{keys}), got {what}")
        raise InputError(replace(problem, whole=not base))
    try:
        return validate(model, payload)
    except ValidationError as exc:
        if not base and (wrong := _wrong_kind(doc, payload, model)) is not None:
            raise InputError(wrong) from None
        raise InputError(validation_problems(doc, exc, base, model)) from None


def _wrong_kind(doc: Document, payload: dict[Any, Any], model: type[BaseModel]) -> Problem | None:
    """One problem when the whole document is plainly a file of another kind."""
    fields = {f.alias or name for name, f in model.model_fields.items()}
    found = dockinds.sign_of(payload, model.__name__, fields)
    if found is None:
        return None
    key, kind = found
    expected = dockinds.SCHEMA_KINDS[model.__name__]
    a = dockinds.with_article
    message = f"this is {a(kind)} file (it has `{key}:` at the top), expected {a(expected)} file"
    if (kind, expected) == ("pack", "model"):  # `run --pack` with a scenario's `model: pack.yaml`
        message += " (a scenario names a pack with `pack:`, the pack's folder or id)"
    return replace(problem_at(doc, (key,), message), path="")


def dump(data: Any) -> str:
    """Dump plain data as block-style YAML, keys in the given order (deterministic)."""

    return yaml.safe_dump(
        data, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False
    )
