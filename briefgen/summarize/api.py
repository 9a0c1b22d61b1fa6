"""Public types of the summariser: what a caller asks for and what it gets back.

``summarize(corpus, request)`` (in :mod:`briefgen.summarize.engine`) returns a :class:`Summary` whose sentences
are verbatim source sentences, each with its citations: the first citation is the sentence's own place; further
citations are other places (usually other sources) where the same or nearly the same sentence appears.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefgen.model import Citation


@dataclass(frozen=True, slots=True)
class Budget:
    """How long a summary may be. Exactly one of the three is set."""

    sentences: int | None = None
    words: int | None = None
    """Whole sentences whose total word count stays within this many words."""
    ratio: float | None = None
    """A fraction (0-1] of the selected text's words."""
    pages: int | None = None
    """Briefs only: as much as fits on this many PDF pages with the brief's template (measured, not guessed)."""


@dataclass(frozen=True, slots=True)
class SummaryRequest:
    selection: tuple[str, ...] = ()
    """Source, article or section ids; empty means everything."""
    budget: Budget = field(default_factory=lambda: Budget(sentences=5))
    algorithm: str = "default"
    pins: frozenset[str] = frozenset()
    """Sentence ids always included (they count against the budget)."""
    excludes: frozenset[str] = frozenset()
    """Sentence ids never included."""
    per_section: Budget | None = None
    """When set, each selected section gets its own summary of this length (see ``Summary.by_section``)."""
    max_keyphrases: int = 10
    """How many key phrases for the whole summary (``Summary.keyphrases``); sections get half as many."""
    max_key_figures: int = 5
    """How many key-figure sentences (``Summary.key_figures``)."""
    per_section_keyphrases: bool = True
    """Whether to fill ``Summary.section_keyphrases`` (skip it to save time on large inputs)."""
    context_rule: bool = False
    """When true, a sentence that leans on the one before it ("However, …", "He said …") is chosen only together
    with that one (:mod:`briefgen.summarize.standalone`). Off by default: ``summarize`` then selects on content
    alone, as the benchmarks measure it; briefs and the ``briefgen summarize`` command turn it on, since a reader
    meets their sentences out of context."""


@dataclass(frozen=True, slots=True)
class SummarySentence:
    id: str
    """The sentence id of its own place (``citations[0].sentence``)."""
    text: str
    citations: tuple[Citation, ...]
    """Its own place first, then one place in each other article where it (nearly) appears too."""
    score: float = 0.0
    """The algorithm's relevance for this sentence, 0-1 (1 for the most relevant sentence of the input)."""
    pinned: bool = False
    rank: int = 0
    """The order in which the selection loop chose it (0 first; pinned sentences come first)."""

    @property
    def section(self) -> str:
        return self.citations[0].section


@dataclass(frozen=True, slots=True)
class Summary:
    algorithm: str
    sentences: tuple[SummarySentence, ...]
    """In reading order: sections in selection (brief) order, source order within a section."""
    keyphrases: tuple[str, ...] = ()
    key_figures: tuple[SummarySentence, ...] = ()
    """Sentences with amounts, percentages, counts or dates, best first."""
    by_section: dict[str, tuple[SummarySentence, ...]] = field(default_factory=dict)
    """Per-section summaries (only when ``SummaryRequest.per_section`` was set), keyed by section id."""
    section_keyphrases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    copies: dict[str, str] = field(default_factory=dict)
    """Section id -> the id of an earlier selected section of another article that carries mostly the same text
    (a republished or syndicated copy); a brief shows such a story once, under the earlier section."""
    article_copies: dict[str, str] = field(default_factory=dict)
    """Article id -> the id of an earlier selected article that carries mostly the same text."""
