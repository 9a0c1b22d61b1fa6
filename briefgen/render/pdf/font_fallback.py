"""Which font draws each character of the PDF, and what happens to characters no font has.

Fonts are tried per character, in this order:

1. for Hangul, Han, kana, Arabic, Hebrew, Devanagari and Thai: the Noto subset bundled in ``resources/fonts``
   for that script (see its README), so these scripts look the same and shape the same on every machine;
2. the body (or heading) font, then DejaVu Sans when installed (:mod:`briefgen.render.pdf.fonts`);
3. the other bundled subsets (Noto Sans Symbols 2: arrows, dingbats, monochrome emoji), then the system's CJK
   fonts known by name;
4. any system font fontconfig (``fc-list``) names as having the character, where fontconfig is installed.

Bundled fonts come first because they are known to embed (TrueType outlines), known to carry the layout tables
shaping needs, and make the same brief give the same PDF everywhere. A character none of these has is drawn as
:data:`PLACEHOLDER` and recorded with its sentence (:func:`collect_missing`), so the renderer can warn;
formatting characters with no glyph (joiners, variation selectors, bidi marks) are left out silently.

Right-to-left runs (Arabic, Hebrew) inside a line of left-to-right text are set as one piece: their spaces become
no-break spaces, and the shaper (HarfBuzz, through reportlab) lays the piece out right to left, joining letters
and mirroring brackets. Digits end a run (the shaper would reverse them).
"""

from __future__ import annotations

import contextlib
import functools
import shutil
import subprocess
import threading
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.pdfbase.ttfonts import TTFError

from briefgen.nlp.scripts import (
    ARABIC,
    COMMON,
    DEVANAGARI,
    HAN,
    HANGUL,
    HEBREW,
    KANA,
    THAI,
    is_invisible,
    is_mark,
    is_rtl,
    script_of,
)
from briefgen.render.pdf.fonts import RegisteredFamily, cjk_font, face_covers, register_single
from briefgen.resources import resources_dir

PLACEHOLDER = "\u25a1"
"""WHITE SQUARE, drawn where no font has the character."""
FALLBACK_PLACEHOLDER = "?"

BUNDLED_FONTS: tuple[tuple[str, str, frozenset[str], bool], ...] = (
    # key, file in resources/fonts, scripts it is first choice for, shaped
    ("NotoCJK", "NotoSansCJK-Subset.ttf", frozenset({HAN, KANA, HANGUL}), False),
    ("NotoArabic", "NotoSansArabic-Subset.ttf", frozenset({ARABIC}), True),
    ("NotoHebrew", "NotoSansHebrew-Subset.ttf", frozenset({HEBREW}), True),
    ("NotoDevanagari", "NotoSansDevanagari-Subset.ttf", frozenset({DEVANAGARI}), True),
    ("NotoThai", "NotoSansThai-Subset.ttf", frozenset({THAI}), True),
    ("NotoSymbols2", "NotoSansSymbols2-Subset.ttf", frozenset(), False),
)
NBSP = "\u00a0"

SHAPED_FACES: set[str] = set()
"""reportlab face names whose words are shaped (:mod:`briefgen.render.pdf.shaping`)."""


def bundled_fonts_dir() -> Path:
    return resources_dir() / "fonts"


@dataclass(frozen=True, slots=True)
class ScriptFont:
    family: RegisteredFamily
    scripts: frozenset[str]
    shaped: bool


@functools.lru_cache(maxsize=1)
def bundled_fonts() -> tuple[ScriptFont, ...]:
    """The bundled script fonts that are present and load (a missing file is skipped: its characters then come
    from system fonts, or are reported)."""
    out: list[ScriptFont] = []
    for key, name, scripts, shaped in BUNDLED_FONTS:
        path = bundled_fonts_dir() / name
        if not path.is_file():
            continue
        try:
            family = register_single(key, name.split("-")[0], path, shapable=shaped)
        except (TTFError, OSError, ValueError):
            continue
        if shaped:
            SHAPED_FACES.add(family.regular)
        out.append(ScriptFont(family, scripts, shaped))
    return tuple(out)


_FC_LOCK = threading.Lock()


@functools.lru_cache(maxsize=2048)
def system_font_for(ch: str) -> RegisteredFamily | None:
    """A system font that has *ch*, found through fontconfig (``None`` without fontconfig or such a font)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    try:
        listing = subprocess.run(
            [fc_list, f":charset={ord(ch):x}", "file"], capture_output=True, text=True, timeout=10, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    paths = sorted({line.rstrip(": ").strip() for line in listing.splitlines() if line.strip()})
    for raw in paths:
        path = Path(raw)
        if path.suffix.lower() not in (".ttf", ".ttc", ".otf"):
            continue
        with _FC_LOCK, contextlib.suppress(TTFError, OSError, ValueError, KeyError):
            family = register_single(f"Sys{abs(hash(raw)) % 10**8}", path.stem, path)
            if family.covers(ch):
                return family
    return None


def _face_for(ch: str, family: RegisteredFamily, fallbacks: tuple[RegisteredFamily, ...]) -> str | None:
    """The face for *ch*: ``None`` for *family*'s own face, a face name, or ``""`` when no font has it."""
    script = script_of(ch)
    bundled = bundled_fonts()
    if script != COMMON:
        for font in bundled:
            if script in font.scripts and font.family.covers(ch):
                return font.family.regular
    if family.covers(ch):
        return None
    for other in fallbacks:
        if other.covers(ch):
            return other.regular
    for font in bundled:
        if font.family.covers(ch):
            return font.family.regular
    cjk = cjk_font()
    if cjk is not None and cjk.covers(ch):
        return cjk.regular
    found = system_font_for(ch)
    return found.regular if found is not None else ""


