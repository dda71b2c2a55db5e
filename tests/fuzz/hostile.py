"""Hostile files for the fuzz suite: mutations of the shipped files of every kind.

A case is a copy of a small dispute pack (Kenya 2007-08: its model, profile, event log, actors,
articles, scenarios, pack.yaml), plus the built-in lexicon and vocabulary, with one file mutated:
a value replaced by a hostile one (huge numbers, far or impossible dates, control characters,
YAML bombs, deep nesting, long strings ...), lines deleted, repeated or shuffled, bytes inserted,
the file truncated. :func:`run_case` feeds it to one command through click's ``CliRunner`` and
returns what a user would see.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

import click
from click.testing import CliRunner
from hypothesis import strategies as st

from negotiation._internal.paths import data_dir
from negotiation.cli import main
from negotiation.cli.common import EXIT_CODES

PACK = data_dir() / "packs" / "kenya-2007-2008"
CAMBODIA = data_dir() / "packs" / "cambodia-2013-2017"
SWEEP = Path(__file__).parent.parent / "data" / "sweep_talks.yaml"
LEXICON = data_dir() / "lexicon.yaml"
VOCABULARY = data_dir() / "vocabulary.yaml"

#: values a hostile user puts where a value goes
HOSTILE_VALUES = [
    "99999999999999999999999999999999",
    "-99999999999999999999",
    "1" + "0" * 5000,
    "1e999",
    "-1e999",
    ".nan",
    ".inf",
    "-1",
    "0",
    "1.5",
    "9999-12-31",
    "'9999-12-31'",
    "0001-01-01",
    "'1000-01-01'",
    "'99999-01-01'",
    "2013-02-30",
    "2013-13-01",
    "'2013-7-28'",
    "2013-07-28T25:00:00",
    "'10000000000-01-01'",
    "null",
    "~",
    "''",
    "[]",
    "{}",
    "[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]",
    "&a [*a]",
    "*undefined",
    "!!python/object/apply:os.system [echo]",
    "!!binary aGk=",
    "!!set {a, b}",
    '"\\x1b[31mred\\x1b[0m"',
    '"\\u0000"',
    '"\\x07bell"',
    "x" * 3000,
    "'#²'",
    "'#99999999999999999999'",
    "'#-1'",
    "phase contains 1",
    "'phase == \"a\" && ' ",
    "'(' ",
    "'" + "(a|a)*" * 50 + "b'",
    "'" + "a" * 5000 + "!'",
    "'" + "1" * 200 + " seats'",
    "'/dev/zero'",
    "'/etc/passwd'",
    "'../../../../etc/passwd'",
    "'.'",
    "true",
    "yes",
    "'é漢字🙂'",
    '"\\ud800"',
    "<<: {a: 1}",
    "1/0",
    "0/0",
]

#: whole blocks appended to a file
HOSTILE_BLOCKS = [
    "\nbomb: &a [x, x, x, x, x, x, x, x, x]\n"
    + "".join(f"b{i}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)),
    "\ndeep: " + "[" * 200 + "]" * 200 + "\n",
    "\ndeep:\n" + "".join("  " * i + "- \n" for i in range(1, 90)),
    "\n---\nsecond: document\n",
    "\nevents: []\n",
    "\nid: dup\nid: dup\n",
    "\x00\x01\x02",
    "\n\t\tbad: indentation\n",
    "\n" + "k: v\n" * 3,
]


@dataclass(frozen=True)
class Mutation:
    """One change to one file's text (applied to its lines)."""

    kind: str
    line: int  # index, taken modulo the number of lines
    value: str = ""

    def apply(self, text: str) -> str:
        lines = text.splitlines(keepends=True) or [""]
        i = self.line % len(lines)
        if self.kind == "replace_value":
            # the value after the first ': ' (or after '- ') of the line, else the whole line
            head, sep, _ = lines[i].partition(": ")
            if not sep:
                head, sep, _ = lines[i].partition("- ")
            lines[i] = f"{head}{sep}{self.value}\n" if sep else f"{self.value}\n"
        elif self.kind == "delete":
            del lines[i : i + 1 + len(self.value) % 7]
        elif self.kind == "repeat":
            lines.insert(i, lines[i])
        elif self.kind == "swap":
            j = (i + 1 + len(self.value)) % len(lines)
            lines[i], lines[j] = lines[j], lines[i]
        elif self.kind == "insert":
            lines.insert(i, self.value)
        elif self.kind == "truncate":
            return "".join(lines[:i]) + lines[i][: len(lines[i]) // 2]
        elif self.kind == "append":
            lines.append(self.value)
        elif self.kind == "indent":
            lines[i] = "  " + lines[i] if len(self.value) % 2 else lines[i].lstrip()
        return "".join(lines)


def mutations() -> st.SearchStrategy[Mutation]:
    line = st.integers(min_value=0, max_value=10_000)
    junk = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40).map(
        lambda s: s + "\n"
    )
    return st.one_of(
        st.builds(Mutation, st.just("replace_value"), line, st.sampled_from(HOSTILE_VALUES)),
        st.builds(Mutation, st.just("replace_value"), line, junk.map(str.strip)),
        st.builds(
            Mutation,
            st.sampled_from(["delete", "repeat", "swap", "truncate", "indent"]),
            line,
            st.text(max_size=6),
        ),
        st.builds(Mutation, st.just("insert"), line, junk),
        st.builds(Mutation, st.just("append"), line, st.sampled_from(HOSTILE_BLOCKS)),
    )


