"""Per-sentence work done once per distinct text: large sources repeat sentences (a story reprinted hundreds of
times, recurring boilerplate), and every check the summariser makes of a sentence depends on its text alone."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")


def per_text(function: Callable[[str], T], texts: Iterable[str]) -> list[T]:
    """``[function(t) for t in texts]``, calling *function* once per distinct text (equal texts share the result,
    so it must not be mutated)."""
    done: dict[str, T] = {}
    out: list[T] = []
    for text in texts:
        if text in done:
            out.append(done[text])
        else:
            value = done[text] = function(text)
            out.append(value)
    return out
