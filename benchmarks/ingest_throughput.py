"""Ingest throughput (MB/s) on a large plain-text file.

The text is built from the BBC evaluation articles when ../shared/eval is present (real news prose), otherwise from
the bundled samples; it is written to a temporary file of the requested size and read with ``read_source``.

    python benchmarks/ingest_throughput.py [--mb 60]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from briefgen.ingest import read_source  # noqa: E402

EVAL = REPO.parent / "shared" / "eval" / "bbc-news-summary" / "articles"


def corpus_text() -> tuple[str, str]:
    if EVAL.exists():
        parts = [p.read_bytes().decode("utf-8", "replace") for p in sorted(EVAL.rglob("*.txt"))[:500]]
        return "\n\n".join(parts), "BBC evaluation articles"
    parts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "resources" / "samples").iterdir())]
    return "\n\n".join(parts), "bundled samples"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=60.0)
    args = ap.parse_args()
    text, origin = corpus_text()
    target = int(args.mb * 1024 * 1024)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "large.txt"
        with path.open("w", encoding="utf-8") as fh:
            written = 0
            n = 0
            while written < target:
                chunk = text + f"\n\nPart {n}\n\n"
                fh.write(chunk)
                written += len(chunk.encode("utf-8"))
                n += 1
        size = path.stat().st_size
        start = time.perf_counter()
        source = read_source(str(path), max_bytes=size + 1)
        elapsed = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    sentences = sum(len(sec.sentences) for sec in source.sections)
    print(f"input: {size / 1048576:.1f} MB of {origin}")
    print(f"articles: {len(source.articles)}, sections: {len(source.sections)}, sentences: {sentences}")
    print(f"time: {elapsed:.1f} s, throughput: {size / 1048576 / elapsed:.2f} MB/s, peak RSS: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
