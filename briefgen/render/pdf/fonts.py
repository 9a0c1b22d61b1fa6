"""Finding and registering TrueType fonts for PDF output.

The PDF core fonts (Times, Helvetica) only cover Latin-1, so briefs are set in TrueType fonts found on the
system, embedded as subsets. For each family choice (``serif``/``sans``) the first complete family found is
used, in this order (all cover Latin, Greek and Cyrillic):

* serif: Noto Serif, Liberation Serif, DejaVu Serif, Times New Roman
* sans:  Noto Sans, Liberation Sans, DejaVu Sans, Arial

Characters the chosen font lacks are set in DejaVu Sans when it is installed, and CJK text in the first TrueType
CJK font found (WenQuanYi Zen/Micro Hei, Droid Sans Fallback, IPA Gothic, AR PL UMing, Microsoft YaHei,
SimSun, Arial Unicode; Noto CJK is skipped because reportlab cannot embed its CFF outlines). Without any of
these, reportlab's bundled Vera fonts are used with a warning (Vera has no Greek or Cyrillic).

Folders searched: ``BRIEFGEN_FONT_DIRS`` (``os.pathsep``-separated), then the usual system and user font folders.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from briefgen.templates.style import FontFamily

_COVERAGE_PROBE = "“”‘’—–…éçñüßŁЖжΩωπ€"
"""A family must have all of these to be chosen."""


@dataclass(frozen=True, slots=True)
class FamilyCandidate:
    name: str
    files: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]
    """Alternative file names for regular, bold, italic, bold italic."""


def _family(name: str, regular: str, bold: str, italic: str, bold_italic: str, *alts: str) -> FamilyCandidate:
    variants = [regular, bold, italic, bold_italic]
    files = [(v, *(a.split("|")[i] for a in alts)) for i, v in enumerate(variants)]
    return FamilyCandidate(name, (files[0], files[1], files[2], files[3]))


SERIF_CANDIDATES = (
    _family("Noto Serif", "NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf", "NotoSerif-Italic.ttf",
            "NotoSerif-BoldItalic.ttf"),
    _family("Liberation Serif", "LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf",
            "LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf"),
    _family("DejaVu Serif", "DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf",
            "DejaVuSerif-BoldItalic.ttf"),
    _family("Times New Roman", "times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf",
            "Times New Roman.ttf|Times New Roman Bold.ttf|Times New Roman Italic.ttf|Times New Roman Bold Italic.ttf"),
)  # fmt: skip
SANS_CANDIDATES = (
    _family("Noto Sans", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf",
            "NotoSans-BoldItalic.ttf"),
    _family("Liberation Sans", "LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf",
            "LiberationSans-Italic.ttf", "LiberationSans-BoldItalic.ttf"),
    _family("DejaVu Sans", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf",
            "DejaVuSans-BoldOblique.ttf"),
    _family("Arial", "arial.ttf", "arialbd.ttf", "ariali.ttf", "arialbi.ttf",
            "Arial.ttf|Arial Bold.ttf|Arial Italic.ttf|Arial Bold Italic.ttf"),
)  # fmt: skip
CJK_CANDIDATES = (
    "wqy-zenhei.ttc", "wqy-microhei.ttc", "DroidSansFallbackFull.ttf", "DroidSansFallback.ttf",
    "ipagp.ttf", "ipag.ttf", "uming.ttc", "ukai.ttc", "msyh.ttc", "msyh.ttf", "simsun.ttc",
    "Arial Unicode.ttf", "NanumGothic.ttf",
)  # fmt: skip
WIDE_FALLBACK = ("DejaVuSans.ttf",)


def font_dirs() -> list[Path]:
    dirs: list[Path] = [Path(p) for p in os.environ.get("BRIEFGEN_FONT_DIRS", "").split(os.pathsep) if p]
    home = Path.home()
    if sys.platform == "win32":
        windir = os.environ.get("WINDIR", r"C:\Windows")
        dirs += [Path(windir) / "Fonts", Path(os.environ.get("LOCALAPPDATA", "")) / "Microsoft/Windows/Fonts"]
    elif sys.platform == "darwin":
        dirs += [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library/Fonts"]
    else:
        dirs += [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".local/share/fonts",
                 home / ".fonts"]  # fmt: skip
    return dirs


@functools.lru_cache(maxsize=1)
def _font_index() -> dict[str, Path]:
    """Lower-case file name -> path, for every font file in the searched folders (first one wins)."""
    index: dict[str, Path] = {}
    for folder in font_dirs():
        if not folder.is_dir():
            continue
        for root, _dirs, files in os.walk(folder):
            for name in files:
                if name.lower().endswith((".ttf", ".ttc")):
                    index.setdefault(name.lower(), Path(root) / name)
    return index


def _find(names: tuple[str, ...]) -> Path | None:
    index = _font_index()
    for name in names:
        path = index.get(name.lower())
        if path is not None:
            return path
    return None


@dataclass(frozen=True, slots=True)
class RegisteredFamily:
    name: str
    """Human name, e.g. ``"Liberation Serif"``."""
    regular: str
    bold: str
    italic: str
    bold_italic: str
    """reportlab font names."""
    path: str
    """File of the regular face (for the documentation and diagnostics)."""

    def face(self, *, bold: bool = False, italic: bool = False) -> str:
        if bold and italic:
            return self.bold_italic
        return self.bold if bold else (self.italic if italic else self.regular)

    def covers(self, char: str) -> bool:
        return ord(char) in _coverage(self.regular)


_COVERAGE: dict[str, frozenset[int]] = {}
"""The characters each registered face maps, taken when it is loaded: shaping later adds private-use entries
to reportlab's own map for glyphs without a character, which must not count as coverage."""


