"""Web addresses, served by a local HTTP server on 127.0.0.1 (never the internet)."""

from __future__ import annotations

import gzip
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from briefgen.cli.main import main
from briefgen.errors import InputError
from briefgen.ingest import read_source
from briefgen.ingest.url import MAX_REDIRECTS, fetch_url
from tests.ingest.readers.builders import COMMENT, LOREM, html_page, sample_doc

PAGE = html_page(sample_doc()).encode("utf-8")
PAGE_WITHOUT_CANONICAL = html_page(sample_doc()).replace('<link rel="canonical"', '<link rel="x"').encode()


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass

    def _send(self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8", **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", headers.pop("length", str(len(body))))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:
        path = self.path
        if path == "/article":
            self._send(200, PAGE)
        elif path == "/no-canonical":
            self._send(200, PAGE_WITHOUT_CANONICAL)
        elif path == "/gzip":
            self._send(200, gzip.compress(PAGE), Content_Encoding="gzip")
        elif path == "/gzip-bomb":
            self._send(200, gzip.compress(b" " * (8 << 20)), Content_Encoding="gzip")
        elif path == "/redirect":
            self._redirect("/article")
        elif path.startswith("/chain/"):
            n = int(path.rsplit("/", 1)[1])
            self._redirect(f"/chain/{n + 1}")
        elif path == "/to-file":
            self._redirect("file:///etc/passwd")
        elif path == "/pdf":
            self._send(200, b"%PDF-1.4\n", "application/pdf")
        elif path == "/huge-declared":
            self._send(200, b"<html>", length=str(10**9))
        elif path == "/huge-stream":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(64):
                self.wfile.write(b" " * 65536)
        elif path == "/slow":
            time.sleep(2)
            self._send(200, PAGE)
        else:
            self._send(404, b"not here")


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    for var in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_fetch_returns_the_page_and_its_type(server: str) -> None:
    data, content_type = fetch_url(server + "/article")
    assert data == PAGE
    assert content_type == "text/html"


def test_compressed_page_is_inflated(server: str) -> None:
    data, _ = fetch_url(server + "/gzip")
    assert data == PAGE


def test_redirects_are_followed_but_limited(server: str) -> None:
    data, _ = fetch_url(server + "/redirect")
    assert data == PAGE
    with pytest.raises(InputError) as info:
        fetch_url(server + "/chain/0")
    assert "too many redirects" in info.value.reason
    assert MAX_REDIRECTS == 5


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/x.html", "javascript:alert(1)", "http://"])
def test_only_http_and_https_addresses(url: str) -> None:
    with pytest.raises(InputError) as info:
        fetch_url(url)
    assert info.value.path == url
    assert "root:" not in str(info.value)


def test_redirect_to_a_local_file_is_refused(server: str) -> None:
    with pytest.raises(InputError) as info:
        fetch_url(server + "/to-file")
    assert "only http and https" in info.value.reason


def test_not_a_web_page(server: str) -> None:
    with pytest.raises(InputError) as info:
        fetch_url(server + "/pdf")
    assert "application/pdf" in info.value.reason


def test_http_errors_are_named(server: str) -> None:
    with pytest.raises(InputError) as info:
        fetch_url(server + "/missing")
    assert "404" in info.value.reason


def test_size_cap_declared_streamed_and_compressed(server: str) -> None:
    for path, limit in (("/huge-declared", 20 << 20), ("/huge-stream", 1 << 20), ("/gzip-bomb", 1 << 20)):
        with pytest.raises(InputError) as info:
            fetch_url(server + path, max_bytes=limit)
        assert "too large" in info.value.reason, path


def test_time_out(server: str) -> None:
    with pytest.raises(InputError) as info:
        fetch_url(server + "/slow", timeout=0.3)
    assert "did not answer" in info.value.reason


def test_nothing_listening() -> None:
    with pytest.raises(InputError) as info:
        fetch_url("http://127.0.0.1:9/article", timeout=2)
    assert info.value.path == "http://127.0.0.1:9/article"


def test_read_source_from_a_web_address(server: str) -> None:
    url = server + "/article"
    source = read_source(url)
    assert source.path == url
    assert source.format == "html"
    [article] = source.articles
    assert article.metadata.url == "https://news.example.org/eastmouth/barrier"  # the page's canonical address
    assert article.metadata.author == "Alex Morgan"
    assert LOREM.split(". ")[0] + "." in [s.text for s in article.sentences]
    assert not any(COMMENT in s.text for s in article.sentences)


def test_fetched_address_is_the_url_when_the_page_names_none(server: str) -> None:
    url = server + "/no-canonical"
    assert read_source(url).articles[0].metadata.url == url


def test_inspect_json_with_a_web_address(server: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", "--json", server + "/article"]) == 0
    out = json.loads(capsys.readouterr().out)
    [source] = out["sources"]
    assert source["format"] == "html"
    article = source["articles"][0]
    assert (article["title"], article["publisher"], article["date"]) == (
        "Flood barrier holds as storm passes",
        "The Eastmouth Gazette",
        "2017-08-12",
    )
