"""Runtime hook of the frozen app: let the PDF renderer find the Unicode fonts bundled in ``resources/fonts``.

briefgen.render.pdf.fonts searches ``BRIEFGEN_FONT_DIRS`` before the system's font folders; the bundled folder
goes after any folders the user set, so their choice still wins.
"""

import os
import sys
from pathlib import Path


def _add_bundled_fonts() -> None:
    bundle = getattr(sys, "_MEIPASS", None)
    if not bundle:
        return
    fonts = Path(bundle) / "resources" / "fonts"
    if not fonts.is_dir():
        return
    current = [p for p in os.environ.get("BRIEFGEN_FONT_DIRS", "").split(os.pathsep) if p]
    if str(fonts) not in current:
        os.environ["BRIEFGEN_FONT_DIRS"] = os.pathsep.join([*current, str(fonts)])


_add_bundled_fonts()
