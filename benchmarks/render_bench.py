"""Wall time of rendering a large composed brief to PDF, Word and Markdown (target: PDF under 5 s for 100 sources).

The brief is built by hand (:func:`briefgen.render.sample_brief.sample_brief`) with N sources, one section part per
source plus summary, key points, quotes, key phrases and the source list. Each format is rendered to memory
(``render_bytes``) and once through ``render`` to a file; the first run warms imports and font loading and is
reported apart. All three citation styles can be timed.

    python benchmarks/render_bench.py [--sources 100] [--runs 3] [--styles numeric,footnotes]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from briefgen.render import default_style, render, render_bytes  # noqa: E402
from briefgen.render.sample_brief import sample_brief  # noqa: E402
from briefgen.templates.schema import OutputFormat  # noqa: E402

FORMATS = tuple(OutputFormat)


def _pages(fmt: str, data: bytes) -> str:
    if fmt == "pdf":
        from pypdf import PdfReader

        return f"{len(PdfReader(io.BytesIO(data)).pages)} pages"
    return f"{len(data) // 1024} KiB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sources", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--styles", default="numeric,author_date,footnotes")
    args = parser.parse_args(argv)
    style = default_style()
    print(f"render benchmark: {args.sources} sources, {args.runs} runs after one warm-up run")
    for citation_style in args.styles.split(","):
        brief, _sources = sample_brief(citation_style=citation_style, sources=args.sources)
        sentences = len(brief.sentences())
        print(f"\n{citation_style}: {sentences} sentences, {len(brief.parts)} parts, {len(brief.sources)} sources")
        for fmt in FORMATS:
            start = time.perf_counter()
            data = render_bytes(brief, style, fmt)
            first = time.perf_counter() - start
            times = []
            for _ in range(args.runs):
                start = time.perf_counter()
                data = render_bytes(brief, style, fmt)
                times.append(time.perf_counter() - start)
            with tempfile.TemporaryDirectory() as folder:
                start = time.perf_counter()
                render(brief, style, Path(folder) / f"brief.{fmt}")
                to_file = time.perf_counter() - start
            print(
                f"  {fmt:4}  first {first:6.2f} s   median {statistics.median(times):6.2f} s   "
                f"max {max(times):6.2f} s   to file {to_file:6.2f} s   ({_pages(fmt, data)})"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
