from __future__ import annotations

import dataclasses

from briefgen.brief import Brief, BriefSentence, Part, PartKind, SourceEntry
from briefgen.model import Citation, Metadata
from briefgen.render.markers import (
    author_date_label,
    brief_markers,
    citation_marker,
    marker_pieces,
)
from tests.render.conftest import make_sample


def _entry(n: int, **md: str | None) -> SourceEntry:
    return SourceEntry(n, f"s{n}.a1", f"s{n}", f"f{n}.txt", Metadata(**md), "2024-01-01", f"Entry {n}.")


def _cite(n: int, t: int = 1) -> Citation:
    return Citation(f"s{n}", f"s{n}.a1", f"s{n}.a1.s1", f"s{n}.a1.s1.t{t}", 0, 5)


def _brief(entries: tuple[SourceEntry, ...], style: str, sentences: tuple[BriefSentence, ...] = ()) -> Brief:
    return Brief("T", None, "2024", None, None, None, (Part(PartKind.SECTION, "H", sentences),), entries,
                 citation_style=style)  # fmt: skip


def test_numeric_marker_is_the_entry_number() -> None:
    sample = make_sample("numeric")
    for sentence in sample.brief.sentences():
        for c in sentence.citations:
            entry = sample.brief.entry_for(c)
            assert entry is not None
            assert citation_marker(sample.brief, c) == f"[{entry.number}]"


def test_author_date_prefers_author_surname_then_publisher_then_title() -> None:
    entries = (
        _entry(1, publisher="BBC", author="Jane Smith", date="2017-07-03"),
        _entry(2, author="Smith, Jane", date="2019"),
        _entry(3, author="Marc Dubois; Ana Lima"),
        _entry(4, author="A One and B Two and C Three", date="2020-01"),
        _entry(5, title="A very long title of a report on heat", date="2021"),
        _entry(6),
        _entry(7, publisher="Brussels Monitor", title="EU budget", date="2023-04-02"),
        _entry(8, author="BBC News", publisher="BBC", date="2017-08-10"),
    )
    brief = _brief(entries, "author_date")
    assert citation_marker(brief, _cite(1)) == "(Smith, 2017)"
    assert citation_marker(brief, _cite(2)) == "(Smith, 2019)"
    assert citation_marker(brief, _cite(3)) == "(Dubois and Lima, n.d.)"
    assert citation_marker(brief, _cite(4)) == "(One et al., 2020)"
    assert citation_marker(brief, _cite(5)) == "(“A very long title of…”, 2021)"
    assert citation_marker(brief, _cite(6)) == "(“f6.txt”, n.d.)"  # nothing known: the file name stands as title
    assert citation_marker(brief, _cite(7)) == "(Brussels Monitor, 2023)"
    assert citation_marker(brief, _cite(8)) == "(BBC News, 2017)"


def test_author_date_same_label_and_year_get_letters() -> None:
    entries = (
        _entry(1, publisher="BBC", date="2017"),
        _entry(2, publisher="BBC", date="2017-05"),
        _entry(3, publisher="BBC", date="2018"),
        _entry(4, title="Same"),
        _entry(5, title="Same"),
    )
    brief = _brief(entries, "author_date")
    assert [author_date_label(brief, e) for e in entries] == [
        "BBC, 2017a",
        "BBC, 2017b",
        "BBC, 2018",
        "“Same”, n.d.-a",
        "“Same”, n.d.-b",
    ]


def test_unknown_citation_gives_a_question_mark() -> None:
    brief = _brief((_entry(1, publisher="X"),), "numeric")
    assert citation_marker(brief, _cite(9)) == "[?]"
    assert citation_marker(dataclasses.replace(brief, citation_style="author_date"), _cite(9)) == "(?)"


def test_numeric_pieces_are_sorted_deduplicated_and_linked() -> None:
    entries = (_entry(1, publisher="A"), _entry(2, publisher="B"))
    brief = _brief(entries, "numeric")
    pieces = marker_pieces(brief, (_cite(2), _cite(1), _cite(2, t=3)))
    assert "".join(p.text for p in pieces) == "[1, 2]"
    assert [p.entry.number for p in pieces if p.entry is not None] == [1, 2]


def test_unknown_style_falls_back_to_numeric() -> None:
    brief = _brief((_entry(1, publisher="A"),), "chicago-notes?")
    assert citation_marker(brief, _cite(1)) == "[1]"


def test_footnotes_are_numbered_in_reading_order_one_per_cited_sentence() -> None:
    sentences = (
        BriefSentence("x1", "One.", (_cite(1),)),
        BriefSentence("x2", "Two.", (_cite(2), _cite(1, t=2))),
        BriefSentence("x3", "Three.", (_cite(1, t=3),)),
        BriefSentence("x4", "Uncited.", ()),
    )
    entries = (_entry(1, publisher="A", date="2001"), _entry(2, publisher="B", date="2002"))
    brief = _brief(entries, "footnotes", sentences)
    markers = brief_markers(brief)
    assert [n.number for n in markers.notes] == [1, 2, 3]
    assert [p.note for p in markers.pieces(0, 0)] == [1]
    assert markers.pieces(0, 3) == ()
    assert citation_marker(brief, _cite(2)) == "2"
    # the first note of an entry is its full text, later ones point back to it
    assert markers.notes[0].text == "Entry 1."
    assert markers.notes[1].text == "Entry 2. A, 2001; see note 1."
    assert markers.notes[2].text == "A, 2001; see note 1."


def test_every_note_resolves_to_the_entries_of_its_sentence() -> None:
    sample = make_sample("footnotes")
    markers = brief_markers(sample.brief)
    for pi, part in enumerate(sample.brief.parts):
        for si, sentence in enumerate(part.sentences):
            pieces = markers.pieces(pi, si)
            assert len(pieces) == 1 and pieces[0].note is not None
            note = markers.notes[pieces[0].note - 1]
            wanted = {sample.brief.entry_for(c).number for c in sentence.citations}  # type: ignore[union-attr]
            assert {item.entry.number for item in note.items if item.entry} == wanted
