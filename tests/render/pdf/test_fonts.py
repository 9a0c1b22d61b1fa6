from __future__ import annotations

from collections.abc import Iterator

import pytest

from briefgen.render.pdf import fonts as pdf_fonts
from briefgen.render.pdf.font_fallback import (
    PLACEHOLDER,
    bundled_fonts,
    bundled_fonts_dir,
    collect_missing,
    sentence_context,
)
from briefgen.render.pdf.fonts import cjk_font, resolve_fonts
from briefgen.render.pdf.text import plain, with_links


def _clear() -> None:
    pdf_fonts._font_index.cache_clear()
    pdf_fonts.resolve_fonts.cache_clear()
    pdf_fonts.cjk_font.cache_clear()


@pytest.fixture
def no_system_fonts(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(pdf_fonts, "font_dirs", lambda: [])
    _clear()
    yield
    _clear()


def test_fonts_found_cover_greek_cyrillic_and_typographic_punctuation() -> None:
    fonts = resolve_fonts("serif", "sans")
    if any("Vera" in w for w in fonts.warnings):
        pytest.skip("no TrueType fonts with Greek and Cyrillic on this machine")
    for family in (fonts.body, fonts.heading):
        assert all(family.covers(ch) for ch in "“”‘’—–…éЖжΩω")


def test_without_system_fonts_vera_is_used_with_a_warning(no_system_fonts: None) -> None:
    fonts = resolve_fonts("serif", "sans")
    assert fonts.body.name.startswith("Bitstream Vera")
    assert fonts.warnings and "Vera" in fonts.warnings[0]
    assert cjk_font() is None


def test_text_is_escaped() -> None:
    fonts = resolve_fonts("serif", "sans")
    markup = plain("<b>not bold</b> & <5% costs > $3m", fonts.body, fonts.fallbacks)
    assert markup == "&lt;b&gt;not bold&lt;/b&gt; &amp; &lt;5% costs &gt; $3m"


def test_characters_missing_from_the_font_get_a_fallback_face() -> None:
    fonts = resolve_fonts("serif", "sans")
    cjk = next(f.family for f in bundled_fonts() if "Han" in f.scripts)
    markup = plain("Tokyo 東京 <x>", fonts.body, fonts.fallbacks)
    assert f'<font face="{cjk.regular}">東京</font>' in markup
    assert markup.endswith("&lt;x&gt;")


def test_bundled_script_fonts_load_and_stay_small() -> None:
    loaded = bundled_fonts()
    assert {s for f in loaded for s in f.scripts} >= {"Han", "Kana", "Hangul", "Arabic", "Hebrew", "Devanagari", "Thai"}
    assert all(f.family.covers(ch) for f, ch in zip(loaded, "한عבहก", strict=False))
    folder = bundled_fonts_dir()
    assert sum(p.stat().st_size for p in folder.glob("*.ttf")) < 6 * 1024 * 1024
    assert (folder / "OFL.txt").is_file() and (folder / "README.md").is_file()


def test_a_character_no_font_has_becomes_a_placeholder_and_is_recorded() -> None:
    fonts = resolve_fonts("serif", "sans")
    with collect_missing() as missing, sentence_context("The whole sentence \u0378."):
        markup = plain("piece \u0378", fonts.body, fonts.fallbacks)
    assert "\u0378" not in markup and PLACEHOLDER in markup
    assert missing.characters == ["\u0378"]
    assert "U+0378" in missing.warnings()[0] and "The whole sentence" in missing.warnings()[0]


def test_joiners_and_variation_selectors_are_never_reported_missing() -> None:
    fonts = resolve_fonts("serif", "sans")
    with collect_missing() as missing:
        markup = plain("ok \u2764\ufe0f \u200d\U000e0101", fonts.body, fonts.fallbacks)
    assert missing.characters == [] and "\u2764" in markup and PLACEHOLDER not in markup


def test_latin_words_are_not_shaped_into_ligatures() -> None:
    from reportlab.platypus import Paragraph

    from briefgen.render.pdf.styles import build_styles
    from briefgen.templates.style import default_style

    fonts = resolve_fonts("serif", "sans")
    styles = build_styles(default_style(), fonts)
    para = Paragraph(plain("office fine ffi שלום", fonts.body, fonts.fallbacks), styles.body)
    para.wrap(400, 1000)
    texts = "".join(str(getattr(w, "text", "")) for line in para.blPara.lines for w in line.words)
    assert "office" in texts and "\ufb01" not in texts and "\ufb00" not in texts


def test_links_only_for_web_schemes_and_attribute_escaped() -> None:
    fonts = resolve_fonts("serif", "sans")
    markup = with_links(
        "See https://x.example/a?b=1&c=d'e and javascript:alert(1).", fonts.body, fonts.fallbacks, "#112233"
    )
    assert '<a href="https://x.example/a?b=1&amp;c=d&apos;e"' in markup
    assert "javascript:alert(1)" in markup and 'href="javascript' not in markup
