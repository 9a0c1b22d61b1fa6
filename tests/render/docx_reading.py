"""Reading a produced Word file back with python-docx and lxml: texts, links, bookmarks, footnotes."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from typing import Any

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import qn

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def text_of(element: Any) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t"))


@dataclass
class ReadDocx:
    document: Any
    data: bytes

    @property
    def body(self) -> Any:
        return self.document.element.body

    def paragraphs(self) -> list[tuple[str, str]]:
        """(style name, text) of each body paragraph."""
        return [(p.style.name, p.text) for p in self.document.paragraphs]

    def bookmarks(self) -> dict[str, str]:
        """Bookmark name -> the text of the paragraph holding it."""
        out = {}
        for start in self.body.iter(f"{W}bookmarkStart"):
            out[start.get(qn("w:name"))] = text_of(start.getparent())
        return out

    def internal_links(self) -> list[tuple[str, str]]:
        """(anchor, shown text) of each hyperlink to a bookmark, in document order."""
        return [(h.get(qn("w:anchor")), text_of(h)) for h in self.body.iter(f"{W}hyperlink") if h.get(qn("w:anchor"))]

    def external_links(self, part: Any = None) -> list[tuple[str, str]]:
        """(URL, shown text) of each external hyperlink of *part* (default: the document part)."""
        part = part or self.document.part
        root = self.body if part is self.document.part else parse_xml(part.blob)
        out = []
        for h in root.iter(f"{W}hyperlink"):
            r_id = h.get(qn("r:id"))
            if r_id:
                out.append((part.rels[r_id].target_ref, text_of(h)))
        return out

    def footnotes_part(self) -> Any:
        for rel in self.document.part.rels.values():
            if rel.reltype.endswith("/footnotes"):
                return rel.target_part
        return None

    def footnotes(self) -> dict[int, str]:
        """Footnote id -> its text (ids >= 1 only)."""
        part = self.footnotes_part()
        if part is None:
            return {}
        root = parse_xml(part.blob)
        notes = {}
        for note in root.iter(f"{W}footnote"):
            number = int(note.get(qn("w:id")))
            if number >= 1:
                notes[number] = text_of(note).strip()
        return notes

    def zip_names(self) -> list[str]:
        with zipfile.ZipFile(io.BytesIO(self.data)) as z:
            return z.namelist()

    def zip_text(self, name: str) -> str:
        with zipfile.ZipFile(io.BytesIO(self.data)) as z:
            return z.read(name).decode("utf-8")


def read_docx(data: bytes) -> ReadDocx:
    return ReadDocx(Document(io.BytesIO(data)), data)
