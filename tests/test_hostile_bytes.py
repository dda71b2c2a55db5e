"""Hostile input, fifth campaign: the bytes of a file (a byte-order mark, CRLF, invalid UTF-8,
a cut at every structural character, YAML's corners: keys that are no strings, directives,
dates with a time zone) and files the earlier campaigns never mutated (a policy, a sweep, the
JSON ``report --simulation`` reads). Each test is a case that escaped (``tests/fuzz/
test_fuzz_bytes.py`` is the campaign)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from negotiation._internal.limits import MAX_CELLS
from negotiation.cli import main

PACKS = Path(__file__).parent.parent / "negotiation" / "data" / "packs"


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def test_extract_on_a_pack_whose_texts_report_two_elections_gives_a_valid_log(
    tmp_path: Path,
) -> None:
    """Results of the 2018 election merged with a mention of 'the 2013 election' from a text
    published in 2017: the event ended at that text's date, before it began (a pydantic
    traceback on the shipped Cambodian pack)."""
    pack = tmp_path / "c"
    shutil.copytree(PACKS / "cambodia-2013-2017", pack)
    texts = [str(pack / "cambodia_105.txt"), str(pack / "cambodia_107.txt")]
    result = invoke("extract", *texts, "--json")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code == 0, result.output[-2000:]
    for event in json.loads(result.output)["events"]:
        assert event.get("date_end") is None or event["date_end"] >= event["date"], event


def test_a_sweep_grid_of_a_million_cells_is_refused_before_building_them(tmp_path: Path) -> None:
    """Three axes of a hundred values each: a million cells built and planned before the first
    run (``validate`` and ``sweep`` hung)."""
    values = ", ".join(str(i) for i in range(100))
    sweep = tmp_path / "sweep.yaml"
    sweep.write_text(
        f"sweep: bomb\npack: cambodia-2013-2017\nruns: 1\ngrid:\n"
        f"  horizon: [{values}]\n  max_steps: [{values}]\n  smoothing: [{values}]\n"
    )
    for command in ("validate", "sweep"):
        result = invoke(command, str(sweep))
        assert result.exit_code == 2, result.output
        assert f"{sweep}:4:1: grid: 1,000,000 cells in the grid, more than the 10,000" in (
            result.output
        )
    cells = "".join(f"  - {{name: c{i}, horizon: {i}}}\n" for i in range(10_000))
    sweep.write_text(
        f"sweep: many\npack: cambodia-2013-2017\ngrid: {{horizon: [1, 2]}}\ncells:\n{cells}"
    )
    result = invoke("validate", str(sweep))
    assert f"{sweep}:4:1: cells: 10,002 cells with the grid's, more than the 10,000" in (
        result.output
    )


@pytest.mark.parametrize(
    ("trigger", "said"),
    [
        # two alternatives the same: 34 a's ran past two minutes in `extract --pack`
        ("(?:a|a)*b", "an alternative twice"),
        # an alternative of repetitions: 14 digits took 0.4 s, each one more twice as long
        ("(?:\\\\d+|\\\\w+)*x", "holds only repetitions"),
        # a word the others spell in a row ("ab" is "a" then "b"): 22 "ab" took 0.9 s, each
        # two more "ab" four times as long
        ("(?:a|ab|b)*c", "alternatives spell one another"),
    ],
)
def test_a_trigger_whose_alternatives_overlap_is_refused(
    tmp_path: Path, trigger: str, said: str
) -> None:
    pack = tmp_path / "c"
    shutil.copytree(PACKS / "cambodia-2013-2017", pack)
    vocabulary = pack / "vocabulary.yaml"
    text = vocabulary.read_text(encoding="utf-8")
    line = next(i for i, s in enumerate(text.splitlines(), 1) if "triggers: [" in s)
    vocabulary.write_text(re.sub(r"triggers: \[.*\]", lambda _: f'triggers: ["{trigger}"]', text))
    article = pack / "x.txt"
    article.write_text((PACKS / "cambodia-2013-2017" / "cambodia_101.txt").read_text())
    with article.open("a") as fh:
        fh.write(f"\nThe CNRP said {'a' * 34} was refused.\n")
    for args in (["validate", str(vocabulary)], ["extract", str(article), "--pack", str(pack)]):
        result = invoke(*args)
        assert result.exit_code == 2, result.output
        assert f"{vocabulary}:{line}:" in result.output, result.output
        assert said in result.output, result.output


def test_a_comprehension_inside_another_is_refused_where_it_is_written(tmp_path: Path) -> None:
    """Seven nested ``map`` over lists of ten: ten million evaluations, and ``validate`` said
    ok; ``replay`` ran past ten minutes, in CEL's own code (deaf to SIGTERM)."""
    pack = tmp_path / "c"
    shutil.copytree(PACKS / "cambodia-2013-2017", pack)
    nested = "1"
    for name in "abcdefg":
        nested = f"[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map({name}, {nested})"
    model = pack / "model.yaml"
    text = model.read_text(encoding="utf-8")
    allow = "!has(event.facts.total_seats) || event.facts.total_seats == params.assembly_seats"
    model.write_text(text.replace(allow, f"size({nested}) > 0"), encoding="utf-8")
    for args in (["validate", str(model)], ["replay", "--pack", str(pack)]):
        result = invoke(*args)
        assert result.exit_code == 2, result.output
        assert f"{model}:83:5: rules[1].allow: rule 'seats_the_law_sets': a comprehension" in (
            result.output
        ), result.output
    # one after another is no product: allowed
    flat = "size([1, 2].map(a, a)) > 0 && [3].exists(b, b == 3)"
    model.write_text(text.replace(allow, flat), encoding="utf-8")
    assert invoke("validate", str(model)).exit_code == 0


