from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from briefgen.errors import InputError
from briefgen.ingest import read_source
from briefgen.ingest.decode import decode_bytes, normalise_text

TEXT = (
    "Caf\u00e9 owners in S\u00e3o Paulo said the \u201cna\u00efve\u201d plan \u2013 costing \u20ac5m \u2013 would fail."
)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
)
def test_encodings_decode_without_mojibake(data: bytes, encoding: str) -> None:
    text, found = decode_bytes(data, "x.txt")
    assert text.lstrip("\ufeff") == TEXT
    assert codecs.lookup(found).name == codecs.lookup(encoding).name, found  # utf-16 is not "utf-8"


def test_latin1_text_without_cp1252_specials() -> None:
    data = "Le gar\u00e7on \u00e0 la cr\u00e8me br\u00fbl\u00e9e.".encode("latin-1")
    assert decode_bytes(data, "x")[0] == "Le gar\u00e7on \u00e0 la cr\u00e8me br\u00fbl\u00e9e."


def test_cyrillic_legacy_text_is_not_read_as_western() -> None:
    phrase = "Правительство объявило о новом бюджете страны."
    text, encoding = decode_bytes(((phrase + " ") * 5).encode("cp1251"), "x")
    assert phrase in text
    assert encoding == "cp1251"


def test_normalise_spaces_and_controls() -> None:
    assert normalise_text("a\u00a0b\u2009c\r\nd\x07e\u200bf\x0cg") == "a b c\ndef\n\ng"


def test_binary_file_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "image.txt"
    p.write_bytes(bytes(range(256)) * 10)
    with pytest.raises(InputError, match="binary"):
        read_source(str(p))


def test_empty_and_whitespace_files_are_refused(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_text(" \n\u00a0\n\n", encoding="utf-8")
    with pytest.raises(InputError, match="empty"):
        read_source(str(empty))
    with pytest.raises(InputError, match="no readable article text"):
        read_source(str(blank))


def test_size_limit_is_enforced_and_configurable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "big.txt"
    p.write_text("Word " * 300_000, encoding="utf-8")  # 1.5 MB
    monkeypatch.setenv("BRIEFGEN_MAX_INPUT_MB", "1")
    with pytest.raises(InputError, match="too large"):
        read_source(str(p))
    monkeypatch.setenv("BRIEFGEN_MAX_INPUT_MB", "2")
    assert read_source(str(p)).articles
