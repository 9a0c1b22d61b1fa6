"""Timeline candidates: dated events of the selected sources (see :func:`timeline_units`).

A sentence is a dated event when it names a date that can be placed on the calendar. What is accepted:

- absolute dates: ``2017-08-12``, "16 June 2017", "16th of June, 2017", "June 16, 2017", "Sept. 5 2017" (day);
  "June 2017", "in June 2017" (month); a year after a preposition, "in 2014", "since 2006", "by early 2030"
  (year). A year on its own ("the 2015 decision", "1950-53", "the 1960s") is not a date here;
- a day and month without a year ("16 June", "June 16", "4 and 28 July": the first day of a list) and a month
  on its own after a preposition ("in July", "since March", "by mid-August"), given the year from the article's
  date: the most recent such day or month not after the article's date, or, when the clause before the date
  speaks of the future ("will", "is due to", "next", ...), the first one not before it;
- relative dates, resolved against the article's date with :mod:`dateutil.relativedelta`: a weekday after
  "on", "last", "next", "this", "said", ... ("on Thursday": the Thursday on or before the article's date, or on
  or after it for the future; "last Thursday" strictly before, "next Thursday" strictly after), "yesterday",
  "tomorrow", "last/this/next month" and "... year" (also "earlier this year", "later this month"; not "in the
  last year", which is a span of time), and "three days/months/years ago".

Relative dates and dates without a year are placed only when the article has a date precise enough (a weekday
needs the day, "last month" the month); otherwise the sentence is left out rather than guessed. "Today", "last
week", "recently" and decades are never placed. Absolute dates are found with a few regular expressions and read
with :func:`dateutil.parser.parse`. One event per sentence: its most specific date (a day before a month before
a year), the first among equals. A republished copy's sentences are the original's (``Summary.copies``): the
original is used, dated by the copy's article when it has no date of its own.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from dateutil import parser as date_parser
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

from briefgen.citations import MONTHS
from briefgen.compose.units import Unit
from briefgen.corpus import Corpus
from briefgen.model import Citation
from briefgen.nlp import stop_words
from briefgen.summarize.api import Summary, SummarySentence
from briefgen.summarize.duplicates import duplicate_groups
from briefgen.summarize.standalone import leans_on_previous, stands_alone

MAX_CANDIDATES = 200
MAX_WORDS = 80
Day = tuple[int, int, int]
"""``(year, month, day)``, 0 for a part that is not given (or not known)."""

_WEEKDAYS = {
    "monday": MO,
    "tuesday": TU,
    "wednesday": WE,
    "thursday": TH,
    "friday": FR,
    "saturday": SA,
    "sunday": SU,
}
_FULL = "|".join(MONTHS)
_MONTH = rf"(?:{_FULL}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1\d{3}|20\d\d)"
_LIST = r"(?:\s*(?:,|and|&|or|to|-|–)\s*" + _DAY + r"(?![\d\w]))*"
_PREP = r"(?i:in|during|since|until|till|by|from|through|throughout|before|after|between)"
_PART_OF = r"(?:(?i:early|late|mid)[\s-]*)?"
_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_DATES = re.compile(
    r"(?P<iso>\b\d{4}-\d{2}-\d{2}\b)"
    rf"|(?<![\w.,$£€])(?P<d1>{_DAY}){_LIST}\s+(?:of\s+)?(?P<m1>{_MONTH})(?!\w)(?:,?\s+(?P<y1>{_YEAR})(?!\d))?"
    rf"|\b(?P<m2>{_MONTH})\s+(?P<d2>{_DAY})(?![\d\w]){_LIST}(?:,?\s+(?P<y2>{_YEAR})(?!\d))?"
    rf"|\b(?P<m3>{_MONTH}),?\s+(?P<y3>{_YEAR})(?!\d)"
    rf"|(?:\b{_PREP}\s+{_PART_OF}|(?i:\bmid-))(?P<m4>{_FULL})\b(?!\s*,?\s*\d)"
    rf"|\b{_PREP}\s+{_PART_OF}(?P<y4>{_YEAR})\b(?![-–/]\d|\s+(?!(?:was|has|is|as|its|this|his)\b)[a-z]+s\b)"
    r"|\b(?P<wpre>(?i:on|last|next|this|since|until|till|by|from|said|says|late|early))\s+"
    r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|\b(?P<rel>(?i:yesterday|tomorrow))\b"
    r"|(?<![Tt]he )\b(?P<which>(?i:(?:(?:early|earlier|late|later)\s+)?(?:last|this|next)))\s+"
    r"(?P<unit>(?i:month|year))\b"
    r"|\b(?P<n>(?i:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)|\d{1,2})\s+"
    r"(?P<ago>(?i:days?|months?|years?))\s+(?i:ago)\b"
)
_MAYBE_DATE = re.compile(r"\d|(?i:yesterday|tomorrow|day|month|year)|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
"""Something every match of ``_DATES`` contains: a cheap test that spares most sentences the full pattern."""
_FUTURE = re.compile(
    r"\b(?:will|shall|won't|won’t|\w+'ll|\w+’ll|due|scheduled|expected to|set to|planned|plans? to|going to|next"
    r"|upcoming|intends? to|aims? to)\b",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"[,;:(“”\"—–]")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date named in a sentence: ``text[start:end]``."""

    start: int
    end: int
    when: Day
    """The date, 0 for parts not named (a month's day) or not known (the year of "16 June" in an undated
    article; all of an unresolved "on Thursday")."""
    placed: bool
    """Whether the year is known: written, or resolved against the article's date."""
    text: str

    @property
    def precision(self) -> int:
        """3 for a day, 2 for a month, 1 for a year (placed mentions)."""
        _, month, day = self.when
        return 1 + (month > 0) + (day > 0) if self.placed else 0


