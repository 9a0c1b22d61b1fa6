"""Which renderer writes which output format, chosen by the output file's extension.

Every renderer has one signature (:class:`Renderer`): it lays the brief out in memory and returns the file's
bytes. :func:`render` then writes them with :func:`briefgen.fileio.atomic_write_bytes`, so an existing file is
only ever replaced by a complete new one (a failure or a cancel leaves it untouched). Renderers live in
:data:`RENDERERS` (a :class:`~briefgen.registry.Registry`), their modules imported on first use so the command
line starts fast; :func:`register_renderer` adds one.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import PurePath
from typing import Protocol

from briefgen.brief import Brief
from briefgen.errors import InputError
from briefgen.fileio import atomic_write_bytes
from briefgen.progress import CancelToken, ProgressCallback, check
from briefgen.registry import Registry
from briefgen.templates.schema import OutputFormat
from briefgen.templates.style import RenderStyle

Warn = Callable[[str], None]
"""Receives plain-words warnings (e.g. "logo not found: …"); the brief is still rendered."""

_log = logging.getLogger("briefgen.render")


class Renderer(Protocol):
    def __call__(
        self,
        brief: Brief,
        style: RenderStyle,
        *,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
        warn: Warn | None = None,
    ) -> bytes: ...


RENDERERS: Registry[Renderer] = Registry("output format")


def register_renderer(name: str, renderer: Renderer | str, extensions: tuple[str, ...], description: str) -> None:
    """Write files with these *extensions* (or asked for as *name*) with *renderer*, a function or a
    ``"package.module:function"`` spec."""
    RENDERERS.register(name, renderer, suffixes=extensions, description=description)


register_renderer(OutputFormat.PDF, "briefgen.render.pdf.renderer:render_pdf", (".pdf",), "PDF document")
register_renderer(OutputFormat.DOCX, "briefgen.render.docx.renderer:render_docx", (".docx",), "Word document")
register_renderer(
    OutputFormat.MARKDOWN, "briefgen.render.markdown_renderer:render_markdown", (".md", ".markdown"), "Markdown"
)


def output_extensions() -> tuple[str, ...]:
    return RENDERERS.suffixes()


def format_for_path(path: str | os.PathLike[str]) -> str:
    """``"pdf"``, ``"docx"`` or ``"md"`` from the file name; an :class:`InputError` for anything else."""
    spec = RENDERERS.for_path(path)
    if spec is not None:
        return spec.name
    suffix = PurePath(os.fspath(path)).suffix.lower()
    known = ", ".join(output_extensions())
    raise InputError(f"cannot tell the output format from the extension '{suffix}' (use {known})", os.fspath(path))


def renderer_for(format_name: str) -> Renderer:
    if format_name not in RENDERERS:
        raise InputError(f"unknown output format '{format_name}' (use {', '.join(RENDERERS.names())})")
    return RENDERERS.get(format_name)


def render_bytes(
    brief: Brief,
    style: RenderStyle,
    format_name: str,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    warn: Warn | None = None,
) -> bytes:
    """The output file's bytes, without writing anything."""
    return renderer_for(format_name)(brief, style, progress=progress, cancel=cancel, warn=warn or _log.warning)


def render(
    brief: Brief,
    style: RenderStyle,
    path: str | os.PathLike[str],
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    warn: Warn | None = None,
    format_name: str | None = None,
) -> bytes:
    """Render *brief* to *path* in the format its extension names (or *format_name*), atomically; the bytes
    written are returned.

    Raises :class:`InputError` for an unknown extension or an unwritable destination, and
    :class:`~briefgen.errors.Cancelled` when *cancel* is set; either way an existing file is left as it was.
    Warnings (a missing logo, a fallback font) go to *warn*, or to the ``briefgen.render`` logger.
    """
    name = format_name or format_for_path(path)
    data = render_bytes(brief, style, name, progress=progress, cancel=cancel, warn=warn)
    check(cancel)
    shown = os.fspath(path)
    try:
        atomic_write_bytes(path, data)
    except FileNotFoundError:
        raise InputError("cannot write the file: its folder does not exist", shown) from None
    except IsADirectoryError:
        raise InputError("cannot write the file: it is a folder", shown) from None
    except OSError as exc:
        raise InputError(f"cannot write the file ({exc.strerror or exc})", shown) from None
    return data
