"""People's and organisations' names as sources give them: split into people, told apart, shortened to the
family name an in-text marker shows, and joined again for an entry."""

from __future__ import annotations

import re
from collections.abc import Sequence

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


def family_given(name: str) -> tuple[str, list[str]]:
    """A person's family name and given names: ``"Ludwig van Beethoven"`` -> ``("van Beethoven", ["Ludwig"])``."""
    tokens = name.split()
    family_start = len(tokens) - 1
    while family_start > 1 and tokens[family_start - 1][0].islower():
        family_start -= 1  # "Ludwig van Beethoven" -> family "van Beethoven"
    return " ".join(tokens[family_start:]), tokens[:family_start]


def family_name(name: str) -> str:
    """The name to cite in text: a person's family name, or an organisation's whole name."""
    return family_given(name)[0] if is_person(name) else name


def join_names(names: Sequence[str], conj: str) -> str:
    """``A``, ``A conj B``, ``A, B, conj C``."""
    if len(names) <= 1:
        return "".join(names)
    if len(names) == 2:
        return f"{names[0]} {conj} {names[1]}"
    return f"{', '.join(names[:-1])}, {conj} {names[-1]}"
