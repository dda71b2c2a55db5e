"""Every exception that reaches the command line is a NegotiationError (``error:`` lines, exit
2) or a click usage error naming the flag (exit 2); anything else would be a bug."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
import yaml
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from negotiation.cli import main
from negotiation.cli.common import EXIT_INPUT, CommandGroup
from negotiation.errors import InputError, ModelError, NegotiationError, Problem, RuleError


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def assert_reported(result: Result) -> None:
    """Exit 2, through SystemExit (click's or ours), never another exception."""
    assert isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == EXIT_INPUT, result.output
    assert "Traceback" not in result.output


def test_the_error_tree() -> None:
    assert issubclass(InputError, NegotiationError)
    assert issubclass(ModelError, NegotiationError)
    assert issubclass(RuleError, ModelError)
    error = InputError(Problem("s.yaml", "bad date", line=3, column=5, path="events[0].date"))
    assert str(error) == "s.yaml:3:5: events[0].date: bad date"


@pytest.mark.parametrize(
    ("args", "flag", "message"),
    [
        (("explore", "--split", "68,x"), "'--split'", "expected two whole numbers like 68,55"),
        (("explore", "--split", "1,2,3"), "'--split'", "got '1,2,3'"),
        (("explore", "--split", "-1,5"), "'--split'", "got '-1,5'"),
        (("explore", "--parties", "odm"), "'--parties'", "expected two party ids like odm,pnu"),
        (("explore", "--parties", "odm,"), "'--parties'", "got 'odm,'"),
        (
            ("explore", "--after", "2013-07-28-election", "--max-depth", "0"),
            "'--after'",
            "unknown event '2013-07-28-election'; did you mean '2013-07-28-election-held'?",
        ),
        (
            ("explore", "--interpretation", "royalist"),
            "'--interpretation'",
            "unknown interpretation 'royalist'; known: arithmetic_majority, government_2013",
        ),
        (
            ("replay", "--interpretation", "opposition_2031"),
            "'--interpretation'",
            "did you mean 'opposition_2013'?",
        ),
        (("derive", "--interpretation", "x"), "'--interpretation'", "unknown interpretation"),
        (("coverage", "scenarios", "--fail-under", "120"), "'--fail-under'", "120"),
    ],
)
def test_bad_flags_are_usage_errors_that_name_the_flag(
    args: tuple[str, ...], flag: str, message: str
) -> None:
    result = invoke(*args)
    assert_reported(result)
    assert f"Invalid value for {flag}" in result.output
    assert message in result.output
    assert "Usage: " in result.output
    assert "<input>" not in result.output


def test_the_group_reports_any_negotiation_error_from_any_command() -> None:
    @click.group(cls=CommandGroup)
    def group() -> None:
        pass

    @group.command()
    def broken() -> None:  # no decorator: the group catches it
        raise RuleError("rule no_early_dissolution: world has no term end")

    @group.command()
    def bug() -> None:
        raise KeyError("a bug")

    result = CliRunner().invoke(group, ["broken"])
    assert_reported(result)
    assert result.output == "error: rule no_early_dissolution: world has no term end\n"
    result = CliRunner().invoke(group, ["bug"])
    assert isinstance(result.exception, KeyError)  # a bug is not dressed up as bad input


# --- whatever the files hold ----------------------------------------------------------------
# scenario-shaped documents, with the values that have broken loaders before mixed in
refs = st.sampled_from(["2013-07-28-election-held", "2014-01-31-swire-urges-talks", "#1", "#²"])
numbers = st.sampled_from([0, 1, -13, 60, 10**9, -(10**6)])
anything = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 200) | st.text(max_size=8) | refs,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner),
    max_leaves=6,
)
predicates = st.sampled_from(
    ["seats.cpp >= [1", "boycotting contains cnrp", "seats >= 3", "term_end < 5", "x == 1"]
)
expects = st.fixed_dictionaries(
    {},
    optional={
        "accepted": st.just("all") | st.lists(refs | st.just("#99"), max_size=2),
        "rejected": st.lists(refs, max_size=2),
        "rejected_by": st.dictionaries(refs, st.sampled_from(["no_early_dissolution", "quo"])),
        "world": st.lists(predicates | st.text(max_size=12), max_size=2),
        "final_phase": st.sampled_from(["boycott", "boycot"]),
        "invariants": st.sampled_from(["hold", {"violated": ["no_early_dissolution"]}]),
        "min_conformance": st.floats(-1, 2),
    },
)
new_event = {"id": "2014-02-10-new", "kind": "assembly_dissolved", "date": "2014-02-10"}
variations = st.lists(
    st.one_of(
        st.builds(lambda r: {"drop": r}, refs),
        st.builds(lambda a, b: {"swap": [a, b]}, refs, refs),
        st.builds(lambda a, b: {"move": {"event": a, "after": b}}, refs, refs),
        st.builds(
            lambda r, d, m: {"shift": {"from": r, "days": d, "months": m}}, refs, numbers, numbers
        ),
        st.builds(lambda r, v: {"change": {"event": r, "facts": {"votes_for": v}}}, refs, anything),
        st.builds(
            lambda at: {"insert": {"at": at, "event": new_event}},
            st.sampled_from(["2014-02-30", "2014-02-10", "0001-01-01", "9999-12-31"]),
        ),
        st.builds(lambda r: {"disable_rules": [r]}, st.sampled_from(["no_early_dissolution", "x"])),
        st.dictionaries(st.sampled_from(["drop", "insert", "model", "shift"]), anything),
    ),
    max_size=3,
)
documents = st.fixed_dictionaries(
    {"name": st.text(max_size=8)},
    optional={
        "expect": expects | anything,
        "variations": variations,
        "interpretation": st.sampled_from(["opposition_2013", "royalist"]),
        "disable_rules": st.lists(st.sampled_from(["confidence_vote", "x"]), max_size=2),
        "matrix": st.lists(
            st.fixed_dictionaries(
                {"name": st.text(max_size=3)}, optional={"variations": variations}
            ),
            max_size=2,
        ),
    },
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(documents)
def test_any_scenario_file_runs_or_is_reported(tmp_path: Path, document: dict[str, object]) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(yaml.safe_dump(document), encoding="utf-8")
    for args in (("run", "-q", str(path)), ("validate", str(path))):
        result = invoke(*args)
        assert isinstance(result.exception, SystemExit) or result.exception is None, (
            args,
            result.exception,
        )
        assert result.exit_code in (0, 1, 2), result.output
        assert "Traceback" not in result.output


def test_the_lazy_command_table_matches_the_commands() -> None:
    """``negotiation --help`` lists commands from a table without importing them: every entry
    names the module that defines the command, and its help line is the command's own."""
    import importlib

    from negotiation.cli import COMMANDS

    for name, (module, line) in COMMANDS.items():
        importlib.import_module(module)
        command = main.commands[name]
        own = " ".join((command.help or "").split("\n\n")[0].split())
        assert own.startswith(line.rstrip(".")), (name, own, line)
    ctx = click.Context(main)
    assert sorted(main.commands) == main.list_commands(ctx)
