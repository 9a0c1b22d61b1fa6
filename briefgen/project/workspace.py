"""The workspace the desktop app edits, in plain Python: sources, ticked sections, pins, excludes, metadata
edits, length, algorithm, template and output format.

This is the source of truth; the app's Qt models only adapt it. It turns into a
:class:`~briefgen.project.format.Project` for saving and into a :class:`~briefgen.summarize.api.SummaryRequest` for
the summariser, into :class:`~briefgen.build_choices.BriefChoices` for a brief, and it gives the corpus with the
user's metadata edits applied (what citations are made of).
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Mapping

from briefgen.build_choices import BriefChoices
from briefgen.corpus import Corpus
from briefgen.model import Metadata, Source
from briefgen.project.format import Project, ProjectSource, default_budget, stored_path
from briefgen.summarize.api import Budget, SummaryRequest
from briefgen.templates.schema import DEFAULT_TEMPLATE, OutputFormat


def apply_metadata(corpus: Corpus, overrides: Mapping[str, Metadata]) -> Corpus:
    """*corpus* with each edited article's metadata replaced by the edit, gaps filled from the original."""
    if not overrides:
        return corpus
    sources: list[Source] = []
    for src in corpus.sources:
        if any(a.id in overrides for a in src.articles):
            articles = tuple(
                dataclasses.replace(a, metadata=overrides[a.id].merged(a.metadata)) if a.id in overrides else a
                for a in src.articles
            )
            src = dataclasses.replace(src, articles=articles)
        sources.append(src)
    return Corpus(sources)


class WorkspaceState:
    """Everything the user has chosen, over one corpus. Mutate through the methods; read freely."""

    def __init__(self, corpus: Corpus | None = None) -> None:
        self.corpus: Corpus = corpus if corpus is not None else Corpus(())
        self.deselected: frozenset[str] = frozenset()
        """Unticked section ids (a new source's sections start ticked)."""
        self.pins: frozenset[str] = frozenset()
        self.excludes: frozenset[str] = frozenset()
        self.metadata: dict[str, Metadata] = {}
        self.budget: Budget = default_budget()
        self.algorithm: str = "default"
        self.template: str = DEFAULT_TEMPLATE
        self.output_format: OutputFormat = OutputFormat.PDF
        self.exported: frozenset[str] = frozenset()
        """Text hashes of the last export's sentences (the next brief marks the others new)."""
        self.title: str = ""
        """The brief's title as typed; empty: the template's automatic title."""
        self._effective: Corpus | None = None

    # ---- sources -------------------------------------------------------------------------------------------
    def set_corpus(self, corpus: Corpus) -> None:
        """Replace the sources; choices about ids that no longer exist are dropped."""
        self.corpus = corpus
        self._effective = None
        self.deselected = frozenset(i for i in self.deselected if corpus.has(i))
        self.pins = frozenset(i for i in self.pins if corpus.has(i))
        self.excludes = frozenset(i for i in self.excludes if corpus.has(i))
        self.metadata = {k: v for k, v in self.metadata.items() if corpus.has(k)}

    def add_sources(self, sources: Iterable[Source]) -> None:
        known = {s.id for s in self.corpus.sources}
        new = [s for s in sources if s.id not in known]
        self.set_corpus(Corpus((*self.corpus.sources, *new)))

    def remove_source(self, source_id: str) -> None:
        self.set_corpus(Corpus(s for s in self.corpus.sources if s.id != source_id))

    def move_source(self, source_id: str, new_index: int) -> None:
        order = [s for s in self.corpus.sources if s.id != source_id]
        moved = self.corpus.source(source_id)
        order.insert(max(0, min(new_index, len(order))), moved)
        self.corpus = Corpus(order)
        self._effective = None

    # ---- choices -------------------------------------------------------------------------------------------
    def ticked_sections(self) -> tuple[str, ...]:
        return tuple(sec.id for _, _, sec in self.corpus.sections() if sec.id not in self.deselected)

    def set_metadata(self, article_id: str, metadata: Metadata | None) -> None:
        """Set (or with ``None`` drop) the user's metadata edit for an article."""
        if metadata is None or metadata == Metadata():
            self.metadata.pop(article_id, None)
        else:
            self.metadata[article_id] = metadata
        self._effective = None

    def effective_corpus(self) -> Corpus:
        """The corpus with metadata edits applied (what briefs cite)."""
        if self._effective is None:
            self._effective = apply_metadata(self.corpus, self.metadata)
        return self._effective

    def summary_request(self) -> SummaryRequest:
        """What to ask the summariser for. An empty selection here means *nothing* is ticked (check first)."""
        ticked = self.ticked_sections()
        all_ticked = not self.deselected
        return SummaryRequest(
            selection=() if all_ticked else ticked,
            budget=self.budget,
            algorithm=self.algorithm,
            pins=self.pins,
            excludes=self.excludes,
        )

    def choices(self) -> BriefChoices:
        """An immutable snapshot of what decides the brief (for a worker thread)."""
        return BriefChoices(
            corpus=self.effective_corpus(),
            selection=() if not self.deselected else self.ticked_sections(),
            pins=self.pins,
            excludes=self.excludes,
            budget=self.budget,
            algorithm=self.algorithm,
            template=self.template,
            previous_export=self.exported,
            title=self.title,
        )

    def has_selection(self) -> bool:
        return bool(self.ticked_sections())

    # ---- projects ------------------------------------------------------------------------------------------
    def to_project(self, project_path: str | os.PathLike[str]) -> Project:
        return Project(
            sources=tuple(
                ProjectSource(stored_path(s.path, project_path), s.digest, s.id) for s in self.corpus.sources
            ),
            selection=None if not self.deselected else self.ticked_sections(),
            pins=self.pins,
            excludes=self.excludes,
            metadata=dict(self.metadata),
            template=self.template,
            budget=self.budget,
            algorithm=self.algorithm,
            output_format=self.output_format,
            exported=self.exported,
            title=self.title if self.title.strip() else "",  # white space alone is no title: the automatic one
        )

    def apply_project(self, project: Project, corpus: Corpus) -> None:
        """Take *project*'s choices over *corpus* (ids already mapped, see :mod:`briefgen.project.remap`)."""
        self.corpus = corpus
        self._effective = None
        if project.selection is None:
            self.deselected = frozenset()
        else:
            chosen = set(project.selection)
            self.deselected = frozenset(sec.id for _, _, sec in corpus.sections() if sec.id not in chosen)
        self.pins = frozenset(i for i in project.pins if corpus.has(i))
        self.excludes = frozenset(i for i in project.excludes if corpus.has(i))
        self.metadata = {k: v for k, v in project.metadata.items() if corpus.has(k)}
        self.budget = project.budget
        self.algorithm = project.algorithm
        self.template = project.template
        self.output_format = project.output_format
        self.exported = project.exported
        self.title = project.title
