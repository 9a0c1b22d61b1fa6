"""Running batches on worker processes: failures stay with their entry, shared sources are read once, the briefs
are the ones ``build_brief`` makes, a dying worker costs only its own entry, and cancelling stops the run."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import briefgen.build
import briefgen.ingest.pipeline
from briefgen.batch import load_manifest, run_batch
from briefgen.batch.runner import WORKER_DIED
from briefgen.build import build_brief
from briefgen.errors import Cancelled
from briefgen.progress import CancelToken
from briefgen.summarize.api import Budget
from tests.batch.manifests import DIGEST, NEWS, REPORT, shared_entries, write_manifest

needs_fork = pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork",
    reason="the worker processes see the test's patches only when they are forked",
)


def count_reads(monkeypatch: pytest.MonkeyPatch, log: Path) -> None:
    """Append every source file read (in this process or a forked worker) to *log*."""
    real: Callable[..., bytes] = getattr(briefgen.ingest.pipeline, "read_limited")  # noqa: B009

    def counting(path: Any, max_bytes: int | None = None) -> bytes:
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(f"{os.fspath(path)}\n")
        return real(path, max_bytes)

    monkeypatch.setattr(briefgen.ingest.pipeline, "read_limited", counting)


def reads(log: Path) -> list[str]:
    return sorted(log.read_text(encoding="utf-8").splitlines()) if log.exists() else []


def test_a_failing_entry_does_not_stop_the_others(tmp_path: Path) -> None:
    entries = [
        *shared_entries()[:2],
        {"name": "missing", "sources": [NEWS, "nowhere.txt"], "output": "out/missing.md"},
        {"name": "bad-pin", "sources": [NEWS], "output": "out/bad-pin.md", "pin": ["nonexistent.a1.s1.t1"]},
        {"name": "no-folder", "sources": [DIGEST], "output": "absent/x.md"},
    ]
    manifest = load_manifest(write_manifest(tmp_path, entries))
    (tmp_path / "out").mkdir()
    seen: list[str] = []
    report = run_batch(manifest, jobs=2, on_result=lambda r: seen.append(r.name))
    by_name = {r.name: r for r in report.results}
    assert [r.name for r in report.results] == ["news-report", "report-digest", "missing", "bad-pin", "no-folder"]
    assert sorted(seen) == sorted(by_name)
    assert by_name["news-report"].ok and by_name["report-digest"].ok
    assert (tmp_path / "out" / "news-report.md").read_text(encoding="utf-8").strip()
    assert (tmp_path / "out" / "report-digest.md").is_file()
    assert [r.name for r in report.failed] == ["missing", "bad-pin", "no-folder"]
    assert by_name["missing"].message == f"{tmp_path / 'nowhere.txt'}: no such file"
    assert by_name["bad-pin"].message.startswith("pin: unknown id 'nonexistent.a1.s1.t1'")
    assert "folder does not exist" in by_name["no-folder"].message
    assert not (tmp_path / "out" / "missing.md").exists()
    assert report.workers == 2 and report.executor == "processes"


def test_one_worker_builds_what_build_brief_builds(tmp_path: Path) -> None:
    manifest = load_manifest(write_manifest(tmp_path, shared_entries()))
    (tmp_path / "out").mkdir()
    report = run_batch(manifest, jobs=1)
    assert not report.failed and report.workers == 1
    assert report.results[0].message == "4 sentences"
    for entry in manifest.entries:
        alone = tmp_path / f"alone-{entry.name}.md"
        build_brief(list(entry.sources), entry.template, output=alone, budget=entry.budget)
        assert Path(entry.output).read_bytes() == alone.read_bytes(), entry.name


def test_shared_sources_are_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "reads.log"
    count_reads(monkeypatch, log)
    manifest = load_manifest(write_manifest(tmp_path, shared_entries()))
    (tmp_path / "out").mkdir()
    with ThreadPoolExecutor(2) as pool:
        report = run_batch(manifest, executor=pool)
    assert not report.failed
    assert reads(log) == sorted([NEWS, REPORT, DIGEST])
    assert (report.source_reads, report.source_uses) == (3, 6)
    log.unlink()
    with ThreadPoolExecutor(2) as pool:
        unshared = run_batch(manifest, executor=pool, share_sources=False)
    assert not unshared.failed and unshared.source_reads == 0
    assert reads(log) == sorted([NEWS, REPORT, DIGEST] * 2), "each entry reading its own sources reads each twice"


@needs_fork
def test_shared_sources_are_read_once_across_worker_processes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "reads.log"
    count_reads(monkeypatch, log)
    entries = [*shared_entries(), {"name": "all", "sources": [NEWS, REPORT, DIGEST], "output": "out/all.md"}]
    manifest = load_manifest(write_manifest(tmp_path, entries))
    (tmp_path / "out").mkdir()
    report = run_batch(manifest, jobs=2)
    assert not report.failed
    assert reads(log) == sorted([NEWS, REPORT, DIGEST])
    assert all((tmp_path / "out" / f"{e['name']}.md").is_file() for e in entries)


def test_the_same_file_twice_in_one_entry(tmp_path: Path) -> None:
    entries = [
        {"name": "twice", "sources": [NEWS, NEWS], "output": "twice.md", "sentences": 3},
        {"name": "once", "sources": [NEWS], "output": "once.md", "sentences": 3},
    ]
    manifest = load_manifest(write_manifest(tmp_path, entries))
    with ThreadPoolExecutor(1) as pool:
        report = run_batch(manifest, executor=pool)
    assert not report.failed
    build_brief([NEWS, NEWS], None, output=tmp_path / "direct.md", budget=Budget(sentences=3))
    assert (tmp_path / "twice.md").read_bytes() == (tmp_path / "direct.md").read_bytes()


@needs_fork
def test_a_dying_worker_costs_only_its_own_entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = briefgen.build.build_brief

    def crashing(*args: Any, **kwargs: Any) -> Any:
        if "crash" in os.fspath(kwargs["output"]):
            os._exit(70)  # as an out-of-memory kill would: no exception, no goodbye
        return real(*args, **kwargs)

    monkeypatch.setattr(briefgen.build, "build_brief", crashing)
    entries = [*shared_entries(), {"name": "crash", "sources": [NEWS], "output": "out/crash.md"}]
    entries.insert(1, entries.pop())
    manifest = load_manifest(write_manifest(tmp_path, entries))
    (tmp_path / "out").mkdir()
    report = run_batch(manifest, jobs=2)
    assert [r.name for r in report.failed] == ["crash"]
    assert report.failed[0].message == WORKER_DIED
    assert sum(r.ok for r in report.results) == 3


def test_cancelling_stops_the_batch(tmp_path: Path) -> None:
    entries = [
        {"name": f"brief-{n}", "sources": [NEWS, REPORT], "output": f"b{n}.md", "sentences": 2} for n in range(6)
    ]
    manifest = load_manifest(write_manifest(tmp_path, entries))
    token = CancelToken()
    with ThreadPoolExecutor(1) as pool, pytest.raises(Cancelled):
        run_batch(manifest, executor=pool, on_result=lambda _r: token.cancel(), cancel=token)
    assert len(list(tmp_path.glob("b*.md"))) < len(entries)
