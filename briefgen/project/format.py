"""The ``.briefgen`` project file: a whole workspace saved as versioned JSON.

A project records *what the user chose*, never the extracted text: the sources (by path, relative to the
project file when possible, with the SHA-256 of their bytes and the source id they had), the ticked sections,
pinned and excluded sentences, metadata edits keyed by article id, the template, the summary length, the
algorithm and the output format. Sources are read again when the project is opened; a source whose bytes
changed gets a new id, and :mod:`briefgen.project.remap` maps the saved ids onto it. Schema versions and their
migration are in :mod:`briefgen.project.migrate`.

Example::

    {
      "format": "briefgen-project",
      "schema": 1,
      "sources": [{"path": "articles/kim.txt", "sha256": "cb91b7aebf35dcce…", "id": "cb91b7ae"}],
      "selection": ["cb91b7ae.a1.s1", "cb91b7ae.a1.s2"],
      "pins": ["cb91b7ae.a1.s1.t3"],
      "excludes": [],
      "metadata": {"cb91b7ae.a1": {"author": "BBC News"}},
      "template": "policy-brief",
      "budget": {"words": 700},
      "algorithm": "default",
      "output_format": "pdf",
      "exported": ["3eeb4474076b870a", "…"],
      "title": "Talks in Geneva"
    }

(The ids are those ``briefgen inspect`` prints for a BBC article saved as ``articles/kim.txt``; ``3eeb4474076b870a``
is the text hash of its pinned sentence ``cb91b7ae.a1.s1.t3``.)

A source id is the first 8 hex digits of the SHA-256 of the file's bytes (``sha256`` holds all 64).
``selection`` is ``null`` when every section is ticked; ``budget`` is the whole brief's length (one of
``sentences``, ``words``, ``ratio``, ``pages``); ``exported`` holds the text hashes of the last export's sentences
(:mod:`briefgen.novelty`), absent before the first export; ``title`` is the brief's title the user typed, absent
when the brief takes the template's automatic title. Loading is strict: a file that is not JSON, is not a
briefgen project, comes from a newer briefgen or has a malformed field raises :class:`InputError` with a
one-line reason naming the file.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefgen.errors import InputError
from briefgen.fileio import atomic_write_text, read_limited
from briefgen.model import Metadata
from briefgen.novelty import is_text_hash
from briefgen.project.migrate import FORMAT_TAG, SCHEMA_VERSION, migrate
from briefgen.summarize.api import Budget
from briefgen.summarize.budgets import MAX_PAGES, MAX_SENTENCES, MAX_WORDS
from briefgen.templates.schema import DEFAULT_TEMPLATE, OutputFormat

PROJECT_SUFFIX = ".briefgen"
METADATA_FIELDS = ("title", "author", "publisher", "date", "url")
MAX_PROJECT_BYTES = 16 * 1024 * 1024
MAX_PATH_CHARS = 4096
"""The longest source path a project may store (longer than any system allows)."""
MAX_ID_CHARS = 64
MAX_NAME_CHARS = 200
"""The longest template or algorithm name a project may give."""


def default_budget() -> Budget:
    """A new workspace's length: the whole brief's length the default template brings
    (:data:`~briefgen.templates.schema.DEFAULT_TEMPLATE`)."""
    from briefgen.compose.length import template_budget
    from briefgen.templates.builtins import default_template

    return template_budget(default_template())


@dataclass(frozen=True, slots=True)
class ProjectSource:
    path: str
    """As stored: relative to the project file's folder when it was saved inside it (POSIX separators)."""
    sha256: str
    id: str
    """The source id it had when the project was saved."""


@dataclass(frozen=True, slots=True)
class Project:
    sources: tuple[ProjectSource, ...] = ()
    selection: tuple[str, ...] | None = None
    """Ticked section ids in reading order; ``None`` means every section."""
    pins: frozenset[str] = frozenset()
    excludes: frozenset[str] = frozenset()
    metadata: dict[str, Metadata] = field(default_factory=dict)
    """Metadata edits by article id: only the fields the user set (the rest are ``None``)."""
    template: str = DEFAULT_TEMPLATE
    budget: Budget = field(default_factory=default_budget)
    algorithm: str = "default"
    output_format: OutputFormat = OutputFormat.PDF
    exported: frozenset[str] = frozenset()
    """Text hashes of the sentences of the last export (:mod:`briefgen.novelty`): the next brief marks the others
    as new."""
    title: str = ""
    """The brief's title as the user typed it; empty: the template's automatic title."""


