"""The command line's log line, ``--quiet``/``--verbose`` and the progress line on stderr."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefgen.cli import console
from briefgen.cli.common import error_line
from briefgen.cli.main import main
from briefgen.progress import ambient_progress, report

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "eastmouth-barrier-news.txt"


@pytest.fixture(autouse=True)
def _normal_level() -> Iterator[None]:
    yield
    console.set_level(console.NORMAL)


def log_text() -> str:
    path = Path(os.environ["BRIEFGEN_LOG_DIR"]) / "briefgen.log"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def test_each_command_is_logged_with_its_outcome(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["templates", "list"]) == 0
    assert main(["summarize", str(tmp_path / "missing.txt")]) == 2
    lines = [line for line in log_text().splitlines() if "command: " in line]
    assert len(lines) == 2
    assert " INFO " in lines[0] and "command: briefgen templates list | exit 0 | " in lines[0]
    assert lines[0].endswith(" s")
    assert " WARNING " in lines[1] and "missing.txt | exit 2 | " in lines[1]
    capsys.readouterr()


def test_refused_arguments_are_logged_without_credentials(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["inspect", "https://reader:s3cret-pw@example.org/page", "--no-such-option"])
    assert exited.value.code == 2
    text = log_text()
    assert "command: briefgen inspect https://example.org/page --no-such-option | exit 2 |" in text
    assert "s3cret" not in text and "reader" not in text
    capsys.readouterr()


def test_help_is_not_logged(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    assert exited.value.code == 0
    assert "command:" not in log_text()
    assert "--quiet" in capsys.readouterr().out


def test_control_characters_are_escaped_in_the_log(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["summarize", str(tmp_path / "bad\nname\x1b[31m.txt")]) == 2
    line = next(line for line in log_text().splitlines() if "command: " in line)
    assert "\\n" in line and "\\x1b" in line and "\x1b" not in line
    capsys.readouterr()


def test_quiet_sends_warnings_to_the_log_and_keeps_errors(capsys: pytest.CaptureFixture[str]) -> None:
    console.set_level(console.QUIET)
    error_line("warning: the logo is outside the template's folder")
    error_line("cannot read notes.txt")
    assert capsys.readouterr().err == "briefgen: cannot read notes.txt\n"
    assert "WARNING briefgen: the logo is outside the template's folder" in log_text()


@pytest.mark.parametrize("args", [["--quiet", "templates", "list"], ["templates", "list", "-q"]])
def test_quiet_before_or_after_the_command(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    assert main(args) == 0
    captured = capsys.readouterr()
    assert "policy-brief" in captured.out and captured.err == ""
    assert console.level() == console.QUIET


def test_quiet_and_verbose_together_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["-q", "templates", "list", "--verbose"])
    assert exited.value.code == 2
    assert "--quiet and --verbose cannot be used together" in capsys.readouterr().err


def test_verbose_shows_the_stages_and_the_outcome(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summarize", str(SAMPLE), "--sentences", "2", "--verbose"]) == 0
    err = capsys.readouterr().err
    assert "] Ranking sentences" in err and "] Summary ready" in err  # the engine's stages, as lines
    assert "briefgen: summarize: exit 0 after " in err and "logged in " in err
    assert "\r" not in err  # not a terminal: no progress line


def test_normal_level_off_a_terminal_prints_no_progress(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summarize", str(SAMPLE), "--sentences", "2"]) == 0
    assert capsys.readouterr().err == ""


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_line_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(console, "SHOW_AFTER", 0.0)
    monkeypatch.setattr(console, "REDRAW_EVERY", 0.0)
    stream = _Terminal()
    line = console.progress_line(stream)
    assert line is not None
    with ambient_progress(line):
        report(None, 1, 4, "Reading a\nb.txt")  # a stage given no callback reports to the ambient one
        report(None, 3, 4, "Ranking sentences")
    line.close()
    out = stream.getvalue()
    assert "\rbriefgen:  25% Reading a\\nb.txt\x1b[K" in out
    assert "\rbriefgen:  75% Ranking sentences\x1b[K" in out
    assert out.endswith("\r\x1b[K")  # cleared at the end
    report(None, 4, 4, "after the block")  # no ambient callback any more
    assert "after the block" not in stream.getvalue()


def test_progress_line_waits_before_appearing() -> None:
    stream = _Terminal()
    line = console.ProgressLine(stream, terminal=True)
    line(1, 2, "quick work")
    line.close()
    assert stream.getvalue() == ""


def test_no_progress_line_when_quiet_or_not_a_terminal() -> None:
    assert console.progress_line(io.StringIO()) is None
    console.set_level(console.QUIET)
    assert console.progress_line(_Terminal()) is None
