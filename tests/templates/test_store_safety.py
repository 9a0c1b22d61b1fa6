"""The template store facing odd folders: special files, two files claiming one name, logos from elsewhere."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefgen.build import build_brief
from briefgen.cli.main import main
from briefgen.templates.store import get_template, list_templates, user_templates_dir
from tests.no_hang import make_fifo, within

PROSE = (
    "Budget news\n\nThe council approved the budget on Tuesday after a long debate. Libraries will close on "
    "Mondays from April. The bus subsidy will be reviewed again in the autumn.\n"
)


def _write(path: Path, **fields: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"schema_version": 1, **fields}), encoding="utf-8")
    return path


def test_fifo_in_the_templates_folder_does_not_hang_the_list(capsys: pytest.CaptureFixture[str]) -> None:
    folder = user_templates_dir()
    folder.mkdir(parents=True)
    fifo = make_fifo(folder / "pipe.json")
    _write(folder / "fine.json", name="fine")
    infos = {i.name: i for i in within(10, list_templates, [fifo])}
    assert infos["pipe"].error is not None and "named pipe" in infos["pipe"].error
    assert infos["fine"].error is None
    assert within(10, lambda: main(["templates", "list"]), [fifo]) == 0
    out = capsys.readouterr().out
    assert "pipe" in out and "unusable" in out and "fine" in out


def test_two_files_declaring_one_name_are_listed_once_with_one_warning() -> None:
    folder = user_templates_dir()
    other = _write(folder / "a-copy.json", name="team", label="Copy")
    own = _write(folder / "team.json", name="team", label="Team")
    warnings: list[str] = []
    infos = list_templates(warn=warnings.append)
    assert [(i.name, i.path) for i in infos if not i.builtin] == [("team", str(own))]
    assert len(warnings) == 1 and str(own) in warnings[0] and str(other) in warnings[0]
    assert get_template("team").label == "Team"  # the listed one is the one used


def test_user_file_claiming_a_builtin_name_is_reported_not_listed() -> None:
    clash = _write(user_templates_dir() / "mine.json", name="policy-brief", label="Impostor")
    warnings: list[str] = []
    infos = list_templates(warn=warnings.append)
    assert [i.label for i in infos if i.name == "policy-brief"] != ["Impostor"]
    assert len([i for i in infos if i.name == "policy-brief"]) == 1
    assert len(warnings) == 1 and str(clash) in warnings[0] and "built-in" in warnings[0]


def test_a_template_is_found_by_its_declared_name_whatever_its_file_name() -> None:
    _write(user_templates_dir() / "exported copy.json", name="solo", label="Solo")
    assert get_template("solo").label == "Solo"


def test_cli_list_reports_the_duplicate_once(capsys: pytest.CaptureFixture[str]) -> None:
    _write(user_templates_dir() / "b.json", name="dup")
    _write(user_templates_dir() / "c.json", name="dup")
    assert main(["templates", "list"]) == 0
    captured = capsys.readouterr()
    assert captured.out.count("dup ") == 1
    assert captured.err.count("briefgen: warning:") == 1 and "b.json" in captured.err and "c.json" in captured.err


def test_logo_outside_the_template_folder_warns_at_build_as_at_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.render.conftest import write_png

    (tmp_path / "elsewhere").mkdir()
    elsewhere = write_png(tmp_path / "elsewhere" / "logo.png")
    template = _write(tmp_path / "tpl" / "t.json", name="far-logo", logo={"path": str(elsewhere)})
    assert main(["templates", "import", str(template)]) == 0
    import_lines = [ln for ln in capsys.readouterr().err.splitlines() if ln.startswith("briefgen: warning:")]
    assert len(import_lines) == 1 and str(elsewhere) in import_lines[0]
    source = tmp_path / "news.txt"
    source.write_text(PROSE, encoding="utf-8")
    result = build_brief([str(source)], template=str(template))
    assert [f"briefgen: warning: {w}" for w in result.warnings if "logo" in w] == import_lines
    # a logo beside the template file, or a template chosen by name, gives no such warning
    write_png(tmp_path / "tpl" / "near.png")
    near = _write(tmp_path / "tpl" / "near.json", name="near-logo", logo={"path": "near.png"})
    assert not [w for w in build_brief([str(source)], template=str(near)).warnings if "logo" in w]
    assert not [w for w in build_brief([str(source)], template="far-logo").warnings if "logo" in w]
