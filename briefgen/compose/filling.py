"""Filling the brief's parts from the summariser's ranking, within the brief's one length.

The summariser ranks more sentences than the brief can hold (:func:`~briefgen.compose.length.ranking_budget`),
in the order its selection loop chose them. The parts are filled in this order:

1. pinned sentences, each in the part where it belongs (its section's part, else the executive summary, else
   the key points); they always count, even past the budget;
2. key figures and quotations, from their own candidates, each within its share and its ``count``;
3. key points first, from the ranking: the best sentence of each story (an article and its republished copies)
   in turn, then the next best, within the part's ``count`` and share; in a short brief of words a sentence
   longer than the share split among two or three bullets is passed over when a shorter one can take its place,
   so that it has several key points rather than one long one (:func:`~briefgen.compose.stories.bullet_cap`);
4. executive summary and source sections from the ranking, best first: a sentence goes to the first of these
   parts that still has room (so the executive summary holds the next best sentences and the sections the rest,
   each section capped at the part's ``count``). Room is cumulative: what the key points leave unused passes to
   the executive summary, and both pass theirs to the sections;
5. in a short brief (:func:`~briefgen.compose.stories.is_short`), a section, key figures, quotations or timeline
   left with one sentence is not worth its heading: the sentence joins the executive summary;
6. every story gets a sentence of the executive summary when the length allows: a story with none takes its best
   unused sentence, in room left over or in place of the last-ranked sentence of a story that has several;
7. room those two steps freed goes to the best unused sentences that fit, in a section already shown or the
   summary.

A sentence that leans on the one before it (:func:`~briefgen.summarize.standalone.leans_on_previous`) is placed
only in the same running-text part as that sentence, right after it (parts are shown in reading order); never
as a bullet, never alone. Nothing is placed twice, by id, by any place it is cited from, or by text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from briefgen.compose.differences import difference_units
from briefgen.compose.length import BriefLimit, allocate, shares
from briefgen.compose.quotes import quote_candidates
from briefgen.compose.stories import (
    balance_stories,
    bullet_cap,
    is_short,
    labelled_item,
    merge_thin_sections,
    names_its_subject,
    stands_alone,
    story_first,
    story_of,
    story_order,
)
from briefgen.compose.timeline import timeline_units
from briefgen.compose.units import Unit, single
from briefgen.corpus import Corpus
from briefgen.model import ParagraphKind, Sentence
from briefgen.summarize.api import Summary, SummarySentence
from briefgen.summarize.standalone import is_question, leans_on_previous
from briefgen.templates.schema import PartSpec, PartType, Template

_SPACE = re.compile(r"\s+")
FLEXIBLE = (PartType.KEY_POINTS, PartType.EXECUTIVE_SUMMARY, PartType.SECTIONS)
"""Parts filled from the ranking, in this order."""
LISTED = (PartType.DIFFERENCES, PartType.KEY_FIGURES, PartType.QUOTES, PartType.TIMELINE)
"""Parts filled from their own candidates, before the ranking, in this order."""
LISTED_STRETCH = 1.5
_Fits = Callable[[int, int], bool]


def text_key(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


@dataclass
class Filled:
    """The sentences of each part, before headings and layout."""

    parts: dict[str, list[SummarySentence]] = field(default_factory=dict)
    """Part type -> its sentences (for ``sections``: all of them; see ``groups``)."""
    groups: dict[str, list[SummarySentence]] = field(default_factory=dict)
    """Group key -> sentences of one ``sections`` group, groups in brief order."""
    allocated: dict[str, int] = field(default_factory=dict)
    """Part type -> its share of the budget."""
    candidates: dict[str, int] = field(default_factory=dict)
    """Part type -> how many candidates it had (the listed parts)."""
    units: dict[str, list[Unit]] = field(default_factory=dict)
    """Listed part type -> the units placed in it, in the order placed."""
    unplaced: set[str] = field(default_factory=set)
    """Sections with a ranked sentence that found no room (what the length left out)."""
    full: bool = True
    """The length is (all but) used up: less room is left than two typical sentences take."""


class _Used:
    """Sentences already placed (by id, by any place they are cited from, and by text)."""

    def __init__(self) -> None:
        self.ids: set[str] = set()
        self.texts: set[str] = set()

    def has(self, s: SummarySentence) -> bool:
        return s.id in self.ids or any(c.sentence in self.ids for c in s.citations) or text_key(s.text) in self.texts

    def add(self, s: SummarySentence) -> None:
        self.ids.add(s.id)
        self.ids.update(c.sentence for c in s.citations)
        self.texts.add(text_key(s.text))

    def discard(self, s: SummarySentence) -> None:
        self.ids.difference_update((s.id, *(c.sentence for c in s.citations)))
        self.texts.discard(text_key(s.text))


class Filler:
    """One brief's filling (see the module doc); *group_of* maps a section id to its ``sections`` group key."""

    def __init__(
        self,
        corpus: Corpus,
        summary: Summary,
        template: Template,
        limit: BriefLimit,
        group_keys: Sequence[str],
        group_of: dict[str, str],
    ) -> None:
        self.corpus = corpus
        self.summary = summary
        self.template = template
        self.limit = limit
        self.specs: dict[str, PartSpec] = {p.type: p for p in template.parts}
        self.group_of = group_of
        self.used = _Used()
        self.out = Filled(parts={t: [] for t in self.specs}, groups={k: [] for k in group_keys})
        self.size_of: dict[str, int] = {t: 0 for t in self.specs}
        self.home: dict[str, str] = {}
        """Sentence id (and every id it is cited from) -> the part (or ``sections`` group key) holding it."""
        self.ranking = sorted(summary.sentences, key=lambda s: (not s.pinned, s.rank, self.position(s)))
        self._siblings: dict[str, tuple[Sentence, ...]] = {}

    def position(self, s: SummarySentence) -> int:
        return self.corpus.sentence(s.id).position

    def size(self, s: SummarySentence) -> int:
        return self.limit.size(s.text)

    @property
    def total_used(self) -> int:
        return sum(self.size_of.values())

    def place(self, part: str, s: SummarySentence, group: str | None = None) -> None:
        self.used.add(s)
        self.out.parts[part].append(s)
        self.size_of[part] += self.size(s)
        where = group if group is not None else part
        for sentence_id in (s.id, *(c.sentence for c in s.citations)):
            self.home[sentence_id] = where
        if group is not None:
            self.out.groups.setdefault(group, []).append(s)

    def remove(self, part: str, s: SummarySentence) -> None:
        """Take *s* out of *part* (and out of its ``sections`` group) again."""
        self.used.discard(s)
        self.out.parts[part].remove(s)
        self.size_of[part] -= self.size(s)
        for sentence_id in (s.id, *(c.sentence for c in s.citations)):
            self.home.pop(sentence_id, None)
        for members in self.out.groups.values():
            if s in members:
                members.remove(s)

    def story(self, s: SummarySentence) -> str:
        return story_of(s, self.summary.article_copies)

    def group_for(self, s: SummarySentence) -> str:
        section = s.citations[0].section
        return self.group_of.get(section, section)

    def run(self) -> Filled:
        weights = shares(self.template.parts)
        allocated = allocate(self.limit.total, weights)
        self.out.allocated = allocated
        self.place_pins()
        # disagreements first (their sentences are shown side by side, nowhere else), then the other lists
        for part in LISTED:
            if part in self.specs:
                self.fill_listed(part, self.listed_candidates(part), allocated)
        self.fill_flexible(allocated)
        merge_thin_sections(self)
        balance_stories(self)
        self.top_up()
        self.out.unplaced = {s.citations[0].section for s in self.ranking if not self.used.has(s)}
        sizes = sorted(self.size(s) for s in self.ranking) or [1]
        self.out.full = self.limit.total - self.total_used < 2 * max(1, sizes[len(sizes) // 2])
        return self.out

    def listed_candidates(self, part: str) -> list[Unit]:
        section_ids = list(self.group_of)
        if part == PartType.DIFFERENCES:
            return difference_units(self.corpus, self.summary, section_ids)
        if part == PartType.TIMELINE:
            return timeline_units(self.corpus, self.summary, section_ids)
        if part == PartType.KEY_FIGURES:
            return [single(s) for s in self.figure_candidates()]
        return [single(s) for s in quote_candidates(self.corpus, self.summary, self.group_of)]

    def place_pins(self) -> None:
        for s in self.ranking:
            if not s.pinned or self.used.has(s):
                continue
            if PartType.SECTIONS in self.specs:
                self.place(PartType.SECTIONS, s, self.group_for(s))
            else:
                part = next((t for t in (*FLEXIBLE, *self.specs) if t in self.specs and t in self.size_of), None)
                if part is not None:
                    self.place(part, s)

    def figure_candidates(self) -> list[SummarySentence]:
        """Key-figure sentences, best first, leaving the very best sentences to the key points."""
        spec = self.specs.get(PartType.KEY_POINTS)
        reserved = {s.id for s in self.ranking[: spec.count]} if spec is not None else set()
        return [s for s in self.summary.key_figures if s.id not in reserved]

    def fill_listed(self, part: str, candidates: Iterable[Unit], allocated: dict[str, int]) -> None:
        """Place whole units, best first, within ``count`` units and the part's share; to reach its count a part
        may take up to :data:`LISTED_STRETCH` times its share (key figures are long sentences)."""
        spec = self.specs[part]
        room = int(allocated.get(part, 0) * LISTED_STRETCH)
        placed: list[Unit] = self.out.units.setdefault(part, [])
        count = 0
        for unit in candidates:
            count += 1
            if len(placed) >= spec.count:
                break
            size = sum(self.size(s) for s in unit.sentences)
            if any(self.used.has(s) or leans_on_previous(s.text) or is_question(s.text) for s in unit.sentences):
                continue
            if self.size_of[part] + size <= room and self.total_used + size <= self.limit.total:
                for s in unit.sentences:
                    self.place(part, s)
                placed.append(unit)
        self.out.candidates[part] = count

    def fill_flexible(self, allocated: dict[str, int]) -> None:
        order: list[str] = [t for t in FLEXIBLE if t in self.specs]
        if not order:
            return
        fixed = sum(self.size_of[t] for t in self.specs if t not in order)
        left = max(0, self.limit.total - fixed)
        # a selection shorter than the budget is shared out as it is, so that every part gets its share of it
        budget = min(left, sum(self.size(s) for s in self.ranking if not self.used.has(s)) + self.flexible_used(order))
        weights = {t: allocated.get(t, 0) for t in order}
        if sum(weights.values()) <= 0:
            weights = {t: 1 for t in order}
        flexible = self.capped_allocation(budget, weights)
        bounds: list[int] = []
        running = 0
        for t in order:
            running += flexible[t]
            bounds.append(running)
        bounds[-1] = left  # the last part may use whatever the others leave
        self.out.allocated.update(flexible)

        def fits(k: int, size: int) -> bool:
            used = 0
            for j, t in enumerate(order):
                used += self.size_of[t]
                if j >= k and used + size > bounds[j]:
                    return False
            return True

        def fits_in_total(_k: int, size: int) -> bool:
            return self.flexible_used(order) + size <= left

        # first each part within its share and each section within the part's count; then, if room is left (a
        # section's count or a short input left some of a share unused), the sentence's own section first, past
        # its count, then the summary: a long brief grows its sections rather than piling into the summary
        if PartType.KEY_POINTS in order:
            self.choose_key_points(flexible[PartType.KEY_POINTS], fits)
        self.fill_pass(order, fits, capped=True)
        self.fill_pass(sorted(order, key=lambda t: t != PartType.SECTIONS), fits_in_total, capped=False)

    def fill_pass(self, order: Sequence[str], fits: _Fits, *, capped: bool) -> None:
        for s in self.ranking:
            if s.pinned or self.used.has(s):
                continue
            size = self.size(s)
            if leans_on_previous(s.text):
                self.place_follower(s, order, fits, size)
                continue
            for k, t in enumerate(order):
                if t == PartType.KEY_POINTS:
                    continue  # chosen before (choose_key_points)
                group = self.group_for(s) if t == PartType.SECTIONS else None
                if capped and group is not None and len(self.out.groups.get(group, ())) >= self.specs[t].count:
                    continue
                if fits(k, size):
                    self.place(t, s, group)
                    break

    def choose_key_points(self, share: int, fits: _Fits) -> None:
        """The key points: each story's best sentence in turn, then the next best, within ``count`` and *share*;
        in a short brief of words none longer than :func:`~briefgen.compose.stories.bullet_cap` while one that
        short is left to take its place. Past each story's first, the next best that does not fit ends the key
        points: a sentence ranked far below is no key point for being short enough to fill the rest of the share
        (the room goes to the other parts)."""
        spec = self.specs[PartType.KEY_POINTS]
        usable = [s for s in self.ranking if not s.pinned and not self.used.has(s) and stands_alone(s)]
        # a bullet is read out of its article: it names its subject and is no labelled item of a list
        usable = [s for s in usable if names_its_subject(s) and not self.labelled_item(s)] or usable
        if self.limit.unit == "words" and is_short(self.limit):
            cap = bullet_cap(share, spec.count)
            if any(self.size(s) <= cap for s in usable):
                usable = [s for s in usable if self.size(s) <= cap]
        chosen = self.out.parts[PartType.KEY_POINTS]
        stories = story_order((s for s in self.ranking if not s.pinned), self.story)  # the strongest first
        ordered = story_first(usable, self.story, stories)
        firsts = len({self.story(s) for s in usable})
        for n, s in enumerate(ordered):
            if len(chosen) >= spec.count:
                break
            if self.used.has(s):
                continue
            if fits(0, self.size(s)):
                self.place(PartType.KEY_POINTS, s)
            elif n >= firsts:
                break
        # shown story by story (a story's second point may lean on its first), the strongest story first
        chosen.sort(key=lambda s: stories.index(self.story(s)))

    def labelled_item(self, s: SummarySentence) -> bool:
        """Whether *s* is a list item of the form "label: what follows" (see :func:`stories.labelled_item`)."""
        ref = self.corpus.sentence(s.id)
        kind = next((p.kind for p in ref.section.paragraphs if ref.sentence in p.sentences), None)
        return labelled_item(s.text, kind == ParagraphKind.BULLET)

    def top_up(self) -> None:
        """Use room the story rules freed: ranked sentences that still fit go to a section already shown, else
        to the executive summary (never opening a new section)."""
        order = [t for t in (PartType.SECTIONS, PartType.EXECUTIVE_SUMMARY) if t in self.specs]

        def fits(_k: int, size: int) -> bool:
            return self.total_used + size <= self.limit.total

        for s in self.ranking:
            size = self.size(s)
            if s.pinned or self.used.has(s) or not fits(0, size):
                continue
            if leans_on_previous(s.text):
                self.place_follower(s, order, fits, size)
                continue
            group = self.group_for(s)
            if PartType.SECTIONS in order and self.out.groups.get(group):
                self.place(PartType.SECTIONS, s, group)
            elif PartType.EXECUTIVE_SUMMARY in order:
                self.place(PartType.EXECUTIVE_SUMMARY, s)

    def capped_allocation(self, budget: int, weights: dict[str, int]) -> dict[str, int]:
        """*budget* shared by *weights*, the key points held to what their ``count`` of sentences can use (their
        unused share goes to the other parts in proportion, not all to the next one)."""
        share_total = sum(weights.values())
        flexible = allocate(budget, {t: w / share_total for t, w in weights.items()})
        spec = self.specs.get(PartType.KEY_POINTS)
        if spec is None or PartType.KEY_POINTS not in flexible or len(flexible) < 2:
            return flexible
        top = self.ranking[: spec.count]
        most = sum(self.size(s) for s in top) if len(top) == spec.count else flexible[PartType.KEY_POINTS]
        if flexible[PartType.KEY_POINTS] <= most:
            return flexible
        rest = {t: w for t, w in weights.items() if t != PartType.KEY_POINTS}
        rest_total = sum(rest.values()) or 1
        out = allocate(budget - most, {t: w / rest_total for t, w in rest.items()})
        return {PartType.KEY_POINTS: most, **out}

    def flexible_used(self, order: Sequence[str]) -> int:
        return sum(self.size_of[t] for t in order)

    def place_follower(self, s: SummarySentence, order: Sequence[str], fits: _Fits, size: int) -> None:
        """Place *s* right after the sentence it leans on, in that sentence's running-text part, or not at all."""
        before = self.previous(s.id)
        where = self.home.get(before) if before is not None else None
        if where is None:
            return
        if where == PartType.EXECUTIVE_SUMMARY and where in order:
            if fits(order.index(where), size):
                self.place(where, s)
        elif (
            where in self.out.groups
            and PartType.SECTIONS in order
            and self.group_for(s) == where
            and fits(order.index(PartType.SECTIONS), size)
        ):
            self.place(PartType.SECTIONS, s, where)

    def previous(self, sentence_id: str) -> str | None:
        """The sentence before *sentence_id* in its section (``None`` for a section's first sentence)."""
        ref = self.corpus.sentence(sentence_id)
        siblings = self._siblings.get(ref.section.id)
        if siblings is None:  # a section's sentences are gathered once (a section may hold very many)
            siblings = self._siblings[ref.section.id] = ref.section.sentences
        index = ref.position - self.corpus.sentence(siblings[0].id).position  # positions run on within a section
        return siblings[index - 1].id if index > 0 else None
