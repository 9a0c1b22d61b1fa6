"""``summarize(corpus, request)``: the extractive summariser's entry point.

The steps, each in its own module:

1. the request is checked and its selection resolved (:mod:`briefgen.summarize.inputs`);
2. near-duplicates are grouped within and across sources (:mod:`~briefgen.summarize.duplicates`): a group
   competes as one sentence, quoted from its most relevant copy (or a pinned one), and its copies in other
   articles become extra citations; excluding one copy excludes the group;
3. the algorithm (:mod:`~briefgen.summarize.registry`) scores the sentences and the shared greedy loop
   (:mod:`~briefgen.summarize.selection`) fills the budget: pins first, excluded sentences never, questions and
   lead-ins never, very short sentences only when a sentence budget needs them, and a sentence that leans on the
   one before it (:mod:`~briefgen.summarize.standalone`) only once that one is chosen;
4. the chosen sentences are put back in reading order, with key phrases and key figures alongside, and the
   sections and articles that repeat an earlier one are named (:mod:`~briefgen.summarize.copies`).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from briefgen.corpus import Corpus
from briefgen.forking import ForkedCall
from briefgen.progress import CancelToken, ProgressCallback, check, report
from briefgen.summarize.api import Budget, Summary, SummaryRequest, SummarySentence
from briefgen.summarize.budgets import limits_for
from briefgen.summarize.copies import find_copies
from briefgen.summarize.duplicates import duplicate_groups, windowed_groups
from briefgen.summarize.inputs import SelectedText, gather, with_terms
from briefgen.summarize.interface import Algorithm, Objective
from briefgen.summarize.key_figures import figure_strength
from briefgen.summarize.keyphrases import Phrase, sentence_phrases, top_phrases
from briefgen.summarize.phrase_table import table_phrases
from briefgen.summarize.registry import get_algorithm, resolve_name
from briefgen.summarize.selection import select
from briefgen.summarize.sentence_set import SentenceSet
from briefgen.summarize.standalone import ends_with_colon, is_question, leans_on_previous, stands_alone
from briefgen.summarize.tokens import TABLE_FROM
from briefgen.summarize.vectors import FloatArray

GROUP_ASIDE_FROM = 5000
"""Sentences from which near-duplicates are grouped in a forked process while the rest goes on (when forking is
allowed: :func:`briefgen.forking.may_fork`); below that, forking costs more than it saves."""
PHRASES_ASIDE_FROM = 5000
"""Group representatives from which the key phrases of the whole selection are found in a forked process while the
sentences are chosen (same conditions): about 0.3 s of 17,000 sentences, against a fork of a few milliseconds."""
WINDOW_FROM = 50_000
"""Selected sentences from which a summary is chosen from a window of the most relevant ones (a very large input:
a 1,000-page report, a hundred thousand paragraphs)."""
WINDOW = 20_000
"""Sentences in that window: the most relevant by the algorithm's own score over the whole input. Only they are
candidates (pinned sentences always count) and only they are checked for standing alone; near-duplicates are
looked for among them, while elsewhere only sentences of the same text are grouped (still cited, still merged
in copies). Key phrases and key figures still come from every sentence."""


@dataclass(frozen=True, slots=True)
class _Ranked:
    """Sentences scored by the algorithm (:meth:`_Run.rank`)."""

    indices: Sequence[int]
    part: SentenceSet
    objective: Objective
    relevance: FloatArray
    window: list[int] | None
    """On a very large input, the candidates' window (see the module)."""


def group_aside(texts: Sequence[str], cancel: CancelToken | None) -> ForkedCall[list[int]] | None:
    """Near-duplicate grouping of *texts* started in a forked child, when there are enough sentences for it to
    pay (:data:`GROUP_ASIDE_FROM`) and forking is allowed; None when the sentences are grouped in this process."""
    if GROUP_ASIDE_FROM <= len(texts) < WINDOW_FROM:
        return ForkedCall.start(lambda: duplicate_groups(texts, cancel))
    return None


