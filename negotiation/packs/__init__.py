"""Dispute packs: one folder per dispute, found by name.

A pack holds everything one dispute needs, as data: its model (regions, transitions, world
fields, rules in CEL), constitution profile, vocabulary additions, event log with actors and
article texts, scenarios, simulation policies and a README. ``pack.yaml`` says which file is
which::

    id: thailand-2013-2014
    title: Thailand 2013-14 - dissolution, boycotted election, annulment
    model: model.yaml          # the profile is the one the model names, unless `profile:` says
    events: events.yaml        # articles: the folder of the log, plus any in `articles:`
    scenarios: scenarios       # a folder
    policies: policies         # a folder of simulation policies (optional)

A pack is one folder: a path in pack.yaml that leaves it is an error, and so is a symbolic
link in it to anything outside it (a copied pack then read another's files, or any file of
the machine); another pack's model or profile is named ``pack:ID``.

Packs are found by name: the built-in ones (``negotiation/data/packs``), those other packages
register under the entry-point group ``negotiation.packs`` (a callable returning the pack's
folder, or the folder's path as a string), and any folder given by its path::

    >>> "kenya-2007-2008" in available_packs()
    True
    >>> load_pack("kenya-2007-2008").compile().spec.id
    'kenya-2008'
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from negotiation._internal import files, paths, yamldoc
from negotiation._internal.named import named_file
from negotiation._internal.suggest import unknown
from negotiation.errors import InputError, Problem

__all__ = [
    "ENTRY_POINTS",
    "PACK_FILE",
    "PACK_REF",
    "Pack",
    "PackFile",
    "available_packs",
    "load_pack",
    "pack_file",
]

ENTRY_POINTS = "negotiation.packs"
#: a scenario or a sweep names another dispute's model or profile by its pack: ``pack:ID`` (a
#: path out of its own pack, ``../../other/profile.yaml``, broke when the pack was copied)
PACK_REF = "pack:"
PACK_FILE = "pack.yaml"


class PackFile(BaseModel):
    """Schema of ``pack.yaml``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9._-]*$")]
    title: str
    description: str = ""
    model: str = "model.yaml"
    profile: str | None = Field(default=None, description="default: the profile the model names")
    events: str = "events.yaml"
    articles: tuple[str, ...] = Field(
        default=(), description="more folders of article texts ('builtin:seeds': the seeds)"
    )
    scenarios: str = "scenarios"
    policies: str = "policies"
    sources: str = Field(default="", description="where the texts and facts come from")


@dataclass(frozen=True)
class Pack:
    """A dispute pack on disk."""

    meta: PackFile
    root: Path
    #: pack.yaml as read: a problem in a file it names is also reported where it names it
    doc: yamldoc.Document | None = field(default=None, compare=False, repr=False)

    @property
    def id(self) -> str:
        return self.meta.id

    def path(self, name: str) -> Path:
        if name.startswith("builtin:seeds"):
            return paths.seeds_dir()
        return self.root / name

    @property
    def model_path(self) -> Path:
        return self.path(self.meta.model)

    @property
    def profile_path(self) -> Path | None:
        return self.path(self.meta.profile) if self.meta.profile else None

    @property
    def events_path(self) -> Path:
        return self.path(self.meta.events)

    @property
    def scenarios_dir(self) -> Path:
        return self.path(self.meta.scenarios)

    @property
    def policies_dir(self) -> Path:
        return self.path(self.meta.policies)

    def named(self, key: str) -> AbstractContextManager[None]:
        """A block reading the file pack.yaml names at ``key`` ("model", "profile", "events"):
        its problems are also reported there (:func:`~negotiation._internal.named.named_file`)."""
        where = (key,) if self.doc is not None and (key,) in self.doc.positions else ()
        what = {"events": "event log"}.get(key, key)
        name = getattr(self.meta, key, None)
        return named_file(self.doc, where, what, named=self.path(name) if name else None)

    def check_model(self) -> None:
        """Read the model and profile files the pack names (cached, so cheap to read again),
        each problem also reported where pack.yaml names the file."""
        from negotiation.model.profile import load_profile
        from negotiation.model.spec import load_spec, profile_of

        with self.named("model"):
            spec = load_spec(self.model_path)
            if self.profile_path is None:
                profile_of(spec)
        if self.profile_path is not None:
            with self.named("profile"):
                load_profile(self.profile_path)

    def compile(self, interpretation: str | None = None, **kwargs: Any) -> Any:
        """The pack's compiled model (:func:`~negotiation.compile_model`)."""
        from negotiation.model.compiler import compile_model

        self.check_model()
        with self.named("model"):
            return compile_model(self.model_path, self.profile_path, interpretation, **kwargs)

    def event_log(self) -> Any:
        """The pack's event log, checked against its articles and actors."""
        from negotiation.events.log import load_event_log

        with self.named("events"):
            return load_event_log(self.events_path)  # with the articles pack.yaml lists

    def scenario_files(self) -> list[Path]:
        folder = self.scenarios_dir
        return sorted(folder.glob("*.yaml")) if files.is_dir(folder) else []

    def summary(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.meta.title,
            "root": str(self.root),
            "model": str(self.model_path),
            "events": str(self.events_path),
            "scenarios": len(self.scenario_files()),
        }


