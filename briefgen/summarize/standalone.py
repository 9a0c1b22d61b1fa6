"""Whether a sentence can stand on its own in a summary, away from its neighbours.

A sentence that ends with a colon introduces what follows it ("The stated objectives are to:"), and a very short
one ("You heard that pledge.", "Why?") rarely says anything without its context. Such sentences are chosen only
when a sentence budget cannot be met otherwise, or when the user pins them.
"""

from __future__ import annotations

MIN_WORDS = 5


def stands_alone(text: str) -> bool:
    stripped = text.rstrip()
    return not stripped.endswith(":") and len(stripped.split()) >= MIN_WORDS
