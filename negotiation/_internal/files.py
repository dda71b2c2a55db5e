"""Reading input files safely: regular files only, within the size limit, as UTF-8 text.

A FIFO, a device (``/dev/zero``), a directory or a symlink loop is refused with a message before
anything is read; a file over the size limit (:mod:`negotiation._internal.limits`) is refused
before it is read whole; bytes that are not UTF-8 are located by line and column. A JSON input
(:func:`read_json`) has the YAML documents' limits and rules: nested no deeper than the depth
limit, no key twice in one object, no number too long to convert, no ``NaN`` or ``Infinity``.
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar, cast

from negotiation._internal import limits
from negotiation.errors import InputError, Problem

__all__ = [
    "CONTROL",
    "built_once",
    "exists",
    "is_dir",
    "is_file",
    "json_value",
    "kind_of",
    "read_bytes",
    "read_json",
    "read_text",
    "refuse_byte_order_mark",
    "stamp",
    "track_reads",
    "was_read",
]

#: the files read while :func:`track_reads` is on (device, inode): an output refuses to replace
#: one of them (``export events.yaml --out events.yaml`` replaced the log it exported)
_READ: set[tuple[int, int]] | None = None
#: while :func:`track_reads` is on, what :func:`built_once` built from each file's content
_BUILT: dict[tuple[object, ...], object] | None = None

T = TypeVar("T")


@contextmanager
def track_reads() -> Iterator[None]:
    """Remember every file read inside this block (a command: the group turns it on), and what
    was built from it (:func:`built_once`): a command reads each file once (and
    :func:`negotiation._internal.yamldoc.load` parses a text once, by its content)."""
    global _READ, _BUILT
    before, _READ = _READ, set()
    built, _BUILT = _BUILT, {}
    try:
        yield
    finally:
        _READ, _BUILT = before, built


def stamp(*paths: Path | str) -> tuple[tuple[int, int] | None, ...]:
    """The modification time and size of each file (``None``: none there), for a cache key: a
    file changed since it was cached (in a long-lived process) is read again."""
    out: list[tuple[int, int] | None] = []
    for p in paths:
        try:
            info = os.stat(p)
            out.append((info.st_mtime_ns, info.st_size))
        except (OSError, ValueError):
            out.append(None)
    return tuple(out)


def built_once(path: Path | str, what: str, build: Callable[[], T]) -> T:
    """``build()`` (``what`` it builds from the file at ``path``: "text", "yaml"), once per
    file content inside :func:`track_reads`: the same file (by device and inode, whatever its
    name) unchanged (modification time and size) gives the same value. A value must not be
    changed by its users. Outside :func:`track_reads`, or for a path that is no regular file
    (``build`` reports why), ``build()`` every time; a failure is never remembered."""
    if _BUILT is None:
        return build()
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return build()
    if not stat.S_ISREG(info.st_mode):
        return build()
    key = (what, info.st_dev, info.st_ino, info.st_mtime_ns, info.st_size)
    if key in _BUILT:
        return cast(T, _BUILT[key])
    value = build()
    _BUILT[key] = value
    return value


def was_read(path: Path | str) -> bool:
    """Whether ``path`` is a file read inside :func:`track_reads` (the same file, by whatever
    name or link)."""
    if _READ is None:
        return False
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return False
    return (info.st_dev, info.st_ino) in _READ


#: control characters no input text may hold (terminal escapes, bells ...): every C0 character
#: but tab, newline, carriage return and form feed, DEL, and the C1 range
CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _mode(path: Path | str) -> int | None:
    try:
        return os.stat(path).st_mode
    except (OSError, ValueError):
        return None


def is_file(path: Path | str) -> bool:
    """Whether ``path`` is a regular file (or a link to one). Unlike :meth:`Path.is_file`, a
    name the system refuses (too long, a NUL in it, no permission) is ``False``, never an
    ``OSError``: the file is then reported where it is read, located where it is named."""
    mode = _mode(path)
    return mode is not None and stat.S_ISREG(mode)


def is_dir(path: Path | str) -> bool:
    """Whether ``path`` is a folder (as :func:`is_file`: never an ``OSError``)."""
    mode = _mode(path)
    return mode is not None and stat.S_ISDIR(mode)


def exists(path: Path | str) -> bool:
    """Whether ``path`` exists (as :func:`is_file`: never an ``OSError``)."""
    return _mode(path) is not None


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words."""
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _oserror(p: Path, exc: OSError) -> InputError:
    if exc.errno == errno.ENOENT:
        return InputError(Problem(file=str(p), message="file not found"))
    if exc.errno == errno.ELOOP:
        return InputError(Problem(file=str(p), message="symlink loop, expected a file"))
    if exc.errno == errno.EISDIR:
        return InputError(Problem(file=str(p), message="is a directory, expected a file"))
    if exc.errno == errno.ENOTDIR:
        return InputError(Problem(file=str(p), message="a parent of this path is not a directory"))
    return InputError(Problem(file=str(p), message=f"cannot read: {exc.strerror or exc}"))


