"""Hostile bytes for the fuzz suite: what ``hostile.py``'s line mutations never make.

``hostile.py`` writes text (a mutated line of a shipped file, always valid UTF-8 but for a lone
surrogate). These change a shipped file's bytes: a byte-order mark, UTF-16, CRLF or a lone CR,
invalid UTF-8, a NUL, a cut at every structural character (after a ``:``, inside a quote, a
bracket ...), a line of a million characters, whitespace only; and YAML's own corners: keys that
are no strings (``1:``, ``null:``, ``2013-07-28:``, ``? [a, b]``), anchors on keys, directives
(``%YAML``, ``%TAG``), local tags (``!x``), dates with a time zone, numbers YAML writes in other
bases. Targets are the files of the Cambodian pack (the one with a policy, a sweep and
``simulation`` scenarios) and a ``simulate --json`` result read back by ``report --simulation``;
every command that reads each, and every output checked whole or absent.
"""

from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass
from pathlib import Path

from hostile import Outcome, cambodia_case, check, run_args
from hypothesis import strategies as st

#: where a cut hurts most: right after one of these
STRUCTURE = b":-[]{},\"'\n #&*!|>"

#: whole values YAML reads as something else than they seem
YAML_CORNERS = [
    "2013-07-28T10:00:00+05:00",
    "2013-07-28 23:30:00 -12:00",
    "2013-07-28T00:00:00.000000001Z",
    "0000-00-00",
    "9999-12-31",
    "2013-07-28t10:00:00z",
    "!!timestamp 2013-07-28",
    "!!str 2013-07-28",
    "!!int '5'",
    "!!float 5",
    "!x 5",
    "!<tag:yaml.org,2002:str> x",
    "0o17",
    "+5",
    "-0",
    "-.inf",
    "5.",
    ".5",
    "1E-400",
    "0b101",
    "1_000",
    "'   '",
    '"\\t\\n"',
    "|\n  block\n",
    ">-\n  folded\n",
    "&k [1, 2]",
    "{? [a, b]: c}",
    "{1: x}",
    "{null: x}",
    "{true: x}",
    "{2013-07-28: x}",
    "{&a k: v, *a : w}",
    "{1.5: x, .nan: y}",
    "[*nope]",
    "'" + "x" * 250_000 + "'",
]

#: whole texts a file is replaced with
WHOLE = [
    b"",
    b" ",
    b"\n\n\n",
    b"\t\n",
    b"---\n",
    b"...\n",
    b"--- \n...\n",
    b"~\n",
    b"[]\n",
    b"{}\n",
    b"0\n",
    b"%YAML 1.1\n---\n{}\n",
    b"%YAML 9.9\n---\n{}\n",
    b"%TAG ! tag:yaml.org,2002:python/\n---\n!object:os.system x\n",
    b"%FOO bar\n---\n{}\n",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\x00",
    b"a: " + b"a" * 1_100_000 + b"\n",
    b"[" * 63 + b"]" * 63,
    b"? " * 70 + b"x",
    b"- " * 70 + b"x",
    b"&a a: &b b\n*a : *b\n",
    b"{" * 30 + b"}" * 30,
    b"1: 2\n",
    b"? [a]\n: b\n",
    b'"',
    b"'",
    b"[",
    b"{",
    b"{a: 1, a: 1}\n",
    b"!!map {a: 1}\n",
    b"!!omap [a: 1]\n",
    b"!!pairs [a: 1, a: 2]\n",
]


