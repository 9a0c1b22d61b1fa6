"""Shared fixtures: where the commissioned data lives, and isolation from the user's real folders."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("BRIEFGEN_SHARED_DIR", REPO.parent / "shared"))
SEEDS = SHARED / "seeds"
EVAL = SHARED / "eval" / "bbc-news-summary"
SAMPLES = REPO / "resources" / "samples"
SEED_000 = SEEDS / "000_6fe9ca65db3061ed.txt"
SEED_001 = SEEDS / "001_6d37bd1471c15ce5.txt"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test away from the user's real settings, templates, projects and logs: each folder variable
    (:data:`briefgen.user_dirs.SETTINGS`) points into a fresh temporary folder. The only such fixture; child
    processes a test starts inherit it through ``os.environ``."""
    from briefgen.user_dirs import SETTINGS

    base = tmp_path_factory.mktemp("userdirs")
    for var in SETTINGS:
        monkeypatch.setenv(var, str(base / var.removeprefix("BRIEFGEN_").removesuffix("_DIR").lower()))


@pytest.fixture(autouse=True)
def _default_url_options() -> Iterator[None]:
    """The process-wide URL import options (the app's preference sets them) start at the defaults in every
    test and are put back after it, so one test's opt-in never reaches another."""
    from briefgen.ingest.url_options import UrlFetchOptions, set_default_url_options

    set_default_url_options(UrlFetchOptions())
    yield
    set_default_url_options(UrlFetchOptions())


@pytest.fixture
def seeds_dir() -> Path:
    """The two source files the product was commissioned with (read from ../shared, never copied)."""
    if not SEED_000.exists() or not SEED_001.exists():
        pytest.skip(f"seed files not present at {SEEDS} (../shared is absent on this machine)")
    return SEEDS


@pytest.fixture
def eval_dir() -> Path:
    """The BBC evaluation set (read from ../shared, never copied)."""
    if not EVAL.exists():
        pytest.skip(f"evaluation set not present at {EVAL} (../shared is absent on this machine)")
    return EVAL


@pytest.fixture
def samples_dir() -> Path:
    return SAMPLES
