"""Near-duplicate sentences, within and across sources, found in near-linear time.

Two sentences are near-duplicates when the sets of their lower-cased words (hyphenated words split, curly
apostrophes made straight) overlap with a Jaccard similarity of at least :data:`NEAR_DUPLICATE` — "Mr Trump has
offered" and "Trump has offered", or "track two" and "track-two", in an otherwise identical sentence. Very short
sentences (fewer than :data:`MIN_WORDS` distinct words) count only when their word sets are equal.

Groups are the connected components of that relation, so two sentences of different groups are never
near-duplicates. Sentences that differ in a number or a negation are never near-duplicates: they state
different facts. Candidate pairs come from prefix filtering (Bayardo et al. 2007, "All-pairs"): when words are
ordered rarest first, two sets with Jaccard >= t must share one of the first ``n - ceil(t n) + 1`` words of each,
so only the postings of a few rare words are ever compared; where that first shared word sits bounds the overlap
and prunes most of the rest (positional filtering, Xiao et al. 2008).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

_WORDS = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
"""Words as :func:`briefgen.nlp.tokenize_words` finds them, split at hyphens ("track-two" = "track two")."""
NEAR_DUPLICATE = 0.8
MIN_WORDS = 4
_FACT = re.compile(r"\d|n't$")
_NEGATIONS = frozenset({"not", "no", "never", "nor", "neither", "none", "nobody", "nothing", "without", "cannot"})


def word_set(text: str) -> frozenset[str]:
    """The words compared for duplicates: lower-cased word tokens, hyphenated ones split at the hyphens."""
    return frozenset(_WORDS.findall(text.lower().replace("’", "'")))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 1.0
    common = len(a & b)
    return common / (len(a) + len(b) - common)


def are_near_duplicates(a: str, b: str) -> bool:
    """Whether two sentences count as near-duplicates (the relation :func:`duplicate_groups` closes over)."""
    return _similar(word_set(a), word_set(b), a, b)


def _similar(wa: frozenset[str], wb: frozenset[str], a: str, b: str) -> bool:
    if min(len(wa), len(wb)) < MIN_WORDS:
        return wa == wb if (wa or wb) else a.strip() == b.strip()
    return jaccard(wa, wb) >= NEAR_DUPLICATE and same_facts(wa, wb)


def same_facts(wa: frozenset[str], wb: frozenset[str]) -> bool:
    """False when the words that differ carry facts: a number ("5%" / "6%") or a negation ("did" / "did not")."""
    return not any(_FACT.search(word) or word in _NEGATIONS for word in wa ^ wb)


def duplicate_groups(texts: Sequence[str]) -> list[int]:
    """For each text, the index of the first text of its group (itself when it has no duplicate)."""
    sets = [word_set(t) for t in texts]
    parent = list(range(len(texts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)

    # short sentences (and ones without words): equal word sets (or equal text) only
    exact: dict[object, int] = {}
    for i, words in enumerate(sets):
        if len(words) < MIN_WORDS:
            key: object = words if words else ("text", texts[i].strip())
            if key in exact:
                union(exact[key], i)
            else:
                exact[key] = i

    # words ordered rarest first; any fixed order gives the same groups, the rarest-first one gives short prefixes
    frequency = Counter(w for words in sets if len(words) >= MIN_WORDS for w in words)
    rank = {w: r for r, w in enumerate(sorted(frequency, key=frequency.__getitem__))}
    index: dict[str, list[tuple[int, int]]] = {}
    t = NEAR_DUPLICATE
    for i, words in enumerate(sets):
        n = len(words)
        if n < MIN_WORDS:
            continue
        prefix = sorted(words, key=rank.__getitem__)[: n - math.ceil(t * n) + 1]
        seen: set[int] = set()
        for position, word in enumerate(prefix):
            postings = index.setdefault(word, [])
            for j, other_position in postings:
                if j in seen:
                    continue
                seen.add(j)  # the first shared word: the bounds below only get tighter for later ones
                other = sets[j]
                m = len(other)
                if not (t * n <= m and t * m <= n):
                    continue
                needed = t * (n + m) / (1 + t)  # Jaccard >= t  <=>  overlap >= t (n + m) / (1 + t)
                if 1 + min(n - position - 1, m - other_position - 1) < needed - 1e-9:
                    continue  # positional filter (Xiao et al. 2008, "PPJoin")
                if len(words & other) >= needed - 1e-9 and same_facts(words, other):
                    union(j, i)
            postings.append((i, position))
    return [find(i) for i in range(len(texts))]
