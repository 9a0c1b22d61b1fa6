"""Many files read ahead on several processes load exactly as one-by-one reading loads them
(briefgen.ingest.read_ahead): same sources in the same order, same ids, errors, repeats and progress; cancel works."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from briefgen.ingest import read_ahead
from briefgen.ingest.pipeline import _identity, load_sources

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or len(os.sched_getaffinity(0)) < 2,
    reason="workers read ahead only on Linux with at least two cores",
)

FILES = 60


def _make_files(folder: Path) -> list[str]:
    """Distinct articles, plus a copy under another name, a repeat, the same file by another path, an empty
    file and a missing one."""
    paths: list[str] = []
    for n in range(FILES):
        path = folder / f"article{n:03}.txt"
        body = " ".join(f"Sentence {k} of article {n} says the council met on day {k}." for k in range(1, 8))
        path.write_text(f"Article {n}\n\nDr. Smith spoke first. {body}\n\nA second paragraph, number {n}.\n")
        paths.append(str(path))
    (folder / "copy.txt").write_bytes(Path(paths[3]).read_bytes())
    (folder / "empty.txt").write_text("")
    paths[10:10] = [str(folder / "copy.txt"), paths[5], os.path.join(str(folder), ".", "article007.txt")]
    paths[20:20] = [str(folder / "empty.txt"), str(folder / "missing.txt")]
    return paths


_PROBE = textwrap.dedent(
    """
    import json, sys
    from briefgen.ingest import read_ahead
    from briefgen.ingest.pipeline import _identity, load_sources

    paths = json.loads(sys.argv[1])
    import briefgen.forking

    briefgen.forking.BUSY_LOAD = float("inf")  # whatever else runs on this machine
    read_ahead.FROM_BYTES = 0  # the files are small
    if sys.argv[2] == "serial":
        read_ahead.FROM_FILES = 10**9
    calls = []
    result = load_sources(paths, progress=lambda d, t, m: calls.append((d, t, m)))
    print(json.dumps({
        "read_ahead": read_ahead.ReadAhead.start(paths, [_identity(p) for p in paths], None)._pool is not None,
        "sources": [
            [s.id, s.path, s.digest, [[x.id, x.text] for a in s.articles for sec in a.sections
                                    for p in sec.paragraphs for x in p.sentences]]
            for s in result.corpus.sources
        ],
        "errors": [[str(e), e.path, e.reason] for e in result.errors],
        "same_as": result.same_as,
        "progress": calls,
    }))
    """
)


def _load_in_fresh_process(paths: list[str], mode: str) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(paths), mode],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    result: dict[str, Any] = json.loads(proc.stdout)
    return result


def test_reading_ahead_loads_what_reading_one_by_one_loads(tmp_path: Path) -> None:
    paths = _make_files(tmp_path)
    ahead = _load_in_fresh_process(paths, "ahead")
    serial = _load_in_fresh_process(paths, "serial")
    assert ahead["read_ahead"] is True and serial["read_ahead"] is False
    assert ahead["sources"] == serial["sources"]
    assert ahead["errors"] == serial["errors"]
    assert ahead["same_as"] == serial["same_as"]
    assert ahead["progress"] == serial["progress"]
    ids = [s[0] for s in ahead["sources"]]
    assert len(ids) == FILES + 1 and len(set(ids)) == len(ids)
    assert any(i.endswith("~2") for i in ids)  # the copy of article 3
    assert {e[1] for e in ahead["errors"]} == {str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt")}


def test_few_or_small_files_are_read_one_by_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _make_files(tmp_path)
    keys = [_identity(p) for p in paths]
    with read_ahead.ReadAhead.start(paths, keys, None) as ahead:  # a few kilobytes
        assert ahead.take(0, set(), None) is None
    monkeypatch.setattr(read_ahead, "FROM_BYTES", 0)
    few = read_ahead.FROM_FILES - 1
    with read_ahead.ReadAhead.start(paths[:few], keys[:few], None) as ahead:
        assert ahead.take(0, set(), None) is None


def test_cancelling_stops_the_workers(tmp_path: Path) -> None:
    paths = _make_files(tmp_path)
    code = textwrap.dedent(
        """
        import json, multiprocessing, sys, time
        from briefgen.errors import Cancelled
        from briefgen.ingest import read_ahead
        from briefgen.ingest.pipeline import load_sources
        from briefgen.progress import CancelToken

        import briefgen.forking

        briefgen.forking.BUSY_LOAD = float("inf")  # whatever else runs on this machine
        read_ahead.FROM_BYTES = 0  # the files are small
        token = CancelToken()
        seen = []
        def progress(done, total, message):
            seen.append(done)
            if len(seen) == 5:
                token.cancel()
        try:
            load_sources(json.loads(sys.argv[1]), progress=progress, cancel=token)
            print("not cancelled")
        except Cancelled:
            deadline = time.monotonic() + 30
            while multiprocessing.active_children() and time.monotonic() < deadline:
                time.sleep(0.05)
            print("cancelled", len(seen), len(multiprocessing.active_children()))
        """
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, json.dumps(paths)], capture_output=True, text=True, timeout=300, check=False
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["cancelled", "5", "0"]


def test_serial_loading_in_this_process_is_unchanged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """In a process with other threads (as the desktop app) nothing is forked; the files still load."""
    import threading

    monkeypatch.setattr(read_ahead, "FROM_BYTES", 0)
    paths = _make_files(tmp_path)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert read_ahead.ReadAhead.start(paths, [_identity(p) for p in paths], None)._pool is None
        result = load_sources(paths)
    finally:
        stop.set()
        other.join()
    assert len(result.corpus.sources) == FILES + 1 and len(result.errors) == 2
