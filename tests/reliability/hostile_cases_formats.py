"""Hostile sources read by ``briefgen inspect``: web pages, Word, PDF, special files and paths.

Web addresses (loopback and private hosts, redirects, trickling servers, credentials in URLs, gzip bodies) are
tested against a local server in ``tests/ingest/test_url_safety.py`` and are not repeated here.
"""

from __future__ import annotations

import io
import os
import socket
from collections.abc import Callable
from pathlib import Path

from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen.canvas import Canvas

from tests.ingest.readers.builders import docx_bytes, pdf_bytes, sample_doc
from tests.ingest.readers.hostile_builders import (
    GIB,
    billion_laughs,
    deflate_of_spaces,
    external_entity,
    flate_bomb_stream,
    hand_made_pdf,
    replace_member,
    zip_with_raw_member,
)
from tests.reliability.hostile_model import ACCEPTED, PROSE, REFUSED, Case, Run, inspect, secret
from tests.reliability.hostile_model import text_has as has

SAMPLE_DOC_WORDS = "Work starts in March."
"""A sentence of ``sample_doc()``'s text."""
_DOCX_BODY = (
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    "<w:p><w:r><w:t>Text &xxe; here &lol9;</w:t></w:r></w:p></w:body></w:document>"
)


def _encrypted_pdf(_: Path) -> bytes:
    buf = io.BytesIO()
    canvas = Canvas(buf, encrypt=StandardEncryption("user-pw", "owner-pw"))
    canvas.drawString(72, 720, PROSE)
    canvas.save()
    return buf.getvalue()


def _zip_bomb_docx(_: Path) -> bytes:
    raw, crc = deflate_of_spaces(1024)
    return zip_with_raw_member(docx_bytes(sample_doc()), "word/document.xml", raw, crc, GIB)


def _repetitive_docx(_: Path) -> bytes:
    """A real report that repeats one table row thousands of times: it compresses a few hundred times over."""
    row = "<w:p><w:r><w:t>The quarterly figures were unchanged across every district in the region.</w:t></w:r></w:p>"
    body = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        f"<w:p><w:r><w:t>{PROSE}</w:t></w:r></w:p>{row * 40_000}</w:body></w:document>"
    )
    return replace_member(docx_bytes(sample_doc()), "word/document.xml", body.encode())


def _special(kind: str, name: str) -> Callable[[Path], Run]:
    """A setup making *name* a FIFO, a link to a device, or a socket, then inspecting it."""

    def setup(folder: Path) -> Run:
        path = folder / name
        if kind == "fifo":
            os.mkfifo(path)
        elif kind == "socket":
            sock = socket.socket(socket.AF_UNIX)
            sock.bind(str(path))
            sock.close()
        else:
            path.symlink_to(kind)
        return Run(["inspect", "--json", name])

    return setup


def _loop(folder: Path) -> Run:
    (folder / "a.txt").symlink_to("b.txt")
    (folder / "b.txt").symlink_to("a.txt")
    return Run(["inspect", "--json", "a.txt"])