#: the file of the case folder each target mutates, and the commands that read it ({d}: the
#: folder, {f}: the mutated file)
TARGETS: dict[str, list[list[str]]] = {
    "events.yaml": [
        ["validate", "{f}"],
        ["replay", "--pack", "{d}", "--json"],
        ["derive", "--pack", "{d}"],
        ["events", "{f}", "--json"],
        ["events", "{f}", "--conflicts"],
    ],
    "model.yaml": [
        ["validate", "{f}"],
        ["graph", "--pack", "{d}"],
        ["replay", "--pack", "{d}"],
        ["explore", "--pack", "{d}", "--max-depth", "2", "--max-states", "200", "--no-progress"],
    ],
    "profile.yaml": [
        ["validate", "{f}"],
        ["replay", "--model", "{d}/model.yaml", "--profile", "{f}", "{d}/events.yaml"],
        ["explore", "--pack", "{d}", "--max-depth", "2", "--max-states", "200", "--no-progress"],
    ],
    "actors.yaml": [
        ["validate", "{f}"],
        ["validate", "--pack", "{d}"],
        ["extract", "{d}/kenya_001.txt", "--actors", "{f}", "--published", "2008-01-01"],
    ],
    "articles.yaml": [
        ["validate", "{f}"],
        ["validate", "--pack", "{d}"],
        ["extract", "{d}", "--json"],
    ],
    "kenya_001.txt": [
        ["extract", "{f}", "--published", "2008-01-01", "--json"],
        ["extract", "{f}", "--no-actors", "--published", "2008-01-01"],
        ["validate", "{d}/events.yaml"],
        ["validate", "--pack", "{d}"],
        [
            "evaluate",
            "--gold",
            "{d}/events.yaml",
            "--articles",
            "{d}",
            "--actors",
            "{d}/actors.yaml",
        ],
    ],
    "pack.yaml": [
        ["validate", "--pack", "{d}"],
        ["run", "--pack", "{d}", "-q"],
        ["replay", "--pack", "{d}"],
        ["graph", "--pack", "{d}"],
    ],
    "scenarios/record.yaml": [
        ["run", "{f}", "--json"],
        ["validate", "{f}"],
        ["coverage", "{f}", "--json"],
        ["run", "{d}/scenarios", "--junit", "{d}/junit.xml"],
    ],
    "lexicon.yaml": [
        ["extract", "{d}/kenya_001.txt", "--lexicon", "{f}", "--published", "2008-01-01"]
    ],
    "vocabulary.yaml": [["validate", "{f}"]],
}


def case_folder(root: Path) -> Path:
    """A fresh copy of the small pack (and the lexicon and vocabulary) under ``root``."""
    folder = root / "case"
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(PACK, folder)
    shutil.copy(LEXICON, folder / "lexicon.yaml")
    shutil.copy(VOCABULARY, folder / "vocabulary.yaml")
    return folder


def cambodia_case(root: Path, runs: int) -> Path:
    """A fresh copy of the Cambodian pack under ``root``, with a sweep over it of ``runs``
    runs a cell."""
    folder = root / "case"
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(CAMBODIA, folder)
    text = SWEEP.read_text().replace("pack: cambodia-2013-2017", "pack: .")
    (folder / "sweep.yaml").write_text(text.replace("runs: 500", f"runs: {runs}"))
    return folder


