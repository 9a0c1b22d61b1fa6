"""Bibliography entries: APA-like and Chicago-like formats, names, partial dates, missing fields."""

from __future__ import annotations

import dataclasses

import pytest

from briefgen.citations import (
    attribution,
    cite_label,
    dated,
    doi_of,
    fallback_title,
    format_apa,
    format_chicago,
    format_entries,
    format_entry,
    is_person,
    long_date,
    normalise_url,
    parse_date,
    split_authors,
    url_problem,
    year_suffixes,
)
from briefgen.model import Metadata

ACCESSED = "2026-11-22"
BBC = Metadata(
    title="North Korea crisis: What does Kim Jong-un really want?",
    author="BBC News",
    publisher="BBC",
    date="2017-08-10",
    url="https://www.bbc.co.uk/news/world-asia-40888277",
)
PEOPLE = Metadata(
    title="Cities weigh the price of cooling",
    author="Jane Doe and John van der Berg",
    publisher="Reuters",
    date="2018-05",
    url=None,
)


def test_apa_organisation_author_with_full_date_and_url() -> None:
    assert format_apa(BBC, "seeds/000.txt", ACCESSED) == (
        "BBC News. (2017, August 10). North Korea crisis: What does Kim Jong-un really want? BBC. "
        "Retrieved November 22, 2026, from https://www.bbc.co.uk/news/world-asia-40888277"
    )


def test_chicago_organisation_author_with_full_date_and_url() -> None:
    assert format_chicago(BBC, "seeds/000.txt", ACCESSED) == (
        "BBC News. “North Korea crisis: What does Kim Jong-un really want?” BBC, August 10, 2017. "
        "Accessed November 22, 2026. https://www.bbc.co.uk/news/world-asia-40888277."
    )


def test_apa_people_are_inverted_with_initials_and_a_local_file_is_no_location() -> None:
    text = format_apa(PEOPLE, "/data/in/cooling.txt", ACCESSED)
    assert text == "Doe, J. & van der Berg, J. (2018, May). Cities weigh the price of cooling. Reuters."


def test_chicago_inverts_only_the_first_author_and_gives_no_access_date_without_a_url() -> None:
    text = format_chicago(PEOPLE, "cooling.txt", ACCESSED)
    assert text == "Doe, Jane and John van der Berg. “Cities weigh the price of cooling.” Reuters, May 2018."


def test_missing_everything_still_gives_a_usable_entry() -> None:
    empty = Metadata()
    assert format_apa(empty, "notes/brief.md", ACCESSED) == "brief.md. (n.d.)."
    assert format_chicago(empty, "notes/brief.md", ACCESSED) == "“brief.md.” n.d."


@pytest.mark.parametrize("style", ["apa", "chicago"])
@pytest.mark.parametrize("path", ["000_6fe9ca65db3061ed.txt", "/home/me/news/000_6fe9ca65db3061ed.txt", "C:\\x\\a.md"])
def test_an_entry_without_a_url_names_no_file_and_no_retrieval(style: str, path: str) -> None:
    for md in (PEOPLE, Metadata(title="Flood defences approved", publisher="Eastmouth Gazette", date="2024")):
        text = format_entry(style, md, path, ACCESSED)
        name = path.replace("\\", "/").rsplit("/", 1)[-1]
        assert name not in text
        assert "Retrieved" not in text and "Accessed" not in text and " from " not in text
        assert text.endswith(("Reuters, May 2018.", "Reuters.", "2024.", "approved.", "approved.”"))


def test_a_source_read_from_the_web_is_located_by_its_address() -> None:
    text = format_apa(Metadata(title="T", publisher="P", date="2024"), "https://example.org/news/t", ACCESSED)
    assert text.endswith("Retrieved November 22, 2026, from https://example.org/news/t")


@pytest.mark.parametrize("given", ["10.1234/abc.5-x", "doi:10.1234/abc.5-x", "https://doi.org/10.1234/abc.5-x",
                                   "DOI: 10.1234/abc.5-x", "http://dx.doi.org/10.1234/abc.5-x"])  # fmt: skip
def test_a_doi_is_printed_as_a_doi_link_without_a_retrieval_date(given: str) -> None:
    md = dataclasses.replace(PEOPLE, url=given)
    apa = format_apa(md, "cooling.txt", ACCESSED)
    chicago = format_chicago(md, "cooling.txt", ACCESSED)
    assert apa.endswith("Reuters. https://doi.org/10.1234/abc.5-x")
    assert chicago.endswith("Reuters, May 2018. https://doi.org/10.1234/abc.5-x.")
    assert "Retrieved" not in apa and "Accessed" not in chicago
    assert normalise_url(given) == "https://doi.org/10.1234/abc.5-x"
    assert doi_of(given) == "10.1234/abc.5-x"


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("", None),
        ("https://www.bbc.co.uk/news/world-asia-40888277", None),
        ("10.1038/nphys1170", None),
        ("doi:10.1038/nphys1170", None),
        ("https://doi.org/10.1038/nphys1170", None),
        ("www.bbc.co.uk/news", "start a web address with https://"),
        ("10.10/x", "Not a DOI"),
        ("doi:abc", "Not a DOI"),
        ("https://doi.org/abc", "Not a DOI"),
        ("ftp://example.org/file", "not “ftp:” links"),
        ("javascript:alert(1)", "Not a web address or a DOI"),
        ("https://", "no site name"),
        ("https://exa mple.org", "no spaces"),
        ("000_6fe9ca65db3061ed.txt", "Not a web address or a DOI"),
    ],
)
def test_url_problems_say_what_is_wrong(value: str, problem: str | None) -> None:
    found = url_problem(value)
    if problem is None:
        assert found is None
    else:
        assert found is not None and problem in found


