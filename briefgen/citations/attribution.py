"""Who a source is by and when: the one place both its bibliography entry and its in-text markers take the
"who" and "when" from, and the ``2017a`` / ``2017b`` letters that keep two sources' markers apart."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import PurePath

from briefgen.citations.dates import PartialDate, parse_date
from briefgen.citations.names import family_name, split_authors
from briefgen.model import Metadata

_TITLE_WORDS = 5
"""An in-text marker names a source without author or publisher by this many words of its title."""


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

    def entry_names(self, person: Callable[[str, int], str]) -> list[str]:
        """The names as an entry writes them: each author through *person* (the entry format's way of writing
        the name at that position, e.g. ``Doe, J.``), a publisher as it is."""
        if self.publisher_first:
            return list(self.names)
        return [person(name, i) for i, name in enumerate(self.names)]


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
