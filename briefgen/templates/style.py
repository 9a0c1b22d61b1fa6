"""How a brief looks: every setting a template can change and all three renderers honour.

:class:`RenderStyle` is plain, frozen data. A template embeds it (:mod:`briefgen.templates.schema`),
:mod:`briefgen.templates.validate` enforces the ranges documented below, and it is handed to
:func:`briefgen.render.render`. It lives with the templates, below the renderers: renderers only read it (with
the small helpers at the end of this module), never mutate it, and treat out-of-range values defensively (they
clamp instead of crashing).

Field names are a stable contract: templates are stored as JSON with these names.

Ranges and accepted values:

=============================  ====================================================================
``page_size``                  ``"A4"`` or ``"Letter"``
``margins.*_mm``               5 .. 60 mm
``fonts.body`` / ``heading``   ``"serif"`` or ``"sans"`` (resolved to a real font by each renderer)
``fonts.base_size_pt``         7 .. 16 pt (headings scale from it)
``fonts.line_spacing``         1.0 .. 2.0 (multiple of the font size)
``colours.*``                  ``"#RRGGBB"``
``logo.path``                  PNG or JPEG file; missing/unreadable -> a warning, the brief renders without it
``logo.width_mm``              5 .. 80 mm
``marking.placement``          ``"header"``, ``"footer"``, ``"both"``, ``"banner"`` (title page) or ``"none"``
``title_block.align``          ``"left"`` or ``"center"``
``sources_heading``            any short text: ``"Sources"``, ``"References"``, ``"Bibliography"`` ...
``page_number_format``         text containing ``{page}`` and optionally ``{pages}``
=============================  ====================================================================
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class PageSize(StrEnum):
    A4 = "A4"
    LETTER = "Letter"


PAGE_SIZES_MM: dict[str, tuple[float, float]] = {
    PageSize.A4: (210.0, 297.0),
    PageSize.LETTER: (215.9, 279.4),
}
"""(width, height) in millimetres."""


class FontFamily(StrEnum):
    SERIF = "serif"
    SANS = "sans"


class MarkingPlacement(StrEnum):
    NONE = "none"
    HEADER = "header"
    FOOTER = "footer"
    BOTH = "both"
    """Header and footer."""
    BANNER = "banner"
    """A coloured banner at the top of the title page, plus the marking in the footer of every page."""


class Align(StrEnum):
    LEFT = "left"
    CENTER = "center"


class LogoPosition(StrEnum):
    LEFT = "left"
    RIGHT = "right"
    CENTER = "center"


MARGIN_RANGE_MM = (5.0, 60.0)
BASE_SIZE_RANGE_PT = (7.0, 16.0)
LINE_SPACING_RANGE = (1.0, 2.0)
LOGO_WIDTH_RANGE_MM = (5.0, 80.0)
LOGO_SUFFIXES = (".png", ".jpg", ".jpeg")


@dataclass(frozen=True, slots=True)
class Margins:
    """Page margins in millimetres (5 .. 60 each)."""

    top_mm: float = 22.0
    bottom_mm: float = 22.0
    left_mm: float = 22.0
    right_mm: float = 22.0


@dataclass(frozen=True, slots=True)
class Fonts:
    body: str = FontFamily.SERIF
    """``"serif"``, ``"sans"`` or the name of an installed family (``"Liberation Serif"``): a family that is not
    installed where the brief is made falls back to serif, with a warning."""
    heading: str = FontFamily.SANS
    """As ``body``."""
    base_size_pt: float = 10.5
    """Body text size, 7 .. 16 pt. Title, headings and notes are derived from it."""
    line_spacing: float = 1.3
    """Line height as a multiple of the font size, 1.0 .. 2.0."""


@dataclass(frozen=True, slots=True)
class Colours:
    """``#RRGGBB`` colours."""

    accent: str = "#1F4E79"
    """Rules, bullets, links, the title block's bar."""
    headings: str = "#1F3864"
    text: str = "#1A1A1A"
    marking: str = "#B3261E"
    """Marking text in header/footer, and the background of the title-page banner."""
    marking_banner_text: str = "#FFFFFF"
    """Text on the title-page banner."""
    muted: str = "#5F6368"
    """Subtitle, dates, header/footer text, source list details."""


