"""Render the bundled sample sources with every built-in template and save each brief's first page as a PNG.

    python docs/make_previews.py            # writes docs/templates/<template>.png

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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
