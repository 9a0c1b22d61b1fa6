"""``build_brief``: the Python API behind ``briefgen build`` — progress, cancel, corpus input, no-output mode."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefgen import BriefDetails, build_brief
from briefgen.build import report_dict
from briefgen.errors import Cancelled, InputError
from briefgen.ingest import load_sources
from briefgen.progress import CancelToken


def sample_files(samples_dir: Path) -> list[str]:
    return sorted(str(p) for p in samples_dir.iterdir() if p.suffix in (".txt", ".md"))


def test_progress_runs_forward_to_the_end(samples_dir: Path, tmp_path: Path) -> None:
    seen: list[tuple[int, int, str]] = []
    result = build_brief(
        sample_files(samples_dir), output=tmp_path / "b.md", progress=lambda d, t, m: seen.append((d, t, m))
    )
    assert result.output == str(tmp_path / "b.md")
    done = [d for d, _, _ in seen]
    assert done == sorted(done), "progress never goes back"
    assert seen[-1][0] == seen[-1][1] and seen[-1][1] > 0
    assert all(m for _, _, m in seen)


def test_cancel_stops_the_build_and_writes_nothing(samples_dir: Path, tmp_path: Path) -> None:
    token = CancelToken()

    def progress(done: int, total: int, message: str) -> None:
        if done >= 100:  # once reading is over
            token.cancel()

    with pytest.raises(Cancelled):
        build_brief(sample_files(samples_dir), output=tmp_path / "b.pdf", progress=progress, cancel=token)
    assert list(tmp_path.iterdir()) == []


def test_a_loaded_corpus_and_no_output(samples_dir: Path, tmp_path: Path) -> None:
    corpus = load_sources(sample_files(samples_dir)).corpus
    day = dt.date(2024, 1, 5)
    result = build_brief(corpus, "research-digest", details=BriefDetails(marking="INTERNAL", day=day))
    assert result.output is None and result.corpus is corpus
    assert result.brief.marking == "INTERNAL" and result.brief.date == "5 January 2024"
    assert result.template.name == "research-digest" and result.brief.citation_style == "footnotes"
    assert result.style.header_text == "Research digest · 2024"  # placeholders filled for the renderer
    report = report_dict(result)
    assert [s["id"] for s in report["sentences"]] == [s.id for s in result.brief.sentences()]
    assert report["sources"][0]["number"] == 1


def test_empty_or_unreadable_inputs(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no source files"):
        build_brief([])
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    with pytest.raises(InputError) as info:
        build_brief([str(bad), str(tmp_path / "missing.txt")])
    assert info.value.path == str(bad) and "1 more" in str(info.value)
