"""Whether a sentence can stand on its own in a summary, away from its neighbours.

A sentence that ends with a colon introduces what follows it ("The stated objectives are to:"), a question asks
rather than tells ("Will the new approach be effective?"), and a very short sentence ("You heard that pledge.")
rarely says anything without its context. Such sentences are chosen only when a sentence budget cannot be met
otherwise, or when the user pins them.
"""

from __future__ import annotations

MIN_WORDS = 5


def stands_alone(text: str) -> bool:
    stripped = text.rstrip().rstrip("\"'”’)]")
    return not stripped.endswith((":", "?")) and len(text.split()) >= MIN_WORDS
