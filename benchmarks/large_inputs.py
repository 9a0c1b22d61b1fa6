"""Very large and repetitive sources at full size, each through the command line: time, CPU and peak memory.

    python benchmarks/large_inputs.py [--only NAME,NAME] [--scale 0.1] [--timeout 600]

The inputs are generated into a temporary folder by the generators the tests use
(``tests/reliability/test_large_inputs.py``); nothing big is kept. Each case runs ``python -m briefgen`` in a child
process and is measured with ``wait4`` (wall time, user+system CPU, peak resident memory). The "before" column holds
the figures measured on the commit before this work (git HEAD 384ea5e, same machine, 2 cores, with other work
running: the load average was 4-10, so wall times then and now are inflated; CPU time is the steadier figure).
The targets are those of the speed issue: 20 s each, the 30 MB text 60 s and 1.5 GB, reading HTML at 1 MB/s, or
a clear refusal before work starts past a documented limit. PDFs are read up to 1,000 pages
(``briefgen.ingest.readers.pdf_reader.MAX_PAGES``): the 2,000-page probe is refused at once (a "refused" row),
and the 1,000-page case shows what the longest accepted PDF costs.

Full-size run of 1 December 2026 (2 cores shared with other work, load average 3.6 at the start; wall s / CPU s):
repetitive 15.6 / 14.0 (535 MB); small-vocabulary 7.2 / 5.7; docx 82.7 / 49.9 (1,085 MB; sentence splitting and
summarising, not reading: the Word reader itself takes ~2.4 s CPU); pdf (2,000 pages) refused in 2.6 / 1.4;
pdf-1000 35.9 / 21.4 (17.4 / 17.8 in a run at load 1.6; 24.8 / 15.1 after the PDF reader work, load 7-8,
see docs/speed.md "Large PDFs"); copies-1000 2.1 / 1.6; copies-10000 5.0 / 3.7;
html 16.7 / 15.1 (1.0 MB/s).

Docx after one tokenisation, key phrases with numpy and a window of candidates for inputs of 50,000 sentences or
more (``briefgen/summarize/engine.py``; docs/speed.md), paired with the tree before, load average 8-10:
102.3 / 33.4 (1,066 MB), before 188.6 / 59.2 (1,086 MB).

Full-size run after the PDF reader work, the summariser work above and a large source's paragraphs split on two
cores (``briefgen/ingest/split_ahead.py``), one run, load average 0.7 at the start (wall s / CPU s): repetitive
12.7 / 12.7 (523 MB); small-vocabulary 4.0 / 4.5; docx 27.6 / 32.1 (1,176 MB; target 20 s not met: about 12 s is
summarising 200,000 sentences in one process); pdf (2,000 pages) refused in 1.0 / 1.1; pdf-1000 8.6 / 13.1;
copies-1000 1.6 / 1.7; copies-10000 3.5 / 3.6; html 11.8 / 14.0 (1.4 MB/s). 7 of 8 within target.

Full-size run after the second core was put to work while summarising very large inputs (tokens, the window's
near-duplicates, key phrases) and paragraph splitting started before the article splitting (docs/speed.md,
"Fifth round"), one run, load average 1.0 at the start, 1.35 at the end: repetitive 14.6 / 14.4 (539 MB);
small-vocabulary 4.0 / 4.8; docx 19.7 / 27.0 (1,173 MB); pdf (2,000 pages) refused in 0.9 / 1.0; pdf-1000
7.4 / 12.3; copies-1000 1.2 / 1.3; copies-10000 3.1 / 3.1; html 11.1 / 12.9 (1.5 MB/s). 8 of 8 within target.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.reliability.test_large_inputs import (  # noqa: E402
    large_html,
    long_pdf,
    many_paragraph_docx,
    project_listing,
    repetitive_text,
    small_vocabulary_text,
    synthetic_article,
)

BBC_ARTICLE = REPO.parent / "shared" / "eval" / "bbc-news-summary" / "articles" / "tech" / "401.txt"
"""The 16 KB article the 30 MB probe repeated (~1,900 times); a made-up article of the same size stands in when
the evaluation set is absent."""


@dataclass(frozen=True)
class Case:
    name: str
    what: str
    make: Callable[[Path, float], list[str]]
    """Writes the input into the folder (scaled by the factor) and returns the command's arguments."""
    target_s: float
    before: str
    """Measured on git HEAD before this work: wall time (CPU time), peak RSS."""
    target_mb: float = 1536
    refused: Callable[[float], bool] = lambda _scale: False
    """Whether the input at this scale is past a documented limit: then the target is a refusal (exit status 2)
    within the time."""


def _repetitive(folder: Path, scale: float) -> list[str]:
    article = BBC_ARTICLE.read_text(encoding="utf-8") if BBC_ARTICLE.exists() else synthetic_article()
    source = folder / "repetitive.txt"
    source.write_text(repetitive_text(article, 30.5 * scale), encoding="utf-8")
    return ["build", str(source), "-o", str(folder / "repetitive.pdf")]


def _small_vocabulary(folder: Path, scale: float) -> list[str]:
    source = folder / "twenty-words.txt"
    source.write_text(small_vocabulary_text(max(100, int(20_000 * scale))), encoding="utf-8")
    return ["build", str(source), "-o", str(folder / "twenty-words.pdf")]