def budget_to_json(budget: Budget) -> dict[str, int | float]:
    if budget.sentences is not None:
        return {"sentences": budget.sentences}
    if budget.words is not None:
        return {"words": budget.words}
    if budget.ratio is not None:
        return {"ratio": budget.ratio}
    if budget.pages is not None:
        return {"pages": budget.pages}
    return budget_to_json(default_budget())


def budget_from_json(raw: Any) -> Budget:
    """A :class:`Budget` from ``{"sentences": N}``, ``{"words": N}``, ``{"ratio": F}`` or ``{"pages": N}``.

    Raises ``ValueError`` when malformed.
    """
    if not isinstance(raw, dict) or len(raw) != 1:
        raise ValueError("'budget' must have exactly one of sentences, words, ratio or pages")
    ((key, value),) = raw.items()
    limits = {"sentences": MAX_SENTENCES, "words": MAX_WORDS, "pages": MAX_PAGES}
    if key in limits:
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= limits[key]:
            raise ValueError(f"budget '{key}' must be a whole number from 1 to {limits[key]:,}")
        return Budget(**{key: value})
    if key == "ratio":
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 1:
            raise ValueError("budget 'ratio' must be a number above 0 and at most 1")
        return Budget(ratio=float(value))
    raise ValueError(f"unknown budget kind {_short(str(key))!r}")


def is_url_source(path: str) -> bool:
    """Whether a stored source is a web address (``http://`` or ``https://``), kept as it is."""
    return path.lower().startswith(("http://", "https://"))


_MANGLED_URL = re.compile(r"(?:\.\.?/)*(https?):/+(.+)", re.IGNORECASE)
"""A web address saved as a path by older versions (``../http:/host/page``)."""


def repaired_url(stored: str) -> str | None:
    """The web address an older version stored as a path (``../http:/host/page``), or ``None``."""
    match = _MANGLED_URL.fullmatch(stored)
    return f"{match[1].lower()}://{match[2]}" if match else None


def stored_path(source_path: str, project_path: str | os.PathLike[str]) -> str:
    """*source_path* relative to the project's folder when it lies inside it (or near it), else absolute; a web
    address as it is."""
    if is_url_source(source_path):
        return source_path
    folder = Path(project_path).resolve().parent
    target = Path(source_path).resolve()
    try:
        rel = os.path.relpath(target, folder)
    except ValueError:  # another drive on Windows
        return target.as_posix()
    if rel.count("..") > 2:
        return target.as_posix()
    return Path(rel).as_posix()


def resolved_path(stored: str, project_path: str | os.PathLike[str]) -> str:
    """Where a stored source path points, given the project file's location (a web address as it is)."""
    if is_url_source(stored):
        return stored
    p = Path(stored)
    if p.is_absolute():
        return str(p)
    return str(Path(os.path.normpath(Path(project_path).resolve().parent / p)))


def project_to_json(project: Project) -> dict[str, Any]:
    return {
        "format": FORMAT_TAG,
        "schema": SCHEMA_VERSION,
        "sources": [{"path": s.path, "sha256": s.sha256, "id": s.id} for s in project.sources],
        "selection": None if project.selection is None else list(project.selection),
        "pins": sorted(project.pins),
        "excludes": sorted(project.excludes),
        "metadata": {
            art: {k: getattr(md, k) for k in METADATA_FIELDS if getattr(md, k) is not None}
            for art, md in sorted(project.metadata.items())
        },
        "template": project.template,
        "budget": budget_to_json(project.budget),
        "algorithm": project.algorithm,
        "output_format": project.output_format,
        **({"exported": sorted(project.exported)} if project.exported else {}),
        **({"title": project.title} if project.title else {}),
    }


def dumps_project(project: Project) -> str:
    return json.dumps(project_to_json(project), ensure_ascii=False, indent=2) + "\n"


def save_project(project: Project, path: str | os.PathLike[str]) -> None:
    """Write *project* to *path* atomically; ``InputError`` naming the file if it cannot be written."""
    try:
        atomic_write_text(path, dumps_project(project))
    except OSError as exc:
        raise InputError(f"cannot save the project ({exc.strerror or exc})", os.fspath(path)) from None


def load_project(path: str | os.PathLike[str]) -> Project:
    """Read and validate a project file; ``InputError`` with a one-line reason for anything wrong."""
    shown = os.fspath(path)
    data = read_limited(path, max_bytes=MAX_PROJECT_BYTES, kind="project file")
    return parse_project(data, shown)


