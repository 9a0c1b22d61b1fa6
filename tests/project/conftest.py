"""Shared fixtures of the project tests: small hand-built sources and a workspace over the seed files."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.corpus import Corpus
from briefgen.ids import digest_of
from briefgen.model import Article, Metadata, Paragraph, ParagraphKind, Section, Sentence, Source
from briefgen.project.workspace import WorkspaceState
from briefgen.summarize.api import Budget


def make_source(path: str, sections: list[list[str]], title: str = "A title") -> Source:
    """A one-article source built by hand: one paragraph per section, one sentence per string."""
    text_all = "\n".join(" ".join(s) for s in sections)
    digest = digest_of(text_all.encode())
    sid = digest[:8]
    art_id = f"{sid}.a1"
    built = []
    for i, sents in enumerate(sections, 1):
        sec_id = f"{art_id}.s{i}"
        text = " ".join(sents)
        pos, objs = 0, []
        for j, s in enumerate(sents, 1):
            objs.append(Sentence(f"{sec_id}.t{j}", s, pos, pos + len(s)))
            pos += len(s) + 1
        para = Paragraph(f"{sec_id}.p1", ParagraphKind.TEXT, 0, len(text), tuple(objs))
        built.append(Section(sec_id, f"Part {i}", text, (para,)))
    article = Article(art_id, Metadata(title=title, publisher="Daily"), tuple(built))
    return Source(sid, path, "text", digest, (article,))


@pytest.fixture()
def corpus() -> Corpus:
    a = make_source("/data/a.txt", [["One fish.", "Two fish."], ["Red fish.", "Blue fish."]], "Fish")
    b = make_source("/data/b.txt", [["Cats nap.", "Dogs bark."]], "Pets")
    return Corpus([a, b])


def seed_state(seeds_dir: Path) -> WorkspaceState:
    from briefgen.ingest import load_sources

    loaded = load_sources(sorted(str(p) for p in seeds_dir.iterdir()))
    state = WorkspaceState(loaded.corpus)
    sections = [sec.id for _, _, sec in loaded.corpus.sections()]
    refs = list(loaded.corpus.sentence_refs())
    state.deselected = frozenset({sections[-1]})
    state.pins = frozenset({refs[5].sentence.id})
    state.excludes = frozenset({refs[0].sentence.id})
    state.budget = Budget(sentences=4)
    state.algorithm = "lead"
    return state
