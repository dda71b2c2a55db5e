"""Run every benchmark and print absolute figures and the ratios, measured in the same run.

    python benchmarks/run.py            # about two minutes on two cores
    python benchmarks/run.py --quick    # a short run (smaller samples)

Speed is measured here, never asserted by tests.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_engine
import bench_explore
import bench_hypothesis


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller samples")
    args = parser.parse_args(argv)
    print(
        f"# negotiation benchmarks, {dt.date.today().isoformat()}: Python "
        f"{platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores"
        + (" (--quick)" if args.quick else "")
    )
    e = bench_engine.measure(args.quick)
    x = bench_explore.measure(args.quick)
    h = bench_hypothesis.measure(args.quick)
    rows = [
        (
            "replay: engine vs plain transitions",
            f"{e['engine_steps_per_s']:,.0f} vs {e['plain_transitions_steps_per_s']:,.0f} steps/s",
            f"{e['engine_overhead']:.2f}x overhead",
            "<= 1.5x",
        ),
        (
            "replay() with Trace vs plain transitions",
            f"{e['replay_steps_per_s']:,.0f} vs {e['plain_transitions_steps_per_s']:,.0f} steps/s",
            f"{e['replay_overhead']:.2f}x overhead",
            "",
        ),
        (
            "kernel vs transitions machine",
            f"{e['kernel_steps_per_s']:,.0f} vs {e['machine_steps_per_s']:,.0f} steps/s",
            f"{e['kernel_speedup']:.1f}x faster",
            ">= 30x",
        ),
        (
            f"explore, depth {x['depth']} ({x['distinct_states']:,} states)",
            f"{x['states_per_s']:,.0f} vs naive {x['naive_states_per_s']:,.0f} states/s",
            f"{x['speedup']:.1f}x faster",
            ">= 200,000 states/s",
        ),
        (
            "hypothesis: enabled_sequences + replay",
            f"{h['sequence_steps_per_s']:,.0f} steps/s",
            "",
            "",
        ),
        (
            "hypothesis: generated state machine",
            f"{h['state_machine_steps_per_s']:,.0f} steps/s",
            "",
            "",
        ),
    ]
    print()
    print("| benchmark | measured | ratio | target |")
    print("| --- | --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    extract = Path(__file__).resolve().parent / "bench_extract.py"
    if extract.exists():
        import bench_extract

        print()
        bench_extract.main(["0.5"] if args.quick else [])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
