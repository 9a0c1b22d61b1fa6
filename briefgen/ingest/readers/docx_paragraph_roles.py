"""Word paragraph styles -> what a paragraph is (title, heading of some level, list, quote, left out, body),
resolved through base styles; and the small WordprocessingML helpers the Word reader shares."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_HEADING_NAME = re.compile(r"^heading\s*([1-9])$", re.IGNORECASE)
_TITLE_NAMES = frozenset({"title"})
_QUOTE_NAMES = frozenset({"quote", "intense quote", "block text"})
_SKIP_NAMES = frozenset({"caption", "toc heading", "header", "footer"})
_LIST_NAME = re.compile(r"^list", re.IGNORECASE)
_TOC_NAME = re.compile(r"^toc\s*\d", re.IGNORECASE)
_MAX_BASE_CHAIN = 12


@dataclass(frozen=True, slots=True)
class ParagraphStyle:
    kind: str
    """``title``, ``heading``, ``quote``, ``list``, ``skip`` (captions, tables of contents) or ``body``."""
    level: int = 0
    """Block level: 1 for the Title style, N+1 for "Heading N"."""
    bold: bool = False
    """Whether the style sets bold type (for paragraphs that are headings by formatting only)."""


_RawStyle = tuple[str, str | None, int | None, bool | None]  # name, based-on id, outline level, bold


def paragraph_styles(document: Any) -> dict[str, ParagraphStyle]:
    """Paragraph styles by style id (``""`` for the default paragraph style), resolved through base styles."""
    raw: dict[str, _RawStyle] = {}
    default_id = ""
    for style_el in document.styles.element.iterchildren(W + "style"):
        if style_el.get(W + "type") != "paragraph":
            continue
        sid = style_el.get(W + "styleId", "")
        name_el = first(style_el, W + "name")
        based_el = first(style_el, W + "basedOn")
        outline_el = first(first(style_el, W + "pPr"), W + "outlineLvl")
        raw[sid] = (
            (name_el.get(W + "val", "") if name_el is not None else "").strip().lower(),
            based_el.get(W + "val") if based_el is not None else None,
            to_int(outline_el.get(W + "val")) if outline_el is not None else None,
            bold_of(first(style_el, W + "rPr")),
        )
        if style_el.get(W + "default") in ("1", "true", "on"):
            default_id = sid
    resolved = {sid: _resolve(sid, raw) for sid in raw}
    resolved[""] = resolved.get(default_id, ParagraphStyle("body"))
    return resolved


def _resolve(sid: str, raw: dict[str, _RawStyle]) -> ParagraphStyle:
    bold: bool | None = None
    current: str | None = sid
    for _ in range(_MAX_BASE_CHAIN):  # a loop of base styles in a hostile file ends here
        if current is None or current not in raw:
            break
        name, based, outline, own_bold = raw[current]
        bold = own_bold if bold is None else bold
        heading = _HEADING_NAME.match(name)
        if name in _TITLE_NAMES:
            return ParagraphStyle("title", 1, True)
        if heading:
            return ParagraphStyle("heading", int(heading.group(1)) + 1, True)
        if outline is not None and outline < 9:
            return ParagraphStyle("heading", outline + 2, True)
        if name in _QUOTE_NAMES:
            return ParagraphStyle("quote")
        if name in _SKIP_NAMES or _TOC_NAME.match(name):
            return ParagraphStyle("skip")
        if _LIST_NAME.match(name):
            return ParagraphStyle("list")
        current = based
    return ParagraphStyle("body", 0, bool(bold))


def bold_of(rpr: Any) -> bool | None:
    """Whether run properties set bold (True/False), or None when they say nothing."""
    if rpr is None:
        return None
    b = first(rpr, W + "b")
    return None if b is None else on(b)


def on(el: Any) -> bool:
    """An OOXML on/off element: present and not set to false."""
    return el is not None and el.get(W + "val", "true").lower() not in ("0", "false", "off", "none")


def first(parent: Any, tag: str) -> Any:
    """The first child of *parent* with *tag* (a ``{namespace}name``), or None; ``None`` for no parent.

    ``iterchildren(tag)`` filters in lxml's C code: much cheaper than ``find``, which parses its path each time."""
    if parent is None:
        return None
    for child in parent.iterchildren(tag):
        return child
    return None


def to_int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None
