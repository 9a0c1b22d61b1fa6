"""Building a brief in one call: sources -> summary -> composed brief -> PDF, Word or Markdown file.

    from briefgen import build_brief
    result = build_brief(["a.txt", "b.html"], template="research-digest", output="brief.pdf")
    print(result.output, len(result.brief.sentences()))

``sources`` is a list of paths (or URLs) or an already loaded :class:`~briefgen.corpus.Corpus`; ``template`` is
a :class:`~briefgen.templates.schema.Template`, the name of a built-in or user template, a ``.json`` file, or
``None`` for the default. ``select``/``exclude`` take source, article or section ids (``exclude`` also
sentence ids); ``pin`` takes sentence ids (see ``briefgen inspect``). Bad input raises
:class:`~briefgen.errors.InputError`; the output file is replaced only by a complete new one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

from briefgen.brief import Brief
from briefgen.compose import BriefDetails, compose, placeholder_values, summary_request
from briefgen.corpus import Corpus
from briefgen.errors import InputError
from briefgen.progress import CancelToken, ProgressCallback, check, report
from briefgen.render.style import RenderStyle
from briefgen.summarize.api import Summary
from briefgen.templates.fields import TemplateError, shown
from briefgen.templates.placeholders import resolve_style
from briefgen.templates.schema import Template
from briefgen.templates.store import resolve_template

STAGES = ("Reading sources", "Summarising", "Composing", "Writing")


@dataclass(frozen=True, slots=True)
class BuildResult:
    brief: Brief
    summary: Summary
    corpus: Corpus
    template: Template
    style: RenderStyle
    """The template's look with header/footer placeholders filled in, as handed to the renderer."""
    output: str | None
    """The file written (``None`` when no output was asked for)."""
    warnings: tuple[str, ...] = field(default=())


def _stage(progress: ProgressCallback | None, index: int) -> ProgressCallback | None:
    """A callback mapping one stage's own progress onto the whole build (100 steps per stage)."""
    if progress is None:
        return None

    def callback(done: int, total: int, message: str) -> None:
        share = int(100 * done / total) if total > 0 else 0
        progress(index * 100 + min(share, 100), len(STAGES) * 100, message or STAGES[index])

    return callback


def output_path(output: str | os.PathLike[str], template: Template) -> str:
    """*output* as a path; without an extension it gets the template's default format's."""
    shown = os.fspath(output)
    if not PurePath(shown).suffix:
        shown = f"{shown}.{template.output_format}"
    from briefgen.render.registry import format_for_path

    format_for_path(shown)  # an unknown extension is refused before any work is done
    folder = Path(shown).parent
    if not folder.is_dir():
        raise InputError("cannot write the brief: its folder does not exist", shown)
    return shown


def refuse_overwriting_sources(target: str, sources: Corpus | Sequence[str]) -> None:
    """Refuse an output path that is one of the source files (the brief would replace its own source)."""
    paths = [s.path for s in sources.sources] if isinstance(sources, Corpus) else list(sources)
    out = Path(target).resolve()
    for path in paths:
        if "://" not in path and Path(path).resolve() == out:
            raise InputError("the output would overwrite one of the sources; choose another file name", target)


def check_algorithm(template: Template) -> None:
    """Refuse a template whose ``summary.algorithm`` names no registered algorithm (before any work is done)."""
    from briefgen.summarize.registry import algorithm_names

    name = template.summary.algorithm
    if name != "default" and name not in algorithm_names():
        known = ", ".join(("default", *algorithm_names()))
        raise TemplateError(template.name, "summary.algorithm", f"must be one of {known}, got {shown(name)}")


def resolve_ids(
    corpus: Corpus, select: Sequence[str], exclude: Sequence[str], pin: Sequence[str]
) -> tuple[tuple[str, ...], frozenset[str], frozenset[str]]:
    """(section selection, excluded sentence ids, pinned sentence ids), refusing unknown or misplaced ids."""

    def is_sentence(any_id: str) -> bool:
        try:
            corpus.sentence(any_id)
        except KeyError:
            return False
        return True

    for option, ids in (("--select", select), ("--exclude", exclude), ("--pin", pin)):
        for any_id in ids:
            if not corpus.has(any_id):
                raise InputError(f"{option}: unknown id {any_id!r} (list the ids with: briefgen inspect FILE)")
    for any_id in select:
        if is_sentence(any_id):
            raise InputError(f"--select: {any_id!r} is a sentence id; select sources, articles or sections")
    for any_id in pin:
        if not is_sentence(any_id):
            raise InputError(f"--pin: {any_id!r} is not a sentence id; only sentences can be pinned")
    sentence_excludes = frozenset(i for i in exclude if is_sentence(i))
    dropped = set(corpus.resolve_sections([i for i in exclude if not is_sentence(i)]))
    chosen = corpus.resolve_sections(select) if select else [s.id for _, _, s in corpus.sections()]
    sections = tuple(s for s in chosen if s not in dropped)
    if not sections:
        raise InputError("nothing to summarise: the selection is empty once exclusions are applied")
    for sentence_id in pin:
        if corpus.sentence(sentence_id).section.id not in sections:
            raise InputError(f"--pin: sentence {sentence_id!r} is outside the selected sections")
    return sections, sentence_excludes, frozenset(pin)


