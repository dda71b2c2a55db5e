"""A log replayed without --pack is replayed against the built-in model; when it sits in a
pack's folder and is of another dispute, the warning says which pack it belongs to and how to
use it (a new user's `negotiation replay mypack/events.yaml` met only the built-in model's
'no transition for event kind(s)' error)."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from negotiation._internal import paths
from negotiation.cli import main


def test_a_log_in_a_pack_folder_names_its_pack(tmp_path: Path) -> None:
    pack = tmp_path / "sl"
    shutil.copytree(paths.data_dir() / "packs" / "sri-lanka-2018", pack)
    result = CliRunner().invoke(main, ["replay", str(pack / "events.yaml")])
    assert result.exit_code == 2, result.output
    assert f"it sits in the folder of pack 'sri-lanka-2018': pass --pack {pack}" in result.stderr
    for command in (["derive"], ["explore", "--max-depth", "1"]):
        result = CliRunner().invoke(main, [*command, str(pack / "events.yaml")])
        assert f"pass --pack {pack}" in result.stderr, result.output
    # with its pack, no warning
    result = CliRunner().invoke(main, ["replay", "--pack", str(pack), str(pack / "events.yaml")])
    assert result.exit_code == 0, result.output
    assert "warning" not in result.stderr
