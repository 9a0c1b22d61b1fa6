"""What the status bar says about the parts and sections a brief left out to fit its length
(``Brief.left_out``): one line naming them, and the full list, with every reason, for its tooltip."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from briefgen.brief import LeftOut
from briefgen.gui.translations import plural_form

SECTIONS_PART = "sections"
"""The template part made of one part per source section (``PartType.SECTIONS``)."""


def for_length(item: LeftOut) -> bool:
    """Whether *item* was dropped to fit the length (not because nothing in the selection qualified)."""
    from briefgen.compose import LEFT_TO_FIT  # the engine is loaded by the time a brief is shown

    return item.reason == LEFT_TO_FIT


def _names(items: Sequence[LeftOut]) -> list[str]:
    """Whole parts by their heading, sections counted: ``["Key figures", "3 sections"]``."""
    parts = [i.heading or i.part.replace("_", " ").capitalize() for i in items if i.part != SECTIONS_PART]
    sections = sum(1 for i in items if i.part == SECTIONS_PART)
    names = list(dict.fromkeys(parts))
    if sections:
        names.append(
            plural_form(QCoreApplication.translate("LeftOut", "{n} section(s)", None, sections), sections).format(
                n=sections
            )
        )
    return names


def _line(item: LeftOut) -> str:
    what = (
        QCoreApplication.translate("LeftOut", "Section “{heading}”").format(heading=item.heading)
        if item.part == SECTIONS_PART
        else (item.heading or item.part)
    )
    return f"• {what}: {item.reason}" if item.reason else f"• {what}"


def left_out_message(items: Sequence[LeftOut]) -> tuple[str, str]:
    """(one line for the status bar, the full list for its tooltip); both empty when nothing was left out to
    fit the length. Parts missing because nothing qualified (no quantities for key figures, say) are only in
    the list."""
    fitted = [i for i in items if for_length(i)]
    if not fitted:
        return "", ""
    text = QCoreApplication.translate("LeftOut", "Left out to fit the length: {parts} (hover for the list)").format(
        parts=", ".join(_names(fitted))
    )
    details = "\n".join([QCoreApplication.translate("LeftOut", "Not in the brief:"), *(_line(i) for i in items)])
    return text, details
