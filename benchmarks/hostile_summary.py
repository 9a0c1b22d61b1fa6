"""The hostile-input suite's figures: every case of ``tests/reliability/hostile_cases.py`` run through the real
command line (each in a child process with a 3 GiB address-space cap and a 60 s hang guard, two at a time).

    python benchmarks/hostile_summary.py [--workers N] [--only WORD]

Prints the counts of refused and accepted cases, crashes (exit 1 or a signal), hangs, tracebacks and partial
files left, the slowest case and the largest peak memory, then every case whose outcome differs from the one it
expects (with the work it relies on, when that is pending). Exit status 0 when every case has its expected
outcome.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.reliability.hostile_cases import CASES  # noqa: E402
from tests.reliability.hostile_runner import WORKERS, Outcome, run_cases, summary  # noqa: E402


def _differs(o: Outcome) -> str | None:
    if o.kind == o.case.expect and not o.traceback and not o.partial:
        return None
    pending = f" [relies on: {o.case.needs}]" if o.case.needs else ""
    last = o.stderr.strip().splitlines()[-1:] or [""]
    return f"{o.case.name}: expected {o.case.expect}, got {o.kind} (exit {o.codes}){pending}: {last[0][:160]}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--workers", type=int, default=WORKERS, help="cases run at the same time")
    ap.add_argument("--only", default="", help="only cases whose name holds this word")
    args = ap.parse_args()
    cases = [c for c in CASES if args.only.lower() in c.name.lower()]
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="briefgen-hostile-") as base:
        found = run_cases(cases, Path(base), workers=args.workers)
        figures = summary(found.values())
        wall = time.perf_counter() - start
        slowest = max(found.values(), key=lambda o: o.seconds)
        heaviest = max(found.values(), key=lambda o: o.peak_mb)
        print(f"hostile cases: {figures['cases']} in {wall:.0f} s wall ({args.workers} at a time)")
        for key in ("refused", "accepted", "crashes", "hangs", "tracebacks", "partial_files"):
            print(f"  {key:<14} {figures[key]}")
        print(f"  max time       {figures['max_seconds']} s ({slowest.case.name})")
        print(f"  max peak RSS   {figures['max_peak_mb']} MB ({heaviest.case.name})")
        cpu = figures["cpu_seconds"]
        print(f"  CPU time       {cpu} s in all: about {cpu / 2:.0f} s of wall time on two idle cores")
        differing = [line for o in found.values() if (line := _differs(o))]
        print(f"  not as expected: {len(differing)}")
        for line in differing:
            print(f"    {line}")
    return 1 if differing else 0


if __name__ == "__main__":
    raise SystemExit(main())
