"""Print the fonts a PDF embeds, one a line, without the subset prefix (``AAAAAA+NotoSansArabic-Regular`` ->
``NotoSansArabic-Regular``): the smoke test's fallback when poppler's ``pdffonts`` is not installed.

    .venv/bin/python packaging/smoke/pdf_fonts.py BRIEF.pdf

Run with the development environment's Python (it needs pypdf), never inside the frozen app. Exit 2 with one line
naming the file when it cannot be read.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator

from pypdf import PdfReader
from pypdf.errors import PdfReadError
from pypdf.generic import DictionaryObject

_SUBSET_PREFIX = re.compile(r"^[A-Z]{6}\+")
_FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")


def _is_embedded(font: DictionaryObject) -> bool:
    descendants = font.get("/DescendantFonts")
    if descendants:
        font = descendants.get_object()[0].get_object()
    descriptor = font.get("/FontDescriptor")
    return descriptor is not None and any(key in descriptor.get_object() for key in _FONT_FILES)


def embedded_fonts(path: str) -> Iterator[str]:
    for page in PdfReader(path).pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources is not None else None
        if fonts is None:
            continue
        for ref in fonts.get_object().values():
            font = ref.get_object()
            if _is_embedded(font):
                yield _SUBSET_PREFIX.sub("", str(font.get("/BaseFont", "")).lstrip("/"))


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: pdf_fonts.py FILE.pdf", file=sys.stderr)
        return 2
    try:
        names = sorted(set(embedded_fonts(argv[0])))
    except (OSError, PdfReadError) as exc:
        print(f"pdf_fonts.py: cannot read {argv[0]}: {exc}", file=sys.stderr)
        return 2
    print("\n".join(names))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
