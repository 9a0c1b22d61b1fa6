"""What a fetched page is and how its body is unpacked: the reader chosen by content type, and decompression
with a size cap.

Web pages, PDF and Word documents (and plain text or Markdown) are accepted by the ``Content-Type`` the server
sends; a generic binary type is judged by the bytes and the address's extension. A compressed body (gzip, including
several gzip members one after the other, or deflate) is inflated piece by piece and refused as soon as it grows
past the cap, so a small compressed answer cannot expand into memory.
"""

from __future__ import annotations

import zlib
from email.message import Message
from urllib.parse import urlsplit

from briefgen.errors import InputError
from briefgen.ingest.registry import detect_format, sniff_format

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_FORMAT_OF_TYPE = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/pdf": "pdf",
    "application/x-pdf": "pdf",
    DOCX_TYPE: "docx",
    "text/plain": "text",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
}
_GENERIC_TYPES = frozenset(
    {"application/octet-stream", "binary/octet-stream", "application/download", "application/x-download"}
)
ACCEPT = f"text/html,application/xhtml+xml,application/pdf,{DOCX_TYPE};q=0.9,text/plain;q=0.5,*/*;q=0.1"


def declared_format(headers: Message, shown: str) -> str | None:
    """The format the ``Content-Type`` names (``"html"``, ``"pdf"``...), ``None`` when it is generic or missing
    (then :func:`body_format` decides from the bytes); refuses any other type."""
    if not headers.get("Content-Type"):
        return None
    content_type = headers.get_content_type()
    if content_type in _GENERIC_TYPES:
        return None
    fmt = _FORMAT_OF_TYPE.get(content_type)
    if fmt is None:
        raise InputError(
            f"is not a web page, PDF or Word document (the server sent {content_type}); "
            "download it and add the file instead",
            shown,
        )
    return fmt


def body_format(declared: str | None, data: bytes, url: str) -> str:
    """The reader for *data*: the declared format, except that PDF or Word bytes sent as text are read as what
    they are; without a declared format, the bytes and the address's extension decide."""
    sniffed = sniff_format(data)
    if declared is None:
        return detect_format(urlsplit(url).path, data).name
    if declared in ("html", "text", "markdown") and sniffed in ("pdf", "docx"):
        return sniffed
    return declared


class CappedInflater:
    """Undo a ``Content-Encoding`` (identity, gzip, x-gzip, deflate) piece by piece, never producing more than
    *limit* bytes in all."""

    def __init__(self, encoding: str, limit: int, shown: str) -> None:
        encoding = encoding.strip().lower() or "identity"
        if encoding not in ("identity", "gzip", "x-gzip", "deflate"):
            raise InputError(f"the server sent the page in an unsupported encoding ({encoding})", shown)
        self.encoding = encoding
        self._limit = limit
        self._shown = shown
        self._produced = 0
        self._inflater: zlib._Decompress | None = None
        self._started = False

    def feed(self, data: bytes) -> bytes:
        """The plain bytes that *data* (the next piece of the body) stands for."""
        if self.encoding == "identity":
            return self._count(data)
        parts: list[bytes] = []
        try:
            while data:
                if self._inflater is None or self._inflater.eof:
                    data = self._next_member(data)
                    if not data:
                        break
                assert self._inflater is not None
                piece = self._inflater.decompress(data, self._limit - self._produced + 1)
                parts.append(self._count(piece))
                data = self._inflater.unused_data if self._inflater.eof else self._inflater.unconsumed_tail
        except zlib.error:
            raise InputError("the server sent a damaged compressed page", self._shown) from None
        return b"".join(parts)

    def finish(self) -> None:
        """Check that the compressed data was complete."""
        if self.encoding != "identity" and (self._inflater is None or not self._inflater.eof):
            raise InputError("the server sent an incomplete compressed page", self._shown)

    def _next_member(self, data: bytes) -> bytes:
        """Start the next compressed stream: the first one, or another gzip member after the previous one (the
        gzip format allows several; all are read). Zero padding after the last member is ignored."""
        if self._started:
            if self.encoding == "deflate":
                raise InputError("the server sent data after the end of the compressed page", self._shown)
            data = data.lstrip(b"\x00")
            if not data:
                return data
        if self.encoding == "deflate":
            # zlib-wrapped as the standard says, or raw deflate as some servers send it
            wrapped = len(data) >= 2 and data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0
            self._inflater = zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)
        else:
            self._inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
        self._started = True
        return data

    def _count(self, piece: bytes) -> bytes:
        self._produced += len(piece)
        if self._produced > self._limit:
            what = "once decompressed " if self.encoding != "identity" else ""
            raise InputError(f"the page is too large {what}(more than {mb(self._limit)})", self._shown)
        return piece


def mb(n: int) -> str:
    return f"{n / 1048576:.1f} MB"
