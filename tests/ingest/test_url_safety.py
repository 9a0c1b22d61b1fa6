"""URL import cannot be turned against the user: local addresses refused in every spelling, on redirects and at
connect time; one deadline for the whole exchange; size caps after decompression; credentials never shown.

Every server here runs on 127.0.0.1. To test a redirect from a "public" page without the internet, the address
policy is injected: one loopback server (the "public" one, by port) is allowed, everything else is judged by the
real rules, which refuse loopback.
"""

from __future__ import annotations

import gzip
import ipaddress
import socket
import time
import zlib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest

from briefgen.cli.main import main
from briefgen.errors import InputError
from briefgen.ingest import load_sources, read_source
from briefgen.ingest.url import fetch_url
from briefgen.ingest.url_address import AddressPolicy, IPAddress, classify
from briefgen.ingest.url_options import UrlFetchOptions, set_default_url_options
from tests.ingest.local_http import LocalServer, no_proxies, page, redirect, send, serving

SECRET = "SECRET-TOKEN"
SECRET_PAGE = (
    "<html><head><title>Admin</title></head><body><main><h1>Local admin page</h1>"
    f"<p>The administrator token for this machine is {SECRET} and it must never leave it.</p>"
    "<p>Only people on this network can read this page about the storage servers.</p>"
    "</main></body></html>"
).encode()
LOCAL = UrlFetchOptions(allow_local_urls=True)


class PublicPort(AddressPolicy):
    """The real rules, except that 127.0.0.1 on one port counts as a public server."""

    def __init__(self, port: int) -> None:
        super().__init__()
        self.port = port

    def refusal(self, address: IPAddress, port: int) -> str | None:
        if str(address) == "127.0.0.1" and port == self.port:
            return None
        return super().refusal(address, port)


@pytest.fixture(autouse=True)
def _default_options() -> Iterator[None]:
    """Every test starts from the shipped defaults, whatever an earlier test (or the app) set process-wide."""
    set_default_url_options(UrlFetchOptions())
    yield
    set_default_url_options(UrlFetchOptions())


@pytest.fixture
def secret(monkeypatch: pytest.MonkeyPatch) -> Iterator[LocalServer]:
    """A server with a page that must never be fetched without opting in."""
    no_proxies(monkeypatch)
    with serving({"/secret": page(SECRET_PAGE)}) as server:
        yield server


def _refused(url: str, options: UrlFetchOptions | None = None) -> InputError:
    with pytest.raises(InputError) as info:
        fetch_url(url, options)
    assert SECRET not in str(info.value)
    return info.value


# --- every spelling of this computer --------------------------------------------------------------------------

LOOPBACK_FORMS = [
    "127.0.0.1",
    "localhost",
    "LOCALHOST",
    "admin.localhost",
    "0x7f000001",
    "2130706433",
    "127.1",
    "0177.0.0.1",
    "0x7f.0.0.1",
    "0.0.0.0",
    "0",
    "127.0.0.1.",
    "[::1]",
    "[::ffff:127.0.0.1]",
    "[::ffff:7f00:1]",
    "[64:ff9b::7f00:1]",
    "[2002:7f00:1::1]",
    "[::]",
    "%31%32%37.0.0.1",
    "%6c%6f%63%61%6c%68%6f%73%74",
    "\uff11\uff12\uff17.\uff10.\uff10.\uff11",  # full-width digits: an IDN host that normalises to 127.0.0.1
    "user:pw@127.0.0.1",
]


@pytest.mark.parametrize("host", LOOPBACK_FORMS)
def test_every_spelling_of_this_computer_is_refused(secret: LocalServer, host: str) -> None:
    url = f"http://{host}:{secret.port}/secret"
    error = _refused(url)
    assert error.reason.startswith("refused: "), error.reason
    assert "--allow-local-urls" in error.reason or "unspecified" in error.reason
    assert secret.requests == []  # not even connected to


@pytest.mark.parametrize("host", ["1.2.3.4.5", "08.0.0.1", "256.0.0.1", "0x100000000", "a b", "ex%00ample.org"])
def test_malformed_hosts_are_refused_before_anything_is_resolved(host: str) -> None:
    error = _refused(f"http://{host}/", UrlFetchOptions(resolver=_no_resolving))
    assert "not a valid web address" in error.reason


def _no_resolving(host: str, port: int) -> list[str]:
    raise AssertionError(f"resolved {host}")


