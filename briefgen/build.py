"""Building a brief in one call: sources -> summary -> composed brief -> PDF, Word or Markdown file.

    from briefgen import build_brief
    result = build_brief(["a.txt", "b.html"], template="research-digest", output="brief.pdf")
    print(result.output, len(result.brief.sentences()))

``sources`` is a list of paths (or URLs) or an already loaded :class:`~briefgen.corpus.Corpus`; ``template`` is
a :class:`~briefgen.templates.schema.Template`, the name of a built-in or user template, a ``.json`` file, or
``None`` for the default. ``budget`` is the whole brief's length (sentences, words, a ratio of the selected
text, or pages of the PDF; the template's own when ``None``) and ``algorithm`` overrides the template's.
``select``/``exclude`` take source, article or section ids (``exclude`` also sentence ids); ``pin`` takes
sentence ids (see ``briefgen inspect``). Bad input raises :class:`~briefgen.errors.InputError`; the output file
is replaced only by a complete new one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefgen.brief import Brief
from briefgen.build_output import check_outputs, refuse_replacing_inputs, suffixed, usable_path, write_outputs
from briefgen.compose import (
    BriefDetails,
    BriefLimit,
    brief_limit,
    compose,
    placeholder_values,
    selected_words,
    summary_request,
    template_budget,
)
from briefgen.corpus import Corpus
from briefgen.errors import IdList, IdProblem, InputError, TemplateError, UnknownIdError
from briefgen.progress import CancelToken, ProgressCallback, check, report
from briefgen.sentence_json import sentence_dict
from briefgen.summarize.api import Budget, Summary
from briefgen.summarize.budgets import validate_budget
from briefgen.templates.fields import shown
from briefgen.templates.placeholders import resolve_style
from briefgen.templates.schema import Template
from briefgen.templates.store import looks_like_file, resolve_template, template_file_warnings
from briefgen.templates.style import RenderStyle

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
    pages: int | None = None
    """Pages of the brief as a PDF with its template: measured when the output is a PDF, when the length is
    in pages, or when ``measure_pages`` was asked; else ``None``."""
    budget: Budget | None = None
    """The length asked for."""
    words_budget: int | None = None
    """For a page budget: the word budget found to fit it."""


def _stage(progress: ProgressCallback | None, index: int) -> ProgressCallback | None:
    """A callback mapping one stage's own progress onto the whole build (100 steps per stage)."""
    if progress is None:
        return None

    def callback(done: int, total: int, message: str) -> None:
        share = int(100 * done / total) if total > 0 else 0
        progress(index * 100 + min(share, 100), len(STAGES) * 100, message or STAGES[index])

    return callback


def output_path(output: str | os.PathLike[str], template: Template) -> str:
    """*output* as a path; without an extension it gets the template's default format's. Paths the system
    cannot write (see :func:`briefgen.build_output.usable_path`) are refused before any work is done."""
    shown = suffixed(os.fspath(output), template.output_format)
    from briefgen.render.registry import format_for_path

    format_for_path(shown)  # an unknown extension is refused before any work is done
    usable_path(shown, "the brief")
    return shown


