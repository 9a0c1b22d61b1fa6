"""Composition: selected sources + a ranked summary + a template -> a render-agnostic :class:`~briefgen.brief.Brief`.

Nothing here knows about DOCX or PDF. One length governs the whole brief (:mod:`~briefgen.compose.length`):
:func:`summary_request` asks the summariser to rank enough sentences for it, and :func:`compose` shares the
length out among the template's parts (:mod:`~briefgen.compose.filling`), shows a republished story once
(:mod:`~briefgen.compose.sections`), lays each part out with the builder registered for its type
(:mod:`~briefgen.compose.parts`) and says what it left out::

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
from collections.abc import Iterable, Sequence

from briefgen.brief import Brief, Part
from briefgen.compose.filling import Filler
from briefgen.compose.front_matter import BriefDetails, check_verbatim, main_story, placeholder_values, source_entries
from briefgen.compose.length import BriefLimit, brief_limit, ranking_budget, selected_words, template_budget
from briefgen.compose.parts import LEFT_TO_FIT, NOTHING_NEW, build_parts
from briefgen.compose.sections import group_sections
from briefgen.corpus import Corpus
from briefgen.novelty import is_new
from briefgen.page_fit import WORDS_PER_PAGE_MAX
from briefgen.summarize.api import Budget, Summary, SummaryRequest
from briefgen.summarize.budgets import validate_budget
from briefgen.templates.placeholders import substitute
from briefgen.templates.schema import PartType, Template

__all__ = [
    "LEFT_TO_FIT",
    "NOTHING_NEW",
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
    parts, left_out = build_parts(corpus, summary, template, filled, groups)
    if details.previous_export:
        parts = [_marked_new(part, details.previous_export) for part in parts]
    for part in parts:
        for sentence in part.sentences:
            check_verbatim(corpus, sentence)
    lead, others = main_story(parts, summary.article_copies)  # a republished story counts once
    values = placeholder_values(corpus, template, section_ids, details, day, lead, others)
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


def _marked_new(part: Part, previous: frozenset[str]) -> Part:
    sentences = tuple(dataclasses.replace(s, new=is_new(s.text, previous)) for s in part.sentences)
    return dataclasses.replace(part, sentences=sentences)
