"""Run every benchmark; print the figures and ratios measured in this one run.

    python benchmarks/run.py            # a few minutes on two cores
    python benchmarks/run.py --quick    # smaller samples
    python benchmarks/run.py --json     # every figure, as JSON on stdout

Speed is measured here (CPU time, interleaved sides, median of paired ratios; see
``harness.py``), never asserted by tests.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_engine
import bench_explore
import bench_extract
import bench_hypothesis
import bench_startup

BENCHMARKS: dict[str, Callable[[bool], dict[str, Any]]] = {
    "engine": bench_engine.measure,
    "explore": bench_explore.measure,
    "startup": bench_startup.measure,
    "hypothesis": bench_hypothesis.measure,
    "extract": bench_extract.measure,
}


def _extra() -> dict[str, Callable[[bool], dict[str, Any]]]:
    """Benchmarks of optional parts, present when their module is (e.g. simulation)."""
    out: dict[str, Callable[[bool], dict[str, Any]]] = {}
    for name in ("simulate",):
        try:
            module = __import__(f"bench_{name}")
        except ImportError:
            continue
        out[name] = module.measure
    return out


def _rows(f: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    e, x, s, h = f["engine"], f["explore"], f["startup"], f["hypothesis"]
    rows = [
        (
            "core `step` vs plain `transitions` (record)",
            f"{e['core']['steps_per_cpu_s']:,.0f} vs "
            f"{e['core']['plain_transitions_steps_per_cpu_s']:,.0f} steps/CPU-s",
            f"{1 / e['core']['ratio_vs_plain']:.2f}x faster",
            ">= 400,000, >= 3x",
        ),
        (
            "`DisputeModel.step` vs plain `transitions`",
            f"{e['engine']['steps_per_cpu_s']:,.0f} steps/CPU-s",
            f"{e['engine']['ratio_vs_plain']:.2f}x the time",
            "<= 1.3x",
        ),
        (
            "`replay()` with Trace vs plain `transitions`",
            f"{e['replay']['steps_per_cpu_s']:,.0f} steps/CPU-s",
            f"{e['replay']['ratio_vs_plain']:.2f}x the time",
            "<= 2x",
        ),
        (
            f"explore, depth {x['depth']} ({x['distinct_states']:,} states)",
            f"{x['states_per_cpu_s']:,.0f} states/CPU-s, {x['bytes_per_state']:,.0f} B/state",
            f"{x['baseline']['speedup']:.1f}x {x['baseline']['commit']}" if "baseline" in x else "",
            ">= 200,000, >= 6x, <= 600 B",
        ),
        (
            "`negotiation --help`",
            f"{s['help']['cpu_s']:.3f} CPU-s",
            f"{s['help']['ratio_vs_bare_python']:.1f}x `python -c pass`",
            "<= 0.15",
        ),
        (
            "`negotiation run scenarios/cambodia_2013_2014.yaml`",
            f"{s['run_reference_scenario']['cpu_s']:.3f} CPU-s",
            "",
            "<= 0.35",
        ),
        (
            "hypothesis: `enabled_sequences` + `replay`",
            f"{h['sequence_steps_per_cpu_s']:,.0f} steps/CPU-s",
            f"{h['ratio_vs_baseline']:.2f}x the plain machine",
            "",
        ),
    ]
    if "extract" in f:
        rows.append(
            (
                "extraction (seed articles)",
                f"{f['extract']['articles_per_cpu_s']:,.1f} articles/CPU-s",
                f"{f['extract']['slower_than_split']:,.0f}x a regex split",
                "",
            )
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller samples")
    parser.add_argument("--json", action="store_true", help="every figure as JSON on stdout")
    args = parser.parse_args(argv)
    figures: dict[str, Any] = {
        "date": dt.date.today().isoformat(),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cores": os.cpu_count(),
        "quick": args.quick,
    }
    for name, measure in {**BENCHMARKS, **_extra()}.items():
        figures[name] = measure(args.quick)
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(
        f"# negotiation benchmarks, {figures['date']}: Python {figures['python']}, "
        f"{figures['machine']}, {figures['cores']} cores" + (" (--quick)" if args.quick else "")
    )
    print("\n| benchmark | measured | ratio (same run) | target |\n| --- | --- | --- | --- |")
    for row in _rows(figures):
        print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
