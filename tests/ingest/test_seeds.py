"""Acceptance tests on the two commissioned seed files (read from ../shared/seeds; skipped where it is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.ingest import load_sources, read_source
from briefgen.model import ParagraphKind

pytestmark = pytest.mark.seeds

JUNK = (
    "Leave a Reply",
    "Your email address",
    "Required fields",
    "Source: BBC",
    "Photo: AFP",
    "originally published",
    "Original published",
    "Grunge Cuban flag",
    "internationalaffairs.org.au",
)


def test_seed_000_one_article_with_title_publisher_date_and_sections(seeds_dir: Path) -> None:
    src = read_source(str(seeds_dir / "000_6fe9ca65db3061ed.txt"))
    assert len(src.articles) == 1
    art = src.articles[0]
    assert art.title == "North Korea crisis: What does Kim Jong-un really want?"
    assert art.metadata.publisher == "BBC"
    assert art.metadata.date == "2017-08-12"
    assert [s.heading for s in art.sections] == [
        "Summary",
        "Is there anything the US could give North Korea that would make it end its nuclear and missile programmes?",
        "Is North Korea\u2019s ultimate or unswayable goal the possession of a nuclear deterrent?",
        "Why?",
        "Could a nuclear-armed North Korea co-exist with the US?",
        "Is any of what North Korea wants realistic?",
    ]
    # the repeated title never reaches a section's text
    assert all("really want?" not in sec.text for sec in art.sections)


def test_seed_001_two_articles_credited(seeds_dir: Path) -> None:
    src = read_source(str(seeds_dir / "001_6d37bd1471c15ce5.txt"))
    assert [a.title for a in src.articles] == [
        "What Does Kim Jong-Un Really Want in the North Korean Standoff?",
        "Trump Repealism Rolls Back Obama\u2019s Cuba Reforms",
    ]
    first, second = src.articles
    assert first.metadata.publisher is not None and "BBC" in first.metadata.publisher
    assert second.metadata.url == (
        "http://www.internationalaffairs.org.au/australian_outlook/trump-repealism-rolls-back-obamas-cuba-reforms/"
    )


def test_seeds_carry_no_boilerplate(seeds_dir: Path) -> None:
    corpus = load_sources(sorted(str(p) for p in seeds_dir.glob("*.txt"))).corpus
    text = "\n".join(sec.text for _, _, sec in corpus.sections())
    for junk in JUNK:
        assert junk not in text, junk


def test_seed_001_glued_sentences_split_and_bullets_separate(seeds_dir: Path) -> None:
    src = read_source(str(seeds_dir / "001_6d37bd1471c15ce5.txt"))
    cuba = src.articles[1]
    sentences = [s.text for s in cuba.sentences]
    assert any(s.startswith("Last year, I promised to be a voice against repression") for s in sentences)
    assert any(s.endswith("called us to action.") for s in sentences)
    assert any(s.startswith("Remarks by President Trump on the Policy") for s in sentences)
    bullets = [p for sec in cuba.sections for p in sec.paragraphs if p.kind is ParagraphKind.BULLET]
    assert len(bullets) == 4
    assert bullets[1].sentences[0].text == "hold Cuba \u201caccountable for oppression and human rights\u201d;"


def test_seed_ids_unique_across_sources(seeds_dir: Path, tmp_path: Path) -> None:
    paths = sorted(str(p) for p in seeds_dir.glob("*.txt"))
    copy = tmp_path / "copy.txt"
    copy.write_bytes(Path(paths[0]).read_bytes())
    corpus = load_sources([*paths, str(copy)]).corpus  # the same bytes in two files still get distinct ids
    all_ids = [r.sentence.id for r in corpus.sentence_refs()]
    assert len(all_ids) == len(set(all_ids))
    assert corpus.sources[0].id != corpus.sources[2].id
