from __future__ import annotations

import io
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from briefgen.errors import InputError
from briefgen.ingest import read_source
from briefgen.ingest.blocks import BlockKind
from briefgen.ingest.readers.pdf_layout import Line, blocks_from_lines, remove_running_lines
from briefgen.ingest.readers.pdf_line_join import LineJoiner
from briefgen.ingest.readers.pdf_reader import read_pdf
from tests.ingest.readers.builders import LOREM, Doc, pdf_bytes, pdf_lines, sample_doc


def _long_doc() -> Doc:
    paragraphs = [f"Paragraph {n} begins here. " + LOREM for n in range(1, 19)]
    return Doc(
        articles=[
            (
                "Flood barrier holds as storm passes",
                [(None, paragraphs[:6]), ("What happens next?", paragraphs[6:12]), ("Costs", paragraphs[12:])],
            )
        ],
        title="Flood barrier holds as storm passes",
        author="Alex Morgan",
    )


def test_running_header_and_page_numbers_removed_and_paragraphs_rejoined() -> None:
    doc = _long_doc()
    raw = read_pdf(pdf_bytes(doc, running_header="Eastmouth Gazette — Weekly", page_numbers=True), "long.pdf")
    texts = [b.text for b in raw.blocks]
    assert not any("Eastmouth Gazette" in t or t.startswith("Page ") for t in texts)
    expected = [p for _, sections in doc.articles for _, paras in sections for p in paras]
    body = [b.text for b in raw.blocks if b.kind is BlockKind.PARAGRAPH]
    assert body == expected  # every paragraph whole, also those that cross a page break


def test_headings_by_font_size_and_metadata() -> None:
    raw = read_pdf(pdf_bytes(_long_doc()), "long.pdf")
    headings = [(b.text, b.level) for b in raw.blocks if b.kind is BlockKind.HEADING]
    assert headings == [("Flood barrier holds as storm passes", 1), ("What happens next?", 2), ("Costs", 2)]
    assert raw.metadata.title == "Flood barrier holds as storm passes"
    assert raw.metadata.author == "Alex Morgan"
    assert raw.infer_headings is False
    assert raw.format == "pdf"


def test_title_from_document_information_when_the_page_has_none() -> None:
    doc = Doc(articles=[(None, [(None, [LOREM])])], author="(anonymous)")
    raw = read_pdf(pdf_bytes(doc, info_title="Microsoft Word - barrier report.docx"), "r.pdf")
    assert raw.metadata.title == "barrier report"
    assert raw.metadata.author is None  # reportlab's placeholder


def test_hyphenated_line_breaks_are_mended_and_compounds_kept() -> None:
    size, lead = 11.0, 13.2
    lines = [
        "The regional flood defence pro-",
        "grammes were reviewed by the committee on Tuesday, when the nuclear-",
        "weapons comparison came up. Several nuclear-weapons experts spoke and the",
        "Anglo-",
        "French partnership was praised by everyone present at the meeting.",
    ]
    data = pdf_lines([(t, 72, 700 - i * lead, size) for i, t in enumerate(lines)])
    raw = read_pdf(data, "h.pdf")
    [para] = [b.text for b in raw.blocks]
    assert "defence programmes were" in para
    assert "the nuclear-weapons comparison" in para
    assert "Anglo-French partnership" in para


def test_bullets_are_found_and_their_markers_dropped() -> None:
    lines = [
        ("The plan has three parts, set out by the council in its report last week.", 72, 700, 11),
        ("• Repair the northern embankment before winter.", 72, 680, 11),
        ("• Raise the quay wall by half a metre.", 72, 666.8, 11),
    ]
    raw = read_pdf(pdf_lines(lines), "b.pdf")
    assert [(b.kind, b.text) for b in raw.blocks][1:] == [
        (BlockKind.BULLET, "Repair the northern embankment before winter."),
        (BlockKind.BULLET, "Raise the quay wall by half a metre."),
    ]


def test_rotated_margin_text_is_ignored() -> None:
    out = io.BytesIO()
    canvas = Canvas(out)
    canvas.setFont("Helvetica", 11)
    canvas.drawString(72, 700, "The council met on Tuesday to review the barrier and its costs.")
    canvas.saveState()
    canvas.translate(30, 300)
    canvas.rotate(90)
    canvas.drawString(0, 0, "arXiv:1234.5678 [preprint]")
    canvas.restoreState()
    canvas.showPage()
    canvas.save()
    raw = read_pdf(out.getvalue(), "r.pdf")
    assert [b.text for b in raw.blocks] == ["The council met on Tuesday to review the barrier and its costs."]


