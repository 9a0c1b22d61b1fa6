"""Sentence splitting: NLTK Punkt with bundled parameters, plus repair of sentences glued by lost spaces.

Text pasted from the web often loses the space after a full stop where a link was stripped
("…called us to action.Last year, I promised…"). Punkt needs white space after the stop, so those would stay
one sentence. :class:`SentenceSplitter` splits them too, without breaking "U.S.", "e.g.", decimals ("3.5"),
web addresses ("www.example.org") or initials ("J.F. Kennedy").

Scripts that end sentences with their own marks are split there too, with or without a space after the mark:
the Chinese and Japanese full stops and marks (。．！？ and the full-width ！？), the Arabic question mark (؟) and
the Devanagari danda (। and ॥). Punkt still handles Latin-script text (and the Western stops Arabic, Hebrew,
Greek and Cyrillic text use).

All results are ``(start, end)`` spans into the text given, so a sentence is always the source's exact text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from briefgen.nlp.punkt_fast import FastPunktTokenizer, PlainPatternLanguageVars
from briefgen.nlp.punkt_params import load_punkt_parameters

# A stop (., !, ?, …), optionally followed by closing quotes/brackets, glued to the next sentence's capital
# letter (itself optionally after an opening quote), where the stop follows a lower-case letter or a closing
# quote. The word before the stop is checked separately (abbreviations, web addresses).
_GLUED = re.compile(r"(?<=[a-z\u00df-\u00ff0-9%)\]”’\"'])([.!?…]+[”’\"')\]]*)(?=[“‘\"'(]?[A-Z][a-z])")
_WORD_BEFORE = re.compile(r"(\S+)$")
_URLISH = re.compile(r"(?:https?://|www\.|@|\.(?:com|org|net|gov|edu|co|uk|au|io)\b)", re.IGNORECASE)
_INITIALS_END = re.compile(r"(?:^|\s)(?:[A-Z]\.){1,3}$")
_SCRIPT_STOP = re.compile(r"[。！？!?｡．.]*[。！？｡؟।॥]+[」』”’\"'）)》〉】]*|(?<!\d)．(?!\d)[」』”’）)]*")
"""Sentence ends that need no space after them (a full-width stop between digits is a decimal point)."""
_ANY_SCRIPT_STOP = re.compile("[。！？｡؟।॥．]")
_MAX_SENTENCE_CHARS = 5000
_MAX_QUOTE_SENTENCES = 4
_MAX_QUOTE_CHARS = 700


class _LanguageVars(PlainPatternLanguageVars):
    """Punkt language variables that also treat the ellipsis character as a sentence end."""

    sent_end_chars = (".", "?", "!", "…")


class SentenceSplitter:
    """Splits text into sentence spans. Stateless after construction and safe to share between threads."""

    def __init__(self) -> None:
        params = load_punkt_parameters()
        self._abbrevs = frozenset(params.abbrev_types)
        self._punkt = FastPunktTokenizer(params, _LanguageVars())

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Sentence spans of *text*, trimmed of surrounding white space, in order, never empty."""
        out: list[tuple[int, int]] = []
        for start, end in _merge_quotations(text, _merge_fragments(text, list(self._punkt_spans(text)))):
            for s, e in self._split_glued(text, start, end):
                for s2, e2 in _split_script_stops(text, s, e):
                    out.extend(_limit_length(text, s2, e2))
        return out

    def split(self, text: str) -> list[str]:
        return [text[s:e] for s, e in self.spans(text)]

    def _punkt_spans(self, text: str) -> Iterator[tuple[int, int]]:
        for start, end in self._punkt.span_tokenize(text):
            s, e = _trim(text, start, end)
            if s < e:
                yield s, e

    def _split_glued(self, text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
        piece = text[start:end]
        cut = 0
        for m in _GLUED.finditer(piece):
            boundary = m.end(1)
            before = _WORD_BEFORE.search(piece, 0, m.start(1))
            word = before.group(1) if before else ""
            if _URLISH.search(word) or _URLISH.search(piece[m.start(1) : m.start(1) + 40].split(" ", 1)[0]):
                continue
            bare = word.lstrip("“‘\"'([").lower()
            if bare in self._abbrevs or "." in bare:
                # "U.S.The", "e.g.This": abbreviations and dotted tokens are left alone
                continue
            s, e = _trim(text, start + cut, start + boundary)
            if s < e:
                yield s, e
            cut = boundary
        s, e = _trim(text, start + cut, end)
        if s < e:
            yield s, e


def _merge_fragments(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Undo Punkt's splits after a name's initials ("J.F. Kennedy") and before a lower-case word
    ("what happened in Miami… was imaginable")."""
    out: list[tuple[int, int]] = []
    for span in spans:
        if out and (
            (_INITIALS_END.search(text, out[-1][0], out[-1][1]) and text[span[0]].isupper()) or text[span[0]].islower()
        ):
            between = text[out[-1][1] : span[0]]
            if between.isspace() and "\n" not in between:
                out[-1] = (out[-1][0], span[1])
                continue
        out.append(span)
    return out


def _open_quotes(piece: str) -> int:
    """How many quotations *piece* opens and leaves open (curly double quotes, or an odd number of straight)."""
    curly = piece.count("“") - piece.count("”")
    if curly:
        return curly
    return piece.count('"') % 2


def _merge_quotations(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Keep a quotation of several sentences whole: '"A marsh grows. A wall only ages," said the mayor.'

    Spans are joined only when the quotation closes within a few sentences of the same paragraph, so a quote that
    runs on for paragraphs is still split into sentences.
    """
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(spans):
        start, end = spans[i]
        closes_at: int | None = None
        if _open_quotes(text[start:end]) > 0:
            for j in range(i + 1, min(len(spans), i + 1 + _MAX_QUOTE_SENTENCES)):
                if spans[j][1] - start > _MAX_QUOTE_CHARS or "\n" in text[spans[j - 1][1] : spans[j][0]]:
                    break
                if _open_quotes(text[start : spans[j][1]]) <= 0:
                    closes_at = j
                    break
        if closes_at is None:
            out.append((start, end))
            i += 1
        else:
            out.append((start, spans[closes_at][1]))
            i = closes_at + 1
    return out


def _split_script_stops(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Cut the span at Chinese/Japanese stops, the Arabic question mark and the danda (see the module text)."""
    if _ANY_SCRIPT_STOP.search(text, start, end) is None:
        yield start, end
        return
    cut = start
    for m in _SCRIPT_STOP.finditer(text, start, end):
        if m.end() >= end:
            break
        before = text[cut : m.start()]
        if before.count("「") > before.count("」") or before.count("『") > before.count("』"):
            continue  # a stop inside a Japanese quotation
        if m.group(0)[-1] in "」』”’\"'" and text[m.end()] in "とっ":
            continue  # 「本当ですか？」と聞いた。: the quotation is part of the sentence
        s, e = _trim(text, cut, m.end())
        if s < e:
            yield s, e
        cut = m.end()
    s, e = _trim(text, cut, end)
    if s < e:
        yield s, e


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _limit_length(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Cut run-on "sentences" (tables, lists without stops, a million-character line) at spaces."""
    while end - start > _MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start, start + _MAX_SENTENCE_CHARS)
        if cut <= start:
            cut = start + _MAX_SENTENCE_CHARS
        s, e = _trim(text, start, cut)
        if s < e:
            yield s, e
        start, _ = _trim(text, cut, end)
    if start < end:
        yield start, end


@lru_cache(maxsize=1)
def default_splitter() -> SentenceSplitter:
    return SentenceSplitter()


def split_sentences(text: str) -> list[str]:
    """Sentences of *text* (convenience wrapper over the shared :class:`SentenceSplitter`)."""
    return default_splitter().split(text)
