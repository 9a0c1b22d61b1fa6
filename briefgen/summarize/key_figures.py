"""Key figures: sentences that state real quantities (amounts, percentages, counts, measures, rates).

A brief's "Key figures" should say how much or how many, so a sentence qualifies only when it holds a
*quantity*, found by :func:`quantity_spans`:

- money: "£412m", "$10.9bn", "US$5", "€3 million", "5 dollars", "50p";
- percentages: "5%", "12 per cent", "3.5 percent", "2 percentage points";
- magnitudes: "1.13bn", "3 million people", "464,000" (a number with thousands separators counts on its own);
- measures: a number and a unit ("30 km", "10 miles", "5 tonnes", "400MW", "45-year-old", "10 years");
- rates: "2.5 per 1,000", "£5 an hour", "30 km/h";
- counts: a number followed by a noun-like word, with at most two more lower-case words of the same phrase
  ("28,000 troops", "60 nuclear bombs", "approximately 30 bilateral agreements", "thousands of people", "three
  million voters"). Spelled-out numbers count only as magnitudes or percentages ("a dozen", "hundreds of",
  "five per cent"): small ones ("two sides", "forty buses") are rarely what a story is about.

Numbers that only say *when* or *which* are not quantities, since a line such as "Remarks by ... 16 June 2017,
Theatre, City" says nothing about amounts: years ("2017", "1950-53", "the 1960s", "a 2016 visit"), dates
("16 June", "August 12", "4 and 28 July", "16/06/2017"), times ("10:30", "3pm"), ordinals ("the 4th"), and
numbers that name something ("Article 5", "Boeing 747 jets", "Brigade 2506", "Covid-19"), phone numbers and
anything inside a URL or an e-mail address.

:func:`figure_strength` is 0 for a sentence without a quantity, and also for a reference or attribution line
that is not a sentence (no verb-like word and mostly capitalised words: a title, a date and a place); otherwise
it grows with how telling the strongest quantity is (money, percentages and rates 1; magnitudes and counts in
the thousands 0.9; measures 0.8; smaller counts 0.5-0.7; durations 0.4), plus a little for each further
quantity. Key figures are ranked by relevance (from the summarisation algorithm) weighted by that strength.
Everything here is a handful of regular expressions per sentence, cheap enough to run on every sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefgen.nlp import stop_words

_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
"""A number: digits, optionally with thousands separators and decimals."""
_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_BIG_WORDS = r"(?:hundred|thousand|million|billion|trillion)"
_TENS_AND_TEENS = (
    r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    rf"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s]{_ONES}(?![\w-]))?)"
)
_NUMBER_WORDS = (
    r"(?:(?:tens|hundreds)\s+of\s+)?(?:dozens|hundreds|thousands|millions|billions)\s+of"
    rf"|(?:a|half\s+a|{_ONES}|{_TENS_AND_TEENS})\s+(?:dozen|{_BIG_WORDS})(?:\s+of)?"
    rf"|(?:{_ONES}|{_TENS_AND_TEENS})(?=\s+(?:per\s?cent|percent)\b)"
)
"""Spelled-out quantities: magnitudes ("thousands of", "three million", "a dozen") and percentages ("five per
cent"). Small spelled-out counts ("four missiles", "forty buses") are left out: newsrooms spell out small
numbers, which are seldom a story's key figures."""
_START = re.compile(
    r"(?P<cur>(?:US|USD|AU|A|C|CA|HK|NZ|S|R)?[$£€¥₹₩₽]\s?|(?:USD|EUR|GBP|JPY|CNY|RMB|CHF|INR|Rs\.?)\s)?"
    rf"(?P<num>{_NUM})(?:\s?[-–]\s?(?P<num2>{_NUM}))?"
)
"""Where a quantity given in digits may start: a number, with a currency before it, or a range."""
_WORDS_START = re.compile(rf"\b(?P<words>{_NUMBER_WORDS})\b", re.IGNORECASE)
"""Where a spelled-out quantity may start."""
_WORDS_HINTS = ("dozen", "hundred", "thousand", "million", "billion", "trillion", "cent")
"""Every spelled-out quantity holds one of these: a cheap test before :data:`_WORDS_START`."""
_DIGIT = re.compile(r"\d")
_MAGNITUDE = re.compile(
    r"(?:\s?(?:billion|million|trillion|thousand|crore|lakh|bn|mn|tn|trn)|(?:m|b|k))(?![^\W\d_])", re.IGNORECASE
)
_UNITS = (
    r"km|kms|kilometres?|kilometers?|miles?|mi|metres?|meters?|m|cm|mm|ft|feet|foot|inch|inches|yards?"
    r"|hectares?|ha|acres?|sq\s?km|sq\s?m|square\s+(?:kilometres?|kilometers?|miles?|metres?|meters?|feet)"
    r"|cubic\s+(?:metres?|meters?|feet)|kg|kgs|kilos?|kilograms?|grams?|g|mg|tonnes?|tons?|lbs?|ounces?|oz"
    r"|litres?|liters?|ml|gallons?|barrels?|bpd|mw|gw|kw|kwh|mwh|gwh|twh|watts?|volts?|megawatts?|gigawatts?"
    r"|mph|kph|km/h|knots?|°\s?[cf]|degrees?|celsius|fahrenheit|megatons?|kilotons?|kt|mt|calories|kcal"
    r"|gb|mb|tb|mbps|gbps|ghz|mhz|hz|db|decibels?|carats?|pixels?"
)
_TIME_UNITS = r"seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|decades?|centuries"
_CURRENCY_WORDS = (
    r"(?:US\s|Hong\sKong\s|Australian\s|Canadian\s)?(?:dollars|pounds(?:\ssterling)?|euros|yen|yuan|renminbi|rupees"
    r"|roubles|rubles|francs|pesos|dinars|riyals|dirhams|lira|shekels|naira|rand|cents|pence|p)"
    r"|(?-i:USD|EUR|GBP|JPY|CNY|RMB|CHF|INR)"
)
_SUFFIX = re.compile(
    r"(?P<time>\s?(?:[ap]\.?m\b\.?|o['’]clock\b|(?-i:GMT|BST|UTC|CET|EST|EDT|PST|PDT|ET)\b))"
    r"|(?P<percent>\s?(?:%|per\s?cent\b|percent\b|pc\b|percentage\s+points?\b|basis\s+points?\b|bps\b))"
    rf"|(?P<money>\s?(?:{_CURRENCY_WORDS})(?![^\W\d_]))"
    rf"|(?P<measure>[\s-]?(?:{_UNITS})(?![^\W\d_]))"
    rf"|(?P<duration>[\s-]?(?:{_TIME_UNITS})(?![^\W\d_])(?:[\s-]old\b)?)",
    re.IGNORECASE,
)
"""What a number is a number of, right after it (and its magnitude)."""
_RATE = re.compile(
    r"\s?/\s?(?:h|hr|hour|day|yr|year|s|sec|min|km|kg|l|capita)\b"
    r"|\s(?:per|an?|each|every)\s(?:hour|day|night|week|month|year|annum|head|person|capita|household|minute"
    r"|second|km|kilometre|kilometer|mile|litre|liter|kg|tonne|ton|barrel|share|pupil|patient|resident"
    r"|inhabitant|unit|visit|trip|vehicle)s?\b"
    rf"|\sper\s(?P<per_number>{_NUM})(?:\s?(?:billion|million|thousand|bn|m|k)\b)?",
    re.IGNORECASE,
)
"""A rate after a quantity: "an hour", "per 1,000 people", "/h"."""

_MONTHS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november"}
    | {"december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
)
_NOT_COUNTED = _MONTHS | frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "am", "pm", "st", "nd", "rd", "th"]
)
"""Words after a number that make it a date or time, not a count."""
_ID_WORDS = frozenset(
    {"no", "nos", "number", "numbers", "section", "sections", "article", "articles", "chapter", "clause"}
    | {"clauses", "page", "pages", "pp", "p", "para", "paragraph", "room", "flight", "route", "platform", "gate"}
    | {"terminal", "line", "version", "v", "rule", "resolution", "act", "item", "figure", "fig", "table"}
    | {"appendix", "annex", "exhibit", "schedule", "part", "level", "grade", "phase", "stage", "step", "unit"}
    | {"bus", "apartment", "suite", "floor", "box", "lot", "code", "ref", "reference", "id", "tel", "phone", "fax"}
    | {"ext", "vol", "volume", "issue", "episode", "season", "series", "round", "class", "category", "type"}
    | {"model", "division", "district", "ward", "zone", "amendment", "highway", "interstate", "road", "street"}
    | {"avenue", "block", "serial", "account", "aged", "age"}
)
"""Words before a number that make it a name or an id ("Article 5", "flight 370"), or an age on its own."""
_STARTERS = ".:;!?\"“”‘’'([{–—-•"
"""Characters after which a capitalised word may be capitalised only for starting a sentence or quote."""
_URL = re.compile(r"(?:https?://|ftp://|mailto:|www\.)\S+", re.IGNORECASE)
_EMAIL = re.compile(r"[^\s@]+@\S+")
_PHONE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,5}){2,}")
"""Digit groups that may be a phone number (one when they hold at least eight digits)."""
_NEXT_WORD = re.compile(r"[ \t\u00a0]{0,2}([^\W\d_]+(?:['’-][^\W\d_]+)*)")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_VERBS = frozenset(
    {"is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did", "will"}
    | {"would", "can", "could", "may", "might", "must", "shall", "should", "said", "says", "say", "told", "tells"}
    | {"rose", "fell", "grew", "made", "make", "makes", "took", "take", "takes", "gave", "give", "gives", "went"}
    | {"go", "goes", "came", "come", "comes", "saw", "see", "sees", "found", "find", "finds", "became", "become"}
    | {"becomes", "began", "begin", "begins", "won", "win", "wins", "lost", "lose", "loses", "paid", "pay", "pays"}
    | {"spent", "spend", "spends", "sold", "sell", "sells", "cut", "cuts", "hit", "hits", "put", "puts", "set"}
    | {"sets", "left", "leave", "leaves", "held", "hold", "holds", "kept", "keep", "keeps", "brought", "bring"}
    | {"brings", "bought", "buy", "buys", "built", "build", "builds", "ran", "run", "runs", "met", "meet", "meets"}
    | {"led", "lead", "leads", "got", "get", "gets", "rise", "rises", "fall", "falls", "grow", "grows", "think"}
    | {"thought", "know", "knew", "known", "seem", "seems", "show", "shows", "shown", "want", "wants", "need"}
    | {"needs", "mean", "means", "meant"}
)
_PLURALS = frozenset(
    ["people", "children", "men", "women", "police", "staff", "personnel", "cattle", "sheep", "fish", "aircraft"]
)
_STRENGTH = {
    "money": 1.0,
    "percent": 1.0,
    "rate": 1.0,
    "magnitude": 0.9,
    "measure": 0.8,
    "count": 0.7,
    "small": 0.5,
    "duration": 0.4,
}


