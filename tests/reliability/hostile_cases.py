"""The hostile-input suite: files generated at test time that every reader and loader must answer sanely.

Each case is a file (or files) plus the command that reads it; the expectation is either a clear refusal (exit 2,
one line naming the file) or a correct result (exit 0). Nothing here is downloaded.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
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

SECRET = "TOP-SECRET-c0ffee-42"
ERROR = "error"
OK = "ok"
EITHER = "either"

PROSE = (
    "The council approved the budget on Tuesday after a long debate. Libraries will close on Mondays from April. "
    "The bus subsidy will be reviewed again in the autumn."
)
_DOCX_BODY = (
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    "<w:p><w:r><w:t>Text &xxe; here &lol9;</w:t></w:r></w:p></w:body></w:document>"
)


@dataclass(frozen=True)
class Case:
    name: str
    filename: str
    make: Callable[[Path], bytes]
    """Returns the file's bytes; may also write helper files (a secret) into the folder it is given."""
    expect: str
    command: str = "inspect"
    """``inspect`` (any reader), ``template`` (templates import), ``project`` (build --project)."""
    message: str = ""
    """A word the error line must contain (lower case)."""
    warning: str = ""
    """For a case that is read after telling the user: a word the warning line on stderr must contain."""


def _secret(folder: Path) -> Path:
    path = folder / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


