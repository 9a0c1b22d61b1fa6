"""Bytes -> clean Unicode text: encoding detection and white-space / control-character normalisation.

- UTF-8 (with or without BOM) and UTF-16/32 with BOM are read as such.
- Anything else that is not valid UTF-8 is legacy single-byte or multi-byte text: charset-normalizer picks the
  encoding (cp1252 for Western European text from Windows, latin-1, cp1251...). Text is never decoded with a wrong
  guess that would turn "café" into "cafÃ©".
- Binary files (NUL bytes, many control characters) are refused with a clear message.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from briefgen.errors import InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_PREFERRED_LEGACY = ("cp1252", "latin_1", "iso8859_15")

# characters that become a plain space: no-break spaces, the Unicode space separators, tabs
_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# characters dropped outright: C0/C1 controls except \n, zero-width space, word joiner, BOM, soft hyphen
_DROP = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u00ad\u200b\u2060\ufeff\ufffe]")
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u0085]")
_PARAGRAPH_BREAKS = re.compile(r"[\u2029\x0c]")


def decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    """Decode *data* (read from *path*) and return ``(text, encoding_name)``; raise :class:`InputError` when it is
    not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.replace("-sig", "")
            except UnicodeDecodeError:
                raise InputError(f"the text claims to be {encoding} but is not valid {encoding}", path) from None
    if _looks_binary(data):
        raise InputError("looks like a binary file, not text", path)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _decode_legacy(data, path)


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > max(8, len(sample) // 10)


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
    sample = text[:100_000]
    if not sample:
        return True
    bad = sum(1 for ch in sample if unicodedata.category(ch) in {"Cc", "Co", "Cn"} and ch not in "\n\r\t\x0c")
    return bad <= len(sample) // 200


def normalise_text(text: str) -> str:
    """NFC, ``\\n`` line ends, odd spaces to plain spaces, control characters dropped.

    Page breaks and Unicode paragraph separators become blank lines.
    """
    text = unicodedata.normalize("NFC", text)
    text = _LINE_BREAKS.sub("\n", text)
    text = _PARAGRAPH_BREAKS.sub("\n\n", text)
    text = _SPACES.sub(" ", text)
    return _DROP.sub("", text)