@dataclass(frozen=True, slots=True)
class Logo:
    path: str | None = None
    """PNG or JPEG. A missing, unreadable or other-format file gives a warning and no logo, never an error."""
    width_mm: float = 35.0
    """Printed width, 5 .. 80 mm; height follows the image's aspect ratio."""
    position: str = LogoPosition.RIGHT
    """Where the logo sits in the title block: ``"left"``, ``"right"`` or ``"center"``."""


@dataclass(frozen=True, slots=True)
class Marking:
    """A protective marking such as ``OFFICIAL`` or ``INTERNAL — NOT FOR CIRCULATION``.

    The brief's own ``Brief.marking`` wins when it is set; ``text`` here is the template's default.
    """

    text: str | None = None
    placement: str = MarkingPlacement.BOTH
    """``"header"``, ``"footer"``, ``"both"``, ``"banner"`` or ``"none"``."""


@dataclass(frozen=True, slots=True)
class TitleBlock:
    align: str = Align.LEFT
    """``"left"`` or ``"center"``."""
    show_subtitle: bool = True
    show_date: bool = True
    show_author: bool = True
    show_organisation: bool = True
    rule: bool = True
    """An accent-coloured rule under the title block."""


@dataclass(frozen=True, slots=True)
class RenderStyle:
    page_size: str = PageSize.A4
    """``"A4"`` or ``"Letter"``."""
    margins: Margins = field(default_factory=Margins)
    fonts: Fonts = field(default_factory=Fonts)
    colours: Colours = field(default_factory=Colours)
    logo: Logo = field(default_factory=Logo)
    marking: Marking = field(default_factory=Marking)
    header_text: str = ""
    """Text at the top of every page (placeholders already substituted by the template module)."""
    footer_text: str = ""
    """Text at the bottom of every page (already substituted)."""
    page_numbers: bool = True
    """Show the page number format in the footer."""
    page_number_format: str = "Page {page} of {pages}"
    """Must contain ``{page}``; ``{pages}`` (total pages) is optional."""
    title_block: TitleBlock = field(default_factory=TitleBlock)
    sources_heading: str = "Sources"
    """Heading of the source list: ``"Sources"``, ``"References"``, ``"Bibliography"`` ..."""
    show_source_urls: bool = True
    """Print each source's URL (clickable) in the source list when the formatted entry lacks it."""


def default_style() -> RenderStyle:
    """The look of the built-in default template: A4, serif body, sans headings, navy accent."""
    return RenderStyle()


def page_size_mm(style: RenderStyle) -> tuple[float, float]:
    """(width, height) in mm; unknown sizes fall back to A4."""
    return PAGE_SIZES_MM.get(style.page_size, PAGE_SIZES_MM[PageSize.A4])


def clamp(value: float, bounds: tuple[float, float]) -> float:
    lo, hi = bounds
    return min(max(value, lo), hi)


def hex_rgb(colour: str, fallback: str = "#000000") -> tuple[int, int, int]:
    """``"#1F4E79"`` -> ``(31, 78, 121)``; malformed values give *fallback*."""
    text = colour.strip().lstrip("#")
    if len(text) == 3:
        text = "".join(c * 2 for c in text)
    try:
        if len(text) != 6:
            raise ValueError(colour)
        return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)
    except ValueError:
        return hex_rgb(fallback) if colour != fallback else (0, 0, 0)


def marking_text(style: RenderStyle, brief_marking: str | None) -> str | None:
    """The marking to print: the brief's own, else the template's; ``None`` when absent or hidden."""
    if style.marking.placement == MarkingPlacement.NONE:
        return None
    text = (brief_marking or style.marking.text or "").strip()
    return text or None


def marking_in_header(style: RenderStyle) -> bool:
    return style.marking.placement in (MarkingPlacement.HEADER, MarkingPlacement.BOTH)


def marking_in_footer(style: RenderStyle) -> bool:
    placements = (MarkingPlacement.FOOTER, MarkingPlacement.BOTH, MarkingPlacement.BANNER)
    return style.marking.placement in placements


def marking_banner(style: RenderStyle) -> bool:
    return style.marking.placement == MarkingPlacement.BANNER
