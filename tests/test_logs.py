from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.logs import get_logger, log_exception


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
