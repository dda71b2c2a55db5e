"""Hostile input, third campaign: a name that refers to nothing (a provision an interpretation
cites, an undefined default interpretation, an actor a policy gives, a trigger pattern that
does not compile) is an error at the line that names it, never at the top of the file nor at
a later stage."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from pydantic import ValidationError

from negotiation.cli import main
from negotiation.cli.common import EXIT_INPUT
from negotiation.model.profile import load_profile

PACKS = Path(__file__).parent.parent / "negotiation" / "data" / "packs"


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def _line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if text in line)


INTERPRETATIONS = """
interpretations:
  strict:
    description: the strict reading
    provisions: [amendment_procedure, assembly_sise]
default_interpretation: strikt
"""


def test_an_interpretation_citing_an_unknown_provision_is_located_at_the_citation(
    kenya_copy: Path,
) -> None:
    profile = kenya_copy / "profile.yaml"
    profile.write_text(profile.read_text() + INTERPRETATIONS)
    cites, default = _line_of(profile, "assembly_sise"), _line_of(profile, "strikt")
    for args in (["validate", str(profile)], ["validate", "--pack", str(kenya_copy)]):
        result = invoke(*args)
        assert result.exit_code == EXIT_INPUT, result.output
        # was "profile.yaml:5:1: interpretation 'strict' cites unknown provision ..."
        assert (
            f"{profile}:{cites}:" in result.output
            and "interpretations.strict.provisions[1]: interpretation 'strict' cites unknown "
            "provision 'assembly_sise'; did you mean 'assembly_size'?"
            in result.output
        ), result.output
        assert (
            f"{profile}:{default}:1: default_interpretation: unknown interpretation 'strikt'; "
            "did you mean 'strict'?" in result.output
        ), result.output
        assert f"{profile}:5:1" not in result.output


def test_a_change_id_given_twice_is_located_at_the_second(kenya_copy: Path) -> None:
    profile = kenya_copy / "profile.yaml"
    change = "  - id: law-1\n    effective: 2008-01-01\n    parameters: {term_years: 4}\n"
    profile.write_text(profile.read_text() + "changes:\n" + change + change)
    result = invoke("validate", str(profile))
    assert result.exit_code == EXIT_INPUT, result.output
    first = _line_of(profile, "id: law-1")
    assert f":{first + 3}:" in result.output, result.output
    assert f"duplicate change id 'law-1' (first at line {first})" in result.output


def test_the_api_still_refuses_a_profile_citing_an_unknown_provision() -> None:
    data = load_profile().model_dump()
    data["default_interpretation"] = "nobody"
    with pytest.raises(ValidationError, match="default_interpretation 'nobody'"):
        type(load_profile()).model_validate(data)


VOCABULARY = """kinds:
  court_stay:
    description: A court stays an act.
    triggers: ["stayed the (dissolution", "{NO_SUCH_MACRO} stayed", "court stayed"]
