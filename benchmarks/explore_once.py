"""One exploration of the reference model in a fresh process; prints one JSON line.

    python benchmarks/explore_once.py --depth 5 [--src DIR]

``--src`` puts another checkout of the package first on ``sys.path`` (the benchmark uses it
to run the explorer of an earlier commit beside today's, in the same run). The CPU time is
the search's own (``time.process_time`` around the call), after a depth-1 warm-up that
pays for lazy imports and built-in loads on both sides.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--depth", type=int, default=5)
    parser.add_argument("--src", default=None)
    args = parser.parse_args()
    if args.src:
        sys.path.insert(0, args.src)
    try:
        from negotiation.explore import explore
    except ImportError:  # commits before the package was split by concept
        from negotiation.exploration import explore  # type: ignore[import-not-found,no-redef]

    explore(max_depth=1, max_states=1000, max_seconds=60)  # warm-up: lazy imports, caches
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.process_time()
    result = explore(max_depth=args.depth, max_states=50_000_000, max_seconds=3600)
    cpu = time.process_time() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        json.dumps(
            {
                "distinct_states": result.distinct_states,
                "transitions": result.transitions,
                "cpu_s": cpu,
                "peak_rss_mb": peak_kb / 1024,
                "grown_bytes_per_state": (peak_kb - before) * 1024 / result.distinct_states,
            }
        )
    )


if __name__ == "__main__":
    main()
