"""Sentence boundaries of briefgen's Punkt (plain patterns) against NLTK's own tokenizer, on every BBC article.

    python benchmarks/punkt_identity.py [--limit N]

For each article of ``../shared/eval/bbc-news-summary/articles`` (all categories, duplicates included), the spans
of :class:`briefgen.nlp.punkt_fast.FastPunktTokenizer` are compared with those of NLTK's
``PunktSentenceTokenizer`` given the same parameters and language variables (its patterns behind NLTK's
time-limit wrappers): over the whole file text and over every paragraph as the reader splits them. Prints the
counts and the time each took; exits 1 on the first difference, naming the file.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO))

ARTICLES = REPO.parent / "shared" / "eval" / "bbc-news-summary" / "articles"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles (0: all)")
    args = parser.parse_args()

    from nltk.tokenize.punkt import PunktLanguageVars, PunktSentenceTokenizer

    import briefgen.nlp  # noqa: F401
    from briefgen.ingest.pipeline import read_source
    from briefgen.nlp.punkt_params import load_punkt_parameters
    from briefgen.nlp.sentences import SentenceSplitter

    splitter = SentenceSplitter()
    fast = splitter._punkt

    class StockVars(PunktLanguageVars):  # type: ignore[misc]
        sent_end_chars = type(fast._lang_vars).sent_end_chars

    stock = PunktSentenceTokenizer(load_punkt_parameters(), lang_vars=StockVars())
    files = sorted(ARTICLES.rglob("*.txt"))[: args.limit or None]
    if not files:
        raise SystemExit(f"no articles under {ARTICLES}")
    texts: list[tuple[Path, str]] = []
    for path in files:
        raw = path.read_bytes()
        try:
            texts.append((path, raw.decode("utf-8")))
        except UnicodeDecodeError:
            texts.append((path, raw.decode("latin-1")))
        source = read_source(str(path))
        for article in source.articles:
            for section in article.sections:
                texts += [(path, section.text[p.start : p.end]) for p in section.paragraphs]
    timings = {}
    results = {}
    for name, tokenizer in (("NLTK", stock), ("briefgen", fast)):
        start = time.process_time()
        results[name] = [list(tokenizer.span_tokenize(text)) for _, text in texts]
        timings[name] = time.process_time() - start
    for (path, text), ours, theirs in zip(texts, results["briefgen"], results["NLTK"], strict=True):
        if ours != theirs:
            print(f"{path}: spans differ in {text[:80]!r}...\n  NLTK:     {theirs}\n  briefgen: {ours}")
            return 1
    spans = sum(len(r) for r in results["NLTK"])
    print(
        f"{len(files)} articles, {len(texts)} texts (files and paragraphs), {spans} sentences: identical spans. "
        f"CPU: NLTK {timings['NLTK']:.2f} s, briefgen {timings['briefgen']:.2f} s."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
