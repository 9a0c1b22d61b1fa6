"""Every in-text citation of a built brief points at exactly one bibliography entry, in every output.

For each citation style (numeric, author-date, footnotes) and bibliography (APA, Chicago), a brief is built from
:mod:`tests.render.citation_corpus` (an author, only a publisher, only a title, an undated source with a DOI,
two sources by one author in one year) and read back from the PDF (pypdf text), the Word file (python-docx), the
Markdown and the app's preview HTML. Then:

- numeric: every number in a marker is the number of an entry (and the link, where there is one, goes there);
- author-date: the "who" and the "year+suffix" of every marker start exactly one entry (the one it links to);
- footnotes: each note is made of full entries, or short forms whose who and year name exactly one of the
  entries given in full by the note they point back to.
"""

from __future__ import annotations

import dataclasses
import html
import io
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefgen.brief import Brief, PartKind
from briefgen.build import BuildResult
from briefgen.corpus import Corpus
from briefgen.model import Metadata
from briefgen.project.workspace import apply_metadata
from briefgen.render.registry import render_bytes
from briefgen.templates.style import marking_text
from tests.render.citation_corpus import (
    article_id,
    build,
    citation_corpus,
    citations_template,
    shared_sentence_id,
)
from tests.render.conftest import squash
from tests.render.docx_reading import W, read_docx
from tests.render.pdf_reading import notes_by_page

STYLES = ("numeric", "author_date", "footnotes")
BIBLIOGRAPHIES = ("apa", "chicago")
OUTPUTS = ("pdf", "docx", "md", "html")
YEAR = r"(?:\d{4}[a-z]*|n\.d\.(?:-[a-z]+)?)"
AUTHOR_DATE = re.compile(rf"\(((?:[^();]+?, {YEAR})(?:; [^();]+?, {YEAR})*)\)")
NUMERIC = re.compile(r"\[(\d+(?:, \d+)*)\]")
SHORT_FORM = re.compile(
    rf"^(?P<who>.+?), ?(?P<year>{YEAR})(?:; ?see ?note ?(?P<note>\d+)\.| ?\(source ?(?P<src>\d+)\)\.)"
)

Piece = tuple[str, int | None]
"""One cited entry of a marker: its label ("3" or "Smith, 2017a") and the entry number it links to, if known."""


@dataclasses.dataclass
class ReadBack:
    markers: list[list[Piece]]
    entries: dict[int, str]
    notes: dict[int, str]
    note_refs: int
    key: Callable[[str], str]
    """How texts are compared: white space collapsed, or (PDF, where lines break anywhere) removed."""


