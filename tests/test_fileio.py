from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefgen.errors import InputError
from briefgen.fileio import atomic_write_bytes, atomic_write_text, atomic_writer, read_limited
from briefgen.part_files import DEAD_WRITER_GRACE_S, UNNAMED_AGE_S, remove_stale_parts


def test_atomic_write_replaces_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "brief.txt"
    atomic_write_text(target, "old")
    atomic_write_text(target, "new content")
    assert target.read_text(encoding="utf-8") == "new content"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.txt"]


def test_failed_write_leaves_old_file_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "brief.pdf"
    atomic_write_bytes(target, b"complete old file")
    with pytest.raises(RuntimeError), atomic_writer(target) as fh:
        fh.write(b"half of a new fi")
        raise RuntimeError("renderer crashed")
    assert target.read_bytes() == b"complete old file"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"]


def test_read_limited_messages(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_limited(tmp_path / "missing")
    with pytest.raises(InputError, match="folder"):
        read_limited(tmp_path)
    big = tmp_path / "big"
    big.write_bytes(b"x" * 2048)
    with pytest.raises(InputError, match="too large"):
        read_limited(big, max_bytes=1024)
    assert read_limited(big, max_bytes=4096) == b"x" * 2048


# ---- write side: write-protected files, several files at once, left-over temporary files -----------------------
def test_a_write_protected_file_is_replaced_only_when_asked(tmp_path: Path) -> None:
    from briefgen.fileio import WriteProtectedError

    target = tmp_path / "brief.md"
    target.write_bytes(b"old")
    target.chmod(0o444)
    with pytest.raises(WriteProtectedError):
        atomic_write_bytes(target, b"new", replace_protected=False)
    assert target.read_bytes() == b"old"
    atomic_write_bytes(target, b"new")  # the default (settings, autosaves) replaces it, keeping its mode
    assert target.read_bytes() == b"new" and target.stat().st_mode & 0o777 == 0o444


def test_write_all_replaces_every_file_or_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefgen.fileio import atomic_write_all

    brief, report = tmp_path / "b.md", tmp_path / "r.json"
    brief.write_bytes(b"old brief")
    atomic_write_all([(brief, b"new brief"), (report, b"{}")])
    assert brief.read_bytes() == b"new brief" and report.read_bytes() == b"{}"
    real_replace = os.replace
    calls: list[str] = []

    def second_rename_fails(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        calls.append(os.fspath(dst))
        if os.fspath(dst) == str(report):
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", second_rename_fails)
    with pytest.raises(OSError):
        atomic_write_all([(brief, b"newer brief"), (report, b'{"a": 1}')])
    monkeypatch.undo()
    assert brief.read_bytes() == b"new brief"  # put back after the report's rename failed
    assert report.read_bytes() == b"{}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.md", "r.json"]


def test_write_all_leaves_nothing_when_the_folder_of_one_file_is_missing(tmp_path: Path) -> None:
    from briefgen.fileio import atomic_write_all

    brief = tmp_path / "b.md"
    brief.write_bytes(b"old")
    with pytest.raises(FileNotFoundError):
        atomic_write_all([(brief, b"new"), (tmp_path / "missing" / "r.json", b"{}")])
    assert brief.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["b.md"]


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_stale_temporary_files_are_removed_on_the_next_write(tmp_path: Path) -> None:
    old = time.time() - 2 * DEAD_WRITER_GRACE_S
    dead = tmp_path / f".brief.pdf.{_dead_pid()}.abcdefgh.part"
    fresh_dead = tmp_path / f".brief.pdf.{_dead_pid()}.bcdefghi.part"
    live = tmp_path / f".brief.pdf.{os.getppid()}.cdefghij.part"
    legacy = tmp_path / ".brief.pdf.defghijk.part"
    other = tmp_path / f".other.pdf.{_dead_pid()}.efghijkl.part"
    for path in (dead, fresh_dead, live, legacy, other):
        path.write_bytes(b"half")
    for path in (dead, live, other):
        os.utime(path, (old, old))
    ancient = time.time() - 2 * UNNAMED_AGE_S
    os.utime(legacy, (ancient, ancient))
    atomic_write_bytes(tmp_path / "brief.pdf", b"%PDF complete")
    left = sorted(p.name for p in tmp_path.iterdir())
    assert dead.name not in left and legacy.name not in left  # a dead writer's, an old version's
    assert fresh_dead.name in left  # too fresh to judge (a writer on another machine?)
    assert live.name in left  # a live writer's
    assert other.name in left  # another file's: left for its own next write
    assert remove_stale_parts([tmp_path, tmp_path / "missing"]) == 1  # the app's start-up sweep takes it
    assert other.name not in {p.name for p in tmp_path.iterdir()}


def test_a_killed_write_leaves_a_named_part_file_that_the_next_write_removes(tmp_path: Path) -> None:
    target = tmp_path / "brief.pdf"
    code = (
        "import os, sys\nfrom briefgen.fileio import atomic_writer\n"
        "with atomic_writer(sys.argv[1]) as fh:\n    fh.write(b'half'); fh.flush(); os.kill(os.getpid(), 9)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(target)], check=False)
    (part,) = tmp_path.glob(".brief.pdf.*.part")
    old = time.time() - 2 * DEAD_WRITER_GRACE_S
    os.utime(part, (old, old))
    atomic_write_bytes(target, b"whole")
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"]
