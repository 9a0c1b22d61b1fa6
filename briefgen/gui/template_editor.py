"""The template editor: every template setting in a form, a live sample, inline validation messages, and
save as new, duplicate, rename, delete, import and export. Built-in templates are read-only: edit one and save
it under a new name. A stored template that cannot be used (broken, or badly named) is listed with the reason
and can be deleted. Template names are checked as they are typed (template_names.py); what the editor shows is
in template_view.py, the parts table and special fields in template_parts.py and template_fields.py."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from briefgen.errors import InputError
from briefgen.gui.errors_dialog import show_error
from briefgen.gui.screen_fit import fit_to_screen
from briefgen.gui.template_form import TemplateForm
from briefgen.gui.template_names import NAME_RULE_TEXT, NameDialog
from briefgen.gui.template_sample import SampleArea
from briefgen.gui.template_view import ERROR_ROLE, PATH_ROLE, TemplateView
from briefgen.gui.wheel_guard import WheelGuard
from briefgen.gui.workers import JobRunner
from briefgen.templates import store
from briefgen.templates.schema import Template
from briefgen.templates.validate import NAME_RULE

SAMPLE_DEBOUNCE_MS = 400
EDITOR_SIZE = (1240, 660)
"""The editor's size when it opens: it fits a 1366 x 768 laptop screen, panel and title bar included (and is
shrunk further to fit a smaller screen)."""
FORM_WIDTH = 580
"""The settings pane's width when the editor opens: the parts table shows all its columns, Heading readable."""
FORM_SHARE = 0.63
"""At most this share of the width beside the template list goes to the settings (a small screen), the rest to
the sample."""
SAMPLE_MIN_WIDTH = 150
"""The sample's pane keeps at least this width when the editor opens or resizes."""
LEFT_MIN_WIDTH = 150
"""The template list's pane keeps at least this width when the editor opens or resizes."""
SPLITTER_ALLOWANCE = 30
"""The editor's margins and the splitter's handles, in pixels."""


class TemplateEditor(TemplateView):
    templatesChanged = Signal()  # noqa: N815
    templateChosen = Signal(str)  # noqa: N815

    def __init__(self, current: str, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Templates"))
        self.setObjectName("templateEditor")
        fit_to_screen(self, *EDITOR_SIZE)
        self.runner = runner
        self.template = None
        self.builtin = False
        self.broken = None
        self.name_dialog: NameDialog | None = None
        self.error = None
        self.sample_job = None

        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Templates"))
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)  # a long name of the user's: whole in its tooltip
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
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
        self.sample_area = SampleArea(self.sample, self)  # the pages scaled to fit its width
        self.sample_area.setAccessibleName(self.tr("Sample brief in this template"))

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
        splitter.addWidget(self.sample_area)
        splitter.setStretchFactor(1, 0)
        splitter.setStretchFactor(2, 1)
        self.splitter = splitter
        self.left_pane = left
        self.middle_pane = middle
        self.panes_moved = False
        """Whether the user dragged a splitter handle: the panes then keep their widths as the editor resizes."""
        splitter.splitterMoved.connect(self._panes_moved)
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SAMPLE_DEBOUNCE_MS)
        self.timer.timeout.connect(self.refresh_sample)
        self.form.changed.connect(self._form_changed)
        self.list.currentItemChanged.connect(self._current_changed)
        self.reload_list(current)
        self.fit_panes()

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

    # ---- layout --------------------------------------------------------------------------------------------
    def fit_panes(self) -> None:
        """The list as wide as the built-in names, the form wide enough for the parts table's columns (Heading
        keeps room), the sample the rest (its pages are scaled to fit it). On a small screen the form keeps the
        width it needs first, then the sample its least, and the list gives way (its names shortened)."""
        available = max(0, self.width() - SPLITTER_ALLOWANCE)
        left_layout = self.left_pane.layout()
        margins = left_layout.contentsMargins() if left_layout is not None else None
        left = self.list_width_needed() + (margins.left() + margins.right() if margins is not None else 0)
        form = min(FORM_WIDTH, max(round((available - left) * FORM_SHARE), self._form_needs()))
        left = max(min(left, available - form - SAMPLE_MIN_WIDTH), LEFT_MIN_WIDTH)
        form = max(0, min(form, available - left - SAMPLE_MIN_WIDTH))
        self.splitter.setSizes([left, form, max(0, available - left - form)])

    def _form_needs(self) -> int:
        """The settings pane's width that shows the form without sideways scrolling."""
        scroll = self.form_scroll
        bar = scroll.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, scroll)
        layout = self.middle_pane.layout()
        margins = layout.contentsMargins().left() + layout.contentsMargins().right() if layout is not None else 0
        return self.form.minimumSizeHint().width() + bar + 2 * scroll.frameWidth() + margins

    def _panes_moved(self, _pos: int, _index: int) -> None:
        self.panes_moved = True

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if not self.panes_moved:
            self.fit_panes()

    def done(self, result: int) -> None:
        self.timer.stop()
        if self.sample_job is not None:
            self.sample_job.cancel()
            self.sample_job = None  # a sample finishing after this is not shown
        super().done(result)
