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

from briefgen.progress import CancelToken, check

_WORDS = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
"""Words as :func:`briefgen.nlp.tokenize_words` finds them, split at hyphens ("track-two" = "track two")."""
NEAR_DUPLICATE = 0.8
MIN_WORDS = 4
_PREFIX_BUDGET_BASE = 200_000
_PREFIX_BUDGET_PER_SET = 40
"""Postings entries exact prefix filtering may scan: ``BASE + PER_SET * sets``. Ordinary prose needs about 30
per sentence (the BBC set: 1.1 million for 36,000 distinct sentences); text made of common words only needs
far more, and gets MinHash candidates instead."""
_CHECK_EVERY = 4096
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


def duplicate_groups(texts: Sequence[str], cancel: CancelToken | None = None) -> list[int]:
    """For each text, the index of the first text of its group (itself when it has no duplicate).

    Raises :class:`~briefgen.errors.Cancelled` when *cancel* is set (checked every few thousand sentences).
    """
    # exact buckets: sentences with the same word set (or, without words, the same text) are one group at once,
    # and only the first of each bucket takes part in the search for near-duplicates
    first: dict[object, int] = {}
    bucket = [0] * len(texts)
    known: dict[str, frozenset[str]] = {}
    indices: list[int] = []
    sets: list[frozenset[str]] = []
    for i, text in enumerate(texts):
        if i % _CHECK_EVERY == 0:
            check(cancel)
        words = known.get(text)
        if words is None:
            words = known[text] = word_set(text)
        key: object = words if words else ("text", text.strip())
        j = bucket[i] = first.setdefault(key, i)
        if j == i and len(words) >= MIN_WORDS:
            indices.append(i)
            sets.append(words)
    del known, first
    groups = _Groups(len(sets))
    prefixes = _prefixes(sets)
    if _prefix_cost(prefixes) <= _PREFIX_BUDGET_BASE + _PREFIX_BUDGET_PER_SET * len(sets):
        _prefix_join(sets, prefixes, groups, cancel)
    else:
        del prefixes
        _minhash_join(sets, groups, cancel)
    root = {indices[k]: indices[groups.find(k)] for k in groups.merged()}
    return [root.get(j, j) for j in bucket]


def windowed_groups(texts: Sequence[str], window: Sequence[int], cancel: CancelToken | None = None) -> list[int]:
    """:func:`duplicate_groups` for very large inputs: sentences of the same text (white space at the ends aside)
    form a group, and near-duplicates are looked for only among the sentences of *window* (and their copies).

    Groups are still closed under the first relation and rooted at their first sentence.
    """
    first: dict[str, int] = {}
    roots = [first.setdefault(text.strip(), i) for i, text in enumerate(texts)]
    del first
    check(cancel)
    members = sorted({roots[i] for i in window})
    near = duplicate_groups([texts[i] for i in members], cancel)
    merged = {members[k]: members[j] for k, j in enumerate(near) if j != k}
    return [merged.get(root, root) for root in roots]


class _Groups:
    """Union-find over ``0..n-1`` whose roots are always the smallest member."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        parent = self.parent
        root = i
        while parent[root] != root:
            root = parent[root]
        while parent[i] != root:
            parent[i], i = root, parent[i]
        return root

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)

    def merged(self) -> list[int]:
        return [i for i, p in enumerate(self.parent) if p != i]


def _similar_sets(a: frozenset[str], b: frozenset[str]) -> bool:
    n, m = len(a), len(b)
    return len(a & b) >= NEAR_DUPLICATE * (n + m) / (1 + NEAR_DUPLICATE) - 1e-9 and same_facts(a, b)


def _prefixes(sets: Sequence[frozenset[str]]) -> list[list[str]]:
    """Each set's prefix: its first ``n - ceil(t n) + 1`` words, rarest first (ties in first-seen order)."""
    frequency = Counter(w for words in sets for w in words)
    # any fixed order gives the same groups; the rarest-first one gives the shortest postings
    rank = {w: r for r, w in enumerate(sorted(frequency, key=frequency.__getitem__))}
    t = NEAR_DUPLICATE
    return [sorted(words, key=rank.__getitem__)[: len(words) - math.ceil(t * len(words)) + 1] for words in sets]


def _prefix_cost(prefixes: Sequence[Sequence[str]]) -> int:
    """How many postings entries :func:`_prefix_join` would scan."""
    return sum(c * (c - 1) // 2 for c in Counter(w for prefix in prefixes for w in prefix).values())


def _prefix_join(
    sets: Sequence[frozenset[str]], prefixes: Sequence[Sequence[str]], groups: _Groups, cancel: CancelToken | None
) -> None:
    """Unite every near-duplicate pair of *sets* (distinct, at least :data:`MIN_WORDS` words each)."""
    index: dict[str, list[tuple[int, int]]] = {}
    t = NEAR_DUPLICATE
    sizes = [len(words) for words in sets]
    for i, words in enumerate(sets):
        if i % _CHECK_EVERY == 0:
            check(cancel)
        n = sizes[i]
        seen: set[int] = set()
        for position, word in enumerate(prefixes[i]):
            postings = index.get(word)
            if postings is None:
                index[word] = [(i, position)]
                continue
            left = n - position  # words of this set from the shared one on
            for j, other_position in postings:
                if j in seen:
                    continue
                seen.add(j)  # the first shared word: the bounds below only get tighter for later ones
                m = sizes[j]
                if not (t * n <= m and t * m <= n):
                    continue
                # Jaccard >= t  <=>  overlap >= t (n + m) / (1 + t)
                needed = t * (n + m) / (1 + t) - 1e-9
                right = m - other_position
                if (left if left < right else right) < needed:
                    continue  # positional filter (Xiao et al. 2008, "PPJoin")
                other = sets[j]
                if len(words & other) >= needed and same_facts(words, other):
                    groups.union(j, i)
            postings.append((i, position))


def _minhash_join(sets: Sequence[frozenset[str]], groups: _Groups, cancel: CancelToken | None) -> None:
    """Unite the near-duplicate pairs among MinHash candidates (:mod:`briefgen.summarize.minhash`)."""
    from briefgen.summarize.minhash import candidate_pairs

    for k, (i, j) in enumerate(candidate_pairs(sets, cancel, NEAR_DUPLICATE).tolist()):
        if k % _CHECK_EVERY == 0:
            check(cancel)
        if groups.find(i) != groups.find(j) and _similar_sets(sets[i], sets[j]):
            groups.union(i, j)
