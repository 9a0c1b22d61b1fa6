from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.logs import command_line_text, get_logger, log_command, log_exception


def test_log_follows_the_log_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("one", "two"):
        monkeypatch.setenv("BRIEFGEN_LOG_DIR", str(tmp_path / name))
        try:
            raise ValueError(f"boom {name}")
        except ValueError as exc:
            path = log_exception(exc)
        assert path == tmp_path / name / "briefgen.log"
        text = path.read_text(encoding="utf-8")
        assert f"boom {name}" in text and "Traceback" in text


def test_log_rotates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFGEN_LOG_DIR", str(tmp_path))
    logger = get_logger()
    for _ in range(3000):
        logger.info("x" * 500)
    assert (tmp_path / "briefgen.log.1").exists()
    assert (tmp_path / "briefgen.log").stat().st_size <= 1_000_000


def test_command_line_is_logged_on_one_line_without_credentials(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFGEN_LOG_DIR", str(tmp_path))
    argv = ["inspect", "http://ann:hunter2@intranet.example/a b", "notes\n.txt", "x" * 5000]
    path = log_command(argv, 2, 1.234)
    assert path == tmp_path / "briefgen.log"
    (line,) = path.read_text(encoding="utf-8").splitlines()
    assert "hunter2" not in line and "ann" not in line
    assert "command: briefgen inspect 'http://intranet.example/a b' 'notes\\n.txt' xxx" in line
    assert line.endswith("… | exit 2 | 1.23 s") and " WARNING " in line
    assert len(command_line_text(argv)) == 2000
