"""Placeholders in template text: ``{date}``, ``{title}``... from a fixed set of names, substituted in one pass.

Substitution never uses ``str.format`` or ``eval`` on user text: each ``{name}`` whose name is in the fixed set
is replaced by its value, everything else is left exactly as written, and values are never scanned again (a
title that itself contains ``{date}`` stays as it is).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Mapping

from briefgen.citations import long_date
from briefgen.templates.style import RenderStyle

PLACEHOLDERS: dict[str, str] = {
    "title": "title of the first selected article",
    "date": "the brief's date, in the template's date format",
    "year": "the brief's year",
    "sources": "number of sources",
    "articles": "number of articles",
    "author": "the template's author",
    "organisation": "the template's organisation",
    "marking": "the marking text",
    "template": "the template's display name",
}
"""The names text fields may use, with what each stands for."""

PAGE_PLACEHOLDERS = ("page", "pages")
"""Names only ``footer.page_number_format`` may use; the renderers substitute them on each page."""

_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def placeholders_in(text: str) -> list[str]:
    """Names of the ``{name}`` placeholders in *text*, in order."""
    return [m.group(1) for m in _PLACEHOLDER.finditer(text)]


def unknown_placeholders(text: str, allowed: tuple[str, ...] | None = None) -> list[str]:
    """Placeholders in *text* that are not in *allowed* (default: :data:`PLACEHOLDERS`)."""
    names = tuple(PLACEHOLDERS) if allowed is None else allowed
    return [name for name in placeholders_in(text) if name not in names]


_COUNTED = re.compile(r"\{(sources|articles)\}(\s+)(sources|articles)\b")
_SINGULAR = {"sources": "source", "articles": "article"}


def substitute(text: str, values: Mapping[str, str]) -> str:
    """*text* with each ``{name}`` for a name in *values* replaced by its value; one pass, nothing evaluated.

    A count followed by its noun agrees with it: ``{sources} sources`` gives "1 source" and "3 sources"."""
    text = _COUNTED.sub(lambda m: _agree(m, values), text)
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def _agree(match: re.Match[str], values: Mapping[str, str]) -> str:
    name, space, noun = match.groups()
    if values.get(name, "").strip() == "1":
        return f"{{{name}}}{space}{_SINGULAR[noun]}"
    return match.group(0)


def format_date(day: dt.date, date_format: str) -> str:
    """``long`` -> ``22 November 2026``, ``us`` -> ``November 22, 2026``, ``iso`` -> ``2026-11-22``."""
    iso = day.isoformat()
    if date_format == "iso":
        return iso
    return long_date(iso, day_first=date_format != "us") or iso


def resolve_style(style: RenderStyle, values: Mapping[str, str]) -> RenderStyle:
    """*style* with placeholders in its header, footer and marking text substituted."""
    marking = style.marking
    if marking.text:
        marking = dataclasses.replace(marking, text=substitute(marking.text, values))
    return dataclasses.replace(
        style,
        header_text=substitute(style.header_text, values),
        footer_text=substitute(style.footer_text, values),
        marking=marking,
    )
