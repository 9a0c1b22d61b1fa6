"""Citations: who a source is by and when, its bibliography entry, and the citation styles that use them.

Bibliography entries are made for the web and news articles briefs are built from, in an APA-like
(:mod:`~briefgen.citations.apa`) or a Chicago-like (:mod:`~briefgen.citations.chicago`) format. An entry ends
with where a reader finds the source: its DOI as ``https://doi.org/…``, else its web address with the accessed
date. A source without either (a local file) ends after the publisher and date: a file name is not a location
a reader can use.

Who an entry is by and when comes from one place, :func:`attribution`: the author when there is one, else the
publisher (as APA and Chicago cite unsigned news), else the title; the year, or ``n.d.``. In-text markers
(``[1]``, ``(Smith, 2017)``, footnotes; the styles in :mod:`~briefgen.citations.in_text`, laid out by
:mod:`briefgen.render.markers`) are built from the same attribution, and :func:`year_suffixes` gives the
``2017a`` / ``2017b`` that both markers and entries show when two sources would otherwise share a marker.

Styles are registered objects (:mod:`~briefgen.citations.styles`); the modules:

- :mod:`~briefgen.citations.dates`, :mod:`~briefgen.citations.names`, :mod:`~briefgen.citations.locations`:
  dates, people and organisations, URLs and DOIs as sources give them;
- :mod:`~briefgen.citations.attribution`: who and when, year suffixes, the author-date label;
- :mod:`~briefgen.citations.styles`: the registries of in-text styles and bibliography formats;
- :mod:`~briefgen.citations.in_text`, :mod:`~briefgen.citations.apa`, :mod:`~briefgen.citations.chicago`:
  the styles themselves.

Entries are formatted here by hand rather than with citeproc-py and CSL styles: see ``docs/templates.md``
("Citations") for why.
"""

from __future__ import annotations

from briefgen.citations.apa import format_apa
from briefgen.citations.attribution import Attribution, attribution, cite_label, dated, fallback_title, year_suffixes
from briefgen.citations.chicago import format_chicago
from briefgen.citations.dates import MONTHS, PartialDate, long_date, parse_date, year_of
from briefgen.citations.locations import doi_of, doi_url, normalise_url, source_url, url_problem
from briefgen.citations.names import family_name, is_person, split_authors
from briefgen.citations.styles import (
    BIBLIOGRAPHIES,
    IN_TEXT_STYLES,
    InTextStyle,
    format_entries,
    format_entry,
    in_text_style,
    names_sources,
)

__all__ = [
    "BIBLIOGRAPHIES",
    "IN_TEXT_STYLES",
    "MONTHS",
    "Attribution",
    "InTextStyle",
    "PartialDate",
    "attribution",
    "cite_label",
    "dated",
    "doi_of",
    "doi_url",
    "fallback_title",
    "family_name",
    "format_apa",
    "format_chicago",
    "format_entries",
    "format_entry",
    "in_text_style",
    "is_person",
    "long_date",
    "names_sources",
    "normalise_url",
    "parse_date",
    "source_url",
    "split_authors",
    "url_problem",
    "year_of",
    "year_suffixes",
]