@pytest.mark.parametrize(
    ("address", "what", "local"),
    [
        ("127.8.9.10", "loopback", True),
        ("10.1.2.3", "private", True),
        ("172.16.5.4", "private", True),
        ("192.168.1.1", "private", True),
        ("169.254.169.254", "link-local", True),
        ("100.64.0.1", "carrier-grade NAT", True),
        ("100.127.255.254", "carrier-grade NAT", True),
        ("224.0.0.1", "multicast", False),
        ("239.255.255.250", "multicast", False),
        ("240.0.0.1", "reserved", False),
        ("255.255.255.255", "reserved", False),
        ("192.0.2.1", "reserved", False),
        ("0.0.0.0", "unspecified", False),
        ("::1", "loopback", True),
        ("fd00::1", "private", True),
        ("fe80::1", "link-local", True),
        ("ff02::1", "multicast", False),
        ("::", "unspecified", False),
        ("2001:db8::1", "reserved", False),
        ("::ffff:10.0.0.1", "private", True),
        ("::ffff:169.254.169.254", "link-local", True),
        ("64:ff9b::a00:1", "private", True),
        ("2002:c0a8:101::1", "private", True),
        ("::127.0.0.1", "reserved", False),
    ],
)
def test_address_classes(address: str, what: str, local: bool) -> None:
    ip = ipaddress.ip_address(address)
    described, is_local = classify(ip)
    assert described is not None and what in described
    assert is_local is local
    assert AddressPolicy().refusal(ip, 80) is not None
    # the opt-in opens the user's own network, never multicast, unspecified or reserved addresses
    assert (AddressPolicy(allow_local=True).refusal(ip, 80) is None) is local


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700::1111", "::ffff:93.184.216.34"])
def test_public_addresses_are_allowed(address: str) -> None:
    assert classify(ipaddress.ip_address(address)) == (None, False)
    assert AddressPolicy().refusal(ipaddress.ip_address(address), 443) is None


def test_a_name_that_resolves_to_a_local_address_is_refused(secret: LocalServer) -> None:
    error = _refused(
        f"http://intranet.example:{secret.port}/secret", UrlFetchOptions(resolver=lambda h, p: ["10.0.0.7"])
    )
    assert "refused: intranet.example (resolved to 10.0.0.7) is a private network address" in error.reason


def test_every_address_of_a_name_is_checked(secret: LocalServer) -> None:
    """One public-looking address among the answers does not let a local one through."""
    options = UrlFetchOptions(policy=PublicPort(secret.port), resolver=lambda h, p: ["127.0.0.1", "192.168.0.1"])
    error = _refused(f"http://mixed.example:{secret.port}/secret", options)
    assert "192.168.0.1" in error.reason
    assert secret.requests == []


