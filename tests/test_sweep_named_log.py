"""A problem in the event log a sweep reads through its pack (or beside its model) is reported
at the key that leads to it, naming the log: it was 'sweep.yaml:1:1: events: the event log
named here, 'actors.yaml'' for a sweep with no `events:` key, naming the actors file as the
log."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from negotiation._internal import paths
from negotiation.cli import main


def test_a_broken_log_of_the_sweeps_pack_is_reported_at_pack(tmp_path: Path) -> None:
    pack = tmp_path / "sl"
    shutil.copytree(paths.data_dir() / "packs" / "sri-lanka-2018", pack)
    actors = pack / "actors.yaml"
    actors.write_text(
        actors.read_text(encoding="utf-8").replace("type: party", "type: wizard", 1),
        encoding="utf-8",
    )
    sweep = pack / "sweep.yaml"
    sweep.write_text(
        "sweep: s\npack: .\nruns: 10\nseed: 1\ngrid:\n  smoothing: [1, 2]\n", encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["sweep", str(sweep)])
    assert result.exit_code == 2, result.output
    assert "actors.yaml:" in result.output and "(got 'wizard')" in result.output
    expected = (
        f"{sweep}:2:1: pack: the event log named here, '{pack / 'events.yaml'}', has the "
        "problems above"
    )
    assert expected in result.output, result.output
    assert "1:1: events:" not in result.output
