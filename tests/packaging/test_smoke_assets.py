"""What the packaging smoke test (packaging/smoke_test.sh) relies on, checked without a build: its multi-script
source can be drawn entirely with the bundled fonts, and its PDF font lister reads the fonts a PDF embeds."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontFile
from reportlab.pdfgen import canvas

REPO = Path(__file__).resolve().parents[2]
SMOKE = REPO / "packaging" / "smoke"
SCRIPTS_SOURCE = SMOKE / "multiscript-notes.md"
FONTS = REPO / "resources" / "fonts"
SMOKE_TEST = REPO / "packaging" / "smoke_test.sh"


def _covered(font_names: list[str]) -> set[int]:
    covered: set[int] = set()
    for name in font_names:
        covered |= set(TTFontFile(str(FONTS / name)).charToGlyph)
    return covered


def test_the_multiscript_source_has_hangul_arabic_and_emoji() -> None:
    text = SCRIPTS_SOURCE.read_text(encoding="utf-8")
    names = {unicodedata.name(ch, "") for ch in text}
    assert any(name.startswith("HANGUL SYLLABLE") for name in names)
    assert any(name.startswith("ARABIC LETTER") for name in names)
    assert any(0x1F300 <= ord(ch) <= 0x1FAFF for ch in text), "no emoji in the smoke source"


def test_every_other_script_character_of_the_smoke_source_is_in_a_bundled_noto_font() -> None:
    # The smoke test fails on any character drawn as the placeholder box with the system's fonts hidden; Latin text
    # comes from DejaVu (copied at build time), everything else must come from resources/fonts.
    covered = _covered(
        ["NotoSansCJK-Subset.ttf", "NotoSansArabic-Subset.ttf", "NotoSansSymbols2-Subset.ttf"],
    )
    text = SCRIPTS_SOURCE.read_text(encoding="utf-8")
    missing = sorted({ch for ch in text if ord(ch) > 0x2000 and ord(ch) not in covered and not ch.isspace()})
    assert not missing, f"not in the bundled Noto subsets: {missing}"


def test_the_smoke_test_builds_the_multiscript_source_and_checks_its_fonts() -> None:
    script = SMOKE_TEST.read_text(encoding="utf-8")
    assert "multiscript-notes.md" in script
    for font in ("NotoSansCJK", "NotoSansArabic", "NotoSansSymbols2"):
        assert font in script
    assert "SIZE_LIMIT_MB=${SMOKE_SIZE_LIMIT_MB:-150}" in script


def test_pdf_fonts_lists_the_embedded_fonts_without_subset_prefix(tmp_path: Path) -> None:
    import reportlab

    vera = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"
    pdfmetrics.registerFont(TTFont("SmokeVera", str(vera)))
    pdf = tmp_path / "fonts.pdf"
    page = canvas.Canvas(str(pdf))
    page.setFont("SmokeVera", 12)
    page.drawString(72, 720, "Harbour wall")
    page.setFont("Helvetica", 12)  # a standard font: not embedded, not listed
    page.drawString(72, 700, "not embedded")
    page.save()
    out = subprocess.run(
        [sys.executable, str(SMOKE / "pdf_fonts.py"), str(pdf)], capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["BitstreamVeraSans-Roman"]


def test_pdf_fonts_names_a_file_it_cannot_read(tmp_path: Path) -> None:
    bad = tmp_path / "not-a.pdf"
    bad.write_text("hello", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, str(SMOKE / "pdf_fonts.py"), str(bad)], capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 2
    assert "not-a.pdf" in out.stderr and "Traceback" not in out.stderr
