"""Reading a brief back: provenance and visible text per format."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.errors import InputError
from briefgen.provenance import parse_provenance, provenance_of
from briefgen.verify.read_markdown import visible_blocks
from briefgen.verify.read_pdf import Fragment, body_blocks, candidate_texts, join_fragments
from briefgen.verify.reading import read_brief
from tests.verify.conftest import build


def test_each_format_gives_back_its_provenance_and_text(tmp_path: Path, any_format: str) -> None:
    built = build(tmp_path, any_format)
    read = read_brief(built.path)
    assert read.format == any_format
    assert read.provenance is not None and parse_provenance(read.provenance) == provenance_of(built.brief)
    first = " ".join(built.brief.sentences()[0].text.split())
    assert any(first in " ".join(t.split()) for t in read.texts)
    assert any(first in " ".join(b.split()) for b in read.body)
    assert not any(built.brief.title == b for b in read.body)  # the title is no sentence block


def test_markdown_blocks_leave_out_html_headings_and_the_source_list() -> None:
    text = (
        "**MARKING**\n\n# Title\n\n*A subtitle*\n\nA sentence here. [1]\n\n- Listed *fact* here.\n\n"
        '> Quoted words here.\n\n1. <a id="source-1"></a>An entry.\n\n[^1]: A note.\n\n<!-- hidden -->\n'
    )
    blocks = visible_blocks(text)
    assert ("A sentence here. [1]", True) in blocks and ("Listed fact here.", True) in blocks
    assert ("Quoted words here.", True) in blocks
    assert ("Title", False) in blocks and ("A subtitle", False) in blocks and ("MARKING", False) in blocks
    assert ("An entry.", False) in blocks and ("[^1]: A note.", False) in blocks
    assert not any("hidden" in t for t, _ in blocks)
    table = visible_blocks(
        "| Account 1 | Account 2 |\n| --- | --- |\n| One says this. [1] | Other says \\| that. [2] |\n"
    )
    assert ("One says this. [1]", True) in table and ("Other says | that. [2]", True) in table


def test_pdf_text_reads_on_across_smaller_page_furniture() -> None:
    fragments = [
        Fragment(0, 700, 20.0, "Title"),
        Fragment(0, 600, 10.0, "The sentence starts"),
        Fragment(0, 30, 7.5, "Page 1 of 2"),
        Fragment(1, 800, 7.5, "Header"),
        Fragment(1, 700, 10.0, "and ends here."),
        Fragment(1, 700, 6.0, "1"),
        Fragment(1, 680, 10.0, "Another one"),
        Fragment(1, 680, 10.0, " follows."),
    ]
    texts = candidate_texts(fragments)
    assert texts[0] == "Title"
    assert texts[1] == "Title The sentence starts and ends here. Another one follows."
    assert "Page 1 of 2" in texts[-1]
    assert body_blocks(fragments) == ("The sentence starts and ends here. Another one follows.",)
    assert join_fragments([Fragment(0, 10, 10, "a"), Fragment(0, 10, 10, "b"), Fragment(0, 20, 10, "c")]) == "ab c"


def test_unreadable_briefs(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="extension"):
        read_brief(tmp_path / "brief.txt")
    with pytest.raises(InputError, match="no such file"):
        read_brief(tmp_path / "brief.md")
    (tmp_path / "empty.pdf").write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        read_brief(tmp_path / "empty.pdf")
    (tmp_path / "folder.docx").mkdir()
    with pytest.raises(InputError, match="folder"):
        read_brief(tmp_path / "folder.docx")
    (tmp_path / "latin1.md").write_bytes("caf\xe9".encode("latin-1"))
    with pytest.raises(InputError, match="UTF-8"):
        read_brief(tmp_path / "latin1.md")
