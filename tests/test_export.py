"""Exports: every format of every built-in pack read back (csv, pandas, pyarrow, json,
ElementTree), each record with its source and quote, byte-identical on a second run, clean
errors for bad input; a hypothesis round trip per format over events with any text."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from negotiation.cli import main
from negotiation.events import Citation, Crosswalk, Event, EventLog, Plover
from negotiation.export import COLUMNS, FORMATS, ExportData, render
from negotiation.export.acled import ACLED_COLUMNS
from negotiation.packs import available_packs

PACKS = sorted(available_packs())
XES = "{http://www.xes-standard.org/}"


def read_csv(content: bytes) -> list[dict[str, str]]:
    """A CSV export's rows, each text as it was (one leading ``'`` dropped: the guard against
    formulas)."""
    rows = csv.DictReader(io.StringIO(content.decode("utf-8"), newline=""))
    return [{k: v[1:] if v.startswith("'") else v for k, v in r.items()} for r in rows]


def read_back(fmt: str, content: bytes) -> list[dict[str, Any]]:
    """Records of an export, each as event id, kind, date, quote (first source)."""
    if fmt == "csv":
        rows = read_csv(content)
        return [
            {"id": r["event_id"], "kind": r["kind"], "date": r["date"], "quote": r["source_quote"]}
            for r in rows
        ]
    if fmt == "acled":
        rows = read_csv(content)
        return [
            {
                "id": r["event_id_cnty"],
                "kind": r["kind"],
                "date": r["event_date"],
                "quote": r["source_quote"],
            }
            for r in rows
        ]
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pq.read_table(pa.BufferReader(content))
        return [
            {
                "id": r["event_id"],
                "kind": r["kind"],
                "date": r["date"].isoformat(),
                "quote": r["source_quote"] or "",
            }
            for r in table.to_pylist()
        ]
    if fmt == "plover":
        recs = [json.loads(line) for line in content.decode("utf-8").split("\n")[:-1]]
        return [
            {"id": r["id"], "kind": r["kind"], "date": r["date"], "quote": r["text"]} for r in recs
        ]
    if fmt == "xes":
        root = ET.fromstring(content)
        out = []
        for ev in root.iter(f"{XES}event"):
            attrs = {a.get("key"): a.get("value") for a in ev}
            out.append(
                {
                    "id": attrs["event_id"],
                    "kind": attrs["concept:name"],
                    "date": str(attrs["time:timestamp"])[:10],
                    "quote": attrs["source_quote"],
                }
            )
        return out
    assert fmt == "ocel"
    doc = json.loads(content)
    out = []
    for ev in doc["events"]:
        attrs = {a["name"]: a["value"] for a in ev["attributes"]}
        out.append(
            {
                "id": attrs["event_id"],
                "kind": ev["type"],
                "date": ev["time"][:10],
                "quote": attrs["source_quote"],
            }
        )
    return out


def expected(data: ExportData, fmt: str) -> list[dict[str, Any]]:
    events = [e for e in data.log.events if fmt != "acled" or e.crosswalk.acled]
    return [
        {
            "id": e.id,
            "kind": e.kind,
            "date": e.date.isoformat(),
            "quote": e.sources[0].quote if e.sources else "",
        }
        for e in events
    ]


@pytest.fixture(scope="module", params=PACKS)
def pack_data(request: pytest.FixtureRequest) -> ExportData:
    return ExportData.from_pack(request.param)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_each_pack_exports_every_event_with_its_quote(pack_data: ExportData, fmt: str) -> None:
    out = render(pack_data, fmt)
    assert read_back(fmt, out.content) == expected(pack_data, fmt)
    assert all(r["quote"] for r in read_back(fmt, out.content))  # every record is sourced
    assert render(pack_data, fmt).content == out.content  # deterministic


def test_csv_and_parquet_load_in_pandas(tmp_path: Path) -> None:
    import pandas as pd

    data = ExportData.from_pack("cambodia-2013-2017")
    for fmt in ("csv", "parquet", "acled"):
        (tmp_path / fmt).write_bytes(render(data, fmt).content)
    table = pd.read_csv(tmp_path / "csv", keep_default_na=False)
    assert list(table.columns) == list(COLUMNS) and len(table) == len(data.log.events)
    parquet = pd.read_parquet(tmp_path / "parquet")
    assert list(parquet["event_id"]) == list(table["event_id"])
    assert parquet["date"].iloc[0] == dt.date.fromisoformat(table["date"].iloc[0])
    acled = pd.read_csv(tmp_path / "acled", keep_default_na=False)
    assert list(acled.columns) == list(ACLED_COLUMNS)
    assert set(acled["event_type"]) <= {"Protests", "Riots", "Violence against civilians",
                                        "Strategic developments", "Battles", "Explosions/Remote violence"}  # fmt: skip


def test_plover_records_follow_the_specification() -> None:
    data = ExportData.from_pack("thailand-2013-2014")
    lines = render(data, "plover").content.decode("utf-8").split("\n")[:-1]
    assert len(lines) == len(data.log.events)
    types: dict[str, set[type]] = {}
    for line in lines:
        rec = json.loads(line)
        for key in ("id", "date", "actor", "event", "mode", "context", "text", "cite_info"):
            assert key in rec
        assert rec["text"] in rec["event_text"] and rec["cite_info"]["citation"]
        assert isinstance(rec["event"], list) and all(isinstance(a, dict) for a in rec["actor"])
        assert rec["has_event"] == bool(rec["event"])
        for k, v in rec.items():
            types.setdefault(k, set()).add(type(v))
    assert all(len(t) == 1 for t in types.values()), types  # one type per key


def test_ocel_relations_point_at_objects() -> None:
    doc = json.loads(render(ExportData.from_pack("bangladesh-2014"), "ocel").content)
    ids = {o["id"] for o in doc["objects"]}
    kinds = {t["name"] for t in doc["eventTypes"]}
    for ev in doc["events"]:
        assert ev["type"] in kinds
        assert {r["objectId"] for r in ev["relationships"]} <= ids
        assert any(r["qualifier"] == "source" for r in ev["relationships"])


def test_export_cli(tmp_path: Path) -> None:
    out = tmp_path / "k.jsonl"
    r = CliRunner().invoke(
        main,
        ["export", "--pack", "kenya-2007-2008", "--format", "plover", "--out", str(out), "--json"],
    )
    assert r.exit_code == 0, r.output
    info = json.loads(r.output)
    assert info["format_version"] == 1 and info["records"] == info["events"] == 11
    assert info["warnings"] == []
    assert len(out.read_text(encoding="utf-8").splitlines()) == 11
    for args in (
        ["export", "nope.yaml", "--format", "csv", "--out", str(tmp_path / "x.csv")],
        ["export", "--pack", "nope", "--format", "csv", "--out", str(tmp_path / "x.csv")],
        ["export", "--format", "yaml", "--out", str(tmp_path / "x.csv")],
    ):
        bad = CliRunner().invoke(main, args)
        assert bad.exit_code == 2 and "Traceback" not in bad.output, bad.output
        assert not (tmp_path / "x.csv").exists()


def test_export_warns_of_a_file_name_another_format_uses(tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    args = ["export", "--pack", "kenya-2007-2008", "--format", "parquet", "--out", str(out)]
    result = CliRunner().invoke(main, [*args, "--json"])
    assert result.exit_code == 0, result.output
    info = json.loads(result.stdout)
    assert info["warnings"] == [
        f"{out} is written as parquet, whose files usually end in .parquet or .pq"
    ]
    assert f"warning: {out} is written as parquet" in result.stderr


# --------------------------------------------------------------------------- round trips

TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40).filter(
    lambda s: s.strip() == s and s != ""
)
SLUG = st.from_regex(r"\A[a-z0-9][a-z0-9-]{0,12}\Z")
KIND = st.sampled_from(["election_held", "boycott", "talks_held", "mass_rally", "agreement_signed"])


@st.composite
def events(draw: st.DrawFn, index: int) -> Event:
    quotes = draw(st.lists(TEXT, min_size=1, max_size=3))
    cites, pos = [], 0
    for q in quotes:
        cites.append(Citation(article=draw(SLUG), quote=q, start=pos, end=pos + len(q)))
        pos += len(q) + 1
    plover = draw(
        st.none() | st.builds(Plover, event=st.sampled_from(["PROTEST", "AGREE", "REJECT"]))
    )
    return Event(
        id=f"e{index}-{draw(SLUG)}",
        kind=draw(KIND),
        date=draw(st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))),
        actors=tuple(draw(st.lists(SLUG, max_size=2))),
        summary=draw(st.text(max_size=30)),
        crosswalk=Crosswalk(
            plover=plover, acled=draw(st.none() | st.just("Protests/Peaceful protest"))
        ),
        sources=tuple(cites),
    )


@st.composite
def logs(draw: st.DrawFn) -> ExportData:
    n = draw(st.integers(0, 5))
    log = EventLog(
        dispute=draw(st.text(max_size=10)), events=tuple(draw(events(i)) for i in range(n))
    )
    return ExportData(draw(SLUG), log)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(data=logs())
def test_round_trip(fmt: str, data: ExportData) -> None:
    assert read_back(fmt, render(data, fmt).content) == expected(data, fmt)


def test_every_builtin_kind_has_a_code_or_says_why_not() -> None:
    """The crosswalk gives each built-in kind a PLOVER and an ACLED code, or the reason none
    applies; the PLOVER export carries that reason."""
    from negotiation.events.crosswalk import table
    from negotiation.events.vocabulary import builtin_vocabulary

    t = table()
    assert set(t) == set(builtin_vocabulary().kinds)
    for kind, e in t.items():
        assert (e.crosswalk.plover is None) == bool(e.plover_none), kind
        assert (e.crosswalk.acled is None) == bool(e.acled_none), kind
    data = ExportData.from_log()
    for line in render(data, "plover").content.decode("utf-8").split("\n")[:-1]:
        rec = json.loads(line)
        if not rec["has_event"]:
            assert t[rec["kind"]].plover_none in rec["comment"]


def test_process_mining_logs_load_in_pm4py_when_installed(tmp_path: Path) -> None:
    """PM4Py (AGPL) is never a dependency: this runs only where it is installed."""
    pm4py = pytest.importorskip("pm4py")
    data = ExportData.from_pack("cambodia-2013-2017")
    (tmp_path / "log.xes").write_bytes(render(data, "xes").content)
    (tmp_path / "log.jsonocel").write_bytes(render(data, "ocel").content)
    frame = pm4py.read_xes(str(tmp_path / "log.xes"))
    assert list(frame["concept:name"]) == [e.kind for e in data.log.events]
    ocel = pm4py.read_ocel2_json(str(tmp_path / "log.jsonocel"))
    assert len(ocel.events) == len(data.log.events)


def test_the_cli_offers_every_registered_format() -> None:
    import click

    import negotiation.cli.output  # noqa: F401  (registers the command)

    fmt = next(p for p in main.commands["export"].params if p.name == "fmt")
    assert isinstance(fmt.type, click.Choice) and set(fmt.type.choices) == set(FORMATS)


FORMULA_TEXT = st.tuples(st.sampled_from("=+-@\t\r'"), st.text(max_size=20)).map("".join)


@pytest.mark.parametrize("fmt", ["csv", "acled"])
@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(data=logs(), quote=FORMULA_TEXT)
def test_no_csv_cell_starts_a_formula(fmt: str, data: ExportData, quote: str) -> None:
    """A quote a spreadsheet would run as a formula (``=HYPERLINK(...)``) is written behind a
    ``'``, and every text cell of both CSV formats is safe to open."""
    first = data.log.events[:1]
    if first:
        e = first[0]
        c = e.sources[0].model_copy(update={"quote": quote, "end": e.sources[0].start + len(quote)})
        log = data.log.model_copy(
            update={"events": (e.model_copy(update={"sources": (c, *e.sources[1:])}),)}
        )
        data = ExportData(data.case_id, log)
    content = render(data, fmt).content.decode("utf-8")
    for row in csv.reader(io.StringIO(content, newline="")):
        assert not any(cell.startswith(tuple("=+-@\t\r")) for cell in row), row
    coded = read_back(fmt, render(data, fmt).content)
    if first and (fmt == "csv" or coded):  # ACLED leaves out the kinds it does not code
        assert coded[0]["quote"] == quote


def test_sweep_csv_guards_formulas_too() -> None:
    from negotiation.export.table_csv import csv_text

    assert csv_text(["name"], [{"name": "=cmd|' /C calc'!A0"}], line_end="\n") == (
        "name\n'=cmd|' /C calc'!A0\n"
    )


def test_csv_carries_each_events_facts() -> None:
    """The Israeli example's dissolution of 30 May 2019 by 74 votes to 45 lost its votes in
    the CSV and Parquet exports: no column held an event's facts."""
    root = Path(__file__).resolve().parent.parent / "examples" / "israel-2019-2020"
    rows = list(
        csv.DictReader(io.StringIO(render(ExportData.from_pack(str(root)), "csv").content.decode()))
    )
    by_id = {r["event_id"]: r for r in rows}
    facts = json.loads(by_id["2019-05-30-knesset-dissolved"]["facts"])
    assert facts == {
        "election_day": "2019-09-17",
        "ground": "law",
        "votes_against": 45,
        "votes_for": 74,
    }
    assert by_id["2019-04-09-general-election"]["facts"] == ""
    assert list(rows[0]) == list(COLUMNS) and COLUMNS[-1] == "facts"