def refuse_overwriting_sources(target: str, sources: Corpus | Sequence[str]) -> None:
    """Refuse an output path that is one of the source files (the brief would replace its own source)."""
    paths = [s.path for s in sources.sources] if isinstance(sources, Corpus) else list(sources)
    refuse_replacing_inputs([("the brief", target)], [("the source", p) for p in paths])


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
    """(section selection, excluded sentence ids, pinned sentence ids), refusing unknown or misplaced ids with
    :class:`~briefgen.errors.UnknownIdError` (which the command line words with its option names)."""

    def is_sentence(any_id: str) -> bool:
        try:
            corpus.sentence(any_id)
        except KeyError:
            return False
        return True

    for id_list, ids in ((IdList.SELECT, select), (IdList.EXCLUDE, exclude), (IdList.PIN, pin)):
        for any_id in ids:
            if not corpus.has(any_id):
                raise UnknownIdError(id_list, any_id)
    for any_id in select:
        if is_sentence(any_id):
            raise UnknownIdError(IdList.SELECT, any_id, IdProblem.SENTENCE_SELECTED)
    for any_id in pin:
        if not is_sentence(any_id):
            raise UnknownIdError(IdList.PIN, any_id, IdProblem.NOT_A_SENTENCE)
    sentence_excludes = frozenset(i for i in exclude if is_sentence(i))
    dropped = set(corpus.resolve_sections([i for i in exclude if not is_sentence(i)]))
    chosen = corpus.resolve_sections(select) if select else [s.id for _, _, s in corpus.sections()]
    sections = tuple(s for s in chosen if s not in dropped)
    if not sections:
        raise InputError("nothing to summarise: the selection is empty once exclusions are applied")
    for sentence_id in pin:
        if corpus.sentence(sentence_id).section.id not in sections:
            raise UnknownIdError(IdList.PIN, sentence_id, IdProblem.OUTSIDE_SELECTION)
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
    budget: Budget | None = None,
    algorithm: str | None = None,
    measure_pages: bool = False,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    report_file: str | os.PathLike[str] | None = None,
    inputs_kept: Sequence[tuple[str, str]] = (),
    replace_protected: bool = False,
) -> BuildResult:
    """Load, summarise, compose and (when *output* is given) render a brief; see the module doc.

    *report_file* also receives :func:`report_dict` as JSON, together with the brief (both or neither). Neither may
    replace a source, the template file or *inputs_kept* (``(what, path)``, e.g. the project file); a
    write-protected output is replaced only with *replace_protected*.
    """
    from briefgen.summarize.engine import summarize

    chosen = template if isinstance(template, Template) else resolve_template(template)
    if algorithm is not None:
        chosen = dataclasses.replace(chosen, summary=dataclasses.replace(chosen.summary, algorithm=algorithm))
    check_algorithm(chosen)
    wanted = budget if budget is not None else template_budget(chosen)
    validate_budget(wanted, "brief's length", pages=True)
    target = output_path(output, chosen) if output is not None else None
    inputs = sources if isinstance(sources, Corpus) else [os.fspath(p) for p in sources]
    report_path = os.fspath(report_file) if report_file is not None else None
    if report_path is not None and target is None:
        raise InputError("a report is written only together with a brief (give an output file)", report_path)
    if target is not None:
        outputs = [("the brief", target), *([("the report", report_path)] if report_path else [])]
        check_outputs(outputs, _inputs_of(inputs, template, inputs_kept), replace_protected=replace_protected)
    report(progress, 0, len(STAGES) * 100, STAGES[0])
    corpus = load_corpus(inputs, _stage(progress, 0), cancel)
    sections, excludes, pins = resolve_ids(corpus, select, exclude, pin)
    check(cancel)
    day = (details.day if details else None) or dt.date.today()
    details = dataclasses.replace(details or BriefDetails(), day=day)

    def style_for(brief: Brief) -> RenderStyle:
        return resolve_style(chosen.style, _style_values(brief, chosen, corpus, sections, details))

    def pdf_pages(brief: Brief) -> int:
        from briefgen.page_fit import pdf_page_count
        from briefgen.render.registry import render_bytes

        return pdf_page_count(render_bytes(brief, style_for(brief), "pdf", cancel=cancel, warn=lambda _m: None))

    warnings: list[str] = list(template_file_warnings(template, chosen))
    pages: int | None = None
    words_budget: int | None = None
    if wanted.pages is not None:
        from briefgen.page_fit import WORDS_PER_PAGE_MAX, fit_pages

        upper = max(1, min(selected_words(corpus, sections), wanted.pages * WORDS_PER_PAGE_MAX))
        request = summary_request(chosen, sections, pins=pins, excludes=excludes, budget=BriefLimit("words", upper))
        summary = summarize(corpus, request, progress=_stage(progress, 1), cancel=cancel)
        report(progress, 200, len(STAGES) * 100, "Fitting the brief to its pages")

        def compose_words(words: int) -> Brief:
            limit = BriefLimit("words", words)
            return compose(corpus, summary, chosen, selection=sections, details=details, budget=limit)

        fitted = fit_pages(compose_words, pdf_pages, wanted.pages, upper, cancel)
        brief, pages, words_budget = fitted.brief, fitted.pages, fitted.words
        warnings.extend(fitted.warnings)
    else:
        limit = brief_limit(wanted, corpus, sections)
        request = summary_request(chosen, sections, pins=pins, excludes=excludes, budget=limit)
        summary = summarize(corpus, request, progress=_stage(progress, 1), cancel=cancel)
        check(cancel)
        report(progress, 200, len(STAGES) * 100, STAGES[2])
        brief = compose(corpus, summary, chosen, selection=sections, details=details, budget=limit)
    style = style_for(brief)
    if target is not None:
        from briefgen.render.registry import format_for_path, render_bytes

        if not brief.sentences():
            raise InputError("the brief would be empty: no sentence of the selection can be used (all excluded?)")
        fmt = format_for_path(target)
        data = render_bytes(brief, style, fmt, progress=_stage(progress, 3), cancel=cancel, warn=warnings.append)
        check(cancel)
        if fmt == "pdf":
            from briefgen.page_fit import pdf_page_count

            pages = pdf_page_count(data)
    if measure_pages and pages is None and brief.sentences():
        pages = pdf_pages(brief)
    result = BuildResult(brief, summary, corpus, chosen, style, target, tuple(warnings), pages, wanted, words_budget)
    if target is not None:
        files = [("the brief", target, data)]
        if report_path is not None:
            files.append(("the report", report_path, report_json(result).encode("utf-8")))
        write_outputs(files, replace_protected=replace_protected)
    report(progress, len(STAGES) * 100, len(STAGES) * 100, "Done")
    return result


def _inputs_of(
    sources: Corpus | Sequence[str], template: Template | str | None, kept: Sequence[tuple[str, str]]
) -> list[tuple[str, str]]:
    """Every file a build reads that its outputs must never replace: sources, the template file, *kept*."""
    paths = [s.path for s in sources.sources] if isinstance(sources, Corpus) else list(sources)
    found = [("the source", p) for p in paths]
    if isinstance(template, str) and template.strip() and (looks_like_file(template) or Path(template).is_file()):
        found.append(("the template", template))
    return [*found, *kept]


def report_json(result: BuildResult) -> str:
    """The ``--report`` file's text."""
    return json.dumps(report_dict(result), ensure_ascii=False, indent=2) + "\n"


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

    return {
        "algorithm": result.summary.algorithm,
        "title": brief.title,
        "template": result.template.name,
        "output": result.output,
        "citation_style": brief.citation_style,
        "bibliography_style": brief.bibliography_style,
        "sentences": [
            {**sentence_dict(corpus, s.id, s.text, s.citations), **({"new": True} if s.new else {})}
            for s in brief.sentences()
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
        "length": _length_dict(result.budget),
        "words": brief.word_count(),
        "sentence_count": len(brief.sentences()),
        "pages": result.pages,
        "left_out": [{"part": x.part, "heading": x.heading, "reason": x.reason} for x in brief.left_out],
    }


def _length_dict(budget: Budget | None) -> dict[str, Any] | None:
    if budget is None:
        return None
    for unit in ("sentences", "words", "ratio", "pages"):
        value = getattr(budget, unit)
        if value is not None:
            return {"unit": unit, "value": value}
    return None
