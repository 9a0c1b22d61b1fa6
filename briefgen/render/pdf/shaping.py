"""Shaping of complex-script words in PDF paragraphs, through reportlab's own HarfBuzz support (``uharfbuzz``).

reportlab shapes every word of a paragraph whose style has ``shaping`` set, with the font of the word's first
piece, and with ligatures on. That would turn "office" into "o\ufb00ice" in Latin text and mis-shape a word that
mixes fonts ("(" in the body font before a Hebrew word). :func:`install` wraps reportlab's word shaper so that:

* only words holding text in a face listed in :data:`briefgen.render.pdf.font_fallback.SHAPED_FACES` (the Arabic,
  Hebrew, Devanagari and Thai fonts) are shaped; every other word is left exactly as it was;
* a word mixing faces is shaped piece by piece, each piece with its own font; so is a word holding a callback
  (an anchor or note reference), which reportlab's shaper would put back as a malformed piece.

HarfBuzz lays a right-to-left piece out in visual order (right to left, letters joined, brackets mirrored).

Text extraction: a shaped glyph with no character of its own (a Devanagari conjunct, a pre-base vowel sign's
variant) gets a private-use code from reportlab. :func:`install` also replaces reportlab's ToUnicode map writer
so that such a code maps back to the characters of its cluster, and characters beyond the Basic Multilingual
Plane (emoji) map as UTF-16 surrogate pairs instead of reportlab's malformed five-digit codes. Copying text from
the PDF then gives the source's characters (a pre-base vowel sign may come before its consonant, the order in
which it is drawn).
"""

from __future__ import annotations

import threading
from typing import Any

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.platypus import paragraph as rl_paragraph

from briefgen.render.pdf.font_fallback import SHAPED_FACES
from briefgen.render.pdf.fonts import face_covers

PRIVATE_TEXT: dict[str, dict[int, str]] = {}
"""PostScript font name -> private-use code reportlab gave a shaped glyph -> the characters it stands for."""
_BFCHAR_BLOCK = 100
"""A ToUnicode map may hold at most 100 entries per ``beginbfchar`` block."""

_LOCK = threading.Lock()
_installed = False


def shaping_available() -> bool:
    """True when reportlab can shape (``uharfbuzz`` is installed)."""
    return getattr(ttfonts, "uharfbuzz", None) is not None


def _face(piece: Any) -> str | None:
    frag = piece[0]
    return None if hasattr(frag, "cbDefn") else str(frag.fontName)


def _width(pieces: list[Any]) -> float:
    total = 0.0
    for frag, text in pieces:
        if not hasattr(frag, "cbDefn"):
            total += pdfmetrics.stringWidth(text, frag.fontName, frag.fontSize)
    return total


def _shape_word(original: Any) -> Any:
    def shape(word: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(word, ttfonts.ShapedFragWord) or len(word) < 2:
            return word
        pieces = list(word[1:])
        faces = {_face(p) for p in pieces} - {None}
        if not faces & SHAPED_FACES:
            return word
        if len(faces) == 1 and all(_face(p) is not None for p in pieces):
            result = original(word, *args, **kwargs)
            if result is not word:
                _record_private(word, result)
            return result
        # several faces: shape each run of one face on its own and put the runs back together
        out: list[Any] = []
        width = 0.0
        shaped_any = False
        run: list[Any] = []

        def flush() -> None:
            nonlocal width, shaped_any
            if not run:
                return
            face = _face(run[0])
            sub = word.__class__([_width(run), *run])
            if face in SHAPED_FACES:
                result = original(sub, *args, **kwargs)
                if result is not sub:
                    shaped_any = True
                    _record_private(sub, result)
                sub = result
            width += sub[0]
            out.extend(sub[1:])
            run.clear()

        for piece in pieces:
            if run and _face(piece) != _face(run[-1]):
                flush()
            run.append(piece)
        flush()
        if not shaped_any:
            return word
        klass = ttfonts.makeShapedFragWord(word)
        return klass([width, *out])

    shape.__wrapped__ = original  # type: ignore[attr-defined]
    return shape


def _record_private(word: Any, shaped: Any) -> None:
    """Note what each private-use glyph code in *shaped* (the shaped form of *word*) stands for: the characters
    of its cluster that the cluster's other glyphs do not already give."""
    text = "".join(t for f, t in word[1:] if not hasattr(f, "cbDefn"))
    glyphs: list[tuple[int, str, str]] = []
    for item in shaped[1:]:
        if not (isinstance(item, tuple) and len(item) == 2):
            continue  # a callback (note reference) put back among the shaped pieces
        frag, out = item
        data = getattr(out, "__shapeData__", None)
        if data is None or hasattr(frag, "cbDefn"):
            continue
        glyphs.extend((d.cluster, ch, frag.fontName) for ch, d in zip(out, data, strict=False))
    starts = sorted({cluster for cluster, _ch, _face in glyphs})
    ends = dict(zip(starts, [*starts[1:], len(text)], strict=True))
    for start in starts:
        items = [(ch, face) for cluster, ch, face in glyphs if cluster == start]
        remaining = list(text[start : ends[start]])
        private = [(ch, face) for ch, face in items if not face_covers(face, ch)]
        if not private:
            continue
        for ch, face in items:
            if face_covers(face, ch) and ch in remaining:
                remaining.remove(ch)
        for ch, face in private:
            table = PRIVATE_TEXT.setdefault(_ps_name(face), {})
            if remaining:
                table.setdefault(ord(ch), "".join(remaining))
                remaining = []


def _ps_name(face: str) -> str:
    name = pdfmetrics.getFont(face).face.name
    return name.decode("latin-1") if isinstance(name, bytes) else str(name)


def _utf16_hex(text: str) -> str:
    return text.encode("utf-16-be", "surrogatepass").hex().upper()


def to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap for a font subset, with surrogate pairs and shaped glyphs' own text."""
    private = PRIVATE_TEXT.get(fontname.split("+", 1)[-1], {})
    entries = [f"<{code:02X}> <{_utf16_hex(private.get(cp, chr(cp)))}>" for code, cp in enumerate(subset)]
    blocks: list[str] = []
    for i in range(0, len(entries), _BFCHAR_BLOCK):
        chunk = entries[i : i + _BFCHAR_BLOCK]
        blocks += [f"{len(chunk)} beginbfchar", *chunk, "endbfchar"]
    return "\n".join([
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        *blocks,
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ])  # fmt: skip


def install() -> None:
    """Wrap reportlab's paragraph word shaper once (idempotent, thread-safe)."""
    global _installed
    with _LOCK:
        if _installed:
            return
        current = rl_paragraph.shapeFragWord
        if not hasattr(current, "__wrapped__"):
            rl_paragraph.shapeFragWord = _shape_word(current)
        ttfonts.makeToUnicodeCMap = to_unicode_cmap
        _installed = True
