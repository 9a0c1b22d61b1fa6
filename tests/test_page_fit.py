"""Fitting a brief to N pages: measured on the rendered PDF, never above N, the page filled."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefgen.build import build_brief
from briefgen.compose import BriefDetails
from briefgen.ingest import load_sources
from briefgen.page_fit import fit_pages, pdf_page_count
from briefgen.summarize.api import Budget
from briefgen.templates.builtins import builtin_templates

DAY = BriefDetails(day=dt.date(2025, 1, 1))


def sample_paths(samples_dir: Path) -> list[str]:
    return sorted(str(p) for p in samples_dir.iterdir() if p.suffix in (".txt", ".md"))


@pytest.mark.parametrize("template", sorted(builtin_templates()))
@pytest.mark.parametrize("pages", [1, 2])
def test_a_page_budget_is_never_exceeded_and_fills_its_pages(
    samples_dir: Path, tmp_path: Path, template: str, pages: int
) -> None:
    out = tmp_path / "b.pdf"
    result = build_brief(sample_paths(samples_dir), template, output=out, budget=Budget(pages=pages), details=DAY)
    assert result.pages == pdf_page_count(out.read_bytes())
    assert result.pages is not None and result.pages <= pages
    assert result.words_budget is not None
    # the pages are filled: a third more words would not have fitted (unless there was nothing more to add)
    longer = build_brief(
        result.corpus, template, budget=Budget(words=int(result.words_budget * 1.3) + 40), details=DAY,
        measure_pages=True,
    )  # fmt: skip
    if longer.brief.word_count() > 1.25 * result.brief.word_count():
        assert longer.pages is not None and longer.pages > pages


def test_word_and_markdown_briefs_of_a_page_budget_carry_the_pdf_s_sentences(samples_dir: Path, tmp_path: Path) -> None:
    paths = sample_paths(samples_dir)
    pdf = build_brief(paths, "policy-brief", output=tmp_path / "b.pdf", budget=Budget(pages=1), details=DAY)
    docx = build_brief(paths, "policy-brief", output=tmp_path / "b.docx", budget=Budget(pages=1), details=DAY)
    md = build_brief(paths, "policy-brief", output=tmp_path / "b.md", budget=Budget(pages=1), details=DAY)
    ids = [s.id for s in pdf.brief.sentences()]
    assert ids == [s.id for s in docx.brief.sentences()] == [s.id for s in md.brief.sentences()]
    assert docx.pages == md.pages == 1


def test_the_search_brackets_and_bisects_on_measured_pages() -> None:
    from briefgen.brief import Brief, BriefSentence, Part, PartKind
    from briefgen.model import Citation

    def compose_words(words: int) -> Brief:
        n = words // 10
        cite = (Citation("s", "s.a1", "s.a1.s1", "x", 0, 1),)
        sentences = tuple(BriefSentence(f"s{i}", "word " * 10, cite) for i in range(n))
        return Brief("t", None, "d", None, None, None, (Part(PartKind.EXECUTIVE_SUMMARY, "h", sentences),), ())

    # 37 sentences of ten words per page, measured by a stand-in for the PDF
    fitted = fit_pages(compose_words, lambda b: 1 + (len(b.sentences()) - 1) // 37, 3, upper=10_000)
    assert fitted.pages == 3
    assert 3 * 37 * 10 - 10 <= fitted.words < 3 * 37 * 10 + 10
    assert fitted.renders <= 14 and not fitted.warnings


def test_a_brief_that_cannot_fit_says_so() -> None:
    from briefgen.brief import Brief

    empty = Brief("t", None, "d", None, None, None, (), ())
    fitted = fit_pages(lambda _w: empty, lambda _b: 2, 1, upper=500)
    assert fitted.pages == 2 and "does not fit on 1 page" in fitted.warnings[0]


def test_the_one_page_template_stays_one_page_from_one_article_to_a_hundred(eval_dir: Path, tmp_path: Path) -> None:
    articles = sorted((eval_dir / "articles").glob("*/*.txt"))
    for count in (1, 100):
        chosen = articles[:: max(1, len(articles) // count)][:count]
        corpus = load_sources([str(p) for p in chosen]).corpus
        out = tmp_path / f"one-{count}.pdf"
        result = build_brief(corpus, "executive-one-page", output=out, details=DAY)
        assert pdf_page_count(out.read_bytes()) == 1, count
        assert result.brief.word_count() > 100, "the page is used, not left near-empty"
