"""Render the bundled sample sources with every built-in template and save each brief's first page as a PNG.

    python docs/make_previews.py            # writes docs/templates/<template>.png and trust-parts.png

``trust-parts.png`` shows the parts that let a reader check a brief: where the sources differ, a timeline, and
how many sources carry each sentence.

Needs ``pdftoppm`` (poppler-utils). The brief's date is fixed so that the pictures only change when the
templates, the samples or the renderers do.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from briefgen.build import build_brief  # noqa: E402
from briefgen.compose import BriefDetails  # noqa: E402
from briefgen.templates.builtins import builtin_templates  # noqa: E402
from briefgen.templates.schema import Template  # noqa: E402
from briefgen.templates.serialize import template_to_dict  # noqa: E402
from briefgen.templates.validate import template_from_dict  # noqa: E402

OUT = REPO / "docs" / "templates"
SAMPLES = REPO / "resources" / "samples"
PREVIEW_DAY = dt.date(2025, 3, 10)


def main() -> int:
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        print("pdftoppm is not installed (apt-get install poppler-utils)", file=sys.stderr)
        return 1
    files = sorted(str(p) for p in SAMPLES.iterdir() if p.suffix in (".txt", ".md"))
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name in sorted(builtin_templates()):
            pdf = Path(tmp) / f"{name}.pdf"
            build_brief(files, name, output=pdf, details=BriefDetails(day=PREVIEW_DAY))
            prefix = OUT / name
            cmd = [pdftoppm, "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(prefix)]
            subprocess.run(cmd, check=True)
            print(prefix.with_suffix(".png").relative_to(REPO))
        pdf = Path(tmp) / "trust.pdf"
        build_brief(files, trust_template(), output=pdf, details=BriefDetails(day=PREVIEW_DAY))
        prefix = OUT / "trust-parts"
        cmd = [pdftoppm, "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(prefix)]
        subprocess.run(cmd, check=True)
        print(prefix.with_suffix(".png").relative_to(REPO))
    return 0


def trust_template() -> Template:
    """The policy brief with only the parts that show agreement, disagreement and dates, on one page."""
    base = template_to_dict(builtin_templates()["policy-brief"])
    base.update(name="trust-parts", label="Trust parts")
    base["title"]["pattern"] = "What the sources say: {title}"
    base["parts"] = [
        {"type": "key_points", "heading": "Key points", "count": 3},
        {"type": "differences", "heading": "Where the sources differ", "count": 3},
        {"type": "timeline", "heading": "Timeline", "count": 6},
        {"type": "sources", "heading": "Sources"},
    ]
    base["summary"] = {"algorithm": "default", "pages": 1}
    base["citations"]["support"] = "count"
    return template_from_dict(base, "trust-parts.json")


if __name__ == "__main__":
    raise SystemExit(main())
