"""Word documents (.docx) -> blocks, with python-docx after the package passed the zip and DTD guards.

- Headings come from paragraph styles ("Title", "Heading 1"…, styles based on them, or an outline level). The
  Title style is level 1; "Heading N" is level N+1, except that a lone top-level heading opening a document that
  has no Title paragraph is taken as the title (level 1). A paragraph set entirely in bold, short and without a
  final full stop, is a heading too (marked as guessed).
- List styles and numbered paragraphs are bullets; "Quote"/"Intense Quote" are quotes; captions are left out.
- Headers and footers are never read as prose; body paragraphs that repeat a header or footer line (documents
  converted from PDF often carry them) are dropped.
- Tables and text boxes are left out, with a warning counting them: they hold figures, pull quotes and layout,
  rarely sentences worth quoting. Tracked deletions, field codes, comments and footnotes are left out too;
  tracked insertions are read as accepted.
- A hard page break is a possible boundary between articles (a rule block).
- Title and author: the Title paragraph (or the lone top heading) and the core properties' author; the core
  title fills the gap. The core "created" date is not used: it is when the file (or its template) was made,
  not when the text was published.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from io import BytesIO
from typing import Any

from briefgen.errors import InputError
from briefgen.ingest.blocks import Block, BlockKind, RawDocument
from briefgen.ingest.readers.common import (
    clean_meta,
    clean_text,
    clean_title,
    left_out,
    should_infer_headings,
    translate_errors,
)
from briefgen.ingest.safety import open_office_zip
from briefgen.model import Metadata

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_KIND = "Word document"
_HEADING_NAME = re.compile(r"^heading\s*([1-9])$", re.IGNORECASE)
_TITLE_NAMES = frozenset({"title"})
_QUOTE_NAMES = frozenset({"quote", "intense quote", "block text"})
_SKIP_NAMES = frozenset({"caption", "toc heading", "header", "footer"})
_LIST_NAME = re.compile(r"^list", re.IGNORECASE)
_TOC_NAME = re.compile(r"^toc\s*\d", re.IGNORECASE)
# subtrees whose text is not part of the paragraph as a reader sees it
_SKIP_TAGS = frozenset(
    {
        W + "pPr",
        W + "rPr",
        W + "del",
        W + "moveFrom",
        W + "delText",
        W + "instrText",
        W + "txbxContent",
        W + "drawing",
        W + "pict",
        W + "object",
        W + "footnoteReference",
        W + "endnoteReference",
        W + "commentReference",
        MC + "Fallback",
    }
)
MAX_BOLD_HEADING_CHARS = 120


@dataclass(frozen=True, slots=True)
class _Style:
    kind: str  # "title", "heading", "quote", "list", "skip", "body"
    level: int = 0
    bold: bool = False


def read_docx(data: bytes, path: str) -> RawDocument:
    if not data.strip():
        raise InputError("file is empty", path)
    open_office_zip(data, path, required="[Content_Types].xml", kind=_KIND).close()
    with translate_errors(path, "the Word document is damaged or not a Word document"):
        import docx  # python-docx; imported here to keep start-up fast

        document = docx.Document(BytesIO(data))
        styles = _paragraph_styles(document)
        running = _header_footer_keys(document)
        body = document.element.body
        props = document.core_properties
        core_title, core_author = props.title, props.author
        reading = _Reading(styles, running)
        reading.walk(body)
    blocks = _promote_lone_title(reading.blocks, has_title=reading.has_title)
    title = next((b.text for b in blocks if b.kind is BlockKind.HEADING and b.level == 1), None)
    metadata = Metadata(title=title or clean_title(core_title), author=clean_meta(core_author))
    warnings = [
        w for w in (left_out(reading.tables, "table", "tables"), left_out(reading.boxes, "text box", "text boxes")) if w
    ]
    return RawDocument(
        format="docx",
        blocks=tuple(blocks),
        metadata=metadata,
        infer_headings=should_infer_headings(blocks),
        warnings=tuple(warnings),
    )


class _Reading:
    """One pass over the document body, collecting blocks and counting what is left out."""

    def __init__(self, styles: dict[str, _Style], running: set[str]) -> None:
        self.styles = styles
        self.default = styles.get("", _Style("body"))
        self.running = running
        self.blocks: list[Block] = []
        self.tables = 0
        self.boxes = 0
        self.has_title = False

    def walk(self, parent: Any) -> None:
        for child in parent.iterchildren():
            tag = child.tag
            if tag == W + "p":
                self.paragraph(child)
            elif tag == W + "tbl":
                self.tables += 1
            elif tag in (W + "customXml", W + "sdtContent", W + "ins", W + "moveTo"):
                self.walk(child)
            elif tag == W + "sdt" and (content := _first(child, W + "sdtContent")) is not None:
                self.walk(content)

    def paragraph(self, p: Any) -> None:
        self.boxes += sum(1 for _ in _boxes(p))
        raw_text, page_break = _paragraph_text(p)
        text = clean_text(raw_text)
        ppr = _first(p, W + "pPr")
        if ppr is not None and _on(_first(ppr, W + "pageBreakBefore")):
            self.rule()
        style = self.style_of(p)
        if text and style.kind != "skip" and _key(text) not in self.running:
            kind, level, explicit = self.classify(p, text, style)
            self.blocks.append(Block(kind, text, level=level, explicit=explicit))
        if page_break:
            self.rule()

    def rule(self) -> None:
        if self.blocks and self.blocks[-1].kind is not BlockKind.RULE:
            self.blocks.append(Block(BlockKind.RULE, "", explicit=True))

    def style_of(self, p: Any) -> _Style:
        ppr = _first(p, W + "pPr")
        style_el = _first(ppr, W + "pStyle") if ppr is not None else None
        style = self.styles.get(style_el.get(W + "val", ""), self.default) if style_el is not None else self.default
        outline = _first(ppr, W + "outlineLvl") if ppr is not None else None
        if style.kind == "body" and outline is not None:
            level = _int(outline.get(W + "val"))
            if level is not None and level < 9:
                return _Style("heading", level + 2)
        if style.kind == "body" and ppr is not None and _first(ppr, W + "numPr") is not None:
            return _Style("list")
        return style

    def classify(self, p: Any, text: str, style: _Style) -> tuple[BlockKind, int, bool]:
        if style.kind == "title":
            self.has_title = True
            return BlockKind.HEADING, 1, True
        if style.kind == "heading":
            return BlockKind.HEADING, style.level, True
        if style.kind == "list":
            return BlockKind.BULLET, 0, True
        if style.kind == "quote":
            return BlockKind.QUOTE, 0, True
        if _all_bold(p, style.bold) and len(text) <= MAX_BOLD_HEADING_CHARS and not text.endswith((".", ",", ";")):
            return BlockKind.HEADING, 0, False
        return BlockKind.PARAGRAPH, 0, False


def _promote_lone_title(blocks: list[Block], *, has_title: bool) -> list[Block]:
    """Without a Title paragraph, a document opening with its only top-level heading has that heading as its
    title (level 1)."""
    headings = [b for b in blocks if b.kind is BlockKind.HEADING and b.explicit]
    if has_title or not headings or blocks[0] is not headings[0]:
        return blocks
    top = min(b.level for b in headings)
    if headings[0].level != top or sum(1 for b in headings if b.level == top) > 1:
        return blocks
    first = blocks[0]
    return [Block(first.kind, first.text, level=1, explicit=True), *blocks[1:]]


def _paragraph_styles(document: Any) -> dict[str, _Style]:
    """Paragraph styles by id ("" for the default paragraph style), resolved through their base styles."""
    raw: dict[str, tuple[str, str | None, int | None, bool | None]] = {}
    default_id = ""
    for style_el in document.styles.element.iterchildren(W + "style"):
        if style_el.get(W + "type") != "paragraph":
            continue
        sid = style_el.get(W + "styleId", "")
        name_el = _first(style_el, W + "name")
        based_el = _first(style_el, W + "basedOn")
        ppr = _first(style_el, W + "pPr")
        outline_el = _first(ppr, W + "outlineLvl") if ppr is not None else None
        raw[sid] = (
            (name_el.get(W + "val", "") if name_el is not None else "").strip().lower(),
            based_el.get(W + "val") if based_el is not None else None,
            _int(outline_el.get(W + "val")) if outline_el is not None else None,
            _bold_of(_first(style_el, W + "rPr")),
        )
        if style_el.get(W + "default") in ("1", "true", "on"):
            default_id = sid
    resolved = {sid: _resolve(sid, raw) for sid in raw}
    resolved[""] = resolved.get(default_id, _Style("body"))
    return resolved


def _resolve(sid: str, raw: dict[str, tuple[str, str | None, int | None, bool | None]]) -> _Style:
    bold: bool | None = None
    current: str | None = sid
    for _ in range(12):  # base-style chains are short; a loop in a hostile file ends here
        if current is None or current not in raw:
            break
        name, based, outline, own_bold = raw[current]
        bold = own_bold if bold is None else bold
        match = _HEADING_NAME.match(name)
        if name in _TITLE_NAMES:
            return _Style("title", 1, True)
        if match:
            return _Style("heading", int(match.group(1)) + 1, True)
        if outline is not None and outline < 9:
            return _Style("heading", outline + 2, True)
        if name in _QUOTE_NAMES:
            return _Style("quote")
        if name in _SKIP_NAMES or _TOC_NAME.match(name):
            return _Style("skip")
        if _LIST_NAME.match(name):
            return _Style("list")
        current = based
    return _Style("body", 0, bool(bold))


def _header_footer_keys(document: Any) -> set[str]:
    """Comparison keys of every line in the document's headers and footers."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    keys: set[str] = set()
    for rel in document.part.rels.values():
        if rel.is_external or rel.reltype not in (RT.HEADER, RT.FOOTER):
            continue
        element = getattr(rel.target_part, "element", None)
        if element is None:
            continue
        for p in element.iter(W + "p"):
            text = clean_text(_paragraph_text(p)[0])
            if text:
                keys.add(_key(text))
    return keys


