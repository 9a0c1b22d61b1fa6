"""Which reader handles which file: by extension first, by content sniffing for files without one.

Readers are imported lazily so that the command line and the app start fast.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath

from briefgen.errors import InputError
from briefgen.ingest.blocks import RawDocument

Reader = Callable[[bytes, str], RawDocument]
"""``reader(data, shown_path) -> RawDocument``; raises :class:`InputError` for bad input."""


@dataclass(frozen=True, slots=True)
class FormatSpec:
    name: str
    extensions: tuple[str, ...]
    reader_ref: str
    """``"package.module:function"``, imported on first use."""
    description: str

    def reader(self) -> Reader:
        module_name, _, func = self.reader_ref.partition(":")
        module = importlib.import_module(module_name)
        fn: Reader = getattr(module, func)
        return fn


_FORMATS: dict[str, FormatSpec] = {}


def register_format(spec: FormatSpec) -> None:
    _FORMATS[spec.name] = spec


def formats() -> tuple[FormatSpec, ...]:
    return tuple(_FORMATS.values())


def format_named(name: str) -> FormatSpec:
    return _FORMATS[name]


def supported_extensions() -> tuple[str, ...]:
    return tuple(ext for spec in _FORMATS.values() for ext in spec.extensions)


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
    suffix = PurePath(path).suffix.lower()
    for spec in _FORMATS.values():
        if suffix in spec.extensions:
            sniffed = sniff_format(data)
            # a PDF or zip named .txt is still a PDF or zip
            if spec.name in {"text", "markdown"} and sniffed in {"pdf", "docx"} and sniffed in _FORMATS:
                return _FORMATS[sniffed]
            return spec
    name = sniff_format(data)
    if name in _FORMATS:
        return _FORMATS[name]
    raise InputError(f"unsupported file type {suffix!r}", path)


register_format(FormatSpec("text", (".txt", ".text"), "briefgen.ingest.text_reader:read_text", "Plain text"))
register_format(
    FormatSpec("markdown", (".md", ".markdown"), "briefgen.ingest.markdown_reader:read_markdown", "Markdown")
)
register_format(
    FormatSpec("html", (".html", ".htm", ".xhtml"), "briefgen.ingest.readers.html_reader:read_html", "Web page")
)
register_format(FormatSpec("docx", (".docx",), "briefgen.ingest.readers.docx_reader:read_docx", "Word document"))
register_format(FormatSpec("pdf", (".pdf",), "briefgen.ingest.readers.pdf_reader:read_pdf", "PDF"))
