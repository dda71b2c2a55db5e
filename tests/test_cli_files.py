"""A new dispute's files as a new user writes them: file kinds named in words, every schema, an
actor's party, the passage of a mistyped quote."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from negotiation.cli import main
from negotiation.errors import InputError
from negotiation.events.log import load_actors

# An empty or wrong-shaped file is named by what it should be, in words ('an event log (a mapping
# with 'events')'), not by a Python class ('a EventLog', 'a ActorsFile').


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["events", "{f}"], "expected an event log (a mapping with keys among"),
        (["replay", "--profile", "{f}"], "expected a profile (a mapping with 'id',"),
        (["simulate", "--policy", "{f}", "--runs", "2"], "expected a policy file (a mapping"),
        (["sweep", "{f}"], "expected a sweep file (a mapping with 'sweep'"),
        (
            ["extract", "{t}", "--actors", "{f}", "--published", "2016-01-01"],
            "expected an actors file (a mapping with keys among 'actors'",
        ),
    ],
)
@pytest.mark.parametrize("content", ["", "- a list\n"])
def test_a_file_of_the_wrong_shape_is_named_in_words(
    tmp_path: Path, args: list[str], expected: str, content: str
) -> None:
    f = tmp_path / "f.yaml"
    f.write_text(content, encoding="utf-8")
    t = tmp_path / "t.txt"
    t.write_text("The opposition boycotted parliament on Monday.\n", encoding="utf-8")
    result = CliRunner().invoke(main, [a.format(f=f, t=t) for a in args])
    assert result.exit_code == 2, result.output
    if not content:
        assert f"empty document, {expected}" in result.output, result.output
    else:  # "expected a mapping of keys (an event log, with 'events'), got a list"
        noun = expected.removeprefix("expected ").split(" (")[0]
        assert f"expected a mapping of keys ({noun}, with " in result.output, result.output
    assert "EventLog" not in result.output and "File)" not in result.output


def test_a_scenario_of_plain_text_says_text(tmp_path: Path) -> None:
    f = tmp_path / "s.yaml"
    f.write_text('"just text"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["run", str(f)])
    assert result.exit_code == 2, result.output
    assert "expected a scenario (a mapping with at least 'name'), got text" in result.output
    f.write_text("12\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["run", str(f)])
    assert "got a number" in result.output, result.output


# `negotiation schema` prints the JSON Schema of every file kind a user writes: a policy, a sweep,
# an actors or articles file, a pack.yaml and a vocabulary too (it had only scenario, model, events
# and profile, though a new dispute needs all of them).


@pytest.mark.parametrize(
    ("kind", "key"),
    [
        ("policy", "actors"),
        ("sweep", "sweep"),
        ("actors", "actors"),
        ("articles", "articles"),
        ("pack", "title"),
        ("vocabulary", "kinds"),
        ("scenario", "name"),
    ],
)
def test_every_file_kind_has_a_schema(kind: str, key: str) -> None:
    result = CliRunner().invoke(main, ["schema", kind])
    assert result.exit_code == 0, result.output
    schema = json.loads(result.output)
    assert key in schema["properties"]
    assert schema["$id"].endswith(f"/{kind}.json")


# An actor's `party` names a party: a person ('party: lungu') or the actor itself (a party whose
# party is itself) was accepted silently, and extraction then took the person for a side.

HEAD = "actors:\n  - {id: upnd, name: United Party for National Development, type: party}\n"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "  - {id: hh, name: Hakainde Hichilema, type: person, party: lungu}\n"
            "  - {id: lungu, name: Edgar Lungu, type: person}\n",
            "actors[1].party: 'lungu' is a person, expected a party (an actor of type party "
            "or group)",
        ),
        (
            "  - {id: pf, name: Patriotic Front, type: party, party: pf}\n",
            "actors[1].party: 'pf' is the actor itself, expected another actor, a party",
        ),
    ],
)
def test_a_party_names_a_party(tmp_path: Path, line: str, expected: str) -> None:
    f = tmp_path / "actors.yaml"
    f.write_text(HEAD + line, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_actors(f)
    assert f"{f}:3:" in str(err.value) and expected in str(err.value), str(err.value)


def test_a_persons_party_loads(tmp_path: Path) -> None:
    f = tmp_path / "actors.yaml"
    f.write_text(HEAD + "  - {id: hh, name: H H, type: person, party: upnd}\n", encoding="utf-8")
    assert load_actors(f)["hh"].party == "upnd"


# A quote that differs from its article: the passage it was taken from is named by where it starts,
# also when only the quote's end is found (the hint gave where the end's probe starts: 'a passage
# like it starts near 780' for a quote at 709..805 with one wrong letter early).

TEXT = (
    "Election report\n\n"
    "PHNOM PENH, Sept 24, 2013 (dpa) - The opposition met on Monday. Police fired tear gas at "
    "opposition supporters who protested in the capital on Monday.\n"
)
QUOTE = "Police fired tear gas at opposition supporters who protested in the capital on Monday."


def _validate(tmp_path: Path, quote: str, start: int) -> str:
    (tmp_path / "a1.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "actors.yaml").write_text("actors: []\n", encoding="utf-8")
    (tmp_path / "events.yaml").write_text(
        "events:\n  - id: 2013-09-23-protest\n    kind: protest\n    date: 2013-09-23\n"
        f"    sources:\n      - {{article: a1, quote: '{quote}', start: {start}, "
        f"end: {start + len(quote)}}}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "events.yaml")])
    assert result.exit_code == 2, result.output
    return result.output


def test_the_passage_hint_names_where_the_passage_starts(tmp_path: Path) -> None:
    start = TEXT.index(QUOTE)
    typo = QUOTE.replace("tear gas", "tear gaz")
    # at its own place: no hint (it named the start of the last 25 characters)
    assert "a passage like it" not in _validate(tmp_path, typo, start)
    # three characters off: the passage's start
    assert f"a passage like it starts near {start}" in _validate(tmp_path, typo, start + 3)


# The model schema said a transition's `from` maps a region to a list (or "*") and `effects` are
# [name, argument] pairs, so an editor flagged `from: {cortes: dissolved}` and
# `effects: [record_election]` in every shipped model, though those are what the files write.
# (the older single-track format, `phases:` and `from: campaign`, is not in the schema: `negotiation
# migrate` rewrites it)
REPO = Path(__file__).resolve().parent.parent
MODELS = sorted(
    p
    for p in [
        *REPO.glob("negotiation/data/packs/*/model.yaml"),
        *REPO.glob("examples/*/model.yaml"),
    ]
    if "\nregions:" in p.read_text(encoding="utf-8")
)


def _fits(value: object, schema: dict[str, object]) -> bool:
    """The few JSON Schema types and alternatives a transition's `from` and `effects` use."""
    if "anyOf" in schema:
        return any(_fits(value, s) for s in schema["anyOf"])  # type: ignore[attr-defined]
    kinds = schema.get("type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    python = {"string": str, "array": list, "object": dict, "null": type(None), "number": int}
    if not any(isinstance(value, python[k]) for k in kinds):  # type: ignore[index]
        return False
    if isinstance(value, list) and "items" in schema:
        return all(_fits(v, schema["items"]) for v in value)  # type: ignore[arg-type]
    if isinstance(value, dict) and isinstance(schema.get("additionalProperties"), dict):
        return all(_fits(v, schema["additionalProperties"]) for v in value.values())  # type: ignore[arg-type]
    return True


@pytest.mark.parametrize("path", MODELS, ids=lambda p: p.parent.name)
def test_the_model_schema_accepts_the_transitions_the_models_write(path: Path) -> None:
    import yaml

    result = CliRunner().invoke(main, ["schema", "model"])
    props = json.loads(result.output)["$defs"]["Transition"]["properties"]
    for t in yaml.safe_load(path.read_text(encoding="utf-8"))["transitions"]:
        assert _fits(t.get("from", {}), props["from"]), (path, t)
        assert _fits(t.get("effects", []), props["effects"]), (path, t)
