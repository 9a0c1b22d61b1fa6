"""Fetching a web address for "inspect https://…" and "Add from URL": the one place briefgen opens a connection.

- http and https only, redirects too (at most :data:`MAX_REDIRECTS`), each hop checked like the first;
- the host is resolved once per connection and every address it resolves to is checked against the
  :class:`~briefgen.ingest.url_address.AddressPolicy` (no loopback, private, link-local... unless allowed); the
  socket then connects to an address that was checked, so a name that resolves differently a second time (DNS
  rebinding) cannot slip past; TLS still verifies the certificate for the name;
- one deadline for the whole exchange: resolving, connecting, TLS, headers and body, whatever the server does
  (every read waits at most for the time left);
- a size cap checked against ``Content-Length``, on the bytes received and on the bytes once decompressed;
- web pages, PDF and Word documents, accepted by content type (:mod:`briefgen.ingest.url_body`);
- credentials in the address (``user:password@``) are sent to that server only and never shown.

Every failure is an :class:`~briefgen.errors.InputError` naming the address without its credentials.
"""

from __future__ import annotations

import base64
import http.client
import ipaddress
import socket
import ssl
import threading
import time
import urllib.parse
from dataclasses import dataclass
from typing import Any

from briefgen import __version__
from briefgen.errors import InputError
from briefgen.ingest.url_address import IPAddress, Target, display_url, parse_target
from briefgen.ingest.url_body import ACCEPT, CappedInflater, body_format, declared_format, mb
from briefgen.ingest.url_options import Resolver, UrlFetchOptions, current_url_options

MAX_REDIRECTS = 5
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class FetchedDocument:
    data: bytes
    format: str
    """The reader to use: ``"html"``, ``"pdf"``, ``"docx"``, ``"text"`` or ``"markdown"``."""
    content_type: str
    shown: str
    """The address as given, without credentials: for messages, the source's path and its citation."""


class _DeadlinePassedError(TimeoutError):
    pass


class Deadline:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._end = time.monotonic() + seconds

    def remaining(self) -> float:
        """Seconds left; raises :class:`TimeoutError` when none are."""
        left = self._end - time.monotonic()
        if left <= 0:
            raise _DeadlinePassedError("deadline passed")
        return left


class _DeadlineSocket(socket.socket):
    """A socket whose every read and write waits at most until the deadline."""

    deadline: Deadline

    def recv_into(self, buffer: Any, nbytes: int = 0, flags: int = 0, /) -> int:
        self.settimeout(self.deadline.remaining())
        return super().recv_into(buffer, nbytes, flags)

    def recv(self, bufsize: int, flags: int = 0, /) -> bytes:
        self.settimeout(self.deadline.remaining())
        return super().recv(bufsize, flags)

    def sendall(self, data: Any, flags: int = 0, /) -> None:
        self.settimeout(self.deadline.remaining())
        super().sendall(data, flags)


class _DeadlineSSLSocket(ssl.SSLSocket):
    """The TLS counterpart of :class:`_DeadlineSocket` (made by :func:`_tls_context`)."""

    deadline: Deadline

    def recv_into(self, buffer: Any, nbytes: int | None = None, flags: int = 0) -> int:
        self.settimeout(self.deadline.remaining())
        return super().recv_into(buffer, nbytes, flags)

    def recv(self, buflen: int = 1024, flags: int = 0) -> bytes:
        self.settimeout(self.deadline.remaining())
        return super().recv(buflen, flags)

    def sendall(self, data: Any, flags: int = 0) -> None:
        self.settimeout(self.deadline.remaining())
        super().sendall(data, flags)


