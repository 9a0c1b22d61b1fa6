"""Start-up and throughput of the command line against their targets, with sumy and a previous release beside.

    python benchmarks/startup_and_throughput.py [--runs 5] [--sumy-runs 1] [--previous-ref REF | --previous DIR]

Every figure is a whole fresh process (interpreter start, imports, reading the files, summarising, printing),
the median of ``--runs`` runs: wall-clock seconds, CPU seconds of all its processes (many files are read on
several cores, see ``briefgen/ingest/read_ahead.py``) and, when other processes helped, CPU seconds of the main
process alone (on an idle machine the wall-clock time lies between the two). Rows:

- ``briefgen --help`` (target ≤ 0.25 s), and how many heavy modules it imports (target 0);
- ``briefgen summarize`` of one BBC article (target ≤ 0.6 s);
- ``briefgen summarize`` of 100 and of 1,000 BBC articles at 5 % of their words (target ≤ 3 s for 1,000), the
  growth from 100 to 1,000 (target ≤ 8×) and the speed-up over sumy's LexRank on the same 100 articles, run as
  ``benchmarks/scale.py`` runs it (target ≥ 25×).

The comparison column is a previous release: ``--previous-ref REF`` exports that commit of this repository with
``git archive`` into a temporary folder and runs it with the same interpreter (``PYTHONPATH``), or ``--previous
DIR`` names such a folder. Wall-clock figures depend on the machine's load, printed at the start and the end.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))

HEAVY = ("nltk", "numpy", "reportlab", "docx", "trafilatura", "pypdf", "lxml", "PySide6")
RATIO = 0.05
_HELPERS_CPU = "BENCH-HELPERS-CPU"
_CLI = (  # ``python -m briefgen ARGS`` that also reports the CPU time of the helper processes it waited for
    "import atexit, os, resource, runpy, sys\n"
    "sys.argv[0] = 'briefgen'\n"
    "def helpers():\n"
    "    u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    f"    os.write(2, f'\\n{_HELPERS_CPU} {{u.ru_utime + u.ru_stime:.4f}}\\n'.encode())\n"
    "atexit.register(helpers)  # the command ends with os._exit after the exit handlers (briefgen.cli.quick_exit)\n"
    "runpy.run_module('briefgen', run_name='__main__', alter_sys=True)\n"
)
_HEAVY_PROBE = (
    "import sys\nfrom briefgen.cli.main import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
    f"print(len({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r})))"
)


Timing = tuple[float, float, float]
"""(wall seconds, CPU seconds of the process and the helpers it waited for, CPU seconds of the main process)"""


def timed(args: Sequence[str], env: dict[str, str] | None = None) -> Timing:
    """The :data:`Timing` of one run of *args*, whose output is discarded."""
    start = time.perf_counter()
    cwd = (env or {}).get("BENCH_CWD", str(REPO))  # ``python -m`` looks in the working folder first
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=cwd, env=env)
    assert proc.stderr is not None
    errors = proc.stderr.read().decode(errors="replace")  # until the process ends (a full pipe would block it)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(args[:5])}... failed: {errors}")
    total = usage.ru_utime + usage.ru_stime
    helpers = [float(line.split()[1]) for line in errors.splitlines() if line.startswith(_HELPERS_CPU)]
    return wall, total, total - (helpers[-1] if helpers else 0.0)


def median_of(runs: int, args: Sequence[str], env: dict[str, str] | None = None) -> Timing:
    results = [timed(args, env) for _ in range(runs)]
    return (
        statistics.median(r[0] for r in results),
        statistics.median(r[1] for r in results),
        statistics.median(r[2] for r in results),
    )


def environment(code_dir: Path | None) -> dict[str, str]:
    env = dict(os.environ)
    if code_dir is not None:  # the previous release's package comes first on the path
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(code_dir), env.get("PYTHONPATH", "")]))
        env["BENCH_CWD"] = str(code_dir)
    return env


def export_ref(ref: str, into: Path) -> Path:
    """The files of commit *ref* of this repository, unpacked into *into* (git state is not touched)."""
    archive = subprocess.run(["git", "archive", ref], cwd=REPO, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def heavy_modules(env: dict[str, str]) -> str:
    proc = subprocess.run(
        [sys.executable, "-c", _HEAVY_PROBE], capture_output=True, text=True, env=env, cwd=env.get("BENCH_CWD", REPO)
    )
    lines = proc.stdout.strip().splitlines()
    return lines[-1] if lines else "?"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="runs per briefgen figure (the median is shown)")
    parser.add_argument("--sumy-runs", type=int, default=1, help="runs of sumy LexRank on 100 articles")
    parser.add_argument("--sizes", default="100,1000", help="article counts: the first is compared with sumy")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--previous-ref", metavar="REF", help="a commit of this repository to compare with")
    group.add_argument("--previous", type=Path, metavar="DIR", help="a folder holding a previous release")
    args = parser.parse_args()

    from scale import article_files

    load_before = os.getloadavg()
    sizes = [int(s) for s in args.sizes.split(",")]
    files = article_files(max(sizes))
    with tempfile.TemporaryDirectory() as tmp:
        previous = args.previous
        if args.previous_ref:
            previous = export_ref(args.previous_ref, Path(tmp))
        versions = {"this tree": environment(None)}
        if previous is not None:
            versions[f"previous ({args.previous_ref or previous})"] = environment(previous)
        cli = [sys.executable, "-c", _CLI]
        measured: dict[str, dict[str, Timing]] = {}
        for name, env in versions.items():
            row = measured.setdefault(name, {})
            row["help"] = median_of(args.runs, [*cli, "--help"], env)
            row["one"] = median_of(args.runs, [*cli, "summarize", files[0]], env)
            for n in sizes:
                row[str(n)] = median_of(
                    args.runs, [*cli, "summarize", *files[:n], "--ratio", str(RATIO), "--json"], env
                )
            heavy = heavy_modules(env)
            row["heavy"] = (float(heavy) if heavy.isdigit() else -1.0, 0.0, 0.0)
            print(f"{name}: {row}", file=sys.stderr, flush=True)
        sumy = median_of(
            args.sumy_runs,
            [sys.executable, str(BENCH / "scale.py"), "--child", "sumy", "--ratio", str(RATIO), *files[: sizes[0]]],
        )
    print(report(measured, sumy, sizes, load_before))
    return 0


def report(
    measured: dict[str, dict[str, Timing]], sumy: Timing, sizes: list[int], load_before: tuple[float, float, float]
) -> str:
    names = list(measured)
    small, large = str(sizes[0]), str(sizes[-1])

    def cell(name: str, key: str) -> str:
        wall, cpu, own = measured[name][key]
        main = f", main {own:.2f}" if cpu - own >= 0.005 else ""
        return f"{wall:.2f} s (CPU {cpu:.2f}{main})"

    def growth(name: str) -> str:
        (wall_s, cpu_s, _), (wall_l, cpu_l, _) = measured[name][small], measured[name][large]
        return f"{wall_l / wall_s:.1f}× (CPU {cpu_l / cpu_s:.1f}×)"

    def versus_sumy(name: str) -> str:
        wall, cpu, _ = measured[name][small]
        return f"{sumy[0] / wall:.0f}× (CPU {sumy[1] / cpu:.0f}×)"

    rows = [
        ("`briefgen --help`", "≤ 0.25 s", [cell(n, "help") for n in names]),
        ("heavy modules imported by `--help`", "0", [f"{measured[n]['heavy'][0]:.0f}" for n in names]),
        ("`summarize` one article", "≤ 0.6 s", [cell(n, "one") for n in names]),
        *[
            (f"`summarize` {s:,} articles", "≤ 3 s" if s == 1000 else "", [cell(n, str(s)) for n in names])
            for s in sizes
        ],
        (f"growth {sizes[0]:,} → {sizes[-1]:,} articles", "≤ 8×", [growth(n) for n in names]),
        (f"faster than sumy LexRank, {sizes[0]} articles", "≥ 25×", [versus_sumy(n) for n in names]),
    ]
    load = os.getloadavg()
    lines = [
        f"Whole processes, median of the runs; load average (1, 5, 15 min) {load_before[0]:.2f} {load_before[1]:.2f} "
        f"{load_before[2]:.2f} at the start, {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} at the end, on "
        f"{os.cpu_count()} cores. sumy LexRank on {sizes[0]} articles: {sumy[0]:.2f} s (CPU {sumy[1]:.2f}).",
        "CPU: seconds of all the processes of a run; main: of its main process alone, where helpers took part.",
        "",
        "| measure | target | " + " | ".join(names) + " |",
        "|---|---|" + "---:|" * len(names),
    ]
    lines += [f"| {label} | {target} | " + " | ".join(cells) + " |" for label, target, cells in rows]
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
