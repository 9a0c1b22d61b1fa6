from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefgen.errors import Cancelled, InputError
from briefgen.progress import CancelToken
from briefgen.render import format_for_path, render
from briefgen.templates.style import RenderStyle
from tests.render.conftest import Sample


@pytest.mark.parametrize(
    ("name", "fmt"), [("a.pdf", "pdf"), ("A.PDF", "pdf"), ("b.docx", "docx"), ("c.md", "md"), ("d.markdown", "md")]
)
def test_format_from_extension(name: str, fmt: str) -> None:
    assert format_for_path(name) == fmt


@pytest.mark.parametrize("name", ["brief.txt", "brief", "brief.doc"])
def test_unknown_extension_is_refused_naming_the_file(name: str) -> None:
    with pytest.raises(InputError) as info:
        format_for_path(name)
    assert info.value.path == name


@pytest.mark.parametrize(("ext", "magic"), [("pdf", b"%PDF-"), ("docx", b"PK\x03\x04"), ("md", b"**OFFICIAL")])
def test_render_writes_each_format(
    tmp_path: Path, numeric_sample: Sample, style: RenderStyle, ext: str, magic: bytes
) -> None:
    target = tmp_path / f"brief.{ext}"
    calls: list[tuple[int, int, str]] = []
    render(numeric_sample.brief, style, target, progress=lambda d, t, m: calls.append((d, t, m)))
    assert target.read_bytes().startswith(magic)
    assert calls and calls[-1][0] == calls[-1][1]
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary file left behind


@pytest.mark.parametrize("ext", ["pdf", "docx", "md"])
def test_cancel_leaves_an_existing_file_untouched(
    tmp_path: Path, numeric_sample: Sample, style: RenderStyle, ext: str
) -> None:
    target = tmp_path / f"brief.{ext}"
    target.write_bytes(b"previous brief")
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        render(numeric_sample.brief, style, target, cancel=token)
    assert target.read_bytes() == b"previous brief"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_cancel_during_layout_stops_the_pdf(tmp_path: Path, style: RenderStyle) -> None:
    from tests.render.conftest import make_sample

    sample = make_sample("numeric", sources=40)
    token = CancelToken()

    def progress(done: int, total: int, message: str) -> None:
        if done >= 8:
            token.cancel()

    with pytest.raises(Cancelled):
        render(sample.brief, style, tmp_path / "x.pdf", progress=progress, cancel=token)
    assert not (tmp_path / "x.pdf").exists()


def test_missing_folder_is_an_input_error(tmp_path: Path, numeric_sample: Sample, style: RenderStyle) -> None:
    target = tmp_path / "no" / "such" / "brief.pdf"
    with pytest.raises(InputError) as info:
        render(numeric_sample.brief, style, target)
    assert info.value.path == os.fspath(target)
    assert "folder" in info.value.reason


def test_explicit_format_overrides_extension(tmp_path: Path, numeric_sample: Sample, style: RenderStyle) -> None:
    target = tmp_path / "brief.out"
    render(numeric_sample.brief, style, target, format_name="md")
    assert target.read_text(encoding="utf-8").startswith("**OFFICIAL")


def test_every_output_format_has_a_renderer() -> None:
    from briefgen.render.registry import RENDERERS
    from briefgen.templates.schema import OutputFormat

    assert sorted(RENDERERS.names()) == sorted(OutputFormat)


def test_a_registered_renderer_is_chosen_by_its_extension(
    tmp_path: Path, numeric_sample: Sample, style: RenderStyle, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefgen.brief import Brief
    from briefgen.registry import Registry
    from briefgen.render import registry

    def render_text(brief: Brief, style: RenderStyle, **_: object) -> bytes:
        return brief.title.encode("utf-8")

    fresh: Registry[registry.Renderer] = Registry(registry.RENDERERS.kind)
    for entry in registry.RENDERERS.entries():
        fresh.register(entry.name, entry.target, suffixes=entry.suffixes)
    monkeypatch.setattr(registry, "RENDERERS", fresh)
    registry.register_renderer("txt", render_text, (".txt",), "Plain text")
    target = tmp_path / "brief.TXT"
    render(numeric_sample.brief, style, target)
    assert format_for_path(target) == "txt"
    assert target.read_text(encoding="utf-8") == numeric_sample.brief.title
