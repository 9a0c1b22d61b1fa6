"""Lines that describe an article instead of being part of it: source lines, credits, bylines, dates, URLs.

Examples recognised (by general patterns, not by these exact strings)::

    Source: BBC, , August 12, 2017. Photo: AFP         -> publisher BBC, date 2017-08-12 (ends an article)
    This article was originally published by BBC News. -> publisher BBC News (ends an article)
    [Original published at http://example.org/x]      -> url (ends an article)
    By Jane Smith, Reuters                            -> author Jane Smith, publisher Reuters
    Published: 3 March 2021                           -> date 2021-03-03
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefgen.ingest.dates import DATE_PATTERN, find_date
from briefgen.model import Metadata

URL = re.compile(r"(?:https?://|www\.)[^\s\]\)>\"”]+", re.IGNORECASE)
_MAX_WORDS = 30
_CREDIT_TAIL = re.compile(
    r"[.;|]\s*(?:photo|photograph|image|picture|pictures|illustration|credit|graphic)s?\s*(?:credit)?\s*[:(].*$",
    re.IGNORECASE,
)
_SOURCE = re.compile(
    r"^(?:sources?|via|credit|courtesy(?:\s+of)?|source\s+article|article\s+source)\s*[:\-–—]\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
_PUBLISHED = re.compile(
    r"^(?:(?:this|the)\s+(?:article|story|piece|post|report|item|text|commentary|analysis)\s+"
    r"(?:was|is|has\s+been|first|originally)\s+(?:(?:originally|first)\s+)?|"
    r"(?:originally|first)\s+|original\s+)"
    r"(?:published|posted|appeared|ran|printed|republished|reproduced)\s+"
    r"(?:(?:originally|first)\s+)?(?:by|in|on|at|with|from|courtesy\s+of)?\s*(?P<who>.+?)\.?$",
    re.IGNORECASE,
)
_REPUBLISHED = re.compile(
    r"^(?:republished|reproduced|reprinted)\s+(?:with\s+permission\s+)?(?:from|of|by)\s+(?P<who>.+?)\.?$",
    re.IGNORECASE,
)
_NAME = r"[A-Z][\w.'’\-]*"
_BYLINE = re.compile(
    rf"^(?i:by|written\s+by|words\s+by|author\s*:|reporting\s+by)\s+"
    rf"(?P<who>{_NAME}(?:\s+(?:{_NAME}|and|&|de|da|van|von|der|den|la|le|al|bin|ibn|y))*)"
    r"(?:\s*[,|–—-]\s*(?P<rest>.+))?$"
)
_DATE_WORDS = re.compile(
    r"\b(?:published|updated|posted|last|modified|date|dated|on|at|am|pm|gmt|utc|bst|est|edt|cet)\b|[:,|\-–—]",
    re.IGNORECASE,
)
_URL_PREFIX = re.compile(
    r"^(?:read\s+(?:more|the\s+original)\s+(?:at|on)|url|link|original\s+(?:article|url|link)|"
    r"source\s+url|permalink)\s*:?\s*",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class MetaLine:
    metadata: Metadata
    ends_article: bool
    """Source and "originally published" lines close an article; bylines and dates open one."""


def parse_metadata_line(text: str) -> MetaLine | None:
    """The metadata in *text* when the whole line is a metadata line, else None."""
    line = text.strip()
    if not line or len(line.split()) > _MAX_WORDS or len(line) > 400:
        return None
    bare = _strip_brackets(line)
    for parse in (_source_line, _published_line, _byline, _url_line, _date_line):
        found = parse(bare)
        if found is not None:
            return found
    return None


def _strip_brackets(line: str) -> str:
    if (line[0], line[-1]) in {("[", "]"), ("(", ")"), ("{", "}"), ("<", ">")}:
        return line[1:-1].strip()
    return line


def _clean_name(value: str) -> str | None:
    value = value.strip().strip(".,;:|-–— ").strip()
    value = re.sub(r"^(?:the\s+)(?=[A-Z])", "", value)
    return value or None


def _source_line(line: str) -> MetaLine | None:
    m = _SOURCE.match(line)
    if not m:
        return None
    rest = _CREDIT_TAIL.sub("", m.group("rest")).strip()
    url_match = URL.search(rest)
    url = url_match.group(0).rstrip(".,;") if url_match else None
    date = find_date(rest)
    without = DATE_PATTERN.sub("", URL.sub("", rest))
    publisher = next((p for p in (_clean_name(x) for x in without.split(",")) if p), None)
    if publisher and len(publisher.split()) > 8:
        return None
    if not (publisher or url or date):
        return None
    return MetaLine(Metadata(publisher=publisher, date=date, url=url), ends_article=True)


def _published_line(line: str) -> MetaLine | None:
    m = _PUBLISHED.match(line) or _REPUBLISHED.match(line)
    if not m:
        return None
    who = _CREDIT_TAIL.sub("", m.group("who")).strip()
    url_match = URL.search(who)
    if url_match:
        return MetaLine(Metadata(url=url_match.group(0).rstrip(".,;")), ends_article=True)
    date = find_date(who)
    name_part = DATE_PATTERN.sub("", who)
    name_part = re.split(r"\s+(?:on|in|at)\s*$|,", name_part)[0]
    publisher = _clean_name(name_part)
    if publisher and (len(publisher.split()) > 8 or not publisher[:1].isupper()):
        publisher = None
    if not (publisher or date):
        return None
    return MetaLine(Metadata(publisher=publisher, date=date), ends_article=True)


def _byline(line: str) -> MetaLine | None:
    if len(line.split()) > 14:
        return None
    m = _BYLINE.match(line)
    if not m:
        return None
    author = _clean_name(m.group("who"))
    rest = m.group("rest") or ""
    if len(re.findall(r"\b[a-z]{2,}\b", rest)) >= 2 or line.endswith(("?", "!")):
        return None  # "By Monday, talks had collapsed." is a sentence, not a byline
    date = find_date(rest) if rest else None
    publisher = None
    if rest:
        org = _clean_name(DATE_PATTERN.sub("", rest).split(",")[0])
        if org and org[:1].isupper() and len(org.split()) <= 5:
            publisher = org
    return MetaLine(Metadata(author=author, publisher=publisher, date=date), ends_article=False)


def _url_line(line: str) -> MetaLine | None:
    rest = _URL_PREFIX.sub("", line).strip()
    m = URL.fullmatch(rest.rstrip("."))
    if not m:
        return None
    return MetaLine(Metadata(url=m.group(0)), ends_article=False)


def _date_line(line: str) -> MetaLine | None:
    if len(line.split()) > 10:
        return None
    date = find_date(line)
    if not date:
        return None
    leftover = _DATE_WORDS.sub(" ", DATE_PATTERN.sub(" ", line))
    leftover = re.sub(r"\b\d{1,2}[:.]\d{2}\b|\b\d+\s*(?:hours?|minutes?|days?)\s+ago\b", " ", leftover)
    if re.search(r"[A-Za-z]{3,}", leftover):
        return None
    return MetaLine(Metadata(date=date), ends_article=False)
