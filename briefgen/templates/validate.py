"""Template JSON <-> :class:`Template`: parse, migrate, validate (messages name the bad field), serialise.

A template file looks like this (every member but ``schema_version`` and ``name`` may be left out and then
takes its default; see ``docs/templates.md`` for the full list and ranges)::

    {"schema_version": 1, "name": "policy-brief", "label": "Policy brief",
     "title": {"pattern": "{title}", "subtitle": "Briefing of {date}"},
     "page": {"size": "A4", "margins": {"top": 22, "bottom": 22, "left": 22, "right": 22}},
     "parts": [{"type": "executive_summary", "heading": "Summary"}, {"type": "sources", "heading": "Sources"}],
     "summary": {"algorithm": "default", "sentences": 6},
     "citations": {"style": "numeric", "bibliography": "apa"}, "output": {"format": "pdf"}}
"""

from __future__ import annotations

import dataclasses
import json
import re
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from briefgen.errors import InputError, TemplateError
from briefgen.fileio import read_limited
from briefgen.templates.fields import Fields, shown
from briefgen.templates.migrate import migrate
from briefgen.templates.placeholders import PAGE_PLACEHOLDERS
from briefgen.templates.schema import (
    DEFAULT_SENTENCES,
    BibliographyStyle,
    CitationSpec,
    CitationStyle,
    DateFormat,
    GroupBy,
    OutputFormat,
    PartSpec,
    PartType,
    SummarySpec,
    SupportMark,
    Template,
    TitleSpec,
)
from briefgen.templates.style import (
    BASE_SIZE_RANGE_PT,
    LINE_SPACING_RANGE,
    LOGO_SUFFIXES,
    LOGO_WIDTH_RANGE_MM,
    MARGIN_RANGE_MM,
    Align,
    Colours,
    FontFamily,
    Fonts,
    Logo,
    LogoPosition,
    Margins,
    Marking,
    MarkingPlacement,
    PageSize,
    RenderStyle,
    TitleBlock,
)

MAX_TEMPLATE_BYTES = 256 * 1024
NAME_RULE = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
ALGORITHM_RULE = re.compile(r"[a-z0-9][a-z0-9_-]{0,39}")

DEFAULT_HEADINGS = {
    PartType.KEY_POINTS: "Key points",
    PartType.EXECUTIVE_SUMMARY: "Summary",
    PartType.SECTIONS: "Details",
    PartType.KEY_FIGURES: "Key figures",
    PartType.QUOTES: "Quotes",
    PartType.KEYPHRASES: "Key phrases",
    PartType.DIFFERENCES: "Where sources differ",
    PartType.TIMELINE: "Timeline",
    PartType.SOURCES: "Sources",
}
COUNT_RANGES = {PartType.KEYPHRASES: (1, 30)}
"""Ranges of ``count`` where they differ from 1..20."""
UNCOUNTED = (PartType.EXECUTIVE_SUMMARY, PartType.SOURCES)
"""Parts without a ``count``: the summary's length is ``summary.sentences``; the source list lists every source."""
DEFAULT_COUNTS = {PartType.SECTIONS: 3, PartType.KEYPHRASES: 8, PartType.SOURCES: 1, PartType.KEY_POINTS: 4}
CONTENT_PARTS = (PartType.KEY_POINTS, PartType.EXECUTIVE_SUMMARY, PartType.SECTIONS)

Choice = TypeVar("Choice", bound=StrEnum)


def _choices(enum: Any) -> tuple[str, ...]:
    return tuple(str(m.value) for m in enum)


def _member(f: Fields, key: str, default: Choice) -> Choice:
    """The member of *default*'s enumeration that *key* names (*default* when it is not set)."""
    kind = type(default)
    return kind(f.choice(key, default, _choices(kind)))


def parse_template_text(text: str, origin: str, base_dir: Path | None = None) -> Template:
    """A template from JSON text; :class:`TemplateError` naming the bad field when it is not a usable one."""
    try:
        data = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        raise TemplateError(origin, "", f"is not valid JSON ({where}: {exc.msg})") from None
    except (ValueError, RecursionError) as exc:
        raise TemplateError(origin, "", f"is not valid JSON ({exc})") from None
    return template_from_dict(data, origin, base_dir)


