"""Buttons of dialogs carry mnemonics (Alt+letter): Qt's standard OK, Cancel, Close, Save... have none."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

_MB = QMessageBox.StandardButton
_BB = QDialogButtonBox.StandardButton

MESSAGE_BOX_TEXTS = {
    _MB.Ok: "&OK",
    _MB.Cancel: "&Cancel",
    _MB.Close: "&Close",
    _MB.Save: "&Save",
    _MB.Discard: "&Don't save",
    _MB.Yes: "&Yes",
    _MB.No: "&No",
}
BUTTON_BOX_TEXTS = {
    _BB.Ok: "&OK",
    _BB.Cancel: "&Cancel",
    _BB.Close: "&Close",
    _BB.Save: "&Save",
    _BB.Discard: "&Don't save",
    _BB.Yes: "&Yes",
    _BB.No: "&No",
}


def has_mnemonic(text: str) -> bool:
    """True when *text* marks a letter with ``&`` (``&&`` is a literal ampersand)."""
    return bool(mnemonic_of(text))


def mnemonic_of(text: str) -> str:
    """The lowercase letter *text* marks with ``&``, or ``""``."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] != "&":
                return text[i + 1].lower()
            i += 1
        i += 1
    return ""


def label_buttons(box: QMessageBox | QDialogButtonBox) -> None:
    """Give *box*'s standard buttons texts with mnemonics (buttons that already have one are left alone)."""
    if isinstance(box, QMessageBox):
        for standard, text in MESSAGE_BOX_TEXTS.items():
            button = box.button(standard)
            if button is not None and not has_mnemonic(button.text()):
                button.setText(text)
    else:
        for bb_standard, text in BUTTON_BOX_TEXTS.items():
            bb_button = box.button(bb_standard)
            if bb_button is not None and not has_mnemonic(bb_button.text()):
                bb_button.setText(text)
