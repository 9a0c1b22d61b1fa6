"""Run every benchmark in turn (``make bench``). Figures are printed; nothing here is a pass/fail test.

    python benchmarks/run_all.py [--only NAME,NAME] [--quick]

``--quick`` uses smaller inputs (a few minutes in all); without it the full runs take about half an hour on two
cores, most of it the ROUGE evaluation over the whole BBC set with sumy's baselines.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PREVIOUS_RELEASE = "384ea5e8bbc07f3df0312f471bee867a7e16017b"
"""The commit compared with in ``startup_and_throughput`` (the last one before the start-up and throughput work)."""
FULL: dict[str, list[str]] = {
    "ingest_throughput": ["--mb", "60"],
    "scale": [],
    "startup_and_throughput": ["--previous-ref", PREVIOUS_RELEASE],
    "rouge_bbc": [],
    "render_bench": [],
    "build_bench": [],
    "brief_quality": [],
    "gui_startup": [],
    "gui_stall": [],
    "batch_bench": [],
    "hostile_summary": [],
    "large_inputs": [],
    "long_title_bench": [],
}
QUICK: dict[str, list[str]] = {
    "ingest_throughput": ["--mb", "5"],
    "scale": ["--sizes", "10,100"],
    "startup_and_throughput": ["--runs", "3", "--previous-ref", PREVIOUS_RELEASE],
    "rouge_bbc": ["--limit", "200", "--tasks", "single"],
    "render_bench": ["--runs", "1"],
    "build_bench": ["--runs", "1"],
    "brief_quality": ["--quick"],
    "gui_startup": ["--runs", "2"],
    "gui_stall": ["--sources", "30"],
    "batch_bench": ["--runs", "1", "--no-cli"],
    "hostile_summary": [],
    "large_inputs": ["--scale", "0.1"],
    "long_title_bench": ["--lengths", "1000,20000"],
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", default="", help="comma-separated benchmark names")
    ap.add_argument("--quick", action="store_true", help="smaller inputs")
    args = ap.parse_args()
    plan = QUICK if args.quick else FULL
    names = [n for n in plan if not args.only or n in args.only.split(",")]
    failed = []
    for name in names:
        print(f"\n=== {name} {' '.join(plan[name])}", flush=True)
        start = time.perf_counter()
        code = subprocess.call([sys.executable, str(HERE / f"{name}.py"), *plan[name]])
        print(f"=== {name}: exit {code}, {time.perf_counter() - start:.0f} s", flush=True)
        if code:
            failed.append(name)
    if failed:
        print(f"\nbenchmarks that failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
