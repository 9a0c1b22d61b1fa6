"""Preferences: what a new project starts with (template, length, method), autosave, start-up and web sources.

The values live in :class:`~briefgen.gui.settings.Settings`; :func:`default_state` turns them into the state a
new workspace starts with, so "New project" and the first window both follow them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from briefgen.gui.engine_choices import algorithm_choices, template_choices, template_length
from briefgen.gui.length_controls import MODES, budget_value, make_budget
from briefgen.gui.mnemonics import label_buttons
from briefgen.gui.screen_fit import fit_to_screen
from briefgen.gui.settings import Settings
from briefgen.project.workspace import WorkspaceState

AUTOSAVE_RANGE = (10, 3600)
"""Seconds between autosaves that the dialog offers."""


def default_length(settings: Settings) -> tuple[str, int] | None:
    """The preferred ``(unit, value)`` for new projects, or ``None`` for the template's own length."""
    raw = settings.get("default_length")
    if isinstance(raw, list) and len(raw) == 2 and isinstance(raw[1], int):
        for kind, _label, low, high, _default in MODES:
            if raw[0] == kind:
                return kind, min(max(raw[1], low), high)
    return None


def default_state(settings: Settings) -> WorkspaceState:
    """A new workspace with the preferred template, length and method."""
    state = WorkspaceState()
    template = settings.get("default_template")
    if isinstance(template, str) and template:
        state.template = template
        try:  # the template's own length, unless a length is preferred too
            state.budget = template_length(template)
        except Exception:  # a vanished user template: keep the built-in default rather than fail to start
            state.template = WorkspaceState().template
    length = default_length(settings)
    if length is not None:
        state.budget = make_budget(*length)
    algorithm = settings.get("default_algorithm")
    if isinstance(algorithm, str) and algorithm:
        state.algorithm = algorithm
    return state


class PreferencesDialog(QDialog):
    """Edits the settings; OK saves them and emits ``applied``."""

    applied = Signal()

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.settings = settings

        self.template = QComboBox(self)
        self.template.addItem(self.tr("Built-in default"), "")
        try:
            for name, label in template_choices():
                self.template.addItem(label, name)
        except Exception:  # a broken template folder: the built-in default is still offered
            pass
        self.template.setAccessibleName(self.tr("Default template"))
        self.template.setToolTip(self.tr("The template a new project starts with"))

        self.use_template_length = QCheckBox(self.tr("Use the &template's own length"), self)
        self.length_value = QSpinBox(self)
        self.length_value.setAccessibleName(self.tr("Default length"))
        self.length_unit = QComboBox(self)
        self.length_unit.setAccessibleName(self.tr("Default length unit"))
        for kind, label, *_ in MODES:
            self.length_unit.addItem(QCoreApplication.translate("LengthControls", label), kind)
        length_row = QHBoxLayout()
        length_row.addWidget(self.length_value, 1)
        length_row.addWidget(self.length_unit)

        self.algorithm = QComboBox(self)
        self.algorithm.setAccessibleName(self.tr("Default method"))
        for name, label in algorithm_choices():
            self.algorithm.addItem(label, name)

        self.autosave = QSpinBox(self)
        self.autosave.setRange(*AUTOSAVE_RANGE)
        self.autosave.setSuffix(self.tr(" s"))
        self.autosave.setAccessibleName(self.tr("Autosave interval in seconds"))
        self.autosave.setToolTip(
            self.tr("How often unsaved work is copied for recovery (the last three copies are kept)")
        )

        self.reopen = QCheckBox(self.tr("&Reopen the last project at start"), self)
        self.url_import = QCheckBox(self.tr("Allow adding sources from &web addresses"), self)
        self.local_urls = QCheckBox(self.tr("… also from this computer and the local &network"), self)
        self.local_urls.setToolTip(
            self.tr("Off by default: a link in a shared project could otherwise make briefgen read a local admin page")
        )

        form = QFormLayout()
        form.addRow(self.tr("Default te&mplate:"), self.template)
        form.addRow("", self.use_template_length)
        length_label = QLabel(self.tr("Default &length:"), self)
        length_label.setBuddy(self.length_value)  # a row of two fields: the label reaches the number
        form.addRow(length_label, length_row)
        form.addRow(self.tr("Default met&hod:"), self.algorithm)
        form.addRow(self.tr("Autosave &every:"), self.autosave)
        form.addRow("", self.reopen)
        form.addRow("", self.url_import)
        form.addRow("", self.local_urls)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent=self
        )
        label_buttons(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

        self.length_unit.currentIndexChanged.connect(lambda _i: self._unit_changed())
        self.use_template_length.toggled.connect(self._sync_enabled)
        self.url_import.toggled.connect(self._sync_enabled)
        self._load()
        fit_to_screen(self)

    # ---- values ---------------------------------------------------------------------------------------------
    def _load(self) -> None:
        s = self.settings
        self._select(self.template, s.get("default_template"))
        self._select(self.algorithm, s.get("default_algorithm"))
        length = default_length(s)
        self.use_template_length.setChecked(length is None)
        kind, value = length or budget_value(WorkspaceState().budget)
        self._select(self.length_unit, kind)
        self._unit_changed()
        self.length_value.setValue(value)
        self.autosave.setValue(int(s.get("autosave_seconds")))
        self.reopen.setChecked(bool(s.get("reopen_last_project")))
        self.url_import.setChecked(bool(s.get("allow_url_import")))
        self.local_urls.setChecked(bool(s.get("allow_local_urls")))
        self._sync_enabled()

    @staticmethod
    def _select(combo: QComboBox, data: object) -> None:
        index = combo.findData(data)
        combo.setCurrentIndex(max(index, 0))

    def _unit_changed(self) -> None:
        kind = self.length_unit.currentData()
        for k, _label, low, high, default in MODES:
            if k == kind:
                value = self.length_value.value()
                self.length_value.setRange(low, high)
                if not low <= value <= high or value == 0:
                    self.length_value.setValue(default)

    def _sync_enabled(self) -> None:
        own = self.use_template_length.isChecked()
        self.length_value.setEnabled(not own)
        self.length_unit.setEnabled(not own)
        self.local_urls.setEnabled(self.url_import.isChecked())

    def accept(self) -> None:
        s = self.settings
        s.set("default_template", self.template.currentData() or "")
        s.set("default_algorithm", self.algorithm.currentData() or "default")
        if self.use_template_length.isChecked():
            s.set("default_length", [])
        else:
            s.set("default_length", [self.length_unit.currentData(), self.length_value.value()])
        s.set("autosave_seconds", self.autosave.value())
        s.set("reopen_last_project", self.reopen.isChecked())
        s.set("allow_url_import", self.url_import.isChecked())
        s.set("allow_local_urls", self.local_urls.isChecked())
        s.save()
        self.applied.emit()
        super().accept()