def _coverage(face: str) -> frozenset[int]:
    found = _COVERAGE.get(face)
    if found is None:
        found = _COVERAGE[face] = frozenset(pdfmetrics.getFont(face).face.charToGlyph)
    return found


def face_covers(face: str, char: str) -> bool:
    """True when the registered reportlab face *face* has a glyph for *char*."""
    return ord(char) in _coverage(face)


_LOCK = threading.RLock()
_REGISTERED: dict[str, RegisteredFamily] = {}


def _register_files(
    key: str, name: str, paths: list[Path], subfont: int = 0, *, shapable: bool = True
) -> RegisteredFamily:
    with _LOCK:
        if key in _REGISTERED:
            return _REGISTERED[key]
        names = [f"BG-{key}", f"BG-{key}-Bold", f"BG-{key}-Italic", f"BG-{key}-BoldItalic"]
        faces: list[str] = []
        by_path: dict[Path, str] = {}
        for face, path in zip(names, paths, strict=True):
            if path not in by_path:  # a face missing from a family reuses the regular one, loaded once
                font = TTFont(face, str(path), subfontIndex=subfont, shapable=shapable)
                pdfmetrics.registerFont(font)
                _COVERAGE[face] = frozenset(font.face.charToGlyph)
                by_path[path] = face
            faces.append(by_path[path])
        pdfmetrics.registerFontFamily(faces[0], normal=faces[0], bold=faces[1], italic=faces[2], boldItalic=faces[3])
        family = RegisteredFamily(name, faces[0], faces[1], faces[2], faces[3], str(paths[0]))
        _REGISTERED[key] = family
        return family


def register_single(key: str, name: str, path: Path, *, shapable: bool = False) -> RegisteredFamily:
    """A one-face font (a script fallback) registered under ``BG-<key>``, its face standing in for all four."""
    return _register_files(key, name, [path] * 4, shapable=shapable)


def _try_family(candidate: FamilyCandidate) -> RegisteredFamily | None:
    regular = _find(candidate.files[0])
    if regular is None:
        return None
    paths = [regular] + [(_find(names) or regular) for names in candidate.files[1:]]
    try:
        family = _register_files(candidate.name.replace(" ", ""), candidate.name, paths)
    except (TTFError, OSError, ValueError):
        return None
    return family if all(family.covers(ch) for ch in _COVERAGE_PROBE) else None


GENERIC_FAMILIES = tuple(FontFamily)


def _named_family(name: str) -> RegisteredFamily | None:
    """An installed family chosen by name (see :mod:`briefgen.render.pdf.named_fonts`), or ``None``."""
    from briefgen.render.pdf.named_fonts import compact_index, family_files

    paths = family_files(name, compact_index((p.name, p) for p in _font_index().values()))
    if paths is None:
        return None
    try:
        return _register_files("Named" + "".join(ch for ch in name if ch.isalnum()), name, paths)
    except (TTFError, OSError, ValueError):
        return None


def _vera() -> RegisteredFamily:
    import reportlab

    folder = Path(reportlab.__file__).parent / "fonts"
    names = ["Vera.ttf", "VeraBd.ttf", "VeraIt.ttf", "VeraBI.ttf"]
    return _register_files("Vera", "Bitstream Vera (bundled with reportlab)", [folder / n for n in names])


@dataclass(frozen=True, slots=True)
class PdfFonts:
    body: RegisteredFamily
    heading: RegisteredFamily
    fallbacks: tuple[RegisteredFamily, ...]
    """Tried in order for characters the body/heading font lacks; :func:`cjk_font` comes after them."""
    warnings: tuple[str, ...]


@functools.lru_cache(maxsize=8)
def resolve_fonts(body_choice: str, heading_choice: str) -> PdfFonts:
    """The registered fonts for a style's family choices (``"serif"``/``"sans"``), with any warnings."""
    warnings: list[str] = []
    chosen: dict[str, RegisteredFamily] = {}
    for choice in {body_choice, heading_choice}:
        named = None if choice in GENERIC_FAMILIES else _named_family(choice)
        if choice not in GENERIC_FAMILIES and named is None:
            warnings.append(f"the font family {choice!r} was not found on this computer; using a serif font")
        candidates = SANS_CANDIDATES if choice == "sans" else SERIF_CANDIDATES
        others = SERIF_CANDIDATES if choice == "sans" else SANS_CANDIDATES
        family = named or next((f for f in map(_try_family, candidates + others) if f is not None), None)
        if family is None:
            warnings.append(
                "no TrueType font with Greek and Cyrillic was found (install DejaVu, Liberation or Noto fonts); "
                "using the bundled Vera font, which lacks some characters"
            )
            family = _vera()
        chosen[choice] = family
    fallbacks: list[RegisteredFamily] = []
    wide = _find(WIDE_FALLBACK)
    if wide is not None:
        with contextlib.suppress(TTFError, OSError, ValueError):
            fallbacks.append(_register_files("WideSans", "DejaVu Sans", [wide] * 4))
    return PdfFonts(chosen[body_choice], chosen[heading_choice], tuple(fallbacks), tuple(warnings))


@functools.lru_cache(maxsize=1)
def cjk_font() -> RegisteredFamily | None:
    """The first usable TrueType CJK font, loaded on first use (only briefs with CJK text pay for it)."""
    index = _font_index()
    for name in CJK_CANDIDATES:
        path = index.get(name.lower())
        if path is None:
            continue
        try:
            return _register_files("CJK", path.stem, [path] * 4)
        except (TTFError, OSError, ValueError):
            continue
    return None
