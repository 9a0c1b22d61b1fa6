"""How the stories of a brief share it: key points, thin sections and the executive summary.

A *story* is an article together with its republished copies (``Summary.article_copies``): the North Korea
analysis carried by two files is one story, the Cuba report in one of them another. Three rules keep a short,
multi-story brief reading like one (:mod:`briefgen.compose.filling` applies them):

- key points: the best sentence of each story first (:func:`story_first`), and in a short brief of words no
  bullet longer than the key points' share split among two or three bullets when a shorter sentence can take
  its place (:func:`bullet_cap`), so a 250-word brief gets two or three bullets rather than one 60-word sentence;
- in a short brief (:func:`is_short`) a section left with a single sentence is not worth its heading: the
  sentence joins the executive summary (:func:`merge_thin_sections`);
- every story gets a sentence of the executive summary when the length allows (:func:`balance_stories`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from briefgen.compose.length import BriefLimit
from briefgen.summarize.api import SummarySentence
from briefgen.summarize.standalone import is_question, leans_on_previous
from briefgen.templates.schema import PartType

if TYPE_CHECKING:
    from briefgen.compose.filling import Filler

SHORT_BRIEF_WORDS = 500
"""A brief of at most this many words (about a page) is short: one-sentence sections join the summary."""
SHORT_BRIEF_SENTENCES = 20
"""The same for a sentence budget."""
TYPICAL_SENTENCE_WORDS = 25
"""About the median length of a news sentence: the key points aim at one bullet per this many words of share."""
MOST_BULLETS_AIMED_AT = 3
"""The key points aim at this many bullets at most when choosing how long one may be."""


def story_of(sentence: SummarySentence, article_copies: Mapping[str, str]) -> str:
    """The story *sentence* belongs to: its article, or the article it is a republished copy of."""
    article = sentence.citations[0].article
    return article_copies.get(article, article)


def is_short(limit: BriefLimit) -> bool:
    """True for a brief of about a page or less."""
    most = SHORT_BRIEF_WORDS if limit.unit == "words" else SHORT_BRIEF_SENTENCES
    return limit.total <= most


def bullet_cap(share: int, count: int) -> int:
    """The most words one key point may take, out of the key points' *share* of words, so that they come to
    about one bullet per :data:`TYPICAL_SENTENCE_WORDS` words of share, at least one and at most
    :data:`MOST_BULLETS_AIMED_AT` (and *count*). Large shares give a cap few sentences reach."""
    bullets = min(count, MOST_BULLETS_AIMED_AT, max(1, share // TYPICAL_SENTENCE_WORDS))
    return share // max(1, bullets)


def stands_alone(sentence: SummarySentence) -> bool:
    """A sentence that can open a paragraph or be a bullet: no question, no reference to what came before."""
    return not leans_on_previous(sentence.text) and not is_question(sentence.text)


_CALENDAR = frozenset(
    (
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december",
    )
)  # fmt: skip
"""Capitalised words that name a day or a month, not what a sentence speaks of."""


def mentions_a_name(text: str) -> bool:
    """Whether a word after the first is capitalised (a name: "the River Wenn", "Mr Kim"), days and months
    aside."""
    for word in text.split()[1:]:
        bare = word.strip("\"“”‘’'()[],.;:!?")
        if bare[:1].isupper() and bare.lower() not in _CALENDAR:
            return True
    return False


def names_its_subject(sentence: SummarySentence) -> bool:
    """False for a sentence that opens with a definite description and names nothing after it ("The town flooded
    in 2014, 2019 and 2024.", "The vote, carried by 31 to 19 on Tuesday night, …"): read out of its article, it
    does not say which town or which vote. A sentence with a name after its first word ("The council in
    Eastmouth…"; a day or a month is no name), opening with one, or opening with an indefinite description ("An
    increasing number of firms…", which brings in what it speaks of) names its subject."""
    words = sentence.text.split()
    if not words or words[0].strip("\"“‘'(").lower() != "the":
        return True
    return mentions_a_name(sentence.text)


_LABEL = re.compile(r"^(?:[^:;.!?]|\.\d){1,80}?:\s")
"""A label and its colon, the label no sentence of its own ("1.5 metres" may be in it)."""
_MOST_LABEL_WORDS = 8


def labelled_item(text: str, in_list: bool) -> bool:
    """A list item of the form "label: what follows" ("Raise the harbour walls by 1.5 metres: about £150m…" under
    "Options considered"): it reads as one of a list, and out of that list (as a key point) it reads as an
    instruction or a fragment."""
    found = _LABEL.match(text) if in_list else None
    return found is not None and len(found.group().split()) <= _MOST_LABEL_WORDS


def story_first(
    candidates: Iterable[SummarySentence], story: Callable[[SummarySentence], str], stories: Sequence[str] = ()
) -> list[SummarySentence]:
    """*candidates* (best first) with each story's best one first, then the others in their order. The firsts
    come in the order of *stories* (stories not in it after those, in the order their best come)."""
    firsts: list[SummarySentence] = []
    rest: list[SummarySentence] = []
    seen: set[str] = set()
    for sentence in candidates:
        key = story(sentence)
        (rest if key in seen else firsts).append(sentence)
        seen.add(key)
    place = {key: i for i, key in enumerate(stories)}
    firsts.sort(key=lambda s: place.get(story(s), len(place)))  # stable: the others keep their order
    return firsts + rest


def story_order(ranking: Iterable[SummarySentence], story: Callable[[SummarySentence], str]) -> list[str]:
    """Stories in the order of their best-ranked sentence."""
    return list(dict.fromkeys(story(s) for s in ranking))


THIN_LISTS = (PartType.KEY_FIGURES, PartType.QUOTES, PartType.TIMELINE)
"""Listed parts whose single sentence joins the summary in a short brief, as a one-sentence section's does."""


def merge_thin_sections(filler: Filler) -> None:
    """In a short brief whose executive summary holds sentences, move the sentence of every one-sentence
    section, and of a key figures, quotations or timeline part holding one sentence, into the summary: a heading
    over a single sentence costs a short brief more than it gives. Such a listed sentence that the ranking did not
    choose (a side detail kept for its number) is dropped instead, its room left to ranked sentences. A part whose
    ``count`` is 1 asks for one sentence and keeps it."""
    summary = PartType.EXECUTIVE_SUMMARY
    if not is_short(filler.limit) or not filler.out.parts.get(summary):
        return

    def thin(part: str, sentences: Sequence[SummarySentence]) -> bool:
        return len(sentences) == 1 and filler.specs[part].count > 1

    sections = PartType.SECTIONS
    moved = [(sections, group[0]) for group in filler.out.groups.values() if thin(sections, group)]
    moved += [(part, filler.out.parts[part][0]) for part in THIN_LISTS if thin(part, filler.out.parts.get(part, ()))]
    ranked = {s.id for s in filler.ranking}
    for part, sentence in moved:
        if not sentence.pinned:
            filler.remove(part, sentence)
            filler.out.units.pop(part, None)
            if sentence.id in ranked:  # a lone key figure or quotation the ranking passed over is dropped: its
                filler.place(summary, sentence)  # room goes to ranked sentences (top_up)


def balance_stories(filler: Filler) -> None:
    """Give each story with a usable sentence one in the executive summary, when the length allows: in room
    left over, else in place of the last-ranked summary sentence of a story that has several there (one that no
    other summary sentence leans on, and at least as long as what is missing)."""
    part = PartType.EXECUTIVE_SUMMARY
    if part not in filler.specs:
        return
    summary = filler.out.parts[part]
    usable = [s for s in filler.ranking if not s.pinned and not filler.used.has(s) and stands_alone(s)]
    best: dict[str, SummarySentence] = {}
    for sentence in usable:
        best.setdefault(filler.story(sentence), sentence)
    for key, candidate in best.items():
        if any(filler.story(s) == key for s in summary) or filler.used.has(candidate):
            continue
        size = filler.size(candidate)
        over = filler.total_used + size - filler.limit.total
        if over > 0:
            victim = _victim(filler, summary, over)
            if victim is None:
                continue
            filler.remove(part, victim)
        filler.place(part, candidate)


def _victim(filler: Filler, summary: list[SummarySentence], needed: int) -> SummarySentence | None:
    per_story = Counter(filler.story(s) for s in summary)
    leaned_on = {filler.previous(s.id) for s in summary if leans_on_previous(s.text)}
    for sentence in sorted(summary, key=lambda s: -s.rank):
        if (
            per_story[filler.story(sentence)] >= 2
            and not sentence.pinned
            and sentence.id not in leaned_on
            and filler.size(sentence) >= needed
        ):
            return sentence
    return None
