"""The bundled sample sources: found in one place, for the app's first run, its template sample and ``demo``."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen import samples


def test_every_bundled_sample_is_listed(samples_dir: Path) -> None:
    listed = [Path(p) for p in samples.sample_paths()]
    assert listed == sorted(samples_dir.iterdir())
    assert samples.samples_dir() == samples_dir


def test_a_hidden_or_unreadable_file_is_left_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "samples"
    folder.mkdir()
    for name in ("a.txt", "b.md", ".hidden.txt", "notes.xyz"):
        (folder / name).write_text("Text.\n", "utf-8")
    monkeypatch.setenv("BRIEFGEN_RESOURCES", str(tmp_path))
    assert samples.samples_dir() == folder
    assert [Path(p).name for p in samples.sample_paths()] == ["a.txt", "b.md"]


def test_missing_samples_are_none_not_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFGEN_RESOURCES", str(tmp_path))
    assert samples.samples_dir() is None
    assert samples.sample_paths() == []
