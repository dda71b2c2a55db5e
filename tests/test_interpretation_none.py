"""`--interpretation` on a profile that has none says so (it said only "unknown
interpretation 'government_2013'", as if a spelling were wrong)."""

from __future__ import annotations

from click.testing import CliRunner

from negotiation.cli import main


def test_a_profile_without_interpretations_says_so() -> None:
    result = CliRunner().invoke(
        main, ["replay", "--pack", "bangladesh-2014", "--interpretation", "government_2013"]
    )
    assert result.exit_code == 2, result.output
    assert "unknown interpretation 'government_2013'" in result.output
    assert "has no interpretations" in result.output
