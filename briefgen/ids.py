"""Stable, hierarchical ids (see :mod:`briefgen.model`)."""

from __future__ import annotations

import hashlib

SOURCE_ID_LENGTH = 8


def digest_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def source_id(digest: str, taken: set[str] | None = None) -> str:
    """The id of a source whose bytes hash to *digest*; ``~2``, ``~3``... when the same bytes come twice."""
    base = digest[:SOURCE_ID_LENGTH]
    if not taken or base not in taken:
        return base
    n = 2
    while f"{base}~{n}" in taken:
        n += 1
    return f"{base}~{n}"


def article_id(source: str, index: int) -> str:
    return f"{source}.a{index + 1}"


def section_id(article: str, index: int) -> str:
    return f"{article}.s{index + 1}"


def paragraph_id(section: str, index: int) -> str:
    return f"{section}.p{index + 1}"


def sentence_id(section: str, index: int) -> str:
    return f"{section}.t{index + 1}"


def parent_id(any_id: str) -> str | None:
    """``6fe9ca65.a1.s2.t5`` -> ``6fe9ca65.a1.s2``; a source id has no parent."""
    head, sep, _ = any_id.rpartition(".")
    return head if sep else None


def source_of(any_id: str) -> str:
    return any_id.split(".", 1)[0]


def with_source(any_id: str, new_source: str) -> str:
    """The same id under another source id (used when a project's source file changed)."""
    _, sep, rest = any_id.partition(".")
    return f"{new_source}{sep}{rest}"
