"""Corroboration marks ("3 sources" / "†") and "new" tags, in the PDF, Word, Markdown and the app preview, shown
when the template asks for them and not otherwise."""

from __future__ import annotations

import dataclasses
import html
import re
from pathlib import Path

import pytest

from briefgen.brief import Brief
from briefgen.render.brief_html import brief_to_html
from briefgen.render.registry import render_bytes
from briefgen.render.sample_brief import sample_brief
from briefgen.render.support_marks import DAGGER_NOTE
from briefgen.templates.serialize import template_to_dict
from briefgen.templates.store import get_template
from briefgen.templates.style import RenderStyle, default_style
from briefgen.templates.validate import template_from_dict
from tests.render.citation_corpus import build, citation_corpus, citations_template, shared_sentence_id
from tests.render.docx_reading import W, read_docx
from tests.render.pdf_reading import read_pdf

OUTPUTS = ("pdf", "docx", "md", "html")
STYLES = ("numeric", "author_date", "footnotes")
COUNT = re.compile(r"(?<![\w])(\d+) sources\b")
AFTER_MARKER = re.compile(r"\]\W{0,3}(\d+) sources\b")
NEW = re.compile(r"(?<!\w)new\*? (?=\S)")


def plain_text(brief: Brief, style: RenderStyle, output: str) -> str:
    """The output's text with white space (and no-break spaces) collapsed."""
    if output == "pdf":
        text = read_pdf(render_bytes(brief, style, "pdf"), brief.marking).body
    elif output == "docx":
        doc = read_docx(render_bytes(brief, style, "docx"))
        text = "\n".join(t for _s, t in doc.paragraphs())
    elif output == "md":
        text = render_bytes(brief, style, "md").decode("utf-8")
    else:
        body = brief_to_html(brief).split("<body>", 1)[1]
        text = html.unescape(re.sub(r"<[^>]+>", " ", body))
    return " ".join(text.replace("\u00a0", " ").split())


def _sample(citation_style: str, **kw: object) -> Brief:
    return sample_brief(citation_style=citation_style, sources=5, **kw)[0]  # type: ignore[arg-type]


@pytest.mark.parametrize("output", OUTPUTS)
@pytest.mark.parametrize("citation_style", STYLES)
def test_count_follows_each_corroborated_sentence_only_when_asked(citation_style: str, output: str) -> None:
    brief = _sample(citation_style, support_mark="count")
    corroborated = [s for s in brief.sentences() if s.support >= 2]
    assert corroborated and any(s.support == 1 for s in brief.sentences())
    text = plain_text(brief, default_style(), output)
    assert [int(n) for n in COUNT.findall(text)] == [s.support for s in corroborated]
    for sentence in corroborated:  # right after the sentence and its marker
        assert re.search(re.escape(sentence.text[-12:]) + r".{0,120}?\d sources", text.replace("\\", "")), sentence
    assert "†" not in text
    none = plain_text(dataclasses.replace(brief, support_mark="none"), default_style(), output)
    assert not COUNT.findall(none) and "†" not in none


@pytest.mark.parametrize("output", OUTPUTS)
@pytest.mark.parametrize("citation_style", STYLES)
def test_dagger_marks_single_source_sentences_and_explains_itself(citation_style: str, output: str) -> None:
    brief = _sample(citation_style, support_mark="dagger")
    single = [s for s in brief.sentences() if s.support <= 1]
    text = plain_text(brief, default_style(), output)
    assert text.count("†") == len(single) + 1  # one per sentence, one in the note
    assert text.count(DAGGER_NOTE) == 1
    assert text.index(DAGGER_NOTE) > text.rindex("Sources")  # under the source list
    assert not COUNT.findall(text)
    none = plain_text(dataclasses.replace(brief, support_mark="none"), default_style(), output)
    assert "†" not in none


def test_no_dagger_note_when_every_sentence_is_corroborated() -> None:
    brief = _sample("numeric", support_mark="dagger")
    parts = tuple(
        dataclasses.replace(p, sentences=tuple(dataclasses.replace(s, support=2) for s in p.sentences))
        for p in brief.parts
    )
    text = plain_text(dataclasses.replace(brief, parts=parts), default_style(), "md")
    assert "†" not in text


@pytest.mark.parametrize("output", OUTPUTS)
@pytest.mark.parametrize("citation_style", STYLES)
def test_new_sentences_get_a_tag_before_them_only_when_asked(citation_style: str, output: str) -> None:
    brief = _sample(citation_style, mark_new=True)
    new = [s for s in brief.sentences() if s.new]
    assert new and len(new) < len(brief.sentences())
    text = plain_text(brief, default_style(), output)
    assert len(NEW.findall(text)) == len(new)
    for sentence in new:
        assert re.search(r"new\*? " + re.escape(sentence.text[:20]), text), sentence.text
    unasked = plain_text(dataclasses.replace(brief, mark_new=False), default_style(), output)
    assert not NEW.findall(unasked)


def test_word_marks_use_their_own_character_styles() -> None:
    brief = _sample("numeric", support_mark="count", mark_new=True)
    doc = read_docx(render_bytes(brief, default_style(), "docx"))
    styled: dict[str, list[str]] = {}
    for r in doc.body.iter(f"{W}r"):
        rstyle = r.find(f"{W}rPr/{W}rStyle")
        if rstyle is not None:
            styled.setdefault(rstyle.get(f"{W}val"), []).append("".join(t.text or "" for t in r.iter(f"{W}t")))
    assert [t.strip() for t in styled["SupportMark"]] == [
        f"{s.support} sources" for s in brief.sentences() if s.support >= 2
    ]
    assert styled["NewMark"] == ["new"] * sum(s.new for s in brief.sentences())
    names = {s.name for s in doc.document.styles}
    assert {"Support Mark", "New Mark"} <= names


@pytest.mark.parametrize("output", OUTPUTS)
def test_a_built_brief_shows_what_the_template_asks(tmp_path: Path, output: str) -> None:
    """Through the template: ``citations.support`` / ``mark_new`` reach the brief and every output."""
    corpus = citation_corpus(tmp_path)
    shared = shared_sentence_id(corpus)
    counted = build(corpus, citations_template("numeric", "apa", support="count"), [shared])
    assert counted.brief.support_mark == "count"
    text = plain_text(counted.brief, counted.style, output).replace("\\", "")
    assert AFTER_MARKER.findall(text) == ["2"]  # (the subtitle says "drawn from 6 sources")
    assert re.search(r"weapons programme\..{0,80}?\]\W{0,3}2 sources", text)  # the sentence both articles carry
    daggers = build(corpus, citations_template("numeric", "apa", support="dagger"), [shared])
    text = plain_text(daggers.brief, daggers.style, output)
    assert text.count("†") == len(daggers.brief.sentences()) - 1 + 1
    plain = build(corpus, citations_template("numeric", "apa"), [shared])
    text = plain_text(plain.brief, plain.style, output).replace("\\", "")
    assert not AFTER_MARKER.findall(text) and "†" not in text


def test_template_settings_round_trip() -> None:
    template = get_template("policy-brief")
    data = template_to_dict(template)
    assert data["citations"]["support"] == "none" and data["citations"]["mark_new"] is False
    data["citations"].update(support="dagger", mark_new=True)
    again = template_from_dict(data, "test")
    assert (again.citations.support, again.citations.mark_new) == ("dagger", True)
