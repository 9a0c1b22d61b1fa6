"""Only http, https and mailto addresses become clickable, in every output and in the app's preview, whatever
a source's metadata or an edited citation says; anything else stays plain text."""

from __future__ import annotations

import dataclasses
import io
import re

import pytest
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from markdown_it import MarkdownIt
from pypdf import PdfReader

from briefgen.brief import Brief
from briefgen.render.brief_html import brief_to_html
from briefgen.render.common import safe_link, split_urls
from briefgen.render.registry import render_bytes
from briefgen.templates.style import RenderStyle
from tests.render.conftest import make_sample

HOSTILE = (
    "javascript:alert(1)",
    "JaVaScRiPt:alert(2)",
    "  javascript:alert(3)",
    "\x01javascript:alert(4)",
    "\tjava\tscript:alert(5)",
    "file:///etc/passwd",
    "FILE:///C:/Windows/win.ini",
    "data:text/html;base64,PHNjcmlwdD4=",
    "vbscript:msgbox(6)",
    "//evil.example/protocol-relative",
    "../relative/evil.html",
    "https://evil.example/\u202egpj.exe",
    "https://evil\u200b.example/zero-width",
    "http:\\\\evil.example\\backslash",
)
ALLOWED = ("https://ok.example/a?b=1&c=2", "http://ok.example/plain", "mailto:desk@ok.example")
SAFE_PREFIXES = ("http://", "https://", "mailto:")


@pytest.mark.parametrize("url", [*HOSTILE, "http:///no-host", "mailto:", "ftp://ok.example/x", ""])
def test_the_policy_refuses(url: str) -> None:
    assert safe_link(url) is None


@pytest.mark.parametrize("url", [*ALLOWED, "HTTPS://OK.EXAMPLE/UPPER", " https://ok.example/spaced "])
def test_the_policy_allows(url: str) -> None:
    assert safe_link(url) == url.strip()


def test_trailing_punctuation_is_trimmed_in_linear_time() -> None:
    runs = split_urls("see https://ok.example/a_(b)). then" + "." * 200_000 + ")" * 100_000)
    assert runs[1] == ("https://ok.example/a_(b)", "https://ok.example/a_(b)")
    assert split_urls("x https://ok.example" + "." * 200_000)[1][1] == "https://ok.example"


def hostile_brief(citation_style: str) -> Brief:
    """Source entries whose metadata URL and edited citation text hold hostile targets, plus allowed ones."""
    brief = make_sample(citation_style).brief
    entries = list(brief.sources)
    for i, entry in enumerate(entries):
        evil = HOSTILE[i % len(HOSTILE)]
        metadata = dataclasses.replace(entry.metadata, url=evil)
        others = " ".join(HOSTILE[(i + k) % len(HOSTILE)] for k in range(1, len(HOSTILE)))
        formatted = f"Entry {i}. {evil} {others} {ALLOWED[i % len(ALLOWED)]}."
        entries[i] = dataclasses.replace(entry, metadata=metadata, formatted=formatted)
    return dataclasses.replace(brief, sources=tuple(entries))


def assert_only_allowed(targets: list[str], shown_in: str) -> None:
    assert targets, f"no links at all in the {shown_in}"
    assert all(t.startswith(SAFE_PREFIXES) for t in targets), targets
    assert not [t for t in targets if "evil" in t], targets
    assert set(ALLOWED) <= set(targets), f"an allowed link is missing from the {shown_in}"


@pytest.mark.parametrize("citation_style", ["numeric", "footnotes"])
def test_pdf_link_annotations(style: RenderStyle, citation_style: str) -> None:
    reader = PdfReader(io.BytesIO(render_bytes(hostile_brief(citation_style), style, "pdf")))
    targets, kinds = [], set()
    for page in reader.pages:
        for annot in page.get("/Annots", []) or []:
            action = annot.get_object().get("/A")
            if action is not None:
                kinds.add(str(action.get("/S")))
                if action.get("/S") == "/URI":
                    targets.append(str(action["/URI"]))
    assert kinds <= {"/URI", "/GoTo"}  # no /JavaScript, /Launch, /GoToR, /SubmitForm...
    assert_only_allowed(targets, "PDF")
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "javascript:alert(1)" in text and "vbscript:msgbox(6)" in text  # shown as plain text


@pytest.mark.parametrize("citation_style", ["numeric", "footnotes"])
def test_docx_hyperlink_relationships(style: RenderStyle, citation_style: str) -> None:
    document = Document(io.BytesIO(render_bytes(hostile_brief(citation_style), style, "docx")))
    targets: list[str] = []
    for part in document.part.package.iter_parts():
        for rel in part.rels.values():
            if rel.is_external:
                assert rel.reltype == RT.HYPERLINK
                targets.append(rel.target_ref)
    assert_only_allowed(targets, "Word document")
    text = "\n".join(p.text for p in document.paragraphs)
    if citation_style == "numeric":
        assert "javascript:alert(1)" in text and "file:///etc/passwd" in text  # shown as plain text


class _EveryLink(MarkdownIt):
    """A CommonMark parser that makes every link it reads (markdown-it would itself drop hostile ones)."""

    def validateLink(self, url: str) -> bool:  # noqa: N802 - markdown-it's name
        return True


@pytest.mark.parametrize("citation_style", ["numeric", "footnotes"])
def test_markdown_links(style: RenderStyle, citation_style: str) -> None:
    markdown = render_bytes(hostile_brief(citation_style), style, "md").decode("utf-8")
    html = _EveryLink("commonmark").render(markdown)
    targets = [t for t in re.findall(r'href="([^"]*)"', html) if not t.startswith("#")]
    assert_only_allowed([t.replace("&amp;", "&") for t in targets], "Markdown")
    assert "javascript:alert(1)" in html  # shown as plain text


@pytest.mark.parametrize("citation_style", ["numeric", "footnotes"])
def test_app_preview_links(citation_style: str) -> None:
    html = brief_to_html(hostile_brief(citation_style))
    targets = re.findall(r"href='([^']*)'", html)
    internal = [t for t in targets if re.match(r"[sc]:", t)]
    assert internal  # the preview's own sentence and marker links
    assert_only_allowed([t.replace("&amp;", "&") for t in targets if t not in internal], "preview")
    assert "javascript:alert(1)" in html
