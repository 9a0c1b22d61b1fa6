"""Republished copies: sections and articles whose text is mostly the same as an earlier one's.

A syndicated story appears in several sources with small edits ("Mr Trump" / "Trump"). Sentence by sentence,
the duplicate groups (:mod:`briefgen.summarize.duplicates`) already tie the copies together; this module lifts
that to sections and articles, so that a brief can show the story once, under one heading. A section (or an
article) is a copy when at least :data:`COPY_SHARE` of its sentences have a near-duplicate in one earlier
section (article) of another article; the earliest such place is its original. Titles and headings play no
part: two stories under the same heading are not copies, and a copy under a new headline still is.

Linear in the number of sentences: for each sentence only the earliest other article of its group is counted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from briefgen.corpus import SentenceRef

COPY_SHARE = 0.5
"""Share of a section's (article's) sentences that must recur in one earlier section (article)."""


def find_copies(
    refs: Sequence[SentenceRef], groups: Sequence[int], sections: Mapping[str, Sequence[int]]
) -> tuple[dict[str, str], dict[str, str]]:
    """(section id -> original section id, article id -> original article id) of the copies among *sections*.

    *refs* are the selected sentences, *groups* their duplicate-group roots (:func:`duplicate_groups`) and
    *sections* the selected sections in brief order with the indices of their sentences.
    """
    order = {section_id: n for n, section_id in enumerate(sections)}
    # per group: its earliest place (brief order), and the earliest place in another article than that one
    first: dict[int, tuple[int, str, str]] = {}
    second: dict[int, tuple[int, str, str]] = {}
    for section_id, indices in sections.items():
        for i in indices:
            root = groups[i]
            place = (order[section_id], section_id, refs[i].article.id)
            if root not in first:
                first[root] = place
            elif root not in second and place[2] != first[root][2]:
                second[root] = place
    section_hits: dict[tuple[str, str], int] = {}
    article_hits: dict[tuple[str, str], int] = {}
    article_order: dict[str, int] = {}
    article_size: dict[str, int] = {}
    for section_id, indices in sections.items():
        for i in indices:
            article = refs[i].article.id
            article_order.setdefault(article, len(article_order))
            article_size[article] = article_size.get(article, 0) + 1
            earliest = first[groups[i]]
            other = earliest if earliest[2] != article else second.get(groups[i])
            if other is None or other[0] >= order[section_id]:
                continue
            key = (section_id, other[1])
            section_hits[key] = section_hits.get(key, 0) + 1
            akey = (article, other[2])
            article_hits[akey] = article_hits.get(akey, 0) + 1
    section_copies = _copies(section_hits, {s: len(ix) for s, ix in sections.items()}, order)
    article_copies = _copies(article_hits, article_size, article_order)
    return section_copies, article_copies


def _copies(hits: Mapping[tuple[str, str], int], sizes: Mapping[str, int], order: Mapping[str, int]) -> dict[str, str]:
    best: dict[str, tuple[int, str]] = {}
    for (copy, original), n in hits.items():
        if n < COPY_SHARE * sizes[copy] or order[original] >= order[copy]:
            continue
        if copy not in best or (n, -order[original]) > (best[copy][0], -order[best[copy][1]]):
            best[copy] = (n, original)
    out: dict[str, str] = {}
    for copy in sorted(best, key=order.__getitem__):
        original = best[copy][1]
        out[copy] = out.get(original, original)  # an original that is itself a copy: its own original
    return out
