"""``briefgen summarize``: JSON shape, verbatim citations, budgets, ids, bad files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from briefgen.cli.main import main
from briefgen.ingest import load_sources

STORY = (
    "Harbour rules change\n\n"
    "The port authority approved new harbour rules on Tuesday after a year of talks. "
    "Ferry operators will pay a fee of £40 per sailing from 1 March. "
    "The authority said the money would pay for dredging the main channel.\n\n"
    "Fishermen said the rules ignored their needs. "
    "Their union will ask the minister to review the decision."
)
RETOLD = (
    "New rules for the harbour\n\n"
    "After a year of talks, the port authority approved new harbour rules on Tuesday. "
    "Ferry operators will pay a fee of £40 per sailing from 1 March. "
    "Passengers are unlikely to see higher fares this year, operators said."
)


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def two_files(tmp_path: Path) -> tuple[Path, Path]:
    a = tmp_path / "story.txt"
    a.write_text(STORY, encoding="utf-8")
    b = tmp_path / "retold.txt"
    b.write_text(RETOLD, encoding="utf-8")
    return a, b


def inspect_sections(capsys: pytest.CaptureFixture[str], *paths: Path) -> dict[str, dict[str, Any]]:
    code, out, _ = run_cli(capsys, "inspect", "--json", *map(str, paths))
    assert code == 0
    return {sec["id"]: sec for src in json.loads(out)["sources"] for art in src["articles"] for sec in art["sections"]}


def test_json_shape_and_verbatim_citations(two_files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    a, b = two_files
    code, out, err = run_cli(capsys, "summarize", str(a), str(b), "--sentences", "3", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert list(data) == ["algorithm", "sentences", "keyphrases"]
    assert data["algorithm"] == "textrank"
    assert len(data["sentences"]) == 3
    sections = inspect_sections(capsys, a, b)
    for sentence in data["sentences"]:
        assert set(sentence) == {"id", "text", "sources", "citations"}
        assert sentence["sources"] == len({c["source"] for c in sentence["citations"]}) >= 1
        first = sentence["citations"][0]
        assert set(first) == {"source", "article", "section", "start", "end"}
        assert sections[first["section"]]["text"][first["start"] : first["end"]] == sentence["text"]
        assert first["source"] in (str(a), str(b))
        assert sentence["id"].startswith(first["section"] + ".t")

    code, out, _ = run_cli(capsys, "summarize", str(a), str(b), "--ratio", "1", "--json")
    fee = [s for s in json.loads(out)["sentences"] if "£40 per sailing" in s["text"]]
    assert len(fee) == 1
    assert [c["source"] for c in fee[0]["citations"]] == [str(a), str(b)]


def test_word_budget_algorithm_and_ids(two_files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    a, b = two_files
    corpus = load_sources([str(a), str(b)]).corpus
    fishermen = next(r.sentence.id for r in corpus.sentence_refs() if r.sentence.text.startswith("Fishermen"))
    first = next(r.sentence.id for r in corpus.sentence_refs())
    args = ["summarize", str(a), str(b), "--words", "30", "--algorithm", "lead", "--json"]
    code, out, err = run_cli(capsys, *args, "--pin", fishermen, "--exclude", first)
    assert code == 0, err
    data = json.loads(out)
    assert data["algorithm"] == "lead"
    ids = [s["id"] for s in data["sentences"]]
    assert fishermen in ids and first not in ids
    assert sum(len(s["text"].split()) for s in data["sentences"]) <= 30

    select = ["--select", corpus.sources[1].id]
    code, out, _ = run_cli(capsys, "summarize", str(a), str(b), "--ratio", "1", *select, "--json")
    assert code == 0
    assert {c["source"] for s in json.loads(out)["sentences"] for c in s["citations"][:1]} == {str(b)}


def test_text_output_names_the_files(two_files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    a, b = two_files
    code, out, _ = run_cli(capsys, "summarize", str(a), str(b), "--sentences", "2")
    assert code == 0
    assert str(a) in out or str(b) in out
    assert "Key phrases:" in out


def test_unknown_ids_and_algorithms_are_one_line_errors(
    two_files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    a, _ = two_files
    for extra in (["--pin", "nope"], ["--select", "nope"], ["--algorithm", "magic"], ["--ratio", "2"]):
        code, out, err = run_cli(capsys, "summarize", str(a), *extra)
        assert code == 2, extra
        assert out == ""
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_bad_files_are_reported_and_good_ones_summarised(
    two_files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, _ = two_files
    missing = tmp_path / "missing.txt"
    code, out, err = run_cli(capsys, "summarize", str(missing), str(a), "--json")
    assert code == 2  # like inspect: a file failed
    assert str(missing) in err
    assert json.loads(out)["sentences"]
    code, out, err = run_cli(capsys, "summarize", str(missing))
    assert code == 2 and out == ""
    assert err.strip() == f"briefgen: {missing}: no such file"


def test_the_seeds_shared_story_reports_two_sources(seeds_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = sorted(str(p) for p in seeds_dir.glob("*.txt"))
    code = main(["summarize", *files, "--sentences", "12", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    counts = {s["text"][:40]: s["sources"] for s in data["sentences"]}
    shared = [t for t, n in counts.items() if n == 2]
    assert len(shared) >= 3, counts  # the BBC analysis is in both files
    assert all(n == 1 for t, n in counts.items() if "Cuba" in t), "the Cuba piece is in one file only"


def test_an_unknown_id_is_named_by_its_option(two_files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    a, _ = two_files
    code, _, err = run_cli(capsys, "summarize", str(a), "--pin", "nope")
    assert code == 2
    assert "--pin: unknown id 'nope' (list the ids with: briefgen inspect FILE)" in err
