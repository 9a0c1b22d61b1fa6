"""Bibliography entries of the brief's source list, in an APA-like or a Chicago-like format.

Both formats are made for the web and news articles briefs are built from (:data:`BIBLIOGRAPHY_STYLES`):

- ``apa``: ``Smith, J. (2017, August 10). Title. Publisher. Retrieved January 2, 2025, from URL``
- ``chicago``: ``Smith, John. “Title.” Publisher, August 10, 2017. Accessed January 2, 2025. URL.``

A source without a URL is located by its file name. In-text markers (``[1]``, ``(BBC, 2017)``, footnotes) are
made by :mod:`briefgen.render.markers` from the numbered entries :mod:`briefgen.compose` builds.

Entries are formatted here by hand rather than with citeproc-py and CSL styles: see ``docs/templates.md``
("Citations") for why.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath

from briefgen.model import Metadata

BIBLIOGRAPHY_STYLES = ("apa", "chicago")

_MONTHS = (
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

_ORG_WORDS_TEXT = """
abc agency associated association bank bbc board cbs center centre cnn college committee company
corporation council daily department editorial editors foundation fund gazette government group
guardian herald inc institute institution journal llc ltd magazine media ministry nations nbc
network news npr office organisation organization plc post press report reporters reuters review
service services society staff team telegraph times tribune trust union university weekly
"""
_ORG_WORDS = frozenset(_ORG_WORDS_TEXT.split())
"""Words that mark an author field as an organisation rather than a person."""
_NAME_TOKEN = re.compile(r"^[A-Z][a-zA-Z'’\-]*\.?$|^[A-Z]\.$|^(?:van|von|de|da|del|der|di|le|la|du|bin|al)$")
_AUTHOR_SPLIT = re.compile(r"\s*(?:;|\band\b|&)\s*")


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
    month = _MONTHS[d.month - 1]
    if d.day is None:
        return f"{month} {d.year}"
    return f"{d.day} {month} {d.year}" if day_first else f"{month} {d.day}, {d.year}"


def year_of(value: str | None) -> str:
    d = parse_date(value)
    return str(d.year) if d else "n.d."


# --- names -----------------------------------------------------------------------------------------------


def split_authors(author: str | None) -> list[str]:
    """``"Jane Doe and John Smith"`` -> ``["Jane Doe", "John Smith"]``; strips a leading "By"."""
    if not author:
        return []
    text = re.sub(r"^\s*by\s+", "", author.strip(), flags=re.IGNORECASE)
    names: list[str] = []
    for part in _AUTHOR_SPLIT.split(text):
        pieces = [p.strip() for p in part.split(",")]
        # "Jane Doe, John Smith" is two people; "Doe, Jane" is one
        if len(pieces) > 1 and all(len(p.split()) >= 2 for p in pieces):
            names.extend(pieces)
        elif len(pieces) == 2 and len(pieces[0].split()) == 1 and pieces[1][:1].isupper():
            names.append(f"{pieces[1]} {pieces[0]}")  # "Doe, Jane" -> "Jane Doe"
        else:
            names.append(part.strip(" ,"))
    return [n for n in names if n]


def is_person(name: str) -> bool:
    """A guess: 2-4 capitalised words and none of the words organisations' names are made of."""
    tokens = name.split()
    if not 2 <= len(tokens) <= 4:
        return False
    if any(t.strip(".,").lower() in _ORG_WORDS for t in tokens):
        return False
    if any(t.isupper() and len(t.strip(".")) > 1 for t in tokens):
        return False  # acronyms: "BBC News", "UN Office"
    return all(_NAME_TOKEN.match(t) for t in tokens)


def _family_given(name: str) -> tuple[str, list[str]]:
    tokens = name.split()
    family_start = len(tokens) - 1
    while family_start > 1 and tokens[family_start - 1][0].islower():
        family_start -= 1  # "Ludwig van Beethoven" -> family "van Beethoven"
    return " ".join(tokens[family_start:]), tokens[:family_start]


