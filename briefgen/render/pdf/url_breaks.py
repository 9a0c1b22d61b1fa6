"""Line breaks inside long web addresses: only after ``/ - . ? & = _``, never in the middle of a word.

reportlab breaks lines at spaces; a word wider than the line is cut wherever the line ends (``splitLongWords``),
so a URL in the source list could wrap as ``…obamas-c`` / ``uba-reforms/``. Invisible break characters (U+200B)
are no help: reportlab draws them (a box in the standard fonts) and copying the URL from the PDF would pick them
up. :func:`install` therefore wraps reportlab's word splitter, which paragraph styles reach when they set
``embeddedHyphenation`` (:mod:`briefgen.render.pdf.styles` does), so that a URL *wider than the line* is cut
after the last break character that still fits on the line. When none fits, the URL starts the next line; only a
piece with no break character that is wider than a whole line is cut mid-word. Words that fit on a line, and
long words that are not URLs (a run of CJK text), wrap exactly as reportlab wraps them.

Whether a word is a URL is read from its beginning (``https://``, ``mailto:``, ``www.``), and the rest of a cut
URL carries a mark: when reportlab lays out again the part of a paragraph that fits on a page, the same words get
the same breaks, so the part keeps the height it was measured with.

Nothing is added to the text: the URL's characters are drawn as they are, so a copied address stays exact (apart
from the line breaks a reader's PDF viewer puts where the lines end).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import ShapedFragWord
from reportlab.platypus import paragraph as rl_paragraph

BREAK_AFTER = "/-.?&=_"
"""A long URL may break after these characters (after the last of a run, so ``https://`` stays whole)."""

_CUT = re.compile(f"[{re.escape(BREAK_AFTER)}]+(?=[^{re.escape(BREAK_AFTER)}])")
_URL_START = re.compile(r"""[(\[{<"'\u2018\u201c]*(?:[a-z][a-z0-9+.-]*://|mailto:|www\.)""", re.IGNORECASE)
_REST_MARK = "_briefgen_url_rest"
"""Attribute set on the frag that starts the rest of a cut URL."""
_FUZZ = 1e-8

_LOCK = threading.Lock()
_active: bool | None = None

_SplitFragH: Any = getattr(rl_paragraph, "_SplitFragH", None)
_SplitFrag: Any = getattr(rl_paragraph, "_SplitFrag", None)
_SplitFragHS: Any = getattr(rl_paragraph, "_SplitFragHS", None)
_HSFrag: Any = getattr(rl_paragraph, "_HSFrag", None)
_SplitWordH: Any = getattr(rl_paragraph, "_SplitWordH", None)
_SplitWordEnd: Any = getattr(rl_paragraph, "_SplitWordEnd", None)
_NEEDED = (_SplitFragH, _SplitFrag, _SplitFragHS, _HSFrag, _SplitWordH, _SplitWordEnd)


def break_offsets(text: str) -> list[int]:
    """The offsets in *text* after which a line may break: after the last of a run of break characters, where
    more text follows."""
    return [m.end() for m in _CUT.finditer(text)]


def is_url_start(text: str) -> bool:
    """Whether *text* begins like a web or mail address (after opening brackets or quotes)."""
    return _URL_START.match(text) is not None


Measure = Callable[[int, int], float]
"""Width of the characters ``[start, end)`` of a word."""


def head_length(text: str, measure: Measure, room: float, fresh_line: bool) -> int:
    """How many characters of *text* (a URL too wide for a line) go on a line with *room* points left: up to the
    last break that fits; if none fits, 0 (the URL starts the next line) or, on a line of its own
    (*fresh_line*), as many characters as fit."""
    best, width, start = 0, 0.0, 0
    for end in _CUT.finditer(text):
        width += measure(start, end.end())
        if width > room + _FUZZ:
            break
        best, start = end.end(), end.end()
    if best or not fresh_line:
        return best
    return _fitting_prefix(text, measure, room)


def _fitting_prefix(text: str, measure: Measure, room: float) -> int:
    """The most characters of *text* that fit in *room* (at least one, never before an accent)."""
    width, n = 0.0, 0
    while n < len(text) - 1:
        width += measure(n, n + 1)
        if width > room + _FUZZ:
            break
        n += 1
    n = max(n, 1)
    while n > 1 and unicodedata.combining(text[n]):
        n -= 1
    return n


# -- reportlab's word forms -------------------------------------------------------------------------------------


def _rest_classes() -> tuple[type, type, type]:
    """Marker classes for the rest of a cut URL (a frag word, one followed by a space, a plain-string word)."""

    class UrlRest(_SplitFrag):  # type: ignore[misc]
        pass

    class UrlRestHS(_SplitFragHS):  # type: ignore[misc]
        pass

    class UrlRestWord(_SplitWordEnd):  # type: ignore[misc]
        pass

    return UrlRest, UrlRestHS, UrlRestWord


_RESTS: tuple[type, type, type] | None = _rest_classes() if all(c is not None for c in _NEEDED) else None


def _frag_pieces(word: Any) -> list[tuple[Any, str]] | None:
    """The (frag, text) pieces of a frag word, or None when it holds something left to reportlab (raised or
    lowered text, an inline image)."""
    pieces = list(word[1:])
    for frag, _text in pieces:
        if getattr(frag, "rise", 0) or getattr(getattr(frag, "cbDefn", None), "width", 0):
            return None
    return pieces


def _piece_width(frag: Any, text: str) -> float:
    if not text or hasattr(frag, "cbDefn"):
        return 0.0
    return float(stringWidth(text, frag.fontName, frag.fontSize))


def _frag_measure(pieces: list[tuple[Any, str]]) -> Measure:
    starts: list[int] = []
    pos = 0
    for _frag, text in pieces:
        starts.append(pos)
        pos += len(text)

    def measure(start: int, end: int) -> float:
        total = 0.0
        for (frag, text), at in zip(pieces, starts, strict=True):
            if at >= end:
                break
            lo, hi = max(start, at), min(end, at + len(text))
            if lo < hi:
                total += _piece_width(frag, text[lo - at : hi - at])
        return total

    return measure


def _rest_frag(frag: Any, text: str) -> Any:
    """A marked copy of *frag* for the rest of a cut URL. A copy, not the same object: when reportlab joins the
    parts of a cut word again, it strips a hyphen from the end of a part whose frag is the next part's."""
    copy = frag.clone()
    if hasattr(copy, "text"):
        copy.text = text
    setattr(copy, _REST_MARK, True)
    return copy


def _cut_pieces(pieces: list[tuple[Any, str]], at: int) -> tuple[list[tuple[Any, str]], list[tuple[Any, str]]]:
    """*pieces* cut after character *at* (zero-width pieces at the cut stay before it); at 0, the head is an empty
    piece, as reportlab's own cuts make when a word must start the next line."""
    if at == 0:
        frag = next((f for f, t in pieces if t), pieces[0][0])
        first = next(i for i, (_f, t) in enumerate(pieces) if t)
        return [(frag, "")], [*pieces[:first], (_rest_frag(frag, pieces[first][1]), pieces[first][1]),
                              *pieces[first + 1 :]]  # fmt: skip
    head: list[tuple[Any, str]] = []
    tail: list[tuple[Any, str]] = []
    pos = 0
    for frag, text in pieces:
        if pos + len(text) <= at:
            head.append((frag, text))
        elif pos >= at:
            tail.append((frag, text))
        else:
            rest = text[at - pos :]
            head.append((frag, text[: at - pos]))
            tail.append((_rest_frag(frag, rest), rest))
        pos += len(text)
    return head, tail


def split_frag_word(word: Any, new_width: float, max_width: float) -> list[Any] | None:
    """reportlab's ``_hyphenateFragWord`` for a URL too wide for the line: its head and rest."""
    assert _RESTS is not None
    pieces = _frag_pieces(word)
    if pieces is None:
        return None
    text = "".join(t for _f, t in pieces)
    if not text:
        return None
    before = new_width - word[0]
    at = head_length(text, _frag_measure(pieces), max_width - before, fresh_line=before <= _FUZZ)
    head, tail = _cut_pieces(pieces, at)
    head_width = sum(_piece_width(f, t) for f, t in head)  # the rest's by difference: measuring it is slow
    rest = _RESTS[1] if isinstance(word, _HSFrag) else _RESTS[0]
    return [_SplitFragH([head_width, *head]), rest([max(0.0, word[0] - head_width), *tail])]


def split_str_word(font_name: str, font_size: float, word: str, word_width: float, new_width: float,
                   max_width: float) -> list[Any]:  # fmt: skip
    """reportlab's ``_hyphenateWord`` for a URL too wide for the line: its head and rest."""
    assert _RESTS is not None

    def measure(start: int, end: int) -> float:
        return float(stringWidth(word[start:end], font_name, font_size))

    before = new_width - word_width
    at = head_length(str(word), measure, max_width - before, fresh_line=before <= _FUZZ)
    return [_SplitWordH(word[:at]), _RESTS[2](word[at:])]


def _is_url_frag_word(word: Any) -> bool:
    if _RESTS is not None and isinstance(word, _RESTS):
        return True
    first = next(((f, t) for f, t in word[1:] if t), None)
    return first is not None and (getattr(first[0], _REST_MARK, False) or is_url_start(first[1][:64]))


def _wrap_frag_splitter(original: Any) -> Any:
    def hyphenate(hyphenator: Any, word: Any, new_width: float, max_width: float, *args: Any, **kwargs: Any) -> Any:
        if (
            word[0] > max_width + _FUZZ
            and len(word) > 1
            and not isinstance(word, ShapedFragWord)
            and _is_url_frag_word(word)
        ):
            return split_frag_word(word, new_width, max_width)
        # any other word: reportlab's hyphenation when a style names a language, never its own URL and
        # embedded-hyphen splitting (the style asks for it only to reach this function)
        return original(hyphenator, word, new_width, max_width, 0, 0, *args[2:], **kwargs) if hyphenator else None

    hyphenate.__wrapped__ = original  # type: ignore[attr-defined]
    return hyphenate


def _wrap_str_splitter(original: Any) -> Any:
    is_bidi = getattr(rl_paragraph, "isBidiStr", lambda _word: False)

    def hyphenate(hyphenator: Any, font_name: str, font_size: float, word: Any, word_width: float,
                  new_width: float, max_width: float, *args: Any, **kwargs: Any) -> Any:  # fmt: skip
        if (
            word_width > max_width + _FUZZ
            and not is_bidi(word)
            and ((_RESTS is not None and isinstance(word, _RESTS[2])) or is_url_start(word[:64]))
        ):
            return split_str_word(font_name, font_size, word, word_width, new_width, max_width)
        if hyphenator:
            return original(hyphenator, font_name, font_size, word, word_width, new_width, max_width, 0, 0,
                            *args[2:], **kwargs)  # fmt: skip
        return None

    hyphenate.__wrapped__ = original  # type: ignore[attr-defined]
    return hyphenate


def install() -> bool:
    """Wrap reportlab's word splitters once (idempotent, thread-safe); True when they are wrapped. Without the
    reportlab internals this relies on, nothing changes (False) and long URLs wrap as reportlab wraps them."""
    global _active
    with _LOCK:
        if _active is None:
            frag = getattr(rl_paragraph, "_hyphenateFragWord", None)
            plain = getattr(rl_paragraph, "_hyphenateWord", None)
            _active = _RESTS is not None and frag is not None and plain is not None
            if _active and not hasattr(frag, "__wrapped__"):
                rl_paragraph._hyphenateFragWord = _wrap_frag_splitter(frag)
                rl_paragraph._hyphenateWord = _wrap_str_splitter(plain)
        return _active
