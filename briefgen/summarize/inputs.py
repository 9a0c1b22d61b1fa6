"""What a :class:`~briefgen.summarize.api.SummaryRequest` selects, checked against the corpus.

Sections come in brief order: the order of the selection's ids (a source or article id stands for its sections
in reading order), or reading order when nothing is selected. Sentences keep source order within a section.
A pinned sentence outside the selected sections is still included: its section is added after the selected ones
(in reading order), holding that sentence only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from briefgen.corpus import Corpus, SentenceRef
from briefgen.errors import IdList, IdProblem, InputError, UnknownIdError
from briefgen.nlp import content_terms
from briefgen.summarize.api import SummaryRequest
from briefgen.summarize.budgets import validate_budget
from briefgen.summarize.repeats import per_text
from briefgen.summarize.sentence_set import SentenceSet
from briefgen.summarize.tokens import TABLE_FROM, TokenTable


@dataclass(frozen=True, slots=True)
class SelectedText:
    refs: tuple[SentenceRef, ...]
    """Every selected sentence, in output order."""
    sentences: SentenceSet
    """The same sentences as an algorithm sees them."""
    pinned: tuple[bool, ...]
    excluded: tuple[bool, ...]
    sections: dict[str, list[int]]
    """Section id -> indices of its sentences, sections in brief order."""
    tokens: TokenTable | None
    """The word tokens of the same sentences, from :data:`~briefgen.summarize.tokens.TABLE_FROM` sentences."""

    @property
    def section_ids(self) -> tuple[str, ...]:
        return tuple(self.sections)


def ordered_sections(corpus: Corpus, selection: Iterable[str]) -> list[str]:
    """Section ids the selection stands for, in brief order, without repeats; everything when it is empty."""
    ids = list(selection)
    if not ids:
        return [sec.id for _, _, sec in corpus.sections()]
    out: list[str] = []
    seen: set[str] = set()
    for any_id in ids:
        try:
            covered = corpus.resolve_sections([any_id])
        except KeyError:
            problem = IdProblem.SENTENCE_SELECTED if corpus.has(any_id) else IdProblem.UNKNOWN
            raise UnknownIdError(IdList.SELECT, any_id, problem) from None
        for section_id in covered:
            if section_id not in seen:
                seen.add(section_id)
                out.append(section_id)
    return out


def _sentence_ids(corpus: Corpus, ids: Iterable[str], id_list: IdList) -> set[str]:
    out: set[str] = set()
    for sentence_id in ids:
        try:
            corpus.sentence(sentence_id)
        except KeyError:
            problem = IdProblem.NOT_A_SENTENCE if corpus.has(sentence_id) else IdProblem.UNKNOWN_SENTENCE
            raise UnknownIdError(id_list, sentence_id, problem) from None
        out.add(sentence_id)
    return out


@dataclass(frozen=True, slots=True)
class Gathered:
    """The sentences a request selects, before their terms are computed: enough to start grouping
    near-duplicates (which needs only the texts) while the rest is prepared."""

    refs: tuple[SentenceRef, ...]
    texts: list[str]
    pinned: tuple[bool, ...]
    excluded: tuple[bool, ...]
    sections: dict[str, list[int]]
    articles: list[int]
    positions: list[int]


def selected_text(corpus: Corpus, request: SummaryRequest) -> SelectedText:
    """Check *request* against *corpus* and gather the sentences it selects (:class:`InputError` if it is bad)."""
    return with_terms(gather(corpus, request))


def gather(corpus: Corpus, request: SummaryRequest) -> Gathered:
    """The first half of :func:`selected_text`: the request checked and its sentences gathered."""
    validate_budget(request.budget)
    if request.per_section is not None:
        validate_budget(request.per_section, "per-section budget")
    pins = _sentence_ids(corpus, request.pins, IdList.PIN)
    excludes = _sentence_ids(corpus, request.excludes, IdList.EXCLUDE)
    both = sorted(pins & excludes)
    if both:
        raise InputError(f"a sentence cannot be both pinned and excluded: {', '.join(map(repr, both))}")
    section_ids = ordered_sections(corpus, request.selection)
    chosen = set(section_ids)
    extra = sorted(
        {corpus.sentence(p).section.id for p in pins} - chosen,
        key=lambda sid: corpus.sentence(corpus.section(sid).sentences[0].id).position,
    )

    refs: list[SentenceRef] = []
    sections: dict[str, list[int]] = {}
    for section_id in [*section_ids, *extra]:
        only_pins = section_id not in chosen
        indices = sections.setdefault(section_id, [])
        for sentence in corpus.section(section_id).sentences:
            if only_pins and sentence.id not in pins:
                continue
            indices.append(len(refs))
            refs.append(corpus.sentence(sentence.id))

    article_numbers: dict[str, int] = {}
    first_position: dict[str, int] = {}
    for ref in refs:
        article_numbers.setdefault(ref.article.id, len(article_numbers))
        if ref.article.id not in first_position:
            first_position[ref.article.id] = corpus.sentence(ref.article.sentences[0].id).position
    return Gathered(
        refs=tuple(refs),
        texts=[r.sentence.text for r in refs],
        pinned=tuple(r.sentence.id in pins for r in refs),
        excluded=tuple(r.sentence.id in excludes for r in refs),
        sections=sections,
        articles=[article_numbers[r.article.id] for r in refs],
        positions=[r.position - first_position[r.article.id] for r in refs],
    )


def with_terms(gathered: Gathered) -> SelectedText:
    """The second half of :func:`selected_text`: the gathered sentences with their tokens and content terms."""
    texts = gathered.texts
    tokens = TokenTable(texts) if len(texts) >= TABLE_FROM else None
    sentences = SentenceSet(
        texts=texts,
        terms=tokens.content_terms() if tokens is not None else per_text(content_terms, texts),
        articles=gathered.articles,
        positions=gathered.positions,
    )
    return SelectedText(
        refs=gathered.refs,
        sentences=sentences,
        pinned=gathered.pinned,
        excluded=gathered.excluded,
        sections=gathered.sections,
        tokens=tokens,
    )
