"""The ``sections`` part of a brief: which group each selected section belongs to, and the groups' headings.

Sections group by section, by article or by heading (the template's ``group_by``). A section that repeats an
earlier one of another source (``Summary.copies``: a republished story) joins that one's group, so the story is
shown once, under one heading, its sentences citing every source that carries them. A source heading that would
read as one of the brief's own parts ("Summary", "Introduction", "Conclusion"…), or that several groups share
("Costs" in two reports), is labelled with its article's title, so the reader knows whose it is: "Summary —
North Korea crisis: What does Kim Jong-un really want?". A one-word question heading ("Why?") asks about the
heading before it, so it is shown after that heading: "Is North Korea's ultimate goal a nuclear deterrent? Why?"
(a longer short one, "Who pays?", asks about the article and gets its title). No heading appears twice in a
brief.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from briefgen.citations import fallback_title, long_date
from briefgen.corpus import Corpus
from briefgen.model import Article
from briefgen.summarize.api import Summary
from briefgen.templates.schema import GroupBy, PartSpec, Template

GENERIC_HEADINGS = frozenset(
    (
        "summary",
        "introduction",
        "intro",
        "conclusion",
        "conclusions",
        "overview",
        "background",
        "abstract",
        "context",
        "details",
        "analysis",
        "discussion",
        "notes",
        "update",
        "updates",
        "key points",
        "key figures",
        "executive summary",
        "in brief",
        "at a glance",
        "in summary",
        "the bottom line",
    )
)
"""Headings that name a part of a document rather than what it is about."""

SHORT_QUESTION_WORDS = 2
"""A question heading this short ("Why?", "What next?") cannot stand alone: it asks about its article, or (one
word) about the heading before it."""


def is_short_question(heading: str, words: int = SHORT_QUESTION_WORDS) -> bool:
    """True for a question heading of at most *words* words, too short to stand alone ("Why?", "What next?")."""
    text = heading.strip()
    return text.endswith("?") and len(text.split()) <= words


def says_little(heading: str, generic: frozenset[str]) -> bool:
    """True for a heading a reader cannot place without its article: a generic one ("Summary", or one of the
    template's own part headings) or a short question that leans on the heading before it ("Why?")."""
    text = heading.rstrip(":").strip()
    return text.casefold() in generic or is_short_question(text)


def previous_heading(article: Article, section_id: str) -> str | None:
    """The nearest heading above section *section_id* in *article* (``None`` when it is the first heading)."""
    before: str | None = None
    for section in article.sections:
        if section.id == section_id:
            return before
        if section.heading and section.heading.strip():
            before = " ".join(section.heading.split())
    return None


@dataclass(slots=True)
class Group:
    key: str
    heading: str
    subheading: str | None
    sections: list[str] = field(default_factory=list)
    """The selected sections it shows (originals only; copies are in ``copies``)."""
    copies: list[str] = field(default_factory=list)
    article_title: str = ""


def group_sections(
    corpus: Corpus, summary: Summary, template: Template, spec: PartSpec | None, section_ids: Sequence[str]
) -> tuple[list[Group], dict[str, str]]:
    """The groups in brief order and, for every selected section, the key of the group that shows it."""
    group_by = spec.group_by if spec is not None else GroupBy.SECTION
    clashes = GENERIC_HEADINGS | {p.heading.strip().casefold() for p in template.parts}
    groups: dict[str, Group] = {}
    group_of: dict[str, str] = {}
    for section_id in section_ids:
        original = summary.copies.get(section_id, section_id)
        source, article, section = corpus.section_context(original)
        article_title = fallback_title(article.metadata, source.path)
        sub: str | None
        if group_by == GroupBy.ARTICLE:
            article_id = summary.article_copies.get(article.id, article.id)
            source, article = corpus.article_context(article_id)
            article_title = fallback_title(article.metadata, source.path)
            key, heading = article_id, article_title
            details = ", ".join(x for x in (article.metadata.publisher, long_date(article.metadata.date)) if x)
            sub = details or None
        elif group_by == GroupBy.HEADING and section.heading:
            key, heading, sub = "h:" + " ".join(section.heading.split()).casefold(), section.heading.strip(), None
        else:
            key = original
            heading = (section.heading or "").strip() or article_title or (spec.heading if spec else "")
            sub = article_title if heading != article_title else None
        question = group_by == GroupBy.SECTION and is_short_question(heading, 1)
        before = previous_heading(article, section.id) if question else None  # (a walk over the article)
        if before is not None and not says_little(before, clashes):
            heading = f"{before} {heading.strip()}"  # "Why?" continues the heading before it
        elif says_little(heading, clashes) and article_title and heading != article_title:
            heading = f"{heading.rstrip(':').strip()} — {article_title}"
        group_of[section_id] = key
        group = groups.setdefault(key, Group(key, heading, sub, article_title=article_title))
        (group.sections if original == section_id else group.copies).append(section_id)
    out = list(groups.values())
    _tell_apart(out)
    return out, group_of


def _tell_apart(groups: Sequence[Group]) -> None:
    """Headings shared by several groups ("Costs" in two reports) get their article's title, then a number."""
    for attempt in range(2):
        seen: dict[str, list[Group]] = {}
        for group in groups:
            seen.setdefault(group.heading.casefold(), []).append(group)
        for same in seen.values():
            if len(same) < 2:
                continue
            for n, group in enumerate(same, start=1):
                if attempt == 0 and group.article_title and group.article_title not in group.heading:
                    group.heading = f"{group.heading} — {group.article_title}"
                elif attempt == 1:
                    group.heading = f"{group.heading} ({n})"
