"""A Word brief read back with python-docx: the provenance custom XML part and the body's paragraphs."""

from __future__ import annotations

import io
from typing import Any

from briefgen.errors import InputError
from briefgen.provenance import XML_NAMESPACE
from briefgen.verify.reading import ReadBrief

BODY_STYLES = frozenset({"BodyText", "ExecutiveSummary", "ListBullet", "Quote"})
"""The paragraph styles briefgen sets the brief's sentences in."""

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_ROOT = f"{{{XML_NAMESPACE}}}provenance"


def read_docx(data: bytes) -> ReadBrief:
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx and zipfile raise many kinds of error on a damaged file
        raise InputError(f"not a readable Word document ({type(exc).__name__}: {exc})") from None
    paragraphs = [(style, text) for style, text in _paragraphs(document.element.body)]
    texts = "\n".join(text for _, text in paragraphs)
    styled = any(style in BODY_STYLES for style, _ in paragraphs)
    body = tuple(text for style, text in paragraphs if text.strip() and (not styled or style in BODY_STYLES))
    return ReadBrief("docx", _provenance(document), (texts,), body)


def _provenance(document: Any) -> bytes | None:
    from defusedxml import ElementTree

    for part in document.part.package.iter_parts():
        if not str(part.partname).startswith("/customXml/"):
            continue
        try:
            root = ElementTree.fromstring(part.blob)
        except Exception:  # not XML, or XML that defusedxml refuses: not ours
            continue
        if root.tag == _ROOT:
            return "".join(root.itertext()).strip().encode("utf-8")
    return None


def _paragraphs(body: Any) -> list[tuple[str | None, str]]:
    """(style id, visible text) of every paragraph in the body, tables' cells included, in document order."""
    out: list[tuple[str | None, str]] = []
    for p in body.iter(f"{{{_W}}}p"):
        style = p.find(f"{{{_W}}}pPr/{{{_W}}}pStyle")
        out.append((style.get(f"{{{_W}}}val") if style is not None else None, _text(p)))
    return out


def _text(p: Any) -> str:
    pieces: list[str] = []
    for el in p.iter(f"{{{_W}}}t", f"{{{_W}}}tab", f"{{{_W}}}br", f"{{{_W}}}cr"):
        run = el.getparent()
        if run is None or run.tag != f"{{{_W}}}r" or _owner(el) is not p or _hidden(run):
            continue  # a tab stop's definition, a nested paragraph's text, hidden text
        pieces.append((el.text or "") if el.tag == f"{{{_W}}}t" else " ")
    return "".join(pieces)


def _owner(el: Any) -> Any:
    """The paragraph an element belongs to (a text box's paragraph is not its anchor's)."""
    for ancestor in el.iterancestors(f"{{{_W}}}p"):
        return ancestor
    return None


def _hidden(run: Any) -> bool:
    vanish = run.find(f"{{{_W}}}rPr/{{{_W}}}vanish")
    return vanish is not None and vanish.get(f"{{{_W}}}val", "true") not in ("0", "false", "off")
