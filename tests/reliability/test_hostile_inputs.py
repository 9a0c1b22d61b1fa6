"""Every hostile case through the real command line, each in a child process with a memory cap and a hang guard
(two at a time), and its one expected outcome checked: refused (exit 2, the file and the problem named, nothing
written, a previous output intact) or accepted (exit 0, the right content). Never a crash, a hang, a traceback,
a left-over partial file, or a leaked secret. Also every field of a template and of a project given a wrong type.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from briefgen.errors import InputError
from tests.reliability.hostile_cases import CASES, REFUSED, SECRET, Case
from tests.reliability.hostile_cases_config import template_data
from tests.reliability.hostile_cases_projects import project_data
from tests.reliability.hostile_runner import HANG_GUARD_S, Outcome, run_cases, summary

MAX_PEAK_MB = 2048


@pytest.fixture(scope="module")
def outcomes(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Outcome]:
    """The selected cases, run once for the module, two at a time."""
    wanted = {
        item.callspec.params["case"].name
        for item in request.session.items
        if hasattr(item, "callspec") and isinstance(item.callspec.params.get("case"), Case)
    }
    found = run_cases([c for c in CASES if c.name in wanted], tmp_path_factory.mktemp("hostile"))
    report = os.environ.get("BRIEFGEN_RELIABILITY_REPORT")
    if report:
        rows = [
            {"case": o.case.name, "kind": o.kind, "s": round(o.seconds, 2), "mb": round(o.peak_mb)}
            for o in found.values()
        ]
        Path(report).write_text(json.dumps({"summary": summary(found.values()), "cases": rows}, indent=1), "utf-8")
    return found


def test_the_suite_is_large_and_decisive() -> None:
    assert len(CASES) >= 100
    assert len({c.name for c in CASES}) == len(CASES)
    for case in CASES:
        assert case.why, case.name
        assert (case.expect == REFUSED) == (case.check is None), f"{case.name}: refused cases name, accepted check"
        if case.expect == REFUSED:
            assert case.names, f"{case.name}: a refusal must name the file"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_input(case: Case, outcomes: dict[str, Outcome]) -> None:
    o = outcomes[case.name]
    detail = f"[{case.name}] exit {o.codes}, {o.seconds:.1f} s\n{o.stderr[-2000:]}"
    assert not o.hang, f"no answer within {HANG_GUARD_S} s (hang): {detail}"
    assert o.kind != "crash", detail
    assert not o.traceback, detail
    assert o.peak_mb < MAX_PEAK_MB, detail
    assert not o.partial, f"partial files left: {o.partial}"
    lines = [x for x in o.stderr.splitlines() if x.strip()]
    assert all(x.startswith("briefgen: ") for x in lines), detail
    assert o.kind == case.expect, f"expected {case.expect} ({case.why}): {detail}"
    if case.expect == REFUSED:
        errors = [x for x in lines if not x.startswith("briefgen: warning:")]
        assert len(errors) == 1, detail
        assert case.names in errors[0], f"the error line does not name {case.names!r}: {detail}"
        assert case.message.lower() in errors[0].lower(), f"the error line does not say {case.message!r}: {detail}"
    else:
        assert case.check is not None
        case.check(o.folder, o.stdout, o.stderr)
    _check_files(case, o)


def _check_files(case: Case, o: Outcome) -> None:
    """A refused build writes nothing (a previous output stays whole); no case leaks the secret."""
    run = o.run
    if run.output is not None:
        target = o.folder / run.output
        if case.expect == REFUSED:
            if run.previous is None:
                assert not target.exists(), f"{run.output} was written though the build was refused"
            else:
                assert target.read_bytes() == run.previous, f"{run.output} changed though the build was refused"
        elif run.copies == 1 and "--force" not in run.argv:
            assert target.exists()
    for name in run.absent:
        assert not os.path.lexists(o.folder / name), f"{name} was written"
    if case.expect == REFUSED or "allow-outside" not in " ".join(run.argv):
        assert SECRET not in o.stdout
        for produced in o.folder.glob("brief.*"):
            assert SECRET.encode() not in produced.read_bytes()


# ---- every field with a wrong type, in-process -------------------------------------------------------------------
def _leaves(node: Any, prefix: str = "") -> list[tuple[str, Any]]:
    if isinstance(node, dict):
        return [leaf for key, value in node.items() for leaf in _leaves(value, f"{prefix}{key}__")]
    return [(prefix[:-2], node)]


def _wrong_value(value: Any) -> Any:
    if isinstance(value, bool):
        return "yes"
    if isinstance(value, int | float):
        return "twelve"
    if isinstance(value, str):
        return 12345
    if isinstance(value, list):
        return {"not": "a list"}
    return ["not", "an", "object"]


TEMPLATE_FIELDS = [f for f, _ in _leaves(template_data()) if f not in ("schema_version", "logo__path")]


@pytest.mark.parametrize("field", TEMPLATE_FIELDS)
def test_every_template_field_with_a_wrong_type_is_refused(field: str) -> None:
    from briefgen.templates.validate import parse_template_text

    value = dict(_leaves(template_data()))[field]
    text = json.dumps(template_data(**{field: _wrong_value(value)}))
    with pytest.raises(InputError) as caught:
        parse_template_text(text, "t.json")
    assert "t.json" in str(caught.value)
    assert field.split("__")[-1] in str(caught.value)


PROJECT_FIELDS = ["format", "schema", "sources", "selection", "pins", "excludes", "metadata", "template", "budget"]
PROJECT_FIELDS += ["algorithm", "output_format", "exported", "sources.path", "sources.sha256", "sources.id"]


@pytest.mark.parametrize("field", PROJECT_FIELDS)
def test_every_project_field_with_a_wrong_type_is_refused(field: str, tmp_path: Path) -> None:
    from briefgen.project.format import parse_project

    source = tmp_path / "s.txt"
    source.write_text("A Title\n\nSome text.\n", encoding="utf-8")
    data = project_data(source, "s.txt")
    if field.startswith("sources."):
        entry = data["sources"][0]  # type: ignore[index]
        key = field.split(".")[1]
        entry[key] = _wrong_value(entry[key])
    else:
        data[field] = _wrong_value(data[field]) if data.get(field) is not None else 5
    with pytest.raises(InputError) as caught:
        parse_project(json.dumps(data).encode(), "p.briefgen")
    message = str(caught.value)
    assert message.startswith("p.briefgen: ")
    assert "\n" not in message and len(message) < 300
