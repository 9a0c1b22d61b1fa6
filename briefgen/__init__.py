"""briefgen: turn a pile of articles into a cited, extractive brief.

The engine (everything here except :mod:`briefgen.gui`) is plain Python and never imports Qt. This module holds
what an embedding program needs, each name imported on first use (so ``import briefgen`` and ``briefgen --help``
stay fast). The stages one by one::

    import briefgen

    loaded = briefgen.load_sources(["a.txt", "b.html"])  # files that cannot be read are in loaded.errors
    template = briefgen.get_template("research-digest")
    request = briefgen.SummaryRequest(budget=briefgen.Budget(sentences=8), context_rule=True)
    summary = briefgen.summarize_corpus(loaded.corpus, request)
    brief = briefgen.compose_brief(loaded.corpus, summary, template)
    briefgen.render_brief(brief, briefgen.RenderStyle(), "brief.docx")

or all of them in one call, as the command line and the app do: ``briefgen.build_brief(["a.txt"],
"research-digest", output="brief.pdf")`` (README, "Embedding the engine"). Long calls take
``progress=callback(done, total, message)`` and ``cancel=CancelToken()``; every error raised on purpose is a
:class:`BriefgenError` (:class:`InputError` for bad input, naming the file). The layers are described in
``docs/architecture.md``.
"""

from __future__ import annotations

__version__ = "0.1.0"

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefgen.batch.manifest import ManifestError
    from briefgen.brief import Brief, BriefSentence, Part, PartKind
    from briefgen.build import BuildResult, build_brief
    from briefgen.build_choices import BriefChoices, build_from_choices
    from briefgen.compose import BriefDetails
    from briefgen.compose import compose as compose_brief
    from briefgen.corpus import Corpus
    from briefgen.errors import (
        BriefgenError,
        Cancelled,
        IdList,
        IdProblem,
        InputError,
        ResourceError,
        TemplateError,
        UnknownIdError,
    )
    from briefgen.fileio import WriteProtectedError
    from briefgen.ingest import LoadResult, load_sources, read_source, source_from_text
    from briefgen.model import Article, Citation, Metadata, Paragraph, Section, Sentence, Source
    from briefgen.progress import CancelToken, ProgressCallback
    from briefgen.project.build_inputs import build_project
    from briefgen.project.format import Project, load_project, save_project
    from briefgen.project.remap import OpenedProject, open_project
    from briefgen.project.workspace import WorkspaceState
    from briefgen.provenance import ProvenanceError
    from briefgen.registry import UnknownName
    from briefgen.render import render as render_brief
    from briefgen.render import render_bytes
    from briefgen.summarize import Budget, Summary, SummaryRequest, SummarySentence
    from briefgen.summarize import summarize as summarize_corpus
    from briefgen.templates.schema import CitationStyle, OutputFormat, PartType, Template
    from briefgen.templates.store import TemplateInfo, get_template, list_templates, resolve_template
    from briefgen.templates.style import RenderStyle
    from briefgen.verify import VerifyReport, verify_brief

