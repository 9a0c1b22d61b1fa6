"""``briefgen inspect FILE... [--json]``: how briefgen reads sources (articles, metadata, sections, sentences)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from briefgen.cli.common import EXIT_BAD_INPUT, EXIT_OK, error_line, print_json
from briefgen.cli.sources_arg import load_from_args

if TYPE_CHECKING:
    from briefgen.corpus import Corpus
    from briefgen.model import Article, Section, Source


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "inspect",
        help="show how sources are read: articles, metadata, sections, sentences",
        description="Show how briefgen reads each source: its articles with their metadata and sections, and "
        "the sentences of each section. Folders stand for the supported files in them.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="source files, folders or http(s) addresses")
    p.add_argument("--json", action="store_true", help="print JSON (see the README for its shape)")


def run(args: argparse.Namespace) -> int:
    result = load_from_args(args.files)
    if args.json:
        for source in result.corpus.sources:
            for warning in source.warnings:
                error_line(f"warning: {source.path}: {warning}")
        print_json(corpus_json(result.corpus))
    else:
        sys.stdout.write(corpus_tree(result.corpus))
    return EXIT_BAD_INPUT if result.errors else EXIT_OK


def corpus_json(corpus: Corpus) -> dict[str, Any]:
    return {"sources": [source_json(s) for s in corpus.sources]}


def source_json(source: Source) -> dict[str, Any]:
    from briefgen.nlp.language import source_language

    return {
        "path": source.path,
        "format": source.format,
        "language": source_language(source),
        "articles": [article_json(a) for a in source.articles],
    }


def article_json(article: Article) -> dict[str, Any]:
    m = article.metadata
    return {
        "id": article.id,
        "title": m.title,
        "author": m.author,
        "publisher": m.publisher,
        "date": m.date,
        "url": m.url,
        "sections": [section_json(s) for s in article.sections],
    }


def section_json(section: Section) -> dict[str, Any]:
    return {
        "id": section.id,
        "heading": section.heading,
        "text": section.text,
        "sentences": [{"id": s.id, "text": s.text, "start": s.start, "end": s.end} for s in section.sentences],
    }


def corpus_tree(corpus: Corpus) -> str:
    lines: list[str] = []
    for source in corpus.sources:
        n_articles = len(source.articles)
        lines.append(f"{source.path}  [{source.format}, {n_articles} article{'s' * (n_articles != 1)}]")
        for warning in source.warnings:
            lines.append(f"  ! {warning}")
        for article in source.articles:
            m = article.metadata
            lines.append(f"  {article.id}  {m.title or '(untitled)'}")
            details = [
                f"{label}: {value}"
                for label, value in (
                    ("author", m.author),
                    ("publisher", m.publisher),
                    ("date", m.date),
                    ("url", m.url),
                )
                if value
            ]
            if details:
                lines.append("      " + "; ".join(details))
            for section in article.sections:
                n = len(section.sentences)
                heading = section.heading or "(introduction)"
                lines.append(f"    {section.id}  {heading}  ({n} sentence{'s' * (n != 1)})")
        lines.append("")
    return "\n".join(lines) + ("\n" if lines else "")
