"""Bytes -> clean Unicode text: encoding detection and white-space / control-character normalisation.

- UTF-8 (with or without BOM) and UTF-16/32 with BOM are read as such; UTF-16/32 *without* a BOM are recognised
  by their zero-byte pattern (``H\\0e\\0l\\0`` is unmistakable) and confirmed by decoding.
- Anything else that is not valid UTF-8 is legacy single-byte or multi-byte text: charset-normalizer picks the
  encoding (cp1252 for Western European text from Windows, latin-1, cp1251...). Text is never decoded with a wrong
  guess that would turn "café" into "cafÃ©".
- A file is binary, and refused, when more than :data:`BINARY_SHARE` of it is control characters or bytes no
  encoding explains; a handful of stray controls (a NUL, a terminal escape sequence) among ordinary text is
  dropped instead, and :func:`strip_stray_controls` counts them for a warning.
- A file cut off in the middle of its last character loses that character, with a warning.
- Bidirectional override and isolate characters (U+202A–U+202E, U+2066–U+2069), which can make text display in
  an order other than the one it is stored in, are dropped like other controls.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from briefgen.errors import InputError
from briefgen.ingest.blocks import check_reading_cancelled

BINARY_SHARE = 0.10
"""More than this share of control (or unexplained) characters in a file: binary, not text."""
LEGACY_BINARY_SHARE = 0.05
"""The same for bytes that are not UTF-8: legacy text has next to no control bytes, so a lower bar."""
_SAMPLE = 65536

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_PREFERRED_LEGACY = ("cp1252", "latin_1", "iso8859_15")
_UNITS = {"utf-16": 2, "utf-16-le": 2, "utf-16-be": 2, "utf-32": 4, "utf-32-le": 4, "utf-32-be": 4, "utf-8": 4}

# C0 controls other than tab, line feed, form feed and carriage return, and DEL
_CONTROL_BYTES = bytes([*range(0, 9), 11, *range(14, 32), 127])
_BAD_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")
# terminal escape sequences (CSI "ESC [ ... m", OSC "ESC ] ... BEL", character-set "ESC ( B", cursor "ESC 7") and
# lone controls; an ESC before a letter drops only the ESC, so a stray one never eats a word's first letter
_ESCAPE_SEQUENCES = re.compile(
    r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]{0,4096}(?:\x07|\x1b\\)?|[()*+][0-9A-Za-z]|[78=>])"
)
_STRAY_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x84\x86-\x9f]")
_STRAY_OR_BIDI = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069]")
_BIDI_CONTROLS = re.compile(r"[\u202a-\u202e\u2066-\u2069]")

# characters that become a plain space: no-break spaces, the Unicode space separators, tabs
_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# characters dropped outright: C0/C1 controls except \n, zero-width space, word joiner, BOM, soft hyphen, and the
# bidirectional embedding/override/isolate controls
_DROP = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u00ad\u200b\u2060\ufeff\ufffe\u202a-\u202e\u2066-\u2069]")
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u0085]")
_PARAGRAPH_BREAKS = re.compile(r"[\u2029\x0c]")
# any character one of the four patterns above changes: text without one (and in NFC) is already normal
_NEEDS_NORMALISING = re.compile(
    r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u00a0\u00ad\u1680\u2000-\u200b\u2028-\u202f\u205f\u2060\u2066-\u2069"
    r"\u3000\ufeff\ufffe]"
)
PIECE_CHARS = 1 << 20
"""Whole-text passes over a long text work on pieces of about this many characters and check between pieces
whether the reading was cancelled (a 30 MB text is thirty short steps, not one long one)."""


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    """Decode *data* (read from *path*) and return ``(text, encoding_name)``; raise :class:`InputError` when it is
    not text. :func:`decode_text` also returns the warnings."""
    decoded = decode_text(data, path)
    return decoded.text, decoded.encoding


def decode_text(data: bytes, path: str) -> DecodedText:
    """Decode *data* (read from *path*); :class:`InputError` when it is not text (see the module doc)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            decoded = _decode_unicode(data, encoding)
            if decoded is None:
                raise InputError(f"the text claims to be {encoding} but is not valid {encoding}", path)
            return decoded
    bomless = _bomless_unicode(data)
    if bomless is not None:
        decoded = _decode_unicode(data, bomless)
        if decoded is not None and _bad_share(decoded.text) <= BINARY_SHARE and _mostly_printable(decoded.text):
            return decoded
    sample = data[:_SAMPLE]
    controls = _control_byte_share(sample)
    if controls > BINARY_SHARE:
        raise _binary(path)
    decoded = _decode_unicode(data, "utf-8")
    if decoded is not None:
        if _bad_share(decoded.text) > BINARY_SHARE:
            raise _binary(path)
        return decoded
    if controls > LEGACY_BINARY_SHARE:
        raise _binary(path)
    try:
        text, encoding = _decode_legacy(data, path)
    except InputError:
        if _bad_share(sample.decode("latin_1")) > BINARY_SHARE:
            raise _binary(path) from None
        raise
    return DecodedText(text, encoding)


