"""``<script>`` and ``<style>`` bodies in Markdown never become text, however they are laid out."""

from __future__ import annotations

from pathlib import Path

from briefgen.ingest import read_source
from briefgen.model import Source

PROSE = "The council approved the budget on Tuesday after a long debate."


def _read(tmp_path: Path, markdown: str) -> Source:
    path = tmp_path / "notes.md"
    path.write_text(markdown, encoding="utf-8")
    return read_source(str(path))


def _text(source: Source) -> str:
    return "\n".join(sec.text for a in source.articles for sec in a.sections)


def test_inline_and_multi_paragraph_script_and_style_are_dropped(tmp_path: Path) -> None:
    source = _read(
        tmp_path,
        "# Budget\n\n"
        f"{PROSE} <script>steal('SCRIPT-ONE')</script> Libraries will close on Mondays.\n\n"
        "<script type=\"text/javascript\">\nvar token = 'SCRIPT-TWO';\n\n"
        "# SCRIPT-HEADING\n\n- SCRIPT-ITEM\n</script>\n\n"
        "<STYLE>\nbody { content: 'STYLE-ONE' }\n</style>\n\n"
        "The bus subsidy will be reviewed again in the autumn.\n",
    )
    text = _text(source)
    for hidden in ("SCRIPT-ONE", "SCRIPT-TWO", "SCRIPT-HEADING", "SCRIPT-ITEM", "STYLE-ONE", "steal", "token"):
        assert hidden not in text, hidden
    assert PROSE in text and "Libraries will close on Mondays." in text and "reviewed again in the autumn" in text
    assert "left out 3 script or style elements" in source.warnings


def test_script_left_open_hides_the_rest_and_code_spans_are_kept(tmp_path: Path) -> None:
    source = _read(tmp_path, f"{PROSE} Write `<script>` tags with care.\n\n<script>\nHIDDEN-TAIL\n\nMORE-HIDDEN\n")
    text = _text(source)
    assert "<script>" in text  # a code span showing the tag is text, not a tag
    assert "HIDDEN-TAIL" not in text and "MORE-HIDDEN" not in text
    assert "left out 1 script or style element" in source.warnings


def test_other_inline_html_keeps_its_text(tmp_path: Path) -> None:
    source = _read(tmp_path, f'{PROSE} <span class="x">Libraries</span> will close <b>on Mondays</b>.\n')
    assert "Libraries will close on Mondays." in _text(source)
    assert not any("script" in w for w in source.warnings)
