"""The Word styles: the shipped reference document is the one tools/make_docx_reference.py makes, and a template's
fonts, sizes and colours reach the styles, the document defaults and the bullets."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path
from types import ModuleType

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt

from briefgen.errors import ResourceError
from briefgen.render.docx.renderer import render_docx
from briefgen.render.docx.styles import REFERENCE, reference_document
from briefgen.resources import resource_path
from briefgen.templates.style import Align, Colours, Fonts, Marking, MarkingPlacement, RenderStyle, TitleBlock
from tests.load_script import load_script
from tests.render.conftest import make_sample

TOOL = Path(__file__).resolve().parents[3] / "tools" / "make_docx_reference.py"


def _tool() -> ModuleType:
    return load_script(TOOL)


def test_the_shipped_reference_is_what_the_tool_makes() -> None:
    made = _tool().make_reference()
    assert resource_path(*REFERENCE).read_bytes() == made, "run tools/make_docx_reference.py"
    assert made == _tool().make_reference()  # reproducible


def test_the_reference_holds_every_brief_style_and_no_template_leftovers() -> None:
    document = reference_document()
    for shape in _tool().STYLES:
        style = document.styles.element.get_by_id(shape.style_id)
        assert style is not None and style.name_val == shape.name, shape.style_id
    names = {p.partname for p in document.part.package.iter_parts()}
    assert "/docProps/thumbnail.jpeg" not in names and "/docProps/app.xml" not in names
    assert "/word/stylesWithEffects.xml" not in names


def test_a_missing_reference_is_a_resource_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFGEN_RESOURCES", str(tmp_path))
    with pytest.raises(ResourceError, match="missing") as caught:
        reference_document()
    assert "reference.docx" in str(caught.value)
    (tmp_path / "docx").mkdir()
    (tmp_path / "docx" / "reference.docx").write_bytes(b"not a zip")
    with pytest.raises(ResourceError, match="cannot open the Word reference document"):
        reference_document()


def _styled() -> RenderStyle:
    return RenderStyle(
        fonts=Fonts(body="sans", heading="Georgia", base_size_pt=12, line_spacing=1.5),
        colours=Colours(accent="#7A1F5C", headings="#335500", text="#202020", marking="#005A9C", muted="#806040"),
        marking=Marking(placement=MarkingPlacement.BANNER),
        title_block=TitleBlock(align=Align.CENTER),
    )


def test_the_template_look_is_in_the_styles() -> None:
    style = _styled()
    document = Document(io.BytesIO(render_docx(make_sample("numeric").brief, style)))
    styles = document.styles
    heading = styles["Heading 1"]
    assert heading.font.name == "Georgia" and heading.font.size == Pt(16) and heading.font.bold
    assert str(heading.font.color.rgb) == "335500"
    assert heading.element.rPr.find(qn("w:szCs")).get(qn("w:val")) == "32"  # complex scripts the same size
    assert str(styles["Heading 1 Char"].font.color.rgb) == "335500"  # the linked character style follows
    assert styles["Title"].paragraph_format.alignment == 1  # centred, as the template asks
    assert str(styles["Normal"].font.color.rgb) == "202020"
    defaults = styles.element.find(qn("w:docDefaults"))
    fonts = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
    assert fonts.get(qn("w:ascii")) == fonts.get(qn("w:cs")) == "Arial"
    spacing = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:spacing')}")
    assert (spacing.get(qn("w:line")), spacing.get(qn("w:lineRule"))) == ("360", "atLeast")  # 12 pt x 1.5
    banner = styles["Marking Banner"].element.pPr
    assert {e.get(qn("w:color")) for e in banner.find(qn("w:pBdr"))} == {"005A9C"}
    assert banner.find(qn("w:shd")).get(qn("w:fill")) == "005A9C"
    assert str(styles["Marking Banner"].font.color.rgb) == "FFFFFF"
    width = 210 - style.margins.left_mm - style.margins.right_mm  # A4's text width
    footer_tabs = [round(t.position.mm) for t in styles["footer"].paragraph_format.tab_stops]
    assert footer_tabs == [round(width / 2), round(width)]  # centre and right
    numbering = document.part.numbering_part.element
    bullets = [lvl for lvl in numbering.iter(qn("w:lvl")) if lvl.find(qn("w:lvlText")).get(qn("w:val")) == "\u2022"]
    assert [b.find(f"{qn('w:rPr')}/{qn('w:color')}").get(qn("w:val")) for b in bullets] == ["7A1F5C"]


def test_another_template_changes_only_the_look() -> None:
    brief = make_sample("numeric").brief
    plain = Document(io.BytesIO(render_docx(brief, RenderStyle())))
    styled = Document(io.BytesIO(render_docx(brief, dataclasses.replace(_styled(), marking=Marking()))))
    assert [p.style and p.style.name for p in plain.paragraphs] == [p.style and p.style.name for p in styled.paragraphs]
    assert plain.styles["Heading 1"].font.name == "Arial" and plain.styles["Title"].paragraph_format.alignment is None