def family_name(name: str) -> str:
    """The name to cite in text: a person's family name, or an organisation's whole name."""
    return _family_given(name)[0] if is_person(name) else name


def _apa_name(name: str) -> str:
    if not is_person(name):
        return name
    family, given = _family_given(name)
    initials = " ".join(f"{g[0]}." for g in given if g)
    return f"{family}, {initials}" if initials else family


def _chicago_name(name: str, *, first: bool) -> str:
    if not is_person(name) or not first:
        return name
    family, given = _family_given(name)
    return f"{family}, {' '.join(given)}" if given else family


def _join(names: Sequence[str], conj: str) -> str:
    if len(names) <= 1:
        return "".join(names)
    if len(names) == 2:
        return f"{names[0]} {conj} {names[1]}"
    return f"{', '.join(names[:-1])}, {conj} {names[-1]}"


# --- entries ---------------------------------------------------------------------------------------------


def fallback_title(metadata: Metadata, path: str) -> str:
    """The title to cite: the metadata's, else the file name (or URL) the source came from."""
    if metadata.title and metadata.title.strip():
        return metadata.title.strip()
    if "://" in path:
        return path
    return PurePath(path).name or path


def _locator(metadata: Metadata, path: str) -> str:
    if metadata.url:
        return metadata.url
    return path if "://" in path else (PurePath(path).name or path)


def _end(text: str, mark: str = ".") -> str:
    """*text* followed by *mark* unless it already ends with sentence punctuation."""
    text = text.rstrip()
    return text if text[-1:] in ".?!" else text + mark


def format_apa(metadata: Metadata, path: str, accessed: str) -> str:
    """An APA-like reference for a web or news article."""
    title = fallback_title(metadata, path)
    authors = [_apa_name(a) for a in split_authors(metadata.author)]
    d = parse_date(metadata.date)
    if d is None:
        when = "(n.d.)"
    elif d.month is None:
        when = f"({d.year})"
    elif d.day is None:
        when = f"({d.year}, {_MONTHS[d.month - 1]})"
    else:
        when = f"({d.year}, {_MONTHS[d.month - 1]} {d.day})"
    pieces: list[str] = []
    if authors:
        pieces.append(_end(_join(authors, "&")))
        pieces.append(f"{when}.")
        pieces.append(_end(title))
    else:
        pieces.append(_end(title))
        pieces.append(f"{when}.")
    publisher = (metadata.publisher or "").strip()
    if publisher and publisher not in authors:
        pieces.append(_end(publisher))
    retrieved = long_date(accessed)
    where = _locator(metadata, path)
    pieces.append(f"Retrieved {retrieved}, from {where}" if retrieved else where)
    return " ".join(pieces)


def format_chicago(metadata: Metadata, path: str, accessed: str) -> str:
    """A Chicago-like (notes and bibliography) bibliography entry for a web or news article."""
    title = fallback_title(metadata, path)
    names = split_authors(metadata.author)
    authors = [_chicago_name(n, first=i == 0) for i, n in enumerate(names)]
    pieces: list[str] = []
    if authors:
        pieces.append(_end(_join(authors, "and")))
    pieces.append(f"“{_end(title)}”")
    publisher = (metadata.publisher or "").strip()
    date = long_date(metadata.date)
    pub = ", ".join(p for p in (publisher, date) if p)
    if pub:
        pieces.append(f"{pub}.")
    accessed_text = long_date(accessed)
    if accessed_text:
        pieces.append(f"Accessed {accessed_text}.")
    pieces.append(_end(_locator(metadata, path)))
    return " ".join(pieces)


def format_entry(style: str, metadata: Metadata, path: str, accessed: str) -> str:
    """The bibliography entry of one source in *style* (``apa`` or ``chicago``)."""
    if style == "chicago":
        return format_chicago(metadata, path, accessed)
    if style == "apa":
        return format_apa(metadata, path, accessed)
    raise ValueError(f"unknown bibliography style {style!r}")
