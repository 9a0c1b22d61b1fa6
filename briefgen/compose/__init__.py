"""Composition: selected sources + a ranked summary + a template -> a render-agnostic :class:`~briefgen.brief.Brief`.

Nothing here knows about DOCX or PDF. One length governs the whole brief (:mod:`~briefgen.compose.length`):
:func:`summary_request` asks the summariser to rank enough sentences for it, and :func:`compose` shares the
length out among the template's parts (:mod:`~briefgen.compose.filling`), shows a republished story once
(:mod:`~briefgen.compose.sections`) and says what it left out::

    request = summary_request(template, selection, budget=Budget(words=400))
    summary = summarize(corpus, request)
    brief = compose(corpus, summary, template, selection=selection, budget=Budget(words=400))

Every sentence of the brief is a source sentence, verbatim, with its citations; a sentence appears once in the
brief even when several parts would want it. The source list numbers the cited articles in the order they are
first cited, with a bibliography entry in the template's format (:mod:`briefgen.citations`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Sequence

from briefgen.brief import Brief, BriefSentence, LeftOut, Part, PartKind
from briefgen.compose.filling import Filled, Filler
from briefgen.compose.front_matter import BriefDetails, check_verbatim, placeholder_values, source_entries
from briefgen.compose.length import BriefLimit, brief_limit, ranking_budget, selected_words, template_budget
from briefgen.compose.sections import Group, group_sections
from briefgen.compose.units import Unit
from briefgen.corpus import Corpus
from briefgen.novelty import is_new
from briefgen.page_fit import WORDS_PER_PAGE_MAX
from briefgen.sentence_json import support
from briefgen.summarize.api import Budget, Summary, SummaryRequest, SummarySentence
from briefgen.summarize.budgets import validate_budget
from briefgen.summarize.key_figures import quantity_spans
from briefgen.templates.placeholders import substitute
from briefgen.templates.schema import PartSpec, PartType, Template

__all__ = [
    "BriefDetails",
    "BriefLimit",
    "brief_limit",
    "check_verbatim",
    "compose",
    "placeholder_values",
    "ranking_budget",
    "selected_words",
    "source_entries",
    "summary_request",
    "template_budget",
]

FIGURE_SLACK = 6
"""Extra key-figure candidates asked of the summariser, for those the key points or the budget take."""
LEFT_TO_FIT = "left out to fit the length"
NOTHING_NEW = "nothing in it stands alone that the brief does not already say"
"""A section without a sentence of its own in the brief although there was room: its sentences are questions,
lean on what comes before them, or repeat other sources."""

_KINDS = {
    PartType.KEY_POINTS: PartKind.KEY_POINTS,
    PartType.EXECUTIVE_SUMMARY: PartKind.EXECUTIVE_SUMMARY,
    PartType.KEY_FIGURES: PartKind.KEY_FIGURES,
    PartType.QUOTES: PartKind.QUOTES,
    PartType.DIFFERENCES: PartKind.DIFFERENCES,
    PartType.TIMELINE: PartKind.TIMELINE,
}
_ALWAYS_LISTS = (PartType.KEY_POINTS, PartType.KEY_FIGURES, PartType.QUOTES, PartType.TIMELINE)
_NOTHING: dict[str, str] = {
    PartType.KEY_FIGURES: "no sentence of the selection states a quantity",
    PartType.QUOTES: "no quotation in the selection",
    PartType.DIFFERENCES: "the sources do not differ on any number or date",
    PartType.TIMELINE: "no dated event in the selection",
}


def summary_request(
    template: Template,
    selection: Sequence[str] = (),
    *,
    pins: Iterable[str] = (),
    excludes: Iterable[str] = (),
    budget: Budget | BriefLimit | None = None,
) -> SummaryRequest:
    """What to ask the summariser for a brief of *budget* (the template's own length when ``None``): a ranking
    long enough to fill every part, and enough key phrases and key figures. Pages must already be words."""
    if isinstance(budget, BriefLimit):
        ranking = ranking_budget(budget)
    else:
        wanted = budget if budget is not None else template_budget(template)
        validate_budget(wanted, "brief's length", pages=True)
        if wanted.pages is not None:
            ranking = ranking_budget(BriefLimit("words", wanted.pages * WORDS_PER_PAGE_MAX))
        elif wanted.ratio is not None:
            ranking = Budget(ratio=min(1.0, 2 * wanted.ratio + 0.02))
        else:
            unit = "words" if wanted.words is not None else "sentences"
            ranking = ranking_budget(BriefLimit(unit, wanted.words or wanted.sentences or 1))
    phrases = template.part(PartType.KEYPHRASES)
    figures = template.part(PartType.KEY_FIGURES)
    key_points = template.part(PartType.KEY_POINTS)
    return SummaryRequest(
        selection=tuple(selection),
        budget=ranking,
        algorithm=template.summary.algorithm,
        pins=frozenset(pins),
        excludes=frozenset(excludes),
        max_keyphrases=phrases.count if phrases else 10,
        max_key_figures=(figures.count + FIGURE_SLACK + (key_points.count if key_points else 0)) if figures else 0,
        per_section_keyphrases=False,
        context_rule=True,
    )


def compose(
    corpus: Corpus,
    summary: Summary,
    template: Template,
    *,
    selection: Sequence[str] = (),
    details: BriefDetails | None = None,
    budget: Budget | BriefLimit | None = None,
) -> Brief:
    """The brief: title block, the template's parts in its order within one length, and the source list.

    *budget* is the whole brief's length (sentences, words or a ratio; the template's own when ``None``); a
    page budget is fitted by :func:`briefgen.page_fit.fit_pages`, which calls this with words."""
    details = details or BriefDetails()
    day = details.day or dt.date.today()
    section_ids = corpus.resolve_sections(selection) if selection else [s.id for _, _, s in corpus.sections()]
    if isinstance(budget, BriefLimit):
        limit = budget
    else:
        limit = brief_limit(budget if budget is not None else template_budget(template), corpus, section_ids)
    spec = template.part(PartType.SECTIONS)
    groups, group_of = group_sections(corpus, summary, template, spec, section_ids)
    filled = Filler(corpus, summary, template, limit, [g.key for g in groups], group_of).run()
    parts, left_out = _parts(corpus, summary, template, filled, groups)
    if details.previous_export:
        parts = [_marked_new(part, details.previous_export) for part in parts]
    for part in parts:
        for sentence in part.sentences:
            check_verbatim(corpus, sentence)
    lead = next((s.citations[0].article for part in parts for s in part.sentences), None)
    if lead is not None:
        lead = summary.article_copies.get(lead, lead)  # a republished story is named by its first source
    values = placeholder_values(corpus, template, section_ids, details, day, lead)
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
        sources=tuple(source_entries(corpus, parts, template.citations.bibliography, day, template.citations.style)),
        citation_style=template.citations.style,
        support_mark=template.citations.support,
        mark_new=template.citations.mark_new,
        bibliography_style=template.citations.bibliography,
        keywords=summary.keyphrases,
        template_name=template.name,
        extra={"algorithm": summary.algorithm, "length": f"{limit.total} {limit.unit}"},
        left_out=tuple(left_out),
    )


def _parts(
    corpus: Corpus, summary: Summary, template: Template, filled: Filled, groups: Sequence[Group]
) -> tuple[list[Part], list[LeftOut]]:
    def position(s: SummarySentence) -> int:
        return corpus.sentence(s.id).position

    out: list[Part] = []
    left_out: list[LeftOut] = []
    for spec in template.parts:
        kind = spec.type
        if kind == PartType.SOURCES:
            out.append(Part(PartKind.SOURCES, spec.heading))
        elif kind == PartType.KEYPHRASES:
            terms = summary.keyphrases[: spec.count]
            if terms:
                out.append(Part(PartKind.KEYPHRASES, spec.heading, terms=tuple(terms)))
        elif kind == PartType.SECTIONS:
            out.extend(_section_parts(spec, filled, groups, position, left_out))
        elif kind in (PartType.DIFFERENCES, PartType.TIMELINE) and filled.units.get(kind):
            out.append(_unit_part(PartKind(kind), spec.heading, filled.units[kind], kind == PartType.TIMELINE))
        else:
            chosen = filled.parts.get(kind, [])
            if kind in (PartType.EXECUTIVE_SUMMARY, PartType.QUOTES):
                chosen = sorted(chosen, key=position)
            if chosen:
                emphasis = kind == PartType.KEY_FIGURES
                as_list = True if kind in _ALWAYS_LISTS else spec.as_list
                out.append(_part(_KINDS[PartType(kind)], spec.heading, chosen, as_list, emphasis=emphasis))
            else:
                reason = _NOTHING.get(kind) if not filled.candidates.get(kind, 1) else None
                left_out.append(LeftOut(kind, spec.heading, reason or LEFT_TO_FIT))
    return out, left_out


def _section_parts(
    spec: PartSpec,
    filled: Filled,
    groups: Sequence[Group],
    position: Callable[[SummarySentence], int],
    left_out: list[LeftOut],
) -> list[Part]:
    parts: list[Part] = []
    previous_sub: str | None = None
    elsewhere = {  # sections whose sentences other parts (key points, summary, quotes…) already show
        c.section
        for kind, sentences in filled.parts.items()
        if kind != PartType.SECTIONS
        for s in sentences
        for c in s.citations
    }
    for group in groups:
        chosen = sorted(filled.groups.get(group.key, ()), key=position)
        if not chosen:
            if not elsewhere.intersection(group.sections, group.copies):  # its story is not in the brief at all
                cut = filled.full or filled.unplaced.intersection(group.sections, group.copies)
                left_out.append(LeftOut(PartType.SECTIONS, group.heading, LEFT_TO_FIT if cut else NOTHING_NEW))
            continue
        # the article a run of sections comes from is named once, above its first section
        shown = group.subheading if group.subheading not in (previous_sub, None) else None
        if shown is not None and shown in group.heading:
            shown = None  # the heading already names it ("Summary — <article title>")
        parts.append(_part(PartKind.SECTION, group.heading, chosen, spec.as_list, subheading=shown))
        previous_sub = group.subheading
    return parts


def _marked_new(part: Part, previous: frozenset[str]) -> Part:
    sentences = tuple(dataclasses.replace(s, new=is_new(s.text, previous)) for s in part.sentences)
    return dataclasses.replace(part, sentences=sentences)


def _unit_part(kind: PartKind, heading: str, units: Sequence[Unit], in_order: bool) -> Part:
    """A part of whole units: a timeline in date order (each sentence with its date), or rows of differences."""
    shown = sorted(units, key=lambda u: u.order) if in_order else list(units)
    sentences: list[BriefSentence] = []
    rows: list[tuple[int, ...]] = []
    for unit in shown:
        start = len(sentences)
        for i, s in enumerate(unit.sentences):
            sentences.append(_brief_sentence(s, label=unit.label(i)))
        rows.append(tuple(range(start, len(sentences))))
    return Part(
        kind=kind,
        heading=heading,
        sentences=tuple(sentences),
        as_list=True,
        rows=tuple(rows) if kind == PartKind.DIFFERENCES else (),
    )


def _brief_sentence(s: SummarySentence, *, emphasis: bool = False, label: str | None = None) -> BriefSentence:
    spans = quantity_spans(s.text) if emphasis else ()
    return BriefSentence(s.id, s.text, s.citations, spans, label=label, support=support(s.citations))


def _part(
    kind: PartKind,
    heading: str,
    sentences: Sequence[SummarySentence],
    as_list: bool,
    *,
    subheading: str | None = None,
    emphasis: bool = False,
) -> Part:
    return Part(
        kind=kind,
        heading=heading,
        sentences=tuple(_brief_sentence(s, emphasis=emphasis) for s in sentences),
        subheading=subheading,
        as_list=as_list,
    )
