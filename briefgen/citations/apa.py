"""The APA-like bibliography entry, for web and news articles:
``Smith, J. (2017, August 10). Title. Publisher. Retrieved January 2, 2025, from URL``."""

from __future__ import annotations

from briefgen.citations.attribution import Attribution, attribution, dated
from briefgen.citations.dates import MONTHS, long_date
from briefgen.citations.locations import doi_of, source_url
from briefgen.citations.names import family_given, is_person, join_names
from briefgen.citations.styles import ended
from briefgen.model import Metadata


def apa_name(name: str, position: int = 0) -> str:
    """A person as ``Doe, J.``; an organisation as it is."""
    if not is_person(name):
        return name
    family, given = family_given(name)
    initials = " ".join(f"{g[0]}." for g in given if g)
    return f"{family}, {initials}" if initials else family


def _when(who_when: Attribution, suffix: str) -> str:
    d = who_when.date
    year = dated(who_when.year, suffix)
    if d is None or d.month is None:
        return f"({year})"
    if d.day is None:
        return f"({year}, {MONTHS[d.month - 1]})"
    return f"({year}, {MONTHS[d.month - 1]} {d.day})"


def format_apa(metadata: Metadata, path: str, accessed: str, suffix: str = "", *, author_date: bool = False) -> str:
    """An APA-like reference for a web or news article; *suffix* is the letter after its year (``2017a``). The
    year follows the names in any case, so *author_date* changes nothing."""
    who_when = attribution(metadata, path)
    when = _when(who_when, suffix)
    pieces: list[str] = []
    if who_when.names:
        pieces.append(ended(join_names(who_when.entry_names(apa_name), "&")))
        pieces.append(f"{when}.")
        pieces.append(ended(who_when.title))
    else:
        pieces.append(ended(who_when.title))
        pieces.append(f"{when}.")
    publisher = (metadata.publisher or "").strip()
    if publisher and publisher not in who_when.names:
        pieces.append(ended(publisher))
    url = source_url(metadata, path)
    if url is not None:
        retrieved = long_date(accessed) if doi_of(url) is None else None  # a DOI is not retrieved on a day
        pieces.append(f"Retrieved {retrieved}, from {url}" if retrieved else url)
    return " ".join(pieces)
