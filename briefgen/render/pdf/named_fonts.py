"""Font files of a family chosen by name (``"Liberation Serif"``, ``"Georgia"``), for the PDF renderer.

fontconfig knows the installed families where it exists (Linux, most Unix systems): ``fc-list`` is asked once and
its answer kept. Elsewhere, or when it is missing, the font folders of :func:`briefgen.render.pdf.fonts.font_dirs`
are searched by file name (``LiberationSerif-Regular.ttf``, ``georgia.ttf`` with ``georgiab.ttf`` …). Only
TrueType files are used: reportlab embeds those.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

FC_LIST_TIMEOUT_S = 10.0
STYLES = ("regular", "bold", "italic", "bold italic")
"""The four faces a family needs, in :class:`~briefgen.render.pdf.fonts.RegisteredFamily` order."""
_STYLE_WORDS = {
    "regular": ("regular", "book", "roman", "normal", ""),
    "bold": ("bold",),
    "italic": ("italic", "oblique"),
    "bold italic": ("bold italic", "bold oblique", "bolditalic", "boldoblique"),
}
_SUFFIXES = {
    "regular": ("-regular", "regular", "", "-roman", "-book"),
    "bold": ("-bold", "bold", "bd", "b"),
    "italic": ("-italic", "italic", "-oblique", "it", "i"),
    "bold italic": ("-bolditalic", "bolditalic", "-boldoblique", "bi", "z"),
}


def _key(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


@functools.lru_cache(maxsize=1)
def _fontconfig_faces() -> dict[str, dict[str, Path]]:
    """Family key -> style -> file, from ``fc-list`` (empty when fontconfig is not there)."""
    exe = shutil.which("fc-list")
    if exe is None:
        return {}
    try:
        out = subprocess.run(
            [exe, "--format", "%{family}\t%{style}\t%{file}\n"],
            capture_output=True,
            text=True,
            timeout=FC_LIST_TIMEOUT_S,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    faces: dict[str, dict[str, Path]] = {}
    for line in out.splitlines():
        parts = line.split("\t")
        if len(parts) != 3 or not parts[2].lower().endswith(".ttf"):
            continue
        styles = [s.strip().lower() for s in parts[1].split(",")]
        for family in parts[0].split(","):
            by_style = faces.setdefault(_key(family), {})
            for style, words in _STYLE_WORDS.items():
                if any(s in words for s in styles):
                    by_style.setdefault(style, Path(parts[2]))
    return faces


def _by_file_name(family: str, index: dict[str, Path]) -> dict[str, Path]:
    base = _key(family)
    found: dict[str, Path] = {}
    for style, suffixes in _SUFFIXES.items():
        for suffix in suffixes:
            path = index.get(f"{base}{suffix}.ttf") or index.get(f"{base}{_key(suffix)}.ttf")
            if path is not None:
                found[style] = path
                break
    return found


def family_files(family: str, index: dict[str, Path]) -> list[Path] | None:
    """The regular, bold, italic and bold-italic files of *family* (a missing face reuses the regular one), or
    ``None`` when no regular face is found. *index* maps compact lower-case file names (no separators) to files."""
    faces = _fontconfig_faces().get(_key(family)) or _by_file_name(family, index)
    regular = faces.get("regular")
    if regular is None:
        return None
    return [faces.get(style, regular) for style in STYLES]


def compact_index(files: Iterable[tuple[str, Path]]) -> dict[str, Path]:
    """``{"liberationserifregular.ttf": path}`` from (file name, path) pairs: the form :func:`family_files` reads."""
    index: dict[str, Path] = {}
    for name, path in files:
        stem, _, ext = name.lower().rpartition(".")
        index.setdefault(f"{_key(stem)}.{ext}", path)
    return index
