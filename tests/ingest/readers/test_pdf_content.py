"""The PDF reader's quicker paths give what the plain ones give: content streams split by a regular expression
(compared with pypdf's own parser, object types included), and a long PDF read on two processes."""

from __future__ import annotations

import contextlib
import io
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from briefgen.ingest.readers import pdf_reader
from briefgen.ingest.readers.pdf_content import fast_operations, prepared_contents
from tests.ingest.readers.builders import LOREM, Doc, pdf_bytes

TYPICAL = [
    b"BT /F1 10 Tf 72 700 Td (Hello, world.) Tj ET",
    b"q 1 0 0 1 72 720 cm BT 1 0 0 1 0 0 Tm /F2 12.5 Tf 14.4 TL (A line) Tj T* (next) Tj ET Q",
    b"BT\n/F1 9 Tf\n[(W) 120 (orld) -250 (wide) -.5 (x)] TJ\nET\n",
    b"BT /F1 10 Tf (escaped \\(parens\\) and \\\\ backslash) Tj (nested (parens) kept) Tj ET",
    b"BT /F1 10 Tf (octal \\101\\60\\0601 \\n\\t\\r\\b\\f \\/ \\%) Tj (line \\\r\ncontinued) Tj ET",
    b"BT /F3 11 Tf <48656C6C6F> Tj <4 86 5 6C 6> Tj <> Tj [<0041> -30 <00420043>] TJ ET",
    b"BT /F1 10 Tf 0 -12 TD 2 Tw 0.5 Tc (x) ' 1 2 (y) \" 100 Tz ET",
    b"0.2 0.4 0.6 rg 0.1 G 10 10 100 50 re f 1 0 0 RG 0 0 m 10 10 l S /GS1 gs /Im1 Do",
    b"BT /F1 10 Tf +5 -3. Td (\x00\xff\x80 binary) Tj ET\x00\n\x0c",
    b"",
]
LEFT_TO_PYPDF = [
    b"/Span <</MCID 0>> BDC BT (x) Tj ET EMC",  # a dictionary
    b"BI /W 1 /H 1 /BPC 8 /CS /G ID \x00 EI Q",  # an inline image
    b"% a comment\nBT (x) Tj ET",
    b"BT /F#201 10 Tf (x) Tj ET",  # a '#' escape in a name
    b"BT (unknown \\q escape) Tj ET",
    b"BT (octal past a byte \\777) Tj ET",
    b"BT [(a) [(b)] (c)] TJ ET",  # a nested array
    b"BT [(a) true] TJ ET",
    b"BT (unclosed Tj ET",
    b"BT 1,5 0 Td ET",
    b"BT 1 0 R ET",
    b"{ 1 }",
    b"BT <4G> Tj ET",
    b"BT\x0b(x) Tj ET",
]


def _pypdf_operations(data: bytes) -> Any:
    from pypdf.generic import ContentStream, DecodedStreamObject

    stream = DecodedStreamObject()
    stream.set_data(data)
    return ContentStream(stream, None, "bytes").operations


def _same(a: Any, b: Any) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


@pytest.mark.parametrize("data", TYPICAL)
def test_typical_streams_are_split_as_pypdf_splits_them(data: bytes) -> None:
    fast = fast_operations(data)
    assert fast is not None
    assert _same(fast, _pypdf_operations(data))


@pytest.mark.parametrize("data", LEFT_TO_PYPDF)
def test_unusual_streams_are_left_to_pypdf(data: bytes) -> None:
    assert fast_operations(data) is None


def test_random_streams_are_split_as_pypdf_splits_them_or_left_to_it() -> None:
    pieces = [*TYPICAL, *LEFT_TO_PYPDF, b"Tj", b"TJ", b"[", b"]", b"(", b")", b"<", b"-.5", b"5.", b"/N", b"R"]
    separators = [b" ", b"\n", b"\r\n", b"", b"\t"]
    rng = random.Random(17)
    parsed = 0
    for _ in range(1500):
        data = b"".join(rng.choice(pieces) + rng.choice(separators) for _ in range(rng.randint(1, 6)))
        fast = fast_operations(data)
        if fast is None:
            continue
        parsed += 1
        assert _same(fast, _pypdf_operations(data)), data
    assert parsed > 150  # the comparison did happen on many streams


def test_a_page_holds_its_own_contents_again_after_extraction() -> None:
    from pypdf import PdfReader
    from pypdf.generic import ContentStream

    page = PdfReader(io.BytesIO(pdf_bytes(Doc(articles=[("Title", [(None, [LOREM])])])))).pages[0]
    before = dict.get(page, "/Contents")
    with prepared_contents(page):
        inside = dict.get(page, "/Contents")
        assert isinstance(inside, ContentStream)
        text = page.extract_text()
    assert dict.get(page, "/Contents") is before
    assert "regional flood defences" in text
    assert text == page.extract_text()


def _doc(pages: int) -> Doc:
    paragraphs = [f"Paragraph {n} of the report (see \\ appendix {n}): " + LOREM for n in range(pages * 5)]
    return Doc(articles=[("A report in many pages", [(None, paragraphs)])], title="A report", author="A. Writer")


def test_text_is_the_same_with_pypdfs_own_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    data = pdf_bytes(_doc(3), running_header="Report — draft", page_numbers=True)
    quick = pdf_reader.read_pdf(data, "report.pdf")
    monkeypatch.setattr(pdf_reader, "prepared_contents", lambda _page: contextlib.nullcontext())
    plain = pdf_reader.read_pdf(data, "report.pdf")
    assert quick == plain
    assert len(quick.blocks) > 10


_FORKED_READ = """
import os, pickle, sys
import briefgen.forking
from briefgen.ingest.readers import pdf_reader

briefgen.forking.BUSY_LOAD = float("inf")  # whatever else runs on this machine
pdf_reader.FORK_FROM_PAGES = 4
data = open(sys.argv[1], "rb").read()
parent = os.getpid()
read_here = []
real_read_pages = pdf_reader._read_pages

def counted(reader, first, end, *args):
    if os.getpid() == parent:
        read_here.append(end - first)
    elif sys.argv[2] == "child dies":
        os._exit(3)
    return real_read_pages(reader, first, end, *args)

pdf_reader._read_pages = counted
forked = pdf_reader.read_pdf(data, "report.pdf")
pdf_reader.ForkedCall.start = lambda _function: None
alone = pdf_reader.read_pdf(data, "report.pdf")
print(forked == alone, len(alone.blocks), read_here)
"""


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or len(os.sched_getaffinity(0)) < 2,
    reason="pages are read on two processes only on Linux with at least two cores",
)
@pytest.mark.parametrize("case", ["child reads", "child dies"])
def test_a_long_pdf_read_on_two_processes_gives_the_same_document(case: str, tmp_path: Path) -> None:
    # in a fresh interpreter: the test process has Qt loaded (pytest-qt), which rules forking out
    source = tmp_path / "report.pdf"
    source.write_bytes(pdf_bytes(_doc(8), running_header="Report — draft", page_numbers=True))
    proc = subprocess.run(
        [sys.executable, "-c", _FORKED_READ, str(source), case],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    same, blocks, read_here = proc.stdout.split(" ", 2)
    assert same == "True"
    assert int(blocks) > 30
    pages = len(__import__("pypdf").PdfReader(source).pages)
    half = pages // 2
    if case == "child reads":  # this process read the first half, then all pages without a child
        assert read_here.strip() == f"[{half}, {pages}]"
    else:  # ... and the second half itself when the child died
        assert read_here.strip() == f"[{half}, {pages - half}, {pages}]"
