"""Template names: the rule, checked as a name is typed (capitals become lowercase, spaces "-", other characters
refused), and the dialog that asks for a name and waits for a usable one."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from briefgen.gui.mnemonics import label_buttons
from briefgen.templates.validate import NAME_RULE

NAME_RULE_TEXT = str(
    QT_TRANSLATE_NOOP(
        "TemplateEditor", "Lowercase letters, digits, - and _, starting with a letter or digit (up to 64)."
    )
)
"""The rule for template names (translated, context ``TemplateEditor``, where shown)."""


class TemplateNameValidator(QValidator):
    """Template names as they are typed: capitals become lowercase and spaces become "-"; other characters that
    a name cannot hold are refused; a name that is not complete yet (empty, or starting with - or _) is
    Intermediate."""

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        fixed = text.lower().replace(" ", "-")
        if len(fixed) > 64 or any(not (c.isascii() and (c.isalnum() or c in "-_")) for c in fixed):
            return QValidator.State.Invalid, text, pos
        if NAME_RULE.fullmatch(fixed):
            return QValidator.State.Acceptable, fixed, pos
        return QValidator.State.Intermediate, fixed, pos


class NameDialog(QDialog):
    """Asks for a template name; the rule is shown under the field and OK waits for a usable name."""

    def __init__(self, title: str, default: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("templateNameDialog")
        self.edit = QLineEdit(self)
        self.edit.setAccessibleName(self.tr("Template name"))
        self.edit.setValidator(TemplateNameValidator(self.edit))
        self.edit.setText(default if NAME_RULE.fullmatch(default) else "")
        label = QLabel(self.tr("Template &name:"), self)
        label.setBuddy(self.edit)
        self.rule = QLabel(QCoreApplication.translate("TemplateEditor", NAME_RULE_TEXT), self)
        self.rule.setWordWrap(True)
        self.rule.setAccessibleName(self.tr("Template name rule"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        label_buttons(self.buttons)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.edit)
        layout.addWidget(self.rule)
        layout.addWidget(self.buttons)
        self.edit.textChanged.connect(self._changed)
        self._changed()
        self.edit.selectAll()

    def name(self) -> str:
        return self.edit.text()

    def _changed(self) -> None:
        ok = bool(NAME_RULE.fullmatch(self.edit.text()))
        self.ok_button.setEnabled(ok)
        self.rule.setStyleSheet("" if ok or not self.edit.text() else "color: #B3261E;")
