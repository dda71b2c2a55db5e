"""Output files are written whole or not at all, and only where a regular file may go.

:func:`check_output` is called before any work: an output path that is a directory, whose parent
is missing or is a file, that is not writable, or that names a symlink, a FIFO or a device is an
:class:`~negotiation.errors.InputError` naming the path (so ``--junit /dev/null`` never replaces
the real ``/dev/null``). :func:`write_text` writes to a temporary file beside the target, flushes
it to disk, gives it the mode of the file it replaces, and renames it over the target: a killed
run leaves the previous good output (and a terminated one, SIGTERM, no temporary file either:
:func:`remove_pending`); a write the system refuses half-way (a full disk) is an
:class:`~negotiation.errors.InputError` naming the target, which keeps its old contents.
:func:`replace_dir` does the same for a whole folder (write a
sibling, then swap), so files from an earlier run never survive beside the new ones.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> write_text(d / "out.json", "{}")
>>> (d / "out.json").read_text()
'{}'
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path

from negotiation._internal.files import kind_of, was_read
from negotiation.errors import InputError, Problem

__all__ = [
    "MARKER",
    "check_not_input",
    "check_output",
    "check_output_dir",
    "remove_pending",
    "replace_dir",
    "write_bytes",
    "write_text",
]

#: the file that marks a folder as written by :func:`replace_dir` (and so replaceable)
MARKER = ".negotiation-output"

#: temporary files and folders being written now: :func:`remove_pending` deletes them when the
#: process is terminated (SIGTERM) half-way, so that no hidden partial output stays behind
#: (a forked worker inherits the set: it removes only its own process's, by process id)
_PENDING: dict[Path, int] = {}


def remove_pending() -> None:
    """Delete the temporary files and folders of writes still under way (the targets are
    untouched: a write replaces its target only when it is complete)."""
    for path, pid in list(_PENDING.items()):
        if pid != os.getpid():
            continue
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                path.unlink()
        _PENDING.pop(path, None)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fail(path: Path, message: str) -> InputError:
    return InputError(Problem(file=str(path), message=message))


def _check_parent(target: Path) -> None:
    parent = target.parent
    try:
        info = parent.stat()
    except FileNotFoundError:
        raise _fail(
            target, f"cannot write here: the folder {str(parent)!r} does not exist"
        ) from None
    except NotADirectoryError:
        raise _fail(target, "cannot write here: a parent of this path is a file") from None
    except OSError as exc:
        raise _fail(target, f"cannot write here: {exc.strerror or exc}") from None
    if not stat.S_ISDIR(info.st_mode):
        raise _fail(target, "cannot write here: the parent of this path is a file")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise _fail(target, f"cannot write here: the folder {str(parent)!r} is not writable")


def check_output(path: Path | str) -> Path:
    """Refuse, before any work, an output file path that cannot be written as a regular file."""
    target = Path(path)
    if not target.name or target.name in (".", ".."):
        raise _fail(target, "is a directory, expected a file name")
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        info = None
    except NotADirectoryError:
        raise _fail(target, "cannot write here: a parent of this path is a file") from None
    except OSError as exc:
        raise _fail(target, f"cannot write here: {exc.strerror or exc}") from None
    if info is not None:
        if stat.S_ISLNK(info.st_mode):
            raise _fail(target, "is a symlink: output is written only to regular files")
        if not stat.S_ISREG(info.st_mode):
            raise _fail(target, f"is {kind_of(info.st_mode)}: output is written only to files")
        if not os.access(target, os.W_OK):
            raise _fail(target, "is not writable")
    _check_parent(target)
    return target


def check_output_dir(path: Path | str) -> Path:
    """Refuse, before any work, an output folder that cannot be replaced as a whole: it must be
    new, empty, or written by :func:`replace_dir` before (it holds :data:`MARKER`)."""
    target = Path(path)
    if target.name in ("", ".", ".."):
        target = Path(os.path.abspath(target))
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        info = None
    except NotADirectoryError:
        raise _fail(target, "cannot write here: a parent of this path is a file") from None
    except OSError as exc:
        raise _fail(target, f"cannot write here: {exc.strerror or exc}") from None
    if info is not None:
        if stat.S_ISLNK(info.st_mode):
            raise _fail(target, "is a symlink: output goes only to a real folder")
        if not stat.S_ISDIR(info.st_mode):
            raise _fail(target, f"is {kind_of(info.st_mode)}, expected a folder")
        try:
            names = set(os.listdir(target))
        except OSError as exc:
            raise _fail(target, f"cannot read this folder: {exc.strerror or exc}") from None
        if names and MARKER not in names:
            raise _fail(
                target,
                "the folder has files this command did not write; name a new or empty folder "
                "(its whole contents are replaced on every run)",
            )
    _check_parent(target)
    return target


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):  # not every file system lets a folder be synced
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _write_new(path: Path, data: str | bytes, mode: int) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    if isinstance(data, str):
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    else:
        with os.fdopen(fd, "wb") as fb:
            fb.write(data)
            fb.flush()
            os.fsync(fb.fileno())
    os.chmod(path, mode)


def _cannot_write(target: Path, exc: OSError, kept: bool) -> InputError:
    """A write the system refused half-way (disk full, quota, I/O error), named at the target."""
    why = exc.strerror or type(exc).__name__
    after = "; the previous file is kept" if kept else "; nothing was written"
    return _fail(target, f"cannot write: {why}{after}")


def check_not_input(path: Path | str) -> Path:
    """Refuse an output path that is a file this command read (by whatever name or link):
    writing would replace what was read. Called on writing, and by a command as soon as its
    inputs are read, before the work on them."""
    target = check_output(path)
    if was_read(target):
        raise _fail(
            target,
            "is an input of this command: write the output to another file (it would replace "
            "what was read)",
        )
    return target


def _write(path: Path | str, data: str | bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it over ``path``."""
    target = check_not_input(path)
    try:
        mode: int | None = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = None
    tmp: Path | None = None
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(fd)
        tmp = Path(name)
        _PENDING[tmp] = os.getpid()
        os.unlink(tmp)
        _write_new(tmp, data, 0o666 & ~_umask() if mode is None else mode)
        os.replace(tmp, target)
    except OSError as exc:
        raise _cannot_write(target, exc, kept=mode is not None) from None
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
            _PENDING.pop(tmp, None)
    _fsync_dir(target.parent)