"""


def test_validate_compiles_a_vocabularys_triggers(kenya_copy: Path) -> None:
    vocabulary = kenya_copy / "vocabulary.yaml"
    vocabulary.write_text(VOCABULARY)
    for args in (["validate", str(vocabulary)], ["validate", "--pack", str(kenya_copy)]):
        result = invoke(*args)
        assert result.exit_code == EXIT_INPUT, result.output  # was ok until extract read it
        assert (
            f"{vocabulary}:4:16: kinds.court_stay.triggers[0]: invalid pattern: missing ), "
            in result.output
        ), result.output
        assert "kinds.court_stay.triggers[1]: unknown macro {NO_SUCH_MACRO}" in result.output
        assert "triggers[2]" not in result.output  # a plain phrase compiles
    vocabulary.write_text(
        VOCABULARY.replace('"stayed the (dissolution", "{NO_SUCH_MACRO} stayed", ', "")
    )
    assert invoke("validate", str(vocabulary)).exit_code == 0


def test_a_policys_unknown_actor_is_located_with_a_suggestion(tmp_path: Path) -> None:
    pack = tmp_path / "kh"
    shutil.copytree(PACKS / "cambodia-2013-2017", pack)
    policy = pack / "policies" / "talks-first.yaml"
    text = policy.read_text().replace("  - actor: cnrp\n", "  - actor: cnrpp\n")
    policy.write_text(text.replace("recipients: [cpp, cnrp]}", "recipients: [cpp, rainsy]}"))
    actor_line, recipient_line = _line_of(policy, "actor: cnrpp"), _line_of(policy, "rainsy")
    runs = ("--runs", "5", "--json")
    for args in (
        ["validate", str(policy)],
        ["simulate", "--pack", str(pack), "--policy", "talks-first", *runs],
        ["simulate", "--model", str(pack / "model.yaml"), "--policy", str(policy), *runs],
    ):
        result = invoke(*args)
        assert result.exit_code == EXIT_INPUT, result.output  # was accepted: it never moved
        assert (
            f"{policy}:{actor_line}:5: actors[1].actor: unknown actor 'cnrpp'; did you mean "
            f"'cnrp'? (the actors of {pack / 'actors.yaml'})" in result.output
        ), result.output
        assert f"{policy}:{recipient_line}:" in result.output
        assert "recipients[1]: unknown actor 'rainsy'" in result.output, result.output
    assert invoke("validate", str(PACKS / "cambodia-2013-2017" / "policies")).exit_code == 0


# --- another country's profile: what is missing, who needs it, and how to run anyway ---------
def test_another_countrys_profile_names_what_is_missing_and_how_to_run(tmp_path: Path) -> None:
    """Sri Lanka's 2018 record under Cambodia's profile: the missing provision and the missing
    parameters in one error (were two rounds, a rule named once per transition it guards),
    and the `disable_rules` line that runs it, which does."""
    sri_lanka = PACKS / "sri-lanka-2018"
    cambodia = PACKS / "cambodia-2013-2017" / "profile.yaml"
    result = invoke("replay", "--pack", str(sri_lanka), "--profile", str(cambodia), "--json")
    assert result.exit_code == EXIT_INPUT, result.output
    text = result.output
    assert "does not provide the provisions" in text and "no_confidence (rule " in text
    assert "needs thresholds.dissolution_request" in text and "needs dissolution_bar_months" in text
    parameters = next(line for line in text.splitlines() if "lacks parameters" in line)
    assert parameters.count("no_confidence_majority at") == 1, text  # was once per transition
    rules = "dissolution_request_two_thirds, early_dissolution_bar, no_confidence_majority"
    assert f"`disable_rules: [{rules}]` in a scenario" in text, text
    assert "`parameters.custom.dissolution_bar_months`" in text
    assert "`parameters.thresholds.dissolution_request`" in text
    scenario = tmp_path / "s.yaml"
    scenario.write_text(
        f"name: under Cambodia's profile\nmodel: {sri_lanka / 'model.yaml'}\n"
        f"events: {sri_lanka / 'events.yaml'}\nprofile: {cambodia}\ndisable_rules: [{rules}]\n"
    )
    assert invoke("run", str(scenario)).exit_code == 0


def test_a_typo_in_a_cel_rules_provision_or_threshold_is_located_at_the_rule(
    tmp_path: Path,
) -> None:
    """A CEL rule citing `self_dissolutoin`, or reading `params.needed.dissolution_lw`, is
    named at its own `provision:` / `allow:` line with the profile's nearest name (was: at the
    transition naming it as a guard, and no "did you mean": the user was told to add a
    provision to the profile when the typo was in the model)."""
    pack = tmp_path / "israel"
    shutil.copytree(Path(__file__).parent.parent / "examples" / "israel-2019-2020", pack)
    model = pack / "model.yaml"
    text = model.read_text()
    cite = "    provision: self_dissolution\n"
    read = 'params.needed.dissolution_law"'
    assert text.count(cite) == 1 and text.count(read) == 1
    line = text[: text.index(cite)].count("\n") + 1
    model.write_text(text.replace(cite, cite.replace("dissolution", "dissolutoin")))
    result = invoke("replay", "--pack", str(pack))
    assert result.exit_code == EXIT_INPUT, result.output
    assert (
        f"self_dissolutoin (rule dissolution_majority at {model}:{line}:5; did you mean "
        "'self_dissolution'?)" in result.output
    ), result.output
    model.write_text(text.replace(read, 'params.needed.dissolution_lw"'))
    result = invoke("replay", "--pack", str(pack))
    assert result.exit_code == EXIT_INPUT, result.output
    assert (
        f"rule dissolution_majority at {model}:{line + 2}:5 needs thresholds.dissolution_lw; "
        "did you mean 'thresholds.dissolution_law'?" in result.output
    ), result.output


def test_validate_pack_says_a_models_problem_once_whatever_the_path_it_was_read_by(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`validate --pack israel` with a typo in a rule's provision: the pack read the model as
    `israel/model.yaml`, its scenarios (`pack: ..`) as an absolute path; the two errors differed
    only in how their message spelled the model's path, and both were printed."""
    pack = tmp_path / "israel"
    shutil.copytree(Path(__file__).parent.parent / "examples" / "israel-2019-2020", pack)
    model = pack / "model.yaml"
    model.write_text(model.read_text().replace("provision: self_dissolution", "provision: x_y"))
    monkeypatch.chdir(tmp_path)
    result = invoke("validate", "--pack", "israel")
    assert result.exit_code == EXIT_INPUT, result.output
    assert result.output.count("does not provide the provisions") == 1, result.output
    assert result.output.count("to run model 'israel-2019-2020'") == 1, result.output


