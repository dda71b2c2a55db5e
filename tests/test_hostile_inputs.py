"""A second hostile-input campaign against the command line (the first is
``test_hostile_campaign.py``): each case was a traceback, an error with no line, a silently
wrong result or a leftover; each is a located error now. Reproducers first, then properties."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from negotiation.cli import main
from negotiation.cli.common import EXIT_INPUT

PACKS = Path(__file__).parent.parent / "negotiation" / "data" / "packs"
THAILAND = PACKS / "thailand-2013-2014"
BANGLADESH = PACKS / "bangladesh-2014"


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
    assert f"leader_removal (rule removal_by_court at {model}:79:15)" in result.output


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