def article_day(iso: str | None) -> Day | None:
    """An article's ``metadata.date`` (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``) as a :data:`Day`, or None."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", (iso or "").strip())
    if match is None:
        return None
    year, month, day = (int(g) if g else 0 for g in match.groups())
    if not _valid((year, month, day)):
        return None
    return year, month, day


def date_label(when: Day) -> str:
    """A date as a timeline shows it: "16 June 2017", "July 2017" or "2014"."""
    year, month, day = when
    if month and day:
        return f"{day} {MONTHS[month - 1]} {year}"
    if month:
        return f"{MONTHS[month - 1]} {year}"
    return str(year)


def date_mentions(text: str, anchor: Day | None) -> list[DateMention]:
    """The dates named in *text*, in order, placed where they can be (*anchor*: the article's date)."""
    out: list[DateMention] = []
    if not _MAYBE_DATE.search(text):
        return out
    for match in _DATES.finditer(text):
        when, placed = _resolve(match, text, anchor)
        if placed and not _valid(when):
            continue
        out.append(DateMention(match.start(), match.end(), when, placed, match.group(0)))
    return out


def event_date(text: str, anchor: Day | None) -> DateMention | None:
    """The date of the event a sentence tells: its most specific placed date, the first among equals."""
    best: DateMention | None = None
    for mention in date_mentions(text, anchor):
        if mention.placed and (best is None or mention.precision > best.precision):
            best = mention
    return best


def timeline_units(corpus: Corpus, summary: Summary, section_ids: Sequence[str]) -> list[Unit]:
    """Dated events, most relevant first; each a single sentence labelled with its date, ``order`` the date.

    Relevance is the summariser's score (sentences it did not rank count as 0), then how many of the summary's
    key phrases the sentence mentions, then how precise its date is, then reading order."""
    scored = {s.id: s for s in summary.sentences}
    score = {c.sentence: s.score for s in summary.sentences for c in s.citations}
    phrases = [p.casefold() for p in summary.keyphrases]
    anchors = _anchors(corpus, summary, section_ids)
    places = _other_places(corpus, section_ids)
    found: list[tuple[tuple[float, int, int, int], Unit]] = []
    dated: dict[tuple[str, Day | None], DateMention | None] = {}  # a repeated sentence is read once
    for section_id in section_ids:
        if section_id in summary.copies:
            continue  # a republished copy: its events are the original's
        anchor = anchors.get(section_id)
        for sentence in corpus.section(section_id).sentences:
            text = sentence.text
            key = (text, anchor)
            if key not in dated:
                dated[key] = event_date(text, anchor) if _usable(text) else None
            when = dated[key]
            if when is None:
                continue
            ref = corpus.sentence(sentence.id)
            summary_sentence = scored.get(sentence.id) or SummarySentence(
                sentence.id, text, (ref.citation(), *places.get(sentence.id, ())), score=score.get(sentence.id, 0.0)
            )
            hits = sum(p in text.casefold() for p in phrases)
            rank = (-summary_sentence.score, -hits, -when.precision, ref.position)
            found.append((rank, Unit((summary_sentence,), (date_label(when.when),), when.when)))
    found.sort(key=lambda item: item[0])
    return [unit for _, unit in found[:MAX_CANDIDATES]]


def _resolve(match: re.Match[str], text: str, anchor: Day | None) -> tuple[Day, bool]:
    """The date a match names and whether it is placed (see the module doc)."""
    g = match.groupdict()
    if g["iso"]:
        return _parsed(g["iso"], day=True), True
    for day_key, month_key, year_key in (("d1", "m1", "y1"), ("d2", "m2", "y2")):
        if g[day_key]:
            month_day = _parsed(f"{g[day_key]} {g[month_key]}", day=True)
            if not month_day[1]:
                return (0, 0, 0), False  # no such day ("31 June")
            if g[year_key]:
                return (int(g[year_key]), month_day[1], month_day[2]), True
            return _in_year(month_day, anchor, _future(text, match.start()))
    if g["m3"]:
        month = _parsed(g["m3"], day=False)[1]
        return (int(g["y3"]), month, 0), month > 0
    if g["m4"]:
        return _in_year((0, MONTHS.index(g["m4"]) + 1, 0), anchor, _future(text, match.start()))
    if g["y4"]:
        return (int(g["y4"]), 0, 0), True
    if anchor is None:
        return (0, 0, 0), False
    year, month, day = anchor
    if g["wd"]:
        if not day:
            return (0, 0, 0), False
        weekday = _WEEKDAYS[g["wd"].lower()]
        start, prefix = dt.date(year, month, day), g["wpre"].lower()
        if prefix == "last":
            found = start + relativedelta(days=-1, weekday=weekday(-1))
        elif prefix == "next":
            found = start + relativedelta(days=+1, weekday=weekday(+1))
        elif prefix == "this" or _future(text, match.start()):
            found = start + relativedelta(weekday=weekday(+1))
        else:
            found = start + relativedelta(weekday=weekday(-1))
        return (found.year, found.month, found.day), True
    if g["rel"]:
        if not day:
            return (0, 0, 0), False
        found = dt.date(year, month, day) + relativedelta(days=-1 if g["rel"].lower() == "yesterday" else 1)
        return (found.year, found.month, found.day), True
    if g["unit"]:
        step = {"last": -1, "this": 0, "next": 1}[g["which"].split()[-1].lower()]
        return _shifted(anchor, g["unit"].lower(), step)
    count = int(g["n"]) if g["n"].isdigit() else _NUMBER_WORDS[g["n"].lower()]
    return _shifted(anchor, g["ago"].lower().rstrip("s"), -count)


def _shifted(anchor: Day, unit: str, step: int) -> tuple[Day, bool]:
    """*anchor* moved by *step* days, months or years, at that unit's precision (unplaced when the anchor is too
    coarse for it)."""
    year, month, day = anchor
    if unit == "year":
        return (year + step, 0, 0), True
    if unit == "month":
        if not month:
            return (0, 0, 0), False
        found = dt.date(year, month, 1) + relativedelta(months=step)
        return (found.year, found.month, 0), True
    if not day:
        return (0, 0, 0), False
    found = dt.date(year, month, day) + relativedelta(days=step)
    return (found.year, found.month, found.day), True


def _in_year(month_day: Day, anchor: Day | None, future: bool) -> tuple[Day, bool]:
    """A day or month without a year, given the year that puts it nearest before (*future*: after) *anchor*."""
    _, month, day = month_day
    if anchor is None or not anchor[1]:
        return (0, month, day), False
    year = anchor[0]
    if anchor[2] and day:
        named, at = (month, day), (anchor[1], anchor[2])
    else:
        named, at = (month, 0), (anchor[1], 0)
    if future:
        return (year if named >= at else year + 1, month, day), True
    return (year if named <= at else year - 1, month, day), True


def _parsed(raw: str, *, day: bool) -> Day:
    """A written date read by dateutil (month names, abbreviations, ordinals); 0 for the parts not asked for."""
    try:
        value = date_parser.parse(raw, default=dt.datetime(2000, 1, 1))
    except (ValueError, OverflowError):
        return 0, 0, 0
    return value.year, value.month, value.day if day else 0


def _future(text: str, start: int) -> bool:
    """Whether the clause before *start* speaks of the future."""
    before = text[max(0, start - 80) : start]
    cut = max((m.end() for m in _CLAUSE.finditer(before)), default=0)
    return bool(_FUTURE.search(before[cut:]))


def _valid(when: Day) -> bool:
    year, month, day = when
    if not 1000 <= year <= 2200:
        return False
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return False
    return not (day and not month)


def _usable(text: str) -> bool:
    """A sentence that can stand as a timeline entry: whole, not a question, not leaning on the one before it,
    and not a title or credit line (it has at least two lower-case words that are not stop words)."""
    if not stands_alone(text) or leans_on_previous(text) or len(text.split()) > MAX_WORDS:
        return False
    stops = stop_words()
    content = [w for w in _WORD.findall(text) if w[0].islower() and w.lower() not in stops]
    return len(content) >= 2


def _anchors(corpus: Corpus, summary: Summary, section_ids: Sequence[str]) -> dict[str, Day]:
    """Each selected section's article date; an undated original takes the date of a dated copy of it."""
    anchors: dict[str, Day] = {}
    for section_id in section_ids:
        day = article_day(corpus.section_context(section_id)[1].metadata.date)
        if day is not None:
            anchors[section_id] = day
    for copy, original in summary.copies.items():
        if original not in anchors and copy in anchors:
            anchors[original] = anchors[copy]
    return anchors


def _other_places(corpus: Corpus, section_ids: Sequence[str]) -> Mapping[str, tuple[Citation, ...]]:
    """Sentence id -> one place in each other article where the same sentence (nearly) appears."""
    refs = [corpus.sentence(s.id) for section_id in section_ids for s in corpus.section(section_id).sentences]
    members: dict[int, list[int]] = {}
    for i, root in enumerate(duplicate_groups([r.sentence.text for r in refs])):
        members.setdefault(root, []).append(i)
    out: dict[str, tuple[Citation, ...]] = {}
    for group in members.values():
        first: dict[str, Citation] = {}
        for i in group:
            first.setdefault(refs[i].article.id, refs[i].citation())
        if len(first) < 2:
            continue
        for i in group:
            own = refs[i].article.id
            out[refs[i].sentence.id] = tuple(c for article, c in first.items() if article != own)
    return out
