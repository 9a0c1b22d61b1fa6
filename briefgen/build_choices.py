"""One brief from a workspace's choices, through :func:`briefgen.build.build_brief` (the same call as
``briefgen build``). Used by the desktop app (live preview and export) and by ``briefgen build --project``,
so the same project gives the same brief everywhere.

The user's length governs the whole brief and the user's algorithm replaces the template's (the template is
otherwise used as it is, resolved by name or file once, in :func:`~briefgen.build.build_brief`); pins outside the
ticked sections are left out rather than refused. Projects build through here; this module knows nothing of
projects.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from briefgen.compose import BriefDetails
from briefgen.corpus import Corpus
from briefgen.progress import CancelToken, ProgressCallback
from briefgen.summarize.api import Budget

if TYPE_CHECKING:
    from briefgen.build import BuildResult


@dataclass(frozen=True, slots=True)
class BriefChoices:
    """Everything that decides a brief's content, as immutable data (safe to hand to a worker thread)."""

    corpus: Corpus
    """With the user's metadata edits applied."""
    selection: tuple[str, ...]
    """Ticked section ids; empty means every section."""
    pins: frozenset[str]
    excludes: frozenset[str]
    budget: Budget
    algorithm: str
    template: str
    """A template name or ``.json`` file, as :func:`briefgen.templates.store.resolve_template` takes it."""
    previous_export: frozenset[str] = frozenset()
    """Text hashes of the last export's sentences: the brief marks the others as new."""
    title: str = ""
    """The brief's title as the user typed it; empty: the template's (or *details*') title."""


def build_from_choices(
    choices: BriefChoices,
    output: str | os.PathLike[str] | None = None,
    *,
    details: BriefDetails | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    measure_pages: bool = False,
    report_file: str | os.PathLike[str] | None = None,
    inputs_kept: Sequence[tuple[str, str]] = (),
    replace_protected: bool = False,
) -> BuildResult:
    """Summarise, compose and, when *output* is given, write the brief (format from its extension); with
    *measure_pages* the result says how many pages the brief's PDF has even when nothing is written.
    *report_file*, *inputs_kept* and *replace_protected* are :func:`briefgen.build.build_brief`'s."""
    from briefgen.build import build_brief

    corpus = choices.corpus
    ticked = set(choices.selection) if choices.selection else None
    pins = sorted(
        p for p in choices.pins if corpus.has(p) and (ticked is None or corpus.sentence(p).section.id in ticked)
    )
    excludes = sorted(e for e in choices.excludes if corpus.has(e))
    details = details or BriefDetails()
    title = choices.title.strip() or details.title
    return build_brief(
        corpus,
        choices.template,
        output=output,
        select=choices.selection,
        exclude=excludes,
        pin=pins,
        details=replace(details, previous_export=choices.previous_export, title=title),
        budget=choices.budget,
        algorithm=choices.algorithm,
        measure_pages=measure_pages,
        progress=progress,
        cancel=cancel,
        report_file=report_file,
        inputs_kept=inputs_kept,
        replace_protected=replace_protected,
    )
