"""Acceptance: the seed texts rendered as a web page, a Word document and a PDF read back to the same articles,
sections and sentences as the text files.

Two renderings of each seed:

- *structured*: as an author would write it in that format: titles and section headings as markup (``<h1>``/
  ``<h2>``, Title/Heading styles, larger bold type), metadata in the format's own slots (HTML meta tags; DOCX
  core properties and PDF document information, which carry title and author only);
- *plain*: every paragraph of the text file as a plain paragraph, boilerplate and metadata lines included, so
  that the shared cleaning and heading inference must do the same work as for the text file.

What the formats cannot carry is not compared: HTML metadata describes the page (the first article only);
DOCX and PDF have no slots for publisher, date or address.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.ingest import read_source
from briefgen.ingest.readers.text_reader import read_text
from briefgen.model import Source
from tests.ingest.readers.builders import Doc, docx_bytes, html_page, pdf_bytes

pytestmark = pytest.mark.seeds

Shape = list[tuple[str | None, list[tuple[str | None, list[str]]]]]
FORMATS = ("html", "docx", "pdf")
CARRIED = {
    "html": ("title", "author", "publisher", "date", "url"),
    "docx": ("title", "author"),
    "pdf": ("title", "author"),
}


def _seeds(seeds_dir: Path) -> list[Path]:
    seeds = sorted(seeds_dir.glob("*.txt"))
    assert seeds, f"no seed texts in {seeds_dir}"
    return seeds


def _shape(source: Source) -> Shape:
    """Articles (title) -> sections (heading) -> sentence texts."""
    return [
        (a.metadata.title, [(s.heading, [t.text for t in s.sentences]) for s in a.sections]) for a in source.articles
    ]


def _structured(source: Source) -> Doc:
    m = source.articles[0].metadata
    return Doc(
        articles=[
            (a.metadata.title, [(s.heading, [s.text[p.start : p.end] for p in s.paragraphs]) for s in a.sections])
            for a in source.articles
        ],
        title=m.title,
        author=m.author,
        publisher=m.publisher,
        date=m.date,
        url=m.url,
    )


def _plain(seed: Path) -> Doc:
    raw = read_text(seed.read_bytes(), str(seed))
    return Doc(articles=[(None, [(None, [b.text for b in raw.blocks if b.text.strip()])])])


def _render(doc: Doc, fmt: str, *, structured: bool) -> bytes:
    if fmt == "html":
        return html_page(doc, boilerplate=structured).encode("utf-8")
    if fmt == "docx":
        return docx_bytes(doc, header="Reprinted for the briefing" if structured else None)
    return pdf_bytes(doc, running_header="Reprinted for the briefing", page_numbers=True)


@pytest.mark.parametrize("fmt", FORMATS)
def test_structured_rendering_reads_back_the_same(seeds_dir: Path, tmp_path: Path, fmt: str) -> None:
    for seed in _seeds(seeds_dir):
        text = read_source(str(seed))
        path = tmp_path / f"{seed.stem}.{fmt}"
        path.write_bytes(_render(_structured(text), fmt, structured=True))
        got = read_source(str(path))
        assert got.format == fmt
        assert _shape(got) == _shape(text), f"{seed.name} as {fmt}"
        want_meta, got_meta = text.articles[0].metadata, got.articles[0].metadata
        for field in CARRIED[fmt]:
            assert getattr(got_meta, field) == getattr(want_meta, field), f"{seed.name} as {fmt}: {field}"


@pytest.mark.parametrize("fmt", FORMATS)
def test_plain_rendering_reads_back_the_same(seeds_dir: Path, tmp_path: Path, fmt: str) -> None:
    for seed in _seeds(seeds_dir):
        text = read_source(str(seed))
        path = tmp_path / f"{seed.stem}.{fmt}"
        path.write_bytes(_render(_plain(seed), fmt, structured=False))
        assert _shape(read_source(str(path))) == _shape(text), f"{seed.name} as {fmt}"