def norm(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return citation_corpus(tmp_path_factory.mktemp("citations"))


_BUILT: dict[tuple[str, str], BuildResult] = {}


def built(corpus: Corpus, style: str, bibliography: str) -> BuildResult:
    key = (style, bibliography)
    if key not in _BUILT:
        _BUILT[key] = build(corpus, citations_template(style, bibliography), [shared_sentence_id(corpus)])
    return _BUILT[key]


# --- reading the outputs back ------------------------------------------------------------------------------


def _pieces(style: str, body: str) -> list[list[Piece]]:
    """Markers found in plain *body* text (no links known)."""
    pattern = AUTHOR_DATE if style == "author_date" else NUMERIC
    sep = "; " if style == "author_date" else ", "
    return [[(label, None) for label in m.group(1).split(sep)] for m in pattern.finditer(body)]


def _sources_heading(brief: Brief) -> str:
    return next((p.heading for p in brief.parts if p.kind is PartKind.SOURCES), "Sources")


def read_pdf_back(result: BuildResult, data: bytes) -> ReadBack:
    reader = PdfReader(io.BytesIO(data))
    style, brief = result.style, result.brief
    furniture = {t.strip() for t in (style.header_text, style.footer_text, marking_text(style, brief.marking)) if t}
    pages = []
    for page in reader.pages:
        lines = [
            ln
            for ln in page.extract_text().splitlines()
            if ln.strip() not in furniture and not re.fullmatch(r"Page \d+ of \d+", ln.strip())
        ]
        pages.append("\n" + "\n".join(lines))
    notes: dict[int, str] = {}
    left = style.margins.left_mm * 72 / 25.4
    note_numbers = notes_by_page(reader, left=left, max_size=style.fonts.base_size_pt * 0.8)
    for index, numbers in enumerate(note_numbers):
        if not numbers:
            continue
        page_text = pages[index]
        pos = band = page_text.rindex(f"\n{numbers[0]}. ")  # notes are drawn last, at the foot of the page
        for i, n in enumerate(numbers):
            start = page_text.index(f"\n{n}. ", pos)
            end = page_text.index(f"\n{numbers[i + 1]}. ", start) if i + 1 < len(numbers) else len(page_text)
            notes[n] = page_text[start + len(f"\n{n}. ") : end]
            pos = end
        pages[index] = page_text[:band]
    text = "".join(pages)
    heading = f"\n{_sources_heading(brief)}\n"
    at = text.rindex(heading)
    body, tail = text[:at], text[at + len(heading) - 1 :]
    entries: dict[int, str] = {}
    number, pos = 1, 0
    while (start := tail.find(f"\n{number}. ", pos)) >= 0:
        nxt = tail.find(f"\n{number + 1}. ", start + 1)
        end = nxt if nxt >= 0 else len(tail)
        entries[number] = tail[start + len(f"\n{number}. ") : end]
        number, pos = number + 1, end
    cs = brief.citation_style
    markers = [] if cs == "footnotes" else _pieces(cs, norm(body))
    return ReadBack(markers, entries, notes, len(notes), squash)


def read_docx_back(result: BuildResult, data: bytes) -> ReadBack:
    doc = read_docx(data)
    entries: dict[int, str] = {}
    body: list[str] = []
    for style_name, text in doc.paragraphs():
        m = re.fullmatch(r"(\d+)\.\t(.*)", text, re.S)
        if style_name == "Source Entry" and m:
            entries[int(m.group(1))] = m.group(2)
        elif not entries:
            body.append(text)
    for table in doc.document.tables:
        body.extend(cell.text for row in table.rows for cell in row.cells)
    cs = result.brief.citation_style
    markers = [] if cs == "footnotes" else _pieces(cs, "\n".join(norm(b) for b in body))
    links = iter(doc.internal_links())
    linked: list[list[Piece]] = []
    for marker in markers:
        pieces: list[Piece] = []
        for label, _ in marker:
            anchor, shown = next(links)
            assert shown == label
            pieces.append((label, int(anchor.removeprefix("source_"))))
        linked.append(pieces)
    refs = sum(1 for _ in doc.body.iter(f"{W}footnoteReference"))
    return ReadBack(linked, entries, doc.footnotes(), refs, norm)


def _md_unescape(text: str) -> str:
    return re.sub(r"<(https?://[^>]+)>", r"\1", re.sub(r"\\(.)", r"\1", text))


def read_markdown_back(result: BuildResult, data: bytes) -> ReadBack:
    text = data.decode("utf-8")
    body = text[: text.rindex(f"\n## {_sources_heading(result.brief)}\n")]
    entries = {
        int(m.group(1)): _md_unescape(m.group(3))
        for m in re.finditer(r'^(\d+)\. <a id="source-(\d+)"></a>(.*)$', text, re.M)
    }
    cs = result.brief.citation_style
    markers: list[list[Piece]] = []
    if cs == "numeric":
        for m in re.finditer(r"\\\[((?:\[\d+\]\(#source-\d+\)(?:, )?)+)\\\]", body):
            found = re.findall(r"\[(\d+)\]\(#source-(\d+)\)", m.group(1))
            markers.append([(a, int(b)) for a, b in found])
    elif cs == "author_date":
        for m in re.finditer(r"\(((?:\[[^\]]+\]\(#source-\d+\)(?:; )?)+)\)", body):
            found = re.findall(r"\[([^\]]+)\]\(#source-(\d+)\)", m.group(1))
            markers.append([(_md_unescape(a), int(b)) for a, b in found])
    notes = {int(m.group(1)): _md_unescape(m.group(2)) for m in re.finditer(r"^\[\^(\d+)\]: (.*)$", text, re.M)}
    refs = len(re.findall(r"\[\^\d+\](?!:)", body))
    return ReadBack(markers, entries, notes, refs, norm)


def read_html_back(result: BuildResult, text: str) -> ReadBack:
    cs = result.brief.citation_style
    entries = {}
    for i, raw in enumerate(re.findall(r"<p class='src'>(.*?)</p>", text), start=1):
        shown = html.unescape(raw)
        if cs != "author_date":
            assert shown.startswith(f"[{i}] ")
            shown = shown.removeprefix(f"[{i}] ")
        entries[i] = shown
    shown_markers = [
        html.unescape(re.sub(r"</?sup>", "", m)).strip() for m in re.findall(r"<a class='c'[^>]*>(.*?)</a>", text)
    ]
    markers = [] if cs == "footnotes" else _pieces(cs, "\n".join(shown_markers))
    if cs != "footnotes":
        assert len(markers) == len(shown_markers), shown_markers
    notes = {int(n): html.unescape(t) for n, t in re.findall(r"<p class='note'>(\d+)\. (.*?)</p>", text)}
    refs = len(shown_markers) if cs == "footnotes" else 0
    return ReadBack(markers, entries, notes, refs, norm)


def read_back(result: BuildResult, output: str) -> ReadBack:
    if output == "html":
        from briefgen.render.brief_html import brief_to_html

        return read_html_back(result, brief_to_html(result.brief))
    data = render_bytes(result.brief, result.style, output)
    readers = {"pdf": read_pdf_back, "docx": read_docx_back, "md": read_markdown_back}
    return readers[output](result, data)


# --- matching markers to entries ---------------------------------------------------------------------------


def _who_head(who: str) -> str:
    """What the entry must start with: a title's words, or the first name of "A and B" / "A et al."."""
    if who.startswith("“"):
        return who.strip("“”").rstrip("…")
    return re.split(r" and | et al\.", who)[0]


def matching(read: ReadBack, label: str) -> list[int]:
    """The entries whose start is the label's who and whose date is its year (with suffix)."""
    who, year = label.rsplit(",", 1)
    head = read.key(_who_head(who.strip()))
    year_at = re.compile(rf"(?<![0-9A-Za-z]){re.escape(year.strip())}(?![0-9A-Za-z-])")
    return [n for n, e in read.entries.items() if read.key(e).lstrip("“").startswith(head) and year_at.search(norm(e))]


def check_agreement(read: ReadBack, brief: Brief) -> None:
    style = brief.citation_style
    cited = sum(1 for s in brief.sentences() if s.citations)
    assert sorted(read.entries) == list(range(1, len(brief.sources) + 1)), read.entries
    if style == "footnotes":
        _check_notes(read, cited)
        return
    assert len(read.markers) == cited, "every cited sentence has one marker"
    reached = set()
    for marker in read.markers:
        for label, target in marker:
            if style == "numeric":
                found = [int(label)] if int(label) in read.entries else []
            else:
                found = matching(read, label)
            assert len(found) == 1, f"{label!r} matches entries {found}: {read.entries}"
            assert target is None or target == found[0], f"{label!r} links to {target}, names {found[0]}"
            reached.add(found[0])
    assert reached == set(read.entries), "every entry is cited"


def _check_notes(read: ReadBack, cited: int) -> None:
    assert sorted(read.notes) == list(range(1, cited + 1))
    assert read.note_refs == cited
    by_length = sorted(read.entries.items(), key=lambda kv: -len(kv[1]))
    given: dict[int, set[int]] = {}
    for number, text in sorted(read.notes.items()):
        rest = read.key(text)
        given[number] = set()
        while rest:
            full = next((n for n, e in by_length if rest.startswith(read.key(e))), None)
            if full is not None:
                given[number].add(full)
                rest = rest[len(read.key(read.entries[full])) :].lstrip()
                continue
            m = SHORT_FORM.match(rest)
            assert m, f"note {number} is neither an entry nor a short form: {rest!r}"
            candidates = set(matching(read, f"{m['who']}, {m['year']}"))
            if m["note"]:
                assert int(m["note"]) < number
                assert len(candidates & given[int(m["note"])]) == 1, f"note {number}: {m.group(0)!r}"
            else:
                assert int(m["src"]) in candidates
            rest = rest[m.end() :].lstrip()
        assert rest == ""
    assert set().union(*given.values()) == set(read.entries), "every entry is given in full in some note"


@pytest.mark.parametrize("output", OUTPUTS)
@pytest.mark.parametrize("bibliography", BIBLIOGRAPHIES)
@pytest.mark.parametrize("style", STYLES)
def test_every_marker_matches_exactly_one_entry(corpus: Corpus, style: str, bibliography: str, output: str) -> None:
    result = built(corpus, style, bibliography)
    assert len(result.brief.sources) == 6
    check_agreement(read_back(result, output), result.brief)


@pytest.mark.parametrize("bibliography", BIBLIOGRAPHIES)
def test_author_date_suffixes_show_in_markers_and_entries(corpus: Corpus, bibliography: str) -> None:
    result = built(corpus, "author_date", bibliography)
    read = read_back(result, "md")
    labels = {label for marker in read.markers for label, _ in marker}
    assert {"Nilsson-Wright, 2017a", "Nilsson-Wright, 2017b", "Dubois, 2023", "Eastmouth Gazette, 2024"} <= labels
    assert "Natarajan, n.d." in labels
    assert "“Harbour dredging plan draws objections…”, n.d." in labels
    shared = [{label for label, _ in marker} for marker in read.markers if len(marker) == 2]
    assert {"Nilsson-Wright, 2017a", "Nilsson-Wright, 2017b"} in shared  # the sentence both articles carry
    head = "Nilsson-Wright, J. ({}, " if bibliography == "apa" else "Nilsson-Wright, John. {}. “"
    for year in ("2017a", "2017b"):
        assert sum(e.startswith(head.format(year)) for e in read.entries.values()) == 1


@pytest.mark.parametrize("bibliography", BIBLIOGRAPHIES)
@pytest.mark.parametrize("style", STYLES)
def test_entries_without_a_url_end_after_publisher_and_date(corpus: Corpus, style: str, bibliography: str) -> None:
    result = built(corpus, style, bibliography)
    read = read_back(result, "md")
    by_name = {Path(e.path).stem: read.entries[e.number] for e in result.brief.sources}
    for name in ("gazette", "harbour"):
        entry = by_name[name]
        assert ".txt" not in entry and f"{name}." not in entry
        assert not re.search(r"Retrieved|Accessed|, from ", entry), entry
    assert by_name["gazette"].endswith(
        ("February 27). Flood barrier approved after long debate.", "February 27, 2024.")
    )
    doi = "https://doi.org/10.5555/coast.2024.17"
    assert by_name["natarajan"].rstrip(".").endswith(doi)
    assert "Retrieved" not in by_name["natarajan"] and "Accessed" not in by_name["natarajan"]
    assert by_name["bbc1"].rstrip(".").endswith("https://www.bbc.co.uk/news/world-asia-40888277")


@pytest.mark.parametrize("output", OUTPUTS)
def test_a_metadata_edit_changes_the_entry_and_the_marker(corpus: Corpus, output: str) -> None:
    """As the app applies an edit (``apply_metadata``): an author typed for a publisher-only article and an
    author replaced on one of two same-year articles change both the entries and the markers."""
    template = citations_template("author_date", "apa")
    edits = {
        article_id(corpus, "gazette"): Metadata(author="Tom Hale"),
        article_id(corpus, "bbc1"): Metadata(author="Laura Bicker"),
    }
    before = build(corpus, template)
    after = build(apply_metadata(corpus, edits), template)
    old, new = read_back(before, output), read_back(after, output)
    check_agreement(new, after.brief)
    old_labels = {label for marker in old.markers for label, _ in marker}
    new_labels = {label for marker in new.markers for label, _ in marker}
    assert {"Eastmouth Gazette, 2024", "Nilsson-Wright, 2017a", "Nilsson-Wright, 2017b"} <= old_labels
    assert {"Hale, 2024", "Bicker, 2017", "Nilsson-Wright, 2017"} <= new_labels
    assert not {"Eastmouth Gazette, 2024", "Nilsson-Wright, 2017a", "Nilsson-Wright, 2017b"} & new_labels
    entries = [new.key(e) for e in new.entries.values()]
    assert any(e.startswith(new.key("Hale, T. (2024, February 27). Flood barrier approved")) for e in entries)
    assert any(e.startswith(new.key("Bicker, L. (2017, August 10). North Korea crisis")) for e in entries)
    assert any(e.startswith(new.key("Nilsson-Wright, J. (2017, September 3).")) for e in entries)
