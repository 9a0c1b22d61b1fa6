"""Reading typed values out of parsed JSON with messages that name the bad field.

``Fields(data, "page.margins", origin).number("top", 22, 5, 60, "mm")`` returns the number or raises a
:class:`TemplateError` such as ``template "x.json": page.margins.top must be a number between 5 and 60 (mm),
got "abc"``. Unknown keys are refused too (:meth:`Fields.finish`), so a typo never passes silently.
"""

from __future__ import annotations

import difflib
import json
import math
import re
from typing import Any

from briefgen.errors import TemplateError
from briefgen.templates.placeholders import PLACEHOLDERS, unknown_placeholders

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")


MAX_FAMILY_CHARS = 100
"""Longest font family name a template may give."""


def shown(value: Any) -> str:
    """A value as it appears in a message: JSON, cut to 40 characters."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


class Fields:
    """The members of one JSON object, read one by one with defaults and range checks."""

    def __init__(self, data: Any, where: str, origin: str) -> None:
        self.where = where
        self.origin = origin
        if not isinstance(data, dict):
            raise self.error("", f"must be an object ({{...}}), got {shown(data)}")
        self.data: dict[str, Any] = data
        self.used: set[str] = set()

    def path(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def error(self, key: str, problem: str) -> TemplateError:
        field = self.path(key) if key else self.where
        return TemplateError(self.origin, field or "the template", problem)

    def has(self, key: str) -> bool:
        return key in self.data and self.data[key] is not None

    def raw(self, key: str) -> Any:
        self.used.add(key)
        return self.data.get(key)

    def obj(self, key: str) -> Fields:
        value = self.raw(key)
        return Fields({} if value is None else value, self.path(key), self.origin)

    def string(
        self,
        key: str,
        default: str,
        *,
        max_len: int = 200,
        required: bool = False,
        placeholders: tuple[str, ...] | None = (),
    ) -> str:
        """A single-line text. *placeholders*: names allowed in it (``None``: the standard set)."""
        value = self.raw(key)
        if value is None:
            if required:
                raise self.error(key, "is missing")
            return default
        if not isinstance(value, str):
            raise self.error(key, f"must be text, got {shown(value)}")
        if len(value) > max_len:
            raise self.error(key, f"must be at most {max_len} characters, got {len(value)}")
        if _CONTROL.search(value) or "\n" in value:
            raise self.error(key, "must be one line of text without control characters")
        allowed = tuple(PLACEHOLDERS) if placeholders is None else placeholders
        unknown = unknown_placeholders(value, allowed)
        if unknown:
            known = ", ".join(f"{{{n}}}" for n in allowed) or "none"
            raise self.error(key, f"uses unknown placeholder {{{unknown[0]}}} (known: {known})")
        return value

    def number(self, key: str, default: float, lo: float, hi: float, unit: str = "") -> float:
        value = self.raw(key)
        if value is None:
            return default
        unit_text = f" ({unit})" if unit else ""
        ok = isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
        if not ok or not lo <= value <= hi:
            raise self.error(key, f"must be a number between {lo:g} and {hi:g}{unit_text}, got {shown(value)}")
        return float(value)

    def integer(self, key: str, default: int | None, lo: int, hi: int, what: str = "") -> int | None:
        value = self.raw(key)
        if value is None:
            return default
        what_text = f" ({what})" if what else ""
        if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
            raise self.error(key, f"must be a whole number between {lo} and {hi}{what_text}, got {shown(value)}")
        return value

    def boolean(self, key: str, default: bool) -> bool:
        value = self.raw(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise self.error(key, f"must be true or false, got {shown(value)}")
        return value

    def font_family(self, key: str, default: str, generic: tuple[str, ...]) -> str:
        """One of the *generic* families (``serif``/``sans``) or the name of an installed family."""
        value = self.raw(key)
        if value is None:
            return default
        ok = (
            isinstance(value, str)
            and 0 < len(value.strip()) <= MAX_FAMILY_CHARS
            and all(ch.isprintable() for ch in value)
            and value == value.strip()
        )
        if not ok:
            listed = ", ".join(f'"{c}"' for c in generic)
            raise self.error(
                key, f"must be {listed} or a font family name (up to {MAX_FAMILY_CHARS} characters), got {shown(value)}"
            )
        return str(value)

    def choice(self, key: str, default: str, choices: tuple[str, ...]) -> str:
        value = self.raw(key)
        if value is None:
            return default
        if value not in choices:
            listed = ", ".join(f'"{c}"' for c in choices)
            raise self.error(key, f"must be one of {listed}, got {shown(value)}")
        return str(value)

    def colour(self, key: str, default: str) -> str:
        value = self.raw(key)
        if value is None:
            return default
        if not isinstance(value, str) or not _COLOUR.fullmatch(value):
            raise self.error(key, f'must be a colour written "#RRGGBB", got {shown(value)}')
        return value.upper()

    def finish(self) -> None:
        """Refuse keys nobody asked for (typos), suggesting the closest known one."""
        for key in self.data:
            if key not in self.used:
                close = difflib.get_close_matches(key, sorted(self.used), n=1)
                hint = f' (did you mean "{close[0]}"?)' if close else ""
                raise TemplateError(self.origin, self.path(key), f"is not a known setting{hint}")
