"""Renderers of a composed :class:`~briefgen.brief.Brief`: PDF (reportlab), DOCX (python-docx) and Markdown.

``render(brief, style, path)`` picks the renderer from the output file's extension; see
:mod:`briefgen.render.registry`. The look is a :class:`~briefgen.templates.style.RenderStyle`.
"""

from __future__ import annotations

from briefgen.render.markers import citation_marker
from briefgen.render.registry import format_for_path, render, render_bytes
from briefgen.templates.style import RenderStyle, default_style

__all__ = ["RenderStyle", "citation_marker", "default_style", "format_for_path", "render", "render_bytes"]
