"""The hostile-input suite through the desktop app: bad files give one error dialog naming each of them, and the
app stays usable (the good source beside them is read and summarised)."""

from __future__ import annotations

from pathlib import Path

from briefgen.gui.errors_dialog import open_error_dialogs
from briefgen.gui.main_window import MainWindow
from tests.gui.conftest import LOAD_TIMEOUT_MS
from tests.reliability.hostile_cases import CASES, ERROR

READER_FAILURES = [c for c in CASES if c.command == "inspect" and c.expect == ERROR]
PROJECT_FAILURES = [c for c in CASES if c.command == "project" and c.expect == ERROR]


def test_bad_sources_are_named_in_one_dialog_and_the_app_stays_usable(
    qtbot, window: MainWindow, tmp_path: Path, samples_dir: Path
) -> None:
    paths: list[str] = []
    for n, case in enumerate(READER_FAILURES):
        folder = tmp_path / f"case{n}"
        folder.mkdir()
        path = folder / case.filename
        path.write_bytes(case.make(folder))
        paths.append(str(path))
    good = samples_dir / "eastmouth-barrier-news.txt"
    with qtbot.waitSignal(window.preview.settled, timeout=LOAD_TIMEOUT_MS):
        window.add_paths([*paths, str(good)])
    dialogs = open_error_dialogs()
    assert len(dialogs) == 1
    listed = dialogs[0].informativeText()
    for shown in paths:
        assert shown in listed
    assert "Traceback" not in listed
    dialogs[0].close()
    # still usable: the good source is in, and the brief can be made from it
    assert [s.path for s in window.workspace.state.corpus.sources] == [str(good)]
    assert window.preview.error is None
    assert window.preview.result is not None and window.preview.result.brief.sentences()


def test_bad_projects_get_a_dialog_and_the_window_survives(qtbot, window: MainWindow, tmp_path: Path) -> None:
    for n, case in enumerate(PROJECT_FAILURES):
        folder = tmp_path / f"project{n}"
        folder.mkdir()
        path = folder / case.filename
        path.write_bytes(case.make(folder))
        with qtbot.waitSignal(window.project_io.openFailed, timeout=LOAD_TIMEOUT_MS):
            window.project_io.open(str(path))
        dialogs = open_error_dialogs()
        assert dialogs and str(path) in dialogs[-1].informativeText(), case.name
        for d in dialogs:
            d.close()
        assert window.isVisible()
