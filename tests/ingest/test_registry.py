"""Which reader reads which file (:mod:`briefgen.ingest.registry`): by extension, by content when the extension
says nothing or lies, and new formats by registration."""

from __future__ import annotations

import pytest

from briefgen.ingest import registry
from briefgen.ingest.blocks import RawDocument
from briefgen.ingest.registry import READERS, detect_format, format_named, supported_extensions
from briefgen.model import Metadata
from briefgen.registry import Registry


def test_the_extension_decides_unless_the_bytes_are_a_pdf_or_a_zip() -> None:
    assert detect_format("notes/A.MD", b"# Title").name == "markdown"
    assert detect_format("page.htm", b"plain words").name == "html"
    assert detect_format("report.txt", b"%PDF-1.7 ...").name == "pdf"
    assert detect_format("no-extension", b"<!DOCTYPE html><html>").name == "html"
    assert detect_format("no-extension", b"just words").name == "text"
    assert {".txt", ".md", ".html", ".docx", ".pdf"} <= set(supported_extensions())


def test_readers_are_imported_on_first_use() -> None:
    reader = format_named("markdown").load()
    assert reader.__module__ == "briefgen.ingest.readers.markdown_reader"


def test_a_registered_format_is_found_by_its_extension(monkeypatch: pytest.MonkeyPatch) -> None:
    fresh: Registry[registry.Reader] = Registry(READERS.kind)
    for entry in READERS.entries():
        fresh.register(entry.name, entry.target, suffixes=entry.suffixes, description=entry.description)
    monkeypatch.setattr(registry, "READERS", fresh)

    def read_epub(data: bytes, path: str) -> RawDocument:
        return RawDocument("epub", (), Metadata(title=path))

    registry.register_format("epub", read_epub, (".epub",), "E-book")
    spec = detect_format("book.EPUB", b"PK\x03\x04")
    assert spec.name == "epub" and spec.load() is read_epub
    assert ".epub" in registry.supported_extensions()
