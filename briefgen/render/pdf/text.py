"""Turning plain source text into reportlab paragraph markup that shows exactly that text.

reportlab's :class:`~reportlab.platypus.Paragraph` parses an XML-like markup, so every piece of source text is
escaped (``&``, ``<``, ``>``) before it is put in a paragraph: ``<b>not bold</b>`` then prints literally.
Characters the paragraph's font lacks are wrapped in ``<font face="…">`` runs of a font that has them (the
order is in :mod:`briefgen.render.pdf.font_fallback`); a character no font has is drawn as a visible placeholder
and reported, never left blank.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from briefgen.render.common import clean, split_urls
from briefgen.render.pdf import shaping, url_breaks
from briefgen.render.pdf.font_fallback import font_runs
from briefgen.render.pdf.fonts import RegisteredFamily

shaping.install()
url_breaks.install()

_ATTR_ENTITIES = {'"': "&quot;", "'": "&apos;"}


def attr(value: str) -> str:
    """*value* escaped for a double-quoted markup attribute."""
    return escape(clean(value), _ATTR_ENTITIES)


def plain(text: str, family: RegisteredFamily, fallbacks: tuple[RegisteredFamily, ...] = ()) -> str:
    """Escaped markup for *text*, with fallback-font runs for characters *family* lacks."""
    text = clean(text)
    if text.isascii():
        return escape(text)
    return "".join(_wrap(run, face) for run, face in font_runs(text, family, fallbacks))


def _wrap(text: str, face: str | None) -> str:
    return escape(text) if face is None else f'<font face="{face}">{escape(text)}</font>'


def with_links(text: str, family: RegisteredFamily, fallbacks: tuple[RegisteredFamily, ...], link_colour: str) -> str:
    """Escaped markup for *text* whose http/https/mailto URLs are clickable links.

    A URL too long for its line breaks only after ``/ - . ? & = _`` (:mod:`briefgen.render.pdf.url_breaks`); no
    invisible characters are added, so a copied URL stays exact."""
    out: list[str] = []
    for run, url in split_urls(clean(text)):
        if url is None:
            out.append(plain(run, family, fallbacks))
        else:
            out.append(f'<a href="{attr(url)}" color="{link_colour}">{escape(url)}</a>')
    return "".join(out)
