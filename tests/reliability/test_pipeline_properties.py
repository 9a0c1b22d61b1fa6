"""Property tests over the whole pipeline, ingest -> summarise -> compose -> render, for arbitrary Unicode text.

For any text: no crash (a clear InputError is an acceptable answer), every brief sentence is verbatim source text
whose first citation resolves to exactly that text and to a numbered source entry, and the PDF, Word and Markdown
files always open.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import docx
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from briefgen.build import build_brief
from briefgen.corpus import Corpus
from briefgen.errors import InputError
from briefgen.ingest import source_from_text

_WORDS = st.sampled_from(
    [
        "The",
        "council",
        "said",
        "£412m",
        "3.5%",
        "U.S.",
        "Mr.",
        "<b>",
        "&",
        "<5%",
        "costs",
        ">",
        "$3m",
        "\u201cquote\u201d",
        "\u2014",
        "\u2026",
        "Ελλάδα",
        "Москва",
        "東京",
        "\u05e9\u05dc\u05d5\u05dd",
        "\U0001f600",
        "e.g.",
        "www.x.org",
        "barrier",
        "flood",
        "2024",
        "1,200",
        "homes",
        "Why?",
        "Summary:",
        "\u00a0",
        "\x07",
        "%PDF",
        "]]>",
        "{title}",
    ]
)
_SENTENCE = st.lists(st.one_of(_WORDS, st.text(min_size=1, max_size=12)), min_size=3, max_size=18).map(
    lambda ws: " ".join(ws) + "."
)
_PARAGRAPH = st.lists(_SENTENCE, min_size=1, max_size=4).map(" ".join)
_DOCUMENT = st.tuples(st.text(max_size=60), st.lists(_PARAGRAPH, min_size=1, max_size=8)).map(
    lambda t: t[0].replace("\n", " ") + "\n\n" + "\n\n".join(t[1])
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_DOCUMENT, min_size=1, max_size=3), st.sampled_from(["pdf", "docx", "md"]))
def test_any_text_gives_a_verbatim_cited_brief_that_opens(documents: list[str], fmt: str) -> None:
    sources = []
    for i, text in enumerate(documents):
        try:
            sources.append(source_from_text(text, f"doc{i}.txt"))
        except InputError:
            continue
    if not sources or len({s.id for s in sources}) != len(sources):
        event("no readable source")
        return
    corpus = Corpus(sources)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"brief.{fmt}"
        try:
            result = build_brief(corpus, output=out)
        except InputError as exc:
            assert str(exc)  # e.g. "nothing to put in the brief": a clear refusal, never a crash
            event("refused")
            return
        event("rendered")
        for sentence in result.brief.sentences():
            first = sentence.citations[0]
            section = corpus.section(first.section)
            assert section.text[first.start : first.end] == sentence.text
            for citation in sentence.citations:
                assert result.brief.entry_for(citation) is not None
        if fmt == "pdf":
            assert len(PdfReader(str(out)).pages) >= 1
        elif fmt == "docx":
            assert docx.Document(str(out)).paragraphs
        else:
            assert out.read_text(encoding="utf-8").strip()
