"""Reading many local files on several cores while :func:`briefgen.ingest.pipeline.load_sources` walks them in order.

Reading a file (decoding, cleaning, sentence splitting) depends on that file alone, so when a command is given
many files (see :data:`FROM_BYTES`) and the machine has several cores, worker processes read them ahead and
``load_sources`` takes each result in its turn. Everything a caller sees stays as the one-by-one reading makes
it:

- sources come in the order given, repeats are left out the same way, and progress is reported per file in the
  same steps (a file read ahead reports no progress within itself);
- ids: a worker reads a file as if it were the only one; when an earlier source has the same bytes (so the id
  needs a ``~2`` suffix), the file is read again in order, as before;
- errors: a worker's :class:`~briefgen.errors.InputError` is handed back as the same message for the same path;
  any other failure makes ``load_sources`` read that file itself, so it fails exactly as it always did;
- cancelling: the token is checked while waiting for a worker; files not started are dropped, and each worker
  ends after the few files of its current task (:data:`_MAX_TASK_FILES`).

Workers are forked, and only where :func:`briefgen.forking.may_fork` allows it (Linux, one Python thread and no
Qt, not inside a worker process, two cores or more, a machine that is not busy).
"""

from __future__ import annotations

import gc
from types import TracebackType
from typing import TYPE_CHECKING

from briefgen import ids
from briefgen.errors import InputError
from briefgen.forking import cores, may_fork
from briefgen.progress import CancelToken, ambient_progress, check

if TYPE_CHECKING:  # concurrent.futures and multiprocessing are imported only when workers start
    from concurrent.futures import Future, ProcessPoolExecutor

    from briefgen.model import Source

FROM_FILES = 4
FROM_BYTES = 1_000_000
"""Worker processes read ahead when there are at least :data:`FROM_FILES` local files (after leaving out repeats)
holding at least :data:`FROM_BYTES` bytes in all: starting the workers costs about a tenth of a second, which
reading about half a megabyte of text on the second core wins back."""
MAX_WORKERS = 8
_MAX_TASK_FILES = 8
"""Files one task reads: fewer round trips, and after cancelling no worker goes on for long."""
_WAIT_SECONDS = 0.05
"""How often the cancel token is checked while waiting for a worker."""

_Outcome = tuple[str, "Source | None", str | None, str | None]
"""(``"source"``, the source, -, -), (``"error"``, -, reason, path) or (``"again"``, -, -, -)."""


def _read_files(jobs: list[tuple[str, int | None]]) -> list[_Outcome]:
    """In a worker: read some files, each as if it were the only one."""
    with ambient_progress(None):  # the parent's progress line is the parent's to draw
        return [_read(path, max_bytes) for path, max_bytes in jobs]


def _read(path: str, max_bytes: int | None) -> _Outcome:
    from briefgen.ingest.pipeline import read_source

    try:
        return ("source", read_source(path, max_bytes=max_bytes), None, None)
    except InputError as exc:
        if type(exc) is InputError:
            return ("error", None, exc.reason, exc.path)
        return ("again", None, None, None)
    except Exception:  # read again in order by load_sources, which raises it as it always did
        return ("again", None, None, None)


def _size(key: tuple[object, ...] | None) -> int:
    """The size in bytes that a file's identity (``pipeline._identity``) records."""
    size = key[2] if key is not None and len(key) > 2 else 0
    return size if isinstance(size, int) else 0


class ReadAhead:
    """The files of one ``load_sources`` call that workers read ahead (none when that would not pay)."""

    def __init__(self, pool: ProcessPoolExecutor | None = None) -> None:
        self._pool = pool
        self._where: dict[int, tuple[Future[list[_Outcome]], int]] = {}
        """File index -> the task reading it and its place in that task's files."""

    @classmethod
    def start(cls, paths: list[str], keys: list[tuple[object, ...] | None], max_bytes: int | None) -> ReadAhead:
        """Start reading ahead the first occurrence of each local file among *paths* (*keys* are their
        identities, None where a file cannot be looked at: those are left to the one-by-one reading)."""
        seen: set[tuple[object, ...]] = set()
        indices: list[int] = []
        for n, key in enumerate(keys):
            if key is not None and key[0] == "file" and key not in seen:
                seen.add(key)
                indices.append(n)
        workers = min(cores(), MAX_WORKERS)
        size = sum(_size(keys[n]) for n in indices)
        if len(indices) < FROM_FILES or size < FROM_BYTES or not may_fork():
            return cls()
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        from briefgen.nlp import default_splitter

        default_splitter()  # built once here rather than in every worker
        ahead = cls(ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")))
        per_task = max(1, min(_MAX_TASK_FILES, len(indices) // (workers * 8)))
        gc.freeze()  # the workers' garbage collector leaves what they inherit alone: no copies of those pages
        try:
            for first in range(0, len(indices), per_task):  # the first task forks the workers
                task = indices[first : first + per_task]
                future = ahead._submit([(paths[n], max_bytes) for n in task])
                for place, n in enumerate(task):
                    ahead._where[n] = (future, place)
        finally:
            gc.unfreeze()
        return ahead

    def _submit(self, jobs: list[tuple[str, int | None]]) -> Future[list[_Outcome]]:
        assert self._pool is not None
        return self._pool.submit(_read_files, jobs)

    def take(self, index: int, taken_ids: set[str], cancel: CancelToken | None) -> Source | None:
        """The source read ahead for the file at *index* (its id now taken), None when the caller must read the
        file itself; raises the :class:`InputError` the reading raised."""
        where = self._where.pop(index, None)
        if where is None:
            return None
        from concurrent.futures import TimeoutError as FutureTimeout

        future, place = where
        while True:
            check(cancel)
            try:
                outcomes = future.result(_WAIT_SECONDS)
                break
            except FutureTimeout:
                continue
            except Exception:  # a worker died (BrokenProcessPool): the caller reads the file itself
                return None
        kind, source, reason, path = outcomes[place]
        if kind == "error":
            raise InputError(reason or "could not be read", path)
        if source is None or source.id != ids.source_id(source.digest, taken_ids):
            return None  # read again in order: another failure, or bytes already read under another name
        taken_ids.add(source.id)
        return source

    def __enter__(self) -> ReadAhead:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._pool is not None:  # after the last file, or stopped early: tasks not started are dropped
            self._pool.shutdown(wait=exc_type is None, cancel_futures=True)
