from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest

from briefgen.errors import Cancelled, InputError
from briefgen.ingest import decode, read_source
from briefgen.ingest.blocks import cancellable_reading
from briefgen.ingest.decode import decode_bytes, decode_text, normalise_text, strip_stray_controls
from briefgen.ingest.readers.text_reader import read_text
from briefgen.progress import CancelToken
from tests.no_hang import make_fifo, within

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


# --- UTF-16/32 without a byte-order mark, stray controls, binary by share ------------------------------------

PROSE = (
    "The council approved the budget on Tuesday after a long debate. Libraries will close on Mondays from April. "
    "The bus subsidy will be reviewed again in the autumn.\n\n"
)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_without_bom_are_read(encoding: str) -> None:
    text, found = decode_bytes(TEXT.encode(encoding), "x.txt")
    assert text == TEXT
    assert found == encoding


def test_greek_utf16_without_bom_is_read() -> None:
    phrase = "Η κυβέρνηση ανακοίνωσε νέο προϋπολογισμό για τη χώρα. "
    assert decode_bytes((phrase * 4).encode("utf-16-le"), "x")[0] == phrase * 4


def test_text_with_a_few_stray_controls_is_read_with_a_warning(tmp_path: Path) -> None:
    body = PROSE * 20  # ~4,000 ordinary characters
    dirty = body[:500] + "\x00" + body[500:1500] + "\x1b[31m" + body[1500:2500] + "\x07" + body[2500:]
    path = tmp_path / "notes.txt"
    path.write_bytes(("Budget news\n\n" + dirty).encode("utf-8"))
    source = read_source(str(path))
    text = " ".join(sec.text for a in source.articles for sec in a.sections)
    assert "[31m" not in text and "\x00" not in text and "\x1b" not in text and "\x07" not in text
    assert "approved the budget" in text
    assert any(w.startswith("dropped 3 stray control characters") for w in source.warnings), source.warnings


def test_form_feed_stays_a_page_break_and_is_not_counted(tmp_path: Path) -> None:
    path = tmp_path / "pages.txt"
    path.write_bytes((PROSE + "\x0c" + PROSE).encode("utf-8"))
    source = read_source(str(path))
    assert not any("dropped" in w for w in source.warnings)


def test_legacy_text_with_a_stray_nul_is_read() -> None:
    data = ("Le gar\u00e7on \u00e0 la cr\u00e8me br\u00fbl\u00e9e. " * 40).encode("cp1252")
    text, encoding = decode_bytes(data[:300] + b"\x00" + data[300:], "x")
    assert encoding == "cp1252" and "cr\u00e8me" in text


def test_legacy_text_ending_in_an_accented_letter_is_not_cut() -> None:
    assert decode_bytes("On a bu un caf\u00e9".encode("cp1252"), "x")[0] == "On a bu un caf\u00e9"


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 64,
        random.Random(7).randbytes(20_000),  # compressed data looks like this
        b"\x7fELF\x02\x01\x01" + b"\x00" * 9 + bytes(range(64)) * 200,
        b"\x00" * 5000,
        b"\x81\x8d\x8f\x90\x9d" * 400,
    ],
    ids=["all-bytes", "random", "elf-like", "all-nul", "undefined-bytes"],
)
def test_truly_binary_data_is_refused(data: bytes) -> None:
    with pytest.raises(InputError, match="binary"):
        decode_bytes(data, "blob.txt")


def test_truncated_utf16_loses_only_the_cut_character(tmp_path: Path) -> None:
    path = tmp_path / "half.txt"
    path.write_bytes(PROSE.encode("utf-16")[:-1])
    source = read_source(str(path))
    text = " ".join(sec.text for a in source.articles for sec in a.sections)
    assert text.startswith("The council approved") and text.endswith("in the autumn.")
    assert any("ends in the middle of a character" in w for w in source.warnings)


def test_truncated_utf8_loses_only_the_cut_character() -> None:
    decoded = decode_text(("Caf\u00e9 " * 10 + "\u20ac").encode("utf-8")[:-1], "x")
    assert decoded.text == "Caf\u00e9 " * 10 and decoded.encoding == "utf-8"
    assert decoded.warnings and "incomplete character was dropped" in decoded.warnings[0]


