"""Property tests: for any text, ingest never crashes and every sentence span matches its text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefgen.errors import InputError
from briefgen.ingest import source_from_text
from briefgen.nlp import default_splitter

# text built from pieces real files contain, plus arbitrary Unicode
_PIECES = st.sampled_from(
    [
        "Summary:",
        "Why?",
        "\u00a0",
        "\n",
        "\n\n",
        "  \u2022 item;",
        "- dash item",
        "# Heading",
        "## Sub",
        "Source: BBC, , August 12, 2017. Photo: AFP",
        "Leave a Reply",
        "By Jane Doe",
        "U.S.",
        "Mr.",
        "3.5",
        "action.Last year",
        "www.example.org",
        "\u201cquoted\u201d",
        "\u2026",
        "* * *",
        "\r\n",
        "\t",
        "\x00",
        "This article was originally published by X.",
        "[Original published at http://x.org/y]",
        "Title Line",
        "A plain sentence that ends here.",
        "Is this a question?",
        "\u05e9\u05dc\u05d5\u05dd",
        "\U0001f600",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(_PIECES, st.text(max_size=40)), max_size=40).map(" ".join),
    st.lists(st.one_of(_PIECES, st.text(max_size=40)), max_size=40).map("\n".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.sampled_from(["text", "markdown"]))
def test_ingest_never_crashes_and_spans_match(text: str, fmt: str) -> None:
    try:
        src = source_from_text(text, "prop.txt", fmt=fmt)
    except InputError:
        return  # a clear refusal (no text, binary-looking) is a correct outcome
    seen: set[str] = set()
    for art in src.articles:
        assert art.sections
        for sec in art.sections:
            for para in sec.paragraphs:
                assert sec.text[para.start : para.end].strip()
                for sent in para.sentences:
                    assert sec.text[sent.start : sent.end] == sent.text
                    assert sent.text and sent.text == sent.text.strip()
                    assert sent.id not in seen
                    seen.add(sent.id)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=600))
def test_splitter_spans_are_ordered_and_exact(text: str) -> None:
    spans = default_splitter().spans(text)
    last = 0
    for start, end in spans:
        assert last <= start < end <= len(text)
        assert text[start:end].strip() == text[start:end]
        last = end
