"""What a model's data-defined conditions and rules look for in an event: the values they
compare a fact with (``event.facts.subject == 'dissolution'``) and the actors they look for
(``'wickremesinghe' in event.recipients``), so the event domain draws events they can tell
apart (a pack's court ruling on the dissolution, the oath that restores a Prime Minister)."""

from __future__ import annotations

import re

from negotiation.model.spec import ModelSpec

__all__ = ["compared_facts", "compared_params", "named_parties", "threshold_facts"]


def _sources(spec: ModelSpec, kind: str) -> list[str]:
    """The CEL sources of the conditions (``when``) and rules (guards) of ``kind``'s transitions."""
    names: set[str] = set()
    for t in spec.transitions:
        if t.kind == kind:
            names.update(t.when)
            names.update(t.guards)
    sources = [r.allow for r in spec.rules if r.id in names]
    return sources + [c.test for c in spec.conditions if c.id in names]


#: ``event.facts.NAME OP LITERAL`` in a CEL expression (either way round): a string, a
#: number or a boolean
_LITERAL = r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|-?\d+\.\d+|-?\d+|true|false"""
_FACT_OP_LITERAL = re.compile(
    rf"event\.facts\.(\w+)\s*(==|!=|>=|<=|>|<)\s*({_LITERAL})"
    rf"|({_LITERAL})\s*(==|!=|>=|<=|>|<)\s*event\.facts\.(\w+)"
)


def _literal(text: str) -> str | int | float | bool:
    if text in ("true", "false"):
        return text == "true"
    if text[0] in "'\"":
        return text[1:-1]
    return float(text) if "." in text else int(text)


def compared_facts(spec: ModelSpec, kind: str) -> list[tuple[str, str | int | float | bool]]:
    """The values a data-defined condition (``when``) or rule (a guard) of a transition of
    ``kind`` compares a fact with (``event.facts.subject == 'dissolution'``,
    ``event.facts.round == 1``), and around an ordering (``>= 2``: 1, 2 and 3), so the
    domain draws events those expressions can tell apart. Facts the built-in templates vary
    already (votes, seats) are left to them."""
    sources = _sources(spec, kind)
    found: dict[tuple[str, str | int | float | bool], None] = {}
    for source in sources:
        for m in _FACT_OP_LITERAL.finditer(source):
            name, op, text = (m[1], m[2], m[3]) if m[1] else (m[6], m[5], m[4])
            if name in _VARIED:
                continue
            for v in around(_literal(text), op):
                found[(name, v)] = None
    return list(found)


def around(value: str | int | float | bool, op: str) -> list[str | int | float | bool]:
    """The values a comparison with ``value`` tells apart: the value itself, both booleans, or
    one below, at and above a number an ordering compares with (none below zero)."""
    if isinstance(value, bool):
        return [True, False]
    if isinstance(value, str):
        return [value]
    values = [value - 1, value, value + 1] if op not in ("==", "!=") else [value]
    return [v for v in values if v >= 0]


#: ``event.facts.NAME OP params.PARAM`` (either way round, a ``double()`` or ``int()`` allowed
#: around the parameter): a fact compared with a profile parameter
_PARAM = r"(?:(?:double|int)\(\s*)?params\.(\w+)"
_FACT_OP_PARAM = re.compile(
    rf"event\.facts\.(\w+)\s*(==|!=|>=|<=|>|<)\s*{_PARAM}"
    rf"|{_PARAM}\s*\)?\s*(==|!=|>=|<=|>|<)\s*event\.facts\.(\w+)"
)


def compared_params(spec: ModelSpec, kind: str) -> list[tuple[str, str, str]]:
    """``(fact, parameter, operator)`` for each comparison of a fact with a profile parameter
    (``event.facts.winner_share > double(params.majority_percent)``) in a data-defined
    condition or rule of a transition of ``kind``: the domain draws the fact around every value
    the parameter takes (its interpretations and changes in time)."""
    found: dict[tuple[str, str, str], None] = {}
    for source in _sources(spec, kind):
        for m in _FACT_OP_PARAM.finditer(source):
            fact, op, param = (m[1], m[2], m[3]) if m[1] else (m[6], m[5], m[4])
            if fact not in _VARIED and param != "needed":
                found[(fact, param, op)] = None
    return list(found)


_FACT_OP_NEEDED = re.compile(
    r"event\.facts\.(\w+)\s*(?:==|>=|<=|>|<)\s*params\.needed\.(\w+)"
    r"|params\.needed\.(\w+)\s*(?:==|>=|<=|>|<)\s*event\.facts\.(\w+)"
)


def threshold_facts(spec: ModelSpec, kind: str) -> list[tuple[str, str]]:
    """The facts a data-defined condition or rule of a transition of ``kind`` compares with a
    profile threshold (``event.facts.votes_for >= params.needed.dissolution_law``): ``(fact,
    threshold)`` pairs, so the domain draws the fact one below and at the votes it needs, for
    any kind (the built-in templates vary ``votes_for`` only for the built-in vote kinds)."""
    found = {
        (m[1] or m[4], m[2] or m[3]): None
        for source in _sources(spec, kind)
        for m in _FACT_OP_NEEDED.finditer(source)
    }
    return list(found)


_IN_ROLE = re.compile(r"""(?:'([^'\\]+)'|"([^"\\]+)")\s+in\s+event\.(actors|recipients)\b""")


def named_parties(spec: ModelSpec, kind: str) -> list[tuple[str, str]]:
    """The actors a data-defined condition or rule of a transition of ``kind`` looks for
    (``'wickremesinghe' in event.recipients``): ``(role, actor id)`` pairs, so the domain draws
    an event with that actor in that role."""
    sources = _sources(spec, kind)
    found = {(m[3], m[1] or m[2]): None for source in sources for m in _IN_ROLE.finditer(source)}
    return list(found)


#: facts the built-in templates already vary at the profile's thresholds
_VARIED = frozenset({"seats", "total_seats", "votes_for", "members_present"})
