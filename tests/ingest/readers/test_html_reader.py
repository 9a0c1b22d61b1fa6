from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.errors import InputError
from briefgen.ingest import read_source
from briefgen.ingest.blocks import BlockKind
from briefgen.ingest.readers.html_reader import read_html
from tests.ingest.readers.builders import AD_TEXT, COMMENT, FOOTER, LOREM, RELATED, Doc, html_page, sample_doc


def _all_text(raw_blocks) -> str:
    return "\n".join(b.text for b in raw_blocks)


def test_main_text_is_kept_and_boilerplate_dropped() -> None:
    raw = read_html(html_page(sample_doc()).encode(), "page.html")
    text = _all_text(raw.blocks)
    assert LOREM in text
    assert "Work starts in March." in text
    for noise in (AD_TEXT, RELATED, COMMENT, FOOTER, "Sport Weather", "Related stories", "3 comments"):
        assert noise not in text
    assert raw.format == "html"


def test_headings_are_kept_with_their_levels() -> None:
    raw = read_html(html_page(sample_doc()).encode(), "page.html")
    headings = [(b.text, b.level) for b in raw.blocks if b.kind is BlockKind.HEADING]
    assert headings == [
        ("Flood barrier holds as storm passes", 1),
        ("What happens next?", 2),
        ("Who pays for the repairs?", 2),
    ]
    assert all(b.explicit for b in raw.blocks if b.kind is BlockKind.HEADING)
    assert raw.infer_headings is False


def test_page_metadata() -> None:
    raw = read_html(html_page(sample_doc()).encode(), "page.html")
    m = raw.metadata
    assert m.title == "Flood barrier holds as storm passes"
    assert m.author == "Alex Morgan"
    assert m.publisher == "The Eastmouth Gazette"
    assert m.date == "2017-08-12"
    assert m.url == "https://news.example.org/eastmouth/barrier"


def test_lists_and_quotes() -> None:
    page = html_page(sample_doc()).replace(
        "<p>Work starts in March.</p>",
        "<ul><li>Stone is delivered in March.</li><li>Crews start in April.</li></ul>"
        "<blockquote><p>We were lucky this time, said the mayor.</p></blockquote>",
    )
    raw = read_html(page.encode(), "page.html")
    bullets = [b.text for b in raw.blocks if b.kind is BlockKind.BULLET]
    quotes = [b.text for b in raw.blocks if b.kind is BlockKind.QUOTE]
    assert bullets == ["Stone is delivered in March.", "Crews start in April."]
    assert quotes == ["We were lucky this time, said the mayor."]


def test_tables_are_left_out_with_a_warning() -> None:
    table = "<table><tr><th>Year</th><th>Cost</th></tr><tr><td>2016</td><td>4.1m</td></tr></table>"
    page = html_page(sample_doc()).replace("<p>Work starts in March.</p>", table + "<p>Work starts in March.</p>")
    raw = read_html(page.encode(), "page.html")
    assert "4.1m" not in _all_text(raw.blocks)
    assert raw.warnings == ("left out 1 table",)


def test_line_breaks_inside_a_paragraph_become_spaces() -> None:
    page = html_page(sample_doc()).replace("Work starts in March.", "Work starts<br>in March.")
    raw = read_html(page.encode(), "page.html")
    assert "Work starts in March." in _all_text(raw.blocks)


def test_legacy_encoding_declared_in_meta() -> None:
    doc = sample_doc()
    doc.articles[0][1][0][1].append("The café on the quay reopened à la française, said Zoë.")
    page = html_page(doc).replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    raw = read_html(page.encode("cp1252"), "page.html")
    assert "The café on the quay reopened à la française, said Zoë." in _all_text(raw.blocks)


def test_headings_are_inferred_when_the_page_marks_none() -> None:
    doc = Doc(articles=[("A title only", [(None, [LOREM, "Why?", LOREM.replace("Tuesday", "Friday")])])])
    raw = read_html(html_page(doc).encode(), "page.html")
    assert raw.infer_headings is True


def test_page_without_article_text_is_refused() -> None:
    page = "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    with pytest.raises(InputError) as info:
        read_html(page.encode(), "menu.html")
    assert info.value.path == "menu.html"
    assert "no article text" in info.value.reason


def test_read_source_end_to_end(tmp_path: Path) -> None:
    path = tmp_path / "barrier.html"
    path.write_text(html_page(sample_doc()), encoding="utf-8")
    source = read_source(str(path))
    assert source.format == "html"
    [article] = source.articles
    assert article.metadata.author == "Alex Morgan"
    assert article.metadata.publisher == "The Eastmouth Gazette"
    assert article.metadata.url == "https://news.example.org/eastmouth/barrier"
    assert [s.heading for s in article.sections] == [None, "What happens next?", "Who pays for the repairs?"]
    for section in article.sections:
        for sentence in section.sentences:
            assert section.text[sentence.start : sentence.end] == sentence.text
    assert not any(COMMENT in s.text or FOOTER in s.text for s in article.sections)


def test_date_is_never_guessed_from_the_prose() -> None:
    doc = sample_doc()
    doc.date = None
    doc.articles[0][1][0][1].append("On 16 June 2016 the council first discussed the barrier.")
    raw = read_html(html_page(doc).encode(), "page.html")
    assert raw.metadata.date is None
