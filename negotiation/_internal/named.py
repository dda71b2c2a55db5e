"""Files our files name: a problem in one is also reported where it is named.

A model names its profile and vocabulary, a scenario its event log, model and profile, a pack
its model, profile and event log, a sweep its pack. When the named file cannot be read at all
(missing, a device, a folder, binary) or is no document of ours (a YAML list, plain text:
:attr:`~negotiation.errors.Problem.whole`), the problem is reported at the key that names it
(``file:line:col`` of the key), naming the file; when the file is one of ours with a problem
inside, that problem keeps its place and one more line says where the file is named::

    >>> doc = yamldoc.load_text("id: m\\nprofile: /dev/zero\\n", "m.yaml")
    >>> try:
    ...     with named_file(doc, ("profile",), "profile"):
    ...         raise InputError(Problem("/dev/zero", "is a device, expected a regular file"))
    ... except InputError as exc:
    ...     print(exc)
    m.yaml:2:1: profile: /dev/zero: is a device, expected a regular file
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager

from negotiation._internal import yamldoc
from negotiation.errors import InputError, Problem, format_path, shown_file

__all__ = ["named_file", "where_named"]


def _at(doc: yamldoc.Document | None, where: Sequence[str | int], message: str) -> Problem:
    if doc is None:
        return Problem("<input>", message, path=format_path(where))
    return doc.problem(where, message)


def where_named(
    problems: Sequence[Problem],
    doc: yamldoc.Document | None,
    where: Sequence[str | int],
    what: str,
    files: Collection[str] = (),
    named: object = None,
) -> list[Problem]:
    """``problems`` of loading the file ``doc`` names at ``where`` (``what`` it is: "profile",
    "event log"), reported where it is named. A problem located inside the named file (or
    another one) keeps its place, and one more, at ``where``, says that the file named there has
    the problems above (it is not valid, or does not fit what names it); a problem about a whole file, or with no line, is moved to ``where`` and names
    its file. ``files``: the names the named file goes by (default: any file but ``doc``'s);
    ``doc`` ``None`` (a value given in Python): the problems unchanged. ``named``: the file named
    there, which the last line names (the first file with a problem may be another one it reads:
    the actors or an article of an event log)."""
    if doc is None:
        return list(problems)
    out: list[Problem] = []
    inside: str | None = None
    for p in problems:
        if p.file == doc.file and not p.whole:
            out.append(p)  # about the naming document itself
        elif p.line is not None and not p.whole:
            out.append(p)
            if inside is None and (not files or p.file in files):
                inside = p.file
        else:
            own = p.file in (doc.file, "<input>", "")
            out.append(_at(doc, where, p.message if own else f"{p.file}: {p.message}"))
    if inside is not None:
        name = shown_file(str(named) if named is not None else inside)
        out.append(_at(doc, where, f"the {what} named here, {name!r}, has the problems above"))
    return out


@contextmanager
def named_file(
    doc: yamldoc.Document | None,
    where: Sequence[str | int],
    what: str,
    files: Collection[str] = (),
    named: object = None,
) -> Iterator[None]:
    """Load the file ``doc`` names at ``where`` inside this block: an :class:`InputError` it
    raises is reported where the file is named (:func:`where_named`)."""
    try:
        yield
    except InputError as exc:
        raise InputError(where_named(exc.problems, doc, where, what, files, named)) from None