def read_bytes(path: Path | str) -> bytes:
    """A regular file's bytes, refused before reading when it is too big or not a regular file."""
    p = Path(path)
    limit = limits.current().file_bytes
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise _oserror(p, exc) from None
    except ValueError:  # a NUL in the name
        raise InputError(
            Problem(file=repr(str(p)), message="a NUL character in the file name")
        ) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            what = kind_of(info.st_mode)
            raise InputError(Problem(file=str(p), message=f"is {what}, expected a regular file"))
        if info.st_size > limit:
            raise InputError(Problem(file=str(p), message=_too_big(info.st_size)))
        if _READ is not None:
            _READ.add((info.st_dev, info.st_ino))
        chunks: list[bytes] = []
        size = 0
        while True:  # read at most limit + 1 bytes: a file may grow, or lie about its size
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise InputError(Problem(file=str(p), message=_too_big(size, at_least=True)))
        return b"".join(chunks)
    except OSError as exc:
        raise _oserror(p, exc) from None
    finally:
        os.close(fd)


def _too_big(size: int, at_least: bool = False) -> str:
    lim = limits.current()
    more = "at least " if at_least else ""
    return (
        f"file is {more}{size / 1e6:.1f} MB, over the limit of {lim.file_mb:g} MB "
        f"({limits.raise_hint('file_mb')})"
    )


#: byte-order marks, UTF-32 first (its LE mark starts UTF-16's), UTF-8's last
_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
    (b"\xef\xbb\xbf", "UTF-8"),
)


def refuse_byte_order_mark(path: Path | str, start: bytes | str, *, utf8: bool = False) -> None:
    """An :class:`InputError` at ``path``:1:1 when ``start`` (a file's first bytes, or its
    text) begins with a byte-order mark: one of another encoding (UTF-16, UTF-32) always, and
    UTF-8's when ``utf8`` (a text whose offsets are counted, where the mark would count)."""
    head = start.encode("utf-8", "surrogatepass")[:4] if isinstance(start, str) else start[:4]
    for bom, encoding in _BOMS:
        if not head.startswith(bom):
            continue
        if encoding != "UTF-8":
            message = (
                f"{encoding} text (it starts with that byte-order mark), expected "
                f"UTF-8: convert it, e.g. `iconv -f {encoding} -t UTF-8`"
            )
        elif utf8:
            message = (
                "starts with a byte-order mark (U+FEFF): expected UTF-8 without one "
                "(offsets of quotes would count it)"
            )
        else:
            return
        raise InputError(Problem(file=str(path), line=1, column=1, message=message))


def read_text(path: Path | str) -> str:
    """A file's text, exactly (UTF-8, newlines untouched, so offsets match the bytes decoded);
    a missing, unreadable, special, too big or non-UTF-8 file becomes an :class:`InputError`.
    A command reads a file once (:func:`built_once`)."""
    return built_once(path, "text", lambda: _read_text(path))


def _read_text(path: Path | str) -> str:
    data = read_bytes(path)
    refuse_byte_order_mark(path, data)
    if b"\0" in data:
        at = data.index(b"\0")
        raise InputError(
            Problem(
                file=str(path),
                message="binary data (a NUL byte), expected UTF-8 text",
                line=data.count(b"\n", 0, at) + 1,
                column=at - data.rfind(b"\n", 0, at),
            )
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(
            Problem(
                file=str(path),
                line=line,
                column=column,
                message=f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})"
                + _legacy_hint(data, exc.start),
            )
        ) from None
    if (bad := CONTROL.search(text)) is not None:
        at = bad.start()
        raise InputError(
            Problem(
                file=str(path),
                line=text.count("\n", 0, at) + 1,
                column=at - text.rfind("\n", 0, at),
                message=f"control character U+{ord(bad.group()):04X}, expected plain text",
            )
        )
    return text


