from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefgen.render.docx.renderer import render_docx
from briefgen.render.logo import load_logo
from briefgen.render.pdf.renderer import render_pdf
from briefgen.templates.style import RenderStyle
from tests.no_hang import make_fifo, within
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


def _png_header(width: int, height: int) -> bytes:
    """A PNG whose header declares *width* x *height* pixels, with a tiny (bogus) image stream after it."""
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b"")
    )


def _jpeg_header(width: int, height: int) -> bytes:
    import struct

    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00" + b"\x00" * 9 + sof + b"\xff\xd9"


def _logo_warnings(style: RenderStyle, path: Path, fifos: tuple[Path, ...] = ()) -> list[str]:
    warnings: list[str] = []
    assert within(10, lambda: load_logo(_with_logo(style, path), warnings.append), fifos) is None
    assert len(warnings) == 1 and str(path) in warnings[0] and "without the logo" in warnings[0]
    return warnings


def test_fifo_logo_is_refused_at_once(tmp_path: Path, style: RenderStyle) -> None:
    fifo = make_fifo(tmp_path / "logo.png")
    assert "named pipe" in _logo_warnings(style, fifo, (fifo,))[0]


def test_logo_linked_to_dev_zero_is_refused_at_once(tmp_path: Path, style: RenderStyle) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero on this system")
    link = tmp_path / "logo.png"
    link.symlink_to("/dev/zero")
    assert "device" in _logo_warnings(style, link)[0]


def test_folder_named_like_a_logo_is_refused(tmp_path: Path, style: RenderStyle) -> None:
    (tmp_path / "logo.png").mkdir()
    assert "folder" in _logo_warnings(style, tmp_path / "logo.png")[0]


@pytest.mark.parametrize(
    ("name", "data"), [("bomb.png", _png_header(50_000, 50_000)), ("bomb.jpg", _jpeg_header(60_000, 60_000))]
)
def test_decompression_bomb_logo_is_refused_from_its_header(
    tmp_path: Path, style: RenderStyle, monkeypatch: pytest.MonkeyPatch, name: str, data: bytes
) -> None:
    from PIL import Image

    def no_decoding(*_a: object, **_k: object) -> None:
        raise AssertionError("the image was handed to the decoder")

    monkeypatch.setattr(Image, "open", no_decoding)
    path = tmp_path / name
    path.write_bytes(data)
    message = _logo_warnings(style, path)[0]
    assert "too large" in message and "pixels" in message


def test_brief_with_a_fifo_logo_is_still_made(tmp_path: Path, numeric_sample: Sample, style: RenderStyle) -> None:
    fifo = make_fifo(tmp_path / "logo.png")
    warnings: list[str] = []
    look = _with_logo(style, fifo)
    pdf = within(60, lambda: render_pdf(numeric_sample.brief, look, warn=warnings.append), (fifo,))
    assert _images(pdf) == 0 and any("named pipe" in w for w in warnings)