def test_an_invariants_provision_is_named_as_one_that_cannot_be_switched_off(
    kenya_copy: Path,
) -> None:
    """The built-in model under the Kenyan profile: its invariants cite provisions Kenya's
    profile lacks; the error says they must be given (a rule can be switched off, they not)."""
    result = invoke("replay", "--profile", str(kenya_copy / "profile.yaml"))
    assert result.exit_code == EXIT_INPUT, result.output
    assert "invariants and properties cannot be switched off" in result.output, result.output
    assert "seats_on_boycott (invariant boycott_keeps_seats)" in result.output


def test_a_misspelt_rule_to_disable_is_named_before_what_it_would_have_fixed(
    tmp_path: Path,
) -> None:
    sri_lanka = PACKS / "sri-lanka-2018"
    scenario = tmp_path / "s.yaml"
    scenario.write_text(
        f"name: x\nmodel: {sri_lanka / 'model.yaml'}\nevents: {sri_lanka / 'events.yaml'}\n"
        f"profile: {PACKS / 'cambodia-2013-2017' / 'profile.yaml'}\n"
        "disable_rules: [no_confidence_majorty]\n"
    )
    result = invoke("run", str(scenario))
    assert result.exit_code == EXIT_INPUT, result.output
    assert "unknown rule 'no_confidence_majorty'; did you mean 'no_confidence_majority'?" in (
        result.output
    ), result.output


def test_a_dissolution_power_held_by_an_unknown_actor_is_located(tmp_path: Path) -> None:
    """A misspelt holder of the power to dissolve was a power nobody held: Sri Lanka's record
    replayed at 84.6% instead of 100%, without a word."""
    pack = tmp_path / "sl"
    shutil.copytree(PACKS / "sri-lanka-2018", pack)
    profile = pack / "profile.yaml"
    assert "    - sirisena\n" in profile.read_text()
    profile.write_text(profile.read_text().replace("    - sirisena\n", "    - sirisna\n"))
    line = _line_of(profile, "- sirisna")
    for args in (["replay", "--pack", str(pack), "--json"], ["validate", "--pack", str(pack)]):
        result = invoke(*args)
        assert result.exit_code == EXIT_INPUT, result.output
        assert (
            f"{profile}:{line}:7: parameters.dissolution[0].by[0]: unknown actor 'sirisna'; "
            "did you mean 'sirisena'?" in result.output
        ), result.output
    # another dispute's profile names its own actors: not checked against this one's
    scenario = PACKS / "sri-lanka-2018" / "scenarios" / "dissolution_under_cambodias_profile.yaml"
    assert invoke("run", str(scenario)).exit_code == 0


def test_a_default_interpretation_is_not_blamed_for_interpretations_of_the_wrong_type(
    tmp_path: Path,
) -> None:
    profile = tmp_path / "profile.yaml"
    text = (PACKS / "sri-lanka-2018" / "profile.yaml").read_text()
    profile.write_text(text.replace("\ninterpretations:\n", "\ninterpretations: []\nx:\n"))
    result = invoke("validate", str(profile))
    assert result.exit_code == EXIT_INPUT, result.output
    assert "interpretations: Input should be a mapping" in result.output
    assert "unknown interpretation" not in result.output  # was blamed on default_interpretation