def test_no_author_puts_the_publisher_first_and_no_publisher_the_title() -> None:
    md = Metadata(title="Flood defences approved", publisher="Eastmouth Gazette", date="2024")
    assert format_apa(md, "x.txt", ACCESSED) == "Eastmouth Gazette. (2024). Flood defences approved."
    assert format_chicago(md, "x.txt", ACCESSED) == "Eastmouth Gazette. “Flood defences approved.” 2024."
    untitled = dataclasses.replace(md, publisher=None)
    assert format_apa(untitled, "x.txt", ACCESSED) == "Flood defences approved. (2024)."


@pytest.mark.parametrize(
    ("md", "who", "year"),
    [
        (BBC, "BBC News", "2017"),
        (PEOPLE, "Doe and van der Berg", "2018"),
        (Metadata(author="Claire Dubois", publisher="Brussels Monitor", date="2023-04-02"), "Dubois", "2023"),
        (Metadata(author="A One; B Two; C Three"), "One et al.", "n.d."),
        (Metadata(title="Flood", publisher="Eastmouth Gazette"), "Eastmouth Gazette", "n.d."),
        (Metadata(title="A very long title of a report on heat", date="2021"), "“A very long title of…”", "2021"),
    ],
)
def test_attribution_is_author_else_publisher_else_title(md: Metadata, who: str, year: str) -> None:
    found = attribution(md, "x.txt")
    assert (found.who, found.year) == (who, year)
    assert cite_label(found) == f"{who}, {year}"


def test_the_entry_starts_with_the_attributions_who_and_when() -> None:
    md = Metadata(title="EU budget talks", author="Claire Dubois", publisher="Brussels Monitor", date="2023-04-02")
    assert format_apa(md, "x.txt", ACCESSED).startswith(
        "Dubois, C. (2023, April 2). EU budget talks. Brussels Monitor."
    )
    assert format_chicago(md, "x.txt", ACCESSED, "b", author_date=True).startswith(
        "Dubois, Claire. 2023b. “EU budget talks.” Brussels Monitor, April 2, 2023."
    )


def test_year_suffixes_only_for_shared_markers_in_order() -> None:
    same = Metadata(author="BBC", date="2017-03-01")
    found = [
        attribution(same, "a"),
        attribution(Metadata(author="BBC", date="2018"), "b"),
        attribution(dataclasses.replace(same, date="2017-11"), "c"),
        attribution(Metadata(title="Untitled"), "d"),
        attribution(Metadata(title="Untitled"), "e"),
    ]
    assert year_suffixes(found) == ["a", "", "b", "a", "b"]
    assert dated("2017", "b") == "2017b" and dated("n.d.", "a") == "n.d.-a" and dated("2017") == "2017"
    sources = [(same, "a.txt"), (dataclasses.replace(same, date="2017-11"), "c.txt")]
    apa = format_entries("apa", sources, ACCESSED, author_date=True)
    assert [e.split(")")[0] for e in apa] == ["BBC. (2017a, March 1", "BBC. (2017b, November"]
    assert format_entries("apa", sources, ACCESSED) == [format_apa(md, p, ACCESSED) for md, p in sources]
    chicago = format_entries("chicago", sources, ACCESSED, author_date=True)
    assert [e.split("“")[0] for e in chicago] == ["BBC. 2017a. ", "BBC. 2017b. "]


def test_format_entry_dispatches_and_refuses_unknown_styles() -> None:
    assert format_entry("apa", BBC, "x", ACCESSED) == format_apa(BBC, "x", ACCESSED)
    assert format_entry("chicago", BBC, "x", ACCESSED) == format_chicago(BBC, "x", ACCESSED)
    with pytest.raises(ValueError, match="unknown bibliography style"):
        format_entry("mla", BBC, "x", ACCESSED)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2017-08-10", (2017, 8, 10)),
        ("2017-08", (2017, 8, None)),
        ("2017", (2017, None, None)),
        ("2017-08-10T12:00:00Z", (2017, 8, 10)),
        ("2017-13-01", (2017, None, None)),
        ("yesterday", None),
        (None, None),
    ],
)
def test_parse_date(value: str | None, expected: tuple[int, int | None, int | None] | None) -> None:
    d = parse_date(value)
    assert (None if d is None else (d.year, d.month, d.day)) == expected


def test_long_date_orders() -> None:
    assert long_date("2017-08-10") == "August 10, 2017"
    assert long_date("2017-08-10", day_first=True) == "10 August 2017"
    assert long_date("2017-08") == "August 2017"
    assert long_date("bad") is None


@pytest.mark.parametrize(
    ("author", "names"),
    [
        ("By Jane Doe", ["Jane Doe"]),
        ("Jane Doe and John Smith", ["Jane Doe", "John Smith"]),
        ("Mary Ann Smith, Bob Jones and Alice Wu", ["Mary Ann Smith", "Bob Jones", "Alice Wu"]),
        ("Doe, Jane", ["Jane Doe"]),
        ("Marc Dubois; Ana Lima", ["Marc Dubois", "Ana Lima"]),
        ("", []),
    ],
)
def test_split_authors(author: str, names: list[str]) -> None:
    assert split_authors(author) == names


@pytest.mark.parametrize(
    ("name", "person"),
    [("Jane Doe", True), ("BBC News", False), ("Department for Environment", False), ("Reuters", False)],
)
def test_is_person(name: str, person: bool) -> None:
    assert is_person(name) is person


def test_fallback_title_uses_file_name_or_url() -> None:
    assert fallback_title(Metadata(), "/a/b/report.txt") == "report.txt"
    assert fallback_title(Metadata(), "https://example.org/x") == "https://example.org/x"
    assert fallback_title(Metadata(title="  T  "), "x") == "T"