def _paragraph_text(p: Any) -> tuple[str, bool]:
    """The visible text of a ``<w:p>`` and whether it holds a hard page break."""
    parts: list[str] = []
    page_break = False
    stack = [iter(p.iterchildren())]
    while stack:
        el = next(stack[-1], None)
        if el is None:
            stack.pop()
            continue
        tag = el.tag
        if not isinstance(tag, str) or tag in _SKIP_TAGS:
            continue
        if tag == W + "t":
            parts.append(el.text or "")
        elif tag in (W + "tab", W + "cr"):
            parts.append(" ")
        elif tag == W + "br":
            if el.get(W + "type") == "page":
                page_break = True
            parts.append(" ")
        elif tag == W + "noBreakHyphen":
            parts.append("-")
        elif len(el):
            stack.append(iter(el.iterchildren()))
    return "".join(parts), page_break


def _boxes(p: Any) -> Iterator[Any]:
    """Text boxes anchored in a paragraph (each counted once, not again in its compatibility fallback)."""
    for box in p.iter(W + "txbxContent"):
        if not any(anc.tag == MC + "Fallback" for anc in box.iterancestors()):
            yield box


def _all_bold(p: Any, style_bold: bool) -> bool:
    runs = [r for r in p.iter(W + "r") if any(t.text and t.text.strip() for t in r.iter(W + "t"))]
    if not runs:
        return False
    for run in runs:
        own = _bold_of(_first(run, W + "rPr"))
        if not (own if own is not None else style_bold):
            return False
    return True


def _bold_of(rpr: Any) -> bool | None:
    if rpr is None:
        return None
    b = _first(rpr, W + "b")
    return None if b is None else _on(b)


def _on(el: Any) -> bool:
    return el is not None and el.get(W + "val", "true").lower() not in ("0", "false", "off", "none")


def _first(parent: Any, tag: str) -> Any:
    return None if parent is None else parent.find(tag)


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _key(text: str) -> str:
    return " ".join(text.casefold().split())
