"""What the listed parts are filled with: *units* of one or more sentences that go in or stay out together."""

from __future__ import annotations

from dataclasses import dataclass

from briefgen.summarize.api import SummarySentence


@dataclass(frozen=True, slots=True)
class Unit:
    """A candidate for a listed part: a key figure, a quotation, a dated event, or one disagreement (the sources'
    own sentences side by side). It is placed whole or not at all, and counts against the length whole."""

    sentences: tuple[SummarySentence, ...]
    labels: tuple[str | None, ...] = ()
    """A label per sentence, shown before it (a timeline entry's date); empty for none."""
    order: tuple[int, ...] = ()
    """Where the unit stands when the part is shown (a timeline's date as ``(year, month, day)``); empty: the
    part's own order."""

    def label(self, index: int) -> str | None:
        return self.labels[index] if index < len(self.labels) else None


def single(sentence: SummarySentence) -> Unit:
    return Unit((sentence,))
