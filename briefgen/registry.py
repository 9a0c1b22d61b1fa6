"""One registry for everything briefgen chooses by name: readers, renderers, summarisers, brief parts and
citation styles.

A :class:`Registry` maps names to objects. An entry is registered either as the object itself or as a
``"package.module:attr"`` spec that is imported on first lookup, so the command line and the app start fast
without importing every reader and renderer. An entry may name file suffixes (``.pdf``), so a file path finds
its entry::

    RENDERERS: Registry[Renderer] = Registry("output format")
    RENDERERS.register("pdf", "briefgen.render.pdf.renderer:render_pdf", suffixes=(".pdf",))
    RENDERERS.get("pdf")              # imports briefgen.render.pdf.renderer, returns render_pdf
    RENDERERS.for_path("brief.PDF")   # the "pdf" entry

A string is always taken as a spec: a registry of plain strings is not what this is for.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath
from typing import Generic, TypeVar

T = TypeVar("T")


class UnknownName(LookupError):  # noqa: N818 - reads better at the raise site
    """A name no entry of a registry has; the message names the kind of thing and the names there are."""

    def __init__(self, kind: str, name: str, choices: tuple[str, ...]) -> None:
        self.kind = kind
        self.name = name
        self.choices = choices
        super().__init__(f"unknown {kind} {name!r} (choose from: {', '.join(choices)})")


@dataclass(frozen=True, slots=True)
class Entry(Generic[T]):
    """One registered name: the object (or where to import it from), the file suffixes it handles and a short
    description for lists shown to users."""

    name: str
    target: T | str
    """The object, or a ``"package.module:attr"`` spec imported by :meth:`load`."""
    suffixes: tuple[str, ...] = ()
    """Lower-case file suffixes with their dot: ``(".md", ".markdown")``."""
    description: str = ""

    def load(self) -> T:
        """The registered object, importing its module first when it was registered as a spec."""
        if not isinstance(self.target, str):
            return self.target
        module_name, _, attr = self.target.partition(":")
        loaded: T = getattr(importlib.import_module(module_name), attr)
        return loaded


class Registry(Generic[T]):
    """Names -> objects of one kind, in the order they were registered."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        """What the entries are, in words, for error messages: ``"output format"``."""
        self._entries: dict[str, Entry[T]] = {}

    def register(self, name: str, target: T | str, *, suffixes: Iterable[str] = (), description: str = "") -> None:
        """Make *target* (an object or a ``"module:attr"`` spec) available as *name*; a name registered again
        is replaced (for plug-ins and tests)."""
        self._entries[name] = Entry(name, target, tuple(s.lower() for s in suffixes), description)

    def names(self) -> tuple[str, ...]:
        return tuple(self._entries)

    def entries(self) -> tuple[Entry[T], ...]:
        return tuple(self._entries.values())

    def __contains__(self, name: object) -> bool:
        return name in self._entries

    def entry(self, name: str) -> Entry[T]:
        """The entry called *name*; :class:`UnknownName` when there is none."""
        try:
            return self._entries[name]
        except KeyError:
            raise UnknownName(self.kind, name, self.names()) from None

    def get(self, name: str) -> T:
        """The object called *name* (imported on first use); :class:`UnknownName` when there is none."""
        return self.entry(name).load()

    def suffixes(self) -> tuple[str, ...]:
        """Every file suffix some entry handles, in registration order."""
        return tuple(suffix for entry in self._entries.values() for suffix in entry.suffixes)

    def for_path(self, path: str | os.PathLike[str]) -> Entry[T] | None:
        """The first entry that handles *path*'s suffix (case-insensitive), or ``None``."""
        suffix = PurePath(os.fspath(path)).suffix.lower()
        if not suffix:
            return None
        return next((entry for entry in self._entries.values() if suffix in entry.suffixes), None)
