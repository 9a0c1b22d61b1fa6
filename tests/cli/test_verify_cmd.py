"""``briefgen verify`` end to end: its output and its exit status."""

from __future__ import annotations

from pathlib import Path

import pytest

import briefgen.verify
from briefgen.cli.common import EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK, EXIT_VERIFY_FAILED
from briefgen.cli.main import main
from tests.verify.conftest import build, one_word_changed


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_exit_statuses_are_distinct() -> None:
    assert len({EXIT_OK, EXIT_INTERNAL, EXIT_BAD_INPUT, EXIT_VERIFY_FAILED}) == 4 and EXIT_VERIFY_FAILED == 3


def test_a_fresh_brief_verifies(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    built = build(tmp_path, "docx")
    code, out, err = run_cli(capsys, "verify", str(built.path), *built.sources)
    n = len(built.brief.sentences())
    assert (code, out, err) == (EXIT_OK, f"{n} of {n} sentences verified\n", "")


def test_an_edited_brief_fails_naming_the_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    built = build(tmp_path, "md")
    sentence = next(s for s in built.brief.sentences() if not s.emphasis and s.text in built.path.read_text())
    edited = tmp_path / "edited.md"
    edited.write_text(built.path.read_text().replace(sentence.text, one_word_changed(sentence.text), 1))
    code, out, _ = run_cli(capsys, "verify", str(edited), str(tmp_path / "sources"))  # a folder of sources
    n = len(built.brief.sentences())
    lines = out.splitlines()
    assert code == EXIT_VERIFY_FAILED
    assert lines[0].startswith(f'not verified: "{sentence.text[:60]}') and "edited after" in lines[0]
    assert lines[1:] == [f"{n - 1} of {n} sentences verified"]


def test_bad_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    built = build(tmp_path, "md")
    code, out, err = run_cli(capsys, "verify", str(tmp_path / "nope.pdf"), *built.sources)
    assert code == EXIT_BAD_INPUT and out == "" and "nope.pdf: no such file" in err
    code, _, err = run_cli(capsys, "verify", str(built.path), str(tmp_path / "gone.txt"))
    assert code == EXIT_BAD_INPUT and "gone.txt" in err
    empty = tmp_path / "empty.md"
    empty.write_text("# Nothing to see\n")
    code, _, err = run_cli(capsys, "verify", str(empty), *built.sources)
    assert code == EXIT_BAD_INPUT and "no sentences found" in err


def test_an_internal_error_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    built = build(tmp_path, "md")

    def broken(*_args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(briefgen.verify, "verify_brief", broken)
    code, _, err = run_cli(capsys, "verify", str(built.path), *built.sources)
    assert code == EXIT_INTERNAL and "internal error" in err


def test_help_documents_the_exit_status(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["verify", "--help"])
    out = capsys.readouterr().out
    assert "exit status:" in out
    assert f"{EXIT_VERIFY_FAILED}  verification failed" in out and f"{EXIT_BAD_INPUT}  bad input" in out
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "verify" in capsys.readouterr().out