def test_pdf_without_text_layer_is_refused() -> None:
    out = io.BytesIO()
    canvas = Canvas(out)
    canvas.rect(100, 100, 200, 200, fill=1)
    canvas.showPage()
    canvas.save()
    with pytest.raises(InputError) as info:
        read_pdf(out.getvalue(), "scan.pdf")
    assert "no text layer" in info.value.reason
    assert info.value.path == "scan.pdf"


def _line(text: str, y: float, page: int, size: float = 10.0) -> Line:
    return Line(text, 72.0, y, size, False, page, 0.0, 842.0)


def test_running_lines_need_repetition_or_a_page_number_shape() -> None:
    lines = []
    for page in (1, 2, 3):
        lines += [
            _line(f"Annual report {2016 + page}", 810, page),  # digits differ, still a running header
            _line("Body text that happens to sit high on the page.", 800, page) if page == 1 else _line("x", 500, page),
            _line(f"- {page} -", 30, page),
        ]
    kept = [ln.text for ln in remove_running_lines(lines, 3)]
    assert kept == ["Body text that happens to sit high on the page.", "x", "x"]


def test_paragraph_continues_across_pages_only_mid_sentence() -> None:
    lines = [
        _line("The barrier held through the night and", 100, 1),
        _line("the morning, engineers said.", 780, 2),
        _line("This sentence ends on the page.", 90, 2),
        _line("A new paragraph starts the next page.", 780, 3),
    ]
    blocks = blocks_from_lines(lines, 3)
    assert [b.text for b in blocks] == [
        "The barrier held through the night and the morning, engineers said.",
        "This sentence ends on the page.",
        "A new paragraph starts the next page.",
    ]


def test_line_joiner_mends_words_and_web_addresses() -> None:
    joiner = LineJoiner(["Trump Repealism Rolls Back", "the pro-", "grammes"])
    assert joiner.hyphenates  # one line in three ends in a broken word
    assert joiner.join(["the pro-", "grammes"]) == "the programmes"
    assert joiner.join(["Trump repealism-", "rolls back"]) == "Trump repealism-rolls back"  # both are words here
    assert joiner.join(["see http://example.org/a-long-pa", "th/page.html]"]) == (
        "see http://example.org/a-long-path/page.html]"
    )
    assert joiner.join(["see http://example.org/", "and more"]) == "see http://example.org/ and more"


def test_compounds_are_kept_in_a_document_that_does_not_hyphenate() -> None:
    lines = [f"Line {n} of a report set ragged right, without any hyphenation at all." for n in range(80)]
    lines[10] = "The regime has a deep-"
    lines[11] = "seated distrust of the talks, and a de-"
    lines[12] = "facto veto over them."
    joiner = LineJoiner(lines)
    assert not joiner.hyphenates
    assert (
        joiner.join(lines[10:13])
        == "The regime has a deep-seated distrust of the talks, and a de-facto veto over them."
    )


def test_read_source_end_to_end(tmp_path: Path) -> None:
    path = tmp_path / "barrier.pdf"
    path.write_bytes(pdf_bytes(sample_doc(), running_header="Eastmouth Gazette", page_numbers=True))
    source = read_source(str(path))
    assert source.format == "pdf"
    [article] = source.articles
    assert article.metadata.title == "Flood barrier holds as storm passes"
    assert article.metadata.author == "Alex Morgan"
    assert [s.heading for s in article.sections] == [None, "What happens next?", "Who pays for the repairs?"]


def test_a_pdf_past_the_page_limit_is_refused_before_any_text_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    from briefgen.ingest.readers import pdf_reader

    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(200, 200))
    for n in range(pdf_reader.MAX_PAGES + 1):
        canvas.drawString(20, 100, f"Page {n} of a very long report.")
        canvas.showPage()
    canvas.save()

    def no_reading(*_args: object) -> None:
        raise AssertionError("text was read from a PDF past the page limit")

    monkeypatch.setattr(pdf_reader, "_read_lines", no_reading)
    with pytest.raises(InputError, match=r"has 1,001 pages; briefgen reads at most 1,000 pages"):
        read_pdf(out.getvalue(), "long.pdf")
    assert pdf_reader.MAX_PAGES >= 1_000, "the documented limit is generous: a book-length report is read"