class _Run:
    """One summarisation: the selected text, its duplicate groups and the chosen algorithm."""

    def __init__(
        self,
        text: SelectedText,
        algorithm: Algorithm,
        cancel: CancelToken | None,
        context_rule: bool = False,
        grouping: ForkedCall[list[int]] | None = None,
    ) -> None:
        self.text = text
        self.algorithm = algorithm
        self.cancel = cancel
        texts = text.sentences.texts
        self.windowed = len(texts) >= WINDOW_FROM
        """A very large input: candidates come from a window of the most relevant sentences (see the module)."""
        self._grouping = grouping
        """Near-duplicate grouping running aside (:func:`group_aside`), needed only once sentences are ranked."""
        self._groups: list[int] | None = None
        self._members: dict[int, list[int]] = {}
        self._group_excluded: dict[int, bool] = {}
        if self._grouping is None and not self.windowed:
            self._set_groups(duplicate_groups(texts, cancel))
        self._context_rule = context_rule
        self._checked: dict[str, tuple[bool, bool, bool]] = {}
        self.standalone = [False] * len(texts)
        self.short_only = [False] * len(texts)
        """Sentences kept out only for being short: a sentence budget may still need them."""
        self.leans = [False] * len(texts)
        if not self.windowed:
            self._check(range(len(texts)))
        self.previous: list[int | None] = [None] * len(texts)
        for indices in text.sections.values():
            for before, after in itertools.pairwise(indices):
                self.previous[after] = before

    def _check(self, indices: Iterable[int]) -> None:
        """Whether each of these sentences stands alone, is short only, leans on the one before it."""
        texts, checked, context_rule = self.text.sentences.texts, self._checked, self._context_rule
        for i in indices:
            text = texts[i]
            flags = checked.get(text)
            if flags is None:
                alone = stands_alone(text)
                short = not alone and not is_question(text) and not ends_with_colon(text)
                flags = checked[text] = (alone, short, context_rule and leans_on_previous(text))
            self.standalone[i], self.short_only[i], self.leans[i] = flags

    def _window(self, indices: Sequence[int], relevance: FloatArray) -> list[int]:
        """The :data:`WINDOW` most relevant of *indices* (the earlier of equals), in order."""
        if len(indices) <= WINDOW:
            return list(indices)
        index = np.asarray(indices, dtype=np.int64)
        order = np.lexsort((index, -relevance[index]))[:WINDOW]
        return sorted(index[order].tolist())

    def _set_groups(self, groups: list[int]) -> None:
        members: dict[int, list[int]] = {}
        for i, root in enumerate(groups):
            members.setdefault(root, []).append(i)
        # a group is out when one of its sentences is excluded and none is pinned
        excluded, pinned = self.text.excluded, self.text.pinned
        self._group_excluded = {
            root: any(excluded[i] for i in ms) and not any(pinned[i] for i in ms) for root, ms in members.items()
        }
        self._members = members
        self._groups = groups

    @property
    def groups(self) -> list[int]:
        """For each sentence, the first sentence of its near-duplicate group."""
        if self._groups is None:
            if self._grouping is None:  # a very large input, asked before anything was ranked
                self._set_groups(windowed_groups(self.text.sentences.texts, range(WINDOW), self.cancel))
            else:
                self._set_groups(self._grouping.result(self.cancel))
        assert self._groups is not None
        return self._groups

    @property
    def members(self) -> dict[int, list[int]]:
        """Group root -> its sentences."""
        self.groups  # noqa: B018 - waits for the grouping
        return self._members

    @property
    def group_excluded(self) -> dict[int, bool]:
        self.groups  # noqa: B018 - waits for the grouping
        return self._group_excluded

    def stop(self) -> None:
        """Stop a grouping still running aside (when the summary is abandoned)."""
        if self._grouping is not None and self._groups is None:
            self._grouping.stop()

    def part(self, indices: Sequence[int], budget: Budget) -> tuple[list[int], FloatArray, dict[int, int]]:
        """Chosen sentences (indices into the selected text, reading order) of a summary of *indices*, the
        relevance of every sentence, and the order in which each chosen one was chosen."""
        ranked = self.rank(indices)
        chosen, ranks = self.choose(ranked, budget, self.representatives(indices, ranked.relevance))
        return chosen, ranked.relevance, ranks

    def rank(self, indices: Sequence[int]) -> _Ranked:
        """The algorithm's view of *indices*: its objective and the relevance of every sentence (and, on a very
        large input, the window of candidates, whose near-duplicates are grouped now if not yet)."""
        sentences = self.text.sentences
        part = sentences if len(indices) == len(sentences) else sentences.subset(indices)
        objective = self.algorithm.objective(part)
        relevance = np.zeros(len(sentences))
        relevance[list(indices)] = objective.relevance
        window = self._window(indices, relevance) if self.windowed else None
        if window is not None and self._groups is None:  # the first part: the window of the whole input
            self._set_groups(self._windowed_groups(window))
        return _Ranked(indices, part, objective, relevance, window)

    def _windowed_groups(self, window: list[int]) -> list[int]:
        """The near-duplicate groups of a very large input with this window of candidates: found by a second
        core where it may be used, while this process checks which of the window's sentences stand alone."""
        texts, cancel = self.text.sentences.texts, self.cancel
        aside = ForkedCall.start(lambda: windowed_groups(texts, window, cancel))
        if aside is None:
            return windowed_groups(texts, window, cancel)
        try:
            self._check(window)  # the candidates come from the window (and the pins): checked now, not later
            return aside.result(cancel)
        finally:
            aside.stop()

    def choose(
        self, ranked: _Ranked, budget: Budget, representatives: Sequence[int]
    ) -> tuple[list[int], dict[int, int]]:
        """The sentences chosen among *representatives* (:meth:`representatives` of the ranked indices), in
        reading order, and the order in which each was chosen."""
        indices = ranked.indices
        local = {i: k for k, i in enumerate(indices)}
        candidates = np.zeros(len(indices), dtype=bool)
        fallback = np.zeros(len(indices), dtype=bool)
        pins: list[int] = []
        followers: dict[int, list[int]] = {}
        chosen_from = list(representatives)
        if ranked.window is not None:
            within = set(ranked.window)
            chosen_from = [i for i in chosen_from if i in within or self.text.pinned[i]]
            self._check(chosen_from)
        for i in chosen_from:
            if self.text.pinned[i]:
                pins.append(local[i])
            elif self.leans[i]:
                before = self.previous[i]
                if (self.standalone[i] or self.short_only[i]) and before is not None and before in local:
                    followers.setdefault(local[before], []).append(local[i])
            elif self.standalone[i]:
                candidates[local[i]] = True
            elif self.short_only[i]:
                fallback[local[i]] = True
        limits = limits_for(budget, int(ranked.part.word_counts.sum()))
        chosen = select(
            ranked.objective, ranked.part.word_counts, candidates, pins, limits, self.cancel, fallback, followers
        )
        ranks = {indices[k]: n for n, k in enumerate(chosen)}
        return sorted(ranks), ranks

    def summary_sentence(self, i: int, relevance: FloatArray, rank: int = 0) -> SummarySentence:
        ref = self.text.refs[i]
        citations = [ref.citation()]
        cited_articles = {ref.article.id}
        for j in self.members[self.groups[i]]:
            other = self.text.refs[j]
            if other.article.id not in cited_articles:
                cited_articles.add(other.article.id)
                citations.append(other.citation())
        return SummarySentence(
            id=ref.sentence.id,
            text=ref.sentence.text,
            citations=tuple(citations),
            score=round(float(relevance[i]), 6),
            pinned=self.text.pinned[i],
            rank=rank,
        )

    def representatives(self, indices: Sequence[int], relevance: FloatArray | None = None) -> list[int]:
        """One sentence per duplicate group among *indices*, in order; excluded groups have none.

        A group with pinned sentences is represented by them; otherwise by its most relevant sentence (the first
        of equals): the copy that made the group worth choosing is the one quoted, the others are cited.
        """
        best: dict[int, int] = {}
        pinned: list[int] = []
        pinned_groups: set[int] = set()
        for i in indices:
            root = self.groups[i]
            if self.text.pinned[i]:
                pinned.append(i)
                pinned_groups.add(root)
            elif not self.group_excluded[root] and (
                root not in best or (relevance is not None and relevance[i] > relevance[best[root]])
            ):
                best[root] = i
        out = pinned + [i for root, i in best.items() if root not in pinned_groups]
        return sorted(out)


