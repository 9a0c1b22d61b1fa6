"""Fetching a web page for "inspect https://…" and "Add from URL": the one place briefgen opens a connection.

http and https only (redirects too, at most :data:`MAX_REDIRECTS`), a time-out per network operation and an
overall deadline, a size cap checked against ``Content-Length`` and again while reading, web pages only
(``text/html``, ``application/xhtml+xml``). Compressed answers are inflated within the same cap. Every failure is
an :class:`~briefgen.errors.InputError` naming the address.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from email.message import Message
from typing import IO

from briefgen import __version__
from briefgen.errors import InputError

DEFAULT_TIMEOUT = 20.0
"""Seconds any one network operation may take; the whole fetch may take three times as long."""
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
MAX_REDIRECTS = 5
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_CHUNK = 64 * 1024


def fetch_url(url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[bytes, str]:
    """Download the web page at *url*: ``(body bytes, content type)``; raises :class:`InputError`."""
    _check_address(url, url)
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": f"briefgen/{__version__} (article import)",
            "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
            "Accept-Encoding": "gzip, deflate",
        },
    )
    opener = urllib.request.build_opener(_LimitedRedirects(url))
    deadline = time.monotonic() + 3 * timeout
    try:
        with opener.open(request, timeout=timeout) as response:
            content_type = _content_type(response.headers, url)
            declared = response.headers.get("Content-Length")
            if declared and declared.strip().isdigit() and int(declared) > max_bytes:
                raise InputError(f"the page is too large ({_mb(int(declared))}; the limit is {_mb(max_bytes)})", url)
            body = _read_capped(response, max_bytes, deadline, url)
            encoding = (response.headers.get("Content-Encoding") or "identity").strip().lower()
    except InputError:
        raise
    except urllib.error.HTTPError as exc:
        if 300 <= exc.code < 400:
            raise InputError(f"too many redirects (more than {MAX_REDIRECTS}) or a redirect loop", url) from None
        raise InputError(f"the server answered {exc.code} {exc.reason}", url) from None
    except urllib.error.URLError as exc:
        raise InputError(_network_reason(exc.reason, timeout), url) from None
    except TimeoutError:
        raise InputError(f"the server did not answer within {timeout:g} seconds", url) from None
    except (OSError, http.client.HTTPException, ValueError) as exc:
        raise InputError(_network_reason(exc, timeout), url) from None
    return _inflate(body, encoding, max_bytes, url), content_type


class _LimitedRedirects(urllib.request.HTTPRedirectHandler):
    """Follow at most :data:`MAX_REDIRECTS` redirects, and only to http or https addresses."""

    max_redirections = MAX_REDIRECTS

    def __init__(self, shown: str) -> None:
        super().__init__()
        self._shown = shown

    def http_error_302(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
    ) -> object:
        location = headers.get("Location") or headers.get("URI")
        if location:  # checked here so that the message is ours, not urllib's
            _check_address(urllib.parse.urljoin(req.full_url, location), self._shown, redirected=True)
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _check_address(url: str, shown: str, *, redirected: bool = False) -> None:
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        raise InputError("is not a valid web address", shown) from None
    where = "redirects to" if redirected else "is"
    if parts.scheme.lower() not in ("http", "https"):
        raise InputError(f"{where} a {parts.scheme or 'relative'}: address; only http and https are fetched", shown)
    if not parts.hostname:
        raise InputError("is not a valid web address (no host name)", shown)


def _content_type(headers: Message, url: str) -> str:
    value = headers.get_content_type() if headers.get("Content-Type") else "text/html"
    if value not in _HTML_TYPES:
        raise InputError(f"is not a web page (the server sent {value}); download it and add the file instead", url)
    return value


def _read_capped(response: IO[bytes], max_bytes: int, deadline: float, url: str) -> bytes:
    chunks: list[bytes] = []
    total = 0
    read1 = getattr(response, "read1", response.read)
    while True:
        chunk = read1(_CHUNK)
        if not chunk:
            break
        total += len(chunk)
        if total > max_bytes:
            raise InputError(f"the page is too large (more than {_mb(max_bytes)})", url)
        if time.monotonic() > deadline:
            raise InputError("the page took too long to download", url)
        chunks.append(chunk)
    return b"".join(chunks)


def _inflate(body: bytes, encoding: str, max_bytes: int, url: str) -> bytes:
    if encoding in ("identity", ""):
        return body
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise InputError(f"the server sent the page in an unsupported encoding ({encoding})", url)
    wbits = zlib.MAX_WBITS | 32 if encoding != "deflate" else zlib.MAX_WBITS
    try:
        inflater = zlib.decompressobj(wbits)
        out = inflater.decompress(body, max_bytes + 1)
    except zlib.error:
        if encoding != "deflate":
            raise InputError("the server sent a damaged compressed page", url) from None
        try:  # some servers send raw deflate data without the zlib header
            inflater = zlib.decompressobj(-zlib.MAX_WBITS)
            out = inflater.decompress(body, max_bytes + 1)
        except zlib.error:
            raise InputError("the server sent a damaged compressed page", url) from None
    if len(out) > max_bytes or inflater.unconsumed_tail:
        raise InputError(f"the page is too large once decompressed (more than {_mb(max_bytes)})", url)
    return out


def _network_reason(reason: object, timeout: float) -> str:
    if isinstance(reason, TimeoutError):
        return f"the server did not answer within {timeout:g} seconds"
    if isinstance(reason, ssl.SSLError):
        return f"the secure connection failed ({reason.reason or reason})"
    if isinstance(reason, socket.gaierror):
        return "cannot find the server (check the address and the network connection)"
    if isinstance(reason, ConnectionRefusedError):
        return "the server refused the connection"
    text = str(reason).strip() or type(reason).__name__
    return f"cannot fetch the page ({text})"


def _mb(n: int) -> str:
    return f"{n / 1048576:.1f} MB"
