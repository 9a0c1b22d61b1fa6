"""The line joiner's quick paths (the end of a line found without scanning it, ASCII lines folded at once) give
what the plain ways give."""

from __future__ import annotations

import random
from collections import Counter

from briefgen.ingest.readers.pdf_line_join import LineJoiner, _tail_start, _vocabulary


def _tail_start_plainly(text: str) -> int:
    i = len(text)
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    return i


def test_the_last_run_of_a_text_is_found_as_a_scan_finds_it() -> None:
    rng = random.Random(3)
    alphabet = "ab- \u00a0\n\t\u00ad"
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 9)))
        assert _tail_start(text) == _tail_start_plainly(text), repr(text)


def test_words_are_folded_alike_in_ascii_and_other_lines() -> None:
    vocabulary = _vocabulary(["The STRASSE and the Straße", "İstanbul, Co-Operate and ΣΟΦΙΑ", "co-", "operate now"])
    assert vocabulary == Counter(
        {
            "the": 2,
            "strasse": 2,
            "and": 2,
            "i̇stanbul": 1,
            "co-operate": 1,
            "co": 1,
            "operate": 1,
            "σοφια": 1,
            "now": 1,
        }
    )


def test_breaks_at_line_ends_are_mended_or_kept_as_before() -> None:
    lines = ["the pro-", "grammes and a deep-", "seated co-", "operation; see www.example.org/", "path/to/page now"]
    joiner = LineJoiner([*lines, "programmes", "deep-seated"])
    expected = "the programmes and a deep-seated cooperation; see www.example.org/path/to/page now"
    assert joiner.join(lines) == expected  # (the document hyphenates: "co-/operation" is mended)
    assert joiner.join(["soft\u00ad", "ware"]) == "software"