@pytest.mark.parametrize(
    ("key", "value", "said"),
    [
        ("runs", -1, "runs: expected a whole number, 0 or more, got -1"),
        ("runs", True, "runs: expected a whole number, 0 or more, got true"),
        ("seed", 1.5, "seed: expected a whole number, 0 or more, got 1.5"),
        ("policy", [1], "policy: expected text, got a list"),
    ],
)
def test_what_a_report_shows_of_a_simulation_is_checked(
    tmp_path: Path, key: str, value: object, said: str
) -> None:
    """The report printed '-1 runs · seed 1.5' above the chart, as the file gave them."""
    simulation = {
        "runs": 5,
        "seed": 0,
        "policy": "empirical",
        "model": "kenya-2007-2008",
        "outcomes": {"a": {"n": 1, "p": 0.2, "ci95": [0.03, 0.62]}},
    }
    path = tmp_path / "sim.json"
    path.write_text(json.dumps({**simulation, key: value}, indent=1))
    out = tmp_path / "report.html"
    args = ["report", "--pack", "kenya-2007-2008", "--simulation", str(path), "--out", str(out)]
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    assert f"{path}:" in result.output and said in result.output, result.output
    assert not out.exists()
    path.write_text(json.dumps(simulation))
    assert invoke(*args).exit_code == 0


@pytest.mark.parametrize("day", ["32 July 2013", "132 July 2013", "2013 July 2013"])
def test_a_day_that_is_no_day_is_not_read_from_its_last_digit(tmp_path: Path, day: str) -> None:
    """'on 32 July 2013' was dated 2 July (the day's pattern matched inside the number)."""
    text = tmp_path / "a.txt"
    text.write_text(
        "PHNOM PENH, July 30 (Reuters) - The CNRP boycotted parliament on "
        f"{day}, the opposition said.\n"
    )
    result = invoke("extract", str(text), "--published", "2013-07-30", "--json")
    assert result.exit_code == 0, result.output
    dates = [e["date"] for e in json.loads(result.output)["events"]]
    assert dates and "2013-07-02" not in dates and "2013-07-13" not in dates, dates


def test_a_scenario_matrix_is_capped_and_checked_in_linear_time(tmp_path: Path) -> None:
    """A matrix of 20,000 cells took 11 CPU-s to validate (names compared pairwise) and the
    16 MB file limit allows some 800,000: more than the sweep's cap is refused at ``matrix:``,
    before any cell is read, and a duplicate name among the cells allowed is still found."""
    scenario = tmp_path / "matrix.yaml"

    def write(n: int, last: str) -> None:
        cells = "".join(f"  - {{name: c{i}, interpretation: opposition_2013}}\n" for i in range(n))
        scenario.write_text(f"name: big\nevents: builtin\nmatrix:\n{cells}  - {{name: {last}}}\n")

    write(MAX_CELLS, "extra")
    result = invoke("validate", str(scenario))
    assert result.exit_code == 2, result.output
    assert f"{scenario}:3:1: matrix: 10,001 matrix cells, more than the 10,000 allowed" in (
        result.output
    )
    write(MAX_CELLS - 1, "c7")
    result = invoke("validate", str(scenario))
    assert result.exit_code == 2, result.output
    assert "matrix cell names must be unique: c7" in result.output
