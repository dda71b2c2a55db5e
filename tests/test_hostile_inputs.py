"""A second hostile-input campaign against the command line (the first is
``test_hostile_campaign.py``): each case was a traceback, an error with no line, a silently
wrong result or a leftover; each is a located error now. Reproducers first, then properties."""

from __future__ import annotations

import json
import os
import re
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from hypothesis import given
from hypothesis import strategies as st

from negotiation._internal import files, jsondoc, yamldoc
from negotiation._internal.parsed import TextCache
from negotiation.cli import main
from negotiation.cli.common import EXIT_INPUT
from negotiation.errors import InputError

PACKS = Path(__file__).parent.parent / "negotiation" / "data" / "packs"
THAILAND = PACKS / "thailand-2013-2014"
BANGLADESH = PACKS / "bangladesh-2014"
KENYA = PACKS / "kenya-2007-2008"


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


# --- a model and a profile that do not fit: located in the profile, citing the model's lines --
def test_a_profile_missing_the_models_provisions_is_located_in_both_files() -> None:
    model, profile = THAILAND / "model.yaml", BANGLADESH / "profile.yaml"
    result = invoke("replay", "--model", str(model), "--profile", str(profile))
    assert result.exit_code == EXIT_INPUT, result.output
    # was "model.yaml with profile.yaml: profile ... does not provide ..." with no line
    assert f"error: {profile}:9:1: provisions: profile 'bangladesh-2011' does not provide" in (
        result.output
    )
    # a rule written in the model: at its `provision:` line (was 79:15, the guard naming it)
    assert f"leader_removal (rule removal_by_court at {model}:103:5)" in result.output


def test_a_rule_guarding_several_transitions_is_named_once_at_its_first() -> None:
    profile = KENYA / "profile.yaml"
    result = invoke("replay", "--profile", str(profile))  # the built-in model: Cambodia's
    assert result.exit_code == EXIT_INPUT, result.output
    assert result.output.count("rule confidence_vote at") == 1, result.output
    assert "confidence_vote (rule confidence_vote at " in result.output


def test_a_profile_lacking_a_parameter_or_disabling_an_unknown_rule_is_located(
    tmp_path: Path,
) -> None:
    text = (THAILAND / "profile.yaml").read_text()
    profile = tmp_path / "profile.yaml"
    profile.write_text(text + "disabled_rules: [removal_by_court, no_such_rule]\n")
    line = text.count("\n") + 1
    result = invoke("replay", "--pack", str(THAILAND), "--profile", str(profile))
    assert result.exit_code == EXIT_INPUT, result.output
    assert (
        f"error: {profile}:{line}:36: disabled_rules[1]: profile 'thailand-2007' disables "
        "unknown rule 'no_such_rule'" in result.output
    )


def test_a_profile_lacking_a_parameter_a_rule_reads_is_located(tmp_path: Path) -> None:
    text = (THAILAND / "profile.yaml").read_text()
    window = "  windows:\n    election_after_dissolution:\n      min_days: 45\n      max_days: 60\n"
    assert window in text
    profile = tmp_path / "profile.yaml"
    profile.write_text(text.replace(window, ""))
    result = invoke("replay", "--pack", str(THAILAND), "--profile", str(profile))
    assert result.exit_code == EXIT_INPUT, result.output
    assert (
        f"error: {profile}:132:1: parameters: profile 'thailand-2007' lacks parameters the rules "
        f"of model 'thailand-2013-2014' read: rule new_election_deadline at "
        f"{THAILAND / 'model.yaml'}:65:15 needs windows.election_after_dissolution"
    ) in result.output


# --- the shape of a JSON input: located at its line like a YAML file's ------------------------
def test_a_simulation_json_of_the_wrong_shape_is_located_at_its_line(tmp_path: Path) -> None:
    sim = tmp_path / "sim.json"
    sim.write_text(
        '{\n  "outcomes": {\n    "a": {"p": 0.5, "ci95": [0.1, 0.9]},\n    "b": 7\n  }\n}'
    )
    out = tmp_path / "r.html"
    result = invoke("report", "--pack", str(THAILAND), "--simulation", str(sim), "--out", str(out))
    assert result.exit_code == EXIT_INPUT, result.output
    assert f"error: {sim}:4:5: outcomes.b: expected the JSON of `negotiation simulate" in (
        result.output
    )  # was "sim.json: outcomes.b: expected", with no line
    assert not out.exists()


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