def summarize(
    corpus: Corpus,
    request: SummaryRequest,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> Summary:
    """An extractive summary of the selected text of *corpus*.

    Raises :class:`~briefgen.errors.InputError` for an unknown algorithm, a bad budget or ids that are not in the
    corpus, and :class:`~briefgen.errors.Cancelled` when *cancel* is set.
    """
    name = resolve_name(request.algorithm)
    gathered = gather(corpus, request)
    grouping = group_aside(gathered.texts, cancel)  # from here on a second core groups near-duplicates
    try:
        text = with_terms(gathered)
        steps = 4 + (len(text.section_ids) if request.per_section is not None else 0)
        report(progress, 0, steps, "Reading sentences")
        check(cancel)
        run = _Run(text, get_algorithm(name), cancel, request.context_rule, grouping)
    except BaseException:
        if grouping is not None:
            grouping.stop()
        raise
    try:
        return _summary(run, name, request, steps, progress, cancel)
    finally:
        run.stop()


def _summary(
    run: _Run,
    name: str,
    request: SummaryRequest,
    steps: int,
    progress: ProgressCallback | None,
    cancel: CancelToken | None,
) -> Summary:
    text = run.text
    report(progress, 1, steps, "Ranking sentences")
    check(cancel)
    everything = list(range(len(text.sentences)))
    ranked = run.rank(everything)
    relevance = ranked.relevance
    representatives = run.representatives(everything, relevance)
    phrase_cache: dict[int, tuple[Phrase, ...]] = {}

    def key_phrases(indices: list[int], limit: int) -> tuple[str, ...]:
        if text.tokens is not None and len(indices) >= TABLE_FROM:
            return table_phrases(text.tokens, indices, limit)
        for i in indices:
            if i not in phrase_cache:
                phrase_cache[i] = sentence_phrases(text.sentences.texts[i])
        return top_phrases(map(phrase_cache.__getitem__, indices), limit)

    # the key phrases of everything need only the representatives: a second core finds them meanwhile
    phrases_aside = (
        ForkedCall.start(lambda: key_phrases(representatives, request.max_keyphrases))
        if len(representatives) >= PHRASES_ASIDE_FROM
        else None
    )
    try:
        chosen, ranks = run.choose(ranked, request.budget, representatives)
        sentences = tuple(run.summary_sentence(i, relevance, ranks[i]) for i in chosen)
        report(progress, 2, steps, "Key phrases and figures")
        check(cancel)
        figures = _key_figures(run, representatives, relevance, request.max_key_figures)
        section_phrases: dict[str, tuple[str, ...]] = {}
        for section_id, indices in text.sections.items() if request.per_section_keyphrases else ():
            section_representatives = run.representatives(indices)
            section_phrases[section_id] = key_phrases(section_representatives, max(1, request.max_keyphrases // 2))
        check(cancel)
        by_section: dict[str, tuple[SummarySentence, ...]] = {}
        if request.per_section is not None:
            for n, (section_id, indices) in enumerate(text.sections.items()):
                report(progress, 3 + n, steps, "Summarising sections")
                check(cancel)
                chosen_here, relevance_here, ranks_here = run.part(indices, request.per_section)
                by_section[section_id] = tuple(
                    run.summary_sentence(i, relevance_here, ranks_here[i]) for i in chosen_here
                )
        section_copies, article_copies = find_copies(text.refs, run.groups, text.sections)
        phrases = (  # last: the child has had all of the above to finish
            phrases_aside.result(cancel)
            if phrases_aside is not None
            else key_phrases(representatives, request.max_keyphrases)
        )
    finally:
        if phrases_aside is not None:
            phrases_aside.stop()
    report(progress, steps, steps, "Summary ready")
    return Summary(
        algorithm=name,
        sentences=sentences,
        keyphrases=phrases,
        key_figures=figures,
        by_section=by_section,
        section_keyphrases=section_phrases,
        copies=section_copies,
        article_copies=article_copies,
    )


def _key_figures(run: _Run, indices: Sequence[int], relevance: FloatArray, limit: int) -> tuple[SummarySentence, ...]:
    """The *limit* sentences with the best ``relevance * (0.5 + 0.5 * figure strength)``, best first (the first
    in reading order between equals); only sentences that state a quantity (strength > 0) qualify, and as many
    as there are, up to *limit*, are returned, however low their relevance.

    Sentences are tried from the most relevant down, and the search stops only once *limit* sentences are found
    and no remaining one could beat or tie the worst of them (a score never exceeds the relevance), so only the
    top of a large input is usually scanned.
    """
    if limit <= 0:
        return ()
    texts = run.text.sentences.texts
    by_relevance = sorted(indices, key=lambda i: (-float(relevance[i]), i))
    best: list[tuple[float, int]] = []
    for i in by_relevance:
        if len(best) >= limit and float(relevance[i]) < -best[-1][0]:
            break
        strength = figure_strength(texts[i])
        if strength > 0:
            best.append((-float(relevance[i]) * (0.5 + 0.5 * strength), i))
            best.sort()
            del best[limit:]
    return tuple(run.summary_sentence(i, relevance) for _, i in best)