@dataclass(frozen=True, slots=True)
class _Quantity:
    start: int
    end: int
    kind: str


def quantity_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Character spans ``(start, end)`` of the quantities in *text*, in order (see the module's rules)."""
    return tuple((q.start, q.end) for q in _quantities(text))


def figure_strength(text: str) -> float:
    """How much *text* is about quantities: 0 without one (or for a reference line), else in (0, 1]."""
    found = _quantities(text)
    if not found or _is_reference(text):
        return 0.0
    best = max(_STRENGTH[q.kind] for q in found)
    return min(1.0, best + 0.05 * (len(found) - 1))


def _quantities(text: str) -> list[_Quantity]:
    matches = list(_START.finditer(text)) if _DIGIT.search(text) else []
    low = text.lower()
    if any(hint in low for hint in _WORDS_HINTS):
        matches = sorted((*matches, *_WORDS_START.finditer(text)), key=lambda m: m.start())
    if not matches:
        return []
    protected = _protected(text)
    found: list[_Quantity] = []
    pos = 0
    for match in matches:
        start = match.start()
        if start < pos or any(a <= start < b for a, b in protected):
            continue
        quantity = _word_count(text, match) if match.re is _WORDS_START else _quantity_at(text, match)
        if quantity is not None:
            found.append(quantity)
            pos = quantity.end
    return found


def _protected(text: str) -> list[tuple[int, int]]:
    """Spans of URLs, e-mail addresses and phone numbers: no quantity is looked for inside them."""
    spans = [m.span() for m in _PHONE.finditer(text) if sum(c.isdigit() for c in m.group(0)) >= 8]
    if "://" in text or "www." in text.lower() or "mailto:" in text.lower():
        spans += [m.span() for m in _URL.finditer(text)]
    if "@" in text:
        spans += [m.span() for m in _EMAIL.finditer(text)]
    return spans


def _quantity_at(text: str, match: re.Match[str]) -> _Quantity | None:
    start, end = match.span()
    before = text[start - 1] if start else " "
    if before.isalnum() or before in "_./:#@-–+=&?\\$£€¥":
        return None  # inside a word, an id, a time, a path or a number ("G20", "Covid-19", "10:30")
    number = match.group("num")
    currency = match.group("cur") is not None
    if match.group("num2") is not None and (_year_like(number) or _year_like(match.group("num2"))):
        return None  # "1950-53", "2016-2017"
    magnitude = _MAGNITUDE.match(text, end)
    if magnitude is not None:
        end = magnitude.end()
    kind = "money" if currency else ("magnitude" if magnitude is not None else None)
    suffix = _SUFFIX.match(text, end)
    group = suffix.lastgroup if suffix is not None else None
    if group == "time":
        return None
    if suffix is not None and (group in ("money", "percent") or kind is None):
        kind, end = group, suffix.end()
    elif kind is None and not _ends_cleanly(text, end):
        return None  # "4th", "1960s", "10:30", "16/06/2017"
    if kind is None and _year_like(number):
        return None  # "in 2017", "a 2016 visit"
    if kind not in ("money", "percent") and _names_something(text, start, number, capital=kind is None):
        return None  # "Article 5", "June 16", "Boeing 747"
    rate = _RATE.match(text, end)
    if rate is not None:
        rate_end = rate.end()
        if rate.group("per_number") is not None:
            rate_end = _noun_run(text, rate_end) or rate_end
        return _Quantity(start, rate_end, "rate")
    if kind is not None and kind != "magnitude":
        return _Quantity(start, end, kind)
    noun_end = _noun_run(text, end)
    if kind == "magnitude" or "," in number or _value(number) >= 1000:
        return _Quantity(start, noun_end or end, "magnitude")
    if noun_end is None:
        return None  # a bare number: "4 and 28 July", "chapter 3", "the score was 3"
    return _Quantity(start, noun_end, "count" if _value(number) >= 10 else "small")


def _word_count(text: str, match: re.Match[str]) -> _Quantity | None:
    start, end = match.span()
    if start and (text[start - 1].isalnum() or text[start - 1] in "-–"):
        return None
    words = match.group("words").lower()
    if _names_something(text, start, words, capital=True):
        return None
    suffix = _SUFFIX.match(text, end)
    if suffix is not None and suffix.lastgroup != "time":
        return _Quantity(start, suffix.end(), suffix.lastgroup or "count")  # "five per cent", "ten miles"
    noun_end = _noun_run(text, end)
    if noun_end is None:
        return None
    big = any(w in words for w in ("thousand", "million", "billion", "trillion"))
    return _Quantity(start, noun_end, "magnitude" if big else "small")


def _year_like(number: str) -> bool:
    return len(number) == 4 and number.isdigit() and 1100 <= int(number) <= 2099


def _value(number: str) -> float:
    return float(number.replace(",", ""))


def _ends_cleanly(text: str, end: int) -> bool:
    """The number is not glued to letters ("4th", "1960s") or further digits ("10:30", "16/06", "3.2.1")."""
    if end >= len(text):
        return True
    ch = text[end]
    if ch.isalnum() or ch == "_":
        return False
    if ch in ":/.,-–" and end + 1 < len(text):
        nxt = text[end + 1]
        if nxt.isdigit():
            return False
        if ch == "-" and nxt.isalpha():
            return True  # "10-point plan": the hyphenated word is the noun
    return True


def _names_something(text: str, start: int, number: str, *, capital: bool) -> bool:
    """The word before the number makes it an id, an age on its own or a date ("Article 5", "aged 45",
    "June 16"), or, with *capital*, a name ("Boeing 747", "Brigade 2506"; not "About 300" starting a sentence)."""
    head = text[:start].rstrip()
    abbreviated = head.endswith(".")
    if abbreviated:
        head = head[:-1]
    words = _WORD.findall(head[-40:])
    if not words or not head.endswith(words[-1]):
        return False
    word = words[-1]
    low = word.lower()
    if low in _ID_WORDS:
        return True
    if abbreviated:
        return False  # the word ends the sentence before
    if low in _MONTHS:
        return _year_like(number) or (number.isdigit() and len(number) <= 2)
    if not capital or not word[:1].isupper() or word.endswith(("'s", "’s")) or "," in number:
        return False
    rest = head[: len(head) - len(word)].rstrip()
    return bool(rest) and rest[-1] not in _STARTERS


def _noun_run(text: str, end: int) -> int | None:
    """End of the noun phrase right after a number ("troops", "nuclear bombs"), or None when there is none.

    Up to three lower-case words that are neither stop words nor month, weekday or time words, ending at the
    first plural-looking word ("60 nuclear bombs", "3 million people live" -> "3 million people"); a trailing
    word ending in "-ing" or "-ed" after the first is left out ("a 10-point plan proposed" -> "10-point plan").
    """
    stops = stop_words()
    ends: list[tuple[int, str]] = []
    pos = end
    if text.startswith("-", pos):
        pos += 1  # "10-point plan": the hyphenated word is the noun
        match = _NEXT_WORD.match(text, pos)
        if match is None or match.start(1) != pos:
            return None
    while len(ends) < 3:
        match = _NEXT_WORD.match(text, pos)
        if match is None:
            break
        word = match.group(1)
        low = word.lower().replace("’", "'")
        if not word[0].islower() or low in stops or low in _NOT_COUNTED or low.endswith("ly"):
            break
        ends.append((match.end(1), low))
        pos = match.end(1)
        if low in _PLURALS or (low.endswith("s") and not low.endswith(("ss", "us", "is"))):
            break
    while len(ends) > 1 and ends[-1][1].endswith(("ing", "ed")):
        ends.pop()
    return ends[-1][0] if ends else None


def _is_reference(text: str) -> bool:
    """A title, credit or source line rather than a sentence: no verb-like word, mostly capitalised words and at
    most one lower-case word that is not a stop word ("Remarks by the President on Policy 16 June 2017, Theatre,
    City, Country.")."""
    words = _WORD.findall(text)
    if not words:
        return True
    stops = stop_words()
    lower_content = 0
    for word in words:
        if not word[0].islower():
            continue
        low = word.lower()
        if low in _VERBS or (len(low) > 4 and low.endswith("ed")):
            return False
        lower_content += low not in stops
    capitalised = len(words) - sum(1 for w in words if w[0].islower())
    return capitalised * 2 >= len(words) and lower_content <= 1
