"""Exploration of the reference model: distinct states per CPU-second and bytes per state,
against the explorer of an earlier commit run in the same benchmark, interleaved.

Each round runs ``explore_once.py`` for today's package and for the baseline commit's (checked
out into a temporary git worktree), in alternating order; each child reports the CPU time of
its search alone. Both sides explore the same depth of the same model and must find the same
number of states (the benchmark stops otherwise). The baseline commit defaults to ``7bfcef3``,
the last commit before the compiled engine; without git history the comparison is skipped.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BASELINE_COMMIT = "7bfcef3"


def _once(depth: int, src: Path | None) -> dict[str, Any]:
    cmd = [sys.executable, str(HERE / "explore_once.py"), "--depth", str(depth)]
    if src is not None:
        cmd += ["--src", str(src)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return result


def _baseline_tree(tmp: Path, commit: str) -> Path | None:
    target = tmp / "baseline"
    done = subprocess.run(
        ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(target), commit],
        capture_output=True,
        text=True,
    )
    return target if done.returncode == 0 else None


def measure(quick: bool = False, commit: str = BASELINE_COMMIT) -> dict[str, Any]:
    depth = 5
    rounds = 3 if quick else 7
    ours_runs: list[dict[str, Any]] = []
    base_runs: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        base = _baseline_tree(Path(tmp), commit)
        try:
            for i in range(rounds):
                sides = [(ours_runs, None), (base_runs, base)] if base else [(ours_runs, None)]
                for runs, src in sides if i % 2 == 0 else reversed(sides):
                    runs.append(_once(depth, src))
        finally:
            if base is not None:
                subprocess.run(
                    ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)],
                    capture_output=True,
                )
    states = ours_runs[0]["distinct_states"]
    out: dict[str, Any] = {
        "depth": depth,
        "distinct_states": states,
        "transitions": ours_runs[0]["transitions"],
        "states_per_cpu_s": states / statistics.median(r["cpu_s"] for r in ours_runs),
        "peak_rss_mb": statistics.median(r["peak_rss_mb"] for r in ours_runs),
        "bytes_per_state": statistics.median(r["grown_bytes_per_state"] for r in ours_runs),
        "rounds": rounds,
    }
    if base_runs:
        if base_runs[0]["distinct_states"] != states:
            raise SystemExit(f"baseline {commit} found {base_runs[0]['distinct_states']} states")
        ratios = [b["cpu_s"] / o["cpu_s"] for o, b in zip(ours_runs, base_runs, strict=True)]
        out["baseline"] = {
            "commit": commit,
            "states_per_cpu_s": states / statistics.median(r["cpu_s"] for r in base_runs),
            "bytes_per_state": statistics.median(r["grown_bytes_per_state"] for r in base_runs),
            "speedup": statistics.median(ratios),  # baseline CPU / ours: > 1 is faster
            "speedup_spread": [min(ratios), max(ratios)],
        }
    return out


if __name__ == "__main__":
    print(json.dumps(measure(quick="--quick" in sys.argv), indent=2))
