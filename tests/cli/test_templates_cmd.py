"""``briefgen templates list|show|export|import|delete``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefgen.cli.main import main
from briefgen.templates.store import user_templates_dir


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def stored() -> dict[str, bytes]:
    folder = user_templates_dir()
    return {p.name: p.read_bytes() for p in folder.iterdir()} if folder.exists() else {}


def test_list_json_names_the_builtins(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, "templates", "list", "--json")
    assert code == 0, err
    items = json.loads(out)
    assert isinstance(items, list) and all("name" in item for item in items)
    names = [item["name"] for item in items]
    assert {"policy-brief", "executive-one-page", "research-digest"} <= set(names)
    assert all(item["builtin"] for item in items)


def test_list_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "templates", "list")
    assert code == 0
    assert any(line.startswith("policy-brief") and "built-in" in line for line in out.splitlines())


def test_show_prints_valid_template_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "templates", "show", "executive-one-page")
    assert code == 0
    data = json.loads(out)
    assert data["name"] == "executive-one-page" and data["page"]["size"] == "Letter"


def test_export_import_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    exported = tmp_path / "digest.json"
    assert run_cli(capsys, "templates", "export", "research-digest", str(exported))[0] == 0
    data = json.loads(exported.read_text(encoding="utf-8"))
    data["name"] = "my-digest"
    data["label"] = "My digest"
    edited = tmp_path / "mine.json"
    edited.write_text(json.dumps(data), encoding="utf-8")
    code, out, err = run_cli(capsys, "templates", "import", str(edited))
    assert code == 0, err
    assert 'imported "my-digest"' in out
    code, out, _ = run_cli(capsys, "templates", "list", "--json")
    mine = next(item for item in json.loads(out) if item["name"] == "my-digest")
    assert mine["builtin"] is False and mine["label"] == "My digest"
    again = tmp_path / "again.json"
    assert run_cli(capsys, "templates", "export", "my-digest", str(again))[0] == 0
    assert json.loads(again.read_text(encoding="utf-8")) == data
    assert run_cli(capsys, "templates", "delete", "my-digest")[0] == 0
    assert "my-digest" not in stored()


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("{ not json", "is not valid JSON (line 1"),
        (json.dumps({"schema_version": 1, "name": "x", "fonts": {"size": 500}}), "fonts.size must be a number"),
        (json.dumps({"schema_version": 7, "name": "x"}), "made by a newer briefgen"),
        (json.dumps({"schema_version": 1, "name": "x", "summary": {"sentences": 10000}}), "summary.sentences"),
        (json.dumps({"schema_version": 1, "name": "policy-brief"}), "built-in template and cannot be overwritten"),
    ],
)
def test_broken_import_exits_2_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, words: str
) -> None:
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"schema_version": 1, "name": "x"}), encoding="utf-8")
    assert run_cli(capsys, "templates", "import", str(good))[0] == 0
    before = stored()
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    code, out, err = run_cli(capsys, "templates", "import", str(bad), "--replace")
    assert code == 2 and out == ""
    assert words in err and err.count("\n") == 1 and "Traceback" not in err
    assert stored() == before


def test_builtins_cannot_be_deleted(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "templates", "delete", "policy-brief")
    assert code == 2 and "cannot be deleted" in err


def test_unknown_names(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "templates", "show", "nope")
    assert code == 2 and 'no template named "nope"' in err
    code, _, err = run_cli(capsys, "templates", "export", "nope", str(tmp_path / "x.json"))
    assert code == 2 and not (tmp_path / "x.json").exists()
    code, _, err = run_cli(capsys, "templates", "import", str(tmp_path / "missing.json"))
    assert code == 2 and "no such file" in err
