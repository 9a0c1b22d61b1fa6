"""``build`` and ``summarize`` share one set of length options, with the same meaning and clear refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefgen.cli.main import main
from tests.cli.test_build_cmd import run_cli as run
from tests.cli.test_build_cmd import samples as sample_files


@pytest.mark.parametrize(
    ("option", "check"),
    [
        (("--words", "250"), lambda r: 225 <= r["words"] <= 250),
        (("--sentences", "9"), lambda r: r["sentence_count"] == 9),
        (("--ratio", "0.1"), lambda r: r["words"] > 0),
        (("--pages", "1"), lambda r: r["pages"] == 1),
    ],
)
def test_build_takes_the_whole_brief_s_length(
    samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], option: tuple[str, str], check: object
) -> None:
    report = tmp_path / "r.json"
    code, _, err = run(capsys, "build", *sample_files(samples_dir), "-o", str(tmp_path / "b.pdf"), *option,
                       "--report", str(report))  # fmt: skip
    assert code == 0, err
    data = json.loads(report.read_text(encoding="utf-8"))
    assert callable(check) and check(data), data["words"]
    unit = option[0].lstrip("-")
    assert data["length"] == {"unit": unit, "value": float(option[1]) if unit == "ratio" else int(option[1])}
    assert data["words"] == sum(len(s["text"].split()) for s in data["sentences"])
    assert data["sentence_count"] == len(data["sentences"])
    assert data["pages"] >= 1
    assert all(set(x) == {"part", "heading", "reason"} for x in data["left_out"])


def test_the_ratio_is_a_share_of_the_selected_text(
    samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefgen.ingest import load_sources

    files = sample_files(samples_dir)
    total = sum(len(r.sentence.text.split()) for r in load_sources(files).corpus.sentence_refs())
    report = tmp_path / "r.json"
    code, _, err = run(capsys, "build", *files, "-o", str(tmp_path / "b.md"), "--ratio", "0.2", "--report", str(report))
    assert code == 0, err
    words = json.loads(report.read_text(encoding="utf-8"))["words"]
    assert 0.8 * 0.2 * total <= words <= 0.2 * total


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--words", "0"), "--words must be a whole number from 1 to 1,000,000, got 0"),
        (("--sentences", "-3"), "--sentences must be a whole number from 1 to 10,000, got -3"),
        (("--pages", "100000"), "--pages must be a whole number from 1 to 500, got 100000"),
        (("--ratio", "1.5"), "--ratio must be more than 0 and at most 1"),
        (("--ratio", "0"), "--ratio must be more than 0 and at most 1"),
    ],
)
def test_absurd_lengths_are_refused_with_a_clear_message(
    samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
) -> None:
    out = tmp_path / "b.pdf"
    code, _, err = run(capsys, "build", *sample_files(samples_dir), "-o", str(out), *args)
    assert code == 2
    assert message in err
    assert "Traceback" not in err
    assert not out.exists()


def test_summarize_takes_the_same_options_but_not_pages(samples_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "summarize", *sample_files(samples_dir), "--words", "120", "--algorithm", "lead",
                         "--json")  # fmt: skip
    assert code == 0, err
    data = json.loads(out)
    assert data["algorithm"] == "lead"
    assert sum(len(s["text"].split()) for s in data["sentences"]) <= 120
    code, _, err = run(capsys, "summarize", *sample_files(samples_dir), "--pages", "2")
    assert code == 2 and "--pages applies to briefs" in err


def test_two_lengths_at_once_are_refused(samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["build", *sample_files(samples_dir), "-o", str(tmp_path / "b.pdf"), "--words", "10", "--pages", "2"])
    assert exc.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


def test_help_documents_the_length_options(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["build", "--help"])
    text = capsys.readouterr().out
    for option in ("--sentences N", "--words N", "--ratio R", "--pages N", "--algorithm NAME"):
        assert option in text
    assert "One length governs the whole brief" in " ".join(text.split())


def test_an_unknown_algorithm_is_refused_before_any_work(
    samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "build", *sample_files(samples_dir), "-o", str(tmp_path / "b.pdf"), "--algorithm", "x")
    assert code == 2 and "summary.algorithm" in err and "textrank" in err
