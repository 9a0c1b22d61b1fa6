"""One brief from a workspace's choices, through :func:`briefgen.build.build_brief` (the same call as
``briefgen build``). Used by the desktop app (live preview and export) and by ``briefgen build --project``,
so the same project gives the same brief everywhere.

The user's length and algorithm take the place of the template's own summary settings (the template is
otherwise used as it is); pins outside the ticked sections are left out rather than refused.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefgen.corpus import Corpus
from briefgen.progress import CancelToken, ProgressCallback
from briefgen.summarize.api import Budget
from briefgen.templates.schema import SummarySpec, Template

if TYPE_CHECKING:
    from briefgen.build import BuildResult
    from briefgen.compose import BriefDetails


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


def load_template(name: str) -> Template:
    """The built-in or user template called *name* (:class:`InputError` when there is none)."""
    from briefgen.templates.store import resolve_template

    return resolve_template(name)


def steered_template(template: Template, budget: Budget, algorithm: str) -> Template:
    """*template* with its summary length and algorithm replaced by the user's."""
    spec = SummarySpec(algorithm=algorithm, sentences=budget.sentences, words=budget.words, ratio=budget.ratio)
    return dataclasses.replace(template, summary=spec)


def build_from_choices(
    choices: BriefChoices,
    output: str | os.PathLike[str] | None = None,
    *,
    template: Template | None = None,
    details: BriefDetails | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> BuildResult:
    """Summarise, compose and, when *output* is given, write the brief (format from its extension)."""
    from briefgen.build import build_brief

    base = template if template is not None else load_template(choices.template)
    chosen = steered_template(base, choices.budget, choices.algorithm)
    corpus = choices.corpus
    ticked = set(choices.selection) if choices.selection else None
    pins = sorted(
        p for p in choices.pins if corpus.has(p) and (ticked is None or corpus.sentence(p).section.id in ticked)
    )
    excludes = sorted(e for e in choices.excludes if corpus.has(e))
    return build_brief(
        corpus,
        chosen,
        output=output,
        select=choices.selection,
        exclude=excludes,
        pin=pins,
        details=details,
        progress=progress,
        cancel=cancel,
    )
