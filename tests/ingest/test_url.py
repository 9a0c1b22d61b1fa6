"""Web addresses, served by a local HTTP server on 127.0.0.1 (never the internet).

The server is on this computer, so these tests fetch with local addresses allowed; the refusals are in
``test_url_safety.py``.
"""

from __future__ import annotations

import gzip
import json
import socket
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler

import pytest

from briefgen.cli.main import main
from briefgen.errors import InputError
from briefgen.ingest import read_source
from briefgen.ingest.url import MAX_REDIRECTS, fetch_url
from briefgen.ingest.url_options import UrlFetchOptions, using_url_options
from tests.ingest.local_http import no_proxies, page, redirect, send, serving
from tests.ingest.readers.builders import COMMENT, LOREM, docx_bytes, html_page, pdf_bytes, sample_doc

PAGE = html_page(sample_doc()).encode("utf-8")
PAGE_WITHOUT_CANONICAL = html_page(sample_doc()).replace('<link rel="canonical"', '<link rel="x"').encode()
LOCAL = UrlFetchOptions(allow_local_urls=True)


def _huge_stream(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Connection", "close")
    handler.end_headers()
    for _ in range(64):
        handler.wfile.write(b" " * 65536)


def _slow(handler: BaseHTTPRequestHandler) -> None:
    time.sleep(2)
    send(handler, 200, PAGE)


ROUTES = {
    "/article": page(PAGE),
    "/no-canonical": page(PAGE_WITHOUT_CANONICAL),
    "/gzip": page(gzip.compress(PAGE), Content_Encoding="gzip"),
    "/gzip-bomb": page(gzip.compress(b" " * (8 << 20)), Content_Encoding="gzip"),
    "/redirect": redirect("/article"),
    "/to-file": redirect("file:///etc/passwd"),
    "/to-ftp": redirect("ftp://127.0.0.1/x.html"),
    "/image": page(b"\x89PNG\r\n", "image/png"),
    "/doc.pdf": page(pdf_bytes(sample_doc()), "application/pdf"),
    "/doc.docx": page(
        docx_bytes(sample_doc()), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    ),
    "/download": page(pdf_bytes(sample_doc()), "application/octet-stream"),
    "/huge-declared": page(b"<html>", length=str(10**9)),
    "/huge-stream": _huge_stream,
    "/slow": _slow,
    **{f"/chain/{n}": redirect(f"/chain/{n + 1}") for n in range(10)},
}


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    no_proxies(monkeypatch)
    with serving(ROUTES) as local:
        yield local.url


def test_fetch_returns_the_page_and_its_type(server: str) -> None:
    fetched = fetch_url(server + "/article", LOCAL)
    assert (fetched.data, fetched.content_type, fetched.format) == (PAGE, "text/html", "html")


def test_compressed_page_is_inflated(server: str) -> None:
    assert fetch_url(server + "/gzip", LOCAL).data == PAGE


def test_redirects_are_followed_but_limited(server: str) -> None:
    assert fetch_url(server + "/redirect", LOCAL).data == PAGE
    with pytest.raises(InputError) as info:
        fetch_url(server + "/chain/0", LOCAL)
    assert "too many redirects" in info.value.reason
    assert MAX_REDIRECTS == 5


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/x.html", "javascript:alert(1)", "http://"])
def test_only_http_and_https_addresses(url: str) -> None:
    with pytest.raises(InputError) as info:
        fetch_url(url, LOCAL)
    assert info.value.path == url
    assert "root:" not in str(info.value)


@pytest.mark.parametrize("path", ["/to-file", "/to-ftp"])
def test_redirect_to_another_scheme_is_refused(server: str, path: str) -> None:
    with pytest.raises(InputError) as info:
        fetch_url(server + path, LOCAL)
    assert "only http and https" in info.value.reason
    assert info.value.reason.startswith("redirects to")


def test_other_content_types_are_refused(server: str) -> None:
    with pytest.raises(InputError) as info:
        fetch_url(server + "/image", LOCAL)
    assert "image/png" in info.value.reason


@pytest.mark.parametrize(("path", "fmt"), [("/doc.pdf", "pdf"), ("/doc.docx", "docx"), ("/download", "pdf")])
def test_pdf_and_word_links_are_read_by_content_type(server: str, path: str, fmt: str) -> None:
    with using_url_options(LOCAL):
        source = read_source(server + path)
    assert source.format == fmt
    assert LOREM.split(". ")[0] + "." in [s.text for a in source.articles for s in a.sentences]


def test_http_errors_are_named(server: str) -> None:
    with pytest.raises(InputError) as info:
        fetch_url(server + "/missing", LOCAL)
    assert "404" in info.value.reason


@pytest.mark.parametrize(("path", "limit"), [("/huge-declared", 20 << 20), ("/huge-stream", 1 << 20)])
def test_size_cap_declared_and_streamed(server: str, path: str, limit: int) -> None:
    with pytest.raises(InputError) as info:
        fetch_url(server + path, UrlFetchOptions(allow_local_urls=True, max_bytes=limit))
    assert "too large" in info.value.reason


def test_time_out(server: str) -> None:
    with pytest.raises(InputError) as info:
        fetch_url(server + "/slow", UrlFetchOptions(allow_local_urls=True, timeout=0.3))
    assert "within 0.3 seconds" in info.value.reason


def test_nothing_listening() -> None:
    with pytest.raises(InputError) as info:
        fetch_url("http://127.0.0.1:9/article", UrlFetchOptions(allow_local_urls=True, timeout=2))
    assert info.value.path == "http://127.0.0.1:9/article"
    assert "refused the connection" in info.value.reason


def test_read_source_from_a_web_address(server: str) -> None:
    url = server + "/article"
    source = read_source(url, url_options=LOCAL)
    assert source.path == url
    assert source.format == "html"
    [article] = source.articles
    assert article.metadata.url == "https://news.example.org/eastmouth/barrier"  # the page's canonical address
    assert article.metadata.author == "Alex Morgan"
    assert LOREM.split(". ")[0] + "." in [s.text for s in article.sentences]
    assert not any(COMMENT in s.text for s in article.sentences)


def test_fetched_address_is_the_url_when_the_page_names_none(server: str) -> None:
    url = server + "/no-canonical"
    assert read_source(url, url_options=LOCAL).articles[0].metadata.url == url


def test_inspect_json_with_a_web_address(server: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", "--json", "--allow-local-urls", server + "/article"]) == 0
    out = json.loads(capsys.readouterr().out)
    [source] = out["sources"]
    assert source["format"] == "html"
    article = source["articles"][0]
    assert (article["title"], article["publisher"], article["date"]) == (
        "Flood barrier holds as storm passes",
        "The Eastmouth Gazette",
        "2017-08-12",
    )


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A TCP port on 127.0.0.1 that accepts connections and never says anything."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    try:
        yield int(listener.getsockname()[1])
    finally:
        listener.close()


def test_a_tls_handshake_that_never_ends_is_cut_off_at_the_deadline(silent_port: int) -> None:
    started = time.monotonic()
    with pytest.raises(InputError) as info:
        fetch_url(f"https://127.0.0.1:{silent_port}/", UrlFetchOptions(allow_local_urls=True, timeout=0.8))
    assert "within 0.8 seconds" in info.value.reason
    assert time.monotonic() - started < 2.0


def test_https_to_a_plain_http_server_fails_cleanly(server: str) -> None:
    with pytest.raises(InputError) as info:
        fetch_url(server.replace("http://", "https://") + "/article", LOCAL)
    assert "the secure connection failed" in info.value.reason
