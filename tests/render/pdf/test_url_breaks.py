"""Long URLs in the PDF's source list break only after ``/ - . ? & = _``, and copy out of the PDF unchanged."""

from __future__ import annotations

import dataclasses
import re

import pytest
from reportlab.platypus import Paragraph

from briefgen.render.pdf.fonts import PdfFonts, resolve_fonts
from briefgen.render.pdf.renderer import render_pdf
from briefgen.render.pdf.styles import build_styles
from briefgen.render.pdf.text import with_links
from briefgen.render.pdf.url_breaks import BREAK_AFTER, break_offsets, head_length
from briefgen.templates.style import RenderStyle, default_style
from tests.render.conftest import make_sample
from tests.render.pdf_reading import read_pdf, uris

# every piece between break characters is short, so no line ever needs a cut in the middle of a word
LONG_URLS = (
    "http://www.internationalaffairs.org.au/australian_outlook/trump-repealism-rolls-back-obamas-cuba-reforms/",
    "https://www.example-news-organisation.org/international/asia-pacific/2017/08/north-korea-crisis-what-does-"
    "kim-jong-un-really-want-analysis?utm_source=newsletter&utm_medium=email&utm_campaign=weekly_digest_affairs",
    "https://www.example.gov.uk/government/publications/urban-heat-resilience-review-2023/annex-b-evidence-"
    "tables-and-methodology-for-local-authority-cooling-interventions?utm_source=briefing",
    "https://data.example.org/reports/regional/coastal-flooding/summary.html?year=2024&region=north_east&"
    "format=full&lang=en&page=12&sort=date_desc&view=printable_version",
)
PREFIXES = ("", "Retrieved 1 December 2026, from ", "A source with a rather longer title before its address. ")


def _brief_with_urls() -> tuple[object, list[str]]:
    sample = make_sample("numeric", sources=6)
    entries = list(sample.brief.sources)
    urls: list[str] = []
    for i, entry in enumerate(entries):
        url = LONG_URLS[i % len(LONG_URLS)]
        formatted = f"{PREFIXES[i % len(PREFIXES)]}Report {entry.number}. {url}"
        entries[i] = dataclasses.replace(entry, formatted=formatted)
        urls.append(url)
    return dataclasses.replace(sample.brief, sources=tuple(entries)), urls


def _found_with_line_breaks(url: str, text: str) -> re.Match[str] | None:
    """*url* in *text*, allowing a line break between any two of its characters."""
    return re.search("\n?".join(re.escape(ch) for ch in url), text)


@pytest.mark.parametrize("page_size", ["A4", "Letter"])
def test_long_urls_break_only_after_break_characters(page_size: str) -> None:
    brief, urls = _brief_with_urls()
    style = dataclasses.replace(default_style(), page_size=page_size)
    data = render_pdf(brief, style)  # type: ignore[arg-type]
    pdf = read_pdf(data)
    text = pdf.body
    wrapped = 0
    for url in urls:
        match = _found_with_line_breaks(url, text)
        assert match is not None, url  # the whole URL is there, with no character added or lost
        shown = match.group(0)
        breaks = [i for i, ch in enumerate(shown) if ch == "\n"]
        wrapped += bool(breaks)
        for i in breaks:
            assert shown[i - 1] in BREAK_AFTER, f"{url} wraps mid-word: {shown[max(0, i - 12) : i + 12]!r}"
            assert shown[i + 1] not in BREAK_AFTER, f"{url} wraps inside {shown[i - 3 : i + 4]!r}"
    assert wrapped >= len(urls) // 2  # the URLs are long enough to wrap: the test saw breaks to check
    assert "\u200b" not in text
    assert set(urls) <= set(uris(pdf.reader))  # each link still points at its whole address


def _fonts(style: RenderStyle) -> PdfFonts:
    return resolve_fonts(style.fonts.body, style.fonts.heading)


def _lines(markup: str, width: float) -> list[tuple[str, float]]:
    """The lines of *markup* set in the source list's style at *width*: their text and the width they use."""
    style = default_style()
    para = Paragraph(markup, build_styles(style, _fonts(style)).source)
    para.wrap(width, 1e6)
    return [("".join(w.text for w in line.words), width - line.extraSpace) for line in para.blPara.lines]


def test_a_piece_wider_than_the_line_is_cut_mid_word_and_nothing_overflows() -> None:
    style = default_style()
    fonts = _fonts(style)
    url = "https://longform.example.com/reports/" + "verylongpathsegmentwithoutbreaks" * 6 + "/index.html"
    markup = "From " + with_links(url, fonts.body, fonts.fallbacks, "#1f4e79")
    width = 300.0
    lines = _lines(markup, width)
    assert "".join(text for text, _w in lines).replace("From ", "", 1).strip() == url
    assert all(used <= width + 0.01 for _text, used in lines)
    assert lines[0][0].rstrip().endswith("/reports/")  # the segment too wide for any line starts a new line
    assert lines[-1][0].strip().endswith("/index.html")


def test_a_url_that_fits_on_a_line_is_not_cut_but_moves_to_the_next_line() -> None:
    style = default_style()
    fonts = _fonts(style)
    url = "https://example.org/a/short-address"
    markup = "word " * 30 + with_links(url, fonts.body, fonts.fallbacks, "#1f4e79")
    lines = _lines(markup, 200.0)
    assert any(text.strip() == url for text, _w in lines)


def test_break_offsets_keep_runs_of_break_characters_together() -> None:
    url = "https://a.example/x-y?q=1&r=2"
    cuts = break_offsets(url)
    assert [url[:c][-1] for c in cuts] == ["/", ".", "/", "-", "?", "=", "&", "="]
    assert url[: cuts[0]] == "https://"
    assert len(url) not in cuts


def test_head_length_moves_a_word_whose_first_piece_does_not_fit() -> None:
    def measure(start: int, end: int) -> float:
        return float(end - start)

    text = "https://example.org/path"
    assert head_length(text, measure, room=12, fresh_line=False) == len("https://")
    assert head_length(text, measure, room=5, fresh_line=False) == 0
    assert head_length(text, measure, room=5, fresh_line=True) == 5


def test_a_paragraph_cut_inside_a_url_keeps_the_height_it_was_measured_with() -> None:
    """reportlab lays out again the part of a paragraph that fits on a page: the URL must break the same way, or
    the part no longer fits where it was placed (a layout error)."""
    style = default_style()
    fonts = _fonts(style)
    url = "https://example.org/" + "/".join(f"segment-{i}_part.x?y=z&w" for i in range(60)) + "/" + "q" * 150
    markup = "Harmless text.\u00a0[1] " + with_links(url, fonts.body, fonts.fallbacks, "#1f4e79") + "\u00a0[2] End."
    width, cut = 300.0, 0
    for avail in range(30, 700, 11):
        parts = Paragraph(markup, build_styles(style, fonts).body).split(width, avail)
        if len(parts) == 2:
            cut += 1
            assert parts[0].wrap(width, avail)[1] <= avail + 1e-6, avail
            lines = [line for part in parts for line in (part.wrap(width, 1e6), part.blPara.lines)[1]]
            assert url in "".join(w.text for line in lines for w in line.words)
    assert cut > 10
