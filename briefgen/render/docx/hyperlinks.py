"""Real Word hyperlinks (``w:hyperlink``): external ones through a relationship of the part that holds the
paragraph (document or footnotes), internal ones to a bookmark (``w:anchor``).

Only http, https and mailto links are written (:func:`briefgen.render.common.safe_link`); anything else is
plain text.
"""

from __future__ import annotations

from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from briefgen.render.common import safe_link, split_urls
from briefgen.render.docx.elements import XmlElement, bookmark_name, run

HYPERLINK_STYLE = "Hyperlink"


def external_link(part: Any, url: str, text: str, style_id: str = HYPERLINK_STYLE) -> XmlElement:
    """A ``w:hyperlink`` to *url* showing *text*; plain text runs when *url* is not an allowed link."""
    link = safe_link(url)
    if link is None:
        return run(text)
    r_id = part.relate_to(link, RT.HYPERLINK, is_external=True)
    element = OxmlElement("w:hyperlink")
    element.set(qn("r:id"), r_id)
    element.set(qn("w:history"), "1")
    element.append(run(text, style_id))
    return element


def internal_link(anchor: str, text: str, style_id: str | None = None) -> XmlElement:
    """A ``w:hyperlink`` to the bookmark made from *anchor* (:func:`~briefgen.render.docx.elements.bookmark_name`)."""
    element = OxmlElement("w:hyperlink")
    element.set(qn("w:anchor"), bookmark_name(anchor))
    element.set(qn("w:history"), "1")
    element.append(run(text, style_id))
    return element


def text_with_links(part: Any, text: str, style_id: str | None = None) -> list[XmlElement]:
    """Runs for *text* in which each http/https/mailto URL is a clickable hyperlink."""
    out: list[XmlElement] = []
    for piece, url in split_urls(text):
        out.append(run(piece, style_id) if url is None else external_link(part, url, piece))
    return out
