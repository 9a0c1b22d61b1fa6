"""Template JSON: validation names the bad field, absurd values are refused, built-ins round-trip."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.errors import TemplateError
from briefgen.templates import migrate as migrate_module
from briefgen.templates.builtins import builtin_templates
from briefgen.templates.migrate import migrate
from briefgen.templates.schema import PartType
from briefgen.templates.serialize import template_to_dict, template_to_json
from briefgen.templates.validate import load_template_file, parse_template_text, template_from_dict

MINIMAL: dict[str, Any] = {"schema_version": 1, "name": "mine"}


def with_(path: str, value: Any) -> dict[str, Any]:
    """MINIMAL with the dotted *path* set to *value* (``parts`` replaced whole)."""
    data = copy.deepcopy(MINIMAL)
    node = data
    keys = path.split(".")
    for key in keys[:-1]:
        node = node.setdefault(key, {})
    node[keys[-1]] = value
    return data


def refused(data: Any) -> str:
    with pytest.raises(TemplateError) as info:
        template_from_dict(data, "x.json")
    message = str(info.value)
    assert message.startswith('template "x.json": ')
    return message


def test_minimal_template_takes_defaults() -> None:
    t = template_from_dict(MINIMAL, "x.json")
    assert t.name == "mine" and t.label == "mine"
    assert [p.type for p in t.parts] == ["executive_summary", "sections", "sources"]
    assert t.summary.sentences == 6
    assert t.style.page_size == "A4"


def test_the_documented_example_message() -> None:
    message = refused(with_("page.margins.top", "abc"))
    assert message == 'template "x.json": page.margins.top must be a number between 5 and 60 (mm), got "abc"'


@pytest.mark.parametrize(
    ("path", "value", "field", "words"),
    [
        ("page.margins.top", 0, "page.margins.top", "between 5 and 60 (mm), got 0"),
        ("page.margins.left", True, "page.margins.left", "must be a number"),
        ("page.size", "A3", "page.size", '"A4", "Letter"'),
        ("fonts.size", 400, "fonts.size", "between 7 and 16 (pt)"),
        ("fonts.line_spacing", 0.2, "fonts.line_spacing", "between 1 and 2"),
        ("colours.accent", "red", "colours.accent", "#RRGGBB"),
        ("logo.path", "logo.gif", "logo.path", "PNG or JPEG"),
        ("logo.width", 500, "logo.width", "between 5 and 80 (mm)"),
        ("marking.placement", "sideways", "marking.placement", '"banner"'),
        ("marking.text", "x" * 101, "marking.text", "at most 100 characters"),
        ("title.pattern", "Brief {foo}", "title.pattern", "unknown placeholder {foo}"),
        ("title.subtitle", "two\nlines", "title.subtitle", "one line"),
        ("header.text", "{page}", "header.text", "unknown placeholder {page}"),
        ("footer.page_number_format", "{pages}", "footer.page_number_format", "must contain {page}"),
        ("footer.page_numbers", "yes", "footer.page_numbers", "true or false"),
        ("summary.sentences", 10000, "summary.sentences", "between 1 and 200"),
        ("summary.pages", 0, "summary.pages", "between 1 and 50"),
        ("summary.words", 10, "summary.words", "between 20 and 20000"),
        ("summary.sentences", 0, "summary.sentences", "between 1 and 200"),
        ("summary.words", 5, "summary.words", "between 20 and 20000"),
        ("summary.ratio", 3, "summary.ratio", "between 0.01 and 1"),
        ("summary.algorithm", "rm -rf /", "summary.algorithm", "algorithm name"),
        ("citations.style", "harvard", "citations.style", '"author_date"'),
        ("citations.bibliography", "mla", "citations.bibliography", '"chicago"'),
        ("output.format", "odt", "output.format", '"docx"'),
        ("name", "My Template", "name", "lowercase letters"),
        ("name", "", "name", "lowercase letters"),
        ("label", 42, "label", "must be text"),
        ("page.margin", {}, "page.margin", 'did you mean "margins"'),
        ("colour", {}, "colour", 'did you mean "colours"'),
        ("page", [], "page", "must be an object"),
    ],
)
def test_bad_values_are_refused_naming_the_field(path: str, value: Any, field: str, words: str) -> None:
    message = refused(with_(path, value))
    assert f": {field} " in message
    assert words in message


def test_budget_set_twice_is_refused() -> None:
    data = with_("summary", {"sentences": 3, "words": 100})
    assert 'summary.words cannot be set together with "sentences"' in refused(data)


@pytest.mark.parametrize(
    ("parts", "words"),
    [
        ([{"type": "executive_summary"}], 'must include a "sources" part'),
        ([{"type": "quotes"}, {"type": "sources"}], "must include at least one of"),
        ([{"type": "sources"}, {"type": "executive_summary"}, {"type": "sources"}], 'parts[2].type "sources" appears'),
        ([{"heading": "x"}, {"type": "sources"}], "parts[0].type is missing"),
        ([{"type": "chart"}, {"type": "sources"}], "parts[0].type must be one of"),
        ([{"type": "key_points", "count": 500}, {"type": "sources"}], "parts[0].count must be a whole number"),
        ([{"type": "executive_summary", "count": 3}, {"type": "sources"}], "parts[0].count does not apply"),
        ([{"type": "key_points", "group_by": "article"}, {"type": "sources"}], "parts[0].group_by only applies"),
        ([{"type": "sections", "group_by": "chapter"}, {"type": "sources"}], "parts[0].group_by must be one of"),
        ([{"type": "sections", "colour": "red"}, {"type": "sources"}], "parts[0].colour is not a known setting"),
        ([], "parts must be a list of 1 to 9 parts"),
        ("executive_summary", "parts must be a list"),
    ],
)
def test_bad_parts_are_refused(parts: Any, words: str) -> None:
    assert words in refused(with_("parts", parts))


def test_schema_version_missing_newer_or_malformed() -> None:
    assert "schema_version is missing" in refused({"name": "x"})
    newer = refused({"schema_version": 99, "name": "x"})
    assert "schema_version is 99" in newer and "newer briefgen" in newer
    assert "whole number from 1" in refused({"schema_version": "1", "name": "x"})
    assert "whole number from 1" in refused({"schema_version": 0, "name": "x"})


def test_not_an_object() -> None:
    assert "must hold a JSON object" in refused([MINIMAL])


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("{", "is not valid JSON (line 1, column 2"),
        ('{"schema_version": NaN, "name": "x"}', "NaN is not allowed"),
        ("[" * 100_000, "is not valid JSON"),
        ("", "is not valid JSON"),
    ],
)
def test_unparsable_text(text: str, words: str) -> None:
    with pytest.raises(TemplateError, match="is not valid JSON") as info:
        parse_template_text(text, "x.json")
    assert words in str(info.value)


def test_files_must_be_utf8_and_small(tmp_path: Path) -> None:
    latin = tmp_path / "latin.json"
    latin.write_bytes('{"schema_version": 1, "name": "caf\xe9"}'.encode("latin-1"))
    with pytest.raises(TemplateError, match="is not UTF-8"):
        load_template_file(latin)
    huge = tmp_path / "huge.json"
    huge.write_text(json.dumps({**MINIMAL, "description": "x" * 400_000}), encoding="utf-8")
    with pytest.raises(Exception, match="too large"):
        load_template_file(huge)


def test_relative_logo_is_taken_relative_to_the_template_file(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    path.write_text(json.dumps(with_("logo.path", "art/logo.png")), encoding="utf-8")
    assert load_template_file(path).style.logo.path == str(tmp_path.resolve() / "art" / "logo.png")


def test_builtins_are_valid_distinct_and_round_trip() -> None:
    builtins = builtin_templates()
    assert {"policy-brief", "executive-one-page", "research-digest"} <= set(builtins)
    for name, t in builtins.items():
        again = parse_template_text(template_to_json(t), name)
        assert again == t
        assert template_to_dict(again) == template_to_dict(t)
    looks = {
        (t.style.page_size, t.style.fonts.body, t.style.colours.accent, t.citations.style) for t in builtins.values()
    }
    assert len(looks) == len(builtins), "built-in templates should look different"
    styles = {t.citations.style for t in builtins.values()}
    assert styles == {"numeric", "author_date", "footnotes"}
    assert {t.citations.bibliography for t in builtins.values()} == {"apa", "chicago"}


def test_sources_heading_comes_from_the_sources_part() -> None:
    t = template_from_dict(with_("parts", [{"type": "key_points"}, {"type": "sources", "heading": "References"}]), "x")
    assert t.style.sources_heading == "References"
    assert t.part(PartType.KEY_POINTS) is not None and t.part(PartType.QUOTES) is None


def test_migrate_runs_each_step_up_to_the_current_version(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
        calls.append(data["schema_version"])
        return {**data, "schema_version": 2, "renamed": data.get("old")}

    monkeypatch.setattr(migrate_module, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(migrate_module.MIGRATIONS, 1, v1_to_v2)
    original = {"schema_version": 1, "old": "x"}
    out = migrate(original, "x.json")
    assert out == {"schema_version": 2, "old": "x", "renamed": "x"}
    assert calls == [1]
    assert original == {"schema_version": 1, "old": "x"}  # input untouched
    assert migrate(out, "x.json") is out  # current version: nothing to do


def test_migrate_refuses_a_missing_step(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(migrate_module, "SCHEMA_VERSION", 3)
    with pytest.raises(TemplateError, match="cannot be migrated"):
        migrate({"schema_version": 1}, "x.json")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**6), 10**6) | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=20,
)
sections = st.sampled_from(["page", "fonts", "colours", "logo", "marking", "title", "footer", "summary", "parts"])


@settings(max_examples=200, deadline=None)
@given(section=sections, value=json_values)
def test_any_json_either_validates_or_is_refused_with_a_template_error(section: str, value: Any) -> None:
    data = {**MINIMAL, section: value}
    try:
        t = template_from_dict(data, "fuzz.json")
    except TemplateError as exc:
        assert str(exc).startswith('template "fuzz.json": ')
    else:
        assert template_from_dict(template_to_dict(t), "again") == t
