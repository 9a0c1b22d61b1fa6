"""The brief's parts, one builder per template part type, dispatched through :data:`PART_BUILDERS`.

:func:`build_parts` walks the template's parts in its order and asks the builder registered for each part's
type (:class:`~briefgen.templates.schema.PartType`) to add the finished :class:`~briefgen.brief.Part` -- or
to say why it is left out. The sentences were already chosen (:mod:`briefgen.compose.filling`); a builder only
orders and lays them out. A new part type is one builder and one line in the table at the end.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from briefgen.brief import BriefSentence, LeftOut, Part, PartKind
from briefgen.compose.filling import Filled
from briefgen.compose.sections import Group
from briefgen.compose.stories import mentions_a_name, names_its_subject, story_of, story_order
from briefgen.compose.units import Unit
from briefgen.corpus import Corpus
from briefgen.registry import Registry
from briefgen.sentence_json import support
from briefgen.summarize.api import Summary, SummarySentence
from briefgen.summarize.key_figures import quantity_spans
from briefgen.summarize.standalone import leans_on_previous
from briefgen.templates.schema import GroupBy, PartSpec, PartType, Template

LEFT_TO_FIT = "left out to fit the length"
NOTHING_NEW = "nothing in it stands alone that the brief does not already say"
"""A section without a sentence of its own in the brief although there was room: its sentences are questions,
lean on what comes before them, or repeat other sources."""


@dataclass(slots=True)
class PartContext:
    """What every builder reads (the corpus, the summary, the chosen sentences, the section groups) and the
    parts and left-out notes built so far."""

    corpus: Corpus
    summary: Summary
    filled: Filled
    groups: Sequence[Group]
    out: list[Part] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)

    def position(self, s: SummarySentence) -> int:
        """Where the sentence stands in its source (to show a part's sentences in reading order)."""
        return self.corpus.sentence(s.id).position


PartBuilder = Callable[[PartContext, PartSpec], None]
"""``builder(context, spec)``: adds the part *spec* asks for to ``context.out``, or a note to ``left_out``."""

PART_BUILDERS: Registry[PartBuilder] = Registry("part type")


def build_parts(
    corpus: Corpus, summary: Summary, template: Template, filled: Filled, groups: Sequence[Group]
) -> tuple[list[Part], list[LeftOut]]:
    """The template's parts in its order, and what was left out and why."""
    context = PartContext(corpus, summary, filled, groups)
    for spec in template.parts:
        PART_BUILDERS.get(spec.type)(context, spec)
    return context.out, context.left_out


def _sources(context: PartContext, spec: PartSpec) -> None:
    context.out.append(Part(PartKind.SOURCES, spec.heading))


def _keyphrases(context: PartContext, spec: PartSpec) -> None:
    terms = context.summary.keyphrases[: spec.count]
    if terms:
        context.out.append(Part(PartKind.KEYPHRASES, spec.heading, terms=tuple(terms)))


def _sections(context: PartContext, spec: PartSpec) -> None:
    filled = context.filled
    elsewhere = {  # sections whose sentences other parts (key points, summary, quotes…) already show
        c.section
        for kind, sentences in filled.parts.items()
        if kind != PartType.SECTIONS
        for s in sentences
        for c in s.citations
    }
    shown: list[tuple[Group, list[SummarySentence]]] = []
    for group in context.groups:
        chosen = sorted(filled.groups.get(group.key, ()), key=context.position)
        if chosen:
            shown.append((group, chosen))
        elif not elsewhere.intersection(group.sections + group.copies):  # its story is not in the brief at all
            cut = filled.full or filled.unplaced.intersection(group.sections + group.copies)
            reason = LEFT_TO_FIT if cut else NOTHING_NEW
            context.left_out.append(LeftOut(PartType.SECTIONS, group.heading, reason))
    if spec.group_by == GroupBy.SECTION and spec.count > 1:  # (a template asking for one sentence each gets it)
        shown = _join_thin_runs(context, shown)
    previous_sub: str | None = None
    for group, chosen in shown:
        # the article a run of sections comes from is named once, above its first section
        sub = group.subheading if group.subheading not in (previous_sub, None) else None
        if sub is not None and sub in group.heading:
            sub = None  # the heading already names it ("Summary — <article title>")
        context.out.append(_part(PartKind.SECTION, group.heading, chosen, spec.as_list, subheading=sub))
        previous_sub = group.subheading or group.article_title or None


def _join_thin_runs(
    context: PartContext, shown: list[tuple[Group, list[SummarySentence]]]
) -> list[tuple[Group, list[SummarySentence]]]:
    """Consecutive sections of one article that each show a single sentence become one section headed by the
    article's title: "The risk", "Options considered" and "Funding" over a sentence each read as a list of
    headings; under the report's title the three sentences read as its summary."""
    out: list[tuple[Group, list[SummarySentence]]] = []
    run: list[tuple[Group, list[SummarySentence]]] = []

    def article(group: Group) -> str:
        return context.corpus.section_context(group.key)[1].id

    def flush() -> None:
        if len(run) < 2:
            out.extend(run)
        else:
            first = run[0][0]
            joined = Group(first.key, first.article_title, None, article_title=first.article_title)
            out.append((joined, [s for _, chosen in run for s in chosen]))
        run.clear()

    for group, chosen in shown:
        thin = len(chosen) == 1 and bool(group.article_title)
        if not thin or (run and article(run[0][0]) != article(group)):
            flush()
        if thin:
            run.append((group, chosen))
        else:
            out.append((group, chosen))
    flush()
    return out


def sentence_part(
    kind: PartKind, *, in_order: bool = False, always_list: bool = False, emphasis: bool = False, nothing: str = ""
) -> PartBuilder:
    """A builder for a part of chosen sentences: in reading order (*in_order*) or rank order, always a list or
    as the template says, with quantities emphasised; *nothing* is why it is left out when no sentence of the
    selection qualified (else it was left out to fit the length)."""

    def build(context: PartContext, spec: PartSpec) -> None:
        chosen = context.filled.parts.get(spec.type, [])
        if in_order:
            chosen = sorted(chosen, key=context.position)
        if chosen:
            as_list = True if always_list else spec.as_list
            context.out.append(_part(kind, spec.heading, chosen, as_list, emphasis=emphasis))
        else:
            reason = nothing if nothing and not context.filled.candidates.get(spec.type, 1) else LEFT_TO_FIT
            context.left_out.append(LeftOut(spec.type, spec.heading, reason))

    return build


def unit_part(kind: PartKind, *, in_date_order: bool, always_list: bool = False, nothing: str = "") -> PartBuilder:
    """A builder for a part of whole units (a timeline in date order, each sentence with its date; or rows of
    differences), built like :func:`sentence_part` when no unit was placed."""
    fallback = sentence_part(kind, always_list=always_list, nothing=nothing)

    def build(context: PartContext, spec: PartSpec) -> None:
        units = context.filled.units.get(spec.type)
        if units:
            context.out.append(_unit_part(kind, spec.heading, units, in_date_order))
        else:
            fallback(context, spec)

    return build


def _unit_part(kind: PartKind, heading: str, units: Sequence[Unit], in_order: bool) -> Part:
    shown = sorted(units, key=lambda u: u.order) if in_order else list(units)
    sentences: list[BriefSentence] = []
    rows: list[tuple[int, ...]] = []
    for unit in shown:
        start = len(sentences)
        for i, s in enumerate(unit.sentences):
            sentences.append(_brief_sentence(s, label=unit.label(i)))
        rows.append(tuple(range(start, len(sentences))))
    return Part(
        kind=kind,
        heading=heading,
        sentences=tuple(sentences),
        as_list=True,
        rows=tuple(rows) if kind == PartKind.DIFFERENCES else (),
    )


def _brief_sentence(s: SummarySentence, *, emphasis: bool = False, label: str | None = None) -> BriefSentence:
    spans = quantity_spans(s.text) if emphasis else ()
    return BriefSentence(s.id, s.text, s.citations, spans, label=label, support=support(s.citations))


def _part(
    kind: PartKind,
    heading: str,
    sentences: Sequence[SummarySentence],
    as_list: bool,
    *,
    subheading: str | None = None,
    emphasis: bool = False,
) -> Part:
    return Part(
        kind=kind,
        heading=heading,
        sentences=tuple(_brief_sentence(s, emphasis=emphasis) for s in sentences),
        subheading=subheading,
        as_list=as_list,
    )


PART_BUILDERS.register(PartType.KEY_POINTS, sentence_part(PartKind.KEY_POINTS, always_list=True))


def _executive_summary(context: PartContext, spec: PartSpec) -> None:
    """The summary's sentences story by story (stories in the key points' order, the strongest first; each in
    reading order), a paragraph to each story unless the template asks for a list."""
    chosen = context.filled.parts.get(spec.type, [])
    if not chosen:
        context.left_out.append(LeftOut(spec.type, spec.heading, LEFT_TO_FIT))
        return
    copies = context.summary.article_copies
    # stories in the key points' order, the strongest first (so title, first bullet and first paragraph agree)
    ranking = sorted(
        (s for s in context.summary.sentences if not s.pinned), key=lambda s: (s.rank, context.position(s))
    )
    place = {story: n for n, story in enumerate(story_order(ranking, lambda s: story_of(s, copies)))}
    first: dict[str, int] = {}
    for s in sorted(chosen, key=context.position):
        first.setdefault(story_of(s, copies), context.position(s))

    def order(s: SummarySentence) -> tuple[int, int, int]:
        story = story_of(s, copies)
        return (place.get(story, len(place)), first[story], context.position(s))

    ordered = sorted(chosen, key=order)
    paragraphs: list[list[SummarySentence]] = []
    for s in ordered:
        if paragraphs and story_of(s, copies) == story_of(paragraphs[-1][0], copies):
            paragraphs[-1].append(s)
        else:
            paragraphs.append([s])
    paragraphs = [_opened_plainly(p) for p in paragraphs]
    ordered = [s for p in paragraphs for s in p]
    part = _part(PartKind.EXECUTIVE_SUMMARY, spec.heading, ordered, spec.as_list)
    starts = tuple(itertools.accumulate(len(p) for p in paragraphs[:-1]))
    context.out.append(dataclasses.replace(part, paragraph_starts=starts))


_ADDS_TO = re.compile(r"\b(?:also|too|as well|again|further)\b", re.IGNORECASE)
"""Words by which a sentence adds to something said before it ("Mr Kim's ambitions are also an expression of…")."""


def _opened_plainly(paragraph: list[SummarySentence]) -> list[SummarySentence]:
    """*paragraph* opened by a sentence a reader can start from: one that adds to nothing (:data:`_ADDS_TO`) and
    names what it speaks of (:func:`~briefgen.compose.stories.names_its_subject`, and a name somewhere in it: not
    "Construction is due to start in spring 2026."), else one that at least adds to nothing. The sentence moves to
    the front together with the sentences leaning on it; the others keep their order; a paragraph already opened
    so, or with no such sentence, is unchanged."""
    chains: list[list[SummarySentence]] = []
    for s in paragraph:
        if chains and leans_on_previous(s.text):
            chains[-1].append(s)  # a follower stays right after the sentence it leans on
        else:
            chains.append([s])

    def plain(s: SummarySentence) -> bool:
        return not _ADDS_TO.search(s.text)

    def named(s: SummarySentence) -> bool:
        return plain(s) and names_its_subject(s) and mentions_a_name(s.text)

    for good in (named, plain):
        if good(chains[0][0]):
            return paragraph
        found = next((k for k, chain in enumerate(chains) if good(chain[0])), None)
        if found is not None:
            return [s for chain in [chains[found], *chains[:found], *chains[found + 1 :]] for s in chain]
    return paragraph


PART_BUILDERS.register(PartType.EXECUTIVE_SUMMARY, _executive_summary)
PART_BUILDERS.register(PartType.SECTIONS, _sections)
PART_BUILDERS.register(
    PartType.KEY_FIGURES,
    sentence_part(
        PartKind.KEY_FIGURES, always_list=True, emphasis=True, nothing="no sentence of the selection states a quantity"
    ),
)
PART_BUILDERS.register(
    PartType.QUOTES,
    sentence_part(PartKind.QUOTES, in_order=True, always_list=True, nothing="no quotation in the selection"),
)
PART_BUILDERS.register(PartType.KEYPHRASES, _keyphrases)
PART_BUILDERS.register(
    PartType.DIFFERENCES,
    unit_part(PartKind.DIFFERENCES, in_date_order=False, nothing="the sources do not differ on any number or date"),
)
PART_BUILDERS.register(
    PartType.TIMELINE,
    unit_part(PartKind.TIMELINE, in_date_order=True, always_list=True, nothing="no dated event in the selection"),
)
PART_BUILDERS.register(PartType.SOURCES, _sources)
