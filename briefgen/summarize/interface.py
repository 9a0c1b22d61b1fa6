"""The one interface every summarisation algorithm implements.

An algorithm turns a :class:`~briefgen.summarize.sentence_set.SentenceSet` into an :class:`Objective`: a
greedy selection state that says how much each sentence would add to the summary so far (:meth:`Objective.gains`)
and learns when one is taken (:meth:`Objective.add`). The shared selection loop
(:mod:`briefgen.summarize.selection`) does the rest for every algorithm alike: budgets, pinned and excluded
sentences, duplicates. Static-score methods (Lead, graph centrality) use the MMR objective of
:mod:`briefgen.summarize.redundancy`; coverage methods supply their own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Protocol

if TYPE_CHECKING:  # numpy is imported only when summarising
    from briefgen.summarize.sentence_set import SentenceSet
    from briefgen.summarize.vectors import FloatArray


class Objective(Protocol):
    relevance: FloatArray
    """How important each sentence is on its own, in [0, 1] (ranks key figures; reported as the score)."""
    length_exponent: float
    """Under a word budget, gains are divided by ``words ** length_exponent`` (0: length does not matter)."""

    def gains(self) -> FloatArray:
        """What each sentence would add to the sentences taken so far (higher is better)."""
        ...

    def add(self, index: int) -> None:
        """Sentence *index* was taken."""
        ...


class Algorithm(Protocol):
    name: ClassVar[str]
    description: ClassVar[str]

    def objective(self, sentences: SentenceSet) -> Objective:
        """A fresh selection state over *sentences*."""
        ...
