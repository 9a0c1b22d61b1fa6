"""Colours that follow the system's light or dark scheme (Qt 6.5+ colour schemes).

The app follows the system: when it switches to dark, the window's palette becomes Fusion's dark palette (a
platform theme that does this itself is left alone). The reading pane's highlights come in a light and a dark
set so highlighted text stays legible on either. The brief preview stays a white page in both, like the document
it previews.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory


@dataclass(frozen=True, slots=True)
class Highlights:
    summary_bg: QColor
    """A sentence that is in the brief."""
    pinned_bg: QColor
    focus_bg: QColor
    """The sentence the user asked to see."""
    excluded_fg: QColor
    muted_fg: QColor
    """Secondary text: where a section comes from, hints."""


LIGHT = Highlights(QColor("#FFF3B0"), QColor("#CDEFD3"), QColor("#FFD36E"), QColor("#8A8A8A"), QColor("#5F6368"))
DARK = Highlights(QColor("#5C4A00"), QColor("#1F5A33"), QColor("#755300"), QColor("#8E8E8E"), QColor("#A8ADB4"))


def is_dark(palette: QPalette) -> bool:
    """True when *palette*'s text is lighter than its background (a dark scheme, however it was set)."""
    return palette.color(QPalette.ColorRole.Base).lightness() < palette.color(QPalette.ColorRole.Text).lightness()


def highlights(palette: QPalette) -> Highlights:
    return DARK if is_dark(palette) else LIGHT


def follow_colour_scheme(app: QApplication) -> None:
    """Apply the system's colour scheme now and whenever it changes."""
    hints = app.styleHints()
    hints.colorSchemeChanged.connect(lambda scheme: apply_colour_scheme(app, scheme))
    apply_colour_scheme(app, hints.colorScheme())


def apply_colour_scheme(app: QApplication, scheme: Qt.ColorScheme) -> None:
    """Give the app a dark palette for a dark *scheme* and a light one for a light scheme, unless the platform
    theme already did (an unknown scheme leaves the palette alone)."""
    if scheme == Qt.ColorScheme.Unknown:
        return
    want_dark = scheme == Qt.ColorScheme.Dark
    if want_dark == is_dark(app.palette()):
        return
    fusion = QStyleFactory.create("Fusion")
    if fusion is not None:
        app.setStyle(fusion)
    app.setPalette(dark_palette() if want_dark else QPalette(fusion.standardPalette() if fusion else QPalette()))


def dark_palette() -> QPalette:
    """A dark palette for Fusion (used where the platform does not supply one)."""
    palette = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    for r, colour in (
        (role.Window, "#2B2B2B"),
        (role.WindowText, "#E6E6E6"),
        (role.Base, "#1E1E1E"),
        (role.AlternateBase, "#2A2A2A"),
        (role.ToolTipBase, "#3A3A3A"),
        (role.ToolTipText, "#F0F0F0"),
        (role.PlaceholderText, "#9A9A9A"),
        (role.Text, "#E6E6E6"),
        (role.Button, "#353535"),
        (role.ButtonText, "#E6E6E6"),
        (role.BrightText, "#FF6B6B"),
        (role.Light, "#4A4A4A"),
        (role.Midlight, "#404040"),
        (role.Mid, "#303030"),
        (role.Dark, "#202020"),
        (role.Shadow, "#000000"),
        (role.Highlight, "#3D7BD9"),
        (role.HighlightedText, "#FFFFFF"),
        (role.Link, "#8AB4F8"),
        (role.LinkVisited, "#C58AF9"),
    ):
        palette.setColor(r, QColor(colour))
    for r in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(group.Disabled, r, QColor("#7A7A7A"))
    return palette