def test_connects_to_the_address_it_checked(secret: LocalServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """No second look-up at connect time (the DNS-rebinding gap): the name is resolved once, by the checked
    resolver, and the socket connects to that address while the request still names the host."""
    calls: list[str] = []

    def resolver(host: str, port: int) -> list[str]:
        calls.append(host)
        return ["127.0.0.1"] if len(calls) == 1 else ["10.9.9.9"]  # a rebinding answer, if asked twice

    def forbidden(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("resolved or connected outside the checked path")

    monkeypatch.setattr(socket, "getaddrinfo", forbidden)
    monkeypatch.setattr(socket, "create_connection", forbidden)
    options = UrlFetchOptions(policy=PublicPort(secret.port), resolver=resolver)
    fetched = fetch_url(f"http://rebind.example:{secret.port}/secret", options)
    assert SECRET.encode() in fetched.data
    assert calls == ["rebind.example"]
    assert secret.requests[0][1]["host"] == f"rebind.example:{secret.port}"


# --- redirects -------------------------------------------------------------------------------------------------


@pytest.fixture
def public(secret: LocalServer) -> Iterator[LocalServer]:
    """A "public" server (by the injected policy) that redirects to the secret one in several spellings."""
    routes = {
        "/to-loopback": redirect(f"http://127.0.0.1:{secret.port}/secret"),
        "/to-hex": redirect(f"http://0x7f000001:{secret.port}/secret"),
        "/to-mapped": redirect(f"http://[::ffff:127.0.0.1]:{secret.port}/secret"),
        "/to-localhost": redirect(f"http://localhost:{secret.port}/secret"),
        "/to-metadata": redirect("http://169.254.169.254/latest/meta-data/"),
        "/to-file": redirect("file:///etc/passwd"),
        "/hop": redirect("/to-loopback"),
        "/fine": page(b"<html><body><main><p>A public page about the weather in the north.</p></main></body></html>"),
        "/to-fine": redirect("/fine"),
    }
    with serving(routes) as server:
        yield server


@pytest.mark.parametrize("path", ["/to-loopback", "/to-hex", "/to-mapped", "/to-localhost", "/to-metadata", "/hop"])
def test_redirect_to_a_local_address_is_refused(public: LocalServer, secret: LocalServer, path: str) -> None:
    url = public.url + path
    error = _refused(url, UrlFetchOptions(policy=PublicPort(public.port)))
    assert error.path == url
    assert error.reason.startswith("refused: it redirects to ")
    assert public.requests[0][0] == path  # the public page was fetched...
    assert secret.requests == []  # ...and the redirect to the local one refused before connecting


def test_the_injected_policy_lets_the_public_server_through(public: LocalServer) -> None:
    """The control for the test above: the same policy fetches a page that redirects within the public server."""
    fetched = fetch_url(public.url + "/to-fine", UrlFetchOptions(policy=PublicPort(public.port)))
    assert b"weather in the north" in fetched.data


def test_redirect_to_a_file_is_refused_even_with_local_addresses_allowed(public: LocalServer) -> None:
    error = _refused(public.url + "/to-file", LOCAL)
    assert "only http and https" in error.reason


def test_the_opt_in_also_governs_redirects(public: LocalServer, secret: LocalServer) -> None:
    fetched = fetch_url(public.url + "/to-hex", LOCAL)
    assert SECRET.encode() in fetched.data
    assert len(secret.requests) == 1


# --- the opt-in ------------------------------------------------------------------------------------------------


def test_the_command_line_refuses_local_pages_by_default(
    secret: LocalServer, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"http://127.0.0.1:{secret.port}/secret"
    assert main(["inspect", "--json", url]) == 2
    captured = capsys.readouterr()
    assert SECRET not in captured.out + captured.err
    assert "refused: 127.0.0.1 is a loopback address" in captured.err
    assert secret.requests == []


def test_allow_local_urls_fetches_the_page_into_the_brief(
    secret: LocalServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"http://127.0.0.1:{secret.port}/secret"
    out = tmp_path / "brief.md"
    assert main(["build", url, "-o", str(out), "--sentences", "3", "--allow-local-urls"]) == 0
    assert SECRET in out.read_text(encoding="utf-8")
    assert main(["inspect", "--allow-local-urls", url]) == 0
    assert "Local admin page" in capsys.readouterr().out


def test_the_engine_option_for_the_app(secret: LocalServer) -> None:
    url = f"http://127.0.0.1:{secret.port}/secret"
    assert load_sources([url]).errors  # refused by default
    loaded = load_sources([url], url_options=UrlFetchOptions(allow_local_urls=True))
    assert not loaded.errors
    assert SECRET in loaded.corpus.sources[0].articles[0].sections[0].text
    try:
        set_default_url_options(UrlFetchOptions(allow_local_urls=True))  # the app's preference, process-wide
        assert read_source(url).articles
    finally:
        set_default_url_options(UrlFetchOptions())
    assert load_sources([url]).errors


# --- one deadline for the whole exchange ---------------------------------------------------------------------


def _trickle(raw: bytes, pause: float) -> Any:
    def route(handler: BaseHTTPRequestHandler) -> None:
        for byte in raw:
            handler.wfile.write(bytes([byte]))
            handler.wfile.flush()
            time.sleep(pause)
        handler.close_connection = True

    return route


TRICKLED_HEADERS = b"HTTP/1.1 200 OK\r\n" + b"X-Padding: " + b"a" * 200 + b"\r\n\r\n"
TRICKLED_BODY = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + b"<p>" + b"x" * 200


@pytest.mark.parametrize("raw", [TRICKLED_HEADERS, TRICKLED_BODY], ids=["headers", "body"])
def test_a_trickling_server_is_cut_off_at_the_deadline(monkeypatch: pytest.MonkeyPatch, raw: bytes) -> None:
    """One byte every 0.1 s never trips a per-read time-out; only a deadline for the whole exchange stops it."""
    no_proxies(monkeypatch)
    with serving({"/": _trickle(raw, 0.1)}) as server:
        started = time.monotonic()
        error = _refused(server.url + "/", UrlFetchOptions(allow_local_urls=True, timeout=1.5))
        elapsed = time.monotonic() - started
    assert "within 1.5 seconds" in error.reason
    assert elapsed < 1.5 + 1.0


def test_a_hanging_name_lookup_is_cut_off_at_the_deadline() -> None:
    def hangs(host: str, port: int) -> list[str]:
        time.sleep(5)
        return ["93.184.216.34"]

    started = time.monotonic()
    error = _refused("http://slow-dns.example/", UrlFetchOptions(timeout=0.5, resolver=hangs))
    assert "within 0.5 seconds" in error.reason
    assert time.monotonic() - started < 1.5


# --- compressed bodies ------------------------------------------------------------------------------------------

PART_ONE = b"<html><body><main><p>The first half of the page talks about rivers.</p>"
PART_TWO = b"<p>The second half of the page talks about mountains.</p></main></body></html>"


@pytest.fixture
def packed(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    no_proxies(monkeypatch)
    bomb = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS)
    deflate_bomb = bomb.compress(b" " * (8 << 20)) + bomb.flush()
    routes = {
        "/two-members": page(gzip.compress(PART_ONE) + gzip.compress(PART_TWO), Content_Encoding="gzip"),
        "/many-members": page(b"".join(gzip.compress(b" " * (256 << 10)) for _ in range(8)), Content_Encoding="gzip"),
        "/gzip-bomb": page(gzip.compress(b" " * (8 << 20)), Content_Encoding="gzip"),
        "/deflate-bomb": page(deflate_bomb, Content_Encoding="deflate"),
        "/raw-deflate": page(zlib.compress(PART_ONE)[2:-4], Content_Encoding="deflate"),
        "/truncated": page(gzip.compress(PART_ONE + PART_TWO)[:-12], Content_Encoding="gzip"),
        "/brotli": page(b"\x0b\x02\x80hello\x03", Content_Encoding="br"),
    }
    with serving(routes) as server:
        yield server.url


def test_every_gzip_member_is_read(packed: str) -> None:
    assert fetch_url(packed + "/two-members", LOCAL).data == PART_ONE + PART_TWO


def test_raw_deflate_is_read(packed: str) -> None:
    assert fetch_url(packed + "/raw-deflate", LOCAL).data == PART_ONE


@pytest.mark.parametrize("path", ["/gzip-bomb", "/deflate-bomb", "/many-members"])
def test_the_size_cap_holds_after_decompression(packed: str, path: str) -> None:
    error = _refused(packed + path, UrlFetchOptions(allow_local_urls=True, max_bytes=1 << 20))
    assert "too large once decompressed (more than 1.0 MB)" in error.reason


@pytest.mark.parametrize(("path", "reason"), [("/truncated", "incomplete"), ("/brotli", "unsupported encoding (br)")])
def test_damaged_or_unknown_compression_is_refused(packed: str, path: str, reason: str) -> None:
    assert reason in _refused(packed + path, LOCAL).reason


# --- credentials and server text in messages ---------------------------------------------------------------------


@pytest.fixture
def talkative(monkeypatch: pytest.MonkeyPatch) -> Iterator[LocalServer]:
    no_proxies(monkeypatch)

    def escape_reason(handler: BaseHTTPRequestHandler) -> None:
        send(handler, 500, b"", reason="Oops\x1b]0;owned\x07\x1b[2J")

    with serving({"/secret": page(SECRET_PAGE), "/escape": escape_reason}) as server:
        server.routes["/elsewhere"] = redirect(f"http://localhost:{server.port}/secret")
        yield server


def test_credentials_are_sent_but_never_shown(talkative: LocalServer, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"http://alice:s3cr3t-pw@127.0.0.1:{talkative.port}"
    source = read_source(url + "/secret", url_options=LOCAL)
    assert talkative.requests[0][1]["authorization"].startswith("Basic ")
    assert "s3cr3t" not in source.path and "alice" not in source.path
    assert "s3cr3t" not in (source.articles[0].metadata.url or "")
    # errors, from the engine and on the command line
    assert "s3cr3t" not in str(_refused(url + "/missing", LOCAL))
    assert main(["inspect", "--allow-local-urls", url + "/missing"]) == 2
    assert main(["inspect", url + "/secret"]) == 2  # refused: loopback
    captured = capsys.readouterr()
    assert "s3cr3t" not in captured.err + captured.out
    assert f"http://127.0.0.1:{talkative.port}/missing: the server answered 404" in captured.err


def test_credentials_do_not_follow_a_redirect_to_another_server(talkative: LocalServer) -> None:
    fetch_url(f"http://alice:s3cr3t-pw@127.0.0.1:{talkative.port}/elsewhere", LOCAL)
    assert [p for p, _ in talkative.requests] == ["/elsewhere", "/secret"]
    assert "authorization" in talkative.requests[0][1]
    assert "authorization" not in talkative.requests[1][1]  # localhost is another origin than 127.0.0.1


def test_server_text_reaches_the_terminal_escaped(talkative: LocalServer, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", "--allow-local-urls", talkative.url + "/escape"]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err
    assert "the server answered 500 Oops\\x1b]0;owned\\x07\\x1b[2J" in err
    assert err.count("\n") == 1


def test_a_file_name_with_a_newline_and_an_escape_stays_on_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = tmp_path / "report\n\x1b[31mbriefgen: all good.txt"
    name.write_bytes(b"")
    assert main(["inspect", str(name)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "\x1b" not in err
    assert "report\\n\\x1b[31mbriefgen: all good.txt" in err
