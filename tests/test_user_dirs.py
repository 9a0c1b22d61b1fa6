"""The user folders: each follows its environment variable at once, and the tests never touch the real ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from platformdirs import user_config_dir, user_data_dir, user_log_dir

from briefgen import user_dirs
from briefgen.user_dirs import config_dir, data_dir, log_dir


@pytest.mark.parametrize(
    ("folder", "setting"),
    [(config_dir, "BRIEFGEN_CONFIG_DIR"), (data_dir, "BRIEFGEN_DATA_DIR"), (log_dir, "BRIEFGEN_LOG_DIR")],
)
def test_each_folder_follows_its_variable_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder: object, setting: str
) -> None:
    assert callable(folder)
    monkeypatch.setenv(setting, str(tmp_path / "one"))
    assert folder() == tmp_path / "one"
    monkeypatch.setenv(setting, str(tmp_path / "two"))
    assert folder() == tmp_path / "two"


def test_without_the_variable_the_platform_folder_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    for setting in user_dirs.SETTINGS:
        monkeypatch.delenv(setting)
    folders = [config_dir(), data_dir(), log_dir()]
    assert all(f.is_absolute() and "briefgen" in f.parts for f in folders)
    assert len(set(folders)) >= 2  # settings and data do not share a folder on any platform platformdirs knows


def test_the_tests_are_kept_away_from_the_real_folders() -> None:
    """``tests/conftest.py`` moves every folder; a test writing settings, templates or logs cannot reach the user's."""
    real = {
        config_dir: user_config_dir("briefgen", appauthor=False),
        data_dir: user_data_dir("briefgen", appauthor=False),
        log_dir: user_log_dir("briefgen", appauthor=False),
    }
    for folder, platform_folder in real.items():
        assert not folder().is_relative_to(platform_folder), folder()
