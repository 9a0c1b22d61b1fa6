"""``briefgen build --project``: the brief the app would export, refused projects, sources outside the folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.project.format import (
    Project,
    ProjectSource,
    save_project,
)
from briefgen.project.workspace import WorkspaceState
from tests.project.conftest import seed_state


def test_cli_build_from_project_matches_the_app_export(
    tmp_path: Path, seeds_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    from briefgen.build_choices import build_from_choices
    from briefgen.cli.main import main

    state = seed_state(seeds_dir)
    project = tmp_path / "work.briefgen"
    save_project(state.to_project(project), project)
    clock = time.time
    for fmt in ("md", "pdf", "docx"):  # byte for byte: no clock reading or random id in any format
        app_out = tmp_path / f"app.{fmt}"
        with monkeypatch.context() as later:
            later.setattr(time, "time", lambda: clock() + 3_600)  # the export an hour after the command line's clock
            build_from_choices(state.choices(), app_out)  # what the app's Export runs
        cli_out = tmp_path / f"cli.{fmt}"
        assert main(["build", "--project", str(project), "-o", str(cli_out), "--allow-outside"]) == 0
        assert cli_out.read_bytes() == app_out.read_bytes(), f"the {fmt} files differ"
    assert state.pins <= {s.id for s in build_from_choices(state.choices()).brief.sentences()}
    # no extension: the project's output format (pdf by default)
    assert main(["build", "--project", str(project), "-o", str(tmp_path / "plain"), "--allow-outside"]) == 0
    assert (tmp_path / "plain.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    "content", [b"{broken", b'{"format": "other"}', b'{"format": "briefgen-project", "schema": 7}']
)
def test_cli_refuses_damaged_or_foreign_projects_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    from briefgen.cli.main import main

    bad = tmp_path / "bad.briefgen"
    bad.write_bytes(content)
    assert main(["build", "--project", str(bad), "-o", str(tmp_path / "out.pdf")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(bad) in err
    assert not (tmp_path / "out.pdf").exists()


def test_cli_project_with_a_missing_source_is_exit_2(
    tmp_path: Path, seeds_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefgen.cli.main import main

    state = seed_state(seeds_dir)
    project = tmp_path / "work.briefgen"
    saved = state.to_project(project)
    ghost = ProjectSource(str(tmp_path / "gone.txt"), "0" * 64, "00000000")
    save_project(Project(sources=(*saved.sources, ghost)), project)
    assert main(["build", "--project", str(project), "-o", str(tmp_path / "o.md"), "--allow-outside"]) == 2
    err = capsys.readouterr().err
    assert "gone.txt" in err and err.count("\n") == 1


def test_build_refuses_sources_outside_the_project_folder_unless_allowed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefgen.cli.main import main
    from briefgen.ingest import load_sources

    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text(
        "Private Notes\n\nThe council approved the swordfish budget on Tuesday after a long debate. Libraries will "
        "close on Mondays from April. The bus subsidy will be reviewed again in the autumn.\n",
        "utf-8",
    )
    folder = tmp_path / "project"
    folder.mkdir()
    project = folder / "p.briefgen"
    save_project(WorkspaceState(load_sources([str(elsewhere)]).corpus).to_project(project), project)
    out = folder / "b.md"
    assert main(["build", "--project", str(project), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert str(elsewhere) in err and "--allow-outside" in err and err.count("\n") == 1
    assert not out.exists()
    assert main(["build", "--project", str(project), "-o", str(out), "--allow-outside"]) == 0
    assert "outside" in capsys.readouterr().err and "swordfish" in out.read_text("utf-8")


def test_a_template_file_is_found_from_the_project_folder_and_kept(
    tmp_path: Path, seeds_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The project's template file is resolved once, from the project's folder: it is what the brief is built with
    and what the brief may not replace, wherever the command runs."""
    import json

    from briefgen.cli.main import main
    from briefgen.templates.builtins import builtin_templates
    from briefgen.templates.serialize import template_to_dict

    folder = tmp_path / "work"
    folder.mkdir()
    mine = template_to_dict(builtin_templates()["policy-brief"]) | {"name": "mine", "title": {"pattern": "Tide Watch"}}
    (folder / "mine.json").write_text(json.dumps(mine), "utf-8")
    state = seed_state(seeds_dir)
    state.template = "mine.json"
    project = folder / "p.briefgen"
    save_project(state.to_project(project), project)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert main(["build", "--project", str(project), "-o", str(folder / "b.md"), "--allow-outside"]) == 0
    assert "\n# Tide Watch\n" in (folder / "b.md").read_text("utf-8")
    capsys.readouterr()
    assert main(["build", "--project", str(project), "-o", str(folder / "mine.json"), "--allow-outside"]) == 2
    assert "template" in capsys.readouterr().err
    assert json.loads((folder / "mine.json").read_text("utf-8"))["name"] == "mine"
