"""A profile value a CEL expression reads with ``date(params.NAME)`` is checked when the
model loads: a bad date string was accepted by ``validate`` and failed only when the rule
first ran, located in the model."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from negotiation.cli import main
from negotiation.cli.common import EXIT_INPUT, EXIT_OK
from negotiation.model.expressions import Expression

CAMBODIA = Path(__file__).parent.parent / "negotiation" / "data" / "packs" / "cambodia-2013-2017"
ALLOW = "world.term_end == null || event.date >= world.term_end - params.first_session_days"


def _pack(tmp_path: Path, value: str) -> Path:
    """The Cambodian pack, a rule reading ``date(params.opens_on)``, the profile giving it."""
    pack = tmp_path / "c"
    shutil.copytree(CAMBODIA, pack)
    model = pack / "model.yaml"
    text = model.read_text(encoding="utf-8")
    assert ALLOW in text
    model.write_text(text.replace(ALLOW, "event.date >= date(params.opens_on)"), encoding="utf-8")
    profile = pack / "profile.yaml"
    text = profile.read_text(encoding="utf-8")
    assert text.count("\n  custom:\n") == 1
    profile.write_text(
        text.replace("\n  custom:\n", f"\n  custom:\n    opens_on: {value}\n"), encoding="utf-8"
    )
    return pack


@pytest.mark.parametrize("value", ['"2013-02-30"', '"soon"', "5"])
def test_a_bad_date_is_an_error_at_the_profiles_value(tmp_path: Path, value: str) -> None:
    pack = _pack(tmp_path, value)
    result = CliRunner().invoke(main, ["validate", "--pack", str(pack)])
    assert result.exit_code == EXIT_INPUT, result.output[-2000:]
    lines = (pack / "profile.yaml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if "opens_on:" in text)
    assert f"profile.yaml:{line}:" in result.output, result.output[-2000:]
    assert "parameter 'opens_on'" in result.output and "date(" in result.output, result.output


def test_a_good_date_passes(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["validate", "--pack", str(_pack(tmp_path, '"2013-06-01"'))])
    assert result.exit_code == EXIT_OK, result.output[-2000:]


def test_only_a_parameter_given_to_date_as_it_is_counts() -> None:
    assert Expression("date(params.a) > date('2014-01-01')").date_params == {"a"}
    assert Expression("date( params.b ) + params.c > 0").date_params == {"b"}
    assert Expression("iso(params.d) == 'date(params.e)'").date_params == frozenset()


def test_an_interpretations_and_a_changes_values_are_checked_too() -> None:
    from negotiation.model import load_profile
    from negotiation.model.data_defined import bad_dates
    from negotiation.model.profile import ParameterSet

    profile = load_profile(str(CAMBODIA / "profile.yaml"))
    name = next(iter(profile.interpretations))
    bad = ParameterSet(custom={"opens_on": "2013-13-01"})
    interpretations = {
        **profile.interpretations,
        name: profile.interpretations[name].model_copy(update={"parameters": bad}),
    }
    changes = (profile.changes[0].model_copy(update={"parameters": bad}), *profile.changes[1:])
    edited = profile.model_copy(update={"interpretations": interpretations, "changes": changes})
    found = [where for where, _ in bad_dates(edited, {"opens_on": "rule 'r'"})]
    assert found == [
        ("interpretations", name, "parameters", "custom", "opens_on"),
        ("changes", 0, "parameters", "custom", "opens_on"),
    ]
    assert bad_dates(profile, {"opens_on": "rule 'r'"}) == []  # not given: the lacking check's
