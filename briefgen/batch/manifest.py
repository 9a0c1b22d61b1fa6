"""Reading and checking a batch manifest: a JSON file listing the briefs to build.

Everything that is wrong with the manifest itself is found before any work starts and reported together, each
problem naming the entry and the field (wrong types, unknown fields, a missing output, two entries writing the
same file, an output that is one of the sources, an unknown template or output format). Problems of the world
(a source file that is missing or unreadable, an output folder that does not exist) are met at run time and fail
only the entry concerned. Relative paths are read against the manifest's folder; see ``docs/batch.md``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

from briefgen.compose import BriefDetails
from briefgen.errors import BriefgenError, InputError
from briefgen.fileio import read_limited
from briefgen.ingest.paths import expand_paths
from briefgen.ingest.pipeline import is_url
from briefgen.summarize.api import Budget
from briefgen.summarize.budgets import MAX_PAGES, MAX_SENTENCES, MAX_WORDS
from briefgen.templates.schema import Template

MANIFEST_VERSION = 1
MAX_MANIFEST_BYTES = 16 * 1024 * 1024

LENGTH_FIELDS = ("sentences", "words", "ratio", "pages")
TEXT_FIELDS = ("template", "algorithm", "title", "subtitle", "author", "organisation", "marking")
ID_FIELDS = ("select", "exclude", "pin")
SHARED_FIELDS = (*TEXT_FIELDS, *LENGTH_FIELDS, *ID_FIELDS)
"""Fields an entry may take, and that ``defaults`` may give to every entry."""
ENTRY_FIELDS = ("name", "sources", "output", *SHARED_FIELDS)
TOP_FIELDS = ("version", "defaults", "entries")


@dataclass(frozen=True, slots=True)
class BatchEntry:
    """One brief to build, with every path resolved; picklable, so that it can travel to a worker process."""

    index: int
    """Position in the manifest, from 1."""
    name: str
    sources: tuple[str, ...]
    """Files (folders expanded) and web addresses, in the order given."""
    template: Template
    output: str
    """The brief to write, with the template's format's extension when the manifest gave none."""
    budget: Budget | None = None
    algorithm: str | None = None
    details: BriefDetails = field(default_factory=BriefDetails)
    select: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    pin: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Manifest:
    path: str
    entries: tuple[BatchEntry, ...]

    def distinct_sources(self) -> tuple[str, ...]:
        """Every source once, in order of first use."""
        return tuple(dict.fromkeys(s for e in self.entries for s in e.sources))


class ManifestError(InputError):
    """The manifest cannot be used; ``problems`` lists every problem found, each naming its entry and field."""

    def __init__(self, path: str, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        count = f"{len(self.problems)} problems" if len(self.problems) > 1 else "1 problem"
        super().__init__(f"{count} in the batch manifest:\n  " + "\n  ".join(self.problems), path)


def load_manifest(path: str | os.PathLike[str]) -> Manifest:
    """Read and check the manifest at *path*; :class:`ManifestError` lists all its problems."""
    shown = os.fspath(path)
    data = read_limited(shown, MAX_MANIFEST_BYTES)
    try:
        raw = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError("the manifest is not UTF-8 text", shown) from None
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})", shown) from None
    return parse_manifest(raw, shown, Path(shown).resolve().parent)


def parse_manifest(raw: Any, path: str, folder: Path) -> Manifest:
    """Check *raw* (the manifest's parsed JSON) with relative paths read against *folder*."""
    checker = _Checker(folder)
    entries = checker.manifest(raw)
    checker.cross_checks()
    if checker.problems:
        raise ManifestError(path, checker.problems)
    return Manifest(path, tuple(entries))


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, str):
        return f"the text {value!r}"
    return "a list" if isinstance(value, list) else "an object"


