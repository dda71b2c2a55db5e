"""`rejected_by` names a rule that guards a transition of the scenario's model (or
not_enabled): a built-in rule the model never uses rejects nothing, so the expectation could
never be met; it was listed among the 'known' rules, and the list led with the built-in
library's rules, not the model's."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from negotiation._internal import paths
from negotiation.cli import main


def _scenario(tmp_path: Path, rule: str) -> Path:
    pack = tmp_path / "sl"
    shutil.copytree(paths.data_dir() / "packs" / "sri-lanka-2018", pack)
    s = pack / "scenarios" / "mine.yaml"
    s.write_text(f"name: t\npack: ..\nexpect:\n  rejected_by: {{'#0': {rule}}}\n", encoding="utf-8")
    return s


def test_a_rule_the_model_does_not_use_is_refused(tmp_path: Path) -> None:
    s = _scenario(tmp_path, "confidence_vote")
    result = CliRunner().invoke(main, ["run", str(s)])
    assert result.exit_code == 2, result.output
    assert "rule 'confidence_vote' guards no transition of model 'sri-lanka-2018'" in result.output
    assert "early_dissolution_bar" in result.output


def test_the_nearest_of_the_models_rules_is_suggested(tmp_path: Path) -> None:
    s = _scenario(tmp_path, "early_dissolution_ba")
    result = CliRunner().invoke(main, ["run", str(s)])
    assert result.exit_code == 2, result.output
    assert "unknown rule 'early_dissolution_ba'; did you mean 'early_dissolution_bar'" in (
        result.output
    )
    assert "amendment_core" not in result.output
