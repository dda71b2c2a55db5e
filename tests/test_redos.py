"""The check refusing trigger patterns that can take exponential time (_internal/redos.py and
_internal/ambiguity.py): the misses it had, and a property against an exact oracle for
repeated alternations of words: such a group can read some text in two ways exactly when its
words are not a uniquely decodable code (Sardinas-Patterson)."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from negotiation._internal.ambiguity import ambiguous_loop
from negotiation._internal.redos import exponential
from negotiation.cli import main


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?:ab|abab)+c",  # the parser takes "ab" out: (?:ab(?:|ab))+
        r"(?:a|[ab]c?)*d",  # "a" is either alternative
        r"(?:\w|ab)+$",
        r"(?:\d|[0-5]x?)+y",
        r"(?:[a-m]x?|[k-z])+!",  # ranges that share k..m
        r"(?:a{1,3})+b",  # a run of a's split between the turns in every way
        r"(?:(?:in|earlier|earlier in)\s+)+July",  # the DATE macro's miss (fixed there)
        r"(?:A|aB?)+!",  # case ignored, as triggers are compiled: A is a
    ],
)
def test_groups_that_read_a_text_in_two_ways_are_refused(pattern: str) -> None:
    assert ambiguous_loop(pattern), pattern
    assert exponential(pattern) is not None


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?:\w+\s)+said",
        r"(?:ab|cd)+",
        r"(?:a|ab)+!",  # after "a", "b" starts no word: one way only
        r"(?-i:(?:A|aB?))+!",  # case kept: A is not a
        r"(?:(?:just|over|more than) )*\d+",
        r"(?:\d+[./])+\d",
        r"\w+\s\w+",
    ],
)
def test_groups_that_read_each_text_one_way_pass(pattern: str) -> None:
    assert not ambiguous_loop(pattern), pattern


@pytest.mark.parametrize("pattern", [r"(?:a|[ab])*c", r"(?:\w|a)+$", r"(?:[a-m]|[k-z])+!"])
def test_alternatives_of_one_character_are_one_class_to_the_parser(pattern: str) -> None:
    """Python's parser makes these one character class, read once a character: linear time
    (so not refused), though the alternatives overlap."""
    repeat = next(iter(re._parser.parse(pattern)))  # type: ignore[attr-defined]
    assert [str(op) for op, _ in repeat[1][2]] == ["IN"]
    assert exponential(pattern) is None


def test_a_group_too_intricate_to_judge_is_refused_and_unmodelled_ones_pass() -> None:
    """``(?:\\w?\\w?…)+`` of 119 took 66 CPU-s to judge: past a bound on the work it is refused
    as too intricate; a long list of words with a separator is judged (one way); an atomic
    group or a back reference is not modelled and passes."""
    assert "too intricate" in str(exponential("(?:" + "\\w?" * 119 + ")+!"))
    words = [f"{a}{b}{c}" for a in "pqrst" for b in "aeiou" for c in "lmn"][:60]
    assert exponential("(?:(?:" + "|".join(words) + ") )+said") is None
    assert exponential("(?>a|ab)+c") is None
    assert exponential(r"(a)(?:\1|b)+c") is None


def _uniquely_decodable(words: list[str]) -> bool:
    """Sardinas-Patterson: no text is two different rows of ``words``."""
    if len(set(words)) < len(words):
        return False
    code = set(words)

    def rests(a: set[str], b: set[str]) -> set[str]:
        return {y[len(x) :] for x in a for y in b if y.startswith(x) and len(y) > len(x)}

    dangling, seen = rests(code, code), set()
    while dangling - seen:
        if dangling & code:
            return False
        seen |= dangling
        dangling = rests(dangling, code) | rests(code, dangling)
    return True


SYMBOLS = {"a": ["a"], "b": ["b"], "[ab]": ["a", "b"]}


def _read_as(alternatives: list[list[str]]) -> list[str]:
    """The texts one turn of ``(?:alternatives)`` reads, one per way, after what Python's
    parser makes of it: a start all alternatives share is taken out, and alternatives of one
    symbol each become one character class (each character then read one way only)."""
    start: list[str] = []
    while len(alternatives) > 1 and all(alternatives) and len({a[0] for a in alternatives}) == 1:
        start.append(alternatives[0][0])
        alternatives = [a[1:] for a in alternatives]
    if len(alternatives) > 1 and all(len(a) == 1 for a in alternatives):
        ways = [[c] for c in sorted({c for a in alternatives for c in SYMBOLS[a[0]]})]
    else:
        ways = [list(chars) for a in alternatives for chars in itertools.product(
            *(SYMBOLS[x] for x in a)
        )]  # fmt: skip
    heads = ["".join(h) for h in itertools.product(*(SYMBOLS[x] for x in start))]
    return [h + "".join(w) for h in heads for w in ways]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(sorted(SYMBOLS)), min_size=1, max_size=3).map("".join),
        min_size=1,
        max_size=4,
        unique=True,
    )
)
def test_a_repeated_alternation_is_refused_exactly_when_a_text_reads_two_ways(
    alternatives: list[str],
) -> None:
    pattern = "(?:" + "|".join(alternatives) + ")+!"
    words = _read_as([re.findall(r"\[ab\]|a|b", alt) for alt in alternatives])
    assert (exponential(pattern) is not None) == (not _uniquely_decodable(words)), pattern


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab()[]|*+?{}:\\w,.-^$!01234", max_size=30))
@pytest.mark.filterwarnings("ignore::FutureWarning")
def test_any_pattern_text_gets_an_answer(pattern: str) -> None:
    """Invalid and odd patterns alike: a reason or None, never an exception."""
    assert exponential(pattern) is None or "exponential time" in str(exponential(pattern))


def test_a_lexicon_pattern_of_two_ways_is_refused_at_its_line(tmp_path: Path) -> None:
    lexicon = tmp_path / "lexicon.yaml"
    lexicon.write_text("kinds:\n  protest:\n    patterns: ['(?:ab|abab)+c', marched]\n")
    article = tmp_path / "a.txt"
    article.write_text("Headline\n\nProtesters marched on Monday in the capital city.\n")
    args = ["extract", str(article), "--published", "2008-01-03", "--lexicon", str(lexicon)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    assert (
        f"{lexicon}:3:16: kinds.protest.patterns[0]: a group repeated with + or * can read "
        "the same text in two ways" in result.output
    ), result.output


@pytest.mark.parametrize("repeat", ["x{0,100000000000000000000}", "(" * 2000 + "a" + ")" * 2000])
def test_a_lexicon_pattern_python_cannot_compile_is_refused_at_its_line(
    repeat: str, tmp_path: Path
) -> None:
    """A repeat too big for Python's compiler (OverflowError), a nesting too deep for it: an
    error at the pattern's line in validate and extract, not a traceback."""
    lexicon = tmp_path / "lexicon.yaml"
    lexicon.write_text(f"kinds:\n  protest:\n    patterns: ['{repeat}', marched]\n")
    article = tmp_path / "a.txt"
    article.write_text("Headline\n\nProtesters marched on Monday in the capital city.\n")
    for args in (
        ["extract", str(article), "--published", "2008-01-03", "--lexicon", str(lexicon)],
        ["validate", str(lexicon)],
    ):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 2, result.output
        assert isinstance(result.exception, SystemExit)  # the command's exit, no exception
        assert f"{lexicon}:3:" in result.output and "invalid pattern" in result.output
