"""The template editor: every template setting in a form, a live sample, inline validation messages, and
save as new, duplicate, rename, delete, import and export. Built-in templates are read-only: edit one and save
it under a new name."""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
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
from briefgen.gui.template_form import TemplateForm
from briefgen.gui.template_sample import sample_pages, stack_pages
from briefgen.gui.workers import Job, JobRunner
from briefgen.templates import store
from briefgen.templates.fields import TemplateError
from briefgen.templates.schema import Template
from briefgen.templates.serialize import template_to_dict
from briefgen.templates.validate import template_from_dict

SAMPLE_DEBOUNCE_MS = 400


class TemplateEditor(QDialog):
    templatesChanged = Signal()  # noqa: N815
    templateChosen = Signal(str)  # noqa: N815
    sampleReady = Signal()  # noqa: N815

    def __init__(self, current: str, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Templates")
        self.setObjectName("templateEditor")
        self.resize(1380, 860)
        self.runner = runner
        self.template: Template | None = None
        self.builtin = False
        self.error: TemplateError | InputError | None = None
        self.sample_job: Job | None = None

        self.list = QListWidget(self)
        self.list.setAccessibleName("Templates")
        self.form = TemplateForm(self)
        form_scroll = QScrollArea(self)
        form_scroll.setWidget(self.form)
        form_scroll.setWidgetResizable(True)
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Validation message")
        self.sample = QLabel("Sample", self)
        self.sample.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.sample.setAccessibleName("Live sample of the template")
        sample_scroll = QScrollArea(self)
        sample_scroll.setWidget(self.sample)
        sample_scroll.setWidgetResizable(True)
        sample_scroll.setStyleSheet("background: #8A8F98;")

        self.buttons: dict[str, QPushButton] = {}
        left = QWidget(self)
        llayout = QVBoxLayout(left)
        llayout.addWidget(QLabel("<b>Templates</b>", left))
        llayout.addWidget(self.list, 1)
        for key, text, slot in (
            ("save", "&Save", self.save),
            ("save_as", "Save as &new…", self.save_as_new),
            ("duplicate", "&Duplicate", self.duplicate),
            ("rename", "&Rename…", self.rename),
            ("delete", "De&lete", self.delete),
            ("import", "&Import…", self.import_file),
            ("export", "E&xport…", self.export_file),
            ("use", "&Use for this brief", self.use),
        ):
            button = QPushButton(text, left)
            button.clicked.connect(slot)
            self.buttons[key] = button
            llayout.addWidget(button)
        close = QPushButton("Close", left)
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
        name, ok = QInputDialog.getText(self, title, "Template name (letters, digits, - and _):", text=default)
        return name.strip() if ok and name.strip() else None

    def confirm_delete(self, name: str) -> bool:
        answer = QMessageBox.question(self, "Delete template", f"Delete the template “{name}”?")
        return answer == QMessageBox.StandardButton.Yes

    def ask_import_path(self) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self, "Import template", str(Path.home()), "Templates (*.json)")
        return path or None

    def ask_export_path(self, name: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Export template", str(Path.home() / f"{name}.json"), "Templates (*.json)"
        )
        return path or None

    # ---- list ----------------------------------------------------------------------------------------------
    def reload_list(self, select: str | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for info in store.list_templates():
            label = f"{info.label} (built-in)" if info.builtin else info.label
            if info.error:
                label = f"{info.name} (cannot be used)"
            item = QListWidgetItem(label)
            item.setData(256, info.name)
            item.setToolTip(info.error or info.description)
            if info.error:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            self.list.addItem(item)
        self.list.blockSignals(False)
        names = [self.list.item(i).data(256) for i in range(self.list.count())]
        target = select if select in names else (names[0] if names else None)
        if target is not None:
            self.list.setCurrentRow(names.index(target))

    def _current_changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is not None:
            self.show_template(str(current.data(256)))

    def current_name(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(256)) if item else None

    def show_template(self, name: str) -> None:
        try:
            template = store.get_template(name)
        except InputError as exc:
            self._set_message(str(exc), None)
            return
        self.template = template
        from briefgen.templates.builtins import is_builtin

        self.builtin = is_builtin(name)
        self.form.load(copy.deepcopy(template_to_dict(template)))
        self._form_changed()
        self._update_buttons()

    def _update_buttons(self) -> None:
        ok = self.error is None
        self.buttons["save"].setEnabled(ok and not self.builtin)
        self.buttons["save"].setToolTip("Built-in templates are read-only: use Save as new" if self.builtin else "")
        self.buttons["save_as"].setEnabled(ok)
        self.buttons["rename"].setEnabled(not self.builtin)
        self.buttons["delete"].setEnabled(not self.builtin)
        self.buttons["use"].setEnabled(ok)

    # ---- validation and sample -----------------------------------------------------------------------------
    def edited(self) -> Template:
        """The form's template, validated; raises :class:`TemplateError` naming the bad field."""
        return template_from_dict(self.form.to_dict(), "template editor")

    def _form_changed(self) -> None:
        try:
            self.template = self.edited()
        except InputError as exc:
            self.error = exc
            field = exc.field if isinstance(exc, TemplateError) else None
            self._set_message(exc.reason, field)
        else:
            self.error = None
            note = " Built-in: save it under a new name to keep changes." if self.builtin else ""
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
            self.message.setText(f"✓ The template is valid.{note}")

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
        if job is not self.sample_job or not images:
            return
        self.sample_job = None
        self.sample.setPixmap(QPixmap.fromImage(stack_pages(images)))
        self.sampleReady.emit()

    def _sample_failed(self, job: Job, exc: BaseException) -> None:
        if job is self.sample_job:
            self.sample_job = None
            self.sample.setText(f"The sample could not be made: {exc}")
            self.sampleReady.emit()

    # ---- actions -------------------------------------------------------------------------------------------
    def _store(self, template: Template, *, replace_existing: bool) -> bool:
        try:
            store.save_user_template(template, replace_existing=replace_existing)
        except InputError as exc:
            show_error(self, "The template could not be saved", exc)
            return False
        self.templatesChanged.emit()
        self.reload_list(template.name)
        return True

    def save(self) -> bool:
        if self.error is not None or self.builtin:
            return False
        return self._store(self.edited(), replace_existing=True)

    def save_as_new(self) -> bool:
        if self.error is not None:
            return False
        base = self.edited()
        name = self.ask_name("Save as new template", f"{base.name}-copy")
        if not name:
            return False
        import dataclasses

        label = base.label if name == base.name else f"{base.label} ({name})"
        return self._store(dataclasses.replace(base, name=name, label=label), replace_existing=False)

    def duplicate(self) -> bool:
        name = self.current_name()
        if name is None:
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
        if name is None or self.builtin:
            return False
        new = self.ask_name("Rename template", name)
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
        name = self.current_name()
        if name is None or self.builtin or not self.confirm_delete(name):
            return False
        try:
            store.delete_template(name)
        except InputError as exc:
            show_error(self, "The template could not be deleted", exc)
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
            show_error(self, "The template could not be imported", exc)
            return False
        self.templatesChanged.emit()
        self.reload_list(template.name)
        return True

    def export_file(self) -> bool:
        name = self.current_name()
        path = self.ask_export_path(name) if name else None
        if not name or not path:
            return False
        try:
            store.export_template(name, path)
        except InputError as exc:
            show_error(self, "The template could not be exported", exc)
            return False
        return True

    def use(self) -> None:
        name = self.current_name()
        if name and self.error is None:
            self.templateChosen.emit(name)

    def done(self, result: int) -> None:
        self.timer.stop()
        if self.sample_job is not None:
            self.sample_job.cancel()
        super().done(result)
