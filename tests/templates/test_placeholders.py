"""Placeholders: a fixed set of names, one pass, nothing formatted or evaluated."""

from __future__ import annotations

import datetime as dt

from briefgen.templates.placeholders import (
    PLACEHOLDERS,
    format_date,
    placeholders_in,
    resolve_style,
    substitute,
    unknown_placeholders,
)
from briefgen.templates.style import Marking, RenderStyle

VALUES = {"title": "Floods", "date": "2 March 2025", "sources": "3"}


def test_known_names_are_replaced() -> None:
    assert substitute("{title} — {sources} sources, {date}", VALUES) == "Floods — 3 sources, 2 March 2025"


def test_values_are_not_scanned_again() -> None:
    assert substitute("{title}", {"title": "About {date}", "date": "today"}) == "About {date}"


def test_format_syntax_and_unknown_names_stay_literal() -> None:
    for text in ("{0}", "{title.__class__}", "{title!r}", "{title:>10}", "{{title}}", "{nope}", "{", "}"):
        out = substitute(text, VALUES)
        assert out == text or out == "{Floods}"  # "{{title}}" keeps its outer braces
    assert substitute("{{title}}", VALUES) == "{Floods}"


def test_placeholder_discovery() -> None:
    assert placeholders_in("{title} on {date} {0} {x.y}") == ["title", "date"]
    assert unknown_placeholders("{title} {page} {foo}") == ["page", "foo"]
    assert unknown_placeholders("{page} of {pages}", ("page", "pages")) == []
    assert "date" in PLACEHOLDERS and "title" in PLACEHOLDERS


def test_date_formats() -> None:
    day = dt.date(2026, 11, 2)
    assert format_date(day, "long") == "2 November 2026"
    assert format_date(day, "us") == "November 2, 2026"
    assert format_date(day, "iso") == "2026-11-02"


def test_resolve_style_fills_header_footer_and_marking() -> None:
    style = RenderStyle(header_text="{title}", footer_text="Made {date}", marking=Marking(text="{title} only"))
    out = resolve_style(style, VALUES)
    assert (out.header_text, out.footer_text, out.marking.text) == ("Floods", "Made 2 March 2025", "Floods only")
    assert style.header_text == "{title}"  # the template's own style is unchanged
