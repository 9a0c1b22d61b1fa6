"""The template store: built-ins are read-only, user templates live in $BRIEFGEN_DATA_DIR, writes are atomic."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from briefgen.errors import InputError, TemplateError
from briefgen.templates.builtins import builtin_templates
from briefgen.templates.schema import DEFAULT_TEMPLATE
from briefgen.templates.serialize import template_to_dict
from briefgen.templates.store import (
    delete_template,
    export_template,
    get_template,
    import_template,
    list_templates,
    resolve_template,
    user_templates_dir,
)
from briefgen.user_dirs import data_dir


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.glob("*")} if folder.exists() else {}


def test_data_dir_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFGEN_DATA_DIR", str(tmp_path / "d"))
    assert data_dir() == tmp_path / "d"
    assert user_templates_dir() == tmp_path / "d" / "templates"


def test_tests_never_use_the_real_user_folder() -> None:
    assert "BRIEFGEN_DATA_DIR" in os.environ
    assert not str(data_dir()).startswith(str(Path.home() / ".local"))


def test_export_then_import_round_trips(tmp_path: Path) -> None:
    exported = tmp_path / "digest.json"
    export_template("research-digest", str(exported))
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["name"] == "research-digest" and data["schema_version"] == 1
    imported = import_template(str(exported), name="my-digest")
    assert imported.name == "my-digest"
    stored = get_template("my-digest")
    original = builtin_templates()["research-digest"]
    assert template_to_dict(stored) == {**template_to_dict(original), "name": "my-digest"}
    again = tmp_path / "again.json"
    export_template("my-digest", str(again))
    assert json.loads(again.read_text(encoding="utf-8")) == {**data, "name": "my-digest"}


def test_builtins_cannot_be_overwritten_or_deleted(tmp_path: Path) -> None:
    exported = tmp_path / "policy.json"
    export_template(DEFAULT_TEMPLATE, str(exported))
    with pytest.raises(InputError, match="built-in template and cannot be overwritten"):
        import_template(str(exported))
    with pytest.raises(InputError, match="built-in template and cannot be deleted"):
        delete_template(DEFAULT_TEMPLATE)
    assert not user_templates_dir().exists() or not list(user_templates_dir().iterdir())


def test_broken_import_changes_nothing(tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"schema_version": 1, "name": "mine", "label": "Mine"}), encoding="utf-8")
    import_template(str(good))
    before = snapshot(user_templates_dir())
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"schema_version": 1, "name": "mine", "page": {"size": "A0"}}), encoding="utf-8")
    with pytest.raises(TemplateError, match=r"page\.size must be one of"):
        import_template(str(bad), replace_existing=True)
    assert snapshot(user_templates_dir()) == before
    assert not [p for p in user_templates_dir().iterdir() if p.name.startswith(".")], "no temporary files left"


def test_existing_user_template_needs_replace(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    path.write_text(json.dumps({"schema_version": 1, "name": "mine", "label": "One"}), encoding="utf-8")
    import_template(str(path))
    path.write_text(json.dumps({"schema_version": 1, "name": "mine", "label": "Two"}), encoding="utf-8")
    with pytest.raises(InputError, match="already exists"):
        import_template(str(path))
    assert get_template("mine").label == "One"
    import_template(str(path), replace_existing=True)
    assert get_template("mine").label == "Two"


def test_delete_user_template_and_unknown_names(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    path.write_text(json.dumps({"schema_version": 1, "name": "mine"}), encoding="utf-8")
    import_template(str(path))
    assert delete_template("mine") == user_templates_dir() / "mine.json"
    with pytest.raises(InputError, match='no user template named "mine"'):
        delete_template("mine")
    with pytest.raises(InputError, match="available: executive-one-page, policy-brief, research-digest"):
        get_template("mine")
    with pytest.raises(InputError, match="not a template name"):
        get_template("../../etc/passwd")


def test_list_shows_builtins_users_and_broken_files(tmp_path: Path) -> None:
    folder = user_templates_dir()
    folder.mkdir(parents=True)
    (folder / "broken.json").write_text("{ nope", encoding="utf-8")
    (folder / "fine.json").write_text(json.dumps({"schema_version": 1, "name": "fine"}), encoding="utf-8")
    infos = {i.name: i for i in list_templates()}
    assert infos["policy-brief"].builtin and infos["policy-brief"].error is None
    assert not infos["fine"].builtin and infos["fine"].error is None
    assert infos["broken"].error is not None and "is not valid JSON" in infos["broken"].error


def test_resolve_template_by_name_file_or_default(tmp_path: Path) -> None:
    assert resolve_template(None).name == DEFAULT_TEMPLATE
    assert resolve_template("research-digest").citations.style == "footnotes"
    path = tmp_path / "custom.json"
    path.write_text(json.dumps({"schema_version": 1, "name": "custom"}), encoding="utf-8")
    assert resolve_template(str(path)).name == "custom"
    with pytest.raises(InputError, match="no such file"):
        resolve_template(str(tmp_path / "missing.json"))


def test_export_refuses_bad_targets(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"must end in \.json"):
        export_template(DEFAULT_TEMPLATE, str(tmp_path / "x.txt"))
    with pytest.raises(InputError, match="folder does not exist"):
        export_template(DEFAULT_TEMPLATE, str(tmp_path / "nope" / "x.json"))
