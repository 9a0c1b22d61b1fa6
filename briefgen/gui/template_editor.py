"""The template editor: every template setting in a form, a live sample, inline validation messages, and
save as new, duplicate, rename, delete, import and export. Built-in templates are read-only: edit one and save
it under a new name. A stored template that cannot be used (broken, or badly named) is listed with the reason
and can be deleted. Template names are checked as they are typed."""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap, QValidator, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from briefgen.errors import InputError
from briefgen.gui.errors_dialog import show_error
from briefgen.gui.mnemonics import label_buttons
from briefgen.gui.screen_fit import fit_to_screen
from briefgen.gui.template_form import TemplateForm
from briefgen.gui.template_sample import sample_pages, stack_pages
from briefgen.gui.workers import Job, JobRunner
from briefgen.templates import store
from briefgen.templates.fields import TemplateError
from briefgen.templates.schema import Template
from briefgen.templates.serialize import template_to_dict
from briefgen.templates.validate import NAME_RULE, template_from_dict

SAMPLE_DEBOUNCE_MS = 400
NAME_RULE_TEXT = str(
    QT_TRANSLATE_NOOP(
        "TemplateEditor", "Lowercase letters, digits, - and _, starting with a letter or digit (up to 64)."
    )
)
"""The rule for template names (translated, context ``TemplateEditor``, where shown)."""
NAME_ROLE = 256
"""List item data: the template's name (a broken file's name without .json)."""
PATH_ROLE = 257
"""List item data: where a user template is stored."""
ERROR_ROLE = 258
"""List item data: why a stored template cannot be used, or ``None``."""


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


class WheelGuard(QObject):
    """Over a spin box or a list of choices that does not have the focus, the mouse wheel scrolls the form
    around it instead of changing the value (click or Tab into the field to change it with the wheel)."""

    def __init__(self, scroll_area: QAbstractScrollArea) -> None:
        super().__init__(scroll_area)
        self.scroll_area = scroll_area

    def guard(self, root: QWidget) -> None:
        for w in root.findChildren(QWidget):
            if isinstance(w, QAbstractSpinBox | QComboBox) and not w.property("wheelGuarded"):
                w.setProperty("wheelGuarded", True)
                w.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a wheel turn must not give it the focus
                w.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget) and not watched.hasFocus():
            assert isinstance(event, QWheelEvent)
            QApplication.sendEvent(self.scroll_area.viewport(), event)
            return True
        return False


