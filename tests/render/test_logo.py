from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefgen.render.docx_renderer import render_docx
from briefgen.render.logo import load_logo
from briefgen.render.pdf_renderer import render_pdf
from briefgen.render.style import RenderStyle
from tests.render.conftest import Sample, write_png


def _with_logo(style: RenderStyle, path: Path | str, width_mm: float = 35.0) -> RenderStyle:
    return dataclasses.replace(style, logo=dataclasses.replace(style.logo, path=str(path), width_mm=width_mm))


def _images(pdf: bytes) -> int:
    import io

    return sum(len(page.images) for page in PdfReader(io.BytesIO(pdf)).pages)


def test_png_logo_is_placed_in_pdf_and_docx(tmp_path: Path, numeric_sample: Sample, style: RenderStyle) -> None:
    look = _with_logo(style, write_png(tmp_path / "logo.png"))
    warnings: list[str] = []
    assert _images(render_pdf(numeric_sample.brief, look, warn=warnings.append)) == 1
    assert b"word/media/" in render_docx(numeric_sample.brief, look, warn=warnings.append)
    assert warnings == []


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("missing.png", None, "no such file"),
        ("logo.gif", b"GIF89a...", "only PNG and JPEG"),
        ("fake.png", b"this is not an image", "not a PNG or JPEG"),
        ("broken.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "cannot be read"),
    ],
)
def test_bad_logo_warns_and_the_brief_is_still_made(
    tmp_path: Path, numeric_sample: Sample, style: RenderStyle, name: str, content: bytes | None, reason: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    look = _with_logo(style, path)
    for render in (render_pdf, render_docx):
        warnings: list[str] = []
        data = render(numeric_sample.brief, look, warn=warnings.append)
        assert data
        assert len(warnings) == 1 and reason in warnings[0] and name in warnings[0]
    assert _images(render_pdf(numeric_sample.brief, look)) == 0


def test_tall_logo_is_kept_to_a_sensible_height(tmp_path: Path, style: RenderStyle) -> None:
    logo = load_logo(_with_logo(style, write_png(tmp_path / "tall.png", 50, 500), width_mm=60), lambda m: None)
    assert logo is not None
    assert logo.height_mm <= 25.01
