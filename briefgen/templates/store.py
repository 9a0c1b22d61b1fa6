"""Finding, importing, exporting and deleting templates: built-ins plus the user's own.

User templates are JSON files in ``<user data dir>/templates/`` (:func:`briefgen.user_dirs.data_dir`;
``$BRIEFGEN_DATA_DIR`` moves it, which tests rely on). Every write is atomic, and a template is validated in full before
anything is written, so a broken file never changes what is stored. Built-ins can be neither deleted nor
overwritten.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from briefgen.errors import InputError
from briefgen.fileio import atomic_write_text
from briefgen.templates.builtins import builtin_templates, default_template, is_builtin
from briefgen.templates.schema import Template
from briefgen.templates.serialize import template_to_json
from briefgen.templates.validate import NAME_RULE, load_template_file
from briefgen.user_dirs import data_dir

_log = logging.getLogger(__name__)


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


def list_templates(warn: Callable[[str], None] | None = None) -> list[TemplateInfo]:
    """Built-ins first (by name), then the user's templates (by file name), broken ones with their error.

    A name is listed once: when two files declare the same name (or a user file the name of a built-in), the one
    :func:`get_template` would load is listed and the other is left out with a warning naming both files, through
    *warn* (else logged). A file that is not a regular file (a FIFO, a device) is listed as unusable, unread.
    """
    say = warn if warn is not None else _log.warning
    builtins = builtin_templates()
    infos = [TemplateInfo(t.name, t.label, t.description, True, f"built-in:{t.name}") for t in builtins.values()]
    loaded: list[tuple[Path, Template]] = []
    for path in _user_files():
        try:
            loaded.append((path, load_template_file(path)))
        except InputError as exc:
            infos.append(TemplateInfo(path.stem, path.stem, "", False, str(path), error=str(exc)))
    winners = _winners(loaded)
    for path, t in loaded:
        if t.name in builtins:
            say(f'{path} declares the name "{t.name}" of a built-in template; it is ignored (change its "name")')
            continue
        chosen = winners[t.name]
        if chosen != path:
            say(
                f'{chosen} and {path} both declare the template name "{t.name}"; {path.name} is ignored '
                '(change its "name" or delete one of them)'
            )
            continue
        infos.append(TemplateInfo(t.name, t.label, t.description, False, str(path)))
    infos.sort(key=lambda i: (not i.builtin, i.path if not i.builtin else ""))
    return infos


def _winners(loaded: list[tuple[Path, Template]]) -> dict[str, Path]:
    """For each declared name, the file :func:`get_template` loads: ``<name>.json`` when it declares that name,
    else the first file (by path) that does."""
    winners: dict[str, Path] = {}
    for path, t in sorted(loaded, key=lambda item: (item[0].stem != item[1].name, item[0])):
        winners.setdefault(t.name, path)
    return winners


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
        template = load_template_file(path)
        if template.name == key:
            return template
    infos = list_templates(warn=lambda _m: None)
    for info in infos:
        if info.name == key and not info.builtin and info.error is None:
            return load_template_file(info.path)
    known = ", ".join(info.name for info in infos if info.error is None)
    raise InputError(f'no template named "{name}" (available: {known})')


def looks_like_file(value: str) -> bool:
    return value.lower().endswith(".json") or os.sep in value or "/" in value


def resolve_template(value: str | None) -> Template:
    """``None`` -> the default; a ``.json`` path -> that file (validated); otherwise a template name."""
    if value is None or not value.strip():
        return default_template()
    if names_a_file(value):
        return load_template_file(value)
    return get_template(value)


def names_a_file(value: str) -> bool:
    """Whether :func:`resolve_template` takes *value* as a template file rather than a template name."""
    return bool(value.strip()) and (looks_like_file(value) or Path(value).is_file())


def logo_outside_warning(template: Template, template_file: str | Path) -> str | None:
    """The warning for a template file whose logo is read from outside the file's folder, else ``None``.

    Given by ``templates import`` and, for a template file named at build time, with the brief's warnings.
    """
    logo = template.style.logo.path
    if not logo or not logo.strip():
        return None
    try:
        folder = Path(template_file).resolve().parent
        resolved = Path(logo).expanduser().resolve()
    except (OSError, RuntimeError):
        return f"the template's logo is read from {logo}, outside the template's folder"
    if resolved.is_relative_to(folder):
        return None
    return f"the template's logo is read from {logo}, outside the template's folder"


def template_file_warnings(value: Template | str | None, template: Template) -> tuple[str, ...]:
    """Warnings about *template* as resolved from *value* (see :func:`resolve_template`): a template file whose
    logo lies outside its folder. Templates given by name or as objects have none."""
    if not isinstance(value, str) or not names_a_file(value):
        return ()
    note = logo_outside_warning(template, value)
    return (note,) if note else ()


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
