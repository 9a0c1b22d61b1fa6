"""Small manifests over the bundled sample sources, for the batch tests and the ``batch`` command's tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SAMPLES = Path(__file__).resolve().parent.parent.parent / "resources" / "samples"
NEWS = str(SAMPLES / "eastmouth-barrier-news.txt")
REPORT = str(SAMPLES / "eastmouth-council-report.md")
DIGEST = str(SAMPLES / "regional-flood-digest.txt")


def write_manifest(folder: Path, entries: list[dict[str, Any]], **top: Any) -> Path:
    """``folder/batch.json`` holding *entries* (and any top-level fields such as ``defaults``)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "batch.json"
    path.write_text(json.dumps({**top, "entries": entries}, indent=2), encoding="utf-8")
    return path


def shared_entries() -> list[dict[str, Any]]:
    """Three Markdown briefs over three samples, each sample used by two entries."""
    return [
        {"name": "news-report", "sources": [NEWS, REPORT], "output": "out/news-report.md", "sentences": 4},
        {"name": "report-digest", "sources": [REPORT, DIGEST], "output": "out/report-digest.md", "words": 120},
        {"name": "digest-news", "sources": [DIGEST, NEWS], "output": "out/digest-news.md", "ratio": 0.2},
    ]
