"""Turning a :class:`~briefgen.summarize.api.Budget` into hard limits, with clear errors for bad ones."""

from __future__ import annotations

import math
from dataclasses import dataclass

from briefgen.errors import InputError
from briefgen.summarize.api import Budget


@dataclass(frozen=True, slots=True)
class Limits:
    """At most ``sentences`` sentences and at most ``words`` words (``None``: no such limit)."""

    sentences: int | None = None
    words: int | None = None


MAX_SENTENCES = 10_000
MAX_WORDS = 1_000_000
MAX_PAGES = 500


def validate_budget(budget: Budget, what: str = "budget", *, pages: bool = False) -> None:
    """Raise :class:`InputError` unless exactly one of the budget's fields is set to a sensible value.

    A page budget is accepted only where *pages* says so (briefs: it is measured on the rendered PDF)."""
    fields = ("sentences", "words", "ratio", "pages") if pages else ("sentences", "words", "ratio")
    given = [name for name in ("sentences", "words", "ratio", "pages") if getattr(budget, name) is not None]
    if budget.pages is not None and not pages:
        raise InputError("a length in pages applies to briefs only (briefgen build); use sentences or words")
    if len(given) != 1:
        raise InputError(f"the {what} needs exactly one of {', '.join(fields)} (got {len(given)})")
    _whole(budget.sentences, f"the {what} in sentences", MAX_SENTENCES)
    _whole(budget.words, f"the {what} in words", MAX_WORDS)
    _whole(budget.pages, f"the {what} in pages", MAX_PAGES)
    ratio = budget.ratio
    if ratio is not None and (isinstance(ratio, bool) or not isinstance(ratio, int | float) or not 0.0 < ratio <= 1.0):
        raise InputError(f"the {what} as a ratio must be more than 0 and at most 1, got {ratio!r}")


def _whole(value: object, what: str, most: int) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= most:
        raise InputError(f"{what} must be a whole number from 1 to {most:,}, got {value!r}")


def limits_for(budget: Budget, total_words: int) -> Limits:
    """Limits for a budget over text of *total_words* words (a ratio becomes a word limit)."""
    validate_budget(budget)
    if budget.sentences is not None:
        return Limits(sentences=int(budget.sentences))
    if budget.words is not None:
        return Limits(words=int(budget.words))
    assert budget.ratio is not None
    return Limits(words=math.floor(budget.ratio * total_words + 1e-9))
