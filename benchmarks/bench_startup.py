"""Start-up: CPU seconds of ``negotiation --help`` and of running the reference scenario,
each interleaved with a bare interpreter start (``python -c pass``) as the baseline.

Children's CPU time is read with ``resource.getrusage(RUSAGE_CHILDREN)`` (user + system).
Targets: ``--help`` <= 0.15 CPU-s; ``run scenarios/cambodia_2013_2014.yaml`` <= 0.35 CPU-s.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


# A user's interpreter writes and reuses byte-code; measure that, whatever this shell says.
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _child_cpu(cmd: list[str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(cmd, check=False, capture_output=True, cwd=ROOT, env=_ENV)
    if done.returncode != 0:  # a command that fails fast is no start-up time
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr[-500:]!r}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _cli() -> list[str]:
    exe = shutil.which("negotiation")
    return [exe] if exe else [sys.executable, "-c", "from negotiation.cli import main; main()"]


def measure(quick: bool = False) -> dict[str, Any]:
    rounds = 7 if quick else 15
    bare = [sys.executable, "-c", "pass"]
    commands = {
        "help": [*_cli(), "--help"],
        "run_reference_scenario": [*_cli(), "run", "scenarios/cambodia_2013_2014.yaml"],
    }
    out: dict[str, Any] = {}
    for name, cmd in commands.items():
        _child_cpu(cmd)  # warm the file cache and byte-code
        ours, base = [], []
        for i in range(rounds):
            pair = [(ours, cmd), (base, bare)]
            for runs, c in pair if i % 2 == 0 else reversed(pair):
                runs.append(_child_cpu(c))
        out[name] = {
            "cpu_s": statistics.median(ours),
            "bare_python_cpu_s": statistics.median(base),
            "ratio_vs_bare_python": statistics.median(
                o / b for o, b in zip(ours, base, strict=True)
            ),
            "rounds": rounds,
        }
    return out


if __name__ == "__main__":
    import json

    print(json.dumps(measure(quick="--quick" in sys.argv), indent=2))
