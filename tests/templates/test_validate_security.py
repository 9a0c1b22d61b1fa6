"""A template file cannot make briefgen read files outside its own folder without the user being told."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefgen.cli.main import main
from briefgen.errors import InputError
from briefgen.templates.validate import load_template_file

REPO = Path(__file__).resolve().parents[2]


def _template_with_logo(folder: Path, logo: str) -> Path:
    data = json.loads((REPO / "resources" / "templates" / "policy-brief.json").read_text(encoding="utf-8"))
    data["name"] = "with-logo"
    data["logo"] = {"path": logo, "width": 30, "position": "right"}
    path = folder / "t.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_relative_logo_escaping_the_folder_is_refused(tmp_path: Path) -> None:
    inner = tmp_path / "inner"
    inner.mkdir()
    (tmp_path / "private.png").write_bytes(b"\x89PNG")
    with pytest.raises(InputError, match=r"logo\.path"):
        load_template_file(_template_with_logo(inner, "../private.png"))


def test_relative_logo_inside_the_folder_is_resolved(tmp_path: Path) -> None:
    (tmp_path / "img").mkdir()
    template = load_template_file(_template_with_logo(tmp_path, "img/logo.png"))
    assert template.style.logo.path == str((tmp_path / "img" / "logo.png").resolve())


def test_import_warns_about_an_absolute_logo_elsewhere(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    path = _template_with_logo(folder, str(tmp_path / "elsewhere" / "logo.png"))
    assert main(["templates", "import", str(path)]) == 0
    err = capsys.readouterr().err
    assert "outside the template's folder" in err
