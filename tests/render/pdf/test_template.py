"""The document template's afterFlowable hook: one outline entry per part heading, however long the heading, none
for a part without one; progress while laying out, and a cancel that stops it."""

from __future__ import annotations

import dataclasses
import io

import pytest
from pypdf import PdfReader

from briefgen.brief import Brief
from briefgen.errors import Cancelled
from briefgen.progress import CancelToken
from briefgen.render.pdf.chunks import CHUNK_CHARS
from briefgen.render.pdf.renderer import render_pdf
from briefgen.templates.style import RenderStyle
from tests.render.conftest import make_sample


def _titles(data: bytes) -> list[str]:
    return [str(item.title) for item in PdfReader(io.BytesIO(data)).outline if not isinstance(item, list)]


def _brief_with_headings(*headings: str) -> Brief:
    brief = make_sample("numeric").brief
    body = brief.parts[0]
    parts = tuple(dataclasses.replace(body, heading=h) for h in headings)
    return dataclasses.replace(brief, parts=(*parts, brief.parts[-1]))


def test_a_very_long_heading_is_one_outline_entry() -> None:
    long_heading = " ".join(["Reservoir"] * (CHUNK_CHARS // 5))
    brief = _brief_with_headings("First", long_heading, "  ", "Last")
    titles = _titles(render_pdf(brief, RenderStyle()))
    assert titles == ["First", long_heading, "Last", brief.parts[-1].heading]  # the blank heading has none


def test_layout_reports_progress_and_stops_when_cancelled() -> None:
    brief = make_sample("numeric").brief
    seen: list[tuple[int, int, str]] = []
    render_pdf(brief, RenderStyle(), progress=lambda done, total, message: seen.append((done, total, message)))
    layout = [(done, total) for done, total, message in seen if message == "Laying out the PDF"]
    assert layout and all(0 < done <= total for done, total in layout)
    token = CancelToken()

    def cancel_at_layout(_done: int, _total: int, message: str) -> None:
        if message == "Laying out the PDF":
            token.cancel()

    with pytest.raises(Cancelled):
        render_pdf(brief, RenderStyle(), progress=cancel_at_layout, cancel=token)
