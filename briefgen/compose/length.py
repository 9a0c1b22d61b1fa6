"""The brief's one length, and how it is shared out among the template's parts.

A brief has one budget — sentences, words, a ratio of the selected text, or pages — for everything it shows:
key points, executive summary, source sections, key figures and quotations together (key phrases and the
source list are not counted). A ratio becomes words of the selected text; pages become words by measuring the
rendered PDF (:mod:`briefgen.page_fit`). Each content part takes a share of the budget: its template ``share``
when set, else :data:`DEFAULT_SHARES`; shares are normalised over the parts present. Parts with a fixed
``count`` (key points, key figures, quotes) never take more than that many sentences, and what one part cannot
use passes to the parts after it (:mod:`briefgen.compose.filling`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from briefgen.corpus import Corpus
from briefgen.summarize.api import Budget
from briefgen.summarize.budgets import validate_budget
from briefgen.templates.schema import DEFAULT_SENTENCES, PartSpec, PartType, Template

DEFAULT_SHARES: dict[str, float] = {
    PartType.KEY_POINTS: 0.25,
    PartType.EXECUTIVE_SUMMARY: 0.35,
    PartType.SECTIONS: 0.4,
    PartType.KEY_FIGURES: 0.15,
    PartType.QUOTES: 0.15,
    PartType.DIFFERENCES: 0.15,
    PartType.TIMELINE: 0.2,
}
"""A part's share of the brief when its template gives none (normalised over the parts present)."""

COUNTED_PARTS = tuple(DEFAULT_SHARES)
"""Parts made of sentences: the ones the budget is shared among."""

RANKING_SLACK = 2
"""The summariser ranks this many times the budget, so parts can skip what does not fit them."""


@dataclass(frozen=True, slots=True)
class BriefLimit:
    """The whole brief's length in one unit: ``words`` or ``sentences``."""

    unit: str
    total: int

    def size(self, text: str) -> int:
        return len(text.split()) if self.unit == "words" else 1


def template_budget(template: Template) -> Budget:
    """The template's own length as a :class:`Budget`."""
    spec = template.summary
    if spec.pages is not None:
        return Budget(pages=spec.pages)
    if spec.words is not None:
        return Budget(words=spec.words)
    if spec.ratio is not None:
        return Budget(ratio=spec.ratio)
    return Budget(sentences=spec.sentences if spec.sentences is not None else DEFAULT_SENTENCES)


def selected_words(corpus: Corpus, section_ids: Sequence[str]) -> int:
    return sum(len(s.text.split()) for section_id in section_ids for s in corpus.section(section_id).sentences)


PAGE_WORDS_ESTIMATE = 330
"""Words per page when a page budget must be turned into words without rendering (``compose`` called on its
own); :func:`briefgen.build.build_brief` measures the rendered PDF instead (:mod:`briefgen.page_fit`)."""


def brief_limit(budget: Budget, corpus: Corpus, section_ids: Sequence[str]) -> BriefLimit:
    """*budget* as a :class:`BriefLimit` (pages by :data:`PAGE_WORDS_ESTIMATE`: fit them by measuring)."""
    validate_budget(budget, "brief's length", pages=True)
    if budget.pages is not None:
        return BriefLimit("words", budget.pages * PAGE_WORDS_ESTIMATE)
    if budget.sentences is not None:
        return BriefLimit("sentences", budget.sentences)
    if budget.words is not None:
        return BriefLimit("words", budget.words)
    assert budget.ratio is not None
    return BriefLimit("words", max(1, math.floor(budget.ratio * selected_words(corpus, section_ids) + 1e-9)))


def ranking_budget(limit: BriefLimit) -> Budget:
    """What to ask the summariser for: enough ranked sentences to fill every part of a brief of *limit*."""
    if limit.unit == "sentences":
        return Budget(sentences=min(10_000, RANKING_SLACK * limit.total + 10))
    return Budget(words=min(1_000_000, RANKING_SLACK * limit.total + 200))


def shares(parts: Sequence[PartSpec]) -> dict[str, float]:
    """Each counted part's share of the brief (summing to 1 over the counted parts present)."""
    raw = {
        p.type: (p.share if p.share is not None else DEFAULT_SHARES[p.type]) for p in parts if p.type in COUNTED_PARTS
    }
    total = sum(raw.values())
    if total <= 0:
        return {k: 1 / len(raw) for k in raw} if raw else {}
    return {k: v / total for k, v in raw.items()}


def allocate(total: int, weights: dict[str, float]) -> dict[str, int]:
    """*total* split by *weights* into whole numbers that add up to *total* exactly (largest remainders)."""
    if not weights:
        return {}
    exact = {k: total * w for k, w in weights.items()}
    out = {k: math.floor(v) for k, v in exact.items()}
    order = list(weights)
    left = total - sum(out.values())
    for k in sorted(exact, key=lambda k: (-(exact[k] - out[k]), order.index(k)))[:left]:
        out[k] += 1
    return out