def load_corpus(
    sources: Corpus | Iterable[str | os.PathLike[str]],
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> Corpus:
    """A corpus from paths (refusing the build when any of them cannot be read) or the corpus itself."""
    if isinstance(sources, Corpus):
        return sources
    paths = [os.fspath(p) for p in sources]
    if not paths:
        raise InputError("no source files given")
    from briefgen.ingest import load_sources

    loaded = load_sources(paths, progress=progress, cancel=cancel)
    if loaded.errors:
        first = loaded.errors[0]
        more = len(loaded.errors) - 1
        raise InputError(first.reason + (f" (and {more} more unreadable source(s))" if more else ""), first.path)
    if not loaded.corpus.sources:
        raise InputError("none of the sources could be read")
    return loaded.corpus


def build_brief(
    sources: Corpus | Iterable[str | os.PathLike[str]],
    template: Template | str | None = None,
    *,
    output: str | os.PathLike[str] | None = None,
    select: Sequence[str] = (),
    exclude: Sequence[str] = (),
    pin: Sequence[str] = (),
    details: BriefDetails | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> BuildResult:
    """Load, summarise, compose and (when *output* is given) render a brief; see the module doc."""
    from briefgen.summarize.engine import summarize

    chosen = template if isinstance(template, Template) else resolve_template(template)
    check_algorithm(chosen)
    target = output_path(output, chosen) if output is not None else None
    inputs = sources if isinstance(sources, Corpus) else [os.fspath(p) for p in sources]
    if target is not None:
        refuse_overwriting_sources(target, inputs)
    report(progress, 0, len(STAGES) * 100, STAGES[0])
    corpus = load_corpus(inputs, _stage(progress, 0), cancel)
    sections, excludes, pins = resolve_ids(corpus, select, exclude, pin)
    check(cancel)
    request = summary_request(chosen, sections, pins=pins, excludes=excludes)
    summary = summarize(corpus, request, progress=_stage(progress, 1), cancel=cancel)
    check(cancel)
    report(progress, 200, len(STAGES) * 100, STAGES[2])
    details = dataclasses.replace(details or BriefDetails(), day=(details.day if details else None) or dt.date.today())
    brief = compose(corpus, summary, chosen, selection=sections, details=details)
    style = resolve_style(chosen.style, _style_values(brief, chosen, corpus, sections, details))
    warnings: list[str] = []
    if target is not None:
        from briefgen.render.registry import render

        if not brief.sentences():
            raise InputError("the brief would be empty: no sentence of the selection can be used (all excluded?)")
        render(brief, style, target, progress=_stage(progress, 3), cancel=cancel, warn=warnings.append)
    report(progress, len(STAGES) * 100, len(STAGES) * 100, "Done")
    return BuildResult(brief, summary, corpus, chosen, style, target, tuple(warnings))


def _style_values(
    brief: Brief, template: Template, corpus: Corpus, sections: Sequence[str], details: BriefDetails
) -> dict[str, str]:
    """Placeholder values for the header, footer and marking: the brief's own title and marking win."""
    values = placeholder_values(corpus, template, sections, details, details.day or dt.date.today())
    values["title"] = brief.title
    values["marking"] = brief.marking or ""
    return values


def report_dict(result: BuildResult) -> dict[str, Any]:
    """The ``--report`` JSON: the brief's sentences and citations in the ``summarize --json`` shape, plus the
    parts, the source list and where the brief was written."""
    corpus = result.corpus
    brief = result.brief

    def citation(c: Any) -> dict[str, Any]:
        return {
            "source": corpus.source(c.source).path,
            "article": c.article,
            "section": c.section,
            "start": c.start,
            "end": c.end,
        }

    return {
        "algorithm": result.summary.algorithm,
        "title": brief.title,
        "template": result.template.name,
        "output": result.output,
        "citation_style": brief.citation_style,
        "bibliography_style": brief.bibliography_style,
        "sentences": [
            {"id": s.id, "text": s.text, "citations": [citation(c) for c in s.citations]} for s in brief.sentences()
        ],
        "parts": [
            {
                "kind": str(p.kind),
                "heading": p.heading,
                "subheading": p.subheading,
                "sentences": [s.id for s in p.sentences],
                **({"terms": list(p.terms)} if p.terms else {}),
            }
            for p in brief.parts
        ],
        "sources": [
            {
                "number": e.number,
                "source": e.path,
                "article": e.article_id,
                "title": e.metadata.title,
                "formatted": e.formatted,
            }
            for e in brief.sources
        ],
        "keyphrases": list(brief.keywords),
        "warnings": list(result.warnings),
    }
