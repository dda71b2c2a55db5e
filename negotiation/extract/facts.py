"""Typed facts in a sentence: seat counts, votes, durations, crowd sizes, casualties, points.

Numbers may be digits ("10,000") or words ("three-hour", "one protester")::

    >>> f = parse_facts("The ruling CPP won 68 out of the 123 parliamentary seats.",
    ...                 [(11, 14, "cpp")])
    >>> f.seats, f.total_seats
    ({'cpp': 68}, 123)
    >>> parse_facts("after the three-hour meeting").duration_hours
    3.0
    >>> parse_facts("one protester shot dead and several wounded").killed
    1
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from negotiation.events import Facts
from negotiation.extract.date_patterns import MONTH
from negotiation.extract.literals import may_match

__all__ = ["ActorSpan", "parse_facts", "parse_number"]

ActorSpan = tuple[int, int, str]  # start, end, actor id (or candidate slug)

_UNITS = {
    "zero": 0, "a": 1, "an": 1, "one": 1, "single": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
    "a dozen": 12, "half": 0.5,
}  # fmt: skip
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}  # fmt: skip
_WORD = "|".join(
    sorted((re.escape(w) for w in _UNITS if w not in ("a", "an")), key=len, reverse=True)
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?(?![\d,]\d)"
# a number: digits, or number words ("twenty-one", "two hundred", "10 thousand")
NUMBER = (
    rf"(?:(?:{_DIGITS})|(?:(?:{_WORD})(?:[- ](?:{_WORD}))?))"
    r"(?:\s+(?:hundred|thousand|million))?"
)
_N = rf"(?P<n>{NUMBER})"
_APPROX = r"(?:(?:some|about|around|roughly|nearly|almost|over|more than|at least|up to|an estimated|approximately|as many as|close to)\s+)?"


def parse_number(text: str) -> float | None:
    """``"10,000"`` → 10000, ``"twenty-one"`` → 21, ``"two hundred"`` → 200; else ``None``."""
    s = text.strip().lower().replace(",", "")
    if not s:
        return None
    mult = 1.0
    for word, factor in (("hundred", 100.0), ("thousand", 1000.0), ("million", 1e6)):
        if s.endswith(word):
            s = s[: -len(word)].strip() or "one"
            mult = factor
            break
    if re.fullmatch(r"\d+(?:\.\d+)?", s):  # not float(): it accepts "nan" and "inf"
        return float(s) * mult
    total = 0.0
    for part in re.split(r"[- ]+", s):
        if part not in _UNITS:
            return None
        total += _UNITS[part]
    return total * mult


def _int(text: str) -> int | None:
    v = parse_number(text)
    if v is None or v < 0 or v != int(v) or v > 10**9:
        return None
    return int(v)


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])" + pattern, re.I)


_SEATS_WORD = r"(?:(?:parliamentary|legislative|assembly|national assembly|house|senate|constituency|elected|contested)\s+)?seats"
_SEAT_PATTERNS = [
    _rx(
        rf"{_N}\s+(?:out\s+)?of\s+(?:the\s+)?(?:country['’]s\s+|parliament['’]s\s+)?(?P<t>{NUMBER})\s+(?:[\w-]+\s+){{0,2}}{_SEATS_WORD}"
    ),
    _rx(rf"{_N}\s+(?:[\w-]+\s+)?{_SEATS_WORD}"),
]
_TOTAL_PATTERNS = [
    _rx(
        rf"(?:of|in)\s+(?:the\s+|a\s+)?(?:country['’]s\s+|parliament['’]s\s+)?(?P<t>{NUMBER})[- ](?:member|seat)\b"
    ),
    _rx(
        rf"(?:of|in)\s+(?:the\s+)?(?:country['’]s\s+|parliament['’]s\s+|all\s+)?(?P<t>{NUMBER})\s+(?:[\w-]+\s+){{0,2}}{_SEATS_WORD}"
    ),
]
_COMPARED = _rx(
    rf"(?:compared\s+(?:to|with)|against|versus|vs\.?|while)\s+(?:the\s+)?(?P<who>[^\d,;]{{1,40}}?)(?:['’]s)?\s+(?P<n>{NUMBER})(?!\s*(?:seats|percent|%|per))"
)
_BARE_SEATS = _rx(
    rf"(?:received|got|gets|took|won|garnered|secured|obtained|bagged)\s+{_N}"
    r"(?![\d,.]*\s*(?:percent|per\s*cent|%|votes?|of\s+the\s+vote|million|thousand))"
)
# a bare count right after a party, in a list that follows a count of seats: "137 of the 350
# seats, the Socialists 85, Unidos Podemos 71 and Ciudadanos 32"
_LISTED = re.compile(rf"\s+{_N}(?=\s*(?:,|;|\.|\band\b|$))")
_VOTES_FOR = [
    _rx(
        rf"{_N}\s+(?:[\w-]+\s+){{0,3}}(?:lawmakers|legislators|members|deputies|mps|senators|parliamentarians|representatives)\s+(?:[\w-]+\s+){{0,2}}voted(?!\s+against)"
    ),
    _rx(rf"{_N}\s+votes?\s+(?:in\s+favou?r|for)"),
    _rx(rf"(?:by\s+a\s+vote\s+of|by|with)\s+{_N}\s*(?:-|–|to)\s*(?P<m>{NUMBER})\b"),
]
_VOTES_AGAINST = [
    _rx(rf"{_N}\s+(?:votes?\s+)?against"),
    _rx(
        rf"{_N}\s+(?:[\w-]+\s+){{0,3}}(?:lawmakers|legislators|members|deputies|mps|senators)\s+voted\s+against"
    ),
]
_PRESENT = _rx(
    rf"{_N}\s+(?:of\s+(?:the\s+)?\d+\s+)?(?:members|lawmakers|deputies|mps|legislators)\s+(?:were\s+)?(?:present|attended|in\s+attendance)"
)
_DURATION = [
    (
        _rx(
            rf"{_N}[- ](?P<u>hour|minute|day)s?[- ](?:long\s+)?(?:closed-door\s+|marathon\s+)?(?:meeting|talks|session|negotiations|discussions?|summit|round)"
        ),
        1.0,
    ),
    (
        _rx(
            rf"(?:lasted|lasting|lasts|for)\s+(?:just\s+|only\s+|about\s+|around\s+|nearly\s+|more than\s+|some\s+)?{_N}\s+(?P<u>hour|minute)s?"
        ),
        1.0,
    ),
    (
        _rx(
            r"(?:lasted|lasting|lasts)\s+(?:just\s+|only\s+|about\s+|around\s+|nearly\s+|more than\s+)?(?:an?|one)\s+(?P<u>hour)"
        ),
        1.0,
    ),
]
_PEOPLE = r"(?:protesters|protestors|demonstrators|supporters|people|marchers|activists|students|workers|opposition\s+supporters|monks|residents)"
_PARTICIPANTS = _rx(
    rf"{_APPROX}{_N}\s+(?:[\w-]+\s+){{0,2}}{_PEOPLE}"
    r"(?!\s+(?:were|was|had\s+been|have\s+been)?\s*(?:killed|dead|died|wounded|injured|hurt|shot|arrested))"
)
_KILLED = [
    _rx(
        rf"{_N}\s+(?:[\w-]+\s+){{0,2}}(?:people|protesters|protestors|demonstrators|persons|civilians|supporters|men|women|students|police(?:men)?|officers|monks|demonstrator|protester|person|man|woman|student)?\s*(?:were\s+|was\s+|had\s+been\s+|have\s+been\s+)?(?:shot\s+dead|killed|shot\s+and\s+killed|dead|died|beaten\s+to\s+death)"
    ),
    _rx(
        rf"(?:killing|killed|left|leaving)\s+(?:at\s+least\s+)?{_N}\s+(?:people\s+|persons\s+)?(?:dead|people|persons|protesters|demonstrators|civilians)?"
    ),
    _rx(
        r"(?P<n>an?|one|single)\s+(?:[\w-]+\s+)?(?:protester|protestor|demonstrator|person|man|woman|student|monk|supporter|civilian|policeman|officer|activist)\s+(?:was\s+)?(?:shot\s+dead|killed|shot\s+and\s+killed|beaten\s+to\s+death|died)"
    ),
    _rx(
        rf"death\s+toll\s+(?:rose\s+to|of|reached|climbed\s+to|stood\s+at|stands\s+at)\s+(?:at\s+least\s+)?{_N}"
    ),
]
_INJURED = [
    _rx(
        rf"{_N}\s+(?:[\w-]+\s+){{0,2}}(?:people|protesters|protestors|demonstrators|persons|others|civilians|police(?:men)?|officers)?\s*(?:were\s+|was\s+)?(?:wounded|injured|hurt)"
    ),
    _rx(rf"(?:wounding|injuring)\s+(?:at\s+least\s+)?{_N}"),
]
_POINTS = [
    _rx(rf"{_N}[- ]points?\s+(?:were\s+|was\s+)?agreed"),
    _rx(rf"agreed\s+(?:on|to|upon)\s+(?:all\s+)?(?:the\s+)?{_N}[- ]points?"),
    _rx(rf"{_N}[- ]point\s+(?:agreement|deal|accord|plan|roadmap|road map)"),
]
_MEETING_NO = _rx(
    r"(?P<o>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"\d{1,2}(?:st|nd|rd|th))\s+(?:[\w-]+\s+){0,1}(?:meeting|round|session)"
)
_SUBJECT = _rx(
    r"(?:on|over|for|about|of)\s+(?:the\s+|an?\s+)?(?P<s>(?:independent\s+|international\s+|new\s+|early\s+|fresh\s+|electoral\s+)*"
    r"(?:re-?election|election|investigation|probe|inquiry|recount|electoral\s+reforms?|reforms?|audit|summit(?:\s+meeting)?|resignation))"
)


def _nearest_actor(
    spans: Sequence[ActorSpan], pos: int, *, before: bool, limit: int = 80
) -> str | None:
    best: tuple[int, str] | None = None
    for start, end, actor in spans:
        dist = pos - end if before else start - pos
        if 0 <= dist <= limit and (best is None or dist < best[0]):
            best = (dist, actor)
    return best[1] if best else None


def _seat_owner(sentence: str, spans: Sequence[ActorSpan], m: re.Match[str]) -> str | None:
    after = sentence[m.end() : m.end() + 60]
    follow = re.match(r"\s*(?:for|to|taken by|won by|by|of)\s+(?:the\s+)?", after, re.I)
    if follow:
        actor = _nearest_actor(spans, m.end() + follow.end(), before=False, limit=25)
        if actor:
            return actor
    return _nearest_actor(spans, m.start(), before=True)


def _search(rx: re.Pattern[str], s: str, low: str) -> re.Match[str] | None:
    return rx.search(s) if may_match(rx, low) else None


def _finditer(rx: re.Pattern[str], s: str, low: str) -> Iterator[re.Match[str]]:
    return rx.finditer(s) if may_match(rx, low) else iter(())


def _stated_seats(
    s: str, low: str, actors: Sequence[ActorSpan]
) -> tuple[dict[str, int], int | None, bool]:
    """Seat counts said with the word "seats", by owner; a total said with them; whether any."""
    seats: dict[str, int] = {}
    total: int | None = None
    seat_spans: list[tuple[int, int]] = []
    for rx in _SEAT_PATTERNS:
        for m in _finditer(rx, s, low):
            if any(m.start() < e and st < m.end() for st, e in seat_spans):
                continue
            n = _int(m.group("n"))
            if n is None:
                continue
            seat_spans.append((m.start(), m.end()))
            if m.groupdict().get("t"):
                t = _int(m.group("t"))
                if t and t >= n:
                    total = t
            owner = _seat_owner(s, actors, m)
            if owner is not None and owner not in seats and n <= 100000:
                seats[owner] = n
    return seats, total, bool(seat_spans)


def _add_bare_seats(s: str, low: str, actors: Sequence[ActorSpan], seats: dict[str, int]) -> None:
    """Counts without the word "seats" once a sentence speaks of seats ("the CNRP received 55")."""
    for m in _finditer(_BARE_SEATS, s, low):  # "... and the CNRP received 55."
        n = _int(m.group("n"))
        owner = _nearest_actor(actors, m.start(), before=True, limit=40)
        if n is not None and owner is not None and owner not in seats:
            seats[owner] = n
    for _, end, actor in actors:  # "..., the Socialists 85, Unidos Podemos 71 and ..."
        if actor in seats or not seats:
            continue
        listed = _LISTED.match(s, end)
        if listed is not None and (n := _int(listed.group("n"))) is not None:
            seats[actor] = n
    for m in _finditer(_COMPARED, s, low):
        n = _int(m.group("n"))
        who = next(
            (a for st, e, a in actors if m.start("who") <= st and e <= m.end("who") + 3),
            None,
        )
        if n is not None and who is not None and who not in seats:
            seats[who] = n


def _stated_total(s: str, low: str) -> int | None:
    """The total number of seats, said on its own ("the 123-seat assembly")."""
    for rx in _TOTAL_PATTERNS:
        m = _search(rx, s, low)
        if m and (t := _int(m.group("t"))):
            return t
    return None


def _seat_counts(
    s: str, low: str, actors: Sequence[ActorSpan]
) -> tuple[dict[str, int], int | None]:
    """Seats by owner (none equal to the total) and the total number of seats."""
    seats, total, any_seats = _stated_seats(s, low, actors)
    if any_seats:
        _add_bare_seats(s, low, actors, seats)
    if total is None:
        total = _stated_total(s, low)
    if total is not None:
        for k in [k for k, v in seats.items() if v == total]:
            del seats[k]
    return seats, total


def _first_count(patterns: Sequence[re.Pattern[str]], s: str, low: str) -> int | None:
    """The number (group ``n``) of the first pattern that finds one."""
    for rx in patterns:
        m = _search(rx, s, low)
        if m and (n := _int(m.group("n"))) is not None:
            return n
    return None


def _add_votes(s: str, low: str, values: dict[str, object]) -> None:
    """Votes for and against a motion, and members present."""
    for rx in _VOTES_FOR:
        m = _search(rx, s, low)
        if m and (n := _int(m.group("n"))) is not None:
            values["votes_for"] = n
            if m.groupdict().get("m") and (against := _int(m.group("m"))) is not None:
                values["votes_against"] = against
            break
    if "votes_against" not in values and (n := _first_count(_VOTES_AGAINST, s, low)) is not None:
        values["votes_against"] = n
    if (m := _search(_PRESENT, s, low)) and (n := _int(m.group("n"))) is not None:
        values["members_present"] = n


def _duration_hours(s: str, low: str) -> float | None:
    """How long a meeting lasted, in hours (minutes or hours; days are not a duration here)."""
    for rx, _ in _DURATION:
        m = _search(rx, s, low)
        if not m:
            continue
        n_text = m.groupdict().get("n")
        v = parse_number(n_text) if n_text else 1.0
        if v is None or v <= 0 or v > 10000:
            continue
        unit = m.group("u").lower()
        hours = v / 60 if unit == "minute" else v * 24 if unit == "day" else v
        if unit != "day":
            return round(hours, 2)
    return None


#: a number followed by a month's name is a day ("20 June"), and one right after a month's name
#: a day or a year ("June 2019"): case-sensitive, "may" and "march" are also verbs
_DAY_OF_MONTH = re.compile(rf"\s+{MONTH}")
_MONTH_BEFORE = re.compile(rf"{MONTH},?\s+(?:\d{{1,2}},?\s+)?$")
_DAY_OR_YEAR = re.compile(r"0?[1-9]|[12]\d|3[01]|(?:19|20)\d\d")


def _participants(s: str, low: str) -> int | None:
    """The size of a crowd (two or more), not a count of casualties."""
    for m in _finditer(_PARTICIPANTS, s, low):
        if re.search(
            r"(?:kill|wound|injur|left|leaving|arrest)\w*\s+(?:at\s+least\s+)?$",
            s[max(0, m.start() - 25) : m.start()],
            re.I,
        ):
            continue  # "killing four people": casualties, not a crowd
        if _DAY_OF_MONTH.match(s, m.end("n")) or (
            _DAY_OR_YEAR.fullmatch(m.group("n")) and _MONTH_BEFORE.search(s, 0, m.start("n"))
        ):
            continue  # "on 20 June 2019 protesters marched": a date, not a crowd of 20 or 2019
        if (n := _int(m.group("n"))) is not None and n >= 2:
            return n
    return None


def _meeting_number(s: str, low: str) -> int | None:
    """Which meeting of a series this is ("the third round of talks")."""
    if m := _search(_MEETING_NO, s, low):
        o = m.group("o").lower()
        num = _ORDINALS.get(o) or int(re.sub(r"\D", "", o) or 0)
        if num >= 1:
            return num
    return None


def parse_facts(sentence: str, actors: Sequence[ActorSpan] = ()) -> Facts:
    """Facts stated in ``sentence``. ``actors`` (spans of actor names) attribute seat counts."""
    low = (s := sentence[:5000]).lower()
    values: dict[str, object] = {}
    seats, total = _seat_counts(s, low, actors)
    if seats:
        values["seats"] = seats
    if total:
        values["total_seats"] = total
    _add_votes(s, low, values)
    if (hours := _duration_hours(s, low)) is not None:
        values["duration_hours"] = hours
    if (crowd := _participants(s, low)) is not None:
        values["participants"] = crowd
    for key, patterns in (("killed", _KILLED), ("injured", _INJURED), ("points_agreed", _POINTS)):
        if (n := _first_count(patterns, s, low)) is not None:
            values[key] = n
    if (num := _meeting_number(s, low)) is not None:
        values["meeting_number"] = num
    if m := _search(_SUBJECT, s, low):
        values["subject"] = re.sub(r"\s+", " ", m.group("s").lower())
    return Facts.model_validate(values)
