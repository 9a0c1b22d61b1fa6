from __future__ import annotations

from pathlib import Path

from briefgen.ingest import read_source
from briefgen.ingest.blocks import BlockKind
from briefgen.ingest.readers.docx_reader import read_docx
from tests.ingest.readers.builders import LOREM, W_NS, Doc, append_xml, docx_bytes, sample_doc, text_box_paragraph


def _read(data: bytes):
    return read_docx(data, "doc.docx")


def test_styles_give_headings_title_and_author() -> None:
    raw = _read(docx_bytes(sample_doc()))
    headings = [(b.text, b.level) for b in raw.blocks if b.kind is BlockKind.HEADING]
    assert headings == [
        ("Flood barrier holds as storm passes", 1),
        ("What happens next?", 2),
        ("Who pays for the repairs?", 2),
    ]
    assert raw.metadata.title == "Flood barrier holds as storm passes"
    assert raw.metadata.author == "Alex Morgan"
    assert raw.infer_headings is False
    assert raw.format == "docx"


def test_lone_top_heading_is_the_title_and_core_title_fills_a_gap() -> None:
    doc = sample_doc()
    raw = _read(docx_bytes(doc, title_style="Heading 1", heading_style="Heading 2"))
    assert next((b.text, b.level) for b in raw.blocks if b.kind is BlockKind.HEADING) == (doc.title, 1)

    untitled = Doc(
        articles=[(None, [("Background", [LOREM]), ("Outlook", [LOREM])])], title="Core Title", author="python-docx"
    )
    raw = _read(docx_bytes(untitled))
    assert raw.metadata.title == "Core Title"
    assert raw.metadata.author is None  # the python-docx placeholder says nothing


def test_header_and_footer_never_mix_into_the_prose() -> None:
    doc = sample_doc()
    doc.articles[0][1][0][1].insert(1, "Eastmouth Council — internal")  # a running header copied into the body
    raw = _read(docx_bytes(doc, header="Eastmouth Council — internal", footer="Printed 12 August 2017"))
    text = "\n".join(b.text for b in raw.blocks)
    assert "Eastmouth Council" not in text
    assert "Printed 12 August" not in text
    assert LOREM in text


def test_lists_quotes_captions_and_bold_headings() -> None:
    def extra(d) -> None:
        d.add_paragraph("Stone is delivered in March.", style="List Bullet")
        d.add_paragraph("We were lucky this time.", style="Quote")
        d.add_paragraph("Figure 1: the barrier at high tide", style="Caption")
        d.add_paragraph().add_run("What the engineers found").bold = True
        d.add_paragraph("The embankment lost several metres of stone.")

    raw = _read(docx_bytes(sample_doc(), extra=extra))
    kinds = {b.text: b.kind for b in raw.blocks}
    assert kinds["Stone is delivered in March."] is BlockKind.BULLET
    assert kinds["We were lucky this time."] is BlockKind.QUOTE
    assert "Figure 1: the barrier at high tide" not in kinds
    assert kinds["What the engineers found"] is BlockKind.HEADING
    bold = next(b for b in raw.blocks if b.text == "What the engineers found")
    assert bold.explicit is False  # guessed from formatting, not a style


def test_tables_and_text_boxes_are_left_out_with_warnings() -> None:
    def extra(d) -> None:
        table = d.add_table(rows=1, cols=2)
        table.cell(0, 0).text = "Cost in 2016"
        append_xml(d, text_box_paragraph("Pull quote: the barrier held"))

    raw = _read(docx_bytes(sample_doc(), extra=extra))
    text = "\n".join(b.text for b in raw.blocks)
    assert "Cost in 2016" not in text
    assert "Pull quote" not in text
    assert raw.warnings == ("left out 1 table", "left out 1 text box")


def test_tracked_changes_read_as_accepted_and_page_breaks_are_rules() -> None:
    def extra(d) -> None:
        append_xml(
            d,
            f'<w:p xmlns:w="{W_NS}"><w:r><w:t xml:space="preserve">The barrier </w:t></w:r>'
            '<w:del w:id="1" w:author="x"><w:r><w:delText>failed</w:delText></w:r></w:del>'
            '<w:ins w:id="2" w:author="x"><w:r><w:t>held</w:t></w:r></w:ins>'
            '<w:r><w:t xml:space="preserve"> overnight.</w:t></w:r><w:r><w:br w:type="page"/></w:r></w:p>',
        )
        d.add_paragraph("After the break.")

    raw = _read(docx_bytes(sample_doc(), extra=extra))
    texts = [b.text for b in raw.blocks]
    assert "The barrier held overnight." in texts
    i = texts.index("The barrier held overnight.")
    assert raw.blocks[i + 1].kind is BlockKind.RULE
    assert texts[i + 2] == "After the break."


def test_read_source_end_to_end(tmp_path: Path) -> None:
    path = tmp_path / "barrier.docx"
    path.write_bytes(docx_bytes(sample_doc(), header="Eastmouth Gazette"))
    source = read_source(str(path))
    assert source.format == "docx"
    [article] = source.articles
    assert article.metadata.title == "Flood barrier holds as storm passes"
    assert article.metadata.author == "Alex Morgan"
    assert [s.heading for s in article.sections] == [None, "What happens next?", "Who pays for the repairs?"]
    assert article.sections[0].sentences[0].text == LOREM.split(". ")[0] + "."
