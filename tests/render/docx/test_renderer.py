from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx.oxml.ns import qn

from briefgen.render.docx.elements import bookmark_name
from briefgen.render.docx.renderer import render_docx
from briefgen.render.markers import brief_markers
from briefgen.templates.style import RenderStyle
from tests.render.conftest import MARKUP_SENTENCE_PART, Sample, make_sample
from tests.render.docx_reading import W, read_docx


def test_every_sentence_is_verbatim_source_text_in_the_document(any_style_sample: Sample, style: RenderStyle) -> None:
    sample = any_style_sample
    doc = read_docx(render_docx(sample.brief, style))
    body = "\n".join(text for _style, text in doc.paragraphs())
    for sentence in sample.brief.sentences():
        assert sample.source_text(sentence.citations[0]) == sentence.text
        assert sentence.text in body, sentence.text
    assert MARKUP_SENTENCE_PART in body


def test_real_word_styles_are_used(numeric_sample: Sample, style: RenderStyle) -> None:
    doc = read_docx(render_docx(numeric_sample.brief, style))
    used = {name for name, _text in doc.paragraphs()}
    for name in ("Title", "Subtitle", "Heading 1", "Body Text", "List Bullet", "Quote", "Executive Summary",
                 "Source Entry", "Title Kicker", "Title Meta"):  # fmt: skip
        assert name in used, name
    paragraphs = doc.paragraphs()
    assert paragraphs[[n for n, _ in paragraphs].index("Title")][1] == numeric_sample.brief.title
    headings = [t for n, t in paragraphs if n == "Heading 1"]
    assert headings[0] == "Executive summary" and headings[-1] == "Sources"
    # the look sits in the styles a user can change, e.g. the heading font and colour
    h1 = doc.document.styles["Heading 1"]
    assert h1.font.name == "Arial" and h1.font.bold
    assert str(h1.font.color.rgb) == style.colours.headings.lstrip("#").upper()


def test_citations_are_hyperlinks_to_their_source_entry(numeric_sample: Sample, style: RenderStyle) -> None:
    brief = numeric_sample.brief
    doc = read_docx(render_docx(brief, style))
    bookmarks = doc.bookmarks()
    for entry in brief.sources:
        assert re.match(rf"{entry.number}\.(?!\d)", bookmarks[bookmark_name(f"source-{entry.number}")])
    links = doc.internal_links()
    for anchor, shown in links:
        number = int(shown)
        assert anchor == bookmark_name(f"source-{number}")
    # each paragraph's sentences carry exactly their citations' entries, in order
    expected: list[int] = []
    for sentence in brief.sentences():
        expected += sorted({brief.entry_for(c).number for c in sentence.citations})  # type: ignore[union-attr]
    assert [int(shown) for _a, shown in links] == expected


def test_sentence_is_followed_by_its_marker(numeric_sample: Sample, style: RenderStyle) -> None:
    brief = numeric_sample.brief
    body = "\n".join(t for _s, t in read_docx(render_docx(brief, style)).paragraphs())
    for sentence in brief.sentences():
        numbers = sorted({brief.entry_for(c).number for c in sentence.citations})  # type: ignore[union-attr]
        assert f"{sentence.text}\u00a0[{', '.join(map(str, numbers))}]" in body


def test_source_urls_are_real_hyperlinks_and_only_web_links(style: RenderStyle) -> None:
    sample = make_sample("numeric")
    evil = dataclasses.replace(
        sample.brief.sources[0], formatted="X. javascript:alert(1) https://ok.example/a?b=1&c=2."
    )
    brief = dataclasses.replace(sample.brief, sources=(evil, *sample.brief.sources[1:]))
    doc = read_docx(render_docx(brief, style))
    links = dict(doc.external_links())
    assert links["https://ok.example/a?b=1&c=2"] == "https://ok.example/a?b=1&c=2"
    for entry in brief.sources[1:]:
        if entry.metadata.url:
            assert entry.metadata.url in links
    assert all(url.startswith(("http://", "https://", "mailto:")) for url in links)
    assert "javascript:alert(1)" in "\n".join(t for _s, t in doc.paragraphs())  # shown as text only


