"""Wall time of ``build_brief`` from source files to a finished PDF, Word and Markdown brief.

Each run is the whole build as ``briefgen build`` does it (read the sources, summarise, compose, render, write
atomically), in this process so that start-up is not counted; the first run warms imports and fonts and is
reported apart. Inputs: the seed files in ../shared/seeds (the bundled samples when they are absent).

    python benchmarks/build_bench.py [--runs 5] [--template policy-brief]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from briefgen.build import build_brief  # noqa: E402
from briefgen.templates.builtins import builtin_templates  # noqa: E402
from briefgen.templates.schema import OutputFormat  # noqa: E402

SEEDS = REPO.parent / "shared" / "seeds"
FORMATS = tuple(OutputFormat)


def inputs() -> tuple[list[str], str]:
    seeds = sorted(str(p) for p in SEEDS.glob("*.txt"))
    if seeds:
        return seeds, "seeds"
    samples = REPO / "resources" / "samples"
    return sorted(str(p) for p in samples.iterdir() if p.suffix in (".txt", ".md")), "bundled samples"


def time_build(files: list[str], template: str, out: Path) -> tuple[float, int]:
    start = time.perf_counter()
    result = build_brief(files, template, output=out)
    elapsed = time.perf_counter() - start
    return elapsed, len(result.brief.sentences())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--template", default=None, help="one template (default: every built-in)")
    args = ap.parse_args()
    files, origin = inputs()
    size_kb = sum(Path(f).stat().st_size for f in files) / 1024
    templates = [args.template] if args.template else sorted(builtin_templates())
    print(f"inputs: {len(files)} files, {size_kb:.0f} KB ({origin}); {args.runs} timed runs after one warm-up")
    print(
        f"{'template':<20} {'format':<6} {'first (s)':>9} {'median (s)':>10} {'min (s)':>8} {'size (KB)':>9} sentences"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for template in templates:
            for fmt in FORMATS:
                out = Path(tmp) / f"{template}.{fmt}"
                try:
                    first, sentences = time_build(files, template, out)
                except ModuleNotFoundError as exc:
                    print(f"{template:<20} {fmt:<6} renderer not available ({exc.name})")
                    continue
                times = [time_build(files, template, out)[0] for _ in range(args.runs)]
                size = out.stat().st_size / 1024
                print(
                    f"{template:<20} {fmt:<6} {first:>9.3f} {statistics.median(times):>10.3f} "
                    f"{min(times):>8.3f} {size:>9.0f} {sentences:>9}"
                )


if __name__ == "__main__":
    main()
