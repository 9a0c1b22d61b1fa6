"""A brief's provenance: which source text each of its sentences quotes, in a form a program can read back.

Every renderer embeds it where readers do not see it (see :mod:`briefgen.render.provenance_embed`): a file
attached to the PDF, a custom XML part of the Word file, an HTML comment at the end of the Markdown.
``briefgen verify`` (:mod:`briefgen.verify`) reads it back to check the brief against its sources.

The document is compact ASCII JSON (every non-ASCII character ``\\u``-escaped)::

    {"format": "briefgen-provenance", "version": 1, "title": "...",
     "sentences": [{"id": "6fe9ca65.a1.s2.t5", "text": "...", "sha256": "<of the text, UTF-8>",
                    "citations": [{"source": "6fe9ca65", "source_sha256": "<of the source file>",
                                   "article": "6fe9ca65.a1", "section": "6fe9ca65.a1.s2",
                                   "start": 120, "end": 198}]}],
     "sources": [{"number": 1, "source": "6fe9ca65", "source_sha256": "...", "article": "6fe9ca65.a1",
                  "path": "a.txt", "title": "..."}]}

``start``/``end`` index the cited section's text (``section.text[start:end]`` is the sentence, see
:mod:`briefgen.model`); ``source_sha256`` is the SHA-256 of the source file's bytes (empty when the brief did not
know it), whose first eight hex digits are the source id. Sentences come in the brief's order.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from briefgen.brief import Brief

PROVENANCE_FORMAT = "briefgen-provenance"
PROVENANCE_VERSION = 1
ATTACHMENT_NAME = "briefgen-provenance.json"
"""The name of the file attached to a PDF brief."""
XML_NAMESPACE = "urn:briefgen:provenance"
"""The namespace of the root element of a Word brief's custom XML part."""
MARKDOWN_MARK = "briefgen-provenance"
"""The word that opens the HTML comment at the end of a Markdown brief."""


class ProvenanceError(ValueError):
    """Provenance that cannot be read: not JSON, another format, a newer version, fields missing."""


@dataclass(frozen=True, slots=True)
class CitedSpan:
    source: str
    source_sha256: str
    article: str
    section: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ProvenanceSentence:
    id: str
    text: str
    sha256: str
    citations: tuple[CitedSpan, ...]


@dataclass(frozen=True, slots=True)
class ProvenanceSource:
    number: int
    source: str
    source_sha256: str
    article: str
    path: str
    title: str | None


@dataclass(frozen=True, slots=True)
class Provenance:
    title: str
    sentences: tuple[ProvenanceSentence, ...]
    sources: tuple[ProvenanceSource, ...]
    version: int = PROVENANCE_VERSION


def shown_path(path: str) -> str:
    """What a brief records of a source's location: a web address as it is, a local file by its name only (the
    brief travels; the folders of the machine it was made on are nobody's business, and the hash identifies the
    file)."""
    return path if "://" in path else PurePath(path).name


def text_sha256(text: str) -> str:
    """SHA-256 of *text* as UTF-8 (a lone surrogate, which no file can hold, as its own three bytes)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def provenance_of(brief: Brief) -> Provenance:
    """The provenance of *brief*: its sentences with their citations, and its numbered sources."""

    def digest_of(source: str, article: str) -> str:
        for entry in brief.sources:
            if entry.article_id == article or (entry.source_id == source and entry.digest):
                return entry.digest
        return ""

    sentences = tuple(
        ProvenanceSentence(
            s.id,
            s.text,
            text_sha256(s.text),
            tuple(
                CitedSpan(c.source, digest_of(c.source, c.article), c.article, c.section, c.start, c.end)
                for c in s.citations
            ),
        )
        for s in brief.sentences()
    )
    sources = tuple(
        ProvenanceSource(e.number, e.source_id, e.digest, e.article_id, shown_path(e.path), e.metadata.title)
        for e in brief.sources
    )
    return Provenance(brief.title, sentences, sources)


def provenance_json(brief: Brief) -> str:
    """The provenance of *brief* as compact ASCII JSON."""
    return to_json(provenance_of(brief))


def to_json(provenance: Provenance) -> str:
    return json.dumps(to_dict(provenance), ensure_ascii=True, separators=(",", ":"))


def to_dict(provenance: Provenance) -> dict[str, Any]:
    return {
        "format": PROVENANCE_FORMAT,
        "version": provenance.version,
        "title": provenance.title,
        "sentences": [
            {
                "id": s.id,
                "text": s.text,
                "sha256": s.sha256,
                "citations": [
                    {
                        "source": c.source,
                        "source_sha256": c.source_sha256,
                        "article": c.article,
                        "section": c.section,
                        "start": c.start,
                        "end": c.end,
                    }
                    for c in s.citations
                ],
            }
            for s in provenance.sentences
        ],
        "sources": [
            {
                "number": e.number,
                "source": e.source,
                "source_sha256": e.source_sha256,
                "article": e.article,
                "path": e.path,
                "title": e.title,
            }
            for e in provenance.sources
        ],
    }


def parse_provenance(data: str | bytes) -> Provenance:
    """The provenance in *data* (JSON); :class:`ProvenanceError` when it is not briefgen provenance."""
    try:
        obj = json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ProvenanceError(f"the provenance is not JSON ({exc})") from None
    if not isinstance(obj, dict) or obj.get("format") != PROVENANCE_FORMAT:
        raise ProvenanceError("the provenance is not briefgen's")
    version = obj.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ProvenanceError("the provenance has no valid version")
    if version > PROVENANCE_VERSION:
        raise ProvenanceError(f"the provenance is version {version}; this briefgen reads up to {PROVENANCE_VERSION}")
    try:
        sentences = tuple(_sentence(s) for s in _list(obj, "sentences"))
        sources = tuple(_source(e) for e in _list(obj, "sources"))
        title = _str(obj, "title")
    except (KeyError, TypeError) as exc:
        raise ProvenanceError(f"the provenance is damaged ({exc})") from None
    return Provenance(title, sentences, sources, version)


def _list(obj: Any, key: str) -> list[Any]:
    value = obj[key]
    if not isinstance(value, list):
        raise TypeError(f"{key} is not a list")
    return value


def _str(obj: Any, key: str) -> str:
    value = obj[key]
    if not isinstance(value, str):
        raise TypeError(f"{key} is not text")
    return value


def _int(obj: Any, key: str) -> int:
    value = obj[key]
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise TypeError(f"{key} is not a count")
    return value


def _sentence(obj: Any) -> ProvenanceSentence:
    if not isinstance(obj, dict):
        raise TypeError("a sentence is not an object")
    citations = tuple(_citation(c) for c in _list(obj, "citations"))
    return ProvenanceSentence(_str(obj, "id"), _str(obj, "text"), _str(obj, "sha256"), citations)


def _citation(obj: Any) -> CitedSpan:
    if not isinstance(obj, dict):
        raise TypeError("a citation is not an object")
    start, end = _int(obj, "start"), _int(obj, "end")
    if end < start:
        raise TypeError("a citation ends before it starts")
    return CitedSpan(
        _str(obj, "source"), _str(obj, "source_sha256"), _str(obj, "article"), _str(obj, "section"), start, end
    )


def _source(obj: Any) -> ProvenanceSource:
    if not isinstance(obj, dict):
        raise TypeError("a source is not an object")
    title = obj.get("title")
    return ProvenanceSource(
        _int(obj, "number"),
        _str(obj, "source"),
        _str(obj, "source_sha256"),
        _str(obj, "article"),
        _str(obj, "path"),
        title if isinstance(title, str) else None,
    )
