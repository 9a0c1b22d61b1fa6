"""Project schema versions: the current one passes, newer and malformed ones are refused, steps are chained."""

from __future__ import annotations

from typing import Any

import pytest

from briefgen.project import migrate as project_migrate
from briefgen.project.migrate import SCHEMA_VERSION, migrate


def test_the_current_version_passes_unchanged() -> None:
    raw = {"format": "briefgen-project", "schema": SCHEMA_VERSION, "template": "memo"}
    assert migrate(raw) == raw


@pytest.mark.parametrize(
    ("schema", "reason"),
    [
        (None, "missing or invalid"),
        (True, "missing or invalid"),
        (0, "missing or invalid"),
        (SCHEMA_VERSION + 1, "newer"),
    ],
)
def test_bad_and_newer_versions_are_refused(schema: object, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        migrate({"schema": schema})


def test_steps_are_chained_and_leave_the_input_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    def v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
        return {**data, "schema": 2, "renamed": data["old"]}

    monkeypatch.setattr(project_migrate, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(project_migrate.MIGRATIONS, 1, v1_to_v2)
    raw = {"schema": 1, "old": "x"}
    assert migrate(raw) == {"schema": 2, "old": "x", "renamed": "x"}
    assert raw == {"schema": 1, "old": "x"}


def test_a_missing_step_is_a_plain_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(project_migrate, "SCHEMA_VERSION", 2)
    with pytest.raises(ValueError, match="cannot be migrated"):
        migrate({"schema": 1})
