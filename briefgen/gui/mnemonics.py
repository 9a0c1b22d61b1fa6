"""Buttons of dialogs carry mnemonics (Alt+letter): Qt's standard OK, Cancel, Close, Save... have none."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

_MB = QMessageBox.StandardButton
_BB = QDialogButtonBox.StandardButton

_OK = str(QT_TRANSLATE_NOOP("DialogButtons", "&OK"))
_CANCEL = str(QT_TRANSLATE_NOOP("DialogButtons", "&Cancel"))
_CLOSE = str(QT_TRANSLATE_NOOP("DialogButtons", "&Close"))
_SAVE = str(QT_TRANSLATE_NOOP("DialogButtons", "&Save"))
_DISCARD = str(QT_TRANSLATE_NOOP("DialogButtons", "&Don't save"))
_YES = str(QT_TRANSLATE_NOOP("DialogButtons", "&Yes"))
_NO = str(QT_TRANSLATE_NOOP("DialogButtons", "&No"))

MESSAGE_BOX_TEXTS = {
    _MB.Ok: _OK,
    _MB.Cancel: _CANCEL,
    _MB.Close: _CLOSE,
    _MB.Save: _SAVE,
    _MB.Discard: _DISCARD,
    _MB.Yes: _YES,
    _MB.No: _NO,
}
BUTTON_BOX_TEXTS = {
    _BB.Ok: _OK,
    _BB.Cancel: _CANCEL,
    _BB.Close: _CLOSE,
    _BB.Save: _SAVE,
    _BB.Discard: _DISCARD,
    _BB.Yes: _YES,
    _BB.No: _NO,
}
"""The standard buttons' texts (in English; translated, context ``DialogButtons``, where set)."""


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
                button.setText(QCoreApplication.translate("DialogButtons", text))
    else:
        for bb_standard, text in BUTTON_BOX_TEXTS.items():
            bb_button = box.button(bb_standard)
            if bb_button is not None and not has_mnemonic(bb_button.text()):
                bb_button.setText(QCoreApplication.translate("DialogButtons", text))