def _links_out(root: Path) -> dict[str, str]:
    """Each symbolic link in the pack's folder (at any depth, but in no hidden folder) that
    leads outside it, by its path, with the real path it leads to."""
    top = os.path.realpath(root)
    found = {}
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
        for name in sorted([*dirs, *names]):
            link = os.path.join(folder, name)
            target = os.path.realpath(link) if os.path.islink(link) else top
            if os.path.commonpath([top, target]) != top:
                found[os.path.normpath(link)] = target
    return found


def _link_problems(root: Path, links: dict[str, str], doc: yamldoc.Document | None) -> None:
    """An :class:`InputError` for the links out of the pack: located where pack.yaml names
    one, else at the link."""
    named: dict[str, tuple[str | int, ...]] = {}
    data = doc.data if doc is not None and isinstance(doc.data, dict) else {}
    for key in ("model", "profile", "events", "scenarios", "policies", "articles"):
        values = data.get(key)
        for i, name in enumerate(values if isinstance(values, list) else [values]):
            if isinstance(name, str):
                where = (key, i) if isinstance(values, list) else (key,)
                named.setdefault(os.path.normpath(root / name), where)
    problems = []
    for link, target in links.items():
        if doc is not None and link in named:
            name = os.path.relpath(link, root)
            message = f"{name!r} is a symbolic link to {target}, outside the pack, expected a "
            problems.append(doc.problem(named[link], message + "file inside it"))
        else:
            message = f"a symbolic link to {target}, outside the pack {os.path.realpath(root)}"
            problems.append(Problem(file=link, message=message + ": expected a file inside it"))
    raise InputError(problems)


def _read(root: Path) -> Pack:
    links = _links_out(root)  # refused before reading any of them
    if os.path.normpath(root / PACK_FILE) in links:
        _link_problems(root, links, None)
    doc = yamldoc.load(root / PACK_FILE)
    if links:
        _link_problems(root, links, doc)
    pack = Pack(yamldoc.parse(doc, PackFile), root, doc)
    problems = []
    for key in ("model", "profile", "events", "scenarios", "policies"):
        name = getattr(pack.meta, key)
        if name is not None and _outside(name):  # a pack is one folder: it names its own files
            problems.append(
                doc.problem((key,), f"{name!r} lies outside the pack, expected a path inside it")
            )
    problems += _article_folders(pack, doc)
    if problems:
        raise InputError(problems)
    for key in ("model", "profile", "events"):
        name = getattr(pack.meta, key)
        if name is None:
            continue
        what = _not_a_file(pack.path(name))
        if what is not None:  # located in pack.yaml, which named it
            problems.append(doc.problem((key,), f"{name!r} is {what}, expected a file"))
    for key in ("scenarios", "policies"):
        name = getattr(pack.meta, key)
        folder = pack.path(name)
        what = _not_a_file(folder)
        if what is None and os.path.lexists(folder) and not files.is_dir(folder):
            what = "a file"
        if what is not None and what != "a directory":
            problems.append(doc.problem((key,), f"{name!r} is {what}, expected a folder"))
        given = key == "scenarios" and isinstance(doc.data, dict) and key in doc.data
        if given and not os.path.lexists(folder):  # was taken: a pack with no scenarios
            problems.append(doc.problem((key,), f"no folder {name!r} in the pack"))
    if problems:
        raise InputError(problems)
    return pack


def _article_folders(pack: Pack, doc: yamldoc.Document) -> list[Problem]:
    """The folders of texts ``articles`` lists: ``builtin:seeds`` or a folder in the pack (a
    misspelt one was read as a missing folder inside the pack, and every quote of the log
    from it was an unknown article, reported where pack.yaml names the event log)."""
    problems = []
    for i, name in enumerate(pack.meta.articles):
        where = ("articles", i)
        if name.startswith("builtin:"):
            if not name.startswith("builtin:seeds"):
                message = unknown("built-in folder", name, ["builtin:seeds"])
                problems.append(doc.problem(where, message))
        elif _outside(name):
            message = f"{name!r} lies outside the pack, expected a folder inside it"
            problems.append(doc.problem(where, message))
        elif not files.is_dir(pack.path(name)):
            what = _not_a_file(pack.path(name)) or (
                "a file" if os.path.lexists(pack.path(name)) else None
            )
            said = f"is {what}" if what else "is no folder in the pack"
            problems.append(doc.problem(where, f"{name!r} {said}, expected a folder of texts"))
    return problems