def load_template_file(path: str | Path) -> Template:
    """Read, migrate and validate a template file; a relative logo path is taken relative to the file."""
    shown_path = str(path)
    data = read_limited(path, max_bytes=MAX_TEMPLATE_BYTES, kind="template")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise TemplateError(shown_path, "", "is not UTF-8 text") from None
    return parse_template_text(text, shown_path, Path(path).resolve().parent)


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def template_from_dict(data: Any, origin: str, base_dir: Path | None = None) -> Template:
    """Validate parsed JSON (any schema version this briefgen knows) and build the :class:`Template`."""
    if not isinstance(data, dict):
        raise TemplateError(origin, "", f"must hold a JSON object ({{...}}), got {shown(data)}")
    data = migrate(data, origin)
    root = Fields(data, "", origin)
    root.raw("schema_version")
    name = root.string("name", "", max_len=64, required=True)
    if not NAME_RULE.fullmatch(name):
        raise root.error(
            "name",
            f'must be 1-64 lowercase letters, digits, "-" or "_" (starting with a letter or digit), got {shown(name)}',
        )
    label = root.string("label", name, max_len=80) or name
    description = root.string("description", "", max_len=500)
    title = _title(root.obj("title"))
    parts = _parts(root)
    sources_part = next(p for p in parts if p.type == PartType.SOURCES)
    style = dataclasses.replace(_style(root, base_dir), sources_heading=sources_part.heading)
    summary = _summary(root.obj("summary"))
    citations = _citations(root.obj("citations"))
    output = root.obj("output")
    output_format = _member(output, "format", OutputFormat.PDF)
    output.finish()
    root.finish()
    return Template(
        name=name,
        label=label,
        description=description,
        title=title,
        style=style,
        parts=parts,
        summary=summary,
        citations=citations,
        output_format=output_format,
    )


def _title(f: Fields) -> TitleSpec:
    spec = TitleSpec(
        pattern=f.string("pattern", "{title}", max_len=200, placeholders=None) or "{title}",
        subtitle=f.string("subtitle", "", max_len=200, placeholders=None),
        author=f.string("author", "", max_len=120),
        organisation=f.string("organisation", "", max_len=120),
        date_format=_member(f, "date_format", DateFormat.LONG),
    )
    return spec


def _style(root: Fields, base_dir: Path | None) -> RenderStyle:
    page = root.obj("page")
    size = page.choice("size", PageSize.A4, _choices(PageSize))
    m = page.obj("margins")
    lo, hi = MARGIN_RANGE_MM
    d = Margins()
    margins = Margins(
        top_mm=m.number("top", d.top_mm, lo, hi, "mm"),
        bottom_mm=m.number("bottom", d.bottom_mm, lo, hi, "mm"),
        left_mm=m.number("left", d.left_mm, lo, hi, "mm"),
        right_mm=m.number("right", d.right_mm, lo, hi, "mm"),
    )
    m.finish()
    page.finish()

    f = root.obj("fonts")
    df = Fonts()
    fonts = Fonts(
        body=f.font_family("body", df.body, _choices(FontFamily)),
        heading=f.font_family("heading", df.heading, _choices(FontFamily)),
        base_size_pt=f.number("size", df.base_size_pt, *BASE_SIZE_RANGE_PT, "pt"),
        line_spacing=f.number("line_spacing", df.line_spacing, *LINE_SPACING_RANGE, "times the font size"),
    )
    f.finish()

    c = root.obj("colours")
    dc = Colours()
    colours = Colours(**{name: c.colour(name, getattr(dc, name)) for name in Colours.__dataclass_fields__})
    c.finish()

    lg = root.obj("logo")
    logo_path = lg.string("path", "", max_len=1000) or None
    if logo_path is not None:
        if not logo_path.lower().endswith(LOGO_SUFFIXES):
            raise lg.error("path", f"must name a PNG or JPEG file, got {shown(logo_path)}")
        if base_dir is not None and not Path(logo_path).is_absolute():
            resolved = (base_dir / logo_path).resolve()
            if not resolved.is_relative_to(base_dir.resolve()):
                # a template file from elsewhere must not make briefgen read files beside or above it
                raise lg.error("path", f"must name a file in the template's folder or below it, got {shown(logo_path)}")
            logo_path = str(resolved)
    logo = Logo(
        path=logo_path,
        width_mm=lg.number("width", Logo().width_mm, *LOGO_WIDTH_RANGE_MM, "mm"),
        position=lg.choice("position", LogoPosition.RIGHT, _choices(LogoPosition)),
    )
    lg.finish()

    mk = root.obj("marking")
    marking = Marking(
        text=mk.string("text", "", max_len=100, placeholders=None) or None,
        placement=mk.choice("placement", MarkingPlacement.BOTH, _choices(MarkingPlacement)),
    )
    mk.finish()

    header = root.obj("header")
    header_text = header.string("text", "", max_len=200, placeholders=None)
    header.finish()
    footer = root.obj("footer")
    footer_text = footer.string("text", "", max_len=200, placeholders=None)
    page_numbers = footer.boolean("page_numbers", True)
    number_format = footer.string("page_number_format", "Page {page} of {pages}", placeholders=PAGE_PLACEHOLDERS)
    if "{page}" not in number_format:
        raise footer.error("page_number_format", f"must contain {{page}}, got {shown(number_format)}")
    footer.finish()

    t = root.obj("title")  # the title block's look sits with the title's content
    dt = TitleBlock()
    title_block = TitleBlock(
        align=t.choice("align", dt.align, _choices(Align)),
        show_subtitle=t.boolean("show_subtitle", dt.show_subtitle),
        show_date=t.boolean("show_date", dt.show_date),
        show_author=t.boolean("show_author", dt.show_author),
        show_organisation=t.boolean("show_organisation", dt.show_organisation),
        rule=t.boolean("rule", dt.rule),
    )
    for key in ("pattern", "subtitle", "author", "organisation", "date_format"):
        t.raw(key)
    t.finish()

    cit = root.obj("citations")
    show_urls = cit.boolean("show_urls", True)
    return RenderStyle(
        page_size=size,
        margins=margins,
        fonts=fonts,
        colours=colours,
        logo=logo,
        marking=marking,
        header_text=header_text,
        footer_text=footer_text,
        page_numbers=page_numbers,
        page_number_format=number_format,
        title_block=title_block,
        show_source_urls=show_urls,
    )


