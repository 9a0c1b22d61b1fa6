"""``briefgen summarize FILE... [--sentences N | --words N | --ratio R] [--algorithm NAME] [--select ID...]
[--exclude ID...] [--pin ID...] [--json]``: an extractive summary of the sources, every sentence cited."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from briefgen.cli.common import EXIT_BAD_INPUT, EXIT_OK, print_json
from briefgen.cli.id_options import option_error
from briefgen.cli.length_args import add_length_arguments, budget_from_args
from briefgen.cli.sources_arg import load_from_args
from briefgen.errors import UnknownIdError
from briefgen.sentence_json import sentence_dict
from briefgen.summarize.api import Budget, Summary, SummaryRequest

if TYPE_CHECKING:
    from briefgen.corpus import Corpus

DEFAULT_SENTENCES = 5


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "summarize",
        help="extractive summary of sources, every sentence cited",
        description="Pick the most important sentences of the sources (all of them compete for one budget), "
        "without near-duplicates, each cited to every source it appears in. Ids are those that "
        "'briefgen inspect --json' prints; put options that take several ids after the files.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="source files, folders or http(s) addresses")
    add_length_arguments(p, pages=False, default_help=f"default {DEFAULT_SENTENCES}")
    p.add_argument("--select", nargs="+", action="extend", default=[], metavar="ID", help="source/article/section ids")
    p.add_argument("--exclude", nargs="+", action="extend", default=[], metavar="ID", help="sentence ids never used")
    p.add_argument("--pin", nargs="+", action="extend", default=[], metavar="ID", help="sentence ids always used")
    p.add_argument("--json", action="store_true", help="print JSON (algorithm, sentences with citations, keyphrases)")


def run(args: argparse.Namespace) -> int:
    result = load_from_args(args.files)
    if not result.corpus.sources:
        return EXIT_BAD_INPUT
    from briefgen.summarize.engine import summarize

    request = SummaryRequest(
        selection=tuple(args.select),
        budget=budget_from_args(args, pages=False) or Budget(sentences=DEFAULT_SENTENCES),
        algorithm=args.algorithm or "default",
        pins=frozenset(args.pin),
        excludes=frozenset(args.exclude),
        per_section_keyphrases=False,  # not printed
        context_rule=True,  # read out of context, like a brief: nothing opens mid-thought
    )
    try:
        summary = summarize(result.corpus, request)
    except UnknownIdError as exc:
        raise option_error(exc) from None
    if args.json:
        print_json(summary_json(result.corpus, summary))
    else:
        sys.stdout.write(summary_text(result.corpus, summary))
    return EXIT_BAD_INPUT if result.errors else EXIT_OK


def summary_json(corpus: Corpus, summary: Summary) -> dict[str, Any]:
    return {
        "algorithm": summary.algorithm,
        "sentences": [sentence_dict(corpus, s.id, s.text, s.citations) for s in summary.sentences],
        "keyphrases": list(summary.keyphrases),
    }


def summary_text(corpus: Corpus, summary: Summary) -> str:
    """Sentences one per paragraph, each followed by the files it comes from; key phrases last."""
    lines: list[str] = []
    for sentence in summary.sentences:
        paths = dict.fromkeys(corpus.source(c.source).path for c in sentence.citations)
        lines.append(f"{sentence.text}\n    [{'; '.join(paths)}]\n")
    if summary.keyphrases:
        lines.append(f"Key phrases: {', '.join(summary.keyphrases)}")
    return "\n".join(lines) + "\n"
