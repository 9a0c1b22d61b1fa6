"""A template may name an installed font family ("Liberation Serif", "Georgia") instead of serif or sans: the PDF
embeds that family, Word gets its name, and a family missing on this computer falls back to serif with a warning.
The families here are made by the test (reportlab's own Vera files copied under a new name into a font folder), so
the test does not depend on what this machine has installed."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import reportlab

from briefgen.errors import InputError
from briefgen.render.docx.styles import font_name
from briefgen.render.pdf import fonts as pdf_fonts
from briefgen.render.pdf import named_fonts
from briefgen.render.pdf.named_fonts import compact_index, family_files
from briefgen.templates.builtins import builtin_templates
from briefgen.templates.serialize import template_to_dict
from briefgen.templates.validate import template_from_dict


def _clear() -> None:
    pdf_fonts._font_index.cache_clear()
    pdf_fonts.resolve_fonts.cache_clear()


@pytest.fixture
def brief_test_family(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A font folder holding the family "Brief Test" (regular and bold only), searched by file name."""
    vera = Path(reportlab.__file__).parent / "fonts"
    folder = tmp_path / "fonts"
    folder.mkdir()
    shutil.copy(vera / "Vera.ttf", folder / "BriefTest-Regular.ttf")
    shutil.copy(vera / "VeraBd.ttf", folder / "BriefTest-Bold.ttf")
    monkeypatch.setattr(pdf_fonts, "font_dirs", lambda: [folder])
    monkeypatch.setattr(named_fonts, "_fontconfig_faces", lambda: {})
    pdf_fonts._font_index.cache_clear()
    pdf_fonts.resolve_fonts.cache_clear()
    yield folder
    _clear()


def test_family_files_by_file_name_reuse_the_regular_face_for_missing_ones(tmp_path: Path) -> None:
    index = compact_index([("BriefTest-Regular.ttf", tmp_path / "r.ttf"), ("BriefTest-Bold.ttf", tmp_path / "b.ttf")])
    regular, bold = tmp_path / "r.ttf", tmp_path / "b.ttf"
    assert family_files("Brief Test", index) == [regular, bold, regular, regular]
    assert family_files("Nothing Like It", index) is None


def test_a_named_family_is_used_for_the_pdf(brief_test_family: Path) -> None:
    fonts = pdf_fonts.resolve_fonts("Brief Test", "sans")
    assert fonts.body.name == "Brief Test"
    assert Path(fonts.body.path).name == "BriefTest-Regular.ttf"
    assert fonts.body.bold != fonts.body.regular and fonts.body.italic == fonts.body.regular
    assert not [w for w in fonts.warnings if "Brief Test" in w]


def test_a_missing_family_falls_back_to_serif_with_a_warning(brief_test_family: Path) -> None:
    fonts = pdf_fonts.resolve_fonts("No Such Family", "sans")
    assert any("'No Such Family' was not found" in w for w in fonts.warnings)
    assert fonts.body.name != "No Such Family"


def test_word_gets_the_family_name() -> None:
    assert font_name("Georgia") == "Georgia"
    assert font_name("serif") == "Times New Roman" and font_name("sans") == "Arial"


def test_templates_accept_a_family_name_and_refuse_nonsense() -> None:
    data = template_to_dict(builtin_templates()["policy-brief"])
    data["fonts"]["body"] = "Liberation Serif"
    assert template_from_dict(data, "test").style.fonts.body == "Liberation Serif"
    for bad in ("", " padded ", "x" * 101, "tab\there", 12):
        data["fonts"]["body"] = bad
        with pytest.raises(InputError, match=r"fonts\.body"):
            template_from_dict(data, "test")
