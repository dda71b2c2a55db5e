"""The cues of a trigger's own clause: negation and modality read where they belong."""

from __future__ import annotations

import pytest
from phrasing import modalities

from negotiation.extract.lexicon import load_lexicon


@pytest.mark.parametrize(
    ("text", "kind", "modality"),
    [
        # the verb governing an infinitive, past the time adverbials between them
        (
            "Lawmakers voted late on Monday night to dissolve the assembly.",
            "assembly_dissolved",
            "asserted",
        ),
        (
            "The senate voted in the early hours of Friday to dissolve the assembly.",
            "assembly_dissolved",
            "asserted",
        ),
        (
            "The opposition vowed on Sunday evening to boycott the assembly.",
            "boycott_threatened",
            "threatened",
        ),
        # a second predicate of its own tense after "and" does not take the first one's cues
        (
            "The envoy flew to the capital on Monday and opened talks between the two parties.",
            "talks_held",
            "asserted",
        ),
        (
            "The monitors said the vote was neither free nor fair and condemned the arrests of reporters.",
            "accusation",
            "asserted",
        ),
    ],
)
def test_cues_of_the_triggers_own_clause(text: str, kind: str, modality: str) -> None:
    kinds = modalities(text)
    assert kinds.get(kind) == modality, kinds


def test_what_a_vote_sets_after_what_it_did_is_planned() -> None:
    kinds = modalities("Parliament voted on Friday to dissolve itself and hold early elections.")
    assert kinds.get("assembly_dissolved") == "asserted"
    assert "election_held" not in kinds


@pytest.mark.parametrize(
    ("text", "trigger", "window"),
    [
        (
            "Deputies voted in the early hours of Thursday to dissolve it.",
            "dissolve",
            "Deputies voted to",
        ),
        (
            "The party decided at a meeting on Sunday to boycott it.",
            "boycott",
            "The party decided to",
        ),
        ("It urged Hun Sen on Monday to resign.", "resign", "urged Hun Sen on Monday to"),
        ("He flew to the capital and opened talks.", "opened", ""),
        (
            "It would not end its boycott and take up its seats.",
            "take",
            "would not end its boycott and",
        ),
    ],
)
def test_window(text: str, trigger: str, window: str) -> None:
    assert load_lexicon().window(text, text.index(trigger)) == window


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # what a future or negated wait is for has not happened
        ("The mayor said he would stay in his post until a successor was sworn in.", "sworn_in"),
        ("Talks will not resume until the two delegations have agreed on an agenda.", "agreement"),
        # a wait in the present tense is for what is still to come, whatever the main clause
        (
            "The outgoing cabinet will stay on in a caretaker capacity until a new one is sworn in.",
            "sworn_in",
        ),
        ("Until a new governor is sworn in, the province is run by his deputy.", "sworn_in"),
        ("Until the new assembly has been sworn in, the president may rule by decree.", "sworn_in"),
    ],
)
def test_what_a_wait_is_for_is_not_asserted(text: str, kind: str) -> None:
    assert kind not in {k for k, m in modalities(text).items() if m == "asserted"}


def test_until_after_a_plain_past_keeps_the_event() -> None:
    kinds = modalities(
        "The opposition boycotted parliament until its leader was sworn in on Monday."
    )
    assert kinds.get("sworn_in") == "asserted"
