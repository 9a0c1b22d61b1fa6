"""Fitting a brief to N pages: the page count is measured on the rendered PDF, never guessed from word counts.

A brief of N pages is the longest brief (in words) whose PDF, with the brief's own template, has at most N
pages. :func:`fit_pages` searches the word budget: it measures a first guess, gallops up or down until the
answer is bracketed, then bisects until the bracket is within :data:`PRECISION` of the budget. Briefs that
hold the same sentences are measured once. The Word and Markdown briefs of a page budget use the word budget
found for the PDF, so all three carry the same sentences.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from briefgen.brief import Brief
from briefgen.progress import CancelToken, check

WORDS_PER_PAGE_GUESS = 330
"""Only the first guess: every answer is measured."""
WORDS_PER_PAGE_MAX = 1200
"""No template puts more words than this on a page: the upper end of the search."""
PRECISION = 0.04
MAX_RENDERS = 14


@dataclass(frozen=True, slots=True)
class Fitted:
    brief: Brief
    words: int
    """The word budget found."""
    pages: int
    """The PDF's pages at that budget."""
    renders: int
    warnings: tuple[str, ...] = ()


def pdf_page_count(data: bytes) -> int:
    """Pages of a PDF document (as written by our renderer)."""
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(data)).pages)


def fit_pages(
    compose_words: Callable[[int], Brief],
    measure: Callable[[Brief], int],
    pages: int,
    upper: int,
    cancel: CancelToken | None = None,
) -> Fitted:
    """The longest brief of at most *upper* words whose measured PDF has at most *pages* pages."""
    upper = max(1, upper)
    cache: dict[tuple[str, ...], int] = {}
    renders = 0

    def trial(words: int) -> tuple[Brief, int]:
        nonlocal renders
        check(cancel)
        brief = compose_words(words)
        key = tuple(s.id for s in brief.sentences())
        if key not in cache:
            cache[key] = measure(brief)
            renders += 1
        return brief, cache[key]

    guess = min(upper, pages * WORDS_PER_PAGE_GUESS)
    best_brief, best_pages = trial(guess)
    lo, hi = (guess, None) if best_pages <= pages else (None, guess)
    while renders < MAX_RENDERS:
        if lo is None:  # too long: halve until it fits
            assert hi is not None
            step = hi // 2
            if step < 1:
                break
            brief, n = trial(step)
            if n <= pages:
                lo, best_brief, best_pages = step, brief, n
            else:
                hi = step
                best_brief, best_pages = brief, n
        elif hi is None:  # fits: double until it does not (or everything fits)
            if lo >= upper:
                break
            step = min(upper, lo * 2)
            brief, n = trial(step)
            if n <= pages:
                lo, best_brief, best_pages = step, brief, n
            else:
                hi = step
        else:
            if hi - lo <= max(8, PRECISION * lo):
                break
            middle = (lo + hi) // 2
            brief, n = trial(middle)
            if n <= pages:
                lo, best_brief, best_pages = middle, brief, n
            else:
                hi = middle
    warnings: tuple[str, ...] = ()
    if best_pages > pages:
        warnings = (
            f"the brief does not fit on {pages} page{'s' if pages != 1 else ''}: "
            f"even its shortest form takes {best_pages} (its title, parts and source list alone)",
        )
    return Fitted(best_brief, lo if lo is not None else 1, best_pages, renders, warnings)