class _Checker:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.problems: list[str] = []
        self._templates: dict[str, Template | None] = {}
        self._files: list[tuple[str, str, tuple[str, ...]]] = []
        """(where, output, sources) of every entry whose output could be read, for the checks across entries."""

    def problem(self, where: str, field_name: str, reason: str) -> None:
        self.problems.append(f"{where}: {field_name}: {reason}" if field_name else f"{where}: {reason}")

    def resolve(self, given: str) -> str:
        """A manifest path read against the manifest's folder (addresses untouched)."""
        if is_url(given):
            return given
        return os.path.normpath(self.folder / os.path.expanduser(given))

    def manifest(self, raw: Any) -> list[BatchEntry]:
        if not isinstance(raw, dict):
            self.problem("manifest", "", f'must be a JSON object with an "entries" list, not {_kind(raw)}')
            return []
        for key in raw:
            if key not in TOP_FIELDS:
                self.problem("manifest", key, f"unknown field (known: {', '.join(TOP_FIELDS)})")
        version = raw.get("version", MANIFEST_VERSION)
        if version != MANIFEST_VERSION:
            self.problem("manifest", "version", f"must be {MANIFEST_VERSION}, got {version!r}")
        defaults = raw.get("defaults", {})
        if not isinstance(defaults, dict):
            self.problem("manifest", "defaults", f"must be an object, not {_kind(defaults)}")
            defaults = {}
        before = len(self.problems)
        for key in defaults:
            if key not in SHARED_FIELDS:
                self.problem("defaults", key, f"unknown field (defaults may give: {', '.join(SHARED_FIELDS)})")
        for key in TEXT_FIELDS:
            self.text("defaults", key, defaults.get(key))
        for key in ID_FIELDS:
            self.id_list("defaults", key, defaults.get(key))
        self.length("defaults", defaults)
        if len(self.problems) > before:
            defaults = {}  # said once for the defaults, not again for every entry
        entries = raw.get("entries")
        if not isinstance(entries, list) or not entries:
            got = "missing" if entries is None else f"got {_kind(entries)}"
            self.problem("manifest", "entries", f"must be a non-empty list of objects ({got})")
            return []
        out: list[BatchEntry] = []
        for index, item in enumerate(entries, start=1):
            entry = self.entry(index, item, defaults)
            if entry is not None:
                out.append(entry)
        return out

    def entry(self, index: int, item: Any, defaults: Mapping[str, Any]) -> BatchEntry | None:
        where = f"entry {index}"
        if not isinstance(item, dict):
            self.problem(where, "", f"must be an object, not {_kind(item)}")
            return None
        name = item.get("name")
        if name is not None and (not isinstance(name, str) or not name.strip()):
            self.problem(where, "name", f"must be non-empty text, not {_kind(name)}")
            name = None
        if name:
            where = f'entry {index} ("{name}")'
        before = len(self.problems)
        for key in item:
            if key not in ENTRY_FIELDS:
                self.problem(where, key, f"unknown field (known: {', '.join(ENTRY_FIELDS)})")
        merged = {k: v for k, v in defaults.items() if k in SHARED_FIELDS}
        if any(k in item for k in LENGTH_FIELDS):  # the entry's own length replaces the default one
            merged = {k: v for k, v in merged.items() if k not in LENGTH_FIELDS}
        merged.update(item)
        sources = self.sources(where, item.get("sources"))
        texts = {key: self.text(where, key, merged.get(key)) for key in TEXT_FIELDS}
        ids = {key: self.id_list(where, key, merged.get(key)) for key in ID_FIELDS}
        budget = self.length(where, merged)
        self.algorithm(where, texts["algorithm"])
        template = self.template(where, texts["template"])
        output = self.output(where, item.get("output"), template)
        if output is not None:
            self._files.append((where, output, sources))
        if len(self.problems) > before or template is None or output is None:
            return None
        details = BriefDetails(
            title=texts["title"],
            subtitle=texts["subtitle"],
            author=texts["author"],
            organisation=texts["organisation"],
            marking=texts["marking"],
        )
        return BatchEntry(
            index=index,
            name=name or PurePath(output).stem,
            sources=sources,
            template=template,
            output=output,
            budget=budget,
            algorithm=texts["algorithm"],
            details=details,
            select=ids["select"],
            exclude=ids["exclude"],
            pin=ids["pin"],
        )

    def text(self, where: str, key: str, value: Any) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            self.problem(where, key, f"must be non-empty text, not {_kind(value)}")
            return None
        return value

    def algorithm(self, where: str, value: str | None) -> None:
        from briefgen.summarize.registry import algorithm_names

        if value is not None and value not in algorithm_names():
            self.problem(where, "algorithm", f"must be one of {', '.join(algorithm_names())}, got {value!r}")

    def id_list(self, where: str, key: str, value: Any) -> tuple[str, ...]:
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            self.problem(where, key, f"must be a list of ids (text), not {_kind(value)}")
            return ()
        return tuple(value)

    def sources(self, where: str, value: Any) -> tuple[str, ...]:
        if value is None:
            self.problem(where, "sources", "missing: list the files, folders or web addresses to summarise")
            return ()
        if not isinstance(value, list) or not value:
            self.problem(
                where, "sources", f"must be a non-empty list of files, folders or addresses, not {_kind(value)}"
            )
            return ()
        resolved: list[str] = []
        for n, given in enumerate(value, start=1):
            if not isinstance(given, str) or not given.strip():
                self.problem(where, f"sources[{n}]", f"must be a file name, folder or address, not {_kind(given)}")
                continue
            path = self.resolve(given)
            expanded = expand_paths([path])
            if not expanded:
                self.problem(where, f"sources[{n}]", f"the folder {path} holds no file briefgen can read")
            resolved.extend(expanded)
        return tuple(resolved)

    def length(self, where: str, merged: Mapping[str, Any]) -> Budget | None:
        given = [k for k in LENGTH_FIELDS if merged.get(k) is not None]
        if len(given) > 1:
            self.problem(where, "/".join(given), "give one length only (sentences, words, ratio or pages)")
            return None
        if not given:
            return None
        key = given[0]
        value = merged[key]
        if key == "ratio":
            if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 1:
                self.problem(where, key, f"must be a number more than 0 and at most 1, got {_kind(value)}")
                return None
            return Budget(ratio=float(value))
        most = {"sentences": MAX_SENTENCES, "words": MAX_WORDS, "pages": MAX_PAGES}[key]
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= most:
            self.problem(where, key, f"must be a whole number from 1 to {most:,}, got {_kind(value)}")
            return None
        return Budget(**{key: value})

    def template(self, where: str, value: str | None) -> Template | None:
        from briefgen.templates.store import looks_like_file, resolve_template

        key = value or ""
        if key and looks_like_file(key):
            key = self.resolve(key)
        if key not in self._templates:
            try:
                self._templates[key] = resolve_template(key or None)
            except BriefgenError as exc:
                self.problem(where, "template", str(exc))
                self._templates[key] = None
                return None
        found = self._templates[key]
        if found is None:
            self.problem(where, "template", "cannot be used (see the problem above)")
        return found

    def output(self, where: str, value: Any, template: Template | None) -> str | None:
        if value is None:
            self.problem(where, "output", "missing: name the brief to write (.pdf, .docx or .md)")
            return None
        if not isinstance(value, str) or not value.strip() or is_url(value):
            self.problem(where, "output", f"must be a file name (.pdf, .docx or .md), not {_kind(value)}")
            return None
        path = self.resolve(value)
        if not PurePath(path).suffix:
            if template is None:
                return None
            path = f"{path}.{template.output_format}"
        from briefgen.render.registry import format_for_path

        try:
            format_for_path(path)
        except InputError as exc:
            self.problem(where, "output", exc.reason)
            return None
        if Path(path).is_dir():
            self.problem(where, "output", f"{path} is a folder; give a file name")
            return None
        return path

    def cross_checks(self) -> None:
        """Two entries writing one file; an output that is a source of any entry (it would be replaced or raced)."""
        writers: dict[Path, tuple[str, str]] = {}
        for where, output, _sources in self._files:
            first = writers.setdefault(Path(output).resolve(), (where, output))
            if first[0] != where:
                self.problem(where, "output", f"{output} is also written by {first[0]}")
        for user, _output, sources in self._files:
            for source in sources:
                writer = None if is_url(source) else writers.get(Path(source).resolve())
                if writer is not None:
                    whose = "its own sources" if writer[0] == user else f"the sources of {user}"
                    message = f"{writer[0]}: output: {writer[1]} is one of {whose}"
                    if message not in self.problems:
                        self.problems.append(message)
