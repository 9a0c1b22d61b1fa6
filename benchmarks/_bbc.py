"""The BBC News Summary evaluation set (../shared/eval/bbc-news-summary), read for the benchmarks.

Articles are read with briefgen's own ingest pipeline (``read_source``), so the title line becomes metadata and
every system compared sees exactly the sentences briefgen sees. Reference summaries are one line of sentences
glued together without spaces; the same sentence splitter separates them. Articles that appear twice under two
numbers are dropped after their first appearance (see the set's README).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefgen.corpus import Corpus
from briefgen.ingest import read_source
from briefgen.model import Source
from briefgen.nlp import split_sentences

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("BRIEFGEN_SHARED_DIR", REPO.parent / "shared"))
BBC = SHARED / "eval" / "bbc-news-summary"
CATEGORIES = ("business", "entertainment", "politics", "sport", "tech")


@dataclass(frozen=True, slots=True)
class Item:
    category: str
    name: str
    path: Path
    source: Source
    reference: tuple[str, ...]
    """Reference summary sentences."""

    @property
    def title(self) -> str:
        return self.source.articles[0].title or ""

    @property
    def sentences(self) -> tuple[str, ...]:
        return tuple(s.text for a in self.source.articles for sec in a.sections for s in sec.sentences)

    @property
    def reference_words(self) -> int:
        return sum(len(s.split()) for s in self.reference)

    def corpus(self) -> Corpus:
        return Corpus([self.source])


def require_bbc() -> Path:
    if not (BBC / "articles").is_dir():
        raise SystemExit(f"the BBC evaluation set is not present at {BBC} (../shared/eval is absent)")
    return BBC


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def article_paths(categories: tuple[str, ...] = CATEGORIES) -> Iterator[tuple[str, Path]]:
    root = require_bbc()
    for category in categories:
        for path in sorted((root / "articles" / category).glob("*.txt")):
            yield category, path


def load_items(limit: int | None = None, categories: tuple[str, ...] = CATEGORIES) -> list[Item]:
    """Articles with their reference summaries, duplicates dropped; *limit* spreads evenly over categories."""
    root = require_bbc()
    seen: set[bytes] = set()
    items: list[Item] = []
    per_category = None if limit is None else max(1, limit // len(categories))
    for category in categories:
        taken = 0
        for _, path in article_paths((category,)):
            if per_category is not None and taken >= per_category:
                break
            data = path.read_bytes()
            key = b" ".join(data.split())
            if key in seen:
                continue
            seen.add(key)
            summary = _decode((root / "summaries" / category / path.name).read_bytes())
            reference = tuple(split_sentences(summary.strip()))
            items.append(Item(category, path.stem, path, read_source(str(path)), reference))
            taken += 1
    return items


# --- sumy, fed with briefgen's sentence splitter -------------------------------------------------------------

SUMY_METHODS = ("lexrank", "textrank", "lsa", "luhn")


class SumyTokenizer:
    """What sumy's parsers need from a tokenizer, backed by briefgen's splitter (no NLTK punkt download)."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        from briefgen.nlp import default_splitter

        return tuple(default_splitter().split(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        from briefgen.nlp import tokenize_words

        return tuple(tokenize_words(sentence))


def sumy_document(corpus: Corpus) -> Any:
    from sumy.parsers.plaintext import PlaintextParser

    text = "\n\n".join(section.text for _, _, section in corpus.sections())
    return PlaintextParser.from_string(text, SumyTokenizer()).document


def sumy_summarizer(method: str) -> Any:
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.luhn import LuhnSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    classes = {
        "lexrank": LexRankSummarizer,
        "textrank": TextRankSummarizer,
        "lsa": LsaSummarizer,
        "luhn": LuhnSummarizer,
    }
    summarizer = classes[method](Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    return summarizer


class WordBudget:
    """sumy's "count" hook: best-rated sentences first, each taken if it still fits in the word budget."""

    def __init__(self, words: int) -> None:
        self.words = words

    def __call__(self, infos: Sequence[Any]) -> list[Any]:
        out, used = [], 0
        for info in infos:
            n = len(str(info.sentence).split())
            if used + n <= self.words:
                out.append(info)
                used += n
        return out


def sumy_summary(method: str, corpus: Corpus, *, words: int | None = None, sentences: int | None = None) -> list[str]:
    document = sumy_document(corpus)
    count: Any = WordBudget(words) if words is not None else sentences
    return [str(s) for s in sumy_summarizer(method)(document, count)]
