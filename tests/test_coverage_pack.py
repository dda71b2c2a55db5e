"""`coverage --pack ID` measures the pack's scenarios, as `run --pack ID` runs them (it was
'No such option: --pack')."""

from __future__ import annotations

import json

from click.testing import CliRunner

from negotiation._internal import paths
from negotiation.cli import main


def test_coverage_takes_a_pack() -> None:
    result = CliRunner().invoke(main, ["coverage", "--pack", "sri-lanka-2018", "--json"])
    assert result.exit_code == 0, result.output
    by_pack = json.loads(result.stdout)
    folder = paths.data_dir() / "packs" / "sri-lanka-2018" / "scenarios"
    result = CliRunner().invoke(main, ["coverage", str(folder), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == by_pack
    assert "give scenario" in CliRunner().invoke(main, ["coverage"]).output
    assert CliRunner().invoke(main, ["coverage"]).exit_code == 2