@dataclass
class Outcome:
    args: list[str]
    exit_code: int
    output: str
    error: str | None  # the traceback of an exception that escaped, if one did


class Hang(Exception):
    """A case ran past the watchdog: a hang, not a slow machine (the bound is generous)."""


@contextmanager
def watchdog(seconds: int) -> Iterator[None]:
    def fire(signum: int, frame: FrameType | None) -> None:
        raise Hang(f"still running after {seconds} s")

    previous: Callable[..., object] | int | None = signal.signal(signal.SIGALRM, fire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def run_case(folder: Path, target: str, command: list[str], text: str) -> Outcome:
    """Write ``text`` as the target file of ``folder`` and run ``command`` on it."""
    path = folder / target
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    args = [a.format(d=folder, f=path) for a in command]
    return run_args(args, folder)


def check(outcome: Outcome, folder: Path) -> None:
    """The contract: no exception, a documented exit code, and an input error names a file of
    the case (or the flag a usage error is about)."""
    assert outcome.error is None, f"{outcome.args}\n{outcome.error}"
    assert "Traceback" not in outcome.output, (outcome.args, outcome.output)
    assert outcome.exit_code in EXIT_CODES, (outcome.args, outcome.exit_code, outcome.output)
    assert outcome.exit_code not in (3, 130) or outcome.args[0] == "explore", outcome
    if outcome.exit_code == 2:
        errors = [line for line in outcome.output.splitlines() if line.startswith("error:")]
        errors += [f"error: {p.get('file')}: {p.get('message')}" for p in json_problems(outcome)]
        usage = "Usage:" in outcome.output
        assert errors or usage, (outcome.args, outcome.output[-2000:])
        for line in errors:
            assert str(folder) in line or "NEGOTIATION_" in line, (outcome.args, line)


# --- flags: every option of every command, with hostile values ---------------------------------
HOSTILE_INTS = ["-1", "0", "1", "3", "99999999999999999999999", "1e3", "nan", "", " 7 "]
HOSTILE_FLOATS = ["-1", "0", "0.5", "1e999", "-1e999", "nan", "inf", "1e-320", "x"]
HOSTILE_DATES = [
    "2013-07-28",
    "9999-12-31",
    "0001-01-01",
    "1799-12-31",
    "2201-01-01",
    "2013-02-30",
    "20130728",
    "",
    "99999-01-01",
]
HOSTILE_TEXT = [
    "x",
    "",
    "\x1b[2J",
    "a,b",
    "99,111",
    "1,2,3",
    "-1,5",
    "odm,pnu",
    "é,漢",
    "2007-12-27-election-held",
    "\x00",
]


def hostile_paths(folder: Path) -> list[str]:
    """Paths a hostile user gives (inside ``folder``: never a real device or system file)."""
    special = folder / "special"
    if not special.exists():
        special.mkdir()
        os.mkfifo(special / "fifo.yaml")
        (special / "loop.yaml").symlink_to(special / "loop.yaml")
        (special / "empty.yaml").write_text("")
        (special / "binary.txt").write_bytes(b"\x00\xff\xfe" * 100)
        with open(special / "big.yaml", "wb") as fh:  # sparse: over the 16 MB limit
            fh.truncate(17_000_000)
        (special / "link-to-events.yaml").symlink_to(folder / "events.yaml")
    return [
        str(folder),
        str(folder / "events.yaml"),
        str(folder / "model.yaml"),
        str(folder / "profile.yaml"),
        str(folder / "actors.yaml"),
        str(folder / "kenya_001.txt"),
        str(folder / "scenarios"),
        str(folder / "scenarios" / "record.yaml"),
        str(folder / "missing.yaml"),
        str(folder / "events.yaml" / "under-a-file.yaml"),
        *(str(p) for p in sorted(special.iterdir())),
        str(special),
        "kenya-2007-2008",
        "no-such-pack",
    ]


#: options kept bounded so that a case stays small (appended last: they win)
SAFETY = {
    "explore": ["--max-states", "300", "--max-seconds", "10", "--workers", "1", "--no-progress"],
    "simulate": ["--runs", "20", "--executor", "serial", "--workers", "1", "--no-progress"],
}
#: options never fuzzed: they reach outside the machine (a Dask scheduler's address)
NOT_FUZZED = ("help", "scheduler", "executor")


def flag_values(param: click.Parameter, folder: Path) -> list[str]:
    kind = param.type
    if isinstance(kind, click.Choice):
        return [*map(str, kind.choices), "bogus"]
    if isinstance(kind, click.types.IntParamType):
        return HOSTILE_INTS
    if isinstance(kind, click.types.FloatParamType):
        return HOSTILE_FLOATS
    if (
        isinstance(kind, click.DateTime)
        or "date" in (param.name or "")
        or param.name in ("published", "start")
    ):
        return HOSTILE_DATES
    if param.name in ("parties", "split", "after", "interpretation", "format", "highlight"):
        return HOSTILE_TEXT + hostile_paths(folder)[:3]
    return hostile_paths(folder)


def output_values(folder: Path) -> list[str]:
    """Output paths inside the case folder: a directory, under a file, a symlink, a FIFO ..."""
    out = folder / "out"
    if not out.exists():
        out.mkdir()
        (out / "file.txt").write_text("keep\n")
        (out / "link.txt").symlink_to(out / "file.txt")
        os.mkfifo(out / "fifo.txt")
    return [
        str(out / "new.txt"),
        str(out),
        str(out / "file.txt"),
        str(out / "link.txt"),
        str(out / "fifo.txt"),
        str(out / "missing" / "x.txt"),
        str(out / "file.txt" / "x"),
        str(out / "saved"),
    ]


OUTPUT_OPTIONS = ("out", "junit", "save", "output")


def commands() -> list[str]:
    return sorted(main.list_commands(click.Context(main)))


@st.composite
def flag_cases(draw: st.DrawFn, folder: Path) -> list[str]:
    """A command and hostile arguments for it, drawn from its own options."""
    name = draw(st.sampled_from(commands()))
    command = main.get_command(click.Context(main), name)
    assert command is not None
    args = [name]
    for param in command.params:
        if param.name in NOT_FUZZED or not draw(st.booleans()):
            continue
        if isinstance(param, click.Argument):
            values = [*flag_values(param, folder)]
            if isinstance(param.type, click.Choice):
                values = [*map(str, param.type.choices), "bogus"]
            args += draw(st.lists(st.sampled_from(values), min_size=1, max_size=2))
            continue
        assert isinstance(param, click.Option)
        flag = param.opts[-1] if param.opts[-1].startswith("--") else param.opts[0]
        if param.is_flag:
            args.append(flag)
            continue
        pool = output_values(folder) if param.name in OUTPUT_OPTIONS else flag_values(param, folder)
        args += [flag, draw(st.sampled_from(pool))]
    return args + SAFETY.get(name, [])


def run_args(args: list[str], folder: Path) -> Outcome:
    """Run the command line in a fresh folder inside the case (so that a default output path,
    like ``report.html``, is written there, never in the working tree)."""
    cwd = folder / "cwd"
    cwd.mkdir(exist_ok=True)
    with contextlib.chdir(cwd), watchdog(120):
        result = CliRunner().invoke(main, args, catch_exceptions=True)
    error = None
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        assert result.exc_info is not None
        error = "".join(traceback.format_exception(*result.exc_info))
    return Outcome(args, result.exit_code, result.output, error)


def check_flags(outcome: Outcome, folder: Path) -> None:
    """As :func:`check`; an input error names a file of the case, a built-in pack or a flag."""
    assert outcome.error is None, f"{outcome.args}\n{outcome.error}"
    assert "Traceback" not in outcome.output, (outcome.args, outcome.output)
    assert outcome.exit_code in EXIT_CODES, (outcome.args, outcome.exit_code, outcome.output)
    if outcome.exit_code == 2:
        errors = [line for line in outcome.output.splitlines() if line.startswith("error:")]
        assert errors or "Usage:" in outcome.output or json_problems(outcome), (
            outcome.args,
            outcome.output[-2000:],
        )
    keep = folder / "out" / "file.txt"
    assert (
        not keep.exists()
        or keep.is_symlink()
        or keep.read_bytes() == b"keep\n"
        or (outcome.exit_code in (0, 1))
    ), outcome.args


def json_problems(outcome: Outcome) -> list[dict[str, object]]:
    """The problems a ``--json`` command printed as data (``problems``), if it did."""
    if "--json" not in outcome.args:
        return []
    try:
        data = json.loads(outcome.output[outcome.output.find("{") :])
    except ValueError:
        return []
    found = data.get("problems") if isinstance(data, dict) else None
    return [p for p in found if isinstance(p, dict)] if isinstance(found, list) else []
