"""Composition: selected sources + a summary + a template -> a render-agnostic :class:`~briefgen.brief.Brief`.

Nothing here knows about DOCX or PDF. :func:`summary_request` tells the summariser what the template needs;
:func:`compose` lays the summary out in the template's parts::

    request = summary_request(template, selection)
    summary = summarize(corpus, request)
    brief = compose(corpus, summary, template, selection=selection)

Every sentence of the brief is a summary (or source) sentence, verbatim, with its citations; a sentence appears
once in the brief even when several parts would want it. The source list numbers the cited articles in the order
they are first cited, with a bibliography entry in the template's format (:mod:`briefgen.citations`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from briefgen.brief import Brief, BriefSentence, Part, PartKind, SourceEntry
from briefgen.citations import fallback_title, format_entry, long_date
from briefgen.corpus import Corpus
from briefgen.model import Citation, ParagraphKind
from briefgen.summarize.api import Budget, Summary, SummaryRequest, SummarySentence
from briefgen.templates.placeholders import format_date, substitute
from briefgen.templates.schema import GroupBy, PartSpec, PartType, Template

SECTION_SLACK = 2
"""Extra sentences asked per section, so a section keeps its length when some already sit in the summary."""

_QUOTE = re.compile(r"[“\"]([^”\"]{12,})[”\"]")
_SPEECH = re.compile(r"\b(?:said|says|told|warned|added|argued|according to|stated|wrote)\b", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
_WHOLE = re.compile(r"[\"“‘'(]?[A-Z0-9].*[.!?][\"”’')]?$", re.DOTALL)


@dataclass(frozen=True, slots=True)
class BriefDetails:
    """What a caller may set over the template: title, subtitle, people, marking and the brief's date."""

    title: str | None = None
    subtitle: str | None = None
    author: str | None = None
    organisation: str | None = None
    marking: str | None = None
    day: dt.date | None = None
    """The brief's date (and the bibliography's "accessed" date); today when ``None``."""


def summary_request(
    template: Template,
    selection: Sequence[str] = (),
    *,
    pins: Iterable[str] = (),
    excludes: Iterable[str] = (),
) -> SummaryRequest:
    """The summary *template* needs: the executive summary's budget (plus the key points), per-section
    summaries when it has a ``sections`` part, and enough key phrases and figures."""
    spec = template.summary
    key_points = template.part(PartType.KEY_POINTS)
    extra = key_points.count if key_points and template.part(PartType.EXECUTIVE_SUMMARY) else 0
    if spec.sentences is not None:
        budget = Budget(sentences=spec.sentences + extra)
    elif spec.words is not None:
        budget = Budget(words=spec.words)
    else:
        budget = Budget(ratio=spec.ratio)
    sections = template.part(PartType.SECTIONS)
    phrases = template.part(PartType.KEYPHRASES)
    figures = template.part(PartType.KEY_FIGURES)
    return SummaryRequest(
        selection=tuple(selection),
        budget=budget,
        algorithm=spec.algorithm,
        pins=frozenset(pins),
        excludes=frozenset(excludes),
        per_section=Budget(sentences=sections.count + SECTION_SLACK) if sections else None,
        max_keyphrases=phrases.count if phrases else 10,
        max_key_figures=figures.count + SECTION_SLACK if figures else 5,
    )


class _Used:
    """Sentences already placed in the brief (by id, by any place they are cited from, and by text)."""

    def __init__(self) -> None:
        self.ids: set[str] = set()
        self.texts: set[str] = set()

    def has(self, s: SummarySentence) -> bool:
        return s.id in self.ids or any(c.sentence in self.ids for c in s.citations) or _text_key(s.text) in self.texts

    def add(self, s: SummarySentence) -> None:
        self.ids.add(s.id)
        self.ids.update(c.sentence for c in s.citations)
        self.texts.add(_text_key(s.text))

    def take(self, candidates: Iterable[SummarySentence], limit: int | None = None) -> list[SummarySentence]:
        out: list[SummarySentence] = []
        for s in candidates:
            if limit is not None and len(out) >= limit:
                break
            if not self.has(s):
                self.add(s)
                out.append(s)
        return out


