"""Plain-text ingest on hand-written fixtures that reproduce real files' quirks."""

from __future__ import annotations

from briefgen.ingest import source_from_text
from briefgen.model import ParagraphKind, Source
from tests.ingest.quirks import REPEATED_TITLE, TWO_ARTICLES, WRAPPED


def all_text(source: Source) -> str:
    return "\n".join(sec.text for a in source.articles for sec in a.sections)


def headings(source: Source) -> list[str | None]:
    return [sec.heading for a in source.articles for sec in a.sections]


def test_repeated_title_is_collapsed_and_metadata_lifted() -> None:
    src = source_from_text(REPEATED_TITLE)
    assert len(src.articles) == 1
    art = src.articles[0]
    assert art.title == "Harbour plan: What does the mayor really want?"
    assert art.metadata.publisher == "Harbour Times"
    assert art.metadata.date == "2024-03-03"
    assert "What does the mayor really want" not in all_text(src).replace("what does the mayor really want", "")


def test_summary_label_question_and_one_word_headings() -> None:
    src = source_from_text(REPEATED_TITLE)
    assert headings(src) == [
        "Summary",
        "Is there anything the board could give the fishermen that would end the dispute?",
        "Why?",
        "Could the plan fail?",
    ]


def test_no_boilerplate_credit_or_source_line_left() -> None:
    text = all_text(source_from_text(REPEATED_TITLE)) + all_text(source_from_text(TWO_ARTICLES))
    for junk in (
        "Leave a Reply",
        "email address",
        "Required fields",
        "Source:",
        "Photo:",
        "Reuters",
        "originally published",
        "Original published",
        "image is overlaying",
        "http://",
    ):
        assert junk not in text


def test_two_articles_split_with_their_own_metadata() -> None:
    src = source_from_text(TWO_ARTICLES)
    titles = [a.title for a in src.articles]
    assert titles == [
        "What Does the Mayor Really Want From the Harbour Plan?",
        "Ferry Operators Cheer the New Harbour Rules",
    ]
    first, second = src.articles
    assert first.metadata.publisher == "Harbour Times"
    assert first.metadata.url is None
    assert second.metadata.url == "http://www.example.org/harbour/ferry-operators-cheer/"
    assert second.metadata.publisher is None


def test_glued_sentences_are_split() -> None:
    src = source_from_text(TWO_ARTICLES)
    sentences = [s.text for s in src.articles[1].sentences]
    assert "Last year, I promised to fix the harbour." in sentences
    assert "Remarks by the Mayor at the Harbour Hall, 3 March 2024." in sentences
    assert any(s.endswith("now it is time to act.") for s in sentences)


def test_bullets_are_their_own_paragraphs() -> None:
    src = source_from_text(TWO_ARTICLES)
    bullets = [p for sec in src.articles[1].sections for p in sec.paragraphs if p.kind is ParagraphKind.BULLET]
    texts = [p.sentences[0].text for p in bullets]
    assert texts == [
        "\u201cimprove safety for all harbour users\u201d;",
        "cut waiting times for ferries;",
        "protect the fishing fleet; and",
        "raise revenue for repairs.",
    ]


def test_hard_wrapped_lines_join_into_paragraphs() -> None:
    src = source_from_text(WRAPPED)
    art = src.articles[0]
    assert art.title == "Council approves budget after long debate"
    paragraphs = [p for sec in art.sections for p in sec.paragraphs]
    assert len(paragraphs) == 3
    first = art.sections[0].text[paragraphs[0].start : paragraphs[0].end]
    assert "\n" not in first
    assert "lasted more than six hours" in first


def test_spans_match_text_everywhere() -> None:
    for text in (REPEATED_TITLE, TWO_ARTICLES, WRAPPED):
        for sec in source_from_text(text).sections:
            for para in sec.paragraphs:
                for s in para.sentences:
                    assert sec.text[s.start : s.end] == s.text
                    assert para.start <= s.start < s.end <= para.end


def test_ids_are_stable_for_the_same_bytes() -> None:
    a = source_from_text(TWO_ARTICLES)
    b = source_from_text(TWO_ARTICLES)
    assert [s.id for s in a.articles[1].sentences] == [s.id for s in b.articles[1].sentences]
    assert a.id == b.id
    assert source_from_text(TWO_ARTICLES + "\nMore.").id != a.id


def test_markdown_headings_bullets_and_inline_markup() -> None:
    md = (
        "# The Title\n\nBy Ann Lee\n\nIntro paragraph with **bold** and a [link](http://x.org) here. "
        "It has two sentences.\n\n## First part\n\n- item one is here\n- item two is here\n\n"
        "![a chart](chart.png)\n\n## Second part\n\nClosing words of the *piece* go here.\n"
    )
    src = source_from_text(md, "x.md", fmt="markdown")
    art = src.articles[0]
    assert art.title == "The Title"
    assert art.metadata.author == "Ann Lee"
    assert [s.heading for s in art.sections] == [None, "First part", "Second part"]
    assert "Intro paragraph with bold and a link here." in [s.text for s in art.sentences]
    assert [p.kind for p in art.sections[1].paragraphs] == [ParagraphKind.BULLET, ParagraphKind.BULLET]
    assert "chart" not in art.sections[1].text


def test_headline_ending_in_a_quotation_is_a_title() -> None:
    text = (
        "Call centre users 'lose patience'\n\nCustomers trying to reach call centres are getting impatient and "
        "quicker to hang up, a survey suggests.\n\nThe survey asked 2,000 people about their last call.\n"
    )
    art = source_from_text(text).articles[0]
    assert art.title == "Call centre users 'lose patience'"
    assert "lose patience" not in art.sections[0].text


def test_a_byline_after_an_articles_end_opens_the_next_article() -> None:
    body = "The harbour board met on Monday and agreed a plan that will cost forty million pounds over five years. " * 2
    text = f"First Story\n\n{body}\n\nSource: Harbour Times, , March 3, 2024\n\nBy Jane Doe\n\n{body}\n"
    first, second = source_from_text(text).articles
    assert first.metadata.publisher == "Harbour Times" and first.metadata.author is None
    assert second.metadata.author == "Jane Doe"
