"""Titles of any length lay out in linear time: the running head is fitted by a logarithmic number of
measurements, long titles and headings are set as bounded paragraphs, and Word's header and footer are cut after
two lines."""

from __future__ import annotations

import dataclasses
import io
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

from briefgen.render.common import ELLIPSIS, fit_text
from briefgen.render.pdf.chunks import CHUNK_CHARS, text_chunks
from briefgen.render.registry import render_bytes
from briefgen.render.sample_brief import sample_brief
from briefgen.templates.style import default_style
from tests.render.docx_reading import read_docx


def test_fit_text_measures_a_logarithmic_number_of_times() -> None:
    measured: list[int] = []

    def measure(text: str) -> float:
        measured.append(len(text))
        return 5.0 * len(text)  # every character 5 points wide

    title = "Long title " * 10_000
    fitted = fit_text(title, 300.0, measure)
    assert fitted.endswith(ELLIPSIS) and title.startswith(fitted[:-1])
    assert measure(fitted) <= 300.0 < measure(title[: len(fitted)] + ELLIPSIS)  # the longest prefix that fits
    assert len(measured) <= 2 + 2 * 17  # ~2 log2(n) calls
    assert sum(measured) < 20 * 300  # never the whole title
    assert fit_text("Short", 300.0, measure) == "Short"
    assert fit_text("x" * 100, 0.0, measure) == ELLIPSIS


def test_text_chunks_join_back_and_cut_at_spaces() -> None:
    for text in ("Long title " * 3000, "x" * 5000, "e\u0301" * 2000, "short"):
        pieces = text_chunks(text)
        assert "".join(pieces) == text
        assert all(0 < len(p) <= CHUNK_CHARS for p in pieces)
        assert all(not p.startswith("\u0301") for p in pieces)
    assert all(p.endswith(" ") for p in text_chunks("Long title " * 3000)[:-1])
    assert text_chunks("A normal title") == ["A normal title"]


def test_a_20000_character_title_builds_quickly_with_a_shortened_header(samples_dir: Path, tmp_path: Path) -> None:
    title = "Extremely long title " * 952  # 19,992 characters; the default template's header shows {title}
    out = tmp_path / "brief.pdf"
    subprocess.run(
        [sys.executable, "-m", "briefgen", "build", str(samples_dir / "eastmouth-barrier-news.txt"),
         "--title", title, "-o", str(out)],
        check=True, capture_output=True, timeout=20,  # took over 10 minutes when the head was cut a letter at a time
    )  # fmt: skip
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    heads = [line for page in reader.pages[1:] for line in page.extract_text().splitlines() if line.endswith(ELLIPSIS)]
    assert heads, "no shortened running head found"
    assert all(title.startswith(h[:-1].rstrip()) and len(h) < 200 for h in heads)
    assert reader.metadata is not None and reader.metadata.title == title.strip()  # the whole title is kept


def test_word_header_and_footer_are_cut_after_two_lines() -> None:
    brief, _ = sample_brief()
    title = "Long title " * 2000
    style = dataclasses.replace(default_style(), header_text=title, footer_text=title)
    section = read_docx(render_bytes(dataclasses.replace(brief, title=title), style, "docx")).document.sections[0]
    for shown in (section.header.paragraphs[0].text, section.footer.paragraphs[0].text):
        head = shown.split("\t")[0].split("  ·  ")[0]
        assert head.endswith(ELLIPSIS) and title.startswith(head[:-1]) and 100 < len(head) < 300
    short = dataclasses.replace(default_style(), header_text="A header of ordinary length")
    header = read_docx(render_bytes(brief, short, "docx")).document.sections[0].header
    assert header.paragraphs[0].text.startswith("A header of ordinary length")