def test_a_trigger_that_can_take_exponential_time_is_refused_by_validate(
    kenya_copy: Path,
) -> None:
    """`(?:x+x+)+y` on forty x's: extraction ran past a minute (a hang from a pack file)."""
    vocabulary = kenya_copy / "vocabulary.yaml"
    vocabulary.write_text(VOCABULARY.replace('"stayed the (dissolution"', '"(?:x+x+)+y"'))
    result = invoke("validate", str(vocabulary))
    assert result.exit_code == EXIT_INPUT, result.output
    assert (
        f"{vocabulary}:4:16: kinds.court_stay.triggers[0]: a group repeated with + or * that "
        "holds only repetitions" in result.output
    ), result.output


def test_a_packs_lexicon_is_validated_as_a_lexicon(kenya_copy: Path) -> None:
    """It has `kinds:` as a vocabulary has: it was checked as one (every kind 'missing its
    description', 'priority' an unknown field)."""
    lexicon = kenya_copy / "lexicon.yaml"
    lexicon.write_text("kinds:\n  protest:\n    priority: 50\n    patterns: [marched]\n")
    result = invoke("validate", str(lexicon))
    assert result.exit_code == 0, result.output
    assert "(lexicon, 1 entries)" in result.output
    lexicon.write_text("kinds:\n  protest:\n    patterns: ['(\\w+\\s?)+$', marched]\n")
    for args in (["validate", str(lexicon)], ["validate", "--pack", str(kenya_copy)]):
        result = invoke(*args)
        assert result.exit_code == EXIT_INPUT, result.output
        assert f"{lexicon}:3:16: kinds.protest.patterns[0]: a group repeated" in result.output
        assert "description" not in result.output
    # extraction with it refuses it where it is written too (it hung on a long name)
    article = kenya_copy / "a.txt"
    article.write_text("Headline\n\nProtesters marched on Monday in the capital city.\n")
    result = invoke("extract", str(article), "--published", "2008-01-03", "--lexicon", str(lexicon))
    assert result.exit_code == EXIT_INPUT, result.output
    assert f"{lexicon}:3:16: kinds.protest.patterns[0]: a group repeated" in result.output


def test_a_copied_pack_names_another_disputes_profile_by_its_pack(tmp_path: Path) -> None:
    """The Sri Lankan pack's what-if under Cambodia's profile named it
    `../../cambodia-2013-2017/profile.yaml`: a copy of the pack (how the README says to start
    one's own) failed `validate --pack` with 'file not found'. `pack:ID` names it wherever the
    pack lies; an unknown id is located with a suggestion."""
    pack = tmp_path / "mine"
    shutil.copytree(PACKS / "sri-lanka-2018", pack)
    result = invoke("validate", "--pack", str(pack))
    assert result.exit_code == 0, result.output
    assert invoke("run", "--pack", str(pack)).exit_code == 0
    scenario = pack / "scenarios" / "dissolution_under_cambodias_profile.yaml"
    text = scenario.read_text()
    assert "profile: pack:cambodia-2013-2017\n" in text
    scenario.write_text(text.replace("pack:cambodia-2013-2017", "pack:cambodia-2013"))
    result = invoke("run", str(scenario), "--json")
    assert result.exit_code == EXIT_INPUT, result.output
    line = _line_of(scenario, "profile: pack:")
    assert (
        f"{scenario}:{line}:1: profile: pack:cambodia-2013: unknown pack 'cambodia-2013'; "
        "did you mean 'cambodia-2013-2017'?" in result.output
    ), result.output


