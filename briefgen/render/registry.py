"""Which renderer writes which output format, chosen by the output file's extension.

Every renderer has one signature (:class:`Renderer`): it lays the brief out in memory and returns the file's
bytes. :func:`render` then writes them with :func:`briefgen.fileio.atomic_write_bytes`, so an existing file is
only ever replaced by a complete new one (a failure or a cancel leaves it untouched). Renderer modules are
imported on first use so the command line starts fast.
"""

from __future__ import annotations

import importlib
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath
from typing import Protocol

from briefgen.brief import Brief
from briefgen.errors import InputError
from briefgen.fileio import atomic_write_bytes
from briefgen.progress import CancelToken, ProgressCallback, check
from briefgen.render.style import RenderStyle

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


@dataclass(frozen=True, slots=True)
class RendererSpec:
    name: str
    extensions: tuple[str, ...]
    renderer_ref: str
    """``"package.module:function"``, imported on first use."""
    description: str

    def renderer(self) -> Renderer:
        module_name, _, func = self.renderer_ref.partition(":")
        fn: Renderer = getattr(importlib.import_module(module_name), func)
        return fn


_RENDERERS: dict[str, RendererSpec] = {
    spec.name: spec
    for spec in (
        RendererSpec("pdf", (".pdf",), "briefgen.render.pdf_renderer:render_pdf", "PDF document"),
        RendererSpec("docx", (".docx",), "briefgen.render.docx_renderer:render_docx", "Word document"),
        RendererSpec("md", (".md", ".markdown"), "briefgen.render.markdown_renderer:render_markdown", "Markdown"),
    )
}


def formats() -> tuple[RendererSpec, ...]:
    return tuple(_RENDERERS.values())


def output_extensions() -> tuple[str, ...]:
    return tuple(ext for spec in _RENDERERS.values() for ext in spec.extensions)


def format_for_path(path: str | os.PathLike[str]) -> str:
    """``"pdf"``, ``"docx"`` or ``"md"`` from the file name; an :class:`InputError` for anything else."""
    suffix = PurePath(os.fspath(path)).suffix.lower()
    for spec in _RENDERERS.values():
        if suffix in spec.extensions:
            return spec.name
    known = ", ".join(output_extensions())
    raise InputError(f"cannot tell the output format from the extension '{suffix}' (use {known})", os.fspath(path))


def renderer_for(format_name: str) -> Renderer:
    try:
        return _RENDERERS[format_name].renderer()
    except KeyError:
        raise InputError(f"unknown output format '{format_name}' (use {', '.join(_RENDERERS)})") from None


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
