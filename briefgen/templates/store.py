"""Finding, importing, exporting and deleting templates: built-ins plus the user's own.

User templates are JSON files in ``<user data dir>/templates/`` (``platformdirs``; ``$BRIEFGEN_DATA_DIR``
overrides the data dir, which tests rely on). Every write is atomic, and a template is validated in full before
anything is written, so a broken file never changes what is stored. Built-ins can be neither deleted nor
overwritten.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from platformdirs import user_data_dir

from briefgen.errors import InputError
from briefgen.fileio import atomic_write_text
from briefgen.templates.builtins import builtin_templates, default_template, is_builtin
from briefgen.templates.schema import Template
from briefgen.templates.serialize import template_to_json
from briefgen.templates.validate import NAME_RULE, load_template_file


def data_dir() -> Path:
    """briefgen's user data folder: ``$BRIEFGEN_DATA_DIR`` when set, else the platform's usual place."""
    env = os.environ.get("BRIEFGEN_DATA_DIR")
    return Path(env) if env else Path(user_data_dir("briefgen", appauthor=False))


def user_templates_dir() -> Path:
    return data_dir() / "templates"


@dataclass(frozen=True, slots=True)
class TemplateInfo:
    name: str
    label: str
    description: str
    builtin: bool
    path: str
    error: str | None = None
    """Why a user template file cannot be used (it is listed, but cannot be chosen)."""


def _user_files() -> list[Path]:
    folder = user_templates_dir()
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def list_templates() -> list[TemplateInfo]:
    """Built-ins first (by name), then the user's templates (by name), broken ones with their error."""
    infos = [
        TemplateInfo(t.name, t.label, t.description, True, f"built-in:{t.name}") for t in builtin_templates().values()
    ]
    for path in _user_files():
        try:
            t = load_template_file(path)
        except InputError as exc:
            infos.append(TemplateInfo(path.stem, path.stem, "", False, str(path), error=str(exc)))
            continue
        infos.append(TemplateInfo(t.name, t.label, t.description, False, str(path)))
    return infos


def _user_path(name: str) -> Path:
    return user_templates_dir() / f"{name}.json"


def _check_name(name: str) -> str:
    key = name.strip().lower()
    if not NAME_RULE.fullmatch(key):
        raise InputError(f'"{name}" is not a template name (letters, digits, "-" and "_" only)')
    return key


def get_template(name: str) -> Template:
    """The built-in or user template called *name*; :class:`InputError` listing the names when there is none."""
    key = _check_name(name)
    builtins = builtin_templates()
    if key in builtins:
        return builtins[key]
    path = _user_path(key)
    if path.is_file():
        return load_template_file(path)
    known = ", ".join(info.name for info in list_templates() if info.error is None)
    raise InputError(f'no template named "{name}" (available: {known})')


def looks_like_file(value: str) -> bool:
    return value.lower().endswith(".json") or os.sep in value or "/" in value


def resolve_template(value: str | None) -> Template:
    """``None`` -> the default; a ``.json`` path -> that file (validated); otherwise a template name."""
    if value is None or not value.strip():
        return default_template()
    if looks_like_file(value) or Path(value).is_file():
        return load_template_file(value)
    return get_template(value)


def save_user_template(template: Template, *, replace_existing: bool = False) -> Path:
    """Store *template* as a user template (atomically); refuses built-in names and, unless asked, existing ones."""
    if is_builtin(template.name):
        raise InputError(
            f'"{template.name}" is a built-in template and cannot be overwritten '
            '(change "name" in the file, or import it with --name NEW-NAME)'
        )
    path = _user_path(template.name)
    if path.exists() and not replace_existing:
        raise InputError(f'a template named "{template.name}" already exists (use --replace to overwrite it)')
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, template_to_json(template))
    return path


def import_template(path: str, *, name: str | None = None, replace_existing: bool = False) -> Template:
    """Validate the template file at *path* and store it (under *name* when given). Nothing changes on error."""
    template = load_template_file(path)
    if name is not None:
        template = replace(template, name=_check_name(name))
    save_user_template(template, replace_existing=replace_existing)
    return template


def export_template(name: str, path: str) -> Path:
    """Write the template called *name* to *path* as JSON (atomically)."""
    if not path.lower().endswith(".json"):
        raise InputError("a template file name must end in .json", path)
    template = get_template(name)
    target = Path(path)
    if target.is_dir():
        raise InputError("is a folder; give a file name ending in .json", path)
    try:
        atomic_write_text(target, template_to_json(template))
    except FileNotFoundError:
        raise InputError("cannot write the file: its folder does not exist", path) from None
    except OSError as exc:
        raise InputError(f"cannot write the file ({exc.strerror or exc})", path) from None
    return target


def delete_template(name: str) -> Path:
    """Delete the user template called *name*; built-ins cannot be deleted."""
    key = _check_name(name)
    if is_builtin(key):
        raise InputError(f'"{key}" is a built-in template and cannot be deleted')
    path = _user_path(key)
    if not path.is_file():
        raise InputError(f'no user template named "{name}"')
    path.unlink()
    return path


def delete_user_template_file(path: str | Path) -> Path:
    """Delete the user template file at *path* (a :attr:`TemplateInfo.path`), also one that cannot be used (bad
    JSON, or a file name that is not a template name, so :func:`delete_template` cannot name it). Only a
    ``.json`` file directly in the user templates folder is deleted."""
    target = Path(path)
    folder = user_templates_dir()
    if target.suffix.lower() != ".json" or not folder.is_dir() or target.parent.resolve() != folder.resolve():
        raise InputError("is not a file in the user templates folder", str(path))
    if not target.is_file():
        raise InputError("no such template file", str(path))
    try:
        target.unlink()
    except OSError as exc:
        raise InputError(f"cannot delete the file ({exc.strerror or exc})", str(path)) from None
    return target
