"""Which reader handles which file: by extension first, by content sniffing for files without one.

Readers live in :data:`READERS` (a :class:`~briefgen.registry.Registry`) and are imported on first use so that
the command line and the app start fast. A new input format is one module in :mod:`briefgen.ingest.readers`
and one :func:`register_format` call below.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath

from briefgen.errors import InputError
from briefgen.ingest.blocks import RawDocument
from briefgen.registry import Entry, Registry

Reader = Callable[[bytes, str], RawDocument]
"""``reader(data, shown_path) -> RawDocument``; raises :class:`InputError` for bad input."""

FormatSpec = Entry[Reader]
"""A registered input format: ``name``, ``suffixes``, ``description``, and ``load()`` for its reader."""

READERS: Registry[Reader] = Registry("input format")


def register_format(name: str, reader: Reader | str, extensions: tuple[str, ...], description: str) -> None:
    """Read files with these *extensions* (and content sniffed as *name*) with *reader*, a function or a
    ``"package.module:function"`` spec."""
    READERS.register(name, reader, suffixes=extensions, description=description)


def formats() -> tuple[FormatSpec, ...]:
    return READERS.entries()


def format_named(name: str) -> FormatSpec:
    return READERS.entry(name)


def supported_extensions() -> tuple[str, ...]:
    return READERS.suffixes()


def sniff_format(data: bytes) -> str:
    """Guess a format from the first bytes of a file."""
    head = data[:2048].lstrip()
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    low = head[:512].lower()
    if low.startswith((b"<!doctype html", b"<html")) or b"<html" in low or b"<body" in low:
        return "html"
    return "text"


def detect_format(path: str, data: bytes) -> FormatSpec:
    """The format of *data* read from *path*: its extension when known, else sniffed from content."""
    spec = READERS.for_path(path)
    if spec is not None:
        sniffed = sniff_format(data)
        # a PDF or zip named .txt is still a PDF or zip
        if spec.name in {"text", "markdown"} and sniffed in {"pdf", "docx"} and sniffed in READERS:
            return READERS.entry(sniffed)
        return spec
    name = sniff_format(data)
    if name in READERS:
        return READERS.entry(name)
    raise InputError(f"unsupported file type {PurePath(path).suffix.lower()!r}", path)


register_format("text", "briefgen.ingest.readers.text_reader:read_text", (".txt", ".text"), "Plain text")
register_format("markdown", "briefgen.ingest.readers.markdown_reader:read_markdown", (".md", ".markdown"), "Markdown")
register_format("html", "briefgen.ingest.readers.html_reader:read_html", (".html", ".htm", ".xhtml"), "Web page")
register_format("docx", "briefgen.ingest.readers.docx_reader:read_docx", (".docx",), "Word document")
register_format("pdf", "briefgen.ingest.readers.pdf_reader:read_pdf", (".pdf",), "PDF")