def write_bytes(path: Path | str, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, keeping its mode (as :func:`write_text`)."""
    _write(path, data)


def write_text(path: Path | str, text: str) -> None:
    """Write ``text`` (UTF-8, ``\\n`` newlines) to ``path`` atomically, keeping its mode."""
    _write(path, text)


def replace_dir(path: Path | str, files: Mapping[str, str]) -> list[Path]:
    """Replace the folder ``path`` by one holding exactly ``files`` (name -> text) and
    :data:`MARKER`: written in full as a hidden sibling, then swapped in. Returns the paths."""
    target = check_output_dir(path)
    mode = 0o666 & ~_umask()
    new: Path | None = None
    old: Path | None = None
    try:
        new = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".new", dir=target.parent))
        _PENDING[new] = os.getpid()
        for name, text in files.items():
            _write_new(new / name, text, mode)
        _write_new(new / MARKER, "written by negotiation; replaced whole on every run\n", mode)
        os.chmod(new, 0o777 & ~_umask())
        _fsync_dir(new)
        if target.exists():
            old = Path(
                tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent)
            )
            os.rename(target, old / "d")
        os.rename(new, target)
    except BaseException as exc:
        if old is not None and (old / "d").exists() and not target.exists():
            os.rename(old / "d", target)  # put the previous good output back
        if new is not None:
            shutil.rmtree(new, ignore_errors=True)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        if isinstance(exc, OSError):
            raise _cannot_write(target, exc, kept=target.exists()) from None
        raise
    finally:
        if new is not None:
            _PENDING.pop(new, None)
    _fsync_dir(target.parent)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return [target / name for name in files]
