"""Which writing system a character belongs to, and which way it runs: shared by sentence splitting, language
detection and the PDF and Word renderers.

Only the scripts briefgen treats specially are named; every other letter is ``"Other"``, and digits, punctuation,
symbols and spaces are ``"Common"``. No data files: the Unicode blocks below and :mod:`unicodedata` suffice.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections import Counter
from functools import lru_cache

LATIN = "Latin"
GREEK = "Greek"
CYRILLIC = "Cyrillic"
ARABIC = "Arabic"
HEBREW = "Hebrew"
DEVANAGARI = "Devanagari"
THAI = "Thai"
HANGUL = "Hangul"
HAN = "Han"
KANA = "Kana"
OTHER = "Other"
COMMON = "Common"

_BLOCKS: tuple[tuple[int, int, str], ...] = (
    (0x0041, 0x024F, LATIN),
    (0x0370, 0x03FF, GREEK),
    (0x0400, 0x052F, CYRILLIC),
    (0x0590, 0x05FF, HEBREW),
    (0x0600, 0x06FF, ARABIC),
    (0x0750, 0x077F, ARABIC),
    (0x08A0, 0x08FF, ARABIC),
    (0x0900, 0x097F, DEVANAGARI),
    (0x0E00, 0x0E7F, THAI),
    (0x1100, 0x11FF, HANGUL),
    (0x1E00, 0x1EFF, LATIN),
    (0x1F00, 0x1FFF, GREEK),
    (0x2E80, 0x2FDF, HAN),
    (0x3005, 0x3007, HAN),
    (0x3040, 0x30FF, KANA),
    (0x3130, 0x318F, HANGUL),
    (0x31F0, 0x31FF, KANA),
    (0x3400, 0x4DBF, HAN),
    (0x4E00, 0x9FFF, HAN),
    (0xA8E0, 0xA8FF, DEVANAGARI),
    (0xA960, 0xA97F, HANGUL),
    (0xAC00, 0xD7FF, HANGUL),
    (0xF900, 0xFAFF, HAN),
    (0xFB1D, 0xFB4F, HEBREW),
    (0xFB50, 0xFDFF, ARABIC),
    (0xFE70, 0xFEFF, ARABIC),
    (0xFF21, 0xFF3A, LATIN),
    (0xFF41, 0xFF5A, LATIN),
    (0xFF66, 0xFF9F, KANA),
    (0x20000, 0x3134F, HAN),
)
_STARTS = [start for start, _end, _name in _BLOCKS]

CJK_SCRIPTS = frozenset({HAN, KANA, HANGUL})
RTL_SCRIPTS = frozenset({ARABIC, HEBREW})
COMPLEX_SCRIPTS = frozenset({ARABIC, HEBREW, DEVANAGARI, THAI})
"""Scripts whose letters must be shaped (joined, reordered or stacked) by the font's layout tables."""


@lru_cache(maxsize=8192)
def script_of(ch: str) -> str:
    """The script of the character *ch* (letters and marks only; everything else is ``"Common"``)."""
    cp = ord(ch)
    category = unicodedata.category(ch)
    if category[0] not in "LM" and not (0x3005 <= cp <= 0x3007):
        return COMMON
    i = bisect_right(_STARTS, cp) - 1
    if i >= 0:
        start, end, name = _BLOCKS[i]
        if start <= cp <= end:
            return name
    return OTHER


def is_rtl(ch: str) -> bool:
    """True for a strong right-to-left character (bidi class R or AL)."""
    return unicodedata.bidirectional(ch) in ("R", "AL")


def is_mark(ch: str) -> bool:
    return unicodedata.category(ch)[0] == "M"


def is_invisible(ch: str) -> bool:
    """Format characters and variation selectors that have no glyph of their own (joiners, bidi marks, the
    emoji presentation selector): never drawn, never reported missing."""
    cp = ord(ch)
    return unicodedata.category(ch) == "Cf" or 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF


def script_counts(text: str) -> Counter[str]:
    """How many letters of each script *text* holds (Common characters not counted)."""
    counts: Counter[str] = Counter()
    for ch in text:
        if ch.isalpha() or is_mark(ch):
            script = script_of(ch)
            if script != COMMON:
                counts[script] += 1
    return counts


def main_script(text: str) -> str | None:
    """The script of most of *text*'s letters, or ``None`` for text without letters. Kana counts as Japanese
    even among more Han characters (Japanese mixes both; Chinese never uses kana)."""
    counts = script_counts(text)
    if not counts:
        return None
    if counts[KANA] and counts[KANA] >= 0.05 * (counts[KANA] + counts[HAN]):
        counts[KANA] += counts.pop(HAN, 0)
    return counts.most_common(1)[0][0]


UNSPACED_SCRIPTS = frozenset({HAN, KANA, THAI})
"""Scripts written without spaces between words."""
CHARS_PER_WORD_UNSPACED = 2
"""Letters per word in those scripts, near enough for length rules (Chinese words average 1.5-2 characters)."""


def word_estimate(text: str) -> int:
    """How many words *text* holds: space-separated tokens, with runs of Chinese, Japanese or Thai letters
    counted at :data:`CHARS_PER_WORD_UNSPACED` letters a word."""
    count = 0
    for token in text.split():
        unspaced = sum(1 for ch in token if script_of(ch) in UNSPACED_SCRIPTS)
        count += max(1, -(-unspaced // CHARS_PER_WORD_UNSPACED)) if unspaced else 1
    return count
