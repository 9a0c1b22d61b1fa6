"""Running a batch on a Dask cluster (an in-process local cluster here), and the message when Dask is absent."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from briefgen.batch import load_manifest
from briefgen.batch.dask_runner import INSTALL_HINT, import_distributed, run_batch_dask
from briefgen.errors import InputError
from tests.batch.manifests import DIGEST, NEWS, REPORT, shared_entries, write_manifest
from tests.batch.test_runner import count_reads, reads

NO_DASK = "the optional extra 'dask' is not installed (pip install -e '.[dask]'); CI installs it"


@pytest.fixture(scope="module")
def dask_client() -> Iterator[Any]:
    distributed = pytest.importorskip("distributed", reason=NO_DASK)
    client = distributed.Client(processes=False, n_workers=1, threads_per_worker=2, dashboard_address=None)
    try:
        yield client
    finally:
        client.close()


def test_batch_on_a_local_dask_cluster(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dask_client: Any) -> None:
    log = tmp_path / "reads.log"
    count_reads(monkeypatch, log)
    entries = [*shared_entries(), {"name": "missing", "sources": [NEWS, "gone.txt"], "output": "out/missing.md"}]
    manifest = load_manifest(write_manifest(tmp_path, entries))
    (tmp_path / "out").mkdir()
    seen: list[str] = []
    report = run_batch_dask(manifest, dask_client, on_result=lambda r: seen.append(r.name))
    assert report.executor == "dask" and report.workers == 1
    assert [r.name for r in report.results] == [e["name"] for e in entries]
    assert sorted(seen) == sorted(e["name"] for e in entries)
    assert [r.name for r in report.failed] == ["missing"]
    assert report.failed[0].message == f"{tmp_path / 'gone.txt'}: no such file"
    assert all((tmp_path / "out" / f"{e['name']}.md").is_file() for e in shared_entries())
    distinct = [NEWS, REPORT, DIGEST, str(tmp_path / "gone.txt")]
    assert reads(log) == sorted(distinct), "each distinct source is read once on the cluster"
    assert (report.source_reads, report.source_uses) == (4, 8)


def test_an_unreachable_scheduler_is_named(tmp_path: Path) -> None:
    pytest.importorskip("distributed", reason=NO_DASK)
    manifest = load_manifest(write_manifest(tmp_path, shared_entries()[:1]))
    with pytest.raises(InputError, match="cannot reach the Dask scheduler at inproc://nowhere"):
        run_batch_dask(manifest, "inproc://nowhere")


def test_without_dask_installed_the_message_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # "import distributed" now fails as if absent
    with pytest.raises(InputError) as caught:
        import_distributed()
    assert str(caught.value) == INSTALL_HINT and "briefgen[dask]" in INSTALL_HINT
