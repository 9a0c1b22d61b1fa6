"""A large source's paragraphs split on two cores give exactly the sentences one process gives
(briefgen.ingest.split_ahead)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from briefgen.ingest import split_ahead

_PARAGRAPHS = [
    "Dr. Smith met the U.S. envoy at 9 a.m. on Jan. 5. She said the talks went well.",
    "\u201cWe will see,\u201d he said. The vote, carried by 31 to 19, ends the argument.",
    "The council resorts\u2026.Last year, I promised a barrier. It costs \u00a3412m (about $500m).",
]


def _texts(n: int) -> list[str]:
    """*n* distinct paragraphs with abbreviations, quotations and glued sentences, and some repeats."""
    texts = [f"{_PARAGRAPHS[k % 3]} Item {k} was noted by Mr. Jones." for k in range(n)]
    return texts + texts[: n // 10] + [""]


def test_below_the_threshold_nothing_is_split_ahead() -> None:
    assert split_ahead.SplitAhead.start(_texts(20)) is None


_PROBE = textwrap.dedent(
    """
    import json, sys
    import briefgen.forking
    from briefgen.ingest import split_ahead
    from briefgen.ingest.pipeline import source_from_text
    from briefgen.nlp import default_splitter
    from tests.ingest.test_split_ahead import _texts

    briefgen.forking.BUSY_LOAD = float("inf")  # whatever else runs on this machine
    split_ahead.FROM_CHARS = 0
    texts = _texts(3000)
    cache = {}
    calls = []
    # the reader's paragraphs (one the article splitting drops) and the articles' (one it changed)
    dropped, changed = "Leave a Reply. Cancel reply.", "Mr. Jones said so. Item 7 was noted twice."
    ahead = split_ahead.SplitAhead.start([*texts, dropped])  # the child's share: cached, never used
    used = ahead is not None
    ahead.finish(cache, [*texts, changed], progress=lambda d, t, m: calls.append((d, t, m)))
    splitter = default_splitter()
    expected = {t: tuple((s, e, t[s:e]) for s, e in splitter.spans(t)) for t in [dropped, *texts, changed] if t}
    text = "Report\\n\\n" + "\\n\\n".join(texts)
    two = source_from_text(text)
    split_ahead.FROM_CHARS = 10**12
    one = source_from_text(text)
    sentences = lambda s: [(x.id, x.text, x.start, x.end) for a in s.articles for c in a.sections
                           for p in c.paragraphs for x in p.sentences]
    print(json.dumps({
        "used": used,
        "same_cache": cache == expected,
        "cached": len(cache),
        "distinct": len(expected),
        "progress_done": max((d for d, t, m in calls), default=0) if calls else -1,
        "same_source": sentences(two) == sentences(one),
        "sentences": len(sentences(one)),
    }))
    """
)


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or len(os.sched_getaffinity(0)) < 2,
    reason="a second core splits only on Linux with at least two cores",
)
def test_two_cores_give_the_sentences_of_one() -> None:
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    out = subprocess.run(
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, timeout=300, cwd=root, check=False
    )
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout)
    assert got["used"], "the second core was not used"
    assert got["same_cache"] and got["cached"] == got["distinct"] == 3002
    assert got["progress_done"] > 0
    assert got["same_source"] and got["sentences"] > 6000
