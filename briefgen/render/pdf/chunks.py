"""Long one-style texts of the PDF (a title, a subtitle, a heading) as runs of paragraphs of bounded length.

reportlab lays out a paragraph that runs over several pages by breaking all its remaining lines again on every
page, so one paragraph of n characters costs time in proportion to n squared (a 40,000-character title took
10 s). A text longer than :data:`CHUNK_CHARS` is therefore cut at spaces into pieces of at most that many
characters, each its own paragraph, with the style's space before the first and after the last only: layout time
grows linearly with the text. Texts of ordinary length give a single paragraph, exactly as before.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

CHUNK_CHARS = 800
"""About one page of a title at its size; far beyond any real title or heading."""


def text_chunks(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """*text* cut into pieces of at most *limit* characters that join back into *text*: after the last space
    within the limit, else (one very long word) at the limit, never between a letter and its accents."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        space = text.rfind(" ", start + 1, start + limit)
        cut = space + 1 if space > start else start + limit
        while cut > start + 1 and unicodedata.combining(text[cut]):
            cut -= 1
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def chunked_paragraphs(
    text: str, style: ParagraphStyle, markup: Callable[[str], str], prefix: str = ""
) -> list[Paragraph]:
    """*text* (plain) as paragraphs in *style*, its pieces turned into markup by *markup*; *prefix* (markup, such
    as an anchor) opens the first paragraph."""
    pieces = text_chunks(text)
    if len(pieces) == 1:
        return [Paragraph(prefix + markup(text), style)]
    first_name, middle_name, last_name = chunk_style_names(style)[1:]
    first = ParagraphStyle(first_name, parent=style, spaceAfter=0)
    middle = ParagraphStyle(middle_name, parent=style, spaceBefore=0, spaceAfter=0)
    last = ParagraphStyle(last_name, parent=style, spaceBefore=0)
    out = [Paragraph(prefix + markup(pieces[0]), first)]
    out += [Paragraph(markup(piece), middle) for piece in pieces[1:-1]]
    out.append(Paragraph(markup(pieces[-1]), last))
    return out


def chunk_style_names(style: ParagraphStyle) -> tuple[str, str, str, str]:
    """The names of the styles a text in *style* may be set in: *style*'s own (one paragraph), then those of the
    first, middle and last paragraphs of a text cut into several."""
    return style.name, f"{style.name}First", f"{style.name}Middle", f"{style.name}Last"


def is_long(text: str | None) -> bool:
    """Whether *text* would be cut into several paragraphs."""
    return text is not None and len(text) > CHUNK_CHARS
