"""Bibliography entries of the brief's source list, in an APA-like or a Chicago-like format.

Both formats are made for the web and news articles briefs are built from (:data:`BIBLIOGRAPHY_STYLES`):

- ``apa``: ``Smith, J. (2017, August 10). Title. Publisher. Retrieved January 2, 2025, from URL``
- ``chicago``: ``Smith, John. “Title.” Publisher, August 10, 2017. Accessed January 2, 2025. URL.`` (with
  author-date markers, Chicago's author-date form: ``Smith, John. 2017. “Title.” Publisher, August 10, 2017. …``)

An entry ends with where a reader finds the source: its DOI as ``https://doi.org/…``, else its web address with
the accessed date. A source without either (a local file) ends after the publisher and date: a file name is not
a location a reader can use.

Who an entry is by and when comes from one place, :func:`attribution`: the author when there is one, else the
publisher (as APA and Chicago cite unsigned news), else the title; the year, or ``n.d.``. In-text markers
(``[1]``, ``(Smith, 2017)``, footnotes, made by :mod:`briefgen.render.markers`) are built from the same
attribution, and :func:`year_suffixes` gives the ``2017a`` / ``2017b`` that both markers and entries show when
two sources would otherwise share a marker.

Entries are formatted here by hand rather than with citeproc-py and CSL styles: see ``docs/templates.md``
("Citations") for why.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath
from urllib.parse import urlsplit

from briefgen.model import Metadata

BIBLIOGRAPHY_STYLES = ("apa", "chicago")

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
_DOI = re.compile(r"(?:doi:\s*|https?://(?:dx\.)?doi\.org/)?(10\.\d{4,9}/\S+)", re.IGNORECASE)
_TITLE_WORDS = 5
"""An in-text marker names a source without author or publisher by this many words of its title."""


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


# --- locations: URL or DOI -----------------------------------------------------------------------------


def doi_of(value: str | None) -> str | None:
    """The DOI in *value* when it is one: ``10.1234/abc``, ``doi:10.1234/abc`` or ``https://doi.org/10.1234/abc``."""
    m = _DOI.fullmatch((value or "").strip())
    return m.group(1) if m else None


def doi_url(doi: str) -> str:
    return f"https://doi.org/{doi}"


