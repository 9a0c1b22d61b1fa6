"""Hostile and broken files: each refused with a clear message naming the file, quickly, without a crash."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen.canvas import Canvas

from briefgen.cli.main import main
from briefgen.errors import InputError
from briefgen.ingest import read_source, safety
from tests.ingest.readers.builders import W_NS, docx_bytes, html_page, pdf_bytes, sample_doc
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

SECRET = "TOP-SECRET-7f3a9"
DOCUMENT_BODY = (
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    "<w:p><w:r><w:t>Text &xxe; here &lol9;</w:t></w:r></w:p></w:body></w:document>"
)


def _refused(tmp_path: Path, name: str, data: bytes) -> InputError:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        read_source(str(path))
    assert info.value.path == str(path)
    assert SECRET not in str(info.value)
    return info.value


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["empty.html", "empty.docx", "empty.pdf"])
def test_zero_byte_files(tmp_path: Path, name: str) -> None:
    assert "empty" in _refused(tmp_path, name, b"").reason


@pytest.mark.parametrize("name", ["blank.html", "blank.docx", "blank.pdf"])
def test_blank_files(tmp_path: Path, name: str) -> None:
    assert "empty" in _refused(tmp_path, name, b"  \n\n ").reason


def test_docx_that_is_not_a_zip(tmp_path: Path) -> None:
    assert "not a zip" in _refused(tmp_path, "fake.docx", b"This is plain text, not a Word file.").reason


def test_truncated_docx(tmp_path: Path) -> None:
    data = docx_bytes(sample_doc())
    assert "damaged" in _refused(tmp_path, "cut.docx", data[: len(data) // 2]).reason


def test_zip_that_is_not_a_word_document(tmp_path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("notes.txt", "hello")
    assert "Word document" in _refused(tmp_path, "notes.docx", out.getvalue()).reason


def test_encrypted_or_legacy_office_file(tmp_path: Path) -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000
    assert "password-protected" in _refused(tmp_path, "locked.docx", ole).reason


def test_docx_zip_bomb_expanding_to_a_gigabyte_is_refused_without_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw, crc = deflate_of_spaces(1024)
    bomb = zip_with_raw_member(docx_bytes(sample_doc()), "word/document.xml", raw, crc, GIB)
    opened: list[str] = []
    real_open = zipfile.ZipFile.open

    def spy(self: zipfile.ZipFile, name: Any, *args: Any, **kwargs: Any) -> Any:
        opened.append(str(getattr(name, "filename", name)))
        return real_open(self, name, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", spy)
    error = _refused(tmp_path, "bomb.docx", bomb)
    assert "zip bomb" in error.reason
    assert "word/document.xml" not in opened  # refused from the declared sizes alone


def test_docx_member_expanding_far_at_an_absurd_ratio_is_refused(tmp_path: Path) -> None:
    raw, crc = deflate_of_spaces(64)  # 64 MiB from ~64 kB: within the total cap, but large and a bomb's ratio
    bomb = zip_with_raw_member(docx_bytes(sample_doc()), "word/document.xml", raw, crc, 64 << 20)
    reason = _refused(tmp_path, "ratio.docx", bomb).reason
    assert "compressed" in reason and "zip bomb" in reason and "64 MB" in reason
    assert safety.MAX_ZIP_RATIO == 100


def test_docx_member_with_a_high_ratio_but_a_harmless_size_reaches_the_parser(tmp_path: Path) -> None:
    raw, crc = deflate_of_spaces(20)  # 20 MiB of spaces (~1000x): judged by its size, so not called a bomb
    data = zip_with_raw_member(docx_bytes(sample_doc()), "word/document.xml", raw, crc, 20 << 20)
    reason = _refused(tmp_path, "spaces.docx", data).reason
    assert "zip bomb" not in reason and "damaged" in reason  # spaces are not a Word document


def test_docx_with_external_entity_never_reads_the_file(tmp_path: Path, secret_file: Path) -> None:
    xml = external_entity("w:document", secret_file.as_uri(), DOCUMENT_BODY.replace(" &lol9;", ""))
    data = replace_member(docx_bytes(sample_doc()), "word/document.xml", xml.encode())
    assert "DTD" in _refused(tmp_path, "xxe.docx", data).reason


def test_docx_with_external_entity_in_core_properties(tmp_path: Path, secret_file: Path) -> None:
    core = external_entity(
        "cp:coreProperties",
        secret_file.as_uri(),
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>&xxe;</dc:title></cp:coreProperties>',
    )
    data = replace_member(docx_bytes(sample_doc()), "docProps/core.xml", core.encode())
    assert "DTD" in _refused(tmp_path, "xxe-core.docx", data).reason


def test_docx_with_entity_expansion_bomb(tmp_path: Path) -> None:
    xml = billion_laughs("w:document", DOCUMENT_BODY.replace("&xxe; ", ""))
    data = replace_member(docx_bytes(sample_doc()), "word/document.xml", xml.encode())
    assert "DTD" in _refused(tmp_path, "lol.docx", data).reason


def test_docx_part_in_utf16_is_refused_rather_than_scanned_wrongly(tmp_path: Path) -> None:
    xml = billion_laughs("w:document", DOCUMENT_BODY.replace("&xxe; ", "")).replace(
        '<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>'
    )
    data = replace_member(docx_bytes(sample_doc()), "word/document.xml", xml.encode("utf-16"))
    assert "UTF-8" in _refused(tmp_path, "utf16.docx", data).reason


def test_html_with_external_entity_or_entity_bomb(tmp_path: Path, secret_file: Path) -> None:
    page = html_page(sample_doc()).replace("<!DOCTYPE html>", "").replace("<p>Work", "<p>&xxe; Work")
    xxe = external_entity("html", secret_file.as_uri(), page)
    assert "entities" in _refused(tmp_path, "xxe.html", xxe.encode()).reason
    bomb = billion_laughs("html", page.replace("&xxe;", "&lol9;"))
    assert "entities" in _refused(tmp_path, "lol.xhtml", bomb.encode()).reason


def test_deeply_nested_html_is_answered(tmp_path: Path) -> None:
    page = "<html><body>" + "<div>" * 100_000 + "<p>deep</p>" + "</div>" * 100_000 + "</body></html>"
    assert _refused(tmp_path, "deep.html", page.encode()).reason


def _encrypted_pdf(user_password: str) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, encrypt=StandardEncryption(user_password, ownerPassword="owner", canPrint=0))
    canvas.setFont("Helvetica", 11)
    canvas.drawString(72, 700, "The council met on Tuesday to review the barrier and its costs.")
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def test_encrypted_pdf_says_encrypted(tmp_path: Path) -> None:
    assert "encrypted" in _refused(tmp_path, "locked.pdf", _encrypted_pdf("secret")).reason


def test_pdf_restricted_only_by_an_owner_password_is_read(tmp_path: Path) -> None:
    path = tmp_path / "restricted.pdf"
    path.write_bytes(_encrypted_pdf(""))
    source = read_source(str(path))
    assert source.sections[0].sentences[0].text == "The council met on Tuesday to review the barrier and its costs."


@pytest.mark.parametrize("fraction", [0.02, 0.5, 0.9])
def test_truncated_pdf(tmp_path: Path, fraction: float) -> None:
    data = pdf_bytes(sample_doc())
    assert _refused(tmp_path, "cut.pdf", data[: int(len(data) * fraction)]).reason


def test_fake_pdfs(tmp_path: Path) -> None:
    assert "not a PDF" in _refused(tmp_path, "text.pdf", b"Just some words in a file named .pdf").reason
    assert "damaged" in _refused(tmp_path, "junk.pdf", b"%PDF-1.7\n" + b"garbage " * 1000).reason


def test_pdf_compression_bomb(tmp_path: Path) -> None:
    data = hand_made_pdf(flate_bomb_stream(1024), content_filter=b"/Filter /FlateDecode")
    assert "damaged" in _refused(tmp_path, "bomb.pdf", data).reason


def test_pdf_with_a_cyclic_page_tree(tmp_path: Path) -> None:
    data = hand_made_pdf(b"BT /F1 12 Tf 72 700 Td (Hello there.) Tj ET", kids=b"[3 0 R 2 0 R]", count=2)
    assert _refused(tmp_path, "cycle.pdf", data).reason


def test_pdf_with_too_many_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefgen.ingest.readers import pdf_reader

    monkeypatch.setattr(pdf_reader, "MAX_PAGES", 1)
    doc = sample_doc()
    doc.articles[0][1][0][1].extend([doc.articles[0][1][0][1][0]] * 12)  # enough text for a second page
    assert "pages" in _refused(tmp_path, "long.pdf", pdf_bytes(doc)).reason


def test_cli_answers_a_hostile_file_with_one_line_and_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw, crc = deflate_of_spaces(1024)
    path = tmp_path / "bomb.docx"
    path.write_bytes(zip_with_raw_member(docx_bytes(sample_doc()), "word/document.xml", raw, crc, GIB))
    status = main(["inspect", str(path)])
    err = capsys.readouterr().err
    assert status == 2
    assert str(path) in err
    assert "Traceback" not in err


def test_pdf_extraction_is_stopped_when_time_is_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefgen.ingest.readers import pdf_reader

    clock = iter(range(1_000_000))
    monkeypatch.setattr(pdf_reader, "monotonic", lambda: float(next(clock)))  # one second per look
    monkeypatch.setattr(pdf_reader, "MAX_SECONDS", 3.0)
    busy_page = b"BT /F1 12 Tf 72 700 Td " + b"(word ) Tj " * 5000 + b"ET"
    reason = _refused(tmp_path, "slow.pdf", hand_made_pdf(busy_page)).reason
    assert "took more than 3 seconds (stopped at page 1 of 1)" in reason


def test_legitimate_repetitive_docx_is_read(tmp_path: Path) -> None:
    """A ward-by-ward table repeated 10,000 times compresses ~200x yet expands to a few MB: a document, not a bomb."""
    cell = "<w:tc><w:p><w:r><w:t>0</w:t></w:r></w:p></w:tc>"
    body = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}"><w:body>'
        "<w:p><w:r><w:t>The council published the figures for every ward on Tuesday.</w:t></w:r></w:p>"
        "<w:tbl>" + ("<w:tr>" + cell * 12 + "</w:tr>") * 10_000 + "</w:tbl>"
        "<w:p><w:r><w:t>The finance committee will review the figures again in the autumn.</w:t></w:r></w:p>"
        "</w:body></w:document>"
    )
    data = replace_member(docx_bytes(sample_doc()), "word/document.xml", body.encode())
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("word/document.xml")
    assert info.file_size / info.compress_size > 2 * safety.MAX_ZIP_RATIO and info.file_size > 4 << 20
    path = tmp_path / "figures.docx"
    path.write_bytes(data)
    source = read_source(str(path))
    text = " ".join(sec.text for a in source.articles for sec in a.sections)
    assert "figures for every ward" in text and "again in the autumn" in text
