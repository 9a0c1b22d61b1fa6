"""Hostile sources read by ``briefgen inspect``: text, Markdown, and files whose extension lies about them.

Web addresses (loopback and private hosts, redirects, trickling servers, credentials in URLs, gzip bodies) are
tested against a local server in ``tests/ingest/test_url_safety.py`` and are not repeated here.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from tests.ingest.readers.builders import docx_bytes, pdf_bytes, sample_doc
from tests.reliability.hostile_cases_formats import FORMAT_CASES, SAMPLE_DOC_WORDS
from tests.reliability.hostile_model import ACCEPTED, ARTICLE, PROSE, REFUSED, Case, Run, inspect
from tests.reliability.hostile_model import text_has as has


def _big_text(mb: int) -> bytes:
    para = (PROSE + "\n\n").encode()
    return para * (mb * 1024 * 1024 // len(para) + 1)


def _empty_zip(_: Path) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("readme.txt", "nothing to see")
    return buf.getvalue()


def _stray_controls(_: Path) -> bytes:
    body = "\n\n".join([PROSE] * 40)
    return f"A Title\n\n{body[:3000]}\x00{body[3000:6000]}\x1b[31m{body[6000:]}\f\n".encode()


def _lowered_limit(folder: Path) -> Run:
    (folder / "two.txt").write_bytes(_big_text(2))
    return Run(["inspect", "--json", "two.txt"], env={"BRIEFGEN_MAX_INPUT_MB": "1"})


def _odd_name(folder: Path) -> Run:
    name = "evil\n\x1b[31mred.txt"
    (folder / name).write_bytes(b"")
    return Run(["inspect", "--json", name])


def _markdown_script(_: Path) -> bytes:
    return (
        f"# Council news\n\n{PROSE}\n\n<script>alert('SCRIPT-PAYLOAD')</script>\n\n"
        "<style>body { color: red } STYLE-PAYLOAD</style>\n\nThe meeting ended at noon.\n"
    ).encode()


_TEXT_CASES: tuple[Case, ...] = (
    # plain text
    Case("zero-byte text", REFUSED, "nothing to read", inspect("empty.txt", lambda _: b""), "empty.txt", "empty"),
    Case(
        "white space only",
        REFUSED,
        "no words, so no article",
        inspect("blank.txt", lambda _: b" \n\t\n\xc2\xa0\n"),
        "blank.txt",
        "no readable",
    ),
    Case(
        "binary data named .txt",
        REFUSED,
        "every byte value: mostly control and undecodable bytes, not text",
        inspect("blob.txt", lambda _: bytes(range(256)) * 64),
        "blob.txt",
        "binary",
    ),
    Case(
        "undecodable bytes",
        REFUSED,
        "bytes no text encoding uses: not text",
        inspect("bad.txt", lambda _: b"\x81\x8d\x8f\x90\x9d" * 400),
        "bad.txt",
    ),
    Case(
        "truncated UTF-16",
        ACCEPTED,
        "a BOM and whole characters but the last half one: the text is there, the half character is dropped",
        inspect("half.txt", lambda _: f"Hello world. {PROSE}".encode("utf-16")[:-1]),
        check=has("Hello world.", "Libraries will close"),
        needs="decoding",
    ),
    Case(
        "UTF-16 LE without a byte-order mark",
        ACCEPTED,
        "the zero-byte pattern is unmistakable",
        inspect("le.txt", lambda _: ARTICLE.encode("utf-16-le")),
        check=has("Libraries will close on Mondays"),
        needs="decoding",
    ),
    Case(
        "UTF-16 BE without a byte-order mark",
        ACCEPTED,
        "the zero-byte pattern is unmistakable",
        inspect("be.txt", lambda _: ARTICLE.encode("utf-16-be")),
        check=has("Libraries will close on Mondays"),
        needs="decoding",
    ),
    Case(
        "a few stray control characters in a long text",
        ACCEPTED,
        "a NUL, an escape sequence and a form feed among thousands of characters: text, controls dropped, warned",
        inspect("stray.txt", _stray_controls),
        check=has("Libraries will close", absent=("\x00", "\x1b", "\f"), warning="control"),
        needs="decoding",
    ),
    Case(
        "bell and escape between sentences",
        ACCEPTED,
        "controls are dropped, the prose stays",
        inspect("ctrl.txt", lambda _: ("A title\n\n" + "\x07\x1b".join([PROSE] * 20)).encode()),
        check=has("The bus subsidy", absent=("\x07", "\x1b")),
    ),
    Case(
        "right-to-left and emoji",
        ACCEPTED,
        "ordinary Unicode text, read verbatim",
        inspect("rtl.txt", lambda _: ("\u05e9\u05dc\u05d5\u05dd \U0001f600. " * 500).encode()),
        check=has("\u05e9\u05dc\u05d5\u05dd \U0001f600."),
    ),
    Case(
        "bidi override characters",
        ACCEPTED,
        "U+202E and friends can make text read differently from what it says: dropped at ingest",
        inspect("bidi.txt", lambda _: f"A Title\n\nThe fee is \u202e0001\u202c pounds. {PROSE}\n".encode()),
        check=has("The fee is 0001 pounds.", absent=("\u202e", "\u202c")),
        needs="bidi controls",
    ),
    Case(
        "bidi isolate characters",
        ACCEPTED,
        "U+2066..U+2069 are dropped like the overrides",
        inspect("isolate.txt", lambda _: f"A Title\n\nThe \u2067vote\u2069 passed. {PROSE}\n".encode()),
        check=has("The vote passed.", absent=("\u2067", "\u2069")),
        needs="bidi controls",
    ),
    Case(
        "markup-looking text",
        ACCEPTED,
        "a .txt file is text: angle brackets are kept as written",
        inspect("markup.txt", lambda _: ("<b>not bold</b> & <5% costs > $3m. " * 200).encode()),
        check=has("<b>not bold</b> & <5% costs > $3m."),
    ),
    Case(
        "one line of a million characters",
        ACCEPTED,
        "long but ordinary text",
        inspect("line.txt", lambda _: b"word " * 200_000),
        check=has("word word word"),
        cost=3,
    ),
    Case(
        "30,000 tiny paragraphs",
        ACCEPTED,
        "many but ordinary paragraphs",
        inspect("tiny.txt", lambda _: b"\n\n".join(b"Line %d." % i for i in range(30_000))),
        check=has("Line 29999."),
        cost=4,
    ),
    Case(
        "huge text (20 MB)",
        ACCEPTED,
        "under the 64 MB limit",
        inspect("huge.txt", lambda _: _big_text(20)),
        check=has("Libraries will close"),
        cost=12,
    ),
    Case(
        "over the size limit (70 MB)",
        REFUSED,
        "over the 64 MB limit, refused by its size before reading",
        inspect("giant.txt", lambda _: _big_text(70)),
        "giant.txt",
        "too large",
        cost=2,
    ),
    Case(
        "over a lowered size limit",
        REFUSED,
        "BRIEFGEN_MAX_INPUT_MB=1 and a 2 MB file: the message names the setting that changes the limit",
        _lowered_limit,
        "two.txt",
        "briefgen_max_input_mb",
    ),
    Case(
        "a file name with a newline and an escape sequence",
        REFUSED,
        "the empty file is refused; its name is shown escaped, on one line",
        _odd_name,
        "evil",
        "empty",
        needs="messages",
    ),
    # Markdown
    Case(
        "Markdown with script and style blocks",
        ACCEPTED,
        "the prose is read; script and style bodies are code, never text",
        inspect("script.md", _markdown_script),
        check=has("Libraries will close", "The meeting ended at noon.", absent=("SCRIPT-PAYLOAD", "STYLE-PAYLOAD")),
        needs="markdown script/style",
    ),
    Case(
        "deeply nested Markdown",
        ACCEPTED,
        "5,000 quote levels are still a quote: the prose after it is read",
        inspect("deep.md", lambda _: (">" * 5000 + " quote\n\n" + PROSE + "\n").encode()),
        check=has("Libraries will close"),
    ),
    # wrong extensions
    Case(
        "PDF named .txt",
        ACCEPTED,
        "the content decides the format",
        inspect("really-pdf.txt", lambda _: pdf_bytes(sample_doc())),
        check=has(SAMPLE_DOC_WORDS),
    ),
    Case(
        "text named .pdf",
        REFUSED,
        "a .pdf that is not a PDF",
        inspect("not.pdf", lambda _: PROSE.encode()),
        "not.pdf",
    ),
    Case(
        "zip of nothing named .docx",
        REFUSED,
        "a zip without a Word document",
        inspect("nothing.docx", _empty_zip),
        "nothing.docx",
    ),
    Case("text named .docx", REFUSED, "not a zip", inspect("not.docx", lambda _: PROSE.encode()), "not.docx"),
    Case(
        "Word file named .html",
        REFUSED,
        "a zip container is not a web page: read as HTML it is binary, refused by name (never read half-way)",
        inspect("word.html", lambda _: docx_bytes(sample_doc())),
        "word.html",
        "binary",
    ),
)

SOURCE_CASES: tuple[Case, ...] = (*_TEXT_CASES, *FORMAT_CASES)
"""Every source case: text and Markdown here, other formats and special files in ``hostile_cases_formats.py``."""