def parse_project(data: bytes, shown: str = "<project>") -> Project:
    try:
        raw = json.loads(data.decode("utf-8-sig"), object_pairs_hook=_unique_keys, parse_constant=_no_constant)
    except UnicodeDecodeError:
        raise InputError("not a briefgen project (not UTF-8 text)", shown) from None
    except json.JSONDecodeError as exc:
        raise InputError(f"damaged project file (invalid JSON at line {exc.lineno}: {exc.msg})", shown) from None
    except RecursionError:
        raise InputError("damaged project file (nested too deeply)", shown) from None
    except ValueError as exc:
        raise InputError(f"damaged project file ({exc})", shown) from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT_TAG:
        raise InputError('not a briefgen project (no "format": "briefgen-project" tag)', shown)
    try:
        raw = migrate(raw)
        return _project_from_json(raw)
    except ValueError as exc:
        raise InputError(f"damaged project file ({exc})", shown) from None


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object, refusing a key given twice (readers differ on which one wins, so neither is trusted)."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"the key {_short(key)!r} appears twice in one object")
        out[key] = value
    return out


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _source_path(path: Any, i: int) -> str:
    if not isinstance(path, str) or not path:
        raise ValueError(f"source {i} has no path")
    if "\0" in path:
        raise ValueError(f"source {i} has a path holding a NUL character")
    if len(path) > MAX_PATH_CHARS:
        raise ValueError(f"source {i} has a path of {len(path):,} characters (at most {MAX_PATH_CHARS:,})")
    return repaired_url(path) or path


def _str_list(raw: dict[str, Any], key: str) -> list[str]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"'{key}' must be a list of ids")
    return list(value)


def _text(raw: dict[str, Any], key: str, default: str) -> str:
    value = raw.get(key, default)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"'{key}' must be a non-empty string")
    if len(value) > MAX_NAME_CHARS:
        raise ValueError(f"'{key}' is {len(value):,} characters long (at most {MAX_NAME_CHARS})")
    return value


def _project_from_json(raw: dict[str, Any]) -> Project:
    sources_raw = raw.get("sources", [])
    if not isinstance(sources_raw, list):
        raise ValueError("'sources' must be a list")
    sources = []
    for i, item in enumerate(sources_raw, 1):
        if not isinstance(item, dict):
            raise ValueError(f"source {i} must be an object")
        path, digest, sid = _source_path(item.get("path"), i), item.get("sha256"), item.get("id")
        named = _short(path)
        if not isinstance(digest, str) or len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
            raise ValueError(f"source {i} ({named}) has no valid sha256")
        if not isinstance(sid, str) or not sid or "." in sid or len(sid) > MAX_ID_CHARS:
            raise ValueError(f"source {i} ({named}) has no valid id")
        sources.append(ProjectSource(path, digest, sid))
    selection_raw = raw.get("selection")
    selection = None if selection_raw is None else tuple(_str_list(raw, "selection"))
    metadata_raw = raw.get("metadata", {})
    if not isinstance(metadata_raw, dict):
        raise ValueError("'metadata' must be an object keyed by article id")
    metadata: dict[str, Metadata] = {}
    for art, fields in metadata_raw.items():
        if not isinstance(fields, dict) or not set(fields) <= set(METADATA_FIELDS):
            raise ValueError(f"metadata for {_short(str(art))} must only have {', '.join(METADATA_FIELDS)}")
        if not all(v is None or isinstance(v, str) for v in fields.values()):
            raise ValueError(f"metadata for {_short(str(art))} must be text")
        metadata[art] = Metadata(**fields)
    output_format = _text(raw, "output_format", OutputFormat.PDF)
    if output_format not in set(OutputFormat):
        raise ValueError(f"unknown output format {_short(output_format)!r}")
    exported = raw.get("exported", [])
    if not isinstance(exported, list) or not all(is_text_hash(h) for h in exported):
        raise ValueError("'exported' must be a list of sentence hashes")
    title = raw.get("title", "")
    if not isinstance(title, str) or len(title) > MAX_NAME_CHARS:
        raise ValueError(f"'title' must be text of at most {MAX_NAME_CHARS} characters")
    return Project(
        title=title,
        exported=frozenset(exported),
        sources=tuple(sources),
        selection=selection,
        pins=frozenset(_str_list(raw, "pins")),
        excludes=frozenset(_str_list(raw, "excludes")),
        metadata=metadata,
        template=_text(raw, "template", DEFAULT_TEMPLATE),
        budget=budget_from_json(raw["budget"]) if "budget" in raw else default_budget(),
        algorithm=_text(raw, "algorithm", "default"),
        output_format=OutputFormat(output_format),
    )
