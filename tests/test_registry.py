"""The one registry shape (:mod:`briefgen.registry`): names in order, objects or lazily imported specs, lookup
by name or by a file's suffix, and errors that name what is missing."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from briefgen.registry import Registry, UnknownName


def test_names_keep_registration_order_and_a_name_registered_again_is_replaced() -> None:
    reg: Registry[Callable[[str], str]] = Registry("shouter")
    reg.register("upper", str.upper, description="LOUD")
    reg.register("lower", str.lower)
    reg.register("upper", str.title)
    assert reg.names() == ("upper", "lower")
    assert reg.get("upper")("a b") == "A B"
    assert reg.entry("upper").description == ""
    assert "lower" in reg and "title" not in reg


def test_a_spec_is_imported_on_first_lookup_only() -> None:
    module = "colorsys"  # small, and imported by nothing else here
    sys.modules.pop(module, None)
    reg: Registry[object] = Registry("thing")
    reg.register("hsv", f"{module}:__name__")
    assert module not in sys.modules, "registering imports nothing"
    assert reg.get("hsv") == module
    assert module in sys.modules


def test_unknown_names_say_what_kind_of_thing_and_which_names_there_are() -> None:
    reg: Registry[int] = Registry("colour")
    reg.register("red", 1)
    reg.register("blue", 2)
    with pytest.raises(UnknownName) as info:
        reg.get("green")
    assert str(info.value) == "unknown colour 'green' (choose from: red, blue)"
    assert (info.value.kind, info.value.name, info.value.choices) == ("colour", "green", ("red", "blue"))
    assert isinstance(info.value, LookupError)


def test_lookup_by_path_uses_the_suffix_case_insensitively() -> None:
    reg: Registry[int] = Registry("format")
    reg.register("md", 1, suffixes=(".md", ".MARKDOWN"))
    reg.register("pdf", 2, suffixes=(".pdf",))
    assert reg.suffixes() == (".md", ".markdown", ".pdf")
    found = reg.for_path(Path("notes/Brief.Markdown"))
    assert found is not None and found.name == "md" and found.load() == 1
    assert reg.for_path("a.PDF") is not None
    assert reg.for_path("README") is None
    assert reg.for_path("a.docx") is None
