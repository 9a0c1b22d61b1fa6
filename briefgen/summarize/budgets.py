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


def validate_budget(budget: Budget, what: str = "budget") -> None:
    """Raise :class:`InputError` unless exactly one of the budget's fields is set to a sensible value."""
    given = [name for name in ("sentences", "words", "ratio") if getattr(budget, name) is not None]
    if len(given) != 1:
        raise InputError(f"the summary {what} needs exactly one of sentences, words or ratio (got {len(given)})")
    if budget.sentences is not None and (isinstance(budget.sentences, bool) or budget.sentences < 1):
        raise InputError(f"the summary {what} in sentences must be a whole number of at least 1")
    if budget.words is not None and (isinstance(budget.words, bool) or budget.words < 1):
        raise InputError(f"the summary {what} in words must be a whole number of at least 1")
    if budget.ratio is not None and not (0.0 < budget.ratio <= 1.0):
        raise InputError(f"the summary {what} as a ratio must be more than 0 and at most 1")


def limits_for(budget: Budget, total_words: int) -> Limits:
    """Limits for a budget over text of *total_words* words (a ratio becomes a word limit)."""
    validate_budget(budget)
    if budget.sentences is not None:
        return Limits(sentences=int(budget.sentences))
    if budget.words is not None:
        return Limits(words=int(budget.words))
    assert budget.ratio is not None
    return Limits(words=math.floor(budget.ratio * total_words + 1e-9))
