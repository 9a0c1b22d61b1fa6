"""A call run in a forked child (briefgen.forking): its result, the fallbacks, cancelling; and the summariser's
near-duplicate grouping and key phrases run aside give the summary found inline."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading

import pytest

from briefgen import forking

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or len(os.sched_getaffinity(0)) < 2,
    reason="calls are forked only on Linux with at least two cores",
)


_NOT_BUSY = "import briefgen.forking\nbriefgen.forking.BUSY_LOAD = float('inf')  # whatever else runs here\n"


def _run(code: str) -> list[str]:
    proc = subprocess.run(
        [sys.executable, "-c", _NOT_BUSY + textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.split()


def test_a_forked_call_returns_its_result_and_falls_back_when_the_child_fails() -> None:
    out = _run(
        """
        import os, time
        from briefgen.errors import Cancelled
        from briefgen.forking import ForkedCall
        from briefgen.progress import CancelToken

        parent = os.getpid()
        def where():
            return "child" if os.getpid() != parent else "parent"
        def fails_in_child():
            if os.getpid() != parent:
                raise ValueError("child only")
            return "parent"
        def dies_in_child():
            if os.getpid() != parent:
                os._exit(3)
            return "parent"
        print(ForkedCall.start(where).result())
        print(ForkedCall.start(lambda: list(range(100_000))).result() == list(range(100_000)))
        print(ForkedCall.start(fails_in_child).result())
        print(ForkedCall.start(dies_in_child).result())
        token = CancelToken()
        call = ForkedCall.start(lambda: time.sleep(60))
        token.cancel()
        start = time.monotonic()
        try:
            call.result(token)
        except Cancelled:
            print("cancelled", time.monotonic() - start < 10, call._child.is_alive())
        """
    )
    assert out == ["child", "True", "parent", "parent", "cancelled", "True", "False"]


def test_nothing_is_forked_beside_other_threads_or_on_a_busy_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forking, "BUSY_LOAD", 0.0)
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    assert not forking.may_fork()
    monkeypatch.undo()

    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not forking.may_fork()
    finally:
        stop.set()
        other.join()


def test_grouping_and_key_phrases_aside_give_the_same_summary() -> None:
    out = _run(
        """
        import random
        from briefgen.ingest import source_from_text
        from briefgen.corpus import Corpus
        from briefgen.summarize import engine
        from briefgen.summarize.api import Budget, SummaryRequest

        rng = random.Random(5)
        words = "council water river bridge flood mayor budget school road rail plan vote city year".split()
        sentences = []
        for n in range(5200):
            picked = rng.sample(words, 8)
            if n % 7 == 0 and sentences:
                sentences.append(rng.choice(sentences))  # exact and near repeats
                continue
            sentences.append(f"The {picked[0]} and the {picked[1]} met {picked[2]} {n % 50} times in {picked[3]}.")
        paragraphs = [" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5)]
        corpus = Corpus([source_from_text("\\n\\n".join(paragraphs))])
        request = SummaryRequest(budget=Budget(sentences=12), context_rule=True)
        engine.GROUP_ASIDE_FROM = engine.PHRASES_ASIDE_FROM = 10**9
        inline = engine.summarize(corpus, request)
        engine.GROUP_ASIDE_FROM = 5000
        engine.PHRASES_ASIDE_FROM = 100  # near-duplicates leave a few hundred representatives
        forked = []
        original = engine.ForkedCall.start
        engine.ForkedCall.start = lambda f: forked.append(1) or original(f)
        aside = engine.summarize(corpus, request)
        print(len(corpus.sources[0].articles[0].sections[0].paragraphs) * 5 >= 5000, len(forked), aside == inline)
        print(len(inline.keyphrases) > 0, inline.keyphrases == aside.keyphrases)
        """
    )
    assert out == ["True", "2", "True", "True", "True"]


def test_a_very_large_input_gives_the_same_summary_on_two_cores() -> None:
    """Tokens split over two processes, the window's near-duplicates grouped aside, key phrases found aside."""
    out = _run(
        """
        import random
        from briefgen.ingest import source_from_text
        from briefgen.corpus import Corpus
        from briefgen.summarize import engine, tokens
        from briefgen.summarize.api import Budget, SummaryRequest

        rng = random.Random(11)
        words = "Council water river Bridge flood mayor Budget school road rail plan vote city year".split()
        texts = []
        for n in range(3000):
            if n % 9 == 0 and texts:
                texts.append(rng.choice(texts))  # exact repeats
                continue
            picked = rng.sample(words, 6)
            texts.append(f"The {picked[0]} of {picked[1]} met {picked[2]}'s {picked[3]} {n} times, said Ms. Lee.")
        corpus = Corpus([source_from_text("\\n\\n".join(" ".join(texts[i : i + 3]) for i in range(0, 3000, 3)))])
        request = SummaryRequest(budget=Budget(sentences=8), context_rule=True)
        engine.WINDOW_FROM, engine.WINDOW = 1000, 300
        tokens.SPLIT_FROM = engine.PHRASES_ASIDE_FROM = 10**9
        inline = engine.summarize(corpus, request)
        one = tokens.TokenTable(texts)
        tokens.SPLIT_FROM, engine.PHRASES_ASIDE_FROM = 1000, 100
        forked = []
        original = engine.ForkedCall.start
        engine.ForkedCall.start = tokens.ForkedCall.start = lambda f: forked.append(1) or original(f)
        aside = engine.summarize(corpus, request)
        two = tokens.TokenTable(texts)
        same_table = (
            one.vocabulary == two.vocabulary and (one.ids == two.ids).all() and (one.lengths == two.lengths).all()
            and (one.rows == two.rows).all()
        )
        print(len(forked), aside == inline, len(inline.sentences), same_table, len(one.vocabulary) > 20)
        """
    )
    assert out == ["4", "True", "8", "True", "True"]  # 3 in the summary, 1 for the second table
