"""Finding and normalising publication dates in free text ("August 12, 2017", "12 Aug 2017", "2017-08-12")."""

from __future__ import annotations

import re
from datetime import datetime

from dateutil import parser as date_parser

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
DATE_PATTERN = re.compile(
    rf"\b(?:\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    rf"|{_MONTH}\s+\d{{4}})(?!\d)",
    re.IGNORECASE,
)


def find_date(text: str) -> str | None:
    """The first date in *text* as ISO ``YYYY-MM-DD`` (``YYYY-MM`` for "August 2017"), or None."""
    for match in DATE_PATTERN.finditer(text):
        iso = to_iso(match.group(0))
        if iso:
            return iso
    return None


def to_iso(raw: str) -> str | None:
    """Normalise a date string to ISO; None when it is not a plausible date."""
    raw = raw.strip()
    if not raw:
        return None
    has_day = bool(re.search(r"\d{1,2}(?:st|nd|rd|th)?[\s,/-]", raw) or re.match(r"\d{4}-\d{2}-\d{2}", raw))
    try:
        default = datetime(1900, 1, 1)
        value = date_parser.parse(raw, default=default, fuzzy=True, dayfirst=False)
    except (ValueError, OverflowError, TypeError):
        return None
    if not 1800 <= value.year <= 2200:
        return None
    return str(value.strftime("%Y-%m-%d") if has_day else value.strftime("%Y-%m"))
