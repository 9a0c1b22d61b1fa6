"""Running a batch on a Dask distributed cluster (the optional ``dask`` extra), for job lists beyond one machine.

The same two tasks as on worker processes (:mod:`briefgen.batch.tasks`) go to the cluster as a task graph: one
read task per distinct source, and one build task per entry that takes its sources' futures as arguments. Dask's
scheduler then runs each read once, moves parsed sources between workers as needed and frees them when no build
needs them any more; the parent only collects results. The workers must have briefgen installed and see the
sources and the output folders at the same paths as the machine that starts the batch (a shared file system).

Dask is imported only here, and only when this executor is chosen.
"""

from __future__ import annotations

import time
from typing import Any

from briefgen.batch.manifest import Manifest
from briefgen.batch.runner import POLL_SECONDS, BatchReport, ResultCallback
from briefgen.batch.tasks import EntryResult, build_task, failed_result, progress_message, read_task
from briefgen.errors import InputError
from briefgen.progress import CancelToken, ProgressCallback, check, report

INSTALL_HINT = 'the Dask executor needs Dask distributed: pip install "briefgen[dask]" (or: pip install distributed)'
CONNECT_TIMEOUT_SECONDS = 20


def import_distributed() -> Any:
    """The ``distributed`` module, or an :class:`InputError` saying how to install it."""
    try:
        import distributed
    except ImportError:
        raise InputError(INSTALL_HINT) from None
    return distributed


def run_batch_dask(
    manifest: Manifest,
    scheduler: Any,
    *,
    share_sources: bool = True,
    progress: ProgressCallback | None = None,
    on_result: ResultCallback | None = None,
    cancel: CancelToken | None = None,
) -> BatchReport:
    """Build every entry of *manifest* on the Dask cluster whose scheduler is at *scheduler* (an address such
    as ``tcp://10.0.0.5:8786``, or a ``distributed.Client`` already connected, which is left open)."""
    distributed = import_distributed()
    start = time.perf_counter()
    own_client = isinstance(scheduler, str)
    if own_client:
        try:
            client = distributed.Client(scheduler, timeout=CONNECT_TIMEOUT_SECONDS)
        except (OSError, TimeoutError, ValueError) as exc:
            raise InputError(f"cannot reach the Dask scheduler at {scheduler} ({type(exc).__name__}: {exc})") from None
    else:
        client = scheduler
    try:
        return _run(distributed, client, manifest, share_sources, progress, on_result, cancel, start)
    finally:
        if own_client:
            client.close()


def _run(
    distributed: Any,
    client: Any,
    manifest: Manifest,
    share_sources: bool,
    progress: ProgressCallback | None,
    on_result: ResultCallback | None,
    cancel: CancelToken | None,
    start: float,
) -> BatchReport:
    total = len(manifest.entries)
    report(progress, 0, total, "Starting")
    reads = (
        {path: client.submit(read_task, path, pure=False) for path in manifest.distinct_sources()}
        if share_sources
        else {}
    )
    builds = {
        client.submit(build_task, entry, *(reads[p] for p in entry.sources), pure=False): entry
        for entry in manifest.entries
    }
    read_count = len(reads)
    del reads  # the cluster frees each parsed source once the builds needing it are done
    results: dict[int, EntryResult] = {}
    pending = set(builds)
    try:
        while pending:
            check(cancel)
            try:
                done, _ = distributed.wait(list(pending), timeout=POLL_SECONDS, return_when="FIRST_COMPLETED")
            except (TimeoutError, distributed.TimeoutError):
                continue
            for future in done:
                pending.discard(future)
                entry = builds[future]
                try:
                    result: EntryResult = future.result()
                except Exception as exc:  # a worker lost, a task cancelled by the cluster...
                    result = failed_result(entry, f"the Dask cluster failed it: {type(exc).__name__}: {exc}")
                results[entry.index] = result
                if on_result is not None:
                    on_result(result)
                report(progress, len(results), total, progress_message(results.values(), total, result))
    except BaseException:
        client.cancel(list(pending))
        raise
    workers = len(client.scheduler_info().get("workers", {}))
    ordered = tuple(results[e.index] for e in manifest.entries)
    uses = sum(len(e.sources) for e in manifest.entries)
    return BatchReport(ordered, time.perf_counter() - start, workers, "dask", read_count, uses)