def _binary(path: str) -> InputError:
    return InputError("looks like a binary file, not text (too many control characters)", path)


def _decode_unicode(data: bytes, encoding: str) -> DecodedText | None:
    """*data* decoded as *encoding* (``-sig`` and BOMs removed); a character cut off at the very end is dropped
    with a warning; ``None`` when the bytes are not valid *encoding*."""
    try:
        return DecodedText(data.decode(encoding), encoding.replace("-sig", ""))
    except UnicodeDecodeError as exc:
        unit = _UNITS.get(encoding.replace("-sig", ""), 4)
        truncated = exc.end >= len(data) and exc.start >= len(data) - 2 * unit
        if not truncated or exc.reason not in {"truncated data", "unexpected end of data"}:
            return None
        if encoding == "utf-8" and data[: exc.start].isascii():
            return None  # nothing else shows it is UTF-8: a legacy text ending in an accented letter
        try:
            text = data[: exc.start].decode(encoding)
        except UnicodeDecodeError:
            return None
        note = "the file ends in the middle of a character (cut off?); the incomplete character was dropped"
        return DecodedText(text, encoding.replace("-sig", ""), (note,))


def _bomless_unicode(data: bytes) -> str | None:
    """UTF-16 or UTF-32 (and which byte order) told by where the zero bytes sit, or ``None``."""
    sample = data[:_SAMPLE]
    quads = len(sample) // 4
    if quads >= 1:
        zeros = [sample[i : quads * 4 : 4].count(0) for i in range(4)]
        if zeros[3] == quads and zeros[2] >= 0.9 * quads and zeros[0] <= 0.05 * quads:
            return "utf-32-le"
        if zeros[0] == quads and zeros[1] >= 0.9 * quads and zeros[3] <= 0.05 * quads:
            return "utf-32-be"
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even = sample[0 : pairs * 2 : 2].count(0)
    odd = sample[1 : pairs * 2 : 2].count(0)
    if odd >= 0.1 * pairs and even <= 0.02 * pairs:
        return "utf-16-le"
    if even >= 0.1 * pairs and odd <= 0.02 * pairs:
        return "utf-16-be"
    return None


def _control_byte_share(sample: bytes) -> float:
    if not sample:
        return 0.0
    return (len(sample) - len(sample.translate(None, _CONTROL_BYTES))) / len(sample)


def _bad_share(text: str) -> float:
    sample = text[:_SAMPLE]
    if not sample:
        return 0.0
    return len(_BAD_CHARS.findall(sample)) / len(sample)


def _decode_legacy(data: bytes, path: str) -> tuple[str, str]:
    # Western European text (by far the most common legacy case) decodes as cp1252 with few accented letters;
    # text in another script decoded that way turns into a soup of accented Latin letters ("Ïðèâåò").
    for encoding in _PREFERRED_LEGACY:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _mostly_printable(text) and _plausibly_western(text):
            return text, encoding
        break
    from charset_normalizer import from_bytes

    best = from_bytes(data[:2_000_000], explain=False).best()
    # a guess with no language behind it and a handful of distinct characters is noise decoded as, say, Korean
    if best is not None and (best.percent_coherence > 0 or len(set(str(best))) > 40):
        try:
            text = data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            text = ""
        if text and _mostly_printable(text):
            return text, best.encoding
    for encoding in _PREFERRED_LEGACY:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _mostly_printable(text):
            return text, encoding
    raise InputError("cannot tell the text's encoding (not UTF-8 and no legacy encoding fits)", path)


def _plausibly_western(text: str) -> bool:
    sample = text[:200_000]
    letters = sum(1 for ch in sample if ch.isalpha())
    accented = sum(1 for ch in sample if "\u00c0" <= ch <= "\u00ff")
    return letters == 0 or accented / letters < 0.4