def _covers(face: str | None, family: RegisteredFamily, ch: str) -> bool:
    return family.covers(ch) if face is None else face_covers(face, ch)


def font_runs(
    text: str, family: RegisteredFamily, fallbacks: tuple[RegisteredFamily, ...] = ()
) -> list[tuple[str, str | None]]:
    """*text* cut into ``(run, face)`` pieces (face ``None``: *family*'s own), with placeholders for characters
    no font has (recorded for :func:`collect_missing`) and right-to-left runs prepared for shaping."""
    chars: list[str] = []
    faces: list[str | None] = []
    missing: list[str] = []
    for ch in text:
        if ch.isspace():
            chars.append(ch)
            faces.append(None)
            continue
        if is_mark(ch) and faces and _covers(faces[-1], family, ch):
            chars.append(ch)  # a combining mark stays with its base letter's font
            faces.append(faces[-1])
            continue
        face = _face_for(ch, family, fallbacks)
        if face == "":
            if is_invisible(ch):
                continue
            missing.append(ch)
            ch, face = PLACEHOLDER, _face_for(PLACEHOLDER, family, fallbacks)
            if face == "":
                ch, face = FALLBACK_PLACEHOLDER, None
        chars.append(ch)
        faces.append(face)
    if missing:
        _record_missing(missing, text)
    _join_shaped_words(chars, faces, family)
    _join_rtl_runs(chars, faces, family)
    runs: list[tuple[str, str | None]] = []
    for ch, face in zip(chars, faces, strict=True):
        if runs and runs[-1][1] == face:
            runs[-1] = (runs[-1][0] + ch, face)
        else:
            runs.append((ch, face))
    return runs


def _join_shaped_words(chars: list[str], faces: list[str | None], family: RegisteredFamily) -> None:
    """Within a word that holds letters set in a shaped face, punctuation that face has goes to it too, so the
    word is shaped as one piece ("नमस्ते।", "(שלום)")."""
    start = 0
    n = len(chars)
    while start < n:
        while start < n and chars[start].isspace():
            start += 1
        end = start
        while end < n and not chars[end].isspace():
            end += 1
        shaped = next((f for f in faces[start:end] if f in SHAPED_FACES), None)
        if shaped is not None:
            for i in range(start, end):
                if faces[i] != shaped and script_of(chars[i]) == COMMON and _covers(shaped, family, chars[i]):
                    faces[i] = shaped
        start = end


def _join_rtl_runs(chars: list[str], faces: list[str | None], family: RegisteredFamily) -> None:
    """Spaces between the words of a right-to-left run in one shaped face become no-break spaces in that face."""
    last_rtl: int | None = None
    for i, ch in enumerate(chars):
        if is_rtl(ch) and faces[i] in SHAPED_FACES:
            if last_rtl is not None and faces[last_rtl] == faces[i]:
                between = range(last_rtl + 1, i)
                if all(chars[j].isspace() or faces[j] == faces[i] for j in between) and any(
                    chars[j].isspace() for j in between
                ):
                    for j in between:
                        if chars[j].isspace() and _covers(faces[i], family, NBSP):
                            chars[j] = NBSP
                            faces[j] = faces[i]
            last_rtl = i
        elif not (ch.isspace() or is_mark(ch) or (script_of(ch) == COMMON and not ch.isdigit())) or ch.isdigit():
            last_rtl = None


# -- characters no font has ----------------------------------------------------------------------------------


@dataclass
class MissingCharacters:
    """Characters drawn as placeholders, by the sentence (or text) they were in, in order of appearance."""

    by_context: dict[str, list[str]] = field(default_factory=dict)

    def add(self, chars: list[str], context: str) -> None:
        found = self.by_context.setdefault(context, [])
        for ch in chars:
            if ch not in found:
                found.append(ch)

    @property
    def characters(self) -> list[str]:
        out: list[str] = []
        for chars in self.by_context.values():
            out.extend(ch for ch in chars if ch not in out)
        return out

    def warnings(self) -> list[str]:
        out = []
        for context, chars in self.by_context.items():
            named = ", ".join(f"U+{ord(ch):04X}" for ch in chars)
            shown = context if len(context) <= 120 else context[:117] + "…"
            out.append(f"PDF: no available font has {named}; drawn as {PLACEHOLDER} in: {shown!r}")
        return out


_MISSING: ContextVar[MissingCharacters | None] = ContextVar("briefgen_missing_chars", default=None)
_CONTEXT: ContextVar[str | None] = ContextVar("briefgen_missing_context", default=None)


@contextlib.contextmanager
def collect_missing() -> Iterator[MissingCharacters]:
    """Record the characters drawn as placeholders while the block runs (one PDF being rendered)."""
    found = MissingCharacters()
    token = _MISSING.set(found)
    try:
        yield found
    finally:
        _MISSING.reset(token)


@contextlib.contextmanager
def sentence_context(text: str) -> Iterator[None]:
    """Name *text* (a whole sentence) in warnings about characters missing from pieces of it."""
    token = _CONTEXT.set(text)
    try:
        yield
    finally:
        _CONTEXT.reset(token)


def _record_missing(chars: list[str], text: str) -> None:
    found = _MISSING.get()
    if found is not None:
        found.add(chars, _CONTEXT.get() or text)
