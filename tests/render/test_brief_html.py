"""The live preview's HTML: a key figure's emphasised quantities are bold, and the text stays escaped."""

from __future__ import annotations

import dataclasses

from PySide6.QtGui import QFont, QTextCursor, QTextDocument

from briefgen.brief import Brief
from briefgen.render.brief_html import brief_to_html
from tests.render.conftest import MARKUP_SENTENCE_PART, make_sample

COST = "€40,000"


def emphasised_brief() -> Brief:
    brief = make_sample("numeric").brief
    parts = []
    for part in brief.parts:
        sentences = []
        for s in part.sentences:
            words = ("5%", "$3m") if MARKUP_SENTENCE_PART in s.text else (COST,)
            spans = tuple((s.text.index(w), s.text.index(w) + len(w)) for w in words if w in s.text)
            sentences.append(dataclasses.replace(s, emphasis=spans))
        parts.append(dataclasses.replace(part, sentences=tuple(sentences)))
    return dataclasses.replace(brief, parts=tuple(parts))


def test_emphasised_spans_are_bold_and_escaped_in_the_html() -> None:
    html = brief_to_html(emphasised_brief())
    assert f"<b>{COST}</b>" in html
    assert "&lt;b&gt;not bold&lt;/b&gt; &amp; &lt;<b>5%</b> costs &gt; <b>$3m</b> would follow." in html
    assert f"<b>{COST}</b>" not in brief_to_html(make_sample("numeric").brief)


def _weight_at(document: QTextDocument, text: str) -> int:
    found = document.find(text)
    assert not found.isNull(), text
    cursor = QTextCursor(document)
    cursor.setPosition(found.selectionStart() + 1)  # the format of the character before the cursor
    return int(cursor.charFormat().fontWeight())


def test_the_preview_shows_the_spans_bold(qtbot) -> None:
    document = QTextDocument()
    document.setHtml(brief_to_html(emphasised_brief()))
    assert _weight_at(document, COST) >= int(QFont.Weight.Bold)
    assert _weight_at(document, "Municipal cooling") < int(QFont.Weight.Bold)
    assert _weight_at(document, "$3m") >= int(QFont.Weight.Bold)
    assert _weight_at(document, "not bold") < int(QFont.Weight.Bold)  # markup in the text is not obeyed