@dataclass(frozen=True)
class ByteMutation:
    """One change to one file's bytes."""

    kind: str
    at: int = 0  # a position or a line, taken modulo the file's length
    value: str = ""

    def apply(self, data: bytes) -> bytes:
        n = max(len(data), 1)
        i = self.at % n
        if self.kind == "bom":
            return codecs.BOM_UTF8 + data
        if self.kind == "utf16":
            return data.decode("utf-8").encode("utf-16")
        if self.kind == "crlf":
            return data.replace(b"\n", b"\r\n")
        if self.kind == "cr":
            return data.replace(b"\n", b"\r")
        if self.kind == "bytes":  # raw bytes inserted at a position
            return data[:i] + self.value.encode("latin-1") + data[i:]
        if self.kind == "cut":  # after the (at)-th structural character
            points = [j + 1 for j, b in enumerate(data) if b in STRUCTURE] or [0]
            return data[: points[self.at % len(points)]]
        if self.kind == "whole":
            return WHOLE[self.at % len(WHOLE)]
        if self.kind == "value":  # the value after the (at)-th ': ' or '- ', replaced
            lines = data.split(b"\n")
            marked = [k for k, line in enumerate(lines) if b": " in line or b"- " in line]
            if not marked:
                return data
            k = marked[self.at % len(marked)]
            sep = b": " if b": " in lines[k] else b"- "
            head = lines[k].partition(sep)[0]
            lines[k] = head + sep + self.value.encode("utf-8").replace(b"\n", b"\n  ")
            return b"\n".join(lines)
        if self.kind == "long_line":
            return data[:i] + b"#" + b"x" * 1_100_000 + b"\n" + data[i:]
        raise AssertionError(self.kind)


def byte_mutations() -> st.SearchStrategy[ByteMutation]:
    at = st.integers(min_value=0, max_value=100_000)
    raw = st.sampled_from(
        ["\xff", "\xc3", "\xc0\xaf", "\xed\xa0\x80", "\x00", "\x1b[2J", "\r", "\x85", "\t", "\x0c"]
    )
    return st.one_of(
        st.sampled_from([ByteMutation(k) for k in ("bom", "utf16", "crlf", "cr")]),
        st.builds(ByteMutation, st.just("bytes"), at, raw),
        st.builds(ByteMutation, st.just("cut"), at),
        st.builds(ByteMutation, st.just("whole"), at),
        st.builds(ByteMutation, st.just("value"), at, st.sampled_from(YAML_CORNERS)),
        st.builds(ByteMutation, st.just("long_line"), at),
    )


def case_folder(root: Path) -> Path:
    """A fresh copy of the Cambodian pack, with a sweep over it (few runs) and the JSON of a
    small simulation of it."""
    folder = cambodia_case(root, runs=3)
    scenario = folder / "scenarios" / "talks_first_distribution.yaml"
    scenario.write_text(scenario.read_text().replace("runs: 1000,", "runs: 20,"))
    (folder / "simulation.json").write_text(json.dumps(SIMULATION, indent=2))
    return folder


#: a small ``simulate --json`` result (its shape is what ``report --simulation`` reads)
SIMULATION = {
    "format_version": 1,
    "model": "cambodia-2013-2017",
    "policy": "empirical",
    "start": "2013-07-28",
    "runs": 5,
    "requested": 5,
    "seed": 0,
    "complete": True,
    "outcomes": {
        "talks=settled": {
            "n": 4,
            "p": 0.8,
            "ci95": [0.375535, 0.963776],
            "median_days": 424.5,
            "quartiles_days": [396.75, 545.75],
        },
        "assembly=dissolved": {
            "n": 0,
            "p": 0.0,
            "ci95": [0.0, 0.434482],
            "median_days": None,
            "quartiles_days": None,
        },
    },
    "configurations": {"assembly=elected talks=settled": {"n": 2, "p": 0.4, "ci95": [0.1, 0.7]}},
}

#: outputs a command may write in the case folder: each is whole or absent after any run
OUTPUTS = ("out.csv", "report.html", "junit.xml", "graph.mmd", "runs.csv", "sweep.csv")

_BOUNDED = ["--workers", "1", "--no-progress"]

