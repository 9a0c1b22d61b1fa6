"""Verifying a brief against its sources: with the brief's provenance when it has one, else by its text alone.

With provenance, every sentence the brief was made with is checked three ways:

1. each source its citations name is among the given sources (matched by the SHA-256 of the file's bytes; a
   file of the same name with other bytes is a source that changed since the brief was made, which still
   supports the sentences it has verbatim, anywhere);
2. the source's text at the cited place is the sentence (``section.text[start:end]``; should the source be read
   into other offsets, say by another version of briefgen, the sentence found verbatim elsewhere in that same
   file also counts);
3. the brief's visible text still has the sentence (so a word changed in Word after export is caught).

Without provenance (a brief made elsewhere, or stripped of it) the sentences of the brief's visible text are
looked for verbatim in the sources instead, and the report says provenance was missing.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from pathlib import PurePath

from briefgen.corpus import Corpus
from briefgen.errors import InputError
from briefgen.ids import source_of, with_source
from briefgen.model import Source
from briefgen.provenance import CitedSpan, Provenance, ProvenanceError, parse_provenance, text_sha256
from briefgen.verify.matching import best_visible_text, normalise
from briefgen.verify.reading import ReadBrief, read_brief
from briefgen.verify.report import SentenceCheck, VerifyReport

EDITED = "the brief's text no longer has it (edited after the brief was made?)"
NOT_IN_SOURCES = "not found verbatim in the sources"


def verify_brief(brief: str | os.PathLike[str], sources: Corpus | Iterable[str | os.PathLike[str]]) -> VerifyReport:
    """Check the brief at *brief* against *sources* (paths or a loaded corpus); see the module doc.

    Raises :class:`InputError` for a brief or source that cannot be read, and for a brief with no sentences.
    """
    read = read_brief(brief)
    corpus = load_corpus(sources)
    provenance: Provenance | None = None
    problem = "none in the brief"
    if read.provenance is not None:
        try:
            provenance = parse_provenance(read.provenance)
        except ProvenanceError as exc:
            problem = f"unreadable: {exc}"
    report = verify_provenance(read, provenance, corpus) if provenance else verify_text(read, corpus, problem)
    if not report.checks:
        raise InputError("no sentences found in the brief", os.fspath(brief))
    return report


def load_corpus(sources: Corpus | Iterable[str | os.PathLike[str]]) -> Corpus:
    """The given sources, read as briefgen reads them; any unreadable source is an :class:`InputError`."""
    if isinstance(sources, Corpus):
        return sources
    paths = [os.fspath(p) for p in sources]
    if not paths:
        raise InputError("no source files given")
    from briefgen.ingest import load_sources

    loaded = load_sources(paths)
    if loaded.errors:
        first = loaded.errors[0]
        more = len(loaded.errors) - 1
        raise InputError(first.reason + (f" (and {more} more unreadable source(s))" if more else ""), first.path)
    return loaded.corpus


def verify_provenance(read: ReadBrief, provenance: Provenance, corpus: Corpus) -> VerifyReport:
    visible = best_visible_text(read.texts, [s.text for s in provenance.sentences], read.spaced)
    lookup = SourceLookup(corpus, provenance)
    checks: list[SentenceCheck] = []
    for sentence in provenance.sentences:
        reasons: list[str] = []
        if text_sha256(sentence.text) != sentence.sha256:
            reasons.append("its provenance record is damaged")
        if not visible.find(sentence.text):
            reasons.append(EDITED)
        if not sentence.citations:
            reasons.append("it cites no source")
        for citation in sentence.citations:
            reason = lookup.check(citation, sentence.text)
            if reason is not None and reason not in reasons:
                reasons.append(reason)
        checks.append(SentenceCheck(sentence.id, sentence.text, tuple(reasons)))
    notes = tuple(f"{path} changed since the brief was made" for path in lookup.changed)
    return VerifyReport(read.format, tuple(checks), provenance=True, notes=notes)


class SourceLookup:
    """The given sources, found by the SHA-256 the provenance records for them."""

    def __init__(self, corpus: Corpus, provenance: Provenance) -> None:
        self.corpus = corpus
        self.by_digest: dict[str, Source] = {}
        for source in corpus.sources:
            self.by_digest.setdefault(source.digest, source)
        self.paths = {e.source: e.path for e in provenance.sources}
        self.paths.update({e.article: e.path for e in provenance.sources})
        self.changed: dict[str, None] = {}
        """Given sources whose bytes differ from the brief's (in order; a dict as an ordered set)."""

    def source_for(self, citation: CitedSpan) -> Source | None:
        if citation.source_sha256:
            return self.by_digest.get(citation.source_sha256.lower())
        base = source_of(citation.source).split("~", 1)[0]  # no digest recorded: the id is its first digits
        return next((s for s in self.corpus.sources if base and s.digest.startswith(base)), None)

    def check(self, citation: CitedSpan, text: str) -> str | None:
        """Why *citation* does not support *text*, or ``None`` when it does."""
        source = self.source_for(citation)
        path = self.paths.get(citation.article) or self.paths.get(citation.source) or citation.source
        if source is None:
            changed = next((s for s in self.corpus.sources if _same_file(path, s.path)), None)
            if changed is None:
                return f"its source was not given: {path}"
            self.changed.setdefault(changed.path, None)
            if any(text in sec.text for sec in changed.sections):
                return None  # the file changed, yet it still has the sentence verbatim
            return f"source changed since the brief was made, and no longer has it: {path}"
        try:
            section = self.corpus.section(with_source(citation.section, source.id))
        except KeyError:
            section = None
        if section is not None and section.text[citation.start : citation.end] == text:
            return None
        if any(text in sec.text for sec in source.sections):  # same bytes, read into other offsets
            return None
        return f"not found verbatim in its source: {source.path}"


