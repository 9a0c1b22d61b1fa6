"""The one reader of user files: regular files only, never blocking, within a limit whose message is true."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from briefgen import safe_read
from briefgen.errors import InputError
from briefgen.fileio import read_limited as reexported
from briefgen.project.format import MAX_PROJECT_BYTES, load_project
from briefgen.safe_read import DEFAULT_MAX_INPUT_BYTES, max_input_bytes, read_limited
from tests.no_hang import make_fifo, within


def _refusal(path: Path | str, **kwargs: object) -> str:
    with pytest.raises(InputError) as info:
        within(10, lambda: read_limited(path, **kwargs))  # type: ignore[arg-type]
    assert info.value.path is not None
    return info.value.reason


def test_fileio_still_offers_the_reader() -> None:
    assert reexported is read_limited


def test_regular_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 3000)
    assert read_limited(path) == b"x" * 3000
    assert read_limited(path, 3000) == b"x" * 3000


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = make_fifo(tmp_path / "pipe.txt")
    assert "named pipe" in _refusal(fifo)


def test_symlink_to_dev_zero_is_refused_as_a_device(tmp_path: Path) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero on this system")
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    assert "device" in _refusal(link)


def test_folder_socket_loop_and_nul_are_refused(tmp_path: Path) -> None:
    assert "folder" in _refusal(tmp_path)
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    assert "loop of symbolic links" in _refusal(loop)
    assert "NUL" in _refusal(str(tmp_path / "a\x00b.txt"))
    assert "no such file" in _refusal(tmp_path / "missing.txt")
    assert "too long" in _refusal(tmp_path / ("n" * 5000))
    if hasattr(socket, "AF_UNIX"):
        sock_path = tmp_path / "s.sock"
        with socket.socket(socket.AF_UNIX) as server:
            server.bind(str(sock_path))
            assert "socket" in _refusal(sock_path)


def test_empty_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "e.txt").write_bytes(b"")
    assert _refusal(tmp_path / "e.txt") == "file is empty"


def test_file_swapped_between_check_and_open_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = tmp_path / "real.txt"
    real.write_text("text", encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text("other", encoding="utf-8")
    monkeypatch.setattr(safe_read, "regular_file_stat", lambda _p, kind="file": os.stat(other))
    assert "changed while being opened" in _refusal(real)


def test_source_limit_message_names_the_setting_that_changes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 300_000)  # 1.5 MB
    monkeypatch.setenv("BRIEFGEN_MAX_INPUT_MB", "1")
    reason = _refusal(path)
    assert "the limit is 1.0 MB" in reason and "set BRIEFGEN_MAX_INPUT_MB" in reason
    monkeypatch.setenv("BRIEFGEN_MAX_INPUT_MB", "1.6")  # and the setting does change it
    assert len(read_limited(path)) == 1_500_000


def test_unusable_setting_is_named_in_the_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFGEN_MAX_INPUT_MB", "100MB")
    assert max_input_bytes() == DEFAULT_MAX_INPUT_BYTES
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 2048)
    monkeypatch.setattr(safe_read, "DEFAULT_MAX_INPUT_BYTES", 1024)
    assert "BRIEFGEN_MAX_INPUT_MB='100MB' is not a positive number" in _refusal(path)
    for bad in ("0", "-5", "nan", "inf"):
        monkeypatch.setenv("BRIEFGEN_MAX_INPUT_MB", bad)
        assert max_input_bytes() == 1024


def test_fixed_limits_do_not_name_a_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.briefgen"
    path.write_bytes(b" " * 2048)
    monkeypatch.setattr("briefgen.project.format.MAX_PROJECT_BYTES", 1024)
    monkeypatch.setenv("BRIEFGEN_MAX_INPUT_MB", "500")  # has no effect on project files, so is not offered
    with pytest.raises(InputError) as info:
        load_project(path)
    assert info.value.reason == "project file is too large (2 KB; a project file may be at most 1 KB)"
    assert MAX_PROJECT_BYTES == 16 * 1024 * 1024


def test_project_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = make_fifo(tmp_path / "work.briefgen")
    with pytest.raises(InputError, match="named pipe"):
        within(10, lambda: load_project(fifo), [fifo])