def _outside(name: str) -> bool:
    """Whether a path a pack.yaml gives leaves the pack's folder (absolute, or up with ``..``)."""
    if name.startswith("builtin:"):
        return False
    parts = Path(os.path.normpath(name)).parts
    return Path(name).is_absolute() or (bool(parts) and parts[0] == "..")


def _not_a_file(path: Path) -> str | None:
    """What ``path`` is when it exists and is no regular file (a device, a FIFO, a folder, a
    symlink loop); ``None`` otherwise (a missing file is reported by whoever reads it)."""
    import stat

    from negotiation._internal.files import kind_of

    try:
        mode = os.stat(path).st_mode
    except OSError:
        return "a symlink loop or a broken link" if os.path.lexists(path) else None
    except ValueError:  # a NUL in the name
        return "not a file name (a NUL character)"
    return None if stat.S_ISREG(mode) else kind_of(mode)


def _builtin_roots() -> list[Path]:
    base = paths.data_dir() / "packs"
    return (
        sorted(p for p in base.iterdir() if files.is_file(p / PACK_FILE))
        if files.is_dir(base)
        else []
    )


def _registered_roots() -> list[Path]:
    roots = []
    for ep in sorted(metadata.entry_points(group=ENTRY_POINTS), key=lambda e: e.name):
        try:
            found: Any = ep.load()
            root = Path(found() if isinstance(found, Callable) else found)  # type: ignore[arg-type]
        except Exception as exc:  # a broken third-party pack must not break the others
            raise InputError(
                Problem(file=f"entry point {ep.name}", message=f"cannot load pack: {exc}")
            ) from None
        roots.append(root)
    return roots


@functools.cache
def available_packs() -> dict[str, Pack]:
    """Every pack found by name: built-in, then registered by other packages."""
    out: dict[str, Pack] = {}
    for root in [*_builtin_roots(), *_registered_roots()]:
        pack = _read(root)
        if pack.id in out:
            raise InputError(
                Problem(
                    file=str(root / PACK_FILE),
                    message=f"pack id {pack.id!r} is already used by {out[pack.id].root}",
                )
            )
        out[pack.id] = pack
    return out


def load_pack(ref: str | Path) -> Pack:
    """A pack by id, or the pack in a folder (or the folder of a ``pack.yaml``)."""
    path = Path(ref)
    if path.name == PACK_FILE and files.is_file(path):
        return _read(path.parent)
    if files.is_file(path / PACK_FILE):
        return _read(path)
    packs = available_packs()
    if str(ref) in packs:
        return packs[str(ref)]
    if files.is_dir(path):  # was "unknown pack" for the folder, the file it lacks unsaid
        what = (
            files.kind_of(os.stat(path / PACK_FILE).st_mode)
            if os.path.exists(path / PACK_FILE)
            else None
        )
        found = f"its {PACK_FILE} is {what}" if what else f"it has no {PACK_FILE}"
        raise InputError(Problem(file=str(ref), message=f"not a pack folder: {found}"))
    raise InputError(
        Problem(file=str(ref), message=unknown("pack", str(ref), packs) + " (or a pack folder)")
    )


def pack_file(ref: str, what: str, base: Path | None = None) -> str:
    """The ``model`` or ``profile`` file of the pack ``ref`` names (``pack:ID``, or
    ``pack:FOLDER``: a path with a ``/`` or a leading ``.``, relative to ``base``, the folder
    of the file that names it): its own profile, else the one its model names. An
    :class:`InputError` without a place when there is no such pack (the caller locates it
    where ``ref`` is written)."""
    name = ref.removeprefix(PACK_REF)
    looks_like_path = "/" in name or name.startswith(".")  # an id has neither
    if base is not None and looks_like_path and not Path(name).is_absolute():
        name = str(base / name)
    if looks_like_path and not files.is_dir(Path(name)) and Path(name).name != PACK_FILE:
        raise InputError(f"{ref}: no pack folder {name}")
    try:
        pack = load_pack(name)
    except InputError as exc:
        raise InputError(f"{ref}: {'; '.join(p.message for p in exc.problems)}") from None
    if what == "model":
        return str(pack.model_path)
    from negotiation.model.spec import load_spec

    return str(pack.profile_path or load_spec(pack.model_path).profile)