def _parts(root: Fields) -> tuple[PartSpec, ...]:
    raw = root.raw("parts")
    if raw is None:
        kinds = (PartType.EXECUTIVE_SUMMARY, PartType.SECTIONS, PartType.SOURCES)
        return tuple(PartSpec(k, DEFAULT_HEADINGS[k], count=DEFAULT_COUNTS.get(k, 5)) for k in kinds)
    if not isinstance(raw, list) or not 1 <= len(raw) <= len(PartType):
        raise root.error("parts", f"must be a list of 1 to {len(PartType)} parts, got {shown(raw)}")
    specs: list[PartSpec] = []
    for i, item in enumerate(raw):
        p = Fields(item, f"parts[{i}]", root.origin)
        if not p.has("type"):
            raise p.error("type", "is missing")
        kind = PartType(p.choice("type", "", _choices(PartType)))
        if any(s.type == kind for s in specs):
            raise p.error("type", f'"{kind}" appears twice; each part may appear once')
        lo, hi = COUNT_RANGES.get(PartType(kind), (1, 20))
        if kind in UNCOUNTED and p.has("count"):
            what = "summary.sentences sets the summary's length" if kind == PartType.EXECUTIVE_SUMMARY else ""
            raise p.error("count", f'does not apply to "{kind}" parts' + (f" ({what})" if what else ""))
        count = p.integer("count", DEFAULT_COUNTS.get(PartType(kind), 5), lo, hi) or lo
        if kind != PartType.SECTIONS and p.has("group_by"):
            raise p.error("group_by", 'only applies to "sections" parts')
        group_by = _member(p, "group_by", GroupBy.SECTION)
        heading = p.string("heading", DEFAULT_HEADINGS[PartType(kind)], max_len=80)
        share = None
        if p.has("share"):
            if kind in (PartType.SOURCES, PartType.KEYPHRASES):
                raise p.error("share", f'does not apply to "{kind}" parts (they take no part of the length)')
            share = p.number("share", 0.0, 0.01, 1.0, "share of the brief's length")
        specs.append(
            PartSpec(
                type=kind,
                heading=heading or DEFAULT_HEADINGS[PartType(kind)],
                count=count,
                as_list=p.boolean("as_list", kind in (PartType.KEY_POINTS, PartType.KEY_FIGURES)),
                group_by=group_by,
                share=share,
            )
        )
        p.finish()
    types = [s.type for s in specs]
    if PartType.SOURCES not in types:
        raise root.error("parts", 'must include a "sources" part: every citation must resolve to a source entry')
    if not any(t in types for t in CONTENT_PARTS):
        listed = ", ".join(f'"{t.value}"' for t in CONTENT_PARTS)
        raise root.error("parts", f"must include at least one of {listed}")
    return tuple(specs)


def _summary(f: Fields) -> SummarySpec:
    algorithm = f.string("algorithm", "default", max_len=40) or "default"
    if not ALGORITHM_RULE.fullmatch(algorithm):
        raise f.error("algorithm", f'must be an algorithm name such as "default", got {shown(algorithm)}')
    given = [k for k in ("sentences", "words", "ratio", "pages") if f.has(k)]
    if len(given) > 1:
        raise f.error(given[1], f'cannot be set together with "{given[0]}"; set one of sentences, words, ratio, pages')
    sentences = f.integer("sentences", None, 1, 200, "sentences in the brief")
    words = f.integer("words", None, 20, 20000, "words in the brief")
    ratio = f.number("ratio", 0.0, 0.01, 1.0, "fraction of the selected text") if f.has("ratio") else None
    pages = f.integer("pages", None, 1, 50, "pages of the brief")
    f.raw("ratio")
    f.finish()
    if sentences is None and words is None and ratio is None and pages is None:
        sentences = DEFAULT_SENTENCES
    return SummarySpec(algorithm=algorithm, sentences=sentences, words=words, ratio=ratio, pages=pages)


def _citations(f: Fields) -> CitationSpec:
    spec = CitationSpec(
        style=_member(f, "style", CitationStyle.NUMERIC),
        bibliography=_member(f, "bibliography", BibliographyStyle.APA),
        support=_member(f, "support", SupportMark.NONE),
        mark_new=f.boolean("mark_new", False),
    )
    for key in ("show_urls",):
        f.raw(key)
    f.finish()
    return spec


def ensure_template_file_name(path: str) -> None:
    """Refuse an export target that is not a ``.json`` file name."""
    if not path.lower().endswith(".json"):
        raise InputError("a template file name must end in .json", path)
