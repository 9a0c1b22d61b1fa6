"""Bibliography entries: APA-like and Chicago-like formats, names, partial dates, missing fields."""

from __future__ import annotations

import pytest

from briefgen.citations import (
    fallback_title,
    format_apa,
    format_chicago,
    format_entry,
    is_person,
    long_date,
    parse_date,
    split_authors,
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


def test_apa_people_are_inverted_with_initials_and_file_name_stands_for_missing_url() -> None:
    text = format_apa(PEOPLE, "/data/in/cooling.txt", ACCESSED)
    assert text.startswith("Doe, J. & van der Berg, J. (2018, May). Cities weigh the price of cooling. Reuters.")
    assert text.endswith("Retrieved November 22, 2026, from cooling.txt")


def test_chicago_inverts_only_the_first_author() -> None:
    text = format_chicago(PEOPLE, "cooling.txt", ACCESSED)
    assert text.startswith("Doe, Jane and John van der Berg. “Cities weigh the price of cooling.” Reuters, May 2018.")
    assert "Accessed November 22, 2026." in text


def test_missing_everything_still_gives_a_usable_entry() -> None:
    empty = Metadata()
    apa = format_apa(empty, "notes/brief.md", ACCESSED)
    assert apa == "brief.md. (n.d.). Retrieved November 22, 2026, from brief.md"
    chicago = format_chicago(empty, "notes/brief.md", ACCESSED)
    assert chicago.startswith("“brief.md.”") and "Accessed November 22, 2026." in chicago


def test_no_author_puts_the_title_first_in_apa() -> None:
    md = Metadata(title="Flood defences approved", publisher="Eastmouth Gazette", date="2024")
    assert format_apa(md, "x.txt", ACCESSED).startswith("Flood defences approved. (2024). Eastmouth Gazette.")


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
