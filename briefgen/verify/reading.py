"""Reading a brief back: its embedded provenance and its visible text, whatever format it was written in."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import PurePath

from briefgen.errors import InputError
from briefgen.safe_read import read_limited

MAX_BRIEF_BYTES = 200 * 1024 * 1024
"""A brief larger than this is refused before it is read."""


@dataclass(frozen=True, slots=True)
class ReadBrief:
    format: str
    """``pdf``, ``docx`` or ``md``."""
    provenance: bytes | None
    """The embedded provenance JSON, as found (``None`` when the brief carries none)."""
    texts: tuple[str, ...]
    """The brief's visible text, one block a line. A PDF gives several candidates, from the text set at the
    largest sizes only to all of it (page headers, footers and footnotes are smaller than the brief's
    sentences): the checks use the most selective one in which the brief's sentences are found."""
    body: tuple[str, ...] = field(default=())
    """The blocks of visible text that carry the brief's sentences (paragraphs, list items and quotations; not
    the title, headings or the source list), for looking sentences up when there is no provenance."""
    spaced: bool = True
    """Whether the spaces of the visible text are reliable (a PDF's are rebuilt from its lines)."""


def brief_format(path: str | os.PathLike[str]) -> str:
    suffix = PurePath(os.fspath(path)).suffix.lower()
    if suffix == ".pdf":
        return "pdf"
    if suffix == ".docx":
        return "docx"
    if suffix in (".md", ".markdown"):
        return "md"
    raise InputError(f"cannot tell the brief's format from the extension '{suffix}' (use .pdf, .docx or .md)",
                     os.fspath(path))  # fmt: skip


def read_brief(path: str | os.PathLike[str]) -> ReadBrief:
    """The brief at *path* read back; :class:`InputError` when it is missing or not a readable brief."""
    shown = os.fspath(path)
    name = brief_format(path)
    data = read_limited(shown, MAX_BRIEF_BYTES, kind="brief")
    try:
        if name == "pdf":
            from briefgen.verify.read_pdf import read_pdf

            return read_pdf(data)
        if name == "docx":
            from briefgen.verify.read_docx import read_docx

            return read_docx(data)
        from briefgen.verify.read_markdown import read_markdown

        return read_markdown(data)
    except InputError as exc:
        raise InputError(exc.reason, shown) from None
