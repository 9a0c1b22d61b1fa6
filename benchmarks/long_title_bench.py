"""Wall time of rendering a brief whose title (and running head) is very long: it must grow linearly.

The brief is the hand-built sample (:func:`briefgen.render.sample_brief.sample_brief`) with its title replaced by
N characters of words and, separately, by one N-character word; the running head shows the title, as the
policy-brief template's ``{title}`` header does. Before the fix a 12,000-character title took over a minute and
20,000 characters over ten minutes (the head was shortened one character at a time).

    python benchmarks/long_title_bench.py [--lengths 1000,10000,20000,40000,100000]
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from briefgen.render import default_style, render_bytes  # noqa: E402
from briefgen.render.sample_brief import sample_brief  # noqa: E402
from briefgen.templates.schema import OutputFormat  # noqa: E402

FORMATS = tuple(OutputFormat)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--lengths", default="1000,10000,20000,40000,100000")
    args = parser.parse_args(argv)
    brief, _sources = sample_brief()
    render_bytes(brief, default_style(), "pdf")  # warm imports and fonts
    print("long-title benchmark: seconds per format")
    for length in (int(n) for n in args.lengths.split(",")):
        for kind, title in (("words", ("Long title " * length)[:length]), ("one word", "x" * length)):
            titled = dataclasses.replace(brief, title=title)
            style = dataclasses.replace(default_style(), header_text=title)
            cells = []
            for fmt in FORMATS:
                start = time.perf_counter()
                render_bytes(titled, style, fmt)
                cells.append(f"{fmt} {time.perf_counter() - start:6.2f}")
            print(f"  {length:>7} characters, {kind:8}   " + "   ".join(cells))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