def test_footnote_style_makes_real_word_footnotes(footnote_sample: Sample, style: RenderStyle) -> None:
    brief = footnote_sample.brief
    doc = read_docx(render_docx(brief, style))
    part = doc.footnotes_part()
    assert part is not None
    assert part.content_type == "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
    assert '<Override PartName="/word/footnotes.xml"' in doc.zip_text("[Content_Types].xml")
    notes = doc.footnotes()
    markers = brief_markers(brief)
    assert len(notes) == len(markers.notes)
    references = [int(r.get(qn("w:id"))) for r in doc.body.iter(f"{W}footnoteReference")]
    assert references == list(range(1, len(markers.notes) + 1))
    for note in markers.notes:
        assert notes[note.number] == note.text
        for item in note.items:
            assert item.entry is not None
            first = next(n for n in markers.notes if any(i.entry == item.entry for i in n.items))
            assert item.entry.formatted in notes[first.number]  # every note resolves to its entry
    # no in-text bracket markers in the footnote style, and special separator notes exist
    assert not re.search(r"\[\d+(, \d+)*\]", "\n".join(t for _s, t in doc.paragraphs()))
    settings = doc.zip_text("word/settings.xml")
    assert '<w:footnote w:id="-1"/>' in settings and '<w:footnote w:id="0"/>' in settings
    urls = [u for u, _t in doc.external_links(part)]
    assert "https://www.bbc.co.uk/news/science-environment-40478123" in urls
    assert doc.document.styles["footnote text"].type == 1


def test_no_footnotes_part_without_the_footnote_style(numeric_sample: Sample, style: RenderStyle) -> None:
    doc = read_docx(render_docx(numeric_sample.brief, style))
    assert doc.footnotes_part() is None
    assert "word/footnotes.xml" not in doc.zip_names()


def test_header_and_footer_carry_marking_and_page_fields(numeric_sample: Sample, style: RenderStyle) -> None:
    brief = numeric_sample.brief
    doc = read_docx(render_docx(brief, style))
    section = doc.document.sections[0]
    header = section.header.paragraphs[0]
    footer = section.footer.paragraphs[0]
    assert brief.marking in header.text and style.header_text in header.text
    assert brief.marking in footer.text and style.footer_text in footer.text
    instructions = " ".join(t.text for t in footer._p.iter(f"{W}instrText"))
    assert "PAGE" in instructions and "NUMPAGES" in instructions
    assert "Page " in footer.text and " of " in footer.text


def test_core_properties_and_page_setup(numeric_sample: Sample, style: RenderStyle) -> None:
    brief = numeric_sample.brief
    doc = read_docx(render_docx(brief, dataclasses.replace(style, page_size="Letter")))
    props = doc.document.core_properties
    assert props.title == brief.title
    assert props.author == brief.author
    assert props.subject == brief.subtitle
    assert "heatwave" in props.keywords
    section = doc.document.sections[0]
    assert round(section.page_width.mm) == 216 and round(section.page_height.mm) == 279
    assert "docProps/thumbnail.jpeg" not in doc.zip_names()
    assert "docProps/app.xml" not in doc.zip_names()  # the starting document's stale page and word counts


def test_banner_marking_and_logo(tmp_path: Path, numeric_sample: Sample, style: RenderStyle) -> None:
    from tests.render.conftest import write_png

    logo = write_png(tmp_path / "logo.png")
    look = dataclasses.replace(
        style,
        marking=dataclasses.replace(style.marking, placement="banner"),
        logo=dataclasses.replace(style.logo, path=str(logo)),
    )
    doc = read_docx(render_docx(numeric_sample.brief, look))
    paragraphs = doc.paragraphs()
    assert paragraphs[0] == ("Marking Banner", numeric_sample.brief.marking)
    assert any(name.startswith("word/media/") for name in doc.zip_names())
    assert numeric_sample.brief.marking not in doc.document.sections[0].header.paragraphs[0].text


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.slow
@pytest.mark.parametrize("citation_style", ["numeric", "footnotes"])
def test_libreoffice_opens_the_document(tmp_path: Path, style: RenderStyle, citation_style: str) -> None:
    office = _soffice()
    if office is None:
        pytest.skip("LibreOffice is not installed")
    from pypdf import PdfReader

    sample = make_sample(citation_style)
    path = tmp_path / "brief.docx"
    path.write_bytes(render_docx(sample.brief, style))
    profile = tmp_path / "profile"
    subprocess.run(
        [office, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf", "--outdir",
         str(tmp_path), str(path)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    reader = PdfReader(tmp_path / "brief.pdf")
    text = "\n".join(p.extract_text() for p in reader.pages)
    pages = len(reader.pages)
    assert f"Page 1 of {pages}" in text and f"Page {pages} of {pages}" in text  # fields were computed
    assert sample.brief.title.split(":")[0] in text
    if citation_style == "footnotes":
        assert brief_markers(sample.brief).notes[0].items[0].text[:30] in " ".join(text.split())
