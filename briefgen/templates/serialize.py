"""A :class:`Template` as JSON: every setting written out, in the current schema version.

The layout is the one :mod:`briefgen.templates.validate` reads, so ``parse(to_json(t)) == t``.
"""

from __future__ import annotations

import json
from typing import Any

from briefgen.templates.schema import PartSpec, PartType, Template
from briefgen.templates.style import Colours


def template_to_dict(t: Template) -> dict[str, Any]:
    """The JSON form of *t* (current schema version, every setting written out)."""
    s = t.style
    return {
        "schema_version": t.schema_version,
        "name": t.name,
        "label": t.label,
        "description": t.description,
        "title": {
            "pattern": t.title.pattern,
            "subtitle": t.title.subtitle,
            "author": t.title.author,
            "organisation": t.title.organisation,
            "date_format": t.title.date_format,
            "align": s.title_block.align,
            "show_subtitle": s.title_block.show_subtitle,
            "show_date": s.title_block.show_date,
            "show_author": s.title_block.show_author,
            "show_organisation": s.title_block.show_organisation,
            "rule": s.title_block.rule,
        },
        "page": {
            "size": s.page_size,
            "margins": {
                "top": s.margins.top_mm,
                "bottom": s.margins.bottom_mm,
                "left": s.margins.left_mm,
                "right": s.margins.right_mm,
            },
        },
        "fonts": {
            "body": s.fonts.body,
            "heading": s.fonts.heading,
            "size": s.fonts.base_size_pt,
            "line_spacing": s.fonts.line_spacing,
        },
        "colours": {name: getattr(s.colours, name) for name in Colours.__dataclass_fields__},
        "logo": {"path": s.logo.path, "width": s.logo.width_mm, "position": s.logo.position},
        "marking": {"text": s.marking.text or "", "placement": s.marking.placement},
        "header": {"text": s.header_text},
        "footer": {
            "text": s.footer_text,
            "page_numbers": s.page_numbers,
            "page_number_format": s.page_number_format,
        },
        "parts": [_part_to_dict(p) for p in t.parts],
        "summary": {
            "algorithm": t.summary.algorithm,
            **{k: v for k, v in (("sentences", t.summary.sentences), ("words", t.summary.words)) if v is not None},
            **({"ratio": t.summary.ratio} if t.summary.ratio is not None else {}),
            **({"pages": t.summary.pages} if t.summary.pages is not None else {}),
        },
        "citations": {
            "style": t.citations.style,
            "bibliography": t.citations.bibliography,
            "support": t.citations.support,
            "mark_new": t.citations.mark_new,
            "show_urls": s.show_source_urls,
        },
        "output": {"format": t.output_format},
    }


def _part_to_dict(p: PartSpec) -> dict[str, Any]:
    out: dict[str, Any] = {"type": p.type, "heading": p.heading}
    if p.type not in (PartType.SOURCES, PartType.EXECUTIVE_SUMMARY):
        out["count"] = p.count
        out["as_list"] = p.as_list
    if p.type == PartType.SECTIONS:
        out["group_by"] = p.group_by
    if p.share is not None:
        out["share"] = p.share
    return out


def template_to_json(t: Template) -> str:
    """The JSON text of *t*, indented, ending with a newline."""
    return json.dumps(template_to_dict(t), ensure_ascii=False, indent=2) + "\n"
