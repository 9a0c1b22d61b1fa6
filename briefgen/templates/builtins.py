"""The templates that ship with briefgen (``resources/templates/*.json``): read-only, always valid."""

from __future__ import annotations

import functools
from pathlib import Path

from briefgen.errors import ResourceError, TemplateError
from briefgen.resources import resource_path
from briefgen.templates.schema import DEFAULT_TEMPLATE, Template
from briefgen.templates.validate import load_template_file


def builtin_dir() -> Path:
    return resource_path("templates")


@functools.cache
def _load_builtins(folder: str) -> dict[str, Template]:
    templates: dict[str, Template] = {}
    for path in sorted(Path(folder).glob("*.json")):
        try:
            template = load_template_file(path)
        except TemplateError as exc:
            raise ResourceError(f"built-in template is damaged ({exc.reason})", str(path)) from None
        if template.name != path.stem:
            raise ResourceError(f'built-in template is named "{template.name}", not "{path.stem}"', str(path))
        templates[template.name] = template
    if DEFAULT_TEMPLATE not in templates:
        raise ResourceError(f'the default template "{DEFAULT_TEMPLATE}" is missing', folder)
    return templates


def builtin_templates() -> dict[str, Template]:
    """Built-in templates by name, in name order."""
    return _load_builtins(str(builtin_dir()))


def is_builtin(name: str) -> bool:
    return name.strip().lower() in builtin_templates()


def default_template() -> Template:
    return builtin_templates()[DEFAULT_TEMPLATE]
