"""Briefs built by hand for the renderer tests, and helpers that read the produced files back."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from briefgen.brief import Brief
from briefgen.model import Citation, Source
from briefgen.render.sample_brief import sample_brief
from briefgen.templates.style import RenderStyle, default_style

MARKUP_SENTENCE_PART = "<b>not bold</b> & <5% costs > $3m"
HEADER = "Environment Committee · 18 March 2024"
FOOTER = "Northshire County Council"


@dataclasses.dataclass(frozen=True)
class Sample:
    brief: Brief
    sources: tuple[Source, ...]

    def source_text(self, citation: Citation) -> str:
        """The cited text, read from the source model (section.text[start:end])."""
        for source in self.sources:
            for article in source.articles:
                for section in article.sections:
                    if section.id == citation.section:
                        return section.text[citation.start : citation.end]
        raise KeyError(citation)


def make_sample(citation_style: str = "numeric", sources: int = 6, **kw: object) -> Sample:
    brief, built = sample_brief(citation_style=citation_style, sources=sources, include_cjk=True, **kw)  # type: ignore[arg-type]
    return Sample(brief, built)


@pytest.fixture
def style() -> RenderStyle:
    return dataclasses.replace(default_style(), header_text=HEADER, footer_text=FOOTER)


@pytest.fixture(params=["numeric", "author_date", "footnotes"])
def any_style_sample(request: pytest.FixtureRequest) -> Sample:
    return make_sample(request.param)


@pytest.fixture
def numeric_sample() -> Sample:
    return make_sample("numeric")


@pytest.fixture
def footnote_sample() -> Sample:
    return make_sample("footnotes")


def squash(text: str) -> str:
    """*text* without any white space (PDF text extraction breaks lines wherever the layout did)."""
    return re.sub(r"\s+", "", text)


def write_png(path: Path, width: int = 120, height: int = 40) -> Path:
    from PIL import Image

    Image.new("RGB", (width, height), (31, 78, 121)).save(path, "PNG")
    return path