class TemplateEditor(QDialog):
    templatesChanged = Signal()  # noqa: N815
    templateChosen = Signal(str)  # noqa: N815
    sampleReady = Signal()  # noqa: N815

    def __init__(self, current: str, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Templates"))
        self.setObjectName("templateEditor")
        fit_to_screen(self, 1380, 860)
        self.runner = runner
        self.template: Template | None = None
        self.builtin = False
        self.broken: str | None = None
        """Why the chosen stored template cannot be used (it can only be deleted), or ``None``."""
        self.name_dialog: NameDialog | None = None
        self.error: TemplateError | InputError | None = None
        self.sample_job: Job | None = None

        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Templates"))
        self.form = TemplateForm(self)
        form_scroll = QScrollArea(self)
        form_scroll.setAccessibleName(self.tr("Template settings"))
        form_scroll.setWidget(self.form)
        form_scroll.setWidgetResizable(True)
        self.form_scroll = form_scroll
        self.wheel_guard = WheelGuard(form_scroll)
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Validation message"))
        self.sample = QLabel(self.tr("Sample"), self)
        self.sample.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.sample.setAccessibleName(self.tr("Live sample of the template"))
        sample_scroll = QScrollArea(self)
        sample_scroll.setAccessibleName(self.tr("Sample brief in this template"))
        sample_scroll.setWidget(self.sample)
        sample_scroll.setWidgetResizable(True)
        sample_scroll.setStyleSheet("background: #8A8F98;")

        self.buttons: dict[str, QPushButton] = {}
        left = QWidget(self)
        llayout = QVBoxLayout(left)
        llayout.addWidget(QLabel("<b>{}</b>".format(self.tr("Templates")), left))
        llayout.addWidget(self.list, 1)
        for key, text, slot in (
            ("save", self.tr("&Save"), self.save),
            ("save_as", self.tr("Save as &new…"), self.save_as_new),
            ("duplicate", self.tr("&Duplicate"), self.duplicate),
            ("rename", self.tr("&Rename…"), self.rename),
            ("delete", self.tr("De&lete"), self.delete),
            ("import", self.tr("&Import…"), self.import_file),
            ("export", self.tr("E&xport…"), self.export_file),
            ("use", self.tr("&Use for this brief"), self.use),
        ):
            button = QPushButton(text, left)
            button.clicked.connect(slot)
            self.buttons[key] = button
            llayout.addWidget(button)
        close = QPushButton(self.tr("&Close"), left)
        close.clicked.connect(self.close)
        llayout.addWidget(close)
        middle = QWidget(self)
        mlayout = QVBoxLayout(middle)
        mlayout.addWidget(self.message)
        mlayout.addWidget(form_scroll, 1)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(middle)
        splitter.addWidget(sample_scroll)
        splitter.setSizes([270, 520, 560])
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SAMPLE_DEBOUNCE_MS)
        self.timer.timeout.connect(self.refresh_sample)
        self.form.changed.connect(self._form_changed)
        self.list.currentItemChanged.connect(self._current_changed)
        self.reload_list(current)

    # ---- prompts (tests replace these) ---------------------------------------------------------------------
    def ask_name(self, title: str, default: str) -> str | None:
        dialog = NameDialog(title, default, self)
        self.name_dialog = dialog
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            name = dialog.name()
        finally:
            self.name_dialog = None
            dialog.deleteLater()
        return name if accepted and NAME_RULE.fullmatch(name) else None

    def confirm_delete(self, name: str) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete template"),
            self.tr("Delete the template “{name}”?").format(name=name),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        delete = box.addButton(self.tr("&Delete"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(self.tr("&Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is delete

    def ask_import_path(self) -> str | None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import template"), str(Path.home()), self.tr("Templates (*.json)")
        )
        return path or None

    def ask_export_path(self, name: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export template"), str(Path.home() / f"{name}.json"), self.tr("Templates (*.json)")
        )
        return path or None

    # ---- list ----------------------------------------------------------------------------------------------
    def reload_list(self, select: str | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for info in store.list_templates():
            label = self.tr("{label} (built-in)").format(label=info.label) if info.builtin else info.label
            if info.error:
                label = self.tr("{name} (cannot be used)").format(name=info.name)  # still selectable: it can be deleted
            item = QListWidgetItem(label)
            item.setData(NAME_ROLE, info.name)
            item.setData(PATH_ROLE, info.path)
            item.setData(ERROR_ROLE, info.error)
            item.setToolTip(info.error or info.description)
            if info.error:
                item.setForeground(Qt.GlobalColor.darkRed)
            self.list.addItem(item)
        self.list.blockSignals(False)
        names = [self.list.item(i).data(NAME_ROLE) for i in range(self.list.count())]
        target = select if select in names else (names[0] if names else None)
        if target is not None:
            self.list.setCurrentRow(names.index(target))

    def _current_changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is None:
            return
        error = current.data(ERROR_ROLE)
        if error:
            self.show_broken(str(error))
        else:
            self.show_template(str(current.data(NAME_ROLE)))

    def current_name(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(NAME_ROLE)) if item else None

    def show_template(self, name: str) -> None:
        try:
            template = store.get_template(name)
        except InputError as exc:
            self.show_broken(str(exc))
            return
        self.template = template
        self.broken = None
        from briefgen.templates.builtins import is_builtin

        self.builtin = is_builtin(name)
        self.form.load(copy.deepcopy(template_to_dict(template)))
        self._guard_form()
        self._form_changed()
        self._update_buttons()

    def show_broken(self, reason: str) -> None:
        """A stored template that cannot be used: say why; it can only be deleted (or replaced by an import)."""
        self.broken = reason
        self.builtin = False
        self.form.setEnabled(False)
        self.message.setStyleSheet("color: #B3261E; font-weight: bold;")
        self.message.setText(
            self.tr("⚠ This template cannot be used: {reason}\nDelete it, or import a good copy.").format(reason=reason)
        )
        self._update_buttons()

    def _guard_form(self) -> None:
        """Wheel over the form's fields scrolls the form; the name field takes only usable names."""
        self.form.setEnabled(True)
        self.wheel_guard.guard(self.form)
        name = self.form.widget("name")
        if isinstance(name, QLineEdit) and not isinstance(name.validator(), TemplateNameValidator):
            name.setValidator(TemplateNameValidator(name))
            name.setToolTip(self.tr(NAME_RULE_TEXT))

    def _update_buttons(self) -> None:
        usable = self.broken is None
        ok = usable and self.error is None
        self.buttons["save"].setEnabled(ok and not self.builtin)
        self.buttons["save"].setToolTip(
            self.tr("Built-in templates are read-only: use Save as new") if self.builtin else ""
        )
        self.buttons["save_as"].setEnabled(ok)
        self.buttons["duplicate"].setEnabled(usable)
        self.buttons["rename"].setEnabled(usable and not self.builtin)
        self.buttons["delete"].setEnabled(not self.builtin)
        self.buttons["export"].setEnabled(usable)
        self.buttons["use"].setEnabled(ok)

    # ---- validation and sample -----------------------------------------------------------------------------
    def edited(self) -> Template:
        """The form's template, validated; raises :class:`TemplateError` naming the bad field."""
        return template_from_dict(self.form.to_dict(), "template editor")

    def _form_changed(self) -> None:
        if self.broken is not None:
            return
        self.wheel_guard.guard(self.form)  # rows of parts come and go
        try:
            self.template = self.edited()
        except InputError as exc:
            self.error = exc
            field = exc.field if isinstance(exc, TemplateError) else None
            self._set_message(exc.reason, field)
        else:
            self.error = None
            note = self.tr(" Built-in: save it under a new name to keep changes.") if self.builtin else ""
            self._set_message("", None, note)
            self.timer.start()
        self._update_buttons()

    def _set_message(self, problem: str, field: str | None, note: str = "") -> None:
        self.form.mark_error(field)
        if problem:
            self.message.setStyleSheet("color: #B3261E; font-weight: bold;")
            self.message.setText(f"⚠ {problem}")
        else:
            self.message.setStyleSheet("color: #2E7D32;")
            self.message.setText(self.tr("✓ The template is valid.") + note)

    def refresh_sample(self) -> None:
        if self.template is None or self.error is not None:
            return
        if self.sample_job is not None:
            self.sample_job.cancel()
        template = self.template
        job = self.runner.start(lambda progress, cancel: sample_pages(template, progress, cancel), "sample")
        self.sample_job = job
        job.signals.finished.connect(lambda images: self._show_sample(job, images))
        job.signals.failed.connect(lambda exc: self._sample_failed(job, exc))

    def _show_sample(self, job: Job, images: list[QImage]) -> None:
        if job is not self.sample_job or not images or self._gone():
            return
        self.sample_job = None
        self.sample.setPixmap(QPixmap.fromImage(stack_pages(images)))
        self.sampleReady.emit()

    def _sample_failed(self, job: Job, exc: BaseException) -> None:
        if job is self.sample_job and not self._gone():
            self.sample_job = None
            self.sample.setText(self.tr("The sample could not be made: {error}").format(error=exc))
            self.sampleReady.emit()

    # ---- actions -------------------------------------------------------------------------------------------
    def _store(self, template: Template, *, replace_existing: bool) -> bool:
        if not NAME_RULE.fullmatch(template.name):
            rule = self.tr(NAME_RULE_TEXT)
            error = InputError(self.tr('"{name}" is not a template name. {rule}').format(name=template.name, rule=rule))
            show_error(self, self.tr("The template could not be saved"), error)
            return False
        try:
            store.save_user_template(template, replace_existing=replace_existing)
        except InputError as exc:
            show_error(self, self.tr("The template could not be saved"), exc)
            return False
        self.templatesChanged.emit()
        self.reload_list(template.name)
        return True

    def save(self) -> bool:
        if self.error is not None or self.builtin or self.broken is not None:
            return False
        return self._store(self.edited(), replace_existing=True)

    def save_as_new(self) -> bool:
        if self.error is not None or self.broken is not None:
            return False
        base = self.edited()
        name = self.ask_name(self.tr("Save as new template"), f"{base.name}-copy")
        if not name:
            return False
        import dataclasses

        label = base.label if name == base.name else f"{base.label} ({name})"
        return self._store(dataclasses.replace(base, name=name, label=label), replace_existing=False)

    def duplicate(self) -> bool:
        name = self.current_name()
        if name is None or self.broken is not None:
            return False
        import dataclasses

        original = store.get_template(name)
        taken = {info.name for info in store.list_templates()}
        new, n = f"{name}-copy", 2
        while new in taken:
            new, n = f"{name}-copy{n}", n + 1
        return self._store(
            dataclasses.replace(original, name=new, label=f"{original.label} (copy)"), replace_existing=False
        )

    def rename(self) -> bool:
        name = self.current_name()
        if name is None or self.builtin or self.broken is not None:
            return False
        new = self.ask_name(self.tr("Rename template"), name)
        if not new or new == name:
            return False
        import dataclasses

        if not self._store(dataclasses.replace(store.get_template(name), name=new), replace_existing=False):
            return False
        store.delete_template(name)
        self.templatesChanged.emit()
        self.reload_list(new)
        return True

    def delete(self) -> bool:
        item = self.list.currentItem()
        name = self.current_name()
        if item is None or name is None or self.builtin or not self.confirm_delete(name):
            return False
        try:
            if item.data(ERROR_ROLE):  # its name may not even be a template name: delete the file it is
                store.delete_user_template_file(str(item.data(PATH_ROLE)))
            else:
                store.delete_template(name)
        except InputError as exc:
            show_error(self, self.tr("The template could not be deleted"), exc)
            return False
        self.templatesChanged.emit()
        self.reload_list()
        return True

    def import_file(self) -> bool:
        path = self.ask_import_path()
        if not path:
            return False
        try:
            template = store.import_template(path)
        except InputError as exc:
            show_error(self, self.tr("The template could not be imported"), exc)
            return False
        self.templatesChanged.emit()
        self.reload_list(template.name)
        return True

    def export_file(self) -> bool:
        name = self.current_name()
        if self.broken is not None:
            return False
        path = self.ask_export_path(name) if name else None
        if not name or not path:
            return False
        try:
            store.export_template(name, path)
        except InputError as exc:
            show_error(self, self.tr("The template could not be exported"), exc)
            return False
        return True

    def use(self) -> None:
        name = self.current_name()
        if name and self.error is None and self.broken is None:
            self.templateChosen.emit(name)

    def _gone(self) -> bool:
        """True when the editor went away with its window while a sample was being made (Qt deleted it)."""
        try:
            self.sample.objectName()
        except RuntimeError:
            return True
        return False

    def done(self, result: int) -> None:
        self.timer.stop()
        if self.sample_job is not None:
            self.sample_job.cancel()
            self.sample_job = None  # a sample finishing after this is not shown
        super().done(result)
