"""Dates as sources give them (``2017-08-10``, ``2017-08``, ``2017``) and as briefs write them
(``August 10, 2017`` or ``10 August 2017``, ``n.d.`` without one)."""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
"""English month names, for dates written in briefs and read from sources."""


@dataclass(frozen=True, slots=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None


def parse_date(value: str | None) -> PartialDate | None:
    """``YYYY-MM-DD`` / ``YYYY-MM`` / ``YYYY`` -> :class:`PartialDate`; anything else -> ``None``."""
    if not value:
        return None
    m = re.fullmatch(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?\s*", value)
    if not m:
        return None
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    if month is not None and not 1 <= month <= 12:
        return PartialDate(year)
    if day is not None and not 1 <= day <= 31:
        day = None
    return PartialDate(year, month, day)


def long_date(value: str | None, *, day_first: bool = False) -> str | None:
    """``2017-08-10`` -> ``August 10, 2017`` (``10 August 2017`` with *day_first*)."""
    d = parse_date(value)
    if d is None:
        return None
    if d.month is None:
        return str(d.year)
    month = MONTHS[d.month - 1]
    if d.day is None:
        return f"{month} {d.year}"
    return f"{d.day} {month} {d.year}" if day_first else f"{month} {d.day}, {d.year}"


def year_of(value: str | None) -> str:
    d = parse_date(value)
    return str(d.year) if d else "n.d."
