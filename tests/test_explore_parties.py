"""`explore --parties` warns of a party that is none of the dispute's: a typo ('cnrrp')
explored a party no region or rule knows, and reported the CNRP's states as never reached,
silently. A warning, not an error, and only near a party of the dispute: a name for the rest
of the seats ('others') is no typo."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from negotiation.cli import main

FLAGS = ["--split", "68,55", "--start", "2013-07-01", "--max-depth", "1"]


@pytest.mark.parametrize("pack", [[], ["--pack", "cambodia-2013-2017"]])
def test_an_unknown_party_is_named_with_the_nearest(pack: list[str]) -> None:
    result = CliRunner().invoke(main, ["explore", *pack, "--parties", "cpp,cnrrp", *FLAGS])
    assert result.exit_code == 0, result.output
    assert "warning: --parties: unknown party 'cnrrp'; did you mean 'cnrp'?" in result.stderr


def test_the_disputes_parties_explore() -> None:
    for parties in ("cpp,cnrp", "cpp,others"):
        result = CliRunner().invoke(main, ["explore", "--parties", parties, *FLAGS])
        assert result.exit_code == 0, result.output
        assert "warning" not in result.stderr
