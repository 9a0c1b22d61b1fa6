"""The Chicago-like bibliography entry, for web and news articles: notes-and-bibliography form
``Smith, John. “Title.” Publisher, August 10, 2017. Accessed January 2, 2025. URL.``, and with author-date
markers Chicago's author-date form ``Smith, John. 2017. “Title.” Publisher, August 10, 2017. …``."""

from __future__ import annotations

from briefgen.citations.attribution import attribution, dated
from briefgen.citations.dates import long_date
from briefgen.citations.locations import doi_of, source_url
from briefgen.citations.names import family_given, is_person, join_names
from briefgen.citations.styles import ended
from briefgen.model import Metadata


def chicago_name(name: str, position: int) -> str:
    """The first person as ``Doe, Jane``, the others and organisations as they are."""
    if not is_person(name) or position != 0:
        return name
    family, given = family_given(name)
    return f"{family}, {' '.join(given)}" if given else family


def format_chicago(metadata: Metadata, path: str, accessed: str, suffix: str = "", *, author_date: bool = False) -> str:
    """A Chicago-like bibliography entry for a web or news article: notes-and-bibliography form, or with
    *author_date* the author-date form (the year, with its *suffix*, right after the names)."""
    who_when = attribution(metadata, path)
    names = who_when.entry_names(chicago_name)
    title = f"“{ended(who_when.title)}”"
    year = f"{dated(who_when.year, suffix)}."
    pieces: list[str] = []
    if names:
        pieces.append(ended(join_names(names, "and")))
        pieces += [year, title] if author_date else [title]
    else:
        pieces += [title, year] if author_date else [title]
    publisher = (metadata.publisher or "").strip()
    shown_publisher = publisher if publisher and publisher not in who_when.names else ""
    d = who_when.date
    if author_date:  # the year is given after the names; the full date only when it says more
        date = long_date(metadata.date) if d is not None and d.month is not None else None
    else:
        date = long_date(metadata.date) or "n.d."
    pub = ", ".join(p for p in (shown_publisher, date) if p)
    if pub:
        pieces.append(ended(pub))
    url = source_url(metadata, path)
    if url is not None:
        accessed_text = long_date(accessed) if doi_of(url) is None else None
        if accessed_text:
            pieces.append(f"Accessed {accessed_text}.")
        pieces.append(ended(url))
    return " ".join(pieces)