_EXPORTS: dict[str, str] = {
    # name -> the module that holds it, or "module:attr" where the name here differs: a function may not share
    # its name with a subpackage (importing ``briefgen.render`` binds that name to the package)
    # the data model: sources in, brief out
    "Source": "briefgen.model",
    "Article": "briefgen.model",
    "Section": "briefgen.model",
    "Paragraph": "briefgen.model",
    "Sentence": "briefgen.model",
    "Metadata": "briefgen.model",
    "Citation": "briefgen.model",
    "Corpus": "briefgen.corpus",
    "Brief": "briefgen.brief",
    "BriefSentence": "briefgen.brief",
    "Part": "briefgen.brief",
    "PartKind": "briefgen.brief",
    # the stages
    "load_sources": "briefgen.ingest",
    "read_source": "briefgen.ingest",
    "source_from_text": "briefgen.ingest",
    "LoadResult": "briefgen.ingest",
    "summarize_corpus": "briefgen.summarize:summarize",
    "SummaryRequest": "briefgen.summarize",
    "Summary": "briefgen.summarize",
    "SummarySentence": "briefgen.summarize",
    "Budget": "briefgen.summarize",
    "compose_brief": "briefgen.compose:compose",
    "BriefDetails": "briefgen.compose",
    "render_brief": "briefgen.render:render",
    "render_bytes": "briefgen.render",
    "RenderStyle": "briefgen.templates.style",
    # one call for all of them
    "build_brief": "briefgen.build",
    "BuildResult": "briefgen.build",
    "BriefChoices": "briefgen.build_choices",
    "build_from_choices": "briefgen.build_choices",
    "verify_brief": "briefgen.verify",
    "VerifyReport": "briefgen.verify",
    # templates
    "Template": "briefgen.templates.schema",
    "PartType": "briefgen.templates.schema",
    "CitationStyle": "briefgen.templates.schema",
    "OutputFormat": "briefgen.templates.schema",
    "TemplateInfo": "briefgen.templates.store",
    "get_template": "briefgen.templates.store",
    "list_templates": "briefgen.templates.store",
    "resolve_template": "briefgen.templates.store",
    # projects
    "Project": "briefgen.project.format",
    "load_project": "briefgen.project.format",
    "save_project": "briefgen.project.format",
    "open_project": "briefgen.project.remap",
    "OpenedProject": "briefgen.project.remap",
    "WorkspaceState": "briefgen.project.workspace",
    "build_project": "briefgen.project.build_inputs",
    # progress and cancel
    "CancelToken": "briefgen.progress",
    "ProgressCallback": "briefgen.progress",
    # every error an embedder may catch
    "BriefgenError": "briefgen.errors",
    "InputError": "briefgen.errors",
    "TemplateError": "briefgen.errors",
    "UnknownIdError": "briefgen.errors",
    "IdList": "briefgen.errors",
    "IdProblem": "briefgen.errors",
    "ResourceError": "briefgen.errors",
    "Cancelled": "briefgen.errors",
    "WriteProtectedError": "briefgen.fileio",
    "UnknownName": "briefgen.registry",
    "ProvenanceError": "briefgen.provenance",
    "ManifestError": "briefgen.batch.manifest",
}

__all__ = [
    "Article",
    "Brief",
    "BriefChoices",
    "BriefDetails",
    "BriefSentence",
    "BriefgenError",
    "Budget",
    "BuildResult",
    "CancelToken",
    "Cancelled",
    "Citation",
    "CitationStyle",
    "Corpus",
    "IdList",
    "IdProblem",
    "InputError",
    "LoadResult",
    "ManifestError",
    "Metadata",
    "OpenedProject",
    "OutputFormat",
    "Paragraph",
    "Part",
    "PartKind",
    "PartType",
    "ProgressCallback",
    "Project",
    "ProvenanceError",
    "RenderStyle",
    "ResourceError",
    "Section",
    "Sentence",
    "Source",
    "Summary",
    "SummaryRequest",
    "SummarySentence",
    "Template",
    "TemplateError",
    "TemplateInfo",
    "UnknownIdError",
    "UnknownName",
    "VerifyReport",
    "WorkspaceState",
    "WriteProtectedError",
    "__version__",
    "build_brief",
    "build_from_choices",
    "build_project",
    "compose_brief",
    "get_template",
    "list_templates",
    "load_project",
    "load_sources",
    "open_project",
    "read_source",
    "render_brief",
    "render_bytes",
    "resolve_template",
    "save_project",
    "source_from_text",
    "summarize_corpus",
    "verify_brief",
]
"""Every name of :data:`_EXPORTS` (a test keeps the two the same)."""


def __getattr__(name: str) -> Any:
    where = _EXPORTS.get(name)
    if where is None:
        raise AttributeError(f"module 'briefgen' has no attribute {name!r}")
    module, _, attr = where.partition(":")
    value = getattr(import_module(module), attr or name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})
