"""Splitting one large source's paragraphs into sentences on two cores.

Sentence splitting is most of the cost of reading a very large source (a 100,000-paragraph Word file: about
three fifths of its reading time), and each paragraph's sentences depend on that paragraph alone. So when one
source holds at least :data:`FROM_CHARS` characters of distinct paragraphs and forking is safe and useful here
(:func:`briefgen.forking.may_fork`: the command line on Linux, never the desktop app), a forked child splits the
second half of the distinct paragraphs while this process splits the first, and both results go into the
source's :data:`~briefgen.ingest.structure.SplitCache` before the articles are built from it. The sentences are
the ones the one-process path makes: the same splitter on the same paragraph text; when the child fails, this
process splits its half itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefgen.forking import ForkedCall
from briefgen.ingest.structure import SplitCache
from briefgen.nlp import default_splitter
from briefgen.progress import CancelToken, ProgressCallback, check, report

FROM_CHARS = 2_000_000
"""Distinct paragraph characters from which a second core splits half of them (forking and sending the spans
back cost about a tenth of a second; splitting two million characters takes about two seconds)."""
_CHECK_EVERY_CHARS = 50_000


def prefill(
    cache: SplitCache,
    texts: Sequence[str],
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> bool:
    """Split the distinct non-empty *texts* not yet in *cache* on two cores and put their sentences in *cache*.

    Does nothing (and returns False) below :data:`FROM_CHARS` or where forking is not used; raises
    :class:`~briefgen.errors.Cancelled` once *cancel* is set.
    """
    distinct = [t for t in dict.fromkeys(texts) if t and t not in cache]
    total = sum(map(len, distinct))
    if total < FROM_CHARS:
        return False
    half, running = 0, 0
    while half < len(distinct) and running < total / 2:
        running += len(distinct[half])
        half += 1
    theirs = distinct[half:]
    splitter = default_splitter()
    call = ForkedCall.start(lambda: [splitter.spans(t) for t in theirs])
    if call is None:
        return False
    try:
        done, next_check = 0, _CHECK_EVERY_CHARS
        for text in distinct[:half]:
            cache[text] = tuple((s, e, text[s:e]) for s, e in splitter.spans(text))
            done += len(text)
            if done >= next_check:
                next_check = done + _CHECK_EVERY_CHARS
                check(cancel)
                # the child splits at the same pace: twice this process's share is done
                report(progress, min(2 * done, total), total, "Splitting sentences")
        spans = call.result(cancel)
    finally:
        call.stop()
    for text, found in zip(theirs, spans, strict=True):
        cache[text] = tuple((s, e, text[s:e]) for s, e in found)
    return True
