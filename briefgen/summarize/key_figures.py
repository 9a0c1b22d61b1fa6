"""Key figures: sentences that state amounts, percentages, counts or dates.

:func:`figure_strength` says how much a sentence is "about numbers": money, percentages, large counts and
magnitudes ("1.13bn", "28,000 troops", "3 million") count fully; calendar dates ("16 June", "December 2016")
count 0.6 and a bare year 0.4. Key figures are ranked by relevance (from the summarisation algorithm) weighted by
that strength.
"""

from __future__ import annotations

import re

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_NUMBER = r"\d[\d,]*(?:\.\d+)?"
_MAGNITUDE = r"(?:bn|m|k|tn|billion|million|trillion|thousand)"
_AMOUNT = re.compile(
    rf"[$£€¥]\s?{_NUMBER}(?:\s?{_MAGNITUDE}\b)?"
    rf"|\b{_NUMBER}\s?(?:%|per\s?cent\b|percent\b)"
    rf"|\b{_NUMBER}\s?{_MAGNITUDE}\b"
    r"|\b\d{1,3}(?:,\d{3})+(?:\.\d+)?\b"
    rf"|\b{_NUMBER}\s?(?:dollars|pounds|euros|yen|yuan|rupees)\b",
    re.IGNORECASE,
)
_DATE = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\b"
    rf"|\b{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
    rf"|\b{_MONTHS}\s+\d{{4}}\b"
    r"|\b\d{4}-\d{2}-\d{2}\b"
)
_YEAR = re.compile(r"\b(?:1[5-9]|20)\d{2}s?\b")


def figure_strength(text: str) -> float:
    """1 for amounts, percentages and counts; 0.6 for dates; 0.4 for a year alone; 0 otherwise."""
    if _AMOUNT.search(text):
        return 1.0
    if _DATE.search(text):
        return 0.6
    if _YEAR.search(text):
        return 0.4
    return 0.0
