"""Security promises, checked: no network except an explicit URL import, data-only templates and projects,
no code from data, and only http, https and mailto links in briefs."""

from __future__ import annotations

import re
import socket
from pathlib import Path
from typing import Any

import pytest

from briefgen.build import build_brief

REPO = Path(__file__).resolve().parents[2]
PACKAGE = sorted((REPO / "briefgen").rglob("*.py"))
"""Every module, the app included."""
NETWORK_MODULES = {"briefgen/ingest/url.py", "briefgen/batch/dask_runner.py"}
"""The URL importer (an explicit address from the user) and the Dask executor (an explicit scheduler address)."""


class NetworkUsedError(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise NetworkUsedError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.mark.parametrize("fmt", ["pdf", "docx", "md"])
def test_building_a_brief_touches_no_network(no_network: None, samples_dir: Path, tmp_path: Path, fmt: str) -> None:
    result = build_brief(sorted(str(p) for p in samples_dir.iterdir()), output=tmp_path / f"brief.{fmt}")
    assert result.brief.sentences()


def test_reading_every_format_touches_no_network(no_network: None, tmp_path: Path) -> None:
    from briefgen.ingest import read_source
    from tests.ingest.readers.builders import docx_bytes, html_page, pdf_bytes, sample_doc

    files = {
        "page.html": html_page(sample_doc()).encode(),
        "doc.docx": docx_bytes(sample_doc()),
        "doc.pdf": pdf_bytes(sample_doc()),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        assert read_source(str(tmp_path / name)).articles


def test_only_the_url_importer_may_open_connections() -> None:
    pattern = re.compile(r"urlopen|requests\.|http\.client|socket\.|urllib3|nltk\.download|QtNetwork|distributed")
    found = {str(p.relative_to(REPO)) for p in PACKAGE if pattern.search(p.read_text(encoding="utf-8"))}
    assert "briefgen/ingest/url.py" in found, "the scan finds nothing: it is broken"
    assert found <= NETWORK_MODULES, sorted(found - NETWORK_MODULES)
    assert any(p.parts[-2] == "gui" for p in PACKAGE), "the app's modules are scanned too"


def test_no_code_is_ever_run_from_data() -> None:
    pattern = re.compile(r"\bpickle\b|(?<![.\w])eval\(|(?<![.\w])exec\(|\bmarshal\b|yaml\.load\(|\.format_map\(")
    offenders = [
        str(p.relative_to(REPO))
        for p in (REPO / "briefgen").rglob("*.py")
        if pattern.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_links_in_briefs_are_limited_to_safe_schemes() -> None:
    from briefgen.render.common import safe_link  # the one place links are checked

    assert safe_link("https://example.org/a") == "https://example.org/a"
    assert safe_link("http://example.org") == "http://example.org"
    assert safe_link("mailto:desk@example.org") == "mailto:desk@example.org"
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "data:text/html,x", "ftp://x.org", "  JAVASCRIPT:x"):
        assert safe_link(bad) is None