def test_a_scenario_names_a_users_own_pack_by_its_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`pack:../khmer` is the folder beside the scenario's pack, wherever the command is run
    from (it was taken from the working directory, so only built-in ids worked there)."""
    shutil.copytree(PACKS / "cambodia-2013-2017", tmp_path / "khmer")
    pack = tmp_path / "mine"
    shutil.copytree(PACKS / "sri-lanka-2018", pack)
    scenario = pack / "scenarios" / "dissolution_under_cambodias_profile.yaml"
    by_id = invoke("run", str(scenario), "--json")
    scenario.write_text(scenario.read_text().replace("pack:cambodia-2013-2017", "pack:../../khmer"))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    by_folder = invoke("run", str(scenario), "--json")
    assert by_folder.exit_code == by_id.exit_code, by_folder.output
    assert json.loads(by_folder.output) == json.loads(by_id.output)
    scenario.write_text(scenario.read_text().replace("pack:../../khmer", "pack:../../nowhere"))
    result = invoke("run", str(scenario), "--json")
    assert result.exit_code == EXIT_INPUT, result.output
    line = _line_of(scenario, "profile: pack:")
    assert (
        f"{scenario}:{line}:1: profile: pack:../../nowhere: no pack folder "
        f"{pack}/scenarios/../../nowhere" in result.output
    ), result.output


def test_a_broken_actors_file_is_not_blamed_on_the_model_or_the_policy(tmp_path: Path) -> None:
    pack = tmp_path / "kh"
    shutil.copytree(PACKS / "cambodia-2013-2017", pack)
    actors = pack / "actors.yaml"
    actors.write_text(actors.read_text().replace("actors:\n", "actors:\n  - {id: 5}\n", 1))
    for path in (pack / "model.yaml", pack / "policies" / "talks-first.yaml"):
        result = invoke("validate", str(path))
        assert result.exit_code == 0, result.output  # the actors' problem is the log's
    result = invoke("validate", str(pack / "events.yaml"))
    assert result.exit_code == EXIT_INPUT and "actors.yaml" in result.output, result.output


def test_a_sweep_names_another_disputes_profile_by_its_pack(tmp_path: Path) -> None:
    sweep = tmp_path / "s.yaml"
    sweep.write_text(
        "sweep: x\npack: cambodia-2013-2017\npolicy: talks-first\nruns: 5\n"
        "grid:\n  profile: [pack:cambodia-2013-2017, pack:cambodia-2013]\n"
    )
    result = invoke("sweep", str(sweep), "--json")
    assert result.exit_code == EXIT_INPUT, result.output
    assert (
        f"{sweep}:6:38: grid.profile[1]: pack:cambodia-2013: unknown pack 'cambodia-2013'; "
        "did you mean 'cambodia-2013-2017'?" in result.output
    ), result.output
    sweep.write_text(sweep.read_text().replace(", pack:cambodia-2013]", "]"))
    assert invoke("sweep", str(sweep), "--json").exit_code == 0


def test_extract_refuses_a_packs_trigger_that_can_take_exponential_time(
    kenya_copy: Path,
) -> None:
    """The check is in the vocabulary's loader: `extract --pack` ran the pattern (forty x's
    took over a minute), and now stops at the trigger's line."""
    (kenya_copy / "vocabulary.yaml").write_text(
        VOCABULARY.replace('"stayed the (dissolution"', '"(?:x+x+)+y"')
    )
    text = kenya_copy / "art.txt"
    text.write_text("The court said so today.\n")
    result = invoke("extract", "--pack", str(kenya_copy), str(text), "--published", "2008-01-01")
    assert result.exit_code == EXIT_INPUT, result.output
    assert "vocabulary.yaml:4:16: kinds.court_stay.triggers[0]: a group repeated" in (
        result.output
    ), result.output


def test_a_law_change_that_no_event_of_the_log_enacts_is_located(tmp_path: Path) -> None:
    """A misspelt law id in a change's `enacted_by`: the 2017 law never came into force, the
    record replayed at 97.3% and one scenario failed, with no word of why."""
    pack = tmp_path / "kh"
    shutil.copytree(PACKS / "cambodia-2013-2017", pack)
    profile = pack / "profile.yaml"
    old = "enacted_by: {kind: law_passed, law: election-laws-2017}"
    assert old in profile.read_text()
    profile.write_text(profile.read_text().replace(old, old.replace("laws-2017", "law-2017")))
    result = invoke("validate", "--pack", str(pack), "--json")
    assert result.exit_code == EXIT_INPUT, result.output
    line = _line_of(profile, "law: election-law-2017")
    assert f'"line": {line}' in result.output, result.output
    assert (
        "change 'election-laws-2017' is enacted by a law_passed event with law "
        "'election-law-2017', and the pack's log has none: it never comes into force; "
        "did you mean 'election-laws-2017'" in result.output
    ), result.output


