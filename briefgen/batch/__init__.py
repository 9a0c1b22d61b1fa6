"""Building many briefs from one manifest: checking the manifest, running the entries in parallel, results.

    from briefgen.batch import load_manifest, run_batch
    report = run_batch(load_manifest("briefs.json"), jobs=4)
    for result in report.results:
        print(result.name, result.status, result.message)

:func:`run_batch` runs on local worker processes; :func:`~briefgen.batch.dask_runner.run_batch_dask` on a Dask
cluster (optional extra ``dask``). Both read each distinct source once and build through
:func:`briefgen.build.build_brief`. See ``docs/batch.md`` for the manifest format.
"""

from briefgen.batch.manifest import BatchEntry, Manifest, ManifestError, load_manifest, parse_manifest
from briefgen.batch.runner import BatchReport, default_jobs, run_batch
from briefgen.batch.tasks import EntryResult

__all__ = [
    "BatchEntry",
    "BatchReport",
    "EntryResult",
    "Manifest",
    "ManifestError",
    "default_jobs",
    "load_manifest",
    "parse_manifest",
    "run_batch",
]
