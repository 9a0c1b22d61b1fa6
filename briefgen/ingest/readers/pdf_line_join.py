"""Joining a PDF paragraph's lines: words broken by a hyphen at a line end, web addresses broken across lines.

A hyphen at a line end is either typesetting ("pro-/grammes": the word is mended) or part of a compound
("deep-/seated": the hyphen stays). The document decides, without a dictionary:

1. the compound written with its hyphen elsewhere in the document -> keep; the word written whole -> mend;
2. a capital after the break ("Anglo-/French") -> keep; both halves used as words elsewhere -> keep;
3. otherwise the document's habit: a document that hyphenates (mended words seen elsewhere outnumber compounds,
   or more than :data:`HYPHENATING_SHARE` of its lines end in a broken word) gets the word mended, any other
   keeps the hyphen.

A soft hyphen (U+00AD) at a line end is always typesetting.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence

HYPHENATING_SHARE = 0.04
"""Justified, hyphenated text breaks a word on ~5-15 % of its lines; compounds at a line end are rarer."""

_HYPHEN_END = re.compile(r"([^\W\d_]+)([-\u00ad])$")
_WORD_START = re.compile(r"^([^\W\d_]+)")
_WORDS = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_URL_END = re.compile(r"(?:https?://|www\.)\S+$", re.IGNORECASE)
_URL_CONTINUES = re.compile(r"^[\w~%+]*[/\-_.=&?#][\w.\-~%/?#=&+]*[\])>\"”']*(?:\s|$)")
_HYPHEN_ENDINGS = ("-", "\u00ad", "-\n", "\u00ad\n")
"""What a text matched by ``_HYPHEN_END`` ends with (``$`` also matches before a final newline): a cheap test that
spares the pattern's search on most lines."""


class LineJoiner:
    """Knows a document's words and whether it hyphenates; joins the lines of its paragraphs."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.vocabulary = _vocabulary(lines)
        breaks = _breaks(lines)
        mended = sum(1 for left, right in breaks if self.vocabulary[f"{left}{right}".casefold()])
        compounds = sum(1 for left, right in breaks if self.vocabulary[f"{left}-{right}".casefold()])
        self.hyphenates = mended > compounds or len(breaks) > HYPHENATING_SHARE * max(1, len(lines))

    def join(self, lines: Sequence[str]) -> str:
        """The lines of one paragraph as one string."""
        out = ""
        for line in lines:
            if not out:
                out = line
                continue
            # both patterns match only inside the run of non-space characters that ends the paragraph so far:
            # searching from its start keeps the join linear in a long paragraph
            tail = _tail_start(out)
            end = _HYPHEN_END.search(out, tail) if out.endswith(_HYPHEN_ENDINGS) else None
            start = _WORD_START.match(line)
            if _URL_END.search(out, tail) and _URL_CONTINUES.match(line):
                out += line
            elif end and start:
                keep = end.group(2) == "-" and self._is_compound(end.group(1), start.group(1))
                out = out[: end.start(2)] + ("-" if keep else "") + line
            else:
                out = f"{out} {line}"
        return out

    def _is_compound(self, left: str, right: str) -> bool:
        vocab = self.vocabulary
        if vocab[f"{left}-{right}".casefold()]:
            return True
        if vocab[f"{left}{right}".casefold()]:
            return False
        if right[:1].isupper() or (vocab[left.casefold()] and vocab[right.casefold()]):
            return True
        return not self.hyphenates


def _tail_start(text: str) -> int:
    """Where the run of non-white-space characters that ends *text* starts (``str.isspace`` is what ``\\s``
    matches)."""
    start = text.rfind(" ") + 1
    tail = text[start:]
    if tail and not tail[0].isspace() and not tail[-1].isspace() and len(tail.split()) == 1:
        return start  # the common case: the last run follows a plain space and holds no other white space
    i = len(text)
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    return i


def _hyphen_end(text: str) -> re.Match[str] | None:
    """``_HYPHEN_END.search(text)``, searched only in the text's last run of non-space characters when it ends in
    a hyphen (the letters before the hyphen hold no white space)."""
    if not text.endswith(_HYPHEN_ENDINGS):
        return None
    return _HYPHEN_END.search(text, _tail_start(text.rstrip("\n")))


def _breaks(lines: Sequence[str]) -> list[tuple[str, str]]:
    """(left, right) halves of the words broken by a hyphen at a line end."""
    out = []
    for before, after in itertools.pairwise(lines):
        if not before.endswith(("-", "-\n")):
            continue  # (a soft hyphen is never a compound's)
        end, start = _hyphen_end(before), _WORD_START.match(after)
        if end and start and end.group(2) == "-":
            out.append((end.group(1), start.group(1)))
    return out


def _vocabulary(lines: Sequence[str]) -> Counter[str]:
    """Words of the document (and the parts of hyphenated ones), leaving out halves of words broken at a line
    end."""
    words: list[str] = []
    broken_before = False
    for text in lines:
        if broken_before:
            text = _WORD_START.sub("", text, count=1)
        end = _hyphen_end(text)
        broken_before = end is not None
        if end is not None:
            text = text[: end.start()] + text[end.end() :]
        # ASCII letters fold as they lower, and folding them changes no character's class: fold the line at once
        found = _WORDS.findall(text.lower()) if text.isascii() else [w.casefold() for w in _WORDS.findall(text)]
        words += found
        if "-" in text:
            # (a folded word's parts are its parts folded: folding maps each character on its own)
            words += [part for word in found if "-" in word for part in word.split("-")]
    return Counter(words)