def _legacy_hint(data: bytes, at: int) -> str:
    """How to convert a text in the legacy Windows encoding (a ’ saved as 0x92, é as 0xe9),
    when the whole file reads as one: the byte at ``at`` shown as it would read."""
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return ""
    shown = data[at : at + 1].decode("cp1252")
    return (
        f": it reads as Windows-1252 ({shown!r} there); convert it, e.g. "
        "`iconv -f WINDOWS-1252 -t UTF-8`"
    )


#: the tokens of JSON text that :func:`read_json` checks before parsing: strings (skipped whole,
#: so brackets inside them do not count), brackets, colons, digit runs and bare words
_JSON_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]:]|[0-9]+|[A-Za-z]+')


def _at(path: Path | str, text: str, at: int, message: str) -> InputError:
    line = text.count("\n", 0, at) + 1
    return InputError(
        Problem(file=str(path), line=line, column=at - text.rfind("\n", 0, at), message=message)
    )


def _check_json(path: Path | str, text: str) -> None:
    """Refuse, located, what :func:`json.loads` would recurse into or take silently: nesting
    past the depth limit, a key twice in one object, a number too long to convert to an int,
    ``NaN`` and ``Infinity``. Malformed JSON is left to the parser, which locates it."""
    depth = limits.current().depth
    digits = sys.get_int_max_str_digits() or 4300
    stack: list[dict[str, int] | None] = []  # per open bracket: an object's keys, or None
    last: re.Match[str] | None = None
    for m in _JSON_TOKENS.finditer(text):
        token = m.group()
        if token in "{[":
            if len(stack) >= depth:
                raise _at(
                    path,
                    text,
                    m.start(),
                    f"nested more than {depth} levels deep ({limits.raise_hint('depth')})",
                )
            stack.append({} if token == "{" else None)
        elif token in "}]":
            if stack:
                stack.pop()
        elif token == ":":
            keys = stack[-1] if stack else None
            if keys is not None and last is not None and last.group().startswith('"'):
                try:
                    key = json.loads(last.group())
                except ValueError:
                    key = last.group()
                if key in keys:
                    first = keys[key]
                    raise _at(
                        path,
                        text,
                        last.start(),
                        f"duplicate key {key!r} (first at line {text.count(chr(10), 0, first) + 1})",
                    )
                keys[key] = last.start()
        elif token[0].isdigit() and len(token) > digits:
            raise _at(path, text, m.start(), f"a number of {len(token)} digits, expected a number")
        elif token in ("NaN", "Infinity"):
            raise _at(path, text, m.start(), f"{token} is not JSON, expected a finite number")
        last = m


#: escaped UTF-16 surrogates: a high one (group 1) with the low one after it (group 2), or a low
#: one alone
_SURROGATES = re.compile(
    r"(\\u[dD][89abAB][0-9a-fA-F]{2})(\\u[dD][c-fC-F][0-9a-fA-F]{2})?|\\u[dD][c-fC-F][0-9a-fA-F]{2}"
)


def read_json(path: Path | str) -> object:
    """A JSON file's value, read as :func:`read_text` reads text; a file that is not JSON, or
    that breaks a limit (:func:`_check_json`), is an :class:`InputError` at its line."""
    return json_value(path, read_text(path))


def json_value(path: Path | str, text: str) -> object:
    """The value of the JSON ``text`` read from ``path``, checked as :func:`read_json` says."""
    _check_json(path, text)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            Problem(
                file=str(path), line=exc.lineno, column=exc.colno, message=f"not JSON: {exc.msg}"
            )
        ) from None
    except (RecursionError, ValueError) as exc:  # what the checks above should have caught
        raise InputError(Problem(file=str(path), message=f"not JSON we can read: {exc}")) from None
    try:  # an escaped half of a UTF-16 pair ("\\ud800") is no text: no UTF-8 holds it
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        lone = (m for m in _SURROGATES.finditer(text) if m.group(1) is None or m.group(2) is None)
        at = next(lone, None)
        message = "half a UTF-16 pair (a lone surrogate), expected text"
        raise _at(path, text, at.start() if at else 0, message) from None
    return data
