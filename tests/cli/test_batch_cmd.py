"""``briefgen batch``: the summary table, the progress lines, exit status 2 when an entry fails, the JSON report,
option errors, and the Dask executor against an in-process local cluster."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from briefgen.cli.main import main
from tests.batch.manifests import NEWS, shared_entries, write_manifest

NO_DASK = "the optional extra 'dask' is not installed (pip install -e '.[dask]'); CI installs it"


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def table_rows(out: str) -> dict[str, list[str]]:
    """The summary table's rows by entry name: [output, status, seconds, message]."""
    rows: dict[str, list[str]] = {}
    for line in out.splitlines()[1:-1]:
        cells = re.split(r"\s{2,}", line.strip(), maxsplit=4)
        rows[cells[0]] = cells[1:]
    return rows


def test_a_failing_entry_gives_exit_2_and_a_row_of_its_own(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    entries = [*shared_entries(), {"name": "broken", "sources": ["no-such.txt"], "output": "out/broken.md"}]
    manifest = write_manifest(tmp_path, entries)
    (tmp_path / "out").mkdir()
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(capsys, "batch", str(manifest), "--jobs", "2", "--report", "report.json", "-v")
    assert code == 2
    lines = out.splitlines()
    assert lines[0].split() == ["entry", "output", "status", "seconds", "message"]
    rows = table_rows(out)
    assert rows["news-report"][:2] == ["out/news-report.md", "ok"] and rows["news-report"][3] == "4 sentences"
    assert rows["broken"][:2] == ["out/broken.md", "failed"]
    assert rows["broken"][3] == f"{tmp_path / 'no-such.txt'}: no such file"
    assert lines[-1].startswith("4 briefs: 3 ok, 1 failed in ")
    assert lines[-1].endswith("on 2 workers (processes); 4 distinct sources read once for 7 uses")
    progress = [line for line in err.splitlines() if re.search(r"\] \d/4 briefs: ", line)]
    assert len(progress) == 4 and "4/4 briefs: 3 ok, 1 failed (last: " in progress[-1]
    assert "1 failed (last: broken failed)" in err
    assert f"briefgen: broken: {tmp_path / 'no-such.txt'}: no such file" in err
    assert all((tmp_path / "out" / f"{e['name']}.md").is_file() for e in shared_entries())
    saved = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert [e["status"] for e in saved["entries"]] == ["ok", "ok", "ok", "failed"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_all_built_gives_exit_0(tmp_path: Path, capsys: pytest.CaptureFixture[str], jobs: str) -> None:
    manifest = write_manifest(tmp_path, shared_entries())
    (tmp_path / "out").mkdir()
    code, out, _err = run_cli(capsys, "batch", str(manifest), "-j", jobs)
    assert code == 0
    assert "3 briefs: 3 ok, 0 failed in " in out and f"on {jobs} worker" in out
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(f"{e['name']}.md" for e in shared_entries())


def test_manifest_problems_stop_before_any_work(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    entries = [
        {"name": "a", "sources": [NEWS], "output": "same.md"},
        {"name": "b", "sources": [NEWS], "output": "same.md", "words": "many"},
    ]
    manifest = write_manifest(tmp_path, entries)
    code, out, err = run_cli(capsys, "batch", str(manifest))
    assert code == 2 and out == ""
    assert f"briefgen: {manifest}: 2 problems in the batch manifest:" in err
    assert 'entry 2 ("b"): words: must be a whole number' in err
    assert not (tmp_path / "same.md").exists()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--jobs", "0"], "--jobs must be at least 1, got 0"),
        (["--executor", "dask"], "--executor dask needs --scheduler ADDRESS"),
        (["--scheduler", "tcp://localhost:8786"], "--scheduler applies to --executor dask"),
        (["--report", "r.txt"], "the report file name must end in .json"),
    ],
)
def test_option_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str], options: list[str], message: str) -> None:
    manifest = write_manifest(tmp_path, shared_entries())
    code, _out, err = run_cli(capsys, "batch", str(manifest), *options)
    assert code == 2 and message in err


def test_dask_executor_on_a_local_cluster(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    distributed = pytest.importorskip("distributed", reason=NO_DASK)
    entries = [*shared_entries(), {"name": "broken", "sources": ["no-such.txt"], "output": "out/broken.md"}]
    manifest = write_manifest(tmp_path, entries)
    (tmp_path / "out").mkdir()
    with distributed.LocalCluster(
        processes=False, n_workers=1, threads_per_worker=2, dashboard_address=None
    ) as cluster:
        code, out, _err = run_cli(
            capsys, "batch", str(manifest), "--executor", "dask", "--scheduler", cluster.scheduler_address
        )
    assert code == 2
    rows = table_rows(out)
    assert [rows[e["name"]][1] for e in shared_entries()] == ["ok", "ok", "ok"]
    assert rows["broken"][1] == "failed"
    assert "on 1 worker (dask)" in out.splitlines()[-1]
    assert all((tmp_path / "out" / f"{e['name']}.md").is_file() for e in shared_entries())
