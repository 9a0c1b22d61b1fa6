"""The two kinds of work a batch hands to its workers: reading one source, and building one brief.

Both are plain top-level functions over picklable values, so that any executor can run them (worker processes,
a Dask cluster, threads in tests). Neither raises for bad input: a source that cannot be read comes back as a
:class:`ReadFailure` and a brief that cannot be built as a failed :class:`EntryResult`, so one bad entry never
stops the others. Building goes through :func:`briefgen.build.build_brief`, exactly as ``briefgen build`` does.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field

from briefgen.batch.manifest import BatchEntry
from briefgen.errors import BriefgenError, InputError, UnknownIdError
from briefgen.model import Source

OK = "ok"
FAILED = "failed"


@dataclass(frozen=True, slots=True)
class ReadFailure:
    """A source that could not be read; ``message`` names it and says why."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True, slots=True)
class EntryResult:
    index: int
    name: str
    output: str
    status: str
    """``"ok"`` or ``"failed"``."""
    seconds: float
    """Time the worker spent on this entry (shared sources are read apart and not counted here)."""
    message: str
    """What was built (``"9 sentences, 2 pages"``) or why it failed."""
    warnings: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return self.status == OK


def read_task(path: str) -> Source | ReadFailure:
    """Read one source as ``briefgen build`` would (same ids for the same bytes)."""
    from briefgen.ingest import read_source

    try:
        return read_source(path)
    except InputError as exc:
        return ReadFailure(exc.path or path, exc.reason)
    except Exception as exc:  # a worker must answer, whatever happened
        return ReadFailure(path, f"cannot be read ({_unexpected(exc)})")


def build_task(entry: BatchEntry, *sources: Source | ReadFailure) -> EntryResult:
    """Build *entry*'s brief from its already read *sources* (in the entry's order).

    With no *sources* the worker reads the entry's files itself; it also does when two of them hold the same
    bytes, so that their ids are numbered exactly as ``briefgen build`` numbers them.
    """
    from briefgen.build import build_brief
    from briefgen.corpus import Corpus

    start = time.perf_counter()
    try:
        failures = [s for s in sources if isinstance(s, ReadFailure)]
        if failures:
            more = len(failures) - 1
            raise InputError(
                failures[0].reason + (f" (and {more} more unreadable source(s))" if more else ""), failures[0].path
            )
        read = [s for s in sources if isinstance(s, Source)]
        shared = bool(read) and len({s.id for s in read}) == len(read)
        result = build_brief(
            Corpus(read) if shared else entry.sources,
            entry.template,
            output=entry.output,
            select=entry.select,
            exclude=entry.exclude,
            pin=entry.pin,
            details=entry.details,
            budget=entry.budget,
            algorithm=entry.algorithm,
            progress=_silent,  # a worker's stages are not the batch's progress (nor any ambient line's)
        )
    except UnknownIdError as exc:  # named by the entry's own key ("pin")
        return _failed(entry, start, exc.worded(exc.id_list))
    except BriefgenError as exc:
        return _failed(entry, start, str(exc))
    except Exception as exc:  # never a traceback: one line here, the details in the log
        from briefgen.logs import log_exception

        log_path = log_exception(exc)
        where = f" (details in {log_path})" if log_path else ""
        return _failed(entry, start, f"internal error: {_unexpected(exc)}{where}")
    count = len(result.brief.sentences())
    message = f"{count} sentence{'s' if count != 1 else ''}"
    if result.pages is not None:
        message += f", {result.pages} page{'s' if result.pages != 1 else ''}"
    if result.warnings:
        message += f"; {len(result.warnings)} warning{'s' if len(result.warnings) != 1 else ''}: {result.warnings[0]}"
    return EntryResult(
        entry.index,
        entry.name,
        result.output or entry.output,
        OK,
        time.perf_counter() - start,
        message,
        result.warnings,
    )


def progress_message(results: Iterable[EntryResult], total: int, last: EntryResult) -> str:
    """``7/20 briefs: 6 ok, 1 failed (last: NAME ok)``, the batch's progress message."""
    done = failed = 0
    for result in results:
        done += 1
        failed += not result.ok
    return f"{done}/{total} briefs: {done - failed} ok, {failed} failed (last: {last.name} {last.status})"


def _silent(_done: int, _total: int, _message: str) -> None:
    pass


def failed_result(entry: BatchEntry, message: str, seconds: float = 0.0) -> EntryResult:
    """A failure the executor met (a worker that stopped, a lost connection) rather than the build itself."""
    return EntryResult(entry.index, entry.name, entry.output, FAILED, seconds, message)


def _failed(entry: BatchEntry, start: float, message: str) -> EntryResult:
    return failed_result(entry, message, time.perf_counter() - start)


def _unexpected(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
