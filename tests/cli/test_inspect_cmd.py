from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from briefgen.cli.main import main
from tests.ingest.quirks import TWO_ARTICLES


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_inspect_json_shape_and_spans(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "two.txt"
    p.write_text(TWO_ARTICLES, encoding="utf-8")
    code, out, err = run_cli(capsys, "inspect", "--json", str(p))
    assert code == 0, err
    data = json.loads(out)
    assert list(data) == ["sources"]
    (source,) = data["sources"]
    assert source["path"] == str(p)
    assert source["format"] == "text"
    assert len(source["articles"]) == 2
    for art in source["articles"]:
        assert set(art) == {"id", "title", "author", "publisher", "date", "url", "sections"}
        for sec in art["sections"]:
            assert set(sec) == {"id", "heading", "text", "sentences"}
            for s in sec["sentences"]:
                assert set(s) == {"id", "text", "start", "end"}
                assert sec["text"][s["start"] : s["end"]] == s["text"]
    assert source["articles"][0]["author"] is None  # absent metadata is null


def test_inspect_tree_is_readable(samples_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "inspect", str(samples_dir))
    assert code == 0
    assert "Eastmouth tidal barrier" in out
    assert "Who pays?" in out
    assert "sentences)" in out


def test_bad_files_get_one_line_each_and_good_ones_still_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.txt"
    good.write_text(TWO_ARTICLES, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02" * 1000)
    missing = tmp_path / "missing.txt"
    code, out, err = run_cli(capsys, "inspect", "--json", str(empty), str(good), str(binary), str(missing))
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 3
    assert any(str(empty) in x and "empty" in x for x in lines)
    assert any(str(binary) in x and "binary" in x for x in lines)
    assert any(str(missing) in x and "no such file" in x for x in lines)
    assert "Traceback" not in err
    assert [s["path"] for s in json.loads(out)["sources"]] == [str(good)]


def test_python_dash_m_runs_the_same_cli(tmp_path: Path) -> None:
    p = tmp_path / "two.txt"
    p.write_text(TWO_ARTICLES, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "briefgen", "inspect", "--json", str(p)], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert (
        json.loads(proc.stdout)["sources"][0]["articles"][1]["title"] == "Ferry Operators Cheer the New Harbour Rules"
    )


def test_missing_file_exit_2_no_traceback(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "briefgen", "inspect", str(tmp_path / "nope.txt")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"briefgen: {tmp_path / 'nope.txt'}: no such file"
