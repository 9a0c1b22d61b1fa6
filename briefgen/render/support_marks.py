"""What the PDF, Word and Markdown renderers and the app preview show of a sentence's corroboration and newness.

The template chooses (``citations.support``, ``citations.mark_new``; on the brief ``Brief.support_mark`` and
``Brief.mark_new``):

``count``
    a small muted "3 sources" right after the citation marker of a sentence two or more sources carry;
``dagger``
    a "†" right after the marker of a sentence only one source carries, and under the source list the note
    :data:`DAGGER_NOTE`;
``mark_new``
    a small "new" tag, in a muted accent colour, before a sentence that was not in the previous export.

Everything here is pure: it reads the brief and never changes it.
"""

from __future__ import annotations

from briefgen.brief import Brief, BriefSentence
from briefgen.templates.schema import SupportMark
from briefgen.templates.style import hex_rgb

DAGGER_MARK = "†"
DAGGER_NOTE = "† carried by one source only"
NEW_TAG = "new"
SMALL = 0.78
"""The marks' size, as a share of the text they follow."""
MUTED_ACCENT_SHARE = 0.6
"""The "new" tag's colour: this much of the accent colour, the rest white."""


def support_mark(brief: Brief, sentence: BriefSentence) -> str:
    """What follows the sentence's marker: ``"3 sources"``, ``"†"`` or ``""``."""
    if brief.support_mark == SupportMark.COUNT and sentence.support >= 2:
        return f"{sentence.support} sources"
    if brief.support_mark == SupportMark.DAGGER and sentence.support <= 1:
        return DAGGER_MARK
    return ""


def spaced(mark: str) -> bool:
    """Whether a space comes between the marker and *mark* (a count does; a dagger sits on the marker)."""
    return bool(mark) and mark != DAGGER_MARK


def dagger_note(brief: Brief) -> str | None:
    """The note under the source list, when some sentence shows a dagger."""
    if brief.support_mark != SupportMark.DAGGER:
        return None
    return DAGGER_NOTE if any(support_mark(brief, s) for s in brief.sentences()) else None


def new_tag(brief: Brief, sentence: BriefSentence) -> str:
    """``"new"`` before a sentence that is new, when the template marks new sentences; else ``""``."""
    return NEW_TAG if brief.mark_new and sentence.new else ""


def muted_accent(accent: str, fallback: str = "#1F4E79") -> str:
    """``#RRGGBB`` of *accent* lightened towards white: the "new" tag's colour."""
    return "#" + "".join(f"{round(255 - MUTED_ACCENT_SHARE * (255 - c)):02X}" for c in hex_rgb(accent, fallback))