def _docx(folder: Path, scale: float) -> list[str]:
    source = folder / "paragraphs.docx"
    source.write_bytes(many_paragraph_docx(max(100, int(100_000 * scale))))
    return ["build", str(source), "-o", str(folder / "paragraphs.pdf")]


def _pdf(folder: Path, scale: float) -> list[str]:
    source = folder / "pages.pdf"
    source.write_bytes(long_pdf(max(5, int(2_000 * scale))))
    return ["build", str(source), "-o", str(folder / "pages-brief.pdf")]


def _past_pages(scale: float) -> bool:
    from briefgen.ingest.readers.pdf_reader import MAX_PAGES

    return max(5, int(2_000 * scale)) > MAX_PAGES


def _pdf_pages(pages: int) -> Callable[[Path, float], list[str]]:
    def make(folder: Path, scale: float) -> list[str]:
        source = folder / "pages.pdf"
        source.write_bytes(long_pdf(max(5, int(pages * scale))))
        return ["build", str(source), "-o", str(folder / "pages-brief.pdf")]

    return make


def _copies(count: int) -> Callable[[Path, float], list[str]]:
    def make(folder: Path, scale: float) -> list[str]:
        story = folder / "story.txt"
        article = BBC_ARTICLE.read_text(encoding="utf-8") if BBC_ARTICLE.exists() else synthetic_article()
        story.write_text(article, encoding="utf-8")
        project = folder / f"copies-{count}.briefgen"
        project.write_text(project_listing(story, max(2, int(count * scale))), encoding="utf-8")
        return ["build", "--project", str(project), "-o", str(folder / f"copies-{count}.pdf")]

    return make


def _html(folder: Path, scale: float) -> list[str]:
    source = folder / "page.html"
    source.write_text(large_html(17 * scale), encoding="utf-8")
    return ["inspect", str(source)]


CASES = (
    Case("repetitive", "30 MB text: one article ~1,900 times", _repetitive, 60, ">300 s (killed), issue: >8 min"),
    Case("small-vocabulary", "20,000 sentences, 20 words", _small_vocabulary, 20, ">300 s (killed), issue: 239 s"),
    Case("docx", "100,000-paragraph Word file", _docx, 20, ">300 s (killed), issue: >400 s"),
    Case("pdf", "2,000-page PDF (past the page limit)", _pdf, 20, "225 s (57 s CPU), 305 MB", refused=_past_pages),
    Case("pdf-1000", "1,000-page PDF (the page limit)", _pdf_pages(1000), 20, "-"),
    Case("copies-1000", "project: one file 1,000 times", _copies(1000), 20, ">300 s (killed), issue: 180 s, 1.67 GB"),
    Case("copies-10000", "project: one file 10,000 times", _copies(10_000), 20, "issue: killed at 120 s"),
    Case("html", "17 MB web page (inspect)", _html, 17, ">300 s (killed), issue: 113 s"),
)


@dataclass(frozen=True)
class Measured:
    status: int
    wall: float
    cpu: float
    peak_mb: float


def measure(args: list[str], timeout: float) -> Measured:
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "briefgen", *args], cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() - start > timeout:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            return Measured(-9, time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)
        time.sleep(0.05)
    return Measured(
        os.waitstatus_to_exitcode(status),
        time.perf_counter() - start,
        usage.ru_utime + usage.ru_stime,
        usage.ru_maxrss / 1024,
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", default="", help="comma-separated case names")
    ap.add_argument("--scale", type=float, default=1.0, help="input size as a fraction of the full size")
    ap.add_argument("--timeout", type=float, default=600, help="seconds before a case is stopped")
    args = ap.parse_args()
    chosen = [c for c in CASES if not args.only or c.name in args.only.split(",")]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"machine: {os.cpu_count()} cores, load average {load:.1f}; scale {args.scale:g}")
    head = f"{'case':17} {'input':38} {'MB':>6} {'wall s':>7} {'CPU s':>7} {'peak MB':>8} {'target':>8}  before (HEAD)"
    print(head)
    print("-" * len(head))
    failed = 0
    with tempfile.TemporaryDirectory(prefix="briefgen-large-") as tmp:
        for case in chosen:
            folder = Path(tmp) / case.name
            folder.mkdir()
            command = case.make(folder, args.scale)
            size = sum(f.stat().st_size for f in folder.iterdir()) / 1e6
            got = measure(command, args.timeout)
            expected = 2 if case.refused(args.scale) else 0
            ok = got.status == expected and got.wall <= case.target_s and got.peak_mb <= case.target_mb
            failed += not ok
            status = "" if got.status == 0 else " (refused)" if got.status == expected else f" (exit {got.status})"
            print(
                f"{case.name:17} {case.what:38} {size:6.1f} {got.wall:7.1f} {got.cpu:7.1f} {got.peak_mb:8.0f} "
                f"{case.target_s:6.0f} s{' ok' if ok else ' !!'}  {case.before}{status}",
                flush=True,
            )
            for item in folder.iterdir():
                item.unlink()
    print(f"\n{len(chosen) - failed} of {len(chosen)} within target (wall time on this machine, at this load)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
