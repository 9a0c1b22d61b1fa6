from __future__ import annotations

from collections.abc import Iterator

import pytest

from briefgen.render import pdf_fonts
from briefgen.render.pdf_fonts import cjk_font, resolve_fonts
from briefgen.render.pdf_text import plain, with_links


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
    cjk = cjk_font()
    if cjk is None:
        pytest.skip("no TrueType CJK font installed")
    markup = plain("Tokyo 東京 <x>", fonts.body, fonts.fallbacks)
    assert f'<font face="{cjk.regular}">東京</font>' in markup
    assert markup.endswith("&lt;x&gt;")


def test_links_only_for_web_schemes_and_attribute_escaped() -> None:
    fonts = resolve_fonts("serif", "sans")
    markup = with_links(
        "See https://x.example/a?b=1&c=d'e and javascript:alert(1).", fonts.body, fonts.fallbacks, "#112233"
    )
    assert '<a href="https://x.example/a?b=1&amp;c=d&apos;e"' in markup
    assert "javascript:alert(1)" in markup and 'href="javascript' not in markup
