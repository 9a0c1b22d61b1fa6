"""ROUGE of briefgen's summarisation algorithms against Lead and sumy on the BBC News Summary set.

    python benchmarks/rouge_bbc.py [--limit N] [--tasks single,headline,multi] [--json FILE]

Follows ../shared/eval/README.md: rouge-score with the Porter stemmer, ROUGE-1/2/Lsum F1 x 100; every system gets
the reference's word count as its budget and returns whole sentences within it; every system sees the same
sentences (briefgen's ingest and splitter; sumy gets a tokenizer backed by the same splitter).

Tasks:

- ``single``: the protocol above, one article at a time, silver (machine-selected) reference summaries.
- ``headline``: one sentence per article scored against the article's headline, which is human-written and is
  not part of the input text (the title line becomes metadata). Nothing was tuned on it.
- ``multi``: pseudo multi-document clusters: 10 articles of one category summarised together in 100 words,
  scored against the 10 human-written headlines (DUC-style length). Nothing was tuned on it either.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _bbc import SUMY_METHODS, Item, load_items, sumy_summary

from briefgen.corpus import Corpus
from briefgen.summarize import Budget, SummaryRequest, summarize
from briefgen.summarize.registry import DEFAULT_ALGORITHM, algorithm_names

Task = tuple[Corpus, tuple[str, ...], int | None, int | None]
"""(input, reference sentences, word budget, sentence budget)"""
System = Callable[[Corpus, int | None, int | None], list[str]]

METRICS = ("rouge1", "rouge2", "rougeLsum")
CLUSTER_SIZE = 10
CLUSTER_WORDS = 100


def briefgen_system(algorithm: str, context_rule: bool = False) -> System:
    def run(corpus: Corpus, words: int | None, sentences: int | None) -> list[str]:
        budget = Budget(words=words) if words is not None else Budget(sentences=sentences)
        request = SummaryRequest(budget=budget, algorithm=algorithm, context_rule=context_rule)
        summary = summarize(corpus, request)
        return [s.text for s in summary.sentences]

    return run


def sumy_system(method: str) -> System:
    def run(corpus: Corpus, words: int | None, sentences: int | None) -> list[str]:
        return sumy_summary(method, corpus, words=words, sentences=sentences)

    return run


def systems(names: Sequence[str] | None = None) -> dict[str, System]:
    out: dict[str, System] = {}
    for algorithm in algorithm_names():
        label = f"briefgen {algorithm}" + (" (default)" if algorithm == DEFAULT_ALGORITHM else "")
        out[label] = briefgen_system(algorithm)
        if algorithm == DEFAULT_ALGORITHM:
            out[f"briefgen {algorithm} + context rule (as in briefs)"] = briefgen_system(algorithm, True)
    for method in SUMY_METHODS:
        out[f"sumy {method}"] = sumy_system(method)
    if names:
        out = {k: v for k, v in out.items() if any(n in k for n in names)}
    return out


def single_tasks(items: Sequence[Item]) -> list[Task]:
    return [(item.corpus(), item.reference, item.reference_words, None) for item in items]


def headline_tasks(items: Sequence[Item]) -> list[Task]:
    return [(item.corpus(), (item.title,), None, 1) for item in items if item.title]


def multi_tasks(items: Sequence[Item]) -> list[Task]:
    tasks: list[Task] = []
    by_category: dict[str, list[Item]] = {}
    for item in items:
        by_category.setdefault(item.category, []).append(item)
    for group in by_category.values():
        for start in range(0, len(group) - CLUSTER_SIZE + 1, CLUSTER_SIZE):
            cluster = group[start : start + CLUSTER_SIZE]
            corpus = Corpus([item.source for item in cluster])
            tasks.append((corpus, tuple(item.title for item in cluster), CLUSTER_WORDS, None))
    return tasks


def evaluate(tasks: Sequence[Task], system: System) -> tuple[dict[str, float], float]:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    totals: dict[str, list[float]] = {m: [] for m in METRICS}
    seconds = 0.0
    for corpus, reference, words, sentences in tasks:
        start = time.perf_counter()
        chosen = system(corpus, words, sentences)
        seconds += time.perf_counter() - start
        if words is not None:
            assert sum(len(s.split()) for s in chosen) <= words, "budget exceeded"
        scores = scorer.score("\n".join(reference), "\n".join(chosen))
        for m in METRICS:
            totals[m].append(scores[m].fmeasure * 100)
    return {m: statistics.fmean(v) if v else 0.0 for m, v in totals.items()}, seconds


def table(results: dict[str, tuple[dict[str, float], float]]) -> str:
    lines = ["| system | ROUGE-1 F1 | ROUGE-2 F1 | ROUGE-Lsum F1 | seconds |", "|---|---:|---:|---:|---:|"]
    for name, (scores, seconds) in results.items():
        cells = " | ".join(f"{scores[m]:.2f}" for m in METRICS)
        lines.append(f"| {name} | {cells} | {seconds:.1f} |")
    return "\n".join(lines)


TASKS = {"single": single_tasks, "headline": headline_tasks, "multi": multi_tasks}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=None, help="use about N articles (spread over categories)")
    parser.add_argument("--tasks", default="single,headline,multi", help="comma-separated: single,headline,multi")
    parser.add_argument("--systems", default="", help="comma-separated substrings of system names to run")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    items = load_items(args.limit)
    print(f"{len(items)} articles (duplicates dropped) loaded in {time.perf_counter() - started:.1f} s\n")
    chosen_systems = systems([s for s in args.systems.split(",") if s])
    everything: dict[str, dict[str, dict[str, float]]] = {}
    for task_name in [t for t in args.tasks.split(",") if t]:
        tasks = TASKS[task_name](items)
        results = {name: evaluate(tasks, system) for name, system in chosen_systems.items()}
        print(f"### {task_name} ({len(tasks)} inputs)\n\n{table(results)}\n", flush=True)
        everything[task_name] = {name: {**scores, "seconds": sec} for name, (scores, sec) in results.items()}
    if args.json:
        args.json.write_text(json.dumps(everything, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
