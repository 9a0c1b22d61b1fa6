"""Speed and growth: summarise 10, 100 and 1,000 BBC articles at once, briefgen against sumy's LexRank.

    python benchmarks/scale.py [--sizes 10,100,1000] [--ratio 0.05] [--sumy-limit 60]

Each measurement is a fresh process, timed whole (interpreter start, imports, reading every file, summarising,
printing), with its peak resident memory from ``wait4``:

- briefgen: ``python -m briefgen summarize FILE... --ratio R --json``, the command a user runs;
- sumy LexRank: a process that reads the same files with briefgen's ingest (so both see the same sentences),
  builds sumy's document with a tokenizer backed by the same splitter and picks whole sentences up to the same
  word budget. It runs only while it stays under ``--sumy-limit`` seconds (of CPU time, so that a busy shared
  machine does not cut it short); a larger size is not attempted once a smaller one went over, and a run still
  going at the limit is stopped.

Each child also reports the seconds spent summarising alone (after the files are read), so the algorithms can be
compared without the shared start-up and reading costs.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(1, str(REPO))


def article_files(n: int) -> list[str]:
    """The first *n* distinct articles, taken in turn from each category."""
    from _bbc import CATEGORIES, article_paths

    per_category = [[str(p) for _, p in article_paths((c,))] for c in CATEGORIES]
    seen: set[bytes] = set()
    out: list[str] = []
    for row in range(max(len(paths) for paths in per_category)):
        for paths in per_category:
            if row < len(paths) and len(out) < n:
                key = b" ".join(Path(paths[row]).read_bytes().split())
                if key not in seen:
                    seen.add(key)
                    out.append(paths[row])
    return out


Measured = tuple[float, float, float, dict[str, Any] | None]
"""(wall seconds, CPU seconds, peak RSS in MB, the child's JSON output or None when it was stopped)"""


def _cpu_seconds(pid: int) -> float:
    """CPU seconds a running process has used so far (Linux); infinite where that cannot be read."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return float("inf")


def run_child(args: list[str], limit: float | None) -> Measured:
    """Run *args* as a fresh process; its JSON output with its times and peak memory."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO)
    deadline = None if limit is None else start + limit  # checked against CPU time too: the machine may be shared
    out_chunks: list[bytes] = []
    assert proc.stdout is not None
    os.set_blocking(proc.stdout.fileno(), False)
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        try:
            chunk = proc.stdout.read()
            if chunk:
                out_chunks.append(chunk)
        except BlockingIOError:
            pass
        if pid:
            break
        if (
            limit is not None
            and deadline is not None
            and time.perf_counter() > deadline
            and _cpu_seconds(proc.pid) > limit
        ):
            proc.kill()
            _, status, usage = os.wait4(proc.pid, 0)
            return time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, None
        time.sleep(0.01)
    elapsed = time.perf_counter() - start
    rest = proc.stdout.read()
    if rest:
        out_chunks.append(rest)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        assert proc.stderr is not None
        raise SystemExit(f"{args[:4]}... failed: {proc.stderr.read().decode(errors='replace')}")
    cpu = usage.ru_utime + usage.ru_stime
    return elapsed, cpu, usage.ru_maxrss / 1024, json.loads(b"".join(out_chunks).decode())


def briefgen_child(files: list[str], ratio: float) -> tuple[Measured, dict[str, Any]]:
    """The user's command, then the same work again in a child that times its stages."""
    command = [sys.executable, "-m", "briefgen", "summarize", *files, "--ratio", str(ratio), "--json"]
    measured = run_child(command, None)
    inner = run_child([sys.executable, __file__, "--child", "briefgen", "--ratio", str(ratio), *files], None)[3]
    assert measured[3] is not None and inner is not None
    return measured, inner


def child_main(kind: str, ratio: float, files: list[str]) -> None:
    """Inside a child process: read the files, summarise, print a JSON report."""
    from briefgen.ingest import load_sources

    start = time.process_time()
    corpus = load_sources(files).corpus
    loaded = time.process_time()
    words = sum(len(s.text.split()) for _, _, sec in corpus.sections() for s in sec.sentences)
    budget = int(ratio * words)
    if kind == "briefgen":
        from briefgen.summarize import Budget, SummaryRequest, summarize

        count = len(summarize(corpus, SummaryRequest(budget=Budget(words=budget))).sentences)
    else:
        from _bbc import WordBudget, sumy_document, sumy_summarizer

        document = sumy_document(corpus)
        count = len(sumy_summarizer("lexrank")(document, WordBudget(budget)))
    done = time.process_time()
    sentences = sum(1 for _ in corpus.sentence_refs())
    print(
        json.dumps(
            {"read": loaded - start, "summarise": done - loaded, "words": words, "sentences": sentences, "out": count}
        )
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--ratio", type=float, default=0.05, help="summary length as a share of the input words")
    parser.add_argument("--sumy-limit", type=float, default=60.0, help="stop sumy runs after this many seconds")
    parser.add_argument("--child", choices=("briefgen", "sumy"), help=argparse.SUPPRESS)
    parser.add_argument("files", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child_main(args.child, args.ratio, args.files)
        return 0

    sizes = [int(s) for s in args.sizes.split(",")]
    rows = [
        "| articles | words | sentences | briefgen wall (s) | briefgen CPU (s) | briefgen peak MB "
        "| briefgen summarising (s) | sumy LexRank wall (s) | sumy CPU (s) | sumy peak MB | sumy summarising (s) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    sumy_on = True
    for n in sizes:
        files = article_files(n)
        (wall, cpu, peak, _), inner = briefgen_child(files, args.ratio)
        sumy_cells = "not run (over the limit at a smaller size) | – | – | –"
        if sumy_on:
            s_wall, s_cpu, s_peak, s_report = run_child(
                [sys.executable, __file__, "--child", "sumy", "--ratio", str(args.ratio), *files], args.sumy_limit
            )
            if s_report is None:
                sumy_cells = f"> {args.sumy_limit:.0f} (stopped) | > {s_cpu:.0f} | > {s_peak:.0f} | –"
                sumy_on = False
            else:
                sumy_cells = f"{s_wall:.2f} | {s_cpu:.2f} | {s_peak:.0f} | {s_report['summarise']:.2f}"
                if s_cpu > args.sumy_limit:
                    sumy_on = False
        rows.append(
            f"| {len(files)} | {inner['words']} | {inner['sentences']} | {wall:.2f} | {cpu:.2f} | {peak:.0f} "
            f"| {inner['summarise']:.2f} | {sumy_cells} |"
        )
        print(rows[-1], file=sys.stderr, flush=True)
    print(f"Summary length: {args.ratio:.0%} of the input words; a fresh process per cell.\n")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
