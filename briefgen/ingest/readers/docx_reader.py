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

from collections.abc import Iterator
from io import BytesIO
from typing import Any

from briefgen.errors import InputError
from briefgen.ingest.blocks import Block, BlockKind, RawDocument, check_reading_cancelled
from briefgen.ingest.readers.common import (
    clean_meta,
    clean_text,
    clean_title,
    left_out,
    should_infer_headings,
    translate_errors,
)
from briefgen.ingest.readers.docx_paragraph_roles import ParagraphStyle, W, bold_of, first, on, paragraph_styles, to_int
from briefgen.ingest.safety import check_office_zip
from briefgen.model import Metadata

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_KIND = "Word document"
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


def read_docx(data: bytes, path: str) -> RawDocument:
    if not data.strip():
        raise InputError("file is empty", path)
    check_office_zip(data, path, required="[Content_Types].xml", kind=_KIND)
    with translate_errors(path, "the Word document is damaged or not a Word document"):
        import docx  # python-docx; imported here to keep start-up fast

        document = docx.Document(BytesIO(data))
        styles = paragraph_styles(document)
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

    def __init__(self, styles: dict[str, ParagraphStyle], running: set[str]) -> None:
        self.styles = styles
        self.default = styles.get("", ParagraphStyle("body"))
        self.running = running
        self.blocks: list[Block] = []
        self.tables = 0
        self.boxes = 0
        self.has_title = False
        self.paragraphs = 0

    def walk(self, parent: Any) -> None:
        for child in parent.iterchildren():
            tag = child.tag
            if tag == W + "p":
                self.paragraph(child)
            elif tag == W + "tbl":
                self.tables += 1
            elif tag in (W + "customXml", W + "sdtContent", W + "ins", W + "moveTo"):
                self.walk(child)
            elif tag == W + "sdt" and (content := first(child, W + "sdtContent")) is not None:
                self.walk(content)

    def paragraph(self, p: Any) -> None:
        self.paragraphs += 1
        if self.paragraphs % 512 == 0:
            check_reading_cancelled()
        self.boxes += sum(1 for _ in _boxes(p))
        raw_text, page_break = _paragraph_text(p)
        text = clean_text(raw_text)
        ppr = first(p, W + "pPr")
        if ppr is not None and on(first(ppr, W + "pageBreakBefore")):
            self.rule()
        style = self.style_of(ppr)
        if text and style.kind != "skip" and not (self.running and _key(text) in self.running):
            kind, level, explicit = self.classify(p, text, style)
            self.blocks.append(Block(kind, text, level=level, explicit=explicit))
        if page_break:
            self.rule()

    def rule(self) -> None:
        if self.blocks and self.blocks[-1].kind is not BlockKind.RULE:
            self.blocks.append(Block(BlockKind.RULE, "", explicit=True))

    def style_of(self, ppr: Any) -> ParagraphStyle:
        """The style of a paragraph whose ``<w:pPr>`` is *ppr* (None when it has none)."""
        style_el = first(ppr, W + "pStyle") if ppr is not None else None
        style = self.styles.get(style_el.get(W + "val", ""), self.default) if style_el is not None else self.default
        outline = first(ppr, W + "outlineLvl") if ppr is not None else None
        if style.kind == "body" and outline is not None:
            level = to_int(outline.get(W + "val"))
            if level is not None and level < 9:
                return ParagraphStyle("heading", level + 2)
        if style.kind == "body" and ppr is not None and first(ppr, W + "numPr") is not None:
            return ParagraphStyle("list")
        return style

    def classify(self, p: Any, text: str, style: ParagraphStyle) -> tuple[BlockKind, int, bool]:
        if style.kind == "title":
            self.has_title = True
            return BlockKind.HEADING, 1, True
        if style.kind == "heading":
            return BlockKind.HEADING, style.level, True
        if style.kind == "list":
            return BlockKind.BULLET, 0, True
        if style.kind == "quote":
            return BlockKind.QUOTE, 0, True
        if len(text) <= MAX_BOLD_HEADING_CHARS and not text.endswith((".", ",", ";")) and _all_bold(p, style.bold):
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
        own = bold_of(first(run, W + "rPr"))
        if not (own if own is not None else style_bold):
            return False
    return True


def _key(text: str) -> str:
    return " ".join(text.casefold().split())
