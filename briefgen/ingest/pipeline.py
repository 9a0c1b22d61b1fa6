"""Reading sources: file -> reader -> shared cleaning -> data model; many files -> a :class:`Corpus`."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass

from briefgen import ids
from briefgen.corpus import Corpus
from briefgen.errors import Cancelled, InputError
from briefgen.fileio import read_limited
from briefgen.ingest.articles import split_articles
from briefgen.ingest.blocks import RawDocument
from briefgen.ingest.registry import detect_format, format_named
from briefgen.ingest.structure import build_article
from briefgen.model import Article, Metadata, Source
from briefgen.progress import CancelToken, ProgressCallback, check, report


@dataclass(frozen=True, slots=True)
class LoadResult:
    corpus: Corpus
    errors: tuple[InputError, ...]
    """One per file that could not be read; the other files are in ``corpus``."""


def is_url(path: str) -> bool:
    return path.lower().startswith(("http://", "https://"))


def read_source(
    path: str | os.PathLike[str], *, max_bytes: int | None = None, taken_ids: set[str] | None = None
) -> Source:
    """Read one file (or web address) into a :class:`Source`; raises :class:`InputError` naming it on bad input."""
    shown = os.fspath(path)
    if is_url(shown):
        from briefgen.ingest.url import fetch_url

        data, _content_type = fetch_url(shown)
        spec = format_named("html")
    else:
        data = read_limited(shown, max_bytes)
        spec = detect_format(shown, data)
    try:
        raw = spec.reader()(data, shown)
    except InputError:
        raise
    except (MemoryError, RecursionError) as exc:
        raise InputError(f"too large or too deeply nested to read ({type(exc).__name__})", shown) from None
    if is_url(shown) and raw.metadata.url is None:
        raw = RawDocument(
            format=raw.format,
            blocks=raw.blocks,
            metadata=raw.metadata.merged(Metadata(url=shown)),
            infer_headings=raw.infer_headings,
            warnings=raw.warnings,
        )
    return build_source(raw, shown, data, taken_ids)


def build_source(raw: RawDocument, path: str, data: bytes, taken_ids: set[str] | None = None) -> Source:
    """The shared pipeline after a reader: clean, split into articles and sections, split sentences, assign ids."""
    source_id = ids.source_id(ids.digest_of(data), taken_ids)
    drafts = split_articles(list(raw.blocks), infer=raw.infer_headings)
    articles: list[Article] = []
    for index, draft in enumerate(drafts):
        # what the file says of itself (HTML meta, DOCX properties) fills gaps of its first article
        fallback = raw.metadata if index == 0 else Metadata()
        article = build_article(draft, ids.article_id(source_id, index), fallback)
        if article.sections:
            articles.append(article)
    if not articles:
        raise InputError("contains no readable article text", path)
    if taken_ids is not None:
        taken_ids.add(source_id)
    return Source(
        id=source_id,
        path=path,
        format=raw.format,
        digest=ids.digest_of(data),
        articles=tuple(articles),
        warnings=raw.warnings,
    )


def source_from_text(text: str, path: str = "<text>", fmt: str = "text") -> Source:
    """A :class:`Source` from a string (for tests and for text pasted into the app)."""
    data = text.encode("utf-8")
    raw = format_named("markdown" if fmt == "markdown" else "text").reader()(data, path)
    return build_source(raw, path, data)


def load_sources(
    paths: Iterable[str | os.PathLike[str]],
    *,
    max_bytes: int | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> LoadResult:
    """Read every path; bad files are reported in ``errors`` and the good ones still loaded.

    Ids are unique across the result even when the same file is given twice.
    """
    shown = [os.fspath(p) for p in paths]
    taken: set[str] = set()
    sources: list[Source] = []
    errors: list[InputError] = []
    for n, path in enumerate(shown):
        check(cancel)
        report(progress, n, len(shown), f"Reading {os.path.basename(path) or path}")
        try:
            sources.append(read_source(path, max_bytes=max_bytes, taken_ids=taken))
        except InputError as exc:
            errors.append(exc)
        except Cancelled:
            raise
    report(progress, len(shown), len(shown), "Done")
    return LoadResult(Corpus(sources), tuple(errors))
