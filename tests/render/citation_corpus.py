"""A small corpus made to test citations: one article of each kind a bibliography must handle.

- ``dubois``: a person author, a publisher, a full date and a URL;
- ``gazette``: only a publisher (no author), no URL;
- ``harbour``: only a title (no author, publisher, date or URL);
- ``natarajan``: undated, with a DOI in its URL field;
- ``bbc1`` / ``bbc2``: the same author in the same year (``2017a`` / ``2017b``); ``bbc2`` repeats one sentence of
  ``bbc1``, so that sentence is carried by two sources.

The files are read with the real ingest pipeline, then each article's metadata is replaced with
``dataclasses.replace`` (so it is exactly what is listed here, whatever the text reader found).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

from briefgen.build import BuildResult, build_brief
from briefgen.corpus import Corpus
from briefgen.ingest import load_sources
from briefgen.model import Metadata
from briefgen.templates.schema import BibliographyStyle, CitationStyle, SupportMark, Template
from briefgen.templates.store import resolve_template

SHARED_SENTENCE = "Sanctions have so far failed to change the course of the weapons programme."

ARTICLES: dict[str, tuple[Metadata, str]] = {
    "dubois": (
        Metadata(
            "EU ministers clash over farm budget",
            "Claire Dubois",
            "Brussels Monitor",
            "2023-04-02",
            "https://brussels-monitor.example/eu-farm-budget",
        ),
        "Agriculture ministers from twelve member states rejected the draft farm budget on Monday. "
        "The proposal would cut direct payments to small farms by nine percent over five years. "
        "Officials in Brussels said a compromise could be reached before the summer recess.\n\n"
        "Farmers' unions staged a protest outside the council building during the talks. "
        "The commission insists that the savings are needed to fund new climate measures.",
    ),
    "gazette": (
        Metadata("Flood barrier approved after long debate", None, "Eastmouth Gazette", "2024-02-27", None),
        "Eastmouth councillors approved the tidal flood barrier by a vote of thirty to eleven. "
        "The barrier will protect about four thousand homes along the estuary. "
        "Construction is expected to begin next spring and last three years.\n\n"
        "Opponents argued that the cost had doubled since the first estimate. "
        "The council leader said the town could not afford another winter of flooding.",
    ),
    "harbour": (
        Metadata("Harbour dredging plan draws objections from fishing crews"),
        "Fishing crews in the harbour objected to a plan to dredge the main channel. "
        "They fear that silt stirred up by the dredgers will drive away the shellfish beds. "
        "The harbour authority says deeper water is needed for larger ferries.\n\n"
        "A public meeting on the plan drew more than two hundred people. "
        "The authority promised an independent study of the effects on marine life.",
    ),
    "natarajan": (
        Metadata(
            "Saltmarsh restoration slows coastal erosion",
            "Priya Natarajan",
            "Coastal Review",
            None,
            "doi:10.5555/coast.2024.17",
        ),
        "Restored saltmarshes reduced wave energy reaching the shore by a third in the trial. "
        "The researchers planted native grasses along six kilometres of eroding coast. "
        "Sediment built up behind the restored marsh at a steady rate each winter.\n\n"
        "The study suggests that marshes could complement hard sea defences. "
        "Maintenance costs were far lower than those of concrete walls.",
    ),
    "bbc1": (
        Metadata(
            "North Korea crisis: What does Kim Jong-un really want",
            "John Nilsson-Wright",
            "BBC News",
            "2017-08-10",
            "https://www.bbc.co.uk/news/world-asia-40888277",
        ),
        "Analysts say the North Korean leader wants his country to be recognised as a nuclear power. "
        "The regime has carried out a series of missile tests this summer. "
        "Regional governments are debating how to respond to the growing threat.\n\n"
        f"{SHARED_SENTENCE} "
        "Diplomats warn that a miscalculation could lead to open conflict.",
    ),
    "bbc2": (
        Metadata(
            "Seoul weighs its options after latest missile launch",
            "John Nilsson-Wright",
            "BBC News",
            "2017-09-03",
            "https://www.bbc.co.uk/news/world-asia-41142123",
        ),
        "South Korea's president called an emergency meeting of the national security council. "
        "The launch was the longest flight yet recorded for a North Korean missile. "
        "Seoul is considering whether to deploy additional missile defence batteries.\n\n"
        f"Public opinion in the south remains divided over talks with Pyongyang. {SHARED_SENTENCE} "
        "China urged all sides to show restraint and return to negotiations.",
    ),
}


def citation_corpus(folder: Path) -> Corpus:
    """The articles written to *folder*, read back, with the metadata listed in :data:`ARTICLES`."""
    paths = []
    for name, (_metadata, text) in ARTICLES.items():
        path = folder / f"{name}.txt"
        path.write_text(text + "\n", encoding="utf-8")
        paths.append(str(path))
    corpus = load_sources(paths).corpus
    sources = []
    for source in corpus.sources:
        metadata = ARTICLES[Path(source.path).stem][0]
        articles = tuple(dataclasses.replace(a, metadata=metadata) for a in source.articles)
        sources.append(dataclasses.replace(source, articles=articles))
    return Corpus(sources)


def article_id(corpus: Corpus, name: str) -> str:
    """The id of the (only) article of the file *name* (``"bbc1"``)."""
    return next(s.articles[0].id for s in corpus.sources if Path(s.path).stem == name)


def citations_template(style: str, bibliography: str, *, support: str = "none", mark_new: bool = False) -> Template:
    """The default template with the given citation settings."""
    template = resolve_template(None)
    spec = dataclasses.replace(
        template.citations,
        style=CitationStyle(style),
        bibliography=BibliographyStyle(bibliography),
        support=SupportMark(support),
        mark_new=mark_new,
    )
    return dataclasses.replace(template, citations=spec)


def build(corpus: Corpus, template: Template, extra_pins: Sequence[str] = ()) -> BuildResult:
    """A brief that cites every article: the first sentence of each is pinned (and *extra_pins*)."""
    pins = [s.articles[0].sentences[0].id for s in corpus.sources]
    return build_brief(corpus, template, pin=[*pins, *extra_pins])


def shared_sentence_id(corpus: Corpus) -> str:
    """The id of :data:`SHARED_SENTENCE` in ``bbc1``."""
    bbc1 = corpus.article(article_id(corpus, "bbc1"))
    return next(s.id for s in bbc1.sentences if s.text == SHARED_SENTENCE)