#: the file of the case each target mutates, and the commands that read it ({d}: the folder,
#: {f}: the mutated file)
TARGETS: dict[str, list[list[str]]] = {
    "pack.yaml": [
        ["validate", "--pack", "{d}", "--json"],
        ["replay", "--pack", "{d}"],
        ["run", "--pack", "{d}", "-q", "--junit", "{d}/junit.xml"],
        ["report", "--pack", "{d}", "--out", "{d}/report.html"],
    ],
    "model.yaml": [
        ["validate", "{f}"],
        ["graph", "--pack", "{d}", "--out", "{d}/graph.mmd"],
        ["explore", "--pack", "{d}", "--max-depth", "2", "--max-states", "200", *_BOUNDED],
        ["simulate", "--pack", "{d}", "--runs", "3", "--out", "{d}/runs.csv", *_BOUNDED],
    ],
    "profile.yaml": [["validate", "{f}"], ["derive", "--pack", "{d}", "--json"]],
    "events.yaml": [
        ["validate", "{f}"],
        ["events", "{f}", "--conflicts"],
        ["export", "{f}", "--format", "csv", "--out", "{d}/out.csv"],
        ["simulate", "--pack", "{d}", "--runs", "3", *_BOUNDED],
        ["report", "--pack", "{d}", "--out", "{d}/report.html"],
        ["evaluate", "--gold", "{f}", "--articles", "{d}", "--actors", "{d}/actors.yaml"],
    ],
    "actors.yaml": [["validate", "{f}"], ["extract", "{d}/cambodia_101.txt", "--pack", "{d}"]],
    "articles.yaml": [["validate", "--pack", "{d}"], ["extract", "{d}", "--json"]],
    "cambodia_101.txt": [
        ["extract", "{f}", "--published", "2013-08-01", "--json"],
        ["validate", "--pack", "{d}"],
    ],
    "vocabulary.yaml": [["validate", "{f}"], ["replay", "--pack", "{d}", "--json"]],
    "policies/talks-first.yaml": [
        ["validate", "--pack", "{d}"],
        ["simulate", "--pack", "{d}", "--policy", "talks-first", "--runs", "3", *_BOUNDED],
        ["simulate", "--pack", "{d}", "--policy", "{f}", "--runs", "3", "--json", *_BOUNDED],
    ],
    "scenarios/talks_first_distribution.yaml": [
        ["run", "{f}", "--json"],
        ["validate", "{f}"],
        ["coverage", "{f}"],
    ],
    "scenarios/record.yaml": [
        ["run", "{f}"],
        ["graph", "--pack", "{d}", "--highlight", "{f}"],
        ["report", "{f}", "--out", "{d}/report.html"],
    ],
    "sweep.yaml": [["sweep", "{f}", "--workers", "1", "--out", "{d}/sweep.csv"]],
    "simulation.json": [
        ["report", "--pack", "{d}", "--simulation", "{f}", "--out", "{d}/report.html"]
    ],
}


def run_bytes(folder: Path, target: str, command: list[str], data: bytes) -> Outcome:
    """Write ``data`` as the target file of ``folder`` and run ``command`` on it."""
    path = folder / target
    path.write_bytes(data)
    return run_args([a.format(d=folder, f=path) for a in command], folder)


def check_bytes(outcome: Outcome, folder: Path, target: str) -> None:
    """:func:`hostile.check`, and: an input error on a file with lines names a line of it; no
    temporary file is left; an output is absent after a failure and not empty after a
    success."""
    check(outcome, folder)
    leftovers = [p for p in folder.rglob(".*") if p.name.endswith((".tmp", ".new", ".old"))]
    assert not leftovers, (outcome.args, leftovers)
    for name in OUTPUTS:
        out = folder / name
        if outcome.exit_code == 2:
            assert not out.exists(), (outcome.args, name, outcome.output[-1000:])
        elif out.exists():
            assert out.stat().st_size > 0, (outcome.args, name)
    if outcome.exit_code == 2:
        errors = [line for line in outcome.output.splitlines() if line.startswith("error:")]
        for line in errors:
            # located: at a line of the file, or of the file that names it (a file that is no
            # document of ours is reported where it is named, hostile.py's check names it)
            if str(folder / target) in line:
                assert re.search(r"\.(yaml|json|txt):\d+:", line), (outcome.args, line)
