"""What the choosers offer: summarisation algorithms and templates, as (name, label) pairs, and a one-sentence
explanation of each method for its tooltip."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefgen.summarize.api import Budget

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

METHOD_TIPS: dict[str, str] = {
    "textrank": str(
        QT_TRANSLATE_NOOP(
            "EngineChoices",
            "Picks the sentences most central to what all the sources say, favouring each article's opening "
            "and avoiding repeats.",
        )
    ),
    "coverage": str(
        QT_TRANSLATE_NOOP(
            "EngineChoices",
            "Picks the sentences that together cover the most of the sources' important words and phrases, each once.",
        )
    ),
    "lead": str(
        QT_TRANSLATE_NOOP(
            "EngineChoices", "Takes the first sentences of each article in turn, as a news editor's baseline."
        )
    ),
}
"""What each method does, in words for the user (the engine's own descriptions are for developers); in English,
translated where shown."""


def method_tip(name: str) -> str:
    """One sentence saying what the method *name* does (``"default"`` names the one it stands for)."""
    from briefgen.summarize.registry import DEFAULT_ALGORITHM

    if name in ("", "default"):
        tip = (
            QCoreApplication.translate("EngineChoices", METHOD_TIPS[DEFAULT_ALGORITHM])
            if DEFAULT_ALGORITHM in METHOD_TIPS
            else ""
        )
        return QCoreApplication.translate("EngineChoices", "The recommended method. {tip}").format(tip=tip).strip()
    if name in METHOD_TIPS:
        return QCoreApplication.translate("EngineChoices", METHOD_TIPS[name])
    try:  # a method registered by a plug-in: its own description
        from briefgen.summarize.registry import get_algorithm

        return str(get_algorithm(name).description).capitalize() + "."
    except Exception:
        return ""


def algorithm_choices() -> list[tuple[str, str]]:
    from briefgen.summarize.registry import DEFAULT_ALGORITHM, algorithm_names

    items = [
        ("default", QCoreApplication.translate("EngineChoices", "Default ({name})").format(name=DEFAULT_ALGORITHM))
    ]
    items.extend((name, name.capitalize()) for name in algorithm_names())
    return items


def template_length(name: str) -> Budget:
    """The length the template *name* brings with it (raises what reading a broken or missing template raises)."""
    from briefgen.compose import template_budget
    from briefgen.templates.store import resolve_template

    return template_budget(resolve_template(name))


def template_choices() -> list[tuple[str, str]]:
    from briefgen.templates.store import list_templates

    return [(t.name, t.label) for t in list_templates()]
