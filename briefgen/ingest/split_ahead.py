"""Splitting one large source's paragraphs into sentences on two cores.

Sentence splitting is most of the cost of reading a very large source (a 100,000-paragraph Word file: about
three fifths of its reading time), and each paragraph's sentences depend on that paragraph alone. So when one
source holds at least :data:`FROM_CHARS` characters of distinct paragraphs and forking is safe and useful here
(:func:`briefgen.forking.may_fork`: the command line on Linux, never the desktop app), a forked child starts
splitting the last :data:`CHILD_SHARE` of them as soon as the reader has found the paragraphs, while this process
first splits the source into articles (:func:`briefgen.ingest.articles.split_articles`) and then splits the
rest; both results go into the source's :data:`~briefgen.ingest.structure.SplitCache` before the articles are
built from it. The sentences are the ones the one-process path makes: the same splitter on the same paragraph
text (a paragraph the article splitting changed is simply not found in the cache and is split then); when the
child fails, this process splits its share itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefgen.forking import ForkedCall
from briefgen.ingest.structure import SplitCache
from briefgen.nlp import default_splitter
from briefgen.progress import CancelToken, ProgressCallback, check, report

FROM_CHARS = 2_000_000
"""Distinct paragraph characters from which a second core splits some of them (forking and sending the spans
back cost about a tenth of a second; splitting two million characters takes about two seconds)."""
CHILD_SHARE = 0.63
"""The share of the characters the child splits: more than half, as this process also splits the source into
articles meanwhile (on the 100,000-paragraph Word file about a quarter of the splitting's cost, which makes 0.63
the share at which both finish together)."""
_CHECK_EVERY_CHARS = 50_000

_Spans = list[tuple[tuple[int, int], ...]]


class SplitAhead:
    """A child splitting the last share of a source's paragraphs (see the module)."""

    def __init__(self, theirs: list[str], call: ForkedCall[_Spans], total: int) -> None:
        self._theirs = theirs
        self._call = call
        self._total = total

    @classmethod
    def start(cls, texts: Sequence[str]) -> SplitAhead | None:
        """The child started on the last :data:`CHILD_SHARE` of the distinct non-empty *texts*; None below
        :data:`FROM_CHARS` or where forking is not used."""
        distinct = [t for t in dict.fromkeys(texts) if t]
        total = sum(map(len, distinct))
        if total < FROM_CHARS:
            return None
        first, running = 0, 0
        while first < len(distinct) and running < total * (1 - CHILD_SHARE):
            running += len(distinct[first])
            first += 1
        theirs = distinct[first:]
        splitter = default_splitter()
        call = ForkedCall.start(lambda: [tuple(splitter.spans(t)) for t in theirs])
        return None if call is None else cls(theirs, call, total)

    def finish(
        self,
        cache: SplitCache,
        texts: Sequence[str],
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> None:
        """Split the distinct non-empty *texts* the child does not split, then put both results in *cache*.
        Raises :class:`~briefgen.errors.Cancelled` (the child stopped) once *cancel* is set."""
        splitter = default_splitter()
        theirs = set(self._theirs)
        done, next_check = 0, _CHECK_EVERY_CHARS
        for text in dict.fromkeys(texts):
            if not text or text in theirs or text in cache:
                continue
            cache[text] = tuple((s, e, text[s:e]) for s, e in splitter.spans(text))
            done += len(text)
            if done >= next_check:
                next_check = done + _CHECK_EVERY_CHARS
                check(cancel)
                # the child splits at about the same pace: its share is done in the same proportion
                report(progress, min(int(done / (1 - CHILD_SHARE)), self._total), self._total, "Splitting sentences")
        spans = self._call.result(cancel)
        for text, found in zip(self._theirs, spans, strict=True):
            cache[text] = tuple((s, e, text[s:e]) for s, e in found)

    def stop(self) -> None:
        """End the child if it still runs (when reading stopped early)."""
        self._call.stop()