def _web_address(value: str) -> bool:
    if any(ch.isspace() or ord(ch) < 32 for ch in value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def url_problem(value: str | None) -> str | None:
    """What is wrong with *value* as the URL or DOI of a source, or ``None`` when it is fine (or empty)."""
    text = (value or "").strip()
    if not text or doi_of(text):
        return None
    if any(ch.isspace() for ch in text):
        return "A URL or DOI has no spaces."
    lowered = text.lower()
    if lowered.startswith(("doi:", "10.")) or "doi.org/" in lowered:
        return "Not a DOI: a DOI looks like 10.1234/abc (or doi:10.1234/abc, https://doi.org/10.1234/abc)."
    if _web_address(text):
        return None
    if "://" in text:
        scheme = text.split("://", 1)[0]
        if scheme.lower() in ("http", "https"):
            return "The web address has no site name after “://”."
        return f"Only web addresses (http:// or https://) or DOIs can be cited, not “{scheme}:” links."
    return "Not a web address or a DOI: start a web address with https://, or give a DOI such as 10.1234/abc."


def normalise_url(value: str | None) -> str | None:
    """*value* as it is stored: a DOI as ``https://doi.org/…``, anything else stripped; ``None`` when empty."""
    text = (value or "").strip()
    if not text:
        return None
    doi = doi_of(text)
    return doi_url(doi) if doi else text


def source_url(metadata: Metadata, path: str) -> str | None:
    """Where a reader finds the source: its DOI as ``https://doi.org/…``, its http(s) URL, or the web address it
    was read from; ``None`` for a local file (a file name is not a location a reader can use)."""
    doi = doi_of(metadata.url)
    if doi:
        return doi_url(doi)
    for value in (metadata.url, path):
        if value and _web_address(value.strip()):
            return value.strip()
    return None


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


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who a source is by and when: what its bibliography entry starts with and its in-text markers name."""

    names: tuple[str, ...]
    """The names the entry starts with: its authors, else its publisher; empty when the title comes first."""
    title: str
    date: PartialDate | None
    publisher_first: bool = False
    """The name is the publisher's (an organisation: never inverted or shortened to a family name)."""

    @property
    def year(self) -> str:
        return str(self.date.year) if self.date else "n.d."

    @property
    def who(self) -> str:
        """The in-text name: ``Smith``, ``Smith and Lee``, ``Smith et al.``, an organisation's whole name, or the
        first words of the title in quotes."""
        if not self.names:
            words = self.title.split()
            return f"“{' '.join(words[:_TITLE_WORDS])}{'…' if len(words) > _TITLE_WORDS else ''}”"
        if self.publisher_first:
            return self.names[0]
        first = family_name(self.names[0])
        if len(self.names) == 1:
            return first
        if len(self.names) == 2:
            return f"{first} and {family_name(self.names[1])}"
        return f"{first} et al."

    def entry_names(self, style: str) -> list[str]:
        """The names as the entry writes them: people inverted (``Doe, J.`` in APA, the first as ``Doe, Jane``
        in Chicago), organisations as they are."""
        if self.publisher_first:
            return list(self.names)
        if style == "apa":
            return [_apa_name(n) for n in self.names]
        return [_chicago_name(n, first=i == 0) for i, n in enumerate(self.names)]


def attribution(metadata: Metadata, path: str) -> Attribution:
    """The one place the "who" and "when" of a source are decided, for its entry and its markers alike: the
    author when there is one, else the publisher, else the title; the date's year, or ``n.d.``."""
    names = split_authors(metadata.author)
    publisher = (metadata.publisher or "").strip()
    title, date = fallback_title(metadata, path), parse_date(metadata.date)
    if not names and publisher:
        return Attribution((publisher,), title, date, publisher_first=True)
    return Attribution(tuple(names), title, date)


def _letters(index: int) -> str:
    """0 -> ``a``, 25 -> ``z``, 26 -> ``aa``."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


def year_suffixes(attributions: Sequence[Attribution]) -> list[str]:
    """For each attribution in order, the letter its year gets: ``a``, ``b``… for sources whose in-text name and
    year would be the same as another's, ``""`` for the others."""
    keys = [(a.who, a.year) for a in attributions]
    counts = Counter(keys)
    seen: Counter[tuple[str, str]] = Counter()
    out: list[str] = []
    for key in keys:
        if counts[key] > 1:
            out.append(_letters(seen[key]))
            seen[key] += 1
        else:
            out.append("")
    return out


def dated(year: str, suffix: str = "") -> str:
    """``2017`` + ``a`` -> ``2017a``; ``n.d.`` + ``a`` -> ``n.d.-a`` (as APA and Chicago write them)."""
    if not suffix:
        return year
    return f"{year}-{suffix}" if year == "n.d." else f"{year}{suffix}"


def cite_label(who_when: Attribution, suffix: str = "") -> str:
    """The author-date marker without its parentheses: ``Smith, 2017a``."""
    return f"{who_when.who}, {dated(who_when.year, suffix)}"


def _end(text: str, mark: str = ".") -> str:
    """*text* followed by *mark* unless it already ends with sentence punctuation."""
    text = text.rstrip()
    return text if text[-1:] in ".?!" else text + mark


def _apa_when(who_when: Attribution, suffix: str) -> str:
    d = who_when.date
    year = dated(who_when.year, suffix)
    if d is None or d.month is None:
        return f"({year})"
    if d.day is None:
        return f"({year}, {MONTHS[d.month - 1]})"
    return f"({year}, {MONTHS[d.month - 1]} {d.day})"


def format_apa(metadata: Metadata, path: str, accessed: str, suffix: str = "") -> str:
    """An APA-like reference for a web or news article; *suffix* is the letter after its year (``2017a``)."""
    who_when = attribution(metadata, path)
    when = _apa_when(who_when, suffix)
    pieces: list[str] = []
    if who_when.names:
        pieces.append(_end(_join(who_when.entry_names("apa"), "&")))
        pieces.append(f"{when}.")
        pieces.append(_end(who_when.title))
    else:
        pieces.append(_end(who_when.title))
        pieces.append(f"{when}.")
    publisher = (metadata.publisher or "").strip()
    if publisher and publisher not in who_when.names:
        pieces.append(_end(publisher))
    url = source_url(metadata, path)
    if url is not None:
        retrieved = long_date(accessed) if doi_of(url) is None else None  # a DOI is not retrieved on a day
        pieces.append(f"Retrieved {retrieved}, from {url}" if retrieved else url)
    return " ".join(pieces)


def format_chicago(metadata: Metadata, path: str, accessed: str, suffix: str = "", *, author_date: bool = False) -> str:
    """A Chicago-like bibliography entry for a web or news article: notes-and-bibliography form, or with
    *author_date* the author-date form (the year, with its *suffix*, right after the names)."""
    who_when = attribution(metadata, path)
    names = who_when.entry_names("chicago")
    title = f"“{_end(who_when.title)}”"
    year = f"{dated(who_when.year, suffix)}."
    pieces: list[str] = []
    if names:
        pieces.append(_end(_join(names, "and")))
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
        pieces.append(_end(pub))
    url = source_url(metadata, path)
    if url is not None:
        accessed_text = long_date(accessed) if doi_of(url) is None else None
        if accessed_text:
            pieces.append(f"Accessed {accessed_text}.")
        pieces.append(_end(url))
    return " ".join(pieces)


def format_entry(
    style: str, metadata: Metadata, path: str, accessed: str, *, suffix: str = "", author_date: bool = False
) -> str:
    """The bibliography entry of one source in *style* (``apa`` or ``chicago``)."""
    if style == "chicago":
        return format_chicago(metadata, path, accessed, suffix, author_date=author_date)
    if style == "apa":
        return format_apa(metadata, path, accessed, suffix)
    raise ValueError(f"unknown bibliography style {style!r}")


def format_entries(
    style: str, sources: Sequence[tuple[Metadata, str]], accessed: str, *, author_date: bool = False
) -> list[str]:
    """The entries of a whole source list of ``(metadata, path)`` in order. With *author_date* markers, sources
    that would share a marker get ``2017a`` / ``2017b`` (:func:`year_suffixes`, as the markers do)."""
    attributions = [attribution(md, path) for md, path in sources]
    suffixes = year_suffixes(attributions) if author_date else [""] * len(sources)
    return [
        format_entry(style, md, path, accessed, suffix=suffix, author_date=author_date)
        for (md, path), suffix in zip(sources, suffixes, strict=True)
    ]
