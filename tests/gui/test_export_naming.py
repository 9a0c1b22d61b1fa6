"""Export asks before replacing a file, proposes a file name made from the brief's title, and remembers the
name and folder chosen."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.gui.export_dialog import ExportDialog, safe_file_stem
from briefgen.gui.main_window import MainWindow
from tests.gui.conftest import LOAD_TIMEOUT_MS, current, load


def _open_export(window: MainWindow, fmt: str = "md") -> ExportDialog:
    window.show_export()
    dialog = window.export_dialog
    assert isinstance(dialog, ExportDialog)
    dialog.format.setCurrentIndex(dialog.format.findData(fmt))
    return dialog


def test_export_asks_before_replacing_a_file(qtbot, window: MainWindow, seeds_dir: Path, tmp_path: Path) -> None:
    load(qtbot, window, sorted(seeds_dir.iterdir()))
    target = tmp_path / "brief.md"
    target.write_text("an earlier brief\n", encoding="utf-8")
    dialog = _open_export(window)
    dialog.path.setText(str(target))
    exported: list[str] = []
    dialog.exported.connect(exported.append)
    # Cancel keeps the file
    dialog.export_button.click()
    prompt = dialog.replace_prompt
    assert prompt is not None and prompt.isVisible()
    texts = {b.text() for b in prompt.buttons()}
    assert texts == {"&Replace", "&Cancel"}
    assert prompt.defaultButton().text() == "&Cancel"
    next(b for b in prompt.buttons() if b.text() == "&Cancel").click()
    assert dialog.replace_prompt is None and dialog.job is None and not exported
    assert target.read_text(encoding="utf-8") == "an earlier brief\n"
    assert dialog.isVisible() and "kept" in dialog.status.text()
    # Replace writes the new brief
    dialog.export_button.click()
    prompt = dialog.replace_prompt
    assert prompt is not None
    with qtbot.waitSignal(dialog.exported, timeout=LOAD_TIMEOUT_MS):
        next(b for b in prompt.buttons() if b.text() == "&Replace").click()
    assert current(window).brief.title in target.read_text(encoding="utf-8")


def test_export_proposes_the_title_then_remembers_the_name_and_folder(
    qtbot, window: MainWindow, seeds_dir: Path, tmp_path: Path
) -> None:
    load(qtbot, window, sorted(seeds_dir.iterdir()))
    title = current(window).brief.title
    window.settings.set("export_dir", str(tmp_path))
    dialog = _open_export(window)
    proposed = Path(dialog.path.text())
    assert proposed.parent == tmp_path and proposed.suffix == ".md"
    assert proposed.stem == safe_file_stem(title) and proposed.stem.split()[0] == title.split()[0]
    dialog.close()
    # choose another folder and name; the next export proposes them again
    folder = tmp_path / "briefs"
    folder.mkdir()
    dialog = _open_export(window)
    dialog.path.setText(str(folder / "council vote"))
    with qtbot.waitSignal(dialog.exported, timeout=LOAD_TIMEOUT_MS):
        dialog.export_button.click()
    assert (folder / "council vote.md").is_file()
    dialog = _open_export(window)
    assert Path(dialog.path.text()) == folder / "council vote.md"
    dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
    assert Path(dialog.path.text()) == folder / "council vote.pdf"
    dialog.close()
    assert window.settings.get("export_dir") == str(folder)
    # a new project starts from its own title again, in the folder last used
    window.workspace.reset(window.workspace.state, None)
    dialog = _open_export(window)
    assert Path(dialog.path.text()) == folder / f"{safe_file_stem(title)}.md"
    dialog.close()


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Flood barrier: what will it cost?", "Flood barrier what will it cost"),
        ('a/b\\c <d> "e" |f| *g*', "a b c d e f g"),
        ("  ..trailing dots..  ", "trailing dots"),
        ("CON", "brief"),
        ("lpt1.report", "brief"),
        ("\x00\x1f", "brief"),
        ("Zürich — “quotes”", "Zürich — “quotes”"),
    ],
)
def test_safe_file_stem(title: str, expected: str) -> None:
    assert safe_file_stem(title) == expected


def test_safe_file_stem_is_short() -> None:
    stem = safe_file_stem("word " * 60)
    assert len(stem) <= 80 and not stem.endswith(" ") and stem.endswith("word")