def _big_text(mb: int) -> bytes:
    para = (PROSE + "\n\n").encode()
    return para * (mb * 1024 * 1024 // len(para) + 1)


def _encrypted_pdf(_: Path) -> bytes:
    buf = io.BytesIO()
    canvas = Canvas(buf, encrypt=StandardEncryption("user-pw", "owner-pw"))
    canvas.drawString(72, 720, PROSE)
    canvas.save()
    return buf.getvalue()


def _zip_bomb_docx(_: Path) -> bytes:
    raw, crc = deflate_of_spaces(1024)
    return zip_with_raw_member(docx_bytes(sample_doc()), "word/document.xml", raw, crc, GIB)


def _template(**changes: object) -> Callable[[Path], bytes]:
    def make(_: Path) -> bytes:
        repo = Path(__file__).resolve().parents[2]
        data = json.loads((repo / "resources" / "templates" / "policy-brief.json").read_text(encoding="utf-8"))
        data["name"] = "hostile-test"
        for dotted, value in changes.items():
            node = data
            keys = dotted.split("__")
            for key in keys[:-1]:
                node = node[key]
            if value is _DELETE:
                del node[keys[-1]]
            else:
                node[keys[-1]] = value
        return json.dumps(data).encode()

    return make


_DELETE = object()


def _project_document(source: Path, stored_path: str, **fields: object) -> bytes:
    """A project file naming one source (stored as *stored_path*), with *fields* changed or deleted."""
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    data: dict[str, object] = {
        "format": "briefgen-project",
        "schema": 1,
        "sources": [{"path": stored_path, "sha256": digest, "id": digest[:8]}],
        "selection": None,
        "pins": [],
        "excludes": [],
        "metadata": {},
        "template": "policy-brief",
        "budget": {"sentences": 3},
        "algorithm": "default",
        "output_format": "pdf",
    }
    for key, value in fields.items():
        if value is _DELETE:
            data.pop(key, None)
        else:
            data[key] = value
    return json.dumps(data).encode()


def _project(**fields: object) -> Callable[[Path], bytes]:
    def make(folder: Path) -> bytes:
        source = folder / "source.txt"
        source.write_text(f"A Title\n\n{PROSE}\n", encoding="utf-8")
        return _project_document(source, "source.txt", **fields)

    return make


def _project_escaping(folder: Path) -> bytes:
    return _project_document(_secret(folder.parent), "../secret.txt")


def _deep_json(_: Path) -> bytes:
    return b'{"schema_version": 1, "name": "deep", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"


CASES: tuple[Case, ...] = (
    # plain text
    Case("zero-byte text", "empty.txt", lambda _: b"", ERROR, message="empty"),
    Case("white space only", "blank.txt", lambda _: b" \n\t\n\xc2\xa0\n", ERROR),
    Case("binary data named .txt", "blob.txt", lambda _: bytes(range(256)) * 64, ERROR, message="binary"),
    Case("undecodable bytes", "bad.txt", lambda _: b"\x81\x8d\x8f\x90\x9d" * 400, ERROR),
    Case("truncated UTF-16", "half.txt", lambda _: "Hello world. ".encode("utf-16")[:-1], EITHER),
    Case("control characters", "ctrl.txt", lambda _: ("A title\n\n" + "\x07\x1b".join([PROSE] * 20)).encode(), OK),
    Case("right-to-left and emoji", "rtl.txt", lambda _: ("\u05e9\u05dc\u05d5\u05dd \U0001f600. " * 500).encode(), OK),
    Case("markup-looking text", "markup.txt", lambda _: ("<b>not bold</b> & <5% costs > $3m. " * 200).encode(), OK),
    Case("one line of a million characters", "line.txt", lambda _: b"word " * 200_000, OK),
    Case("30,000 tiny paragraphs", "tiny.txt", lambda _: b"\n\n".join(b"Line %d." % i for i in range(30_000)), OK),
    Case("huge text (20 MB)", "huge.txt", lambda _: _big_text(20), OK),
    Case("over the size limit (70 MB)", "giant.txt", lambda _: _big_text(70), ERROR, message="too large"),
    Case("deeply nested Markdown", "deep.md", lambda _: (">" * 5000 + " quote\n\n- " * 1 + PROSE).encode(), EITHER),
    # wrong extensions
    Case("PDF named .txt", "really-pdf.txt", lambda _: pdf_bytes(sample_doc()), OK),
    Case("text named .pdf", "not.pdf", lambda _: PROSE.encode(), ERROR),
    Case("zip of nothing named .docx", "nothing.docx", lambda _: _empty_zip(), ERROR),
    Case("text named .docx", "not.docx", lambda _: PROSE.encode(), ERROR),
    Case("Word file named .html", "word.html", lambda _: docx_bytes(sample_doc()), EITHER),
    # web pages
    Case(
        "HTML entity-expansion bomb",
        "bomb.html",
        lambda _: billion_laughs("html", "<html><body><p>&lol9;</p></body></html>").encode(),
        EITHER,
    ),
    Case(
        "HTML external entity",
        "xxe.html",
        lambda d: external_entity(
            "html", _secret(d).as_uri(), f"<html><body><p>{PROSE} &xxe;</p></body></html>"
        ).encode(),
        EITHER,
    ),
    Case(
        "HTML nested 20,000 deep",
        "nested.html",
        lambda _: b"<div>" * 20_000 + PROSE.encode() + b"</div>" * 20_000,
        EITHER,
    ),
    # Word
    Case("truncated Word file", "cut.docx", lambda _: docx_bytes(sample_doc())[:1500], ERROR),
    Case("Word zip bomb (1 GiB)", "bomb.docx", _zip_bomb_docx, ERROR),
    Case(
        "Word external entity",
        "xxe.docx",
        lambda d: replace_member(
            docx_bytes(sample_doc()),
            "word/document.xml",
            external_entity("w:document", _secret(d).as_uri(), _DOCX_BODY).encode(),
        ),
        EITHER,
    ),
    Case(
        "Word entity-expansion bomb",
        "laughs.docx",
        lambda _: replace_member(
            docx_bytes(sample_doc()), "word/document.xml", billion_laughs("w:document", _DOCX_BODY).encode()
        ),
        ERROR,
    ),
    # PDF
    Case("encrypted PDF", "locked.pdf", _encrypted_pdf, ERROR, message="encrypted"),
    Case("truncated PDF", "cut.pdf", lambda _: pdf_bytes(sample_doc())[:600], ERROR),
    Case("fake PDF", "fake.pdf", lambda _: b"%PDF-1.7\n" + b"garbage " * 500, ERROR),
    Case(
        "PDF compression bomb",
        "bomb.pdf",
        lambda _: hand_made_pdf(flate_bomb_stream(512), content_filter=b"/Filter /FlateDecode"),
        EITHER,
    ),
    Case(
        "PDF with a cyclic page tree",
        "cycle.pdf",
        lambda _: hand_made_pdf(b"BT /F1 12 Tf 72 720 Td (Hi) Tj ET", kids=b"[2 0 R]"),
        ERROR,
    ),
    # templates
    Case("template that is not JSON", "t1.json", lambda _: b"{not json", ERROR, "template"),
    Case("template with wrong types", "t2.json", _template(page__margins__top="abc"), ERROR, "template", "margins"),
    Case("template missing its parts", "t3.json", _template(parts=_DELETE), EITHER, "template"),
    Case("template from the future", "t4.json", _template(schema_version=99), ERROR, "template", "version"),
    Case("template with a 0 mm page margin", "t5.json", _template(page__margins__left=0), ERROR, "template"),
    Case(
        "template asking 10,000 sentences",
        "t6.json",
        _template(summary={"algorithm": "default", "sentences": 10_000}),
        ERROR,
        "template",
    ),
    Case("template nested 100,000 deep", "t7.json", _deep_json, ERROR, "template"),
    Case(
        "template with a logo outside its folder",
        "t8.json",
        _template(logo={"path": "../../../../etc/passwd", "width": 30, "position": "right"}),
        EITHER,
        "template",
        warning="logo",
    ),
    # projects
    Case("project that is not JSON", "p1.briefgen", lambda _: b"\x00\x01garbage", ERROR, "project"),
    Case(
        "foreign JSON as a project",
        "p2.briefgen",
        lambda _: b'{"hello": "world"}',
        ERROR,
        "project",
        "not a briefgen project",
    ),
    Case("project with wrong types", "p3.briefgen", _project(pins="all of them"), ERROR, "project"),
    Case("project from the future", "p4.briefgen", _project(schema=99), ERROR, "project"),
    Case(
        "project with a 10,000-sentence budget",
        "p5.briefgen",
        _project(budget={"sentences": 10_000}),
        EITHER,
        "project",
    ),
    Case("project source outside its folder", "p6.briefgen", _project_escaping, EITHER, "project", warning="outside"),
)


def _empty_zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("readme.txt", "nothing to see")
    return buf.getvalue()
