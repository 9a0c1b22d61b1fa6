"""Each format carries the brief's provenance where a reader of the brief does not see it."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
from markdown_it import MarkdownIt
from pypdf import PdfReader

from briefgen.provenance import ATTACHMENT_NAME, parse_provenance, provenance_of
from tests.verify.conftest import build


def _leaks(text: str, digests: list[str]) -> list[str]:
    """Traces of provenance in *text*: its name, its JSON keys, a source hash, a base64 line."""
    found = [word for word in ("briefgen-provenance", "sha256", '"citations"') if word in text]
    found += [d for d in digests if d in text or d[:16] in text]
    found += re.findall(r"[A-Za-z0-9+/]{60,}", text)
    return found


def test_pdf_provenance_is_an_attachment_and_on_no_page(tmp_path: Path) -> None:
    built = build(tmp_path, "pdf")
    reader = PdfReader(built.path)
    assert parse_provenance(reader.attachments[ATTACHMENT_NAME][0]) == provenance_of(built.brief)
    digests = [e.digest for e in built.brief.sources]
    page_text = "\n".join(page.extract_text() for page in reader.pages)
    assert built.brief.sentences()[0].text[:40] in " ".join(page_text.split())  # the page text was read
    assert _leaks(page_text, digests) == []
    subtypes = [a.get_object().get("/Subtype") for page in reader.pages for a in page.get("/Annots", None) or []]
    assert "/FileAttachment" not in subtypes  # no paperclip on a page


def test_docx_provenance_is_a_custom_xml_part_outside_the_text(tmp_path: Path) -> None:
    built = build(tmp_path, "docx")
    with zipfile.ZipFile(built.path) as z:
        parts = {n: z.read(n) for n in z.namelist() if n.startswith("customXml/item") and "Props" not in n}
        rels = z.read("word/_rels/document.xml.rels").decode()
        body = z.read("word/document.xml").decode()
    ours = [n for n, data in parts.items() if b"urn:briefgen:provenance" in data]
    assert len(ours) == 1 and f"../{ours[0]}" in rels
    document = docx.Document(str(built.path))
    texts = [p.text for p in document.paragraphs]
    texts += [c.text for t in document.tables for row in t.rows for c in row.cells]
    for section in document.sections:
        texts += [p.text for p in section.header.paragraphs] + [p.text for p in section.footer.paragraphs]
    assert built.brief.sentences()[0].text[:40] in "\n".join(texts)
    assert _leaks("\n".join(texts), [e.digest for e in built.brief.sources]) == []
    assert "sha256" not in body
    props = document.core_properties
    assert "sha256" not in f"{props.comments} {props.keywords} {props.subject}"


def test_markdown_provenance_is_a_trailing_comment_that_viewers_do_not_show(tmp_path: Path) -> None:
    built = build(tmp_path, "md")
    text = built.path.read_text(encoding="utf-8")
    assert re.search(r"\n\n<!-- briefgen-provenance\n[A-Za-z0-9+/=\n]+\n-->\n\Z", text)
    tokens = MarkdownIt("commonmark").parse(text)
    assert tokens[-1].type == "html_block" and tokens[-1].content.startswith("<!-- briefgen-provenance")
    html = MarkdownIt("commonmark").render(text)
    shown = re.sub(r"<!--.*?-->", "", html, flags=re.S)  # what a browser shows: comments are not
    shown = re.sub(r"<[^>]+>", " ", shown)
    assert built.brief.sentences()[0].text[:40] in " ".join(shown.split()).replace("&#x27;", "'")
    assert _leaks(shown, [e.digest for e in built.brief.sources]) == []