FORMAT_CASES: tuple[Case, ...] = (
    # web pages
    Case(
        "HTML entity-expansion bomb",
        REFUSED,
        "a web page never needs its own entity declarations; they are refused before parsing",
        inspect(
            "bomb.html", lambda _: billion_laughs("html", f"<html><body><p>{PROSE} &lol9;</p></body></html>").encode()
        ),
        "bomb.html",
        "entities",
    ),
    Case(
        "HTML external entity",
        REFUSED,
        "entity declarations can read local files: refused, the file is not read",
        inspect(
            "xxe.html",
            lambda d: external_entity(
                "html", secret(d).as_uri(), f"<html><body><p>{PROSE} &xxe;</p></body></html>"
            ).encode(),
        ),
        "xxe.html",
        "entities",
    ),
    Case(
        "HTML nested 20,000 deep",
        REFUSED,
        "deeper than the HTML parser's nesting limit: the page is refused, never read in part",
        inspect("nested.html", lambda _: b"<div>" * 20_000 + PROSE.encode() + b"</div>" * 20_000),
        "nested.html",
        "no article text",
    ),
    # Word
    Case(
        "truncated Word file",
        REFUSED,
        "a cut zip",
        inspect("cut.docx", lambda _: docx_bytes(sample_doc())[:1500]),
        "cut.docx",
    ),
    Case(
        "Word zip bomb (1 GiB)",
        REFUSED,
        "expands to 1 GiB: refused before inflating",
        inspect("bomb.docx", _zip_bomb_docx),
        "bomb.docx",
        cost=2,
    ),
    Case(
        "Word external entity",
        REFUSED,
        "a DTD in a Word part is never legitimate: refused, the local file is not read",
        inspect(
            "xxe.docx",
            lambda d: replace_member(
                docx_bytes(sample_doc()),
                "word/document.xml",
                external_entity("w:document", secret(d).as_uri(), _DOCX_BODY).encode(),
            ),
        ),
        "xxe.docx",
    ),
    Case(
        "Word entity-expansion bomb",
        REFUSED,
        "a DTD in a Word part is never legitimate",
        inspect(
            "laughs.docx",
            lambda _: replace_member(
                docx_bytes(sample_doc()), "word/document.xml", billion_laughs("w:document", _DOCX_BODY).encode()
            ),
        ),
        "laughs.docx",
    ),
    Case(
        "repetitive but legitimate Word file",
        ACCEPTED,
        "compresses hundreds of times over yet expands to a few MB: judged by its expanded size, read",
        inspect("repetitive.docx", _repetitive_docx),
        check=has("Libraries will close", "quarterly figures were unchanged"),
        needs="zip-bomb guard by absolute size",
        cost=3,
    ),
    # PDF
    Case("encrypted PDF", REFUSED, "no password", inspect("locked.pdf", _encrypted_pdf), "locked.pdf", "encrypted"),
    Case(
        "truncated PDF", REFUSED, "a cut file", inspect("cut.pdf", lambda _: pdf_bytes(sample_doc())[:600]), "cut.pdf"
    ),
    Case(
        "fake PDF",
        REFUSED,
        "a header and garbage",
        inspect("fake.pdf", lambda _: b"%PDF-1.7\n" + b"garbage " * 500),
        "fake.pdf",
    ),
    Case(
        "PDF compression bomb",
        REFUSED,
        "a page stream inflating to 512 MiB: refused by the inflated-size limit",
        inspect("bomb.pdf", lambda _: hand_made_pdf(flate_bomb_stream(512), content_filter=b"/Filter /FlateDecode")),
        "bomb.pdf",
        cost=3,
    ),
    Case(
        "PDF with a cyclic page tree",
        REFUSED,
        "a page tree that contains itself has no pages",
        inspect("cycle.pdf", lambda _: hand_made_pdf(b"BT /F1 12 Tf 72 720 Td (Hi) Tj ET", kids=b"[2 0 R]")),
        "cycle.pdf",
    ),
    # special files and paths
    Case(
        "a FIFO as a source",
        REFUSED,
        "reading a FIFO blocks forever: refused by a stat check",
        _special("fifo", "pipe.txt"),
        "pipe.txt",
        "regular file",
        needs="special files",
    ),
    Case(
        "a link to /dev/zero as a source",
        REFUSED,
        "an endless device",
        _special("/dev/zero", "zero.txt"),
        "zero.txt",
        "regular file",
        needs="special files",
    ),
    Case(
        "a link to /dev/null as a source",
        REFUSED,
        "a device, not a file",
        _special("/dev/null", "null.txt"),
        "null.txt",
        "regular file",
        needs="special files",
    ),
    Case(
        "a socket as a source",
        REFUSED,
        "not a file",
        _special("socket", "sock.txt"),
        "sock.txt",
        "regular file",
        needs="special files",
    ),
    Case(
        "a symbolic-link loop as a source", REFUSED, "no file at the end of the links", _loop, "a.txt", "symbolic link"
    ),
    Case(
        "a missing source",
        REFUSED,
        "nothing there",
        lambda _: Run(["inspect", "--json", "ghost.txt"]),
        "ghost.txt",
        "no such file",
    ),
)
