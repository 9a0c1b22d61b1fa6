from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.errors import InputError
from briefgen.fileio import atomic_write_bytes, atomic_write_text, atomic_writer, read_limited


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