def test_validate_pack_reads_the_packs_policies(tmp_path: Path) -> None:
    """A policy no scenario uses was never read by `validate --pack`."""
    pack = tmp_path / "kh"
    shutil.copytree(PACKS / "cambodia-2013-2017", pack)
    (pack / "scenarios" / "talks_first_distribution.yaml").unlink()
    policy = pack / "policies" / "talks-first.yaml"
    policy.write_text(policy.read_text().replace("  - actor: cnrp\n", "  - actor: cnrpp\n"))
    result = invoke("validate", "--pack", str(pack))
    assert result.exit_code == EXIT_INPUT, result.output
    assert f"{policy}:" in result.output and "unknown actor 'cnrpp'" in result.output


def test_the_command_line_takes_another_disputes_profile_by_its_pack() -> None:
    result = invoke("replay", "--pack", "thailand-2013-2014", "--profile", "pack:cambodia")
    assert result.exit_code == EXIT_INPUT, result.output  # was "pack:cambodia: file not found"
    assert "Invalid value for '--profile': pack:cambodia: unknown pack 'cambodia'; did you " in (
        result.output
    )
    result = invoke("replay", "--pack", "sri-lanka-2018", "--profile", "pack:cambodia-2013-2017")
    assert result.exit_code == EXIT_INPUT, result.output
    assert "`disable_rules: [dissolution_request_two_thirds, early_dissolution_bar" in (
        result.output
    )


def test_a_vote_counting_more_members_than_the_assembly_has_is_located(kenya_copy: Path) -> None:
    """A typo'd count (999 of 210 seats) passed every threshold rule without a word."""
    events = kenya_copy / "events.yaml"
    text = events.read_text(encoding="utf-8")
    marker = "    subject: Constitution of Kenya (Amendment) Act 2008"
    assert text.count(marker) == 1
    events.write_text(text.replace(marker, "    votes_for: 999\n" + marker), encoding="utf-8")
    result = invoke("validate", "--pack", str(kenya_copy))
    assert result.exit_code == EXIT_INPUT, result.output
    line = next(i for i, t in enumerate(events.read_text().splitlines(), 1) if "999" in t)
    assert (
        f"{events}:{line}:5: events[9].facts.votes_for: votes_for 999 is more than the 210 seats"
        in result.output
    ), result.output


def test_a_what_if_vote_beyond_the_assembly_is_located_at_its_variation(tmp_path: Path) -> None:
    what_if = tmp_path / "w.yaml"
    what_if.write_text(
        "name: a typo'd vote\npack: kenya-2007-2008\nvariations:\n"
        "  - change: {event: 2008-03-18-amendment-passed, facts: {votes_for: 999}}\n"
        "expect: {accepted: all}\n",
        encoding="utf-8",
    )
    result = invoke("run", str(what_if))
    assert result.exit_code == EXIT_INPUT, result.output
    assert (
        f"{what_if}:4:5: variations[0].change: 2008-03-18-amendment-passed: votes_for 999 is "
        "more than the 210 seats" in result.output
    ), result.output
    # a count within the Assembly runs (and a count the record itself never had is no problem)
    what_if.write_text(what_if.read_text().replace("999", "150"), encoding="utf-8")
    assert invoke("run", str(what_if)).exit_code == 0


def test_no_shipped_trigger_can_take_exponential_time() -> None:
    """Extraction skips the check for the package's own lexicon and packs (it cost every run
    0.12 CPU-s): this test holds them to it instead."""
    from negotiation._internal.paths import data_dir
    from negotiation._internal.redos import exponential
    from negotiation.extract.lexicon import lexicon_for_pack, load_lexicon

    lexicons = [load_lexicon(), *(lexicon_for_pack(p) for p in (data_dir() / "packs").iterdir())]
    patterns = {
        p.pattern for lex in lexicons for rule in lex.rules.values() for p in rule.patterns
        if not isinstance(p, str)
    }  # fmt: skip
    assert len(patterns) > 300
    assert [p for p in patterns if exponential(p) is not None] == []