def _mostly_printable(text: str) -> bool:
    """Whether a legacy decoding gave real characters: C1 controls, private-use and unassigned characters betray
    a wrong guess (C0 controls are the same bytes in every candidate, so they prove nothing and are not counted)."""
    sample = text[:100_000]
    if not sample:
        return True
    bad = sum(1 for ch in sample if ch >= "\x7f" and unicodedata.category(ch) in {"Cc", "Co", "Cn"})
    return bad <= len(sample) // 200


def strip_stray_controls(text: str) -> tuple[str, int, int]:
    """*text* without terminal escape sequences, stray C0/C1 controls and bidirectional override/isolate
    characters: ``(text, controls dropped, bidi characters dropped)`` (an escape sequence counts once).

    Clean text, the usual case, is recognised in one fast pass (pure ASCII text through its bytes); a long text
    is otherwise worked through in pieces (see :data:`PIECE_CHARS`)."""
    controls = 0
    if "\x1b" in text:
        # an escape sequence may span lines, so this one pass is over the whole text (only texts holding an ESC)
        text, controls = _ESCAPE_SEQUENCES.subn("", text)
    if text.isascii():
        raw = text.encode("ascii")
        if len(raw.translate(None, _CONTROL_BYTES)) == len(raw):
            return text, controls, 0
    elif not _STRAY_OR_BIDI.search(text):
        return text, controls, 0
    counts = [0, 0]

    def strip(piece: str) -> str:
        piece, lone = _STRAY_CONTROLS.subn("", piece)
        counts[0] += lone
        if not piece.isascii():
            piece, bidi = _BIDI_CONTROLS.subn("", piece)
            counts[1] += bidi
        return piece

    text = _by_pieces(text, strip)
    return text, controls + counts[0], counts[1]


def dropped_warnings(controls: int, bidi: int) -> tuple[str, ...]:
    """Warnings naming how many characters :func:`strip_stray_controls` dropped."""
    out: list[str] = []
    if controls:
        out.append(
            f"dropped {controls} stray control character{'' if controls == 1 else 's'} "
            "(NUL, terminal escape sequences and the like)"
        )
    if bidi:
        out.append(f"dropped {bidi} bidirectional override or isolate character{'' if bidi == 1 else 's'}")
    return tuple(out)


def clean_decoded(data: bytes, path: str) -> DecodedText:
    """:func:`decode_text`, then stray controls stripped and :func:`normalise_text` applied; the warnings say
    what was dropped (and any decoding remark)."""
    decoded = decode_text(data, path)
    text, controls, bidi = strip_stray_controls(decoded.text)
    return DecodedText(normalise_text(text), decoded.encoding, decoded.warnings + dropped_warnings(controls, bidi))


def normalise_text(text: str) -> str:
    """NFC, ``\\n`` line ends, odd spaces to plain spaces, control and bidi override characters dropped.

    Page breaks and Unicode paragraph separators become blank lines. Text that needs none of this (most
    paragraphs) is returned as it is after two quick checks; a long text is worked through in pieces of about
    :data:`PIECE_CHARS` characters, with a check for a cancelled reading between pieces.
    """
    return _by_pieces(text, _normalise_piece)


def _normalise_piece(text: str) -> str:
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if _NEEDS_NORMALISING.search(text) is None:
        return text
    text = _LINE_BREAKS.sub("\n", text)
    text = _PARAGRAPH_BREAKS.sub("\n\n", text)
    text = _SPACES.sub(" ", text)
    return _DROP.sub("", text)


def _by_pieces(text: str, work: Callable[[str], str]) -> str:
    """``work(text)`` done piece by piece on a long text (the same result: see :func:`text_pieces`)."""
    if len(text) <= PIECE_CHARS:
        return work(text)
    done: list[str] = []
    for piece in text_pieces(text, PIECE_CHARS):
        check_reading_cancelled()
        done.append(work(piece))
    check_reading_cancelled()
    return "".join(done)


def text_pieces(text: str, size: int = PIECE_CHARS) -> Iterator[str]:
    """*text* cut into pieces of at most about *size* characters, each ending with a line feed where one is near.

    A cut is made only where per-character work and NFC normalisation give the same result on the pieces as on
    the whole: after a ``\\n`` (a ``\\r\\n`` pair stays together), or else just before a space (both are
    characters that nothing composes with). A stretch with neither runs on to the next line feed."""
    start, end = 0, len(text)
    while end - start > size:
        cut = text.rfind("\n", start, start + size) + 1
        if cut <= start:
            cut = text.rfind(" ", start + 1, start + size)
        if cut <= start:
            after = text.find("\n", start + size)
            cut = end if after < 0 else after + 1
        yield text[start:cut]
        start = cut
    if start < end:
        yield text[start:]
