"""Running a batch on worker processes (or any :class:`concurrent.futures.Executor`).

Each distinct source is read once, by a worker (:func:`~briefgen.batch.tasks.read_task`); the parent keeps the
parsed source until every entry that uses it has been handed out, and an entry's build is submitted as soon as
all its sources are in (:func:`~briefgen.batch.tasks.build_task`). A parsed source travels to a worker pickled,
which costs about a tenth of reading it again (see ``benchmarks/batch_bench.py``). At most two builds per worker
are queued at a time, so that memory stays bounded and a worker that dies takes little work with it: that work
runs again on a fresh pool one task at a time, and a task that kills a worker while running alone is marked
failed (it was the cause); everything else carries on.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from briefgen.batch.manifest import BatchEntry, Manifest
from briefgen.batch.tasks import EntryResult, ReadFailure, build_task, failed_result, progress_message, read_task
from briefgen.model import Source
from briefgen.progress import CancelToken, ProgressCallback, check, report

ResultCallback = Callable[[EntryResult], None]
"""Called in the calling thread with each entry's result as soon as it is known."""

WORKER_DIED = "the worker process stopped unexpectedly (out of memory?)"
POLL_SECONDS = 0.2
"""How often the loop wakes to look at the cancel token while waiting for workers."""


@dataclass(frozen=True, slots=True)
class BatchReport:
    results: tuple[EntryResult, ...]
    """One per entry, in manifest order."""
    seconds: float
    workers: int
    executor: str
    """``"processes"``, ``"dask"`` or the class name of the executor given."""
    source_reads: int
    """Source files read by a task of their own (each once); 0 when sources were not shared."""
    source_uses: int
    """Sources named by all entries together (what reading per entry would have read)."""

    @property
    def failed(self) -> tuple[EntryResult, ...]:
        return tuple(r for r in self.results if not r.ok)


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def run_batch(
    manifest: Manifest,
    *,
    jobs: int | None = None,
    executor: Executor | None = None,
    share_sources: bool = True,
    progress: ProgressCallback | None = None,
    on_result: ResultCallback | None = None,
    cancel: CancelToken | None = None,
) -> BatchReport:
    """Build every entry of *manifest* on *jobs* worker processes (default: one per core), or on *executor*.

    Failed entries are reported in the result, never raised; :class:`~briefgen.errors.Cancelled` is raised when
    *cancel* is set (entries already running finish, the others are dropped).
    """
    workers = max(1, min(jobs or default_jobs(), len(manifest.entries)))
    run = _LocalRun(manifest, workers, executor, share_sources, progress, on_result, cancel)
    return run.execute()