class _Exchange:
    """What every connection of one fetch shares: the deadline, the address policy and the resolver."""

    def __init__(self, options: UrlFetchOptions, shown: str) -> None:
        self.deadline = Deadline(options.timeout)
        self.policy = options.address_policy()
        self.resolver = options.resolver
        self.shown = shown
        self.redirected = False

    def open_socket(self, host: str, port: int) -> socket.socket:
        """A socket connected to *host* at an address the policy allows (all of them are checked first)."""
        addresses = self._checked_addresses(host, port)
        error: OSError = ConnectionRefusedError("no address to connect to")
        for address in addresses:
            family = socket.AF_INET6 if address.version == 6 else socket.AF_INET
            sock = _DeadlineSocket(family, socket.SOCK_STREAM)
            sock.deadline = self.deadline
            try:
                sock.settimeout(self.deadline.remaining())
                sock.connect((str(address), port))
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            except OSError as exc:
                sock.close()
                if isinstance(exc, TimeoutError):
                    raise
                error = exc
                continue
            return sock
        raise error

    def _checked_addresses(self, host: str, port: int) -> list[IPAddress]:
        literal = _ip_or_none(host)
        if literal is None:
            refused = self.policy.name_refusal(host)
            if refused:
                raise self._refused(host, refused)
            addresses = [_ip_or_none(a) for a in self._resolve(host, port)]
            found = [a for a in addresses if a is not None]
            if not found:
                raise socket.gaierror(socket.EAI_NONAME, "no address")
        else:
            found = [literal]
        for address in found:
            refused = self.policy.refusal(address, port)
            if refused:
                raise self._refused(host if literal is not None else f"{host} (resolved to {address})", refused)
        return found

    def _refused(self, where: str, what: str) -> InputError:
        said = f"it redirects to {where}, which is" if self.redirected else f"{where} is"
        return InputError(f"refused: {said} {what}", self.shown)

    def _resolve(self, host: str, port: int) -> list[str]:
        """Resolve in a helper thread so that a resolver that hangs cannot outlast the deadline."""
        resolver: Resolver = self.resolver or _system_resolver
        answer: list[str] = []
        failure: list[BaseException] = []

        def work() -> None:
            try:
                answer.extend(resolver(host, port))
            except BaseException as exc:  # handed to the caller's thread
                failure.append(exc)

        thread = threading.Thread(target=work, name="briefgen-resolve", daemon=True)
        thread.start()
        thread.join(self.deadline.remaining())
        if thread.is_alive():
            raise _DeadlinePassedError("resolving took too long")
        if failure:
            raise failure[0]
        return answer


