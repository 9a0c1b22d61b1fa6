"""What the choosers offer: summarisation algorithms and templates, as (name, label) pairs."""

from __future__ import annotations


def algorithm_choices() -> list[tuple[str, str]]:
    from briefgen.summarize.registry import DEFAULT_ALGORITHM, algorithm_names

    items = [("default", f"Default ({DEFAULT_ALGORITHM})")]
    items.extend((name, name.capitalize()) for name in algorithm_names())
    return items


def template_choices() -> list[tuple[str, str]]:
    from briefgen.templates.store import list_templates

    return [(t.name, t.label) for t in list_templates()]
