"""Reading sources: file -> reader -> shared cleaning -> data model; many files -> a :class:`Corpus`."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefgen import ids
from briefgen.corpus import Corpus
from briefgen.errors import Cancelled, InputError
from briefgen.fileio import read_limited
from briefgen.ingest.articles import split_articles
from briefgen.ingest.blocks import RawDocument, cancellable_reading
from briefgen.ingest.read_ahead import ReadAhead
from briefgen.ingest.registry import detect_format, format_named
from briefgen.ingest.split_ahead import SplitAhead
from briefgen.ingest.structure import SplitCache, SplitProgress, build_article
from briefgen.model import Article, Metadata, Source
from briefgen.progress import CancelToken, ProgressCallback, check, report

if TYPE_CHECKING:
    from briefgen.ingest.url_options import UrlFetchOptions


@dataclass(frozen=True, slots=True)
class LoadResult:
    corpus: Corpus
    errors: tuple[InputError, ...]
    """One per file that could not be read; the other files are in ``corpus``."""
    same_as: dict[str, str] = field(default_factory=dict)
    """A path given again under another name (``./a.txt`` after ``a.txt``) -> the path its source was read under.
    Repeats of the very same path are simply left out."""


def is_url(path: str) -> bool:
    return path.lower().startswith(("http://", "https://"))


def read_source(
    path: str | os.PathLike[str],
    *,
    max_bytes: int | None = None,
    taken_ids: set[str] | None = None,
    url_options: UrlFetchOptions | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> Source:
    """Read one file (or web address) into a :class:`Source`; raises :class:`InputError` naming it on bad input.

    *progress* hears ``(done, total)`` of the sentence splitting (the long part of a large file); *cancel* stops
    the reader's long loops and the splitting within moments (:class:`~briefgen.errors.Cancelled`).

    A web address is fetched with *url_options* (default: :func:`briefgen.ingest.url_options.current_url_options`)
    and is named without its credentials from then on."""
    shown = os.fspath(path)
    if is_url(shown):
        from briefgen.ingest.url import fetch_url

        fetched = fetch_url(shown, url_options)
        data, shown = fetched.data, fetched.shown
        spec = format_named(fetched.format)
    else:
        data = read_limited(shown, max_bytes)
        spec = detect_format(shown, data)
    check(cancel)
    try:
        with cancellable_reading(cancel):
            raw = spec.load()(data, shown)
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
    with cancellable_reading(cancel):
        return build_source(raw, shown, data, taken_ids, progress=progress, cancel=cancel)


def build_source(
    raw: RawDocument,
    path: str,
    data: bytes,
    taken_ids: set[str] | None = None,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> Source:
    """The shared pipeline after a reader: clean, split into articles and sections, split sentences, assign ids."""
    source_id = ids.source_id(ids.digest_of(data), taken_ids)
    # a very large source: a second core starts splitting its paragraphs now (same sentences; nothing when not
    # worth it), and this process splits the rest once the articles are found
    ahead = SplitAhead.start([b.text.strip() for b in raw.blocks])
    cache: SplitCache = {}  # a paragraph repeated in the source is split into sentences once
    try:
        drafts = split_articles(list(raw.blocks), infer=raw.infer_headings)
        check(cancel)
        if ahead is not None:
            ahead.finish(cache, [b.text.strip() for d in drafts for b in d.blocks], progress, cancel)
    finally:
        if ahead is not None:
            ahead.stop()
    articles: list[Article] = []
    tracker = SplitProgress(sum(len(b.text) for d in drafts for b in d.blocks), progress, cancel)
    for index, draft in enumerate(drafts):
        # what the file says of itself (HTML meta, DOCX properties) fills gaps of its first article
        fallback = raw.metadata if index == 0 else Metadata()
        article = build_article(draft, ids.article_id(source_id, index), fallback, cache, tracker)
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
    raw = format_named("markdown" if fmt == "markdown" else "text").load()(data, path)
    return build_source(raw, path, data)


def load_sources(
    paths: Iterable[str | os.PathLike[str]],
    *,
    max_bytes: int | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    url_options: UrlFetchOptions | None = None,
) -> LoadResult:
    """Read every path; bad files are reported in ``errors`` and the good ones still loaded.

    A file given again (the same file after resolving links, unchanged since it was read) or the same web address
    again is read once and appears once in the corpus; ``same_as`` maps each repeat to the path it was read
    under. Ids are unique across the result.
    """
    shown = [os.fspath(p) for p in paths]
    keys = [_identity(path) for path in shown]
    taken: set[str] = set()
    sources: list[Source] = []
    errors: list[InputError] = []
    read: dict[tuple[object, ...], str] = {}
    same_as: dict[str, str] = {}
    with ReadAhead.start(shown, keys, max_bytes) as ahead:
        for n, path in enumerate(shown):
            check(cancel)
            name = os.path.basename(path) or path
            report(progress, n * _STEPS, len(shown) * _STEPS, f"Reading {name}")
            key = keys[n]
            if key is not None and key in read:
                if read[key] != path:
                    same_as[path] = read[key]
                continue
            within = _within_file(progress, n, len(shown), f"Reading {name}")
            try:
                source = ahead.take(n, taken, cancel)
                if source is None:
                    source = read_source(
                        path,
                        max_bytes=max_bytes,
                        taken_ids=taken,
                        url_options=url_options,
                        progress=within,
                        cancel=cancel,
                    )
                sources.append(source)
            except InputError as exc:
                errors.append(exc)
            except Cancelled:
                raise
            else:
                if key is not None:
                    read[key] = path
    report(progress, len(shown) * _STEPS, len(shown) * _STEPS, "Done")
    return LoadResult(Corpus(sources), tuple(errors), same_as)


_STEPS = 1000
"""Progress units per file: ``load_sources`` reports ``(done, total)`` in thousandths of a file."""


def _within_file(progress: ProgressCallback | None, index: int, files: int, message: str) -> ProgressCallback | None:
    """A callback mapping one file's own ``(done, total)`` onto the whole load."""
    if progress is None:
        return None

    def callback(done: int, total: int, _message: str) -> None:
        share = done * _STEPS // total if total > 0 else 0
        progress(index * _STEPS + min(share, _STEPS - 1), files * _STEPS, message)

    return callback


def _identity(path: str) -> tuple[object, ...] | None:
    """What makes two given paths the same source: the address, or the file after resolving links together with
    its size, modification time and inode (unchanged bytes); None when the file cannot be looked at."""
    if is_url(path):
        return ("url", path)
    try:
        real = os.path.realpath(path)
        st = os.stat(real)
    except (OSError, ValueError):
        return None
    return ("file", real, st.st_size, st.st_mtime_ns, st.st_ino, st.st_dev)
