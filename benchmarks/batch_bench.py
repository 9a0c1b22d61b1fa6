"""``briefgen batch`` on 20 entries over BBC articles: --jobs 1 against --jobs 2, sources shared or read per entry,
and the same briefs made by 20 separate ``briefgen build`` commands (what one would script without ``batch``).

Entry *i* summarises the five articles ``i .. i+4`` of a ring of 20 (four per BBC category), so every article is
named by five entries: 100 source uses over 20 distinct files. Each configuration runs ``run_batch`` in this
process with a fresh pool of worker processes (their start-up is counted), with its wall and CPU time (this
process and its workers: the work done, whatever else loads the machine). Also printed: what reading one source
costs against sending a parsed one to a worker (pickling), which is why sources are read once and shipped.

    python benchmarks/batch_bench.py [--entries 20] [--runs 3] [--format pdf] [--no-cli]
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(1, str(BENCH.parent))

from _bbc import CATEGORIES, article_paths  # noqa: E402

from briefgen.batch import BatchReport, load_manifest, run_batch  # noqa: E402
from briefgen.ingest import read_source  # noqa: E402

PER_ENTRY = 5


def ring(count: int) -> list[str]:
    """*count* articles, taken evenly from the five categories."""
    per = -(-count // len(CATEGORIES))
    chosen: list[str] = []
    for category in CATEGORIES:
        chosen.extend(str(p) for _, p in list(article_paths((category,)))[:per])
    return chosen[:count]


def write_manifest(folder: Path, entries: int, fmt: str) -> Path:
    articles = ring(entries)
    listed = [
        {
            "name": f"brief-{i + 1:02d}",
            "sources": [articles[(i + k) % len(articles)] for k in range(PER_ENTRY)],
            "output": f"out/brief-{i + 1:02d}.{fmt}",
            "sentences": 8,
        }
        for i in range(entries)
    ]
    path = folder / "batch.json"
    path.write_text(json.dumps({"entries": listed}, indent=1), encoding="utf-8")
    (folder / "out").mkdir(exist_ok=True)
    return path


def cpu_seconds() -> float:
    """User + system time of this process and of its finished (joined) child processes."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def time_batch(manifest: Path, jobs: int, share: bool) -> tuple[float, float, BatchReport]:
    """Wall and CPU seconds (the pool's workers are joined before ``run_batch`` returns, so theirs count)."""
    cpu = cpu_seconds()
    start = time.perf_counter()
    report = run_batch(load_manifest(manifest), jobs=jobs, share_sources=share)
    seconds = time.perf_counter() - start
    if report.failed:
        raise SystemExit(f"batch failed: {report.failed[0].name}: {report.failed[0].message}")
    return seconds, cpu_seconds() - cpu, report


def time_cli_builds(manifest: Path) -> float:
    """Every entry as its own ``briefgen build`` process, one after the other."""
    entries = load_manifest(manifest).entries
    start = time.perf_counter()
    for entry in entries:
        length = ["--sentences", str(entry.budget.sentences)] if entry.budget and entry.budget.sentences else []
        command = [sys.executable, "-m", "briefgen", "build", *entry.sources, "-o", entry.output, *length]
        subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def sharing_costs(paths: list[str]) -> tuple[float, float]:
    """Milliseconds per source: reading it, and a pickle round trip of the parsed source (what a worker gets)."""
    read_source(paths[0])  # warm the reader and the sentence splitter
    start = time.perf_counter()
    sources = [read_source(p) for p in paths]
    read_ms = (time.perf_counter() - start) * 1000 / len(paths)
    start = time.perf_counter()
    for source in sources:
        pickle.loads(pickle.dumps(source, protocol=pickle.HIGHEST_PROTOCOL))
    ship_ms = (time.perf_counter() - start) * 1000 / len(paths)
    return read_ms, ship_ms


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entries", type=int, default=20)
    ap.add_argument("--runs", type=int, default=3, help="timed runs per configuration (the best is shown)")
    ap.add_argument("--format", choices=("pdf", "docx", "md"), default="pdf")
    ap.add_argument("--no-cli", action="store_true", help="skip the separate 'briefgen build' commands")
    args = ap.parse_args()
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"machine: {os.cpu_count()} cores, load average {load}; Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory() as tmp:
        manifest = write_manifest(Path(tmp), args.entries, args.format)
        first = load_manifest(manifest)
        distinct = first.distinct_sources()
        uses = sum(len(e.sources) for e in first.entries)
        print(
            f"{len(first.entries)} entries ({args.format}, 8 sentences each) over {len(distinct)} BBC articles, "
            f"{uses} source uses; best of {args.runs} run(s)"
        )
        read_ms, ship_ms = sharing_costs(list(distinct))
        print(f"per source: read {read_ms:.1f} ms, pickle round trip {ship_ms:.2f} ms (shipped instead of re-read)")
        configs = [(jobs, share) for jobs in (1, 2) for share in (True, False)]
        times: dict[tuple[int, bool], list[tuple[float, float]]] = {c: [] for c in configs}
        reads: dict[tuple[int, bool], int] = {}
        for _ in range(args.runs):  # interleaved, so that a change in the machine's load hits every configuration
            for jobs, share in configs:
                seconds, cpu, report = time_batch(manifest, jobs, share)
                times[(jobs, share)].append((seconds, cpu))
                reads[(jobs, share)] = report.source_reads if share else uses
        rows: list[tuple[str, float, float, float, int]] = []
        for jobs, share in configs:
            label = f"batch --jobs {jobs}, sources {'read once' if share else 'read per entry'}"
            walls = [w for w, _ in times[(jobs, share)]]
            cpus = [c for _, c in times[(jobs, share)]]
            rows.append((label, min(walls), statistics.median(walls), min(cpus), reads[(jobs, share)]))
        if not args.no_cli:
            label = f"{len(first.entries)} x 'briefgen build' (one process each)"
            cpu = cpu_seconds()
            wall = time_cli_builds(manifest)
            rows.append((label, wall, 0.0, cpu_seconds() - cpu, uses))
    base = rows[0][1]
    print(
        f"\n{'configuration':<50} {'best (s)':>8} {'median (s)':>10} {'CPU (s)':>7} {'briefs/s':>8} "
        f"{'vs jobs 1':>9} {'reads':>5}"
    )
    for label, best, median, cpu, count in rows:
        shown_median = f"{median:.2f}" if median else "-"
        print(
            f"{label:<50} {best:>8.2f} {shown_median:>10} {cpu:>7.2f} {args.entries / best:>8.1f} "
            f"{base / best:>8.2f}x {count:>5}"
        )
    print("best/median: wall time of the whole run (worker start-up included); CPU: least over the runs")


if __name__ == "__main__":
    main()