def _paths(value: Any, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    out = [path]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, (*path, i))
    return out


@given(value=JSON, indent=st.sampled_from([None, 0, 1, 2, "\t"]))
def test_json_positions_locate_every_path_where_yaml_would(value: Any, indent: Any) -> None:
    text = json.dumps(value, indent=indent, ensure_ascii=False)
    positions = jsondoc.json_positions(text)
    assert set(positions) == set(_paths(value))
    lines = text.split("\n")
    for path, (line, column) in positions.items():
        rest = lines[line - 1][column - 1 :]
        if path and isinstance(path[-1], str) and _is_member(value, path):
            assert rest.startswith(json.dumps(path[-1], ensure_ascii=False))  # at the key
        else:  # at the value's first character
            assert rest.startswith(json.dumps(_at(value, path), ensure_ascii=False)[:1])


def _at(value: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        value = value[part]
    return value


def _is_member(value: Any, path: tuple[str | int, ...]) -> bool:
    return isinstance(_at(value, path[:-1]), dict)


# --- a command reads and parses each file once ------------------------------------------------
def test_validate_pack_parses_each_file_once(monkeypatch: pytest.MonkeyPatch) -> None:
    parsed: Counter[str] = Counter()
    load_text = yamldoc.load_text

    def counting(text: str, file: str = "<string>") -> yamldoc.Document:
        parsed[os.path.realpath(file)] += 1
        return load_text(text, file)

    monkeypatch.setattr(yamldoc, "load_text", counting)
    # nothing kept from earlier commands: this command's own parses are counted
    monkeypatch.setattr(yamldoc, "_PARSED", TextCache(max_chars=4_000_000))
    pack = PACKS / "cambodia-2013-2017"
    result = invoke("validate", "--pack", str(pack))
    assert result.exit_code == 0, result.output
    # were: events.yaml 3 times, vocabulary.yaml 6, articles.yaml 10, pack.yaml 9
    assert parsed[str(pack / "events.yaml")] == 1
    assert max(parsed.values()) == 1, parsed.most_common(3)


def test_a_file_changed_within_a_command_is_read_again(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("one")
    with files.track_reads():
        assert files.read_text(path) == "one"
        path.write_text("three")
        assert files.read_text(path) == "three"  # another size: read again
        assert files.read_text(tmp_path / "." / "a.txt") == "three"
        path.unlink()
        with pytest.raises(InputError, match="file not found"):
            files.read_text(path)  # never remembered past the file
    path.write_text("four")
    assert files.read_text(path) == "four"


def test_a_document_parsed_once_is_named_as_each_name_gives_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parses: list[str] = []
    load_text = yamldoc.load_text

    def counting(text: str, file: str = "<string>") -> yamldoc.Document:
        parses.append(file)
        return load_text(text, file)

    monkeypatch.setattr(yamldoc, "load_text", counting)
    path = tmp_path / "a.yaml"
    path.write_text("name: x\nn: [1\n")
    other = f"{tmp_path}/b.yaml"  # another name of the same file
    (tmp_path / "b.yaml").symlink_to(path)
    with files.track_reads():
        for name in (str(path), other, str(path)):
            with pytest.raises(InputError, match=f"^{re.escape(name)}:3:1: invalid YAML"):
                yamldoc.load(name)
        path.write_text("name: x\nn: [1]\n")
        parses.clear()  # a text that does not parse is parsed again: its error names the name
        first, second = yamldoc.load(path), yamldoc.load(other)
    assert (first.file, second.file) == (str(path), other)
    # parsed once (each load gets data of its own, which its user may change)
    assert first.data == second.data and second.position(("n",)) == (2, 1)
    assert parses == [str(path)]


# --- variations: what was taken silently ------------------------------------------------------
HEAD = f"name: x\nmodel: {KENYA}/model.yaml\nevents: {KENYA}/events.yaml\n"


@pytest.mark.parametrize(
    ("variations", "expected"),
    [
        (  # was placed among January 2008's events, dated June 2009: the log went back in time
            "  - insert: {at: 2008-01-01, event: {id: x1, kind: protest, date: 2009-06-01}}\n",
            "s.yaml:5:14: variations[0].insert.at: the event is dated 2009-06-01, not 2008-01-01",
        ),
        (  # was the record moved to the year 2424
            "  - shift: {from: 2008-01-29-mediated-talks, months: 5000}\n",
            "s.yaml:5:5: variations[0].shift: event 2008-01-29-mediated-talks: the shifted date is "
            "out of range: date 2424-09-29 is outside 1800-01-01..2200-12-31",
        ),
        (  # a misspelt fact was taken, and changed nothing
            "  - change: {event: 2008-01-29-mediated-talks, facts: {votes_fro: 5}}\n",
            "s.yaml:5:48: variations[0].change.facts: undeclared fact 'votes_fro'; did you mean "
            "'votes_for'?",
        ),
        (
            "  - insert: {at: 2008-01-01, event: {id: x1, kind: protest, date: 2008-01-01, "
            "facts: {participant: 5}}}\n",
            "s.yaml:5:79: variations[0].insert.event.facts: undeclared fact 'participant'",
        ),
    ],
)
def test_a_variation_the_log_cannot_take_is_located(
    tmp_path: Path, variations: str, expected: str
) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(HEAD + "variations:\n" + variations)
    result = invoke("run", str(path), "--json")
    assert result.exit_code == EXIT_INPUT, result.output
    assert f"error: {tmp_path}/{expected}" in result.output, result.output


def test_a_fact_of_an_inline_event_is_checked(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(
        f"name: x\nmodel: {KENYA}/model.yaml\nevents:\n"
        "  - {id: a, kind: election_held, date: 2008-01-01, facts: {votes_fro: 5}}\n"
    )
    result = invoke("run", str(path))
    assert result.exit_code == EXIT_INPUT, result.output
    assert f"error: {path}:4:52: events[0].facts: undeclared fact 'votes_fro'" in result.output


# --- a model's data-defined (CEL) entries and its lists: located at their line --------------
RULE = "invariants: [amendments_two_thirds]\nrules:\n  - {id: r1, provision: amendment_procedure, allow: 'ALLOW'}\n"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [  # each was "model.yaml: rule 'r1' ..." (no line) or "<world>: ..." (no file)
        (RULE, "world.nonsense >", "model.yaml:26:46: rules[0].allow: rule 'r1': Failed to parse"),
        (RULE, "world.nonsense > 1", "model.yaml:26:46: rules[0].allow: rule 'r1' reads unknown"),
        (
            "initial: campaign\n",
            "initial: campaign\nworld: {fields: {x: {type: int, default: " + "9" * 30 + "}}}\n",
            "model.yaml:11:33: world.fields.x.default: x is out of range",
        ),
        (  # each was taken silently
            "invariants: [amendments_two_thirds]",
            "invariants: [amendments_two_thirds, amendments_two_thirds]",
            "model.yaml:24:37: invariants[1]: invariant 'amendments_two_thirds' is listed twice",
        ),
        (
            RULE.replace("r1", "amendment_two_thirds"),
            "true",
            "model.yaml:26:6: rules[0].id: 'amendment_two_thirds' is a built-in rule: give yours",
        ),
        (
            "effects: [record_agreement]",
            "effects: [{record_agreement: 5}]",
            "model.yaml:53:67: transitions[8].effects[0]: effect 'record_agreement' takes no "
            "argument, got '5'",
        ),
        (
            "properties:\n",
            "properties:\n  - {id: amendment_by_sitting_assembly, type: absence, "
            "event: violence, provision: amendment_procedure}\n",
            "model.yaml:28:5: properties[1].id: property 'amendment_by_sitting_assembly' is "
            "defined twice",
        ),
    ],
)
def test_a_models_definitions_are_located(
    old: str, new: str, expected: str, kenya_copy: Path
) -> None:
    pack = kenya_copy
    model = pack / "model.yaml"
    text = model.read_text()
    if old.startswith("invariants: [amendments_two_thirds]\nrules:"):
        text = text.replace("invariants: [amendments_two_thirds]\n", old.replace("ALLOW", new))
        text = text.replace("guards: [amendment_two_thirds]", "guards: [amendment_two_thirds, r1]")
    else:
        assert old in text
        text = text.replace(old, new, 1)
    model.write_text(text)
    for args in (["validate", str(model)], ["replay", "--pack", str(pack), "--json"]):
        result = invoke(*args)
        assert result.exit_code == EXIT_INPUT, result.output
        assert f"error: {model}:{expected.split(':', 1)[1]}" in result.output, result.output


def test_a_cel_rule_failing_on_an_event_names_its_line(kenya_copy: Path) -> None:
    pack = kenya_copy
    model = pack / "model.yaml"
    text = model.read_text().replace("invariants: [amendments_two_thirds]\n", RULE)
    text = text.replace("ALLOW", "1 / 0 == 1").replace(
        "guards: [amendment_two_thirds]", "guards: [amendment_two_thirds, r1]"
    )
    model.write_text(text)
    result = invoke("replay", "--pack", str(pack))  # was "error: rule 'r1' failed on ..."
    assert result.exit_code == EXIT_INPUT, result.output
    assert (
        f"error: {model}:26:46: rules[0].allow: rule 'r1' failed on event "
        "'2008-03-18-amendment-passed': division by zero" in result.output
    ), result.output


def test_a_cel_rule_reading_a_null_field_says_it_is_null(kenya_copy: Path) -> None:
    """`world.dissolved_on + 1` before any dissolution fails in CEL with "No such overload
    ... mixing int with uint or double", which points nowhere near the cause: the message now
    names the field that is null and how to test it."""
    pack = kenya_copy
    model = pack / "model.yaml"
    text = model.read_text().replace("invariants: [amendments_two_thirds]\n", RULE)
    text = text.replace("ALLOW", "event.date > world.dissolved_on + 1").replace(
        "guards: [amendment_two_thirds]", "guards: [amendment_two_thirds, r1]"
    )
    model.write_text(text)
    result = invoke("replay", "--pack", str(pack))
    assert result.exit_code == EXIT_INPUT, result.output
    assert f"error: {model}:26:46: rules[0].allow: rule 'r1' failed on event " in result.output
    assert (
        "world.dissolved_on is null here: test `world.dissolved_on != null` before reading it"
        in result.output
    ), result.output


def test_a_change_enacted_by_an_unknown_kind_is_located(kenya_copy: Path) -> None:
    pack = kenya_copy
    profile = pack / "profile.yaml"
    text = profile.read_text()
    line = text.count("\n") + 3
    profile.write_text(
        text + "changes:\n  - id: c1\n    description: x\n"
        "    enacted_by: {kind: law_pased, law: x}\n    parameters: {term_years: 4}\n"
    )
    result = invoke("replay", "--pack", str(pack))  # was taken: the change never took effect
    assert result.exit_code == EXIT_INPUT, result.output
    assert (
        f"error: {profile}:{line + 1}:18: changes[0].enacted_by.kind: change 'c1': unknown event "
        "kind 'law_pased'; did you mean 'law_passed'?" in result.output
    ), result.output


# --- packs: one bad file, reported once, the others still read ------------------------------
def test_one_unreadable_article_hides_no_other_and_is_reported_once(kenya_copy: Path) -> None:
    pack = kenya_copy
    text = pack / "kenya_001.txt"
    text.write_bytes(text.read_text().encode("utf-16"))
    result = invoke("validate", "--pack", str(pack))
    assert result.exit_code == EXIT_INPUT, result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    # was: "unknown article" for every citation of kenya_001 and of kenya_002 (readable), the
    # text's problem 5 times, and "the event log named here, 'kenya_001.txt'"
    assert "unknown article" not in result.output
    assert sum("UTF-16 text" in line for line in errors) == 1, errors
    assert (
        f"error: {pack}/pack.yaml:10:1: events: the event log named here, '{pack}/events.yaml'"
        in result.output
    )
    assert len(errors) == 5, errors  # the text, pack.yaml's line, each scenario's line


def test_the_event_log_named_is_the_one_said_invalid(kenya_copy: Path) -> None:
    pack = kenya_copy
    actors = pack / "actors.yaml"
    actors.write_text(actors.read_text().replace("  - id: eck", "  - id: odm"))
    result = invoke("replay", "--pack", str(pack))
    assert result.exit_code == EXIT_INPUT, result.output
    assert f"{actors}:11:5: actors[1].id: duplicate actor id 'odm'" in result.output
    # was "the event log named here, '.../actors.yaml'"
    assert f"events: the event log named here, '{pack}/events.yaml', has the problems" in (
        result.output
    )


def test_a_pack_naming_a_missing_scenarios_folder_or_a_folder_without_pack_yaml(
    kenya_copy: Path,
) -> None:
    pack = kenya_copy
    meta = pack / "pack.yaml"
    meta.write_text(meta.read_text().replace("scenarios: scenarios", "scenarios: scenaros"))
    result = invoke("run", "--pack", str(pack))  # was: no scenario run, exit 0
    assert result.exit_code == EXIT_INPUT, result.output
    assert f"error: {meta}:11:1: scenarios: no folder 'scenaros' in the pack" in result.output
    meta.unlink()
    result = invoke("validate", "--pack", str(pack))  # was "unknown pack '<the folder>'"
    assert f"error: {pack}: not a pack folder: it has no pack.yaml" in result.output


# --- policies, simulation results and sweeps: what was taken silently -----------------------
CAMBODIA = PACKS / "cambodia-2013-2017"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "facts: [{value: {members_present: 68}}]",
            "facts: [{value: {members_presnt: 68}}]",
            "p.yaml:30:13: actors[0].rules[2].moves[0].facts: undeclared fact 'members_presnt'",
        ),
        (
            "  - actor: cpp\n",
            "  - actor: cnrp\n",
            "p.yaml:41:5: actors[1].actor: actor 'cnrp' is listed twice (first as actors[0])",
        ),
    ],
)
def test_a_policy_taken_silently_is_located(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    policy = tmp_path / "p.yaml"
    text = (CAMBODIA / "policies" / "talks-first.yaml").read_text()
    assert old in text
    policy.write_text(text.replace(old, new, 1))
    args = ["simulate", "--pack", str(CAMBODIA), "--policy", str(policy), "--runs", "5"]
    result = invoke(*args, "--no-progress", "--json")
    assert result.exit_code == EXIT_INPUT, result.output
    assert f"error: {tmp_path}/{expected}" in result.output, result.output


@given(p=st.floats(0, 1), low=st.floats(0, 1), high=st.floats(0, 1))
def test_a_simulation_interval_must_hold_its_share(
    tmp_path_factory: Any, p: float, low: float, high: float
) -> None:
    from negotiation.cli.output import _load_simulation

    path = tmp_path_factory.mktemp("s") / "sim.json"
    path.write_text(json.dumps({"outcomes": {"x": {"p": p, "ci95": [low, high]}}}))
    if low - 1e-9 <= p <= high + 1e-9:
        assert _load_simulation(str(path))["outcomes"]["x"]["p"] == p
    else:  # was charted: an interval inside out, or beside its share
        with pytest.raises(InputError, match=r"sim.json:1:\d+: outcomes.x.ci95: the interval"):
            _load_simulation(str(path))


@pytest.mark.parametrize(
    ("tail", "expected"),
    [  # each was two cells the table could not tell apart
        ("grid: {interpretation: [government_2013, government_2013]}\n", "s.yaml:5:42: grid."),
        ("grid: {smoothing: [1]}\ncells:\n  - {name: a}\n  - {name: a}\n", "s.yaml:8:6: cells[1]"),
    ],
)
def test_a_sweep_cell_twice_is_located(tmp_path: Path, tail: str, expected: str) -> None:
    path = tmp_path / "s.yaml"
    path.write_text("sweep: s\nruns: 5\npack: cambodia-2013-2017\npolicy: talks-first\n" + tail)
    result = invoke("sweep", str(path), "--json")
    assert result.exit_code == EXIT_INPUT, result.output
    assert f"error: {tmp_path}/{expected}" in result.output, result.output


def test_a_bad_world_predicate_or_matrix_is_located_at_its_entry(tmp_path: Path) -> None:
    path = tmp_path / "w.yaml"
    path.write_text("name: x\nexpect:\n  world: [assembly == convened, 'agreements ==']\n")
    result = invoke("run", str(path))  # was at `expect` (2:1)
    assert f"error: {path}:3:33: expect.world[1]: world predicate 'agreements ==' is" in (
        result.output
    )
    path.write_text("name: x\nmatrix:\n  - name: a\n  - name: a\n")
    result = invoke("run", str(path))  # was at the top of the file (1:1)
    assert f"error: {path}:2:1: matrix: matrix cell names must be unique: a" in result.output


@pytest.mark.parametrize("value", ["5", "'2008'", "'2008-01'", "2008-01-01T10:00:00", "1.5"])
def test_a_date_that_is_no_date_says_how_to_write_one(value: str, kenya_copy: Path) -> None:
    log = kenya_copy / "events.yaml"
    log.write_text(log.read_text().replace("date: '2007-12-30'", f"date: {value}", 1))
    result = invoke("validate", str(log))  # was "Datetimes provided to dates should have zero"
    assert f"{log}:39:3: events[2].date: Input should be a valid date, written YYYY-MM-DD" in (
        result.output
    ), result.output


def test_a_scenario_taking_its_pack_by_a_relative_path_finds_its_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:

    shutil.copytree(CAMBODIA, tmp_path / "packs" / "c")
    monkeypatch.chdir(tmp_path)
    result = invoke("run", "packs/c/scenarios/talks_first_distribution.yaml", "-q")
    # was: event log 'packs/c/scenarios/packs/c/scenarios/../events.yaml' not found
    assert result.exit_code == 0, result.output
    assert invoke("validate", "--pack", "packs/c/").exit_code == 0


@given(st.sampled_from(['{"events": [1, 2', '{"a": 1,, "b": 2}', "[1, 2}"]))
def test_a_json_file_that_does_not_parse_is_called_invalid_json(text: str) -> None:
    """JSON is read as YAML; a broken ``.json`` file said "invalid YAML", which its writer never
    wrote. It says "invalid JSON", at the line and column, and a ``.yaml`` file keeps "YAML"."""
    with pytest.raises(InputError, match=r"^log\.json:\d+:\d+: invalid JSON: "):
        yamldoc.load_text(text, "log.json")
    with pytest.raises(InputError, match=r"^log\.yaml:\d+:\d+: invalid YAML: "):
        yamldoc.load_text(text, "log.yaml")


@given(
    st.sampled_from(
        [
            ("members", 2**53),
            ("members", 10**26),
            ("seats", {"cpp": 10**26}),
            ("duration_hours", float("inf")),
            ("duration_hours", float("nan")),
        ]
    )
)
def test_a_count_too_big_for_rules_and_exports_is_refused(fact: tuple[str, Any]) -> None:
    """10**26 seats passed and became a float inside CEL rules; infinite hours passed too. A
    count stays within JSON's safe integers (exact in every export's reader), a number finite."""
    from pydantic import ValidationError

    from negotiation.events.event import MAX_COUNT, Facts
    from negotiation.events.vocabulary import builtin_vocabulary

    name, value = fact
    vocabulary = builtin_vocabulary()
    (problem,) = vocabulary.check_facts({name: value})
    assert problem.startswith(f"fact {name!r} is a ")
    assert vocabulary.check_facts({name: {"cpp": MAX_COUNT} if name == "seats" else 1}) == []
    with pytest.raises(ValidationError):  # an event's own facts: the same bounds
        Facts.model_validate({name: value})
    assert Facts.model_validate({name: {"cpp": MAX_COUNT} if name == "seats" else MAX_COUNT})
