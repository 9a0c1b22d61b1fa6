"""Finding a brief's sentences in its visible text, and reading the text a citation points at.

Texts are compared after :func:`normalise`: Unicode NFC, invisible format characters (soft hyphens, zero-width
spaces) and control characters dropped, every run of white space (non-breaking spaces too) as one space. A PDF's
spaces are rebuilt from its lines, so a sentence not found there is looked for once more without any spaces.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = "".join(
        " " if ch.isspace() else ch for ch in text if ch.isspace() or unicodedata.category(ch) not in ("Cc", "Cf")
    )
    return _SPACE.sub(" ", text).strip()


def squash(text: str) -> str:
    return normalise(text).replace(" ", "")


class _Occurrences:
    """One text in which each found sentence claims its place, so a sentence that the brief has twice must be
    there twice. Sentences are looked for from where the previous one was found, then from the start."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.cursor = 0
        self.claims: list[tuple[int, int]] = []

    def _free(self, start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in self.claims)

    def _find_from(self, key: str, start: int, stop: int) -> int:
        pos = self.text.find(key, start)
        while pos != -1 and pos < stop and not self._free(pos, pos + len(key)):
            pos = self.text.find(key, pos + 1)
        return pos if pos != -1 and pos < stop else -1

    def claim(self, key: str) -> bool:
        if not key:
            return False
        pos = self._find_from(key, self.cursor, len(self.text))
        if pos == -1:
            pos = self._find_from(key, 0, self.cursor)
        if pos == -1:
            return False
        self.claims.append((pos, pos + len(key)))
        self.cursor = pos + len(key)
        return True


class VisibleText:
    """The visible text of a brief, in which its sentences are looked for in order."""

    def __init__(self, text: str, spaced: bool = True) -> None:
        self.spaced = spaced
        self._spaced = _Occurrences(normalise(text))
        self._squashed = None if spaced else _Occurrences(squash(text))

    def contains(self, sentence: str) -> bool:
        """Whether *sentence* occurs anywhere (claims nothing)."""
        if normalise(sentence) in self._spaced.text:
            return True
        return self._squashed is not None and squash(sentence) in self._squashed.text

    def find(self, sentence: str) -> bool:
        """Whether *sentence* occurs at a place no earlier sentence took; the place is then taken."""
        if self._spaced.claim(normalise(sentence)):
            return True
        return self._squashed is not None and self._squashed.claim(squash(sentence))


def best_visible_text(texts: Sequence[str], sentences: Sequence[str], spaced: bool) -> VisibleText:
    """Of the candidate *texts* (most selective first), the first in which the most of *sentences* occur."""
    best: VisibleText | None = None
    best_count = -1
    for text in texts:
        visible = VisibleText(text, spaced)
        count = sum(visible.contains(s) for s in sentences)
        if count > best_count:
            best, best_count = visible, count
    return best if best is not None else VisibleText("", spaced)


def shown(text: str, limit: int = 80) -> str:
    """*text* on one line, cut to its first *limit* characters with an ellipsis."""
    flat = normalise(text)
    return flat if len(flat) <= limit else flat[:limit].rstrip() + "…"