class _Composer:
    def __init__(self, corpus: Corpus, summary: Summary, template: Template, selection: Sequence[str]) -> None:
        self.corpus = corpus
        self.summary = summary
        self.template = template
        self.section_ids = corpus.resolve_sections(selection) if selection else [s.id for _, _, s in corpus.sections()]
        self.used = _Used()

    def position(self, s: SummarySentence) -> int:
        return self.corpus.sentence(s.id).position

    def best(self, sentences: Iterable[SummarySentence], count: int) -> list[SummarySentence]:
        """The *count* best-scored sentences not yet used, back in reading order."""
        ranked = sorted(sentences, key=lambda s: (not s.pinned, -s.score, self.position(s)))
        return sorted(self.used.take(ranked, count), key=self.position)

    def parts(self) -> list[Part]:
        out: list[Part] = []
        specs = {p.type: p for p in self.template.parts}
        # key points are chosen first so that the executive summary does not repeat them
        key_points: list[SummarySentence] = []
        if PartType.KEY_POINTS in specs:
            count = specs[PartType.KEY_POINTS].count
            # a lead-in ending with ":" makes a poor bullet on its own: such sentences come last
            ranked = sorted(
                self.summary.sentences,
                key=lambda s: (not s.pinned, s.text.rstrip().endswith(":"), -s.score, self.position(s)),
            )
            key_points = self.used.take(ranked, count)
        summary_rest: list[SummarySentence] = []
        if PartType.EXECUTIVE_SUMMARY in specs:
            summary_rest = self.used.take(self.summary.sentences)
        for spec in self.template.parts:
            if spec.type == PartType.KEY_POINTS:
                out.append(_part(PartKind.KEY_POINTS, spec, key_points, as_list=True))
            elif spec.type == PartType.EXECUTIVE_SUMMARY:
                out.append(_part(PartKind.EXECUTIVE_SUMMARY, spec, summary_rest))
            elif spec.type == PartType.SECTIONS:
                out.extend(self.section_parts(spec))
            elif spec.type == PartType.KEY_FIGURES:
                figures = self.used.take(self.summary.key_figures, spec.count)
                out.append(_part(PartKind.KEY_FIGURES, spec, figures, as_list=True))
            elif spec.type == PartType.QUOTES:
                out.append(_part(PartKind.QUOTES, spec, self.quotes(spec.count), as_list=True))
            elif spec.type == PartType.KEYPHRASES:
                terms = self.summary.keyphrases[: spec.count]
                out.append(Part(PartKind.KEYPHRASES, spec.heading, terms=tuple(terms)))
            elif spec.type == PartType.SOURCES:
                out.append(Part(PartKind.SOURCES, spec.heading))
        return [p for p in out if p.sentences or p.terms or p.kind == PartKind.SOURCES]

    def section_parts(self, spec: PartSpec) -> list[Part]:
        groups: dict[str, tuple[str, str | None, list[SummarySentence]]] = {}
        for section_id in self.section_ids:
            source, article, section = self.corpus.section_context(section_id)
            article_title = fallback_title(article.metadata, source.path)
            if spec.group_by == GroupBy.ARTICLE:
                key, heading = article.id, article_title
                details = ", ".join(x for x in (article.metadata.publisher, long_date(article.metadata.date)) if x)
                sub = details or None
            elif spec.group_by == GroupBy.HEADING and section.heading:
                key, heading, sub = "h:" + _text_key(section.heading), section.heading.strip(), None
            else:
                key = section.id
                heading = (section.heading or "").strip() or article_title or spec.heading
                sub = article_title if heading != article_title else None
            group = groups.setdefault(key, (heading, sub, []))
            group[2].extend(self.summary.by_section.get(section_id, ()))
        parts = []
        previous_sub: str | None = None
        for heading, sub, candidates in groups.values():
            chosen = self.best(candidates, spec.count)
            if chosen:
                # the article a run of sections comes from is named once, above its first section
                shown = sub if sub != previous_sub else None
                parts.append(_part(PartKind.SECTION, spec, chosen, heading=heading, subheading=shown))
                previous_sub = sub
        return parts

    def quotes(self, count: int) -> list[SummarySentence]:
        """Sentences that quote someone: quotation paragraphs first, then quotes with a speech verb."""
        phrases = [p.casefold() for p in self.summary.keyphrases]
        found: list[tuple[tuple[int, int, int], SummarySentence]] = []
        for section_id in self.section_ids:
            for paragraph in self.corpus.section(section_id).paragraphs:
                block = paragraph.kind == ParagraphKind.QUOTE
                for sentence in paragraph.sentences:
                    words = len(sentence.text.split())
                    if not 6 <= words <= 60 or not (block or _QUOTE.search(sentence.text)):
                        continue
                    if not _WHOLE.match(sentence.text):
                        continue  # a fragment of a list item, not a sentence that stands alone
                    ref = self.corpus.sentence(sentence.id)
                    hits = sum(p in sentence.text.casefold() for p in phrases)
                    speech = bool(_SPEECH.search(sentence.text))
                    rank = (0 if block else 1, -int(speech), -hits)
                    found.append((rank, SummarySentence(sentence.id, sentence.text, (ref.citation(),))))
        found.sort(key=lambda item: (item[0], self.position(item[1])))
        return sorted(self.used.take((s for _, s in found), count), key=self.position)


