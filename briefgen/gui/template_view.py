"""What the template editor shows: the list of templates (broken ones with the reason), the chosen template in
the form, its validation message, and a live sample made in the background. The editor (template_editor.py) adds
the buttons' actions."""

from __future__ import annotations

import builtins
import copy

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QStyle

from briefgen.errors import InputError, TemplateError
from briefgen.gui.template_form import TemplateForm
from briefgen.gui.template_names import NAME_RULE_TEXT, TemplateNameValidator
from briefgen.gui.template_sample import SampleArea, sample_pages, stack_pages
from briefgen.gui.wheel_guard import WheelGuard
from briefgen.gui.workers import Job, JobRunner
from briefgen.templates import store
from briefgen.templates.schema import Template
from briefgen.templates.serialize import template_to_dict
from briefgen.templates.validate import template_from_dict

NAME_ROLE = 256
"""List item data: the template's name (a broken file's name without .json)."""
PATH_ROLE = 257
"""List item data: where a user template is stored."""
ERROR_ROLE = 258
"""List item data: why a stored template cannot be used, or ``None``."""
LIST_SLACK = 4
"""Pixels the template list keeps beyond its longest built-in name (some styles pad items a little more)."""


class TemplateView(QDialog):
    """The list, the form, the message and the sample (the editor creates the widgets declared here)."""

    sampleReady = Signal()  # noqa: N815

    runner: JobRunner
    list: QListWidget
    form: TemplateForm
    message: QLabel
    sample: QLabel
    sample_area: SampleArea
    buttons: dict[str, QPushButton]
    wheel_guard: WheelGuard
    timer: QTimer
    template: Template | None
    builtin: bool
    broken: str | None
    """Why the chosen stored template cannot be used (it can only be deleted), or ``None``."""
    error: TemplateError | InputError | None
    sample_job: Job | None

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
            # the whole name first: a long one is shortened in the list
            item.setToolTip("\n".join(t for t in (label, info.error or info.description) if t))
            if info.error:
                item.setForeground(Qt.GlobalColor.darkRed)
            self.list.addItem(item)
        self.list.blockSignals(False)
        names = [self.list.item(i).data(NAME_ROLE) for i in range(self.list.count())]
        target = select if select in names else (names[0] if names else None)
        if target is not None:
            self.list.setCurrentRow(names.index(target))

    def list_width_needed(self) -> int:
        """The list's width that shows the built-in templates' names whole (a longer name of the user's, or any
        name in a narrower list, is shortened at its end and whole in its tooltip), with room for a scroll bar
        when the list grows long."""
        builtin = [self.list.item(i).text() for i in range(self.list.count()) if self._is_builtin_row(i)]
        metrics = self.list.fontMetrics()
        style = self.list.style()
        text = max((metrics.horizontalAdvance(t) for t in builtin), default=0)
        item_margins = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.list) + 1)
        scroll_bar = style.pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self.list)
        return text + item_margins + scroll_bar + 2 * self.list.frameWidth() + LIST_SLACK

    def _is_builtin_row(self, row: int) -> bool:
        from briefgen.templates.builtins import is_builtin

        item = self.list.item(row)
        return not item.data(ERROR_ROLE) and is_builtin(str(item.data(NAME_ROLE)))

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

    def _show_sample(self, job: Job, images: builtins.list[QImage]) -> None:
        if job is not self.sample_job or not images or self._gone():
            return
        self.sample_job = None
        self.sample_area.show_image(stack_pages(images))
        self.sampleReady.emit()

    def _sample_failed(self, job: Job, exc: BaseException) -> None:
        if job is self.sample_job and not self._gone():
            self.sample_job = None
            self.sample_area.show_image(None)
            self.sample.setText(self.tr("The sample could not be made: {error}").format(error=exc))
            self.sampleReady.emit()

    def _gone(self) -> bool:
        """True when the editor went away with its window while a sample was being made (Qt deleted it)."""
        try:
            self.sample.objectName()
        except RuntimeError:
            return True
        return False
