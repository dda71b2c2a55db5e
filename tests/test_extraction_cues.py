"""The global cue lists of a lexicon: what stops or puts forward a nominal trigger
(``prevented``, ``planned`` and their ``_between`` words) is data, checked where it is written,
and a pack's lexicon adds to it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from negotiation.cli import main
from negotiation.cli.common import EXIT_INPUT
from negotiation.errors import InputError
from negotiation.extract.lexicon import Lexicon, lexicon_for_pack, load_lexicon
from negotiation.extract.lexicon_fields import CUE_LISTS

_SHELVED = "The junta shelved the presidential election on 5 May."
_FLOATED = "The bishops floated elections on June 2."


def _modality(lex: Lexicon, sentence: str, kind: str = "election_held") -> str | None:
    return next((t.modality for t in lex.triggers(sentence) if t.kind == kind), None)


def test_the_built_in_lists_load() -> None:
    lex = load_lexicon()
    assert set(lex.cues) == set(CUE_LISTS)
    assert all(lex.cues[key] for key in CUE_LISTS)
    assert "put off" in lex.cues["prevented"] and "{MONTH}" in lex.cues["planned_between"]
    assert _modality(lex, "Police stopped a rerun of the vote on Saturday.") == "negated"
    assert _modality(lex, "The army postponed the presidential election on 5 May.") == "negated"
    # {MONTH} is the date reader's own month names
    assert _modality(lex, "A dialogue proposed holding the election on June 2.") == "planned"
    assert _modality(lex, "A roadmap: a referendum on July 25 and elections on Dec. 17.") == (
        "planned"
    )
    assert _modality(lex, _SHELVED) == _modality(lex, _FLOATED) == "asserted"


def test_a_packs_lexicon_adds_cues_of_its_own(tmp_path: Path) -> None:
    (tmp_path / "lexicon.yaml").write_text(
        "kinds: {}\n"
        "prevented: ['shelv(?:e|es|ed|ing)']\n"
        "prevented_between: [much-awaited]\n"
        "planned: ['<float>']\n",
        encoding="utf-8",
    )
    lex = lexicon_for_pack(tmp_path)
    assert _modality(lex, _SHELVED) == "negated"
    assert _modality(lex, "He shelved the much-awaited election on 5 May.") == "negated"
    assert _modality(lex, _FLOATED) == "planned"
    # the built-in cues stay, and stay the built-in lexicon's alone
    assert _modality(lex, "The army postponed the presidential election on 5 May.") == "negated"
    builtin = load_lexicon().cues["prevented"]
    assert lex.cues["prevented"] == (*builtin, "shelv(?:e|es|ed|ing)")
    assert _modality(load_lexicon(), _SHELVED) == "asserted"


def test_a_lexicon_file_without_the_lists_keeps_the_built_in_ones(tmp_path: Path) -> None:
    """They were code before they were data: a --lexicon file written then reads as it did."""
    path = tmp_path / "lex.yaml"
    path.write_text(
        "kinds:\n  election_held:\n    names_election: true\n"
        "    patterns: [{re: 'elections? on {DATE}', nominal: true}]\n",
        encoding="utf-8",
    )
    lex = load_lexicon(path)
    assert _modality(lex, "The army postponed the election on 5 May.") == "negated"
    path.write_text(path.read_text() + "prevented: []\n", encoding="utf-8")  # off: its own
    assert _modality(load_lexicon(path), "The army postponed the election on 5 May.") == (
        "asserted"
    )


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("prevented: ['(\\w+\\s?)+$']", r"prevented\[0\]: a group repeated with \+ or \*"),
        ("planned: [proposed, '(']", r"planned\[1\]: invalid pattern"),
        ("planned_between: [the, '[\\w\\s]+']", r"planned_between\[1\]: repeated word after"),
        ("prevented_between: ['{NOPE}']", r"prevented_between\[0\]: unknown macro \{NOPE\}"),
        ("planned: proposed", r"planned: expected a list of strings"),
    ],
)
def test_a_hostile_cue_is_refused_where_it_is_written(
    tmp_path: Path, line: str, message: str
) -> None:
    """In a whole lexicon, in a pack's, and by ``validate``: never a hang or a traceback."""
    whole = tmp_path / "lex.yaml"
    whole.write_text(f"kinds: {{}}\n{line}\n", encoding="utf-8")
    with pytest.raises(InputError, match=rf"lex.yaml:2:\d+: {message}"):
        load_lexicon(whole)
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "lexicon.yaml").write_text(f"kinds: {{}}\n{line}\n", encoding="utf-8")
    with pytest.raises(InputError, match=rf"lexicon.yaml:2:\d+: {message}"):
        lexicon_for_pack(pack)
    result = CliRunner().invoke(main, ["validate", str(pack / "lexicon.yaml")])
    assert result.exit_code == EXIT_INPUT, result.output
    assert "Traceback" not in result.output and "lexicon.yaml:2:" in result.output


def test_a_kinds_own_negator_is_checked_as_the_global_ones_are(tmp_path: Path) -> None:
    path = tmp_path / "lex.yaml"
    for cue, message in (("(", "invalid pattern"), ("(\\w+\\s?)+$", "a group repeated")):
        path.write_text(
            f"kinds:\n  boycott:\n    patterns: [boycott]\n    negators: [not, '{cue}']\n",
            encoding="utf-8",
        )
        with pytest.raises(
            InputError, match=rf"lex.yaml:4:\d+: kinds.boycott.negators\[1\]: {message}"
        ):
            load_lexicon(path)