def _system_resolver(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


def _ip_or_none(text: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return None


class _HTTPConnection(http.client.HTTPConnection):
    def __init__(self, target: Target, exchange: _Exchange) -> None:
        super().__init__(target.host, target.port, timeout=exchange.deadline.remaining())
        self._exchange = exchange

    def connect(self) -> None:
        self.sock = self._exchange.open_socket(self.host, self.port)


class _HTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, target: Target, exchange: _Exchange) -> None:
        self._tls = _tls_context()
        super().__init__(target.host, target.port, timeout=exchange.deadline.remaining(), context=self._tls)
        self._exchange = exchange

    def connect(self) -> None:
        raw = self._exchange.open_socket(self.host, self.port)
        try:
            # the certificate is checked for the name (SNI and Host stay the name, not the address)
            tls = self._tls.wrap_socket(raw, server_hostname=self.host, do_handshake_on_connect=False)
        except BaseException:
            raw.close()
            raise
        assert isinstance(tls, _DeadlineSSLSocket)
        tls.deadline = self._exchange.deadline
        tls.settimeout(self._exchange.deadline.remaining())
        try:
            tls.do_handshake()
        except BaseException:
            tls.close()
            raise
        self.sock = tls


def _tls_context() -> ssl.SSLContext:
    context = ssl.create_default_context()
    context.sslsocket_class = _DeadlineSSLSocket
    return context


def fetch_url(url: str, options: UrlFetchOptions | None = None) -> FetchedDocument:
    """Download the web page, PDF or Word document at *url*; raises :class:`InputError` naming it."""
    opts = options if options is not None else current_url_options()
    shown = display_url(url)
    first = parse_target(url, shown)
    exchange = _Exchange(opts, shown)
    try:
        return _follow(first, exchange, opts.max_bytes)
    except InputError:
        raise
    except TimeoutError:
        raise InputError(
            f"the server did not send the whole page within {opts.timeout:g} seconds (the time limit for a download)",
            shown,
        ) from None
    except (OSError, http.client.HTTPException, ValueError) as exc:
        raise InputError(_network_reason(exc), shown) from None


def _follow(first: Target, exchange: _Exchange, max_bytes: int) -> FetchedDocument:
    target = first
    for _hop in range(MAX_REDIRECTS + 1):
        connection: http.client.HTTPConnection = (
            _HTTPSConnection(target, exchange) if target.scheme == "https" else _HTTPConnection(target, exchange)
        )
        exchange.redirected = target is not first
        try:
            _send_request(connection, target, first)
            response = connection.getresponse()
            if response.status in _REDIRECTS:
                location = response.getheader("Location")
                if not location:
                    raise InputError(f"the server answered {response.status} without saying where to", exchange.shown)
                target = parse_target(
                    urllib.parse.urljoin(target.url, location.strip()), exchange.shown, redirected=True
                )
                continue
            if not 200 <= response.status < 300:
                reason = (response.reason or "").strip()[:200]
                raise InputError(f"the server answered {response.status} {reason}".rstrip(), exchange.shown)
            declared = declared_format(response.msg, exchange.shown)
            data = _read_body(response, max_bytes, exchange.shown)
            content_type = response.msg.get_content_type() if response.getheader("Content-Type") else ""
            return FetchedDocument(data, body_format(declared, data, target.url), content_type, exchange.shown)
        finally:
            connection.close()
    raise InputError(f"too many redirects (more than {MAX_REDIRECTS}) or a redirect loop", exchange.shown)


def _send_request(connection: http.client.HTTPConnection, target: Target, first: Target) -> None:
    headers = {
        "User-Agent": f"briefgen/{__version__} (article import)",
        "Accept": ACCEPT,
        "Accept-Encoding": "gzip, deflate",
        "Connection": "close",
    }
    # credentials go to the server they were given for, never to another one a redirect names
    credentials = first if target.origin == first.origin else target
    if credentials.username is not None:
        pair = f"{credentials.username}:{credentials.password or ''}".encode()
        headers["Authorization"] = "Basic " + base64.b64encode(pair).decode("ascii")
    connection.request("GET", target.path, headers=headers)


def _read_body(response: http.client.HTTPResponse, max_bytes: int, shown: str) -> bytes:
    declared = response.getheader("Content-Length")
    if declared and declared.strip().isdigit() and int(declared) > max_bytes:
        raise InputError(f"the page is too large ({mb(int(declared))}; the limit is {mb(max_bytes)})", shown)
    inflater = CappedInflater(response.getheader("Content-Encoding") or "identity", max_bytes, shown)
    parts: list[bytes] = []
    received = 0
    while True:
        chunk = response.read1(_CHUNK)
        if not chunk:
            break
        received += len(chunk)
        if received > max_bytes:
            raise InputError(f"the page is too large (more than {mb(max_bytes)})", shown)
        parts.append(inflater.feed(chunk))
    inflater.finish()
    return b"".join(parts)


def _network_reason(reason: BaseException) -> str:
    if isinstance(reason, ssl.SSLError):
        return f"the secure connection failed ({reason.reason or reason})"
    if isinstance(reason, socket.gaierror):
        return "cannot find the server (check the address and the network connection)"
    if isinstance(reason, ConnectionRefusedError):
        return "the server refused the connection"
    if isinstance(reason, http.client.HTTPException):
        return f"the server sent an invalid answer ({type(reason).__name__}: {str(reason)[:200]})"
    text = str(reason).strip()[:200] or type(reason).__name__
    return f"cannot fetch the page ({text})"
