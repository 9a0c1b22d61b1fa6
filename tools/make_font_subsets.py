"""Make the subset Noto fonts in ``resources/fonts/`` that the PDF renderer falls back to for other scripts.

Run from the repository root after installing fontTools (a build-time tool, not a dependency of briefgen) and the
source fonts (Debian/Ubuntu: ``apt-get install fonts-noto-core fonts-noto-cjk``)::

    .venv/bin/pip install fonttools
    .venv/bin/python tools/make_font_subsets.py [--source-dir /usr/share/fonts]

What goes into each file is written in ``resources/fonts/README.md``; the character sets are defined below, so
running the script again on the same source fonts gives the same files. Each subset keeps the OpenType layout
tables (GSUB/GPOS) for the characters kept, so that complex scripts can be shaped. Noto Sans CJK has CFF
outlines, which reportlab cannot embed; its subset is converted to TrueType (quadratic) outlines.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

OUT_DIR = Path(__file__).resolve().parent.parent / "resources" / "fonts"
PUNCTUATION = [*range(0x20, 0x7F), 0xA0, 0xAB, 0xBB, *range(0x2010, 0x2028), *range(0x2030, 0x2040), 0x25A1, 0x25CC]
"""Kept in every subset when the source font has them: a word like ``(שלום)`` or ``"नमस्ते।"`` is then set in
one font, which shaping needs (0x25CC, the dotted circle, is what shaping shows for a stray combining mark)."""


def _encodable(codec: str, lead_bytes: range, candidates: Iterable[int]) -> list[int]:
    out = []
    for cp in candidates:
        try:
            raw = chr(cp).encode(codec)
        except UnicodeEncodeError:
            continue
        if len(raw) == 2 and raw[0] in lead_bytes:
            out.append(cp)
    return out


def cjk_characters() -> list[int]:
    """Kana, CJK punctuation, the 2,350 Hangul syllables of KS X 1001, the 3,755 level-1 hanzi of GB 2312 and
    the 2,965 level-1 kanji of JIS X 0208 (these two standards list the most frequent characters of Chinese and
    Japanese)."""
    hangul = _encodable("euc_kr", range(0xB0, 0xC9), range(0xAC00, 0xD7A4))
    hanzi = _encodable("gb2312", range(0xB0, 0xD8), range(0x4E00, 0xA000))
    kanji = _encodable("euc_jp", range(0xB0, 0xD0), range(0x4E00, 0xA000))
    ranges = [
        range(0x3000, 0x3040),  # CJK symbols and punctuation
        range(0x3041, 0x3100),  # hiragana, katakana
        range(0x3131, 0x318F),  # Hangul compatibility jamo
        range(0xFF01, 0xFF66),  # full-width forms
        range(0x31F0, 0x3200),  # katakana phonetic extensions
    ]
    return sorted({*hangul, *hanzi, *kanji, *(cp for r in ranges for cp in r), 0x30FB, 0x4E00})


SUBSETS: dict[str, tuple[str, int, list[int]]] = {
    # output file: (source file name, index in a collection, code points)
    "NotoSansCJK-Subset.ttf": ("NotoSansCJK-Regular.ttc", 2, cjk_characters()),  # 2: the SC face
    "NotoSansArabic-Subset.ttf": (
        "NotoSansArabic-Regular.ttf",
        0,
        [*range(0x0600, 0x0700), *range(0x0750, 0x0780), *range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)],
    ),
    "NotoSansHebrew-Subset.ttf": ("NotoSansHebrew-Regular.ttf", 0, [*range(0x0590, 0x0600), *range(0xFB1D, 0xFB50)]),
    "NotoSansDevanagari-Subset.ttf": (
        "NotoSansDevanagari-Regular.ttf",
        0,
        [*range(0x0900, 0x0980), *range(0xA8E0, 0xA900), 0x200C, 0x200D, 0x20B9],
    ),
    "NotoSansThai-Subset.ttf": ("NotoSansThai-Regular.ttf", 0, [*range(0x0E00, 0x0E80)]),
    "NotoSansSymbols2-Subset.ttf": (
        "NotoSansSymbols2-Regular.ttf",
        0,
        [
            *range(0x2190, 0x2200),  # arrows
            *range(0x2300, 0x2400),  # technical
            *range(0x25A0, 0x2800),  # geometric shapes, misc. symbols, dingbats
            *range(0x2B00, 0x2C00),  # misc. symbols and arrows
            *range(0x1F300, 0x1FB00),  # pictographs, emoticons, transport, supplemental symbols (monochrome)
        ],
    ),
}


def find_source(name: str, dirs: list[Path]) -> Path:
    for folder in dirs:
        for root, _dirs, files in os.walk(folder):
            if name in files:
                return Path(root) / name
    raise SystemExit(f"make_font_subsets: source font {name} not found under {', '.join(map(str, dirs))}")


def cff_to_glyf(font: TTFont) -> None:
    """Replace the CFF outlines of *font* with TrueType ones (max. error 1 unit), in place."""
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in font.getGlyphOrder():
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyphs[name] = pen.glyph()
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = font.getGlyphOrder()
    glyf.glyphs = glyphs
    for glyph in glyphs.values():
        glyph.recalcBounds(glyf)
    font["loca"] = newTable("loca")
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in (
        "maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
        "maxStackElements", "maxSizeOfInstructions", "maxComponentElements",
    ):  # fmt: skip
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    maxp.maxComponentDepth = 0
    maxp.recalc(font)
    font["head"].indexToLocFormat = 0
    font["head"].glyphDataFormat = 0
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = font.getGlyphOrder()
    font.sfntVersion = "\x00\x01\x00\x00"


def add_no_break_space(font: TTFont) -> None:
    """Map U+00A0 to the space glyph where the font lacks it: the PDF renderer joins the words of a right-to-left
    run with no-break spaces, so that the run is shaped and ordered as one piece."""
    for table in font["cmap"].tables:
        if table.isUnicode() and 0x20 in table.cmap and 0xA0 not in table.cmap:
            table.cmap[0xA0] = table.cmap[0x20]


def make(out_name: str, source: Path, index: int, codepoints: list[int]) -> Path:
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.glyph_names = False
    options.font_number = index
    font = subset.load_font(str(source), options)
    available = set(font.getBestCmap())
    wanted = {cp for cp in [*codepoints, *PUNCTUATION] if cp in available}
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(wanted))
    subsetter.subset(font)
    if "CFF " in font:
        cff_to_glyf(font)
    add_no_break_space(font)
    out = OUT_DIR / out_name
    tmp = out.with_suffix(".part")
    font.save(str(tmp), reorderTables=True)
    os.replace(tmp, out)
    print(f"{out_name}: {len(wanted)} characters, {out.stat().st_size / 1024:.0f} KiB (from {source})")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source-dir", action="append", type=Path, help="where the Noto source fonts are")
    args = parser.parse_args(argv)
    dirs = args.source_dir or [Path("/usr/share/fonts"), Path("/usr/local/share/fonts")]
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    total = 0
    for out_name, (source_name, index, codepoints) in SUBSETS.items():
        total += make(out_name, find_source(source_name, dirs), index, codepoints).stat().st_size
    print(f"total {total / 1024 / 1024:.2f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
