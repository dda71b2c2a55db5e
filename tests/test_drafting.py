"""Drafted actors: a gazetteer from the names the articles use, for disputes without one."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import yaml
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from negotiation.cli import main
from negotiation.events.actors import Actor, Gazetteer
from negotiation.extract import extract_events
from negotiation.extract.drafting import draft_actors, drafted_gazetteer
from negotiation.extract.extract import TextArticle

PERU = """Peru's Congress ousts Castillo

LIMA, Dec 7, 2022 (AP) - Peru's Congress voted to remove President Pedro Castillo from office on \
Wednesday. Vice President Dina Boluarte was sworn in later in the day.

Castillo was detained by police in Lima, the attorney general's office said. The United States \
urged Castillo to reverse his decision. The Organization of American States called for calm, \
and Amnesty International said the arrests worried it. The Popular Force party (FP) welcomed \
the vote, and the Constitutional Court said it would meet on Friday.
"""


def _article(text: str = PERU) -> TextArticle:
    return TextArticle("peru", dt.date(2022, 12, 7), text)


def test_names_become_actors_with_a_guessed_type() -> None:
    drafted = {a.name: a for a in draft_actors([_article()])}
    assert {n: a.type.value for n, a in drafted.items()} == {
        "Pedro Castillo": "person",
        "Dina Boluarte": "person",
        "United States": "group",  # a country: a side or an outsider, the draft cannot tell
        "Organization of American States": "foreign_government",
        "Amnesty International": "ngo",
        "Popular Force": "party",
        "Constitutional Court": "institution",
    }  # the dateline's city and agency are no actors
    assert drafted["Popular Force"].aliases == ("FP",)  # the bracketed acronym is an alias


SPAIN = """Spain votes again

MADRID, June 28, 2016 - The People's Party (PP) of acting Prime Minister Mariano Rajoy won 137 \
seats, the Spanish Socialist Workers' Party (PSOE) 85 and the Pheu Thai Party 3. \
On 30 September 2019 Prime Minister Salvador del Solar raised a question of confidence.
"""


def test_a_party_named_with_a_possessive_or_a_capital_party_is_a_party() -> None:
    """'The People's Party (PP)' was drafted as 'PP', a group, and 'the Spanish Socialist
    Workers' Party (PSOE)' as the person 'Spanish Socialist Workers' with 'PSOE' apart: a name
    ending in 'Party' (or Front, Movement ...) keeps it, a possessive inside it included, and its
    bracketed acronym is its alias."""
    drafted = {a.name: a for a in draft_actors([_article(SPAIN)])}
    assert drafted["People's Party"].type.value == "party"
    assert drafted["People's Party"].aliases == ("PP",)
    assert drafted["Spanish Socialist Workers' Party"].type.value == "party"
    assert drafted["Spanish Socialist Workers' Party"].aliases == ("PSOE",)
    assert drafted["Pheu Thai Party"].type.value == "party"
    assert not {"PP", "PSOE", "Spanish Socialist Workers", "Pheu Thai"} & set(drafted)
    assert drafted["Mariano Rajoy"].type.value == "person"
    assert drafted["Salvador del Solar"].type.value == "person"


def test_extraction_with_a_draft_knows_who_acted() -> None:
    log = extract_events([_article()], drafted_gazetteer([_article()]))
    who = {e.kind: (e.actors, e.recipients) for e in log.events}
    assert who["government_dismissed"][1] == ("pedro-castillo",)  # deposed by Congress
    assert who["sworn_in"][0] == ("dina-boluarte",)
    assert who["arrest"][1] == ("pedro-castillo",)  # "Castillo": the person named in full


def test_a_name_the_gazetteer_knows_is_not_drafted_again() -> None:
    known = Gazetteer([Actor(id="castillo", name="Pedro Castillo", type="person")])
    drafted = draft_actors([_article()], known)
    assert "Pedro Castillo" not in {a.name for a in drafted}
    assert "castillo" not in {a.id for a in drafted}


_WORD = st.sampled_from(
    ["Pedro", "Castillo", "said", "the", "Party", "Court", "of", "(FP)", "met", "Lima", "on",
     "Monday", "United", "States", "Dina", "Castillo-Boluarte", "and", ".", "\n\n", "É", "PP"]
)  # fmt: skip


@given(st.lists(st.lists(_WORD, max_size=14), max_size=6))
def test_every_draft_is_a_valid_gazetteer_of_names_in_the_text(
    paragraphs: list[list[str]],
) -> None:
    text = "Headline\n\n" + "\n\n".join(" ".join(p) for p in paragraphs)
    drafted = draft_actors([_article(text)])
    Gazetteer(drafted)  # unique ids
    for a in drafted:
        assert a.name in text and all(alias in text for alias in a.aliases)


def test_cli_writes_the_draft_beside_a_log_that_validates(tmp_path: Path) -> None:
    (tmp_path / "peru.txt").write_text(PERU, encoding="utf-8")
    events, actors = tmp_path / "events.yaml", tmp_path / "actors.yaml"
    runner = CliRunner()
    args = [str(tmp_path / "peru.txt"), "--draft-actors", str(actors), "--out", str(events)]
    result = runner.invoke(main, ["extract", *args])
    assert result.exit_code == 0, result.output
    assert "7 actor(s) drafted from the articles" in result.output
    assert actors.read_text(encoding="utf-8").startswith("# Actors drafted by")
    drafted = yaml.safe_load(actors.read_text(encoding="utf-8"))["actors"]
    assert {"id": "dina-boluarte", "name": "Dina Boluarte", "type": "person"} in drafted
    checked = runner.invoke(main, ["validate", str(events)])
    assert checked.exit_code == 0, checked.output  # the events' actors are the draft's
    as_json = runner.invoke(main, ["extract", *args, "--json"])
    assert as_json.exit_code == 0, as_json.output
    assert len(json.loads(as_json.output)["drafted_actors"]) == 7
    both = str(tmp_path / "both.yaml")
    same = runner.invoke(main, ["extract", args[0], "--draft-actors", both, "--out", both])
    assert same.exit_code == 2 and "name the same file" in same.output
    assert not (tmp_path / "both.yaml").exists()
