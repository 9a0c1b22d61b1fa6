"""Where sources differ: candidates for the ``differences`` part (see :func:`difference_units`).

Two sentences disagree when they come from different sources, their words are near-identical once the numbers
and dates are taken out, and the numbers or dates they state are really different:

- a sentence's *facts* are its dates (read as the timeline reads them, :mod:`briefgen.compose.timeline`, relative
  ones resolved against the article's date; a year such as "2016" counts as a date) and its numbers, normalised:
  "1.5m" = "1,500,000" = "1.5 million", "£3bn" = "£3 billion", "twelve" = "12", "a dozen" = "12", "5%" = "5 per
  cent". Its *frame* is its words without them;
- the frames must be near-duplicates as :mod:`briefgen.summarize.duplicates` defines them (Jaccard >= 0.8 on word
  sets, no differing negation), which also finds the candidate pairs in near-linear time (prefix filtering);
- the facts must pair off in order, kind for kind (a percentage with a percentage, a date with a date), and
  differ in numbers only or in dates only. Two sentences that differ in both ("5% in March" / "6% in April")
  probably tell of two periods, and one with a fact the other lacks tells more rather than otherwise: neither is
  a disagreement. Numbers are equal only when their values are (a rounded "28,000" differs from "28,412"); dates
  are compared at the precision both give ("July 2017" agrees with "4 July 2017"); the same date words always
  agree (a republished "last year" is not a new claim), and a relative date that cannot be resolved is never
  called different. Currencies and units are not compared ("£3bn" / "$3bn" is not flagged).

A disagreement shows one sentence per distinct account, each the source's own sentence citing every other
article (of another source) that says the same; each source is counted once, for its best-ranked sentence of
the group. Disagreements are ranked by the summariser's score of their sentences (sentences it did not rank count
as 0), then by how many sources they involve, then reading order.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from briefgen.compose.timeline import DateMention, article_day, date_mentions
from briefgen.compose.units import Unit
from briefgen.corpus import Corpus, SentenceRef
from briefgen.model import Citation
from briefgen.summarize.api import Summary, SummarySentence
from briefgen.summarize.duplicates import NEAR_DUPLICATE, duplicate_groups, jaccard, word_set
from briefgen.summarize.standalone import leans_on_previous, stands_alone

MAX_CANDIDATES = 100
MAX_WORDS = 80
MIN_FRAME_WORDS = 5
"""Fewer words besides the facts say too little to tie two sentences to the same thing."""
MAX_ACCOUNTS = 6
"""Most distinct accounts compared in one group of near-identical sentences (keeps the work linear)."""

_CURRENCY = r"(?:US\$|\$US|A\$|C\$|HK\$|[$£€¥₹])"
_PERCENT = r"(?P<pct>\s?(?:%|per\s?cent\b|percent\b))?"
_DIGITS = re.compile(
    rf"(?<![\w.,/:])(?:{_CURRENCY}\s?)?(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)(?!\d|[.,:/]\d)"
    rf"(?:\s?(?P<mag>thousand|million|billion|trillion|bn|mn|tn|m|k)\b)?{_PERCENT}",
    re.IGNORECASE,
)
_ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_SMALL = {w: n for n, w in enumerate(("zero", *_ONES, *_TEENS))}
_TENS = {w: 10 * (n + 2) for n, w in enumerate(("twenty", "thirty", "forty", "fifty", "sixty", "seventy"))}
_TENS.update({"eighty": 80, "ninety": 90})
_SCALES = {"dozen": 12, "hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_MAGNITUDES = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "tn": 1e12} | _SCALES


def _either(words: Iterable[str]) -> str:
    """A regular-expression alternation of *words*, longest first ("seventeen" before "seven")."""
    return "|".join(sorted(words, key=len, reverse=True))


_SCALE = _either(_SCALES)
_SPELLED = re.compile(
    rf"\b(?:(?P<tens>{_either(_TENS)})(?:[\s-](?P<ones>{_either(_ONES)}))?|(?P<small>{_either(_SMALL)})"
    rf"|an?(?=\s+(?:{_SCALE})\b))\b(?P<scales>(?:\s+(?:{_SCALE})\b)*){_PERCENT}",
    re.IGNORECASE,
)
_SAME, _DIFFERENT, _UNKNOWN = 0, 1, 2


@dataclass(frozen=True, slots=True)
class Fact:
    """A number (``kind`` "number" or "percent", ``value``) or a date (``kind`` "date", ``date``) in a sentence."""

    kind: str
    start: int
    end: int
    value: float = 0.0
    date: DateMention | None = None


def facts(text: str, anchor: tuple[int, int, int] | None = None) -> list[Fact]:
    """The dates and numbers of *text* in order (*anchor*: the article's date, for relative dates)."""
    found = [Fact("date", m.start, m.end, date=m) for m in date_mentions(text, anchor)]
    taken = [(f.start, f.end) for f in found]

    def free(start: int, end: int) -> bool:
        return not any(a < end and start < b for a, b in taken)

    for match in _DIGITS.finditer(text):
        if not free(*match.span()):
            continue
        number, mag, pct = match.group("num"), match.group("mag"), match.group("pct")
        value = float(number.replace(",", "")) * (_MAGNITUDES[mag.lower()] if mag else 1)
        if not (mag or pct or "," in number or "." in number) and 1000 <= value <= 2099 and len(number) == 4:
            year = DateMention(match.start(), match.end(), (int(value), 0, 0), True, number)
            found.append(Fact("date", match.start(), match.end(), date=year))  # "the 2016 visit"
        else:
            found.append(Fact("percent" if pct else "number", match.start(), match.end(), value))
        taken.append(match.span())
    for match in _SPELLED.finditer(text):
        if not free(*match.span()):
            continue
        g = match.groupdict()
        if g["tens"]:
            value = float(_TENS[g["tens"].lower()] + (_ONES.index(g["ones"].lower()) + 1 if g["ones"] else 0))
        else:
            value = float(_SMALL[g["small"].lower()]) if g["small"] else 1.0
        for scale in g["scales"].split():
            value *= _SCALES[scale.lower()]
        found.append(Fact("percent" if g["pct"] else "number", match.start(), match.end(), value))
        taken.append(match.span())
    return sorted(found, key=lambda f: f.start)


def frame(text: str, found: Sequence[Fact]) -> str:
    """*text* with its facts blanked out: the words that say what the facts are about."""
    pieces: list[str] = []
    pos = 0
    for fact in found:
        pieces.append(text[pos : fact.start])
        pos = max(pos, fact.end)
    pieces.append(text[pos:])
    return " ".join(pieces)


def compare(a: Sequence[Fact], b: Sequence[Fact]) -> int | None:
    """``0`` when two sentences' facts agree, ``1`` when they disagree (see the module doc), ``None`` when they
    cannot be compared."""
    if len(a) == len(b) and _matched(a, b):
        return _SAME
    if len(a) != len(b):
        return None
    differing: set[str] = set()
    for x, y in zip(a, b, strict=True):
        if x.kind != y.kind:
            return None
        outcome = _fact_compare(x, y)
        if outcome == _UNKNOWN:
            return None
        if outcome == _DIFFERENT:
            differing.add(x.kind)
    if not differing:
        return _SAME
    return _DIFFERENT if differing == {"date"} or "date" not in differing else None


def difference_units(corpus: Corpus, summary: Summary, section_ids: Sequence[str]) -> list[Unit]:
    """Disagreements, most important first; each the sources' own sentences, one per source."""
    if len({corpus.section_context(section_id)[0].id for section_id in section_ids}) < 2:
        return []  # sources can only differ from each other: one source has nothing to compare
    score = {c.sentence: s.score for s in summary.sentences for c in s.citations}
    refs: list[SentenceRef] = []
    found: list[list[Fact]] = []
    frames: list[str] = []
    read: dict[tuple[str, tuple[int, int, int] | None], tuple[list[Fact], str] | None] = {}
    for section_id in section_ids:
        _, article, section = corpus.section_context(section_id)
        anchor = article_day(article.metadata.date)
        for sentence in section.sentences:
            key = (sentence.text, anchor)
            if key not in read:  # a sentence repeated in the selection is read once
                read[key] = _candidate(sentence.text, anchor)
            candidate = read[key]
            if candidate is None:
                continue
            refs.append(corpus.sentence(sentence.id))
            found.append(candidate[0])
            frames.append(candidate[1])
    groups: dict[int, list[int]] = {}
    for i, root in enumerate(duplicate_groups(frames)):
        groups.setdefault(root, []).append(i)
    ranked: list[tuple[tuple[float, int, int], Unit]] = []
    for members in groups.values():
        if len({refs[i].source.id for i in members}) < 2:
            continue
        members.sort(key=lambda i: (-score.get(refs[i].sentence.id, 0.0), refs[i].position))
        accounts = _accounts(members, refs, found, frames)
        if len(accounts) < 2:
            continue
        sentences = []
        for account in accounts:
            own = refs[account[0]]
            citations: list[Citation] = [own.citation()]
            articles = {own.article.id}
            for i in account[1:]:
                if refs[i].article.id not in articles:
                    articles.add(refs[i].article.id)
                    citations.append(refs[i].citation())
            best = max(score.get(refs[i].sentence.id, 0.0) for i in account)
            sentences.append(SummarySentence(own.sentence.id, own.sentence.text, tuple(citations), score=best))
        top = max(s.score for s in sentences)
        sources = sum(len(a) for a in accounts)
        ranked.append(((-top, -sources, min(refs[a[0]].position for a in accounts)), Unit(tuple(sentences))))
    ranked.sort(key=lambda item: item[0])
    return [unit for _, unit in ranked[:MAX_CANDIDATES]]


def _candidate(text: str, anchor: tuple[int, int, int] | None) -> tuple[list[Fact], str] | None:
    """A sentence's facts and frame, or None when it cannot take part in a disagreement."""
    if not stands_alone(text) or leans_on_previous(text) or len(text.split()) > MAX_WORDS:
        return None
    these = facts(text, anchor)
    if not these:
        return None
    words = frame(text, these)
    if len(word_set(words)) < MIN_FRAME_WORDS:
        return None
    return these, words


def _accounts(
    members: Sequence[int], refs: Sequence[SentenceRef], found: Sequence[list[Fact]], frames: Sequence[str]
) -> list[list[int]]:
    """The distinct accounts of one group: lists of member indices (the first is the account's own sentence)
    that agree with each other, each disagreeing with the first account; each source counted once."""
    accounts: list[list[int]] = []
    sources: set[str] = set()
    sets = {i: word_set(frames[i]) for i in members}
    for i in members:
        source = refs[i].source.id
        if source in sources:
            continue
        if not accounts:
            accounts.append([i])
            sources.add(source)
            continue
        if jaccard(sets[i], sets[accounts[0][0]]) < NEAR_DUPLICATE:
            continue  # tied to the group only through others
        outcomes = [compare(found[account[0]], found[i]) for account in accounts]
        same = next((n for n, outcome in enumerate(outcomes) if outcome == _SAME), None)
        if same is not None:
            accounts[same].append(i)
            sources.add(source)
        elif outcomes[0] == _DIFFERENT and len(accounts) < MAX_ACCOUNTS:
            accounts.append([i])
            sources.add(source)
    return accounts


def _matched(a: Sequence[Fact], b: Sequence[Fact]) -> bool:
    """Whether every fact of *a* agrees with its own fact of *b* (in any order)."""
    left = list(b)
    for x in a:
        hit = next((y for y in left if y.kind == x.kind and _fact_compare(x, y) == _SAME), None)
        if hit is None:
            return False
        left.remove(hit)
    return True


def _fact_compare(x: Fact, y: Fact) -> int:
    if x.date is None or y.date is None:
        return _SAME if math.isclose(x.value, y.value, rel_tol=1e-9) else _DIFFERENT
    if _words(x.date.text) == _words(y.date.text):
        return _SAME
    compared = [(p, q) for p, q in zip(x.date.when, y.date.when, strict=True) if p and q]
    if not compared:
        return _UNKNOWN
    return _SAME if all(p == q for p, q in compared) else _DIFFERENT


def _words(text: str) -> str:
    return " ".join(text.casefold().split())