class _LocalRun:
    def __init__(
        self,
        manifest: Manifest,
        workers: int,
        executor: Executor | None,
        share_sources: bool,
        progress: ProgressCallback | None,
        on_result: ResultCallback | None,
        cancel: CancelToken | None,
    ) -> None:
        self.manifest = manifest
        self.workers = workers
        self.external = executor
        self.share = share_sources
        self.progress = progress
        self.on_result = on_result
        self.cancel = cancel
        self.waiting: list[BatchEntry] = list(manifest.entries)
        self.remaining: dict[str, int] = {}
        """Per source: how many waiting entries still need it (its parsed form is dropped at 0)."""
        for entry in manifest.entries:
            for path in entry.sources:
                self.remaining[path] = self.remaining.get(path, 0) + 1
        self.source_uses = sum(self.remaining.values())
        self.ready: dict[str, Source | ReadFailure] = {}
        self.reads: dict[Future[Any], str] = {}
        self.builds: dict[Future[Any], BatchEntry] = {}
        self.suspects: list[tuple[str, BatchEntry | None]] = []
        """Reads (path, None) and builds ("", entry) lost with a broken pool, to be run again one at a time."""
        self.isolated: Future[Any] | None = None
        self.results: dict[int, EntryResult] = {}
        self.read_count = 0

    def execute(self) -> BatchReport:
        start = time.perf_counter()
        total = len(self.manifest.entries)
        report(self.progress, 0, total, "Starting")
        pool = self.external or self._new_pool()
        owned = self.external is None
        try:
            while len(self.results) < total:
                check(self.cancel)
                self._submit(pool)
                done, _ = wait([*self.reads, *self.builds], timeout=POLL_SECONDS, return_when=FIRST_COMPLETED)
                if self._collect(done):  # a broken pool takes no more work: go on with a fresh one
                    if owned:
                        pool.shutdown(wait=False, cancel_futures=True)
                    pool, owned = self._new_pool(), True
        except BaseException:
            for future in [*self.reads, *self.builds]:
                future.cancel()
            if owned:
                pool.shutdown(wait=False, cancel_futures=True)
            raise
        if owned:
            pool.shutdown(wait=True)
        name = "processes" if self.external is None else type(self.external).__name__
        results = tuple(self.results[e.index] for e in self.manifest.entries)
        reads = self.read_count if self.share else 0
        return BatchReport(results, time.perf_counter() - start, self.workers, name, reads, self.source_uses)

    def _new_pool(self) -> Executor:
        return ProcessPoolExecutor(max_workers=self.workers)

    def _submit(self, pool: Executor) -> None:
        """Hand out ready builds (up to two per worker), and the reads the next entries will need; after a
        broken pool, first the work it lost, one task at a time."""
        if self.isolated is not None:
            return
        if self.suspects:
            if not self.reads and not self.builds:
                path, entry = self.suspects.pop(0)
                if entry is None:
                    self.isolated = pool.submit(read_task, path)
                    self.reads[self.isolated] = path
                else:  # its parsed sources were handed out already: the worker reads them itself
                    self.isolated = pool.submit(build_task, entry)
                    self.builds[self.isolated] = entry
            return
        depth = 2 * self.workers
        window = self.waiting[: 2 * depth]
        if self.share:
            in_flight = set(self.reads.values())
            for path in dict.fromkeys(p for e in window for p in e.sources):
                if path not in self.ready and path not in in_flight:
                    self.reads[pool.submit(read_task, path)] = path
                    self.read_count += 1
        ready = [e for e in window if not self.share or all(p in self.ready for p in e.sources)]
        for entry in ready[: max(0, depth - len(self.builds))]:
            self.waiting.remove(entry)  # within the first few entries: cheap
            sources = [self.ready[p] for p in entry.sources] if self.share else []
            self.builds[pool.submit(build_task, entry, *sources)] = entry
            for path in entry.sources:
                self.remaining[path] -= 1
                if self.remaining[path] == 0:
                    self.ready.pop(path, None)  # the pool holds what it still needs

    def _collect(self, done: set[Future[Any]]) -> bool:
        """Take in finished work; True when the pool broke (a worker process died)."""
        broken = False
        for future in done:
            try:
                value = future.result()
            except BrokenProcessPool:
                broken = True
                continue
            except Exception as exc:
                value = f"the executor failed: {type(exc).__name__}: {exc}"
            if future is self.isolated:
                self.isolated = None
            if future in self.reads:
                path = self.reads.pop(future)
                self.ready[path] = value if isinstance(value, Source | ReadFailure) else ReadFailure(path, str(value))
            elif future in self.builds:
                entry = self.builds.pop(future)
                self._finish(value if isinstance(value, EntryResult) else failed_result(entry, str(value)))
        if not broken:
            return False
        if self.isolated is not None:  # it ran alone, so it is what killed the worker
            culprit = self.reads.pop(self.isolated, None)
            if culprit is not None:
                self.ready[culprit] = ReadFailure(culprit, WORKER_DIED)
            if self.isolated in self.builds:
                self._finish(failed_result(self.builds.pop(self.isolated), WORKER_DIED))
            self.isolated = None
        self.suspects.extend((path, None) for path in self.reads.values())
        self.suspects.extend(("", entry) for entry in self.builds.values())
        self.reads.clear()
        self.builds.clear()
        return True

    def _finish(self, result: EntryResult) -> None:
        self.results[result.index] = result
        if self.on_result is not None:
            self.on_result(result)
        total = len(self.manifest.entries)
        report(self.progress, len(self.results), total, progress_message(self.results.values(), total, result))