def _same_file(recorded: str, given: str) -> bool:
    """Whether a source path the brief recorded and a given one name the same file (or at least the same name)."""
    if recorded == given:
        return True
    if "://" in recorded or "://" in given:
        return False
    try:
        if os.path.realpath(recorded) == os.path.realpath(given):
            return True
    except (OSError, ValueError):
        pass
    return PurePath(recorded).name == PurePath(given).name


_MARKERS = re.compile(r"\[[^\[\]]*\]|\([^()]*\)|[•†‡*]")
_LEADING_MARKERS = re.compile(r"^(?:\s*(?:\[[^\[\]]*\]|[•†‡]))+\s*")
_WORD = re.compile(r"[^\W\d_]{2,}")
_MIN_WORDS = 3
"""A stretch of the brief's text with fewer words than this, once citation markers are gone, is not a sentence
(what is left between sentences: markers, bullets, labels). Nor is a line of terms or details separated by
" · " (key phrases, the title block's details)."""


def verify_text(read: ReadBrief, corpus: Corpus, problem: str) -> VerifyReport:
    """Without provenance: which sentences of the brief's body text occur verbatim in the sources."""
    text = "\n".join(normalise(block) for block in read.body)
    found = _occurrences(text, {normalise(s.text) for _, _, sec in corpus.sections() for s in sec.sentences})
    checks: list[tuple[int, SentenceCheck]] = [(a, SentenceCheck("", text[a:b])) for a, b in found]
    pos = 0
    for a, b in [*found, (len(text), len(text))]:
        for start, piece in _sentences(text, pos, a):
            checks.append((start, SentenceCheck("", piece, (NOT_IN_SOURCES,))))
        pos = b
    checks.sort(key=lambda item: item[0])
    return VerifyReport(read.format, tuple(c for _, c in checks), provenance=False, provenance_problem=problem)


def _occurrences(text: str, keys: Iterable[str]) -> list[tuple[int, int]]:
    """Non-overlapping places of *keys* in *text*, the longest taken first, in text order."""
    spans: list[tuple[int, int]] = []
    for key in keys:
        if not key:
            continue
        pos = text.find(key)
        while pos != -1:
            spans.append((pos, pos + len(key)))
            pos = text.find(key, pos + 1)
    taken: list[tuple[int, int]] = []
    for a, b in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
        if all(b <= x or a >= y for x, y in taken):
            taken.append((a, b))
    return sorted(taken)


def _sentences(text: str, start: int, end: int) -> Sequence[tuple[int, str]]:
    """The sentences in the stretch ``text[start:end]`` that no source has, each with where it starts."""
    from briefgen.nlp.sentences import split_sentences

    out: list[tuple[int, str]] = []
    for line in text[start:end].split("\n"):
        for piece in split_sentences(line):
            if len(_WORD.findall(_MARKERS.sub(" ", piece))) >= _MIN_WORDS and " · " not in piece:
                at = text.find(piece, start)
                out.append((at if at != -1 else start, _LEADING_MARKERS.sub("", piece)))
    return out
