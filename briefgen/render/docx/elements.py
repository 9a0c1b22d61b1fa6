"""Small builders of WordprocessingML elements that python-docx has no API for (runs with a character style,
bookmarks), shared by the DOCX hyperlink, field and footnote modules."""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from briefgen.render.common import clean
from briefgen.render.docx.scripts import apply_run_props, direction_runs, script_props

XmlElement = Any
"""An lxml element of python-docx's oxml classes (python-docx ships no type information for them)."""


def run(text: str, style_id: str | None = None, *, bold: bool = False, superscript: bool = False) -> XmlElement:
    """``<w:r>`` holding *text* (cleaned of characters XML forbids), optionally with a character style, with the
    font slots, language tags and direction its scripts need (:mod:`briefgen.render.docx.scripts`)."""
    r = OxmlElement("w:r")
    props = run_properties(style_id, bold=bold, superscript=superscript)
    scripts = script_props(text)
    if not scripts.empty:
        if props is None:
            props = OxmlElement("w:rPr")
        apply_run_props(props, scripts)
    if props is not None:
        r.append(props)
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = clean(text)
    r.append(t)
    return r


def runs(text: str, style_id: str | None = None, *, bold: bool = False) -> list[XmlElement]:
    """*text* as one run per stretch of one direction (a right-to-left name in English text is its own run)."""
    return [run(piece, style_id, bold=bold) for piece in direction_runs(text)]


def run_properties(style_id: str | None, *, bold: bool = False, superscript: bool = False) -> XmlElement | None:
    if not (style_id or bold or superscript):
        return None
    rpr = OxmlElement("w:rPr")
    if style_id:
        rstyle = OxmlElement("w:rStyle")
        rstyle.set(qn("w:val"), style_id)
        rpr.append(rstyle)
    if bold:
        rpr.append(OxmlElement("w:b"))
    if superscript:
        va = OxmlElement("w:vertAlign")
        va.set(qn("w:val"), "superscript")
        rpr.append(va)
    return rpr


def tab_run() -> XmlElement:
    r = OxmlElement("w:r")
    r.append(OxmlElement("w:tab"))
    return r


class BookmarkIds:
    """Hands out the unique ``w:id`` numbers bookmarks need."""

    def __init__(self) -> None:
        self._next = 0

    def take(self) -> int:
        self._next += 1
        return self._next


def bookmark_name(anchor: str) -> str:
    """A Word-safe bookmark name (letters, digits, underscores; at most 40 characters) for *anchor*."""
    safe = "".join(ch if ch.isascii() and ch.isalnum() else "_" for ch in anchor)
    if not safe or not safe[0].isalpha():
        safe = "b" + safe
    return safe[:40]


def wrap_in_bookmark(paragraph: XmlElement, anchor: str, ids: BookmarkIds) -> None:
    """Put the whole content of *paragraph* (a ``w:p``) inside a bookmark named after *anchor*."""
    number = str(ids.take())
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), number)
    start.set(qn("w:name"), bookmark_name(anchor))
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), number)
    ppr = paragraph.find(qn("w:pPr"))
    if ppr is not None:
        ppr.addnext(start)
    else:
        paragraph.insert(0, start)
    paragraph.append(end)