def test_bidi_overrides_and_isolates_are_dropped_with_a_warning(tmp_path: Path) -> None:
    trick = "Payment of \u202e0051\u202c pounds was approved \u2066by the board\u2069 on Monday."
    path = tmp_path / "bidi.txt"
    path.write_text(PROSE + trick + "\n", encoding="utf-8")
    source = read_source(str(path))
    text = " ".join(sec.text for a in source.articles for sec in a.sections)
    assert "Payment of 0051 pounds was approved by the board on Monday." in text
    assert not any("\u202a" <= ch <= "\u202e" or "\u2066" <= ch <= "\u2069" for ch in text)
    assert "dropped 4 bidirectional override or isolate characters" in source.warnings
    # sentences stay verbatim slices of the cleaned text
    for section in (sec for a in source.articles for sec in a.sections):
        assert all(section.text[s.start : s.end] == s.text for s in section.sentences)


def test_bidi_controls_are_dropped_by_every_reader() -> None:
    assert normalise_text("a\u202ab\u202bc\u202cd\u202de\u202ef\u2066g\u2067h\u2068i\u2069j") == "abcdefghij"
    assert normalise_text("\u200f\u05e9\u05dc\u05d5\u05dd") == "\u200f\u05e9\u05dc\u05d5\u05dd"  # marks are kept


def test_fifo_and_folder_as_source_are_refused_at_once(tmp_path: Path) -> None:
    fifo = make_fifo(tmp_path / "pipe.txt")
    with pytest.raises(InputError, match="named pipe"):
        within(10, lambda: read_source(str(fifo)), [fifo])
    with pytest.raises(InputError, match="folder"):
        read_source(str(tmp_path))


def test_cli_refuses_a_fifo_source_with_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from briefgen.cli.main import main

    fifo = make_fifo(tmp_path / "pipe.txt")
    assert within(20, lambda: main(["inspect", str(fifo)]), [fifo]) == 2
    err = capsys.readouterr().err
    assert "pipe.txt" in err and "named pipe" in err and "Traceback" not in err


def test_escape_sequences_go_whole_and_a_stray_escape_keeps_the_next_letter() -> None:
    text = "a\x1b[31mRed\x1b[0m \x1bThe \x1b]0;title\x07x \x1b(B\x1b[m end\x00."
    assert strip_stray_controls(text) == ("aRed The x  end.", 7, 0)


# --- long texts: worked through in pieces, with a check for cancelling between them ----------------------------

_ODD = ["ab", "c d", ".", "\n", "\r\n", "\r", "\n\n", "\t", "\u00a0", "e\u0301", "\u0301", "\u0323\u0307", "\u00ad"]
_ODD += ["\u200b", "\x0c", "\u2028", "\u2029", "\x85", "\x07", "\x00", "caf\u00e9", "\u1100\u1161", "\u11a8", "\u202e"]
_ODD += ["\ufeff", "\u00c5", "\ufb01", "\u3000", " ", "  "]


def _odd_text(seed: int, parts: int = 3000) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice(_ODD) for _ in range(parts))


@pytest.mark.parametrize("seed", range(6))
def test_a_long_text_normalised_in_pieces_is_the_text_normalised_whole(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = _odd_text(seed)
    whole = normalise_text(text)
    stripped_whole = strip_stray_controls(text)
    assert "".join(decode.text_pieces(text, 40)) == text
    monkeypatch.setattr(decode, "PIECE_CHARS", 40)  # pieces cut at line feeds, spaces, or not at all
    assert normalise_text(text) == whole
    assert strip_stray_controls(text) == stripped_whole
    no_breaks = text.replace("\n", "").replace("\r", "")
    assert normalise_text(no_breaks) == decode._normalise_piece(no_breaks)


def test_pieces_end_at_line_feeds_and_keep_a_crlf_together() -> None:
    text = "one line\r\n" * 20
    pieces = list(decode.text_pieces(text, 25))
    assert "".join(pieces) == text
    assert all(p.endswith("\r\n") for p in pieces)
    assert max(len(p) for p in pieces) <= 25


def test_reading_a_long_text_stops_at_once_when_cancelled() -> None:
    token = CancelToken()
    token.cancel()
    data = ("A line of a very long text that goes on.\n" * 60_000).encode("utf-8")  # about 2.5 MB
    with cancellable_reading(token), pytest.raises(Cancelled):
        read_text(data, "long.txt")
    with cancellable_reading(token), pytest.raises(Cancelled):
        normalise_text(data.decode("utf-8"))
    assert normalise_text("short\r\ntext") == "short\ntext"  # outside a reading nothing is checked
