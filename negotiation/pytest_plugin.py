"""pytest plugin: scenario files collected as tests (see :mod:`negotiation.scenario`).

Installed with the package (entry point ``pytest11``) but **opt-in**: it collects nothing in a
project that has not asked for it, so installing ``negotiation`` never changes another project's
test run. A project opts in by naming its scenario files with the ini option
``negotiation_scenario_glob`` (patterns relative to the rootdir or the invocation directory, or
absolute; ``**`` spans directories)::

    [tool.pytest.ini_options]
    negotiation_scenario_glob = ["scenarios/**/*.yaml", "what_ifs/*.yml"]

A YAML file named on the command line (``pytest my_scenario.yaml``) is collected whatever its
path. Each scenario file is a collector and each scenario — or each cell of its ``matrix`` — a test
item. Files are validated at collection: a malformed scenario is a collection error at
``file:line:col`` with the path inside the document, not a traceback. A failing scenario prints
the unmet expectations, then the replay step by step (only what changed at each step), then the
sources (article id and quote) of the events involved.

Other YAML files that match (event logs, models, profiles the scenarios read) are left alone: a
file whose top level has no scenario-only key (``name``, ``variations``, ``expect``, ``matrix``,
``interpretation``, ``disable_rules``) but has keys a scenario does not have (``dispute``,
``phases``, ``provisions`` ...) is another kind of file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from negotiation.scenario import CellResult, PlannedCell

__all__ = ["DEFAULT_GLOBS", "ScenarioFailure", "ScenarioFile", "ScenarioItem", "matches"]

INI_GLOB = "negotiation_scenario_glob"
#: the patterns a project usually opts in with (not a default: the plugin is off until asked)
DEFAULT_GLOBS = ("scenarios/**/*.yaml", "scenarios/**/*.yml")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini(
        INI_GLOB,
        type="linelist",
        default=[],
        help="glob patterns of negotiation scenario files, relative to the rootdir or absolute "
        f"(e.g. {' '.join(DEFAULT_GLOBS)}; '**' spans directories); none: collect only scenario "
        "files named on the command line",
    )


@cache
def _regex(pattern: str) -> re.Pattern[str]:
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + r"\Z")


def matches(relative: str, patterns: list[str]) -> bool:
    """Whether a '/'-separated relative path matches one of the glob patterns."""
    return any(_regex(p.strip().removeprefix("./")).match(relative) for p in patterns if p.strip())


def _relative(path: Path, base: Path) -> str | None:
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return None


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> ScenarioFile | None:
    if file_path.suffix not in (".yaml", ".yml"):
        return None
    config = parent.config
    patterns: list[str] = config.getini(INI_GLOB)
    if not patterns and not parent.session.isinitpath(file_path):
        return None  # not opted in
    bases = (config.rootpath, config.invocation_params.dir)
    relatives = {r for b in bases if (r := _relative(file_path, b)) is not None}
    relatives.add(file_path.as_posix())  # for absolute patterns
    if parent.session.isinitpath(file_path) or (
        any(matches(r, patterns) for r in relatives) and not _other_kind(file_path)
    ):
        return ScenarioFile.from_parent(parent, path=file_path)
    return None


def _other_kind(path: Path) -> bool:
    from negotiation.scenario.loading import other_kind

    return other_kind(path)


class ScenarioFailure(Exception):
    """A scenario ran, and some of its expectations were not met."""

    def __init__(self, result: CellResult):
        super().__init__("; ".join(result.failures))
        self.result = result


class ScenarioFile(pytest.File):
    """A scenario file: validated when collected; one item per scenario or matrix cell."""

    def collect(self) -> Iterator[ScenarioItem]:
        from negotiation.errors import InputError
        from negotiation.scenario import load_scenario, plan_scenario

        try:
            planned = plan_scenario(load_scenario(self.path))
        except InputError as exc:
            shown = _relative(self.path, self.config.invocation_params.dir)
            lines = [f"invalid scenario file: {len(exc.problems)} problem(s)"]
            lines += [
                str(replace(p, file=shown) if shown and p.file == str(self.path) else p)
                for p in exc.problems
            ]
            raise self.CollectError("\n".join(lines)) from None
        for cell in planned:
            name = cell.scenario if cell.cell is None else f"{cell.scenario}[{cell.cell}]"
            yield ScenarioItem.from_parent(self, name=name, planned=cell)


class ScenarioItem(pytest.Item):
    """One run: the scenario, or one cell of its matrix."""

    def __init__(self, *, planned: PlannedCell, **kwargs: Any):
        super().__init__(**kwargs)
        self.planned = planned
        self.result: CellResult | None = None

    def runtest(self) -> None:
        from negotiation.scenario import run_cell

        self.result = run_cell(self.planned)
        trace = self.result.trace
        self.user_properties.append(("conformance", f"{trace.conformance:.4f}"))
        self.user_properties.append(("final_phase", trace.final_phase))
        for c in self.result.claims or ():
            self.user_properties.append((c.claim.text, f"p={c.p:.4f} [{c.low:.4f}, {c.high:.4f}]"))
        if not self.result.passed:
            raise ScenarioFailure(self.result)

    def repr_failure(
        self,
        excinfo: pytest.ExceptionInfo[BaseException],
        style: Any = None,
    ) -> str:
        if isinstance(excinfo.value, ScenarioFailure):
            from negotiation.scenario import failure_report

            return failure_report(excinfo.value.result)
        return str(super().repr_failure(excinfo, style=style))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"scenario: {self.name}"