def _text_key(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


def _part(
    kind: PartKind,
    spec: PartSpec,
    sentences: Sequence[SummarySentence],
    *,
    as_list: bool | None = None,
    heading: str | None = None,
    subheading: str | None = None,
) -> Part:
    return Part(
        kind=kind,
        heading=heading or spec.heading,
        sentences=tuple(BriefSentence(s.id, s.text, s.citations) for s in sentences),
        subheading=subheading,
        as_list=spec.as_list if as_list is None else as_list,
    )


def placeholder_values(
    corpus: Corpus, template: Template, section_ids: Sequence[str], details: BriefDetails, day: dt.date
) -> dict[str, str]:
    """Values of the placeholders (``{title}``, ``{date}``...) for a brief of *section_ids*."""
    sources: list[str] = []
    articles: list[str] = []
    first_title = ""
    for section_id in section_ids:
        source, article, _ = corpus.section_context(section_id)
        if source.id not in sources:
            sources.append(source.id)
        if article.id not in articles:
            articles.append(article.id)
            first_title = first_title or fallback_title(article.metadata, source.path)
    marking = details.marking or template.style.marking.text or ""
    return {
        "title": first_title or "Brief",
        "date": format_date(day, template.title.date_format),
        "year": str(day.year),
        "sources": str(len(sources)),
        "articles": str(len(articles)),
        "author": details.author or template.title.author,
        "organisation": details.organisation or template.title.organisation,
        "marking": marking,
        "template": template.label,
    }


def source_entries(corpus: Corpus, parts: Sequence[Part], bibliography: str, day: dt.date) -> list[SourceEntry]:
    """One numbered entry per cited article, in order of first citation."""
    order: list[str] = []
    for part in parts:
        for sentence in part.sentences:
            for citation in sentence.citations:
                if citation.article not in order:
                    order.append(citation.article)
    accessed = day.isoformat()
    entries = []
    for number, article_id in enumerate(order, start=1):
        source, article = corpus.article_context(article_id)
        formatted = format_entry(bibliography, article.metadata, source.path, accessed)
        entries.append(SourceEntry(number, article.id, source.id, source.path, article.metadata, accessed, formatted))
    return entries


def check_verbatim(corpus: Corpus, sentence: BriefSentence) -> None:
    """Raise ``ValueError`` unless *sentence* is exactly the text its first citation points at."""
    if not sentence.citations:
        raise ValueError(f"brief sentence {sentence.id} has no citation")
    first: Citation = sentence.citations[0]
    section = corpus.section(first.section)
    if section.text[first.start : first.end] != sentence.text:
        raise ValueError(f"brief sentence {sentence.id} is not the text its citation points at")


def compose(
    corpus: Corpus,
    summary: Summary,
    template: Template,
    *,
    selection: Sequence[str] = (),
    details: BriefDetails | None = None,
) -> Brief:
    """The brief: title block, the template's parts in its order, and the numbered source list."""
    details = details or BriefDetails()
    day = details.day or dt.date.today()
    composer = _Composer(corpus, summary, template, selection)
    parts = composer.parts()
    for part in parts:
        for sentence in part.sentences:
            check_verbatim(corpus, sentence)
    values = placeholder_values(corpus, template, composer.section_ids, details, day)
    title = details.title if details.title is not None else substitute(template.title.pattern, values)
    subtitle = details.subtitle if details.subtitle is not None else substitute(template.title.subtitle, values)
    marking = details.marking if details.marking is not None else values["marking"]
    return Brief(
        title=title.strip() or "Brief",
        subtitle=subtitle.strip() or None,
        date=values["date"],
        author=values["author"] or None,
        organisation=values["organisation"] or None,
        marking=marking.strip() or None,
        parts=tuple(parts),
        sources=tuple(source_entries(corpus, parts, template.citations.bibliography, day)),
        citation_style=template.citations.style,
        bibliography_style=template.citations.bibliography,
        keywords=summary.keyphrases,
        template_name=template.name,
        extra={"algorithm": summary.algorithm},
    )
