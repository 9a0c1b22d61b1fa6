"""What is new in a brief since the project's previous export: sentences are known by a hash of their text.

A project remembers the text hashes of the sentences its last export held (``Project.exported``); the next
brief marks every sentence whose text is not among them as new (``BriefSentence.new``), so after the sources
changed the reader sees what was added. Hashes, not texts, are stored: the project file stays small and carries
no copy of the sources' words.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from briefgen.brief import Brief

HASH_LENGTH = 16
_SPACE = re.compile(r"\s+")


def text_hash(text: str) -> str:
    """A short, stable hash of a sentence's text (white space folded)."""
    folded = _SPACE.sub(" ", text).strip()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def is_text_hash(value: object) -> bool:
    return isinstance(value, str) and len(value) == HASH_LENGTH and all(c in "0123456789abcdef" for c in value)


def brief_hashes(brief: Brief) -> frozenset[str]:
    """The hashes of every sentence a brief holds: what a project stores after an export."""
    return frozenset(text_hash(s.text) for s in brief.sentences())


def is_new(text: str, previous: Iterable[str]) -> bool:
    return text_hash(text) not in previous
