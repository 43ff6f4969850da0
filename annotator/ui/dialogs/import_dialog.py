"""The import dialog: the inputs with their detected formats, and the choices an import needs.

Every input is detected as it is added (the first 64 KiB, on the GUI thread); its
chats or table head are then read in the background. Options show only where they
apply: a chat list for an export holding several chats, the column mapping for
tables. OK ("Import") is enabled once nothing is missing, so the common case (one
file of a known format) is one click. The dialog never imports: it emits
:attr:`ImportDialog.import_requested` and the main window starts the import.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.importers import registry
from annotator.core.importers.base import ImportOptions
from annotator.core.progress import Cancelled
from annotator.ui.background import BackgroundReads
from annotator.ui.dialogs.chat_section import ChatSection
from annotator.ui.dialogs.table_section import TableSection
from annotator.ui.errors import show_error, user_message
from annotator.ui.import_inputs import InputDetails, InputState, detect, format_label, inspect_input
from annotator.ui.models.import_inputs import Column, InputListModel
from annotator.ui.settings import Settings

ERROR_STYLE = "color: #b00020;"


class ImportDialog(QDialog):
    """Lists the inputs of an import and collects its options; open it with ``open()``."""

    import_requested = Signal(list, str, object)
    """import_requested(paths: list[Path], format_id: str, options: dict[Path, ImportOptions]): the
    user pressed Import; emitted just before the dialog closes as accepted."""

    def __init__(
        self, settings: Settings, paths: Sequence[Path] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import posts"))
        self._settings = settings
        self._ok_focused = False
        self.reads = BackgroundReads(self)
        self.inputs = InputListModel(self)
        self.inputs_view = QTableView(self)
        self.inputs_view.setModel(self.inputs)
        self.add_files_button = QPushButton(self.tr("Add &files…"), self)
        self.add_folder_button = QPushButton(self.tr("Add f&older…"), self)
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.format_combo = QComboBox(self)
        self.format_combo.addItem(self.tr("Detect automatically"), registry.AUTO)
        for importer in registry.importers():
            self.format_combo.addItem(format_label(importer.format_id), importer.format_id)
        self.reading_label = QLabel(self)
        self.reading_button = QPushButton(self)
        self.chat_section = ChatSection(self)
        self.table_section = TableSection(settings, self)
        self.problem_label = QLabel(self)
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet(ERROR_STYLE)
        self.problem_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Import"))
        self.ok_button.setDefault(True)
        self._lay_out()
        self._connect()
        self.resize(820, 600)
        self.add_paths(paths)
        self._refresh()

    # The inputs and the choices

    def add_paths(self, paths: Sequence[Path]) -> None:
        """Add inputs (files or folders) not listed yet, detect them and start reading them."""
        known = set(self.inputs.paths())
        for path in (Path(p) for p in paths):
            if path not in known:
                known.add(path)
                state = detect(path, self.format_id())
                self.inputs.add(state)
                self._inspect(state)
        self._refresh()

    def remove_row(self, row: int) -> None:
        state = self.inputs.remove(row)
        self.reads.cancel(state.key)
        self._refresh()

    def paths(self) -> list[Path]:
        return self.inputs.paths()

    def format_id(self) -> str:
        """The format chosen in the drop-down (``registry.AUTO``: detect each input)."""
        return str(self.format_combo.currentData())

    def set_format_id(self, format_id: str) -> None:
        self.format_combo.setCurrentIndex(self.format_combo.findData(format_id))

    def is_reading(self) -> bool:
        return any(state.reading for state in self.inputs.states())

    def problem(self) -> str | None:
        """Why the import cannot start yet (shown above the buttons), or ``None``."""
        states = self.inputs.states()
        if not states:
            return self.tr("Add the files or folders to import.")
        for state in states:
            if state.error is not None:
                return self.tr("{reason} Remove it, or choose its format.").format(
                    reason=user_message(state.error))
        for state in states:
            if state.reading:
                return self.tr("Reading “{name}”…").format(name=state.path.name)
        choosing = [s for s in states if s.needs_chat_choice]
        if len(choosing) > 1:
            return self.tr("“{name}” and “{other}” both hold several chats; import them one "
                           "at a time to choose their chats.").format(
                name=choosing[0].path.name, other=choosing[1].path.name)
        if choosing and not self.chat_section.ticked_keys():
            return self.tr("Tick at least one chat to import.")
        return self.table_section.problem()

    def options(self) -> dict[Path, ImportOptions]:
        """The options of each input: the chats ticked go to the input that holds several,
        the column mapping to the tables. Writes the table mapping to a file when it is in
        none yet (raises OSError when that fails)."""
        states = self.inputs.states()
        tables = [s for s in states if s.is_table]
        mapping = self.table_section.mapping_file() if tables else None
        sheet = self.table_section.choice.sheet if tables else None
        chats = self.chat_section.ticked_keys()
        return {
            s.path: ImportOptions(
                chats if s.needs_chat_choice else (),
                mapping if s.is_table else None,
                sheet if s.is_table else None,
            )
            for s in states
        }

    # Qt overrides

    def accept(self) -> None:
        if not self.ok_button.isEnabled():
            return
        try:
            options = self.options()
        except OSError as exc:
            show_error(self, exc)
            return
        self.import_requested.emit(self.paths(), self.format_id(), options)
        super().accept()

    def done(self, result: int) -> None:
        self.reads.shutdown()
        super().done(result)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._focus_ok()

    # Slots

    def _on_add_files_button_clicked(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add files to import"), self._start_folder(), import_filter())
        if names:
            self._settings.set_import_folder(Path(names[0]).parent)
            self.add_paths([Path(n) for n in names])

    def _on_add_folder_button_clicked(self) -> None:
        name = QFileDialog.getExistingDirectory(
            self, self.tr("Add an export folder"), self._start_folder())
        if name:
            self._settings.set_import_folder(Path(name).parent)
            self.add_paths([Path(name)])

    def _on_remove_button_clicked(self) -> None:
        rows = sorted({i.row() for i in self.inputs_view.selectionModel().selectedRows()},
                      reverse=True)
        for row in rows:
            self.remove_row(row)

    def _on_format_combo_changed(self, _index: int) -> None:
        self.reads.cancel_all()
        for path in self.inputs.paths():
            state = detect(path, self.format_id())
            self.inputs.replace(state)
            self._inspect(state)
        self._refresh()

    def _on_reading_button_clicked(self) -> None:
        if self.is_reading():
            self.reads.cancel_all()
            for state in self.inputs.states():
                if state.reading:
                    self.inputs.replace(replace(state, reading=False, cancelled=True))
        else:
            for state in self.inputs.states():
                if state.cancelled:
                    self._inspect(state)
        self._refresh()

    def _on_reads_progressed(self, key: str, done: int, total: int) -> None:
        state = self._state(key)
        # Only whole percents are shown: a large export reports thousands of steps.
        if state is not None and _percent(done, total) != _percent(state.done, state.total):
            self.inputs.replace(replace(state, done=done, total=total))

    def _on_reads_succeeded(self, key: str, details: object) -> None:
        state = self._state(key)
        if state is not None and isinstance(details, InputDetails):
            self.inputs.replace(replace(state, reading=False, details=details))
            self._refresh()

    def _on_reads_failed(self, key: str, error: BaseException) -> None:
        state = self._state(key)
        if state is None:
            return
        if isinstance(error, Cancelled):
            self.inputs.replace(replace(state, reading=False, cancelled=True))
        else:
            self.inputs.replace(replace(state, reading=False, error=error))
        self._refresh()

    def _on_section_changed(self) -> None:
        self._refresh()

    # Helpers

    def _inspect(self, state: InputState) -> None:
        if state.error is not None or state.format_id is None:
            return
        self.inputs.replace(replace(state, reading=True, cancelled=False, done=0, total=0))
        self.reads.run(state.key, partial(inspect_input, state.path, state.format_id))

    def _state(self, key: str) -> InputState | None:
        return next((s for s in self.inputs.states() if s.key == key), None)

    def _refresh(self) -> None:
        states = self.inputs.states()
        choosing = next((s for s in states if s.needs_chat_choice and s.error is None), None)
        self.chat_section.show_input(choosing)
        self.table_section.show_tables([s for s in states if s.is_table])
        reading = self.is_reading()
        cancelled = any(s.cancelled for s in states)
        if reading:
            self.reading_label.setText(self.tr("Reading the inputs…"))
        elif cancelled:
            self.reading_label.setText(
                self.tr("Reading stopped: the import will check the inputs itself."))
        self.reading_label.setVisible(reading or cancelled)
        self.reading_button.setText(self.tr("&Stop reading") if reading else self.tr("&Read again"))
        self.reading_button.setVisible(reading or cancelled)
        self.remove_button.setEnabled(bool(states))
        problem = self.problem()
        self.problem_label.setText(problem or "")
        self.problem_label.setVisible(problem is not None)
        self.ok_button.setEnabled(problem is None)
        self._focus_ok()

    def _focus_ok(self) -> None:
        """Give Import the focus once, when it is first enabled while the dialog shows,
        unless the user has moved on to another control meanwhile."""
        if self._ok_focused or not self.isVisible() or not self.ok_button.isEnabled():
            return
        self._ok_focused = True
        if self.focusWidget() in (None, self.inputs_view):
            self.ok_button.setFocus()

    def _start_folder(self) -> str:
        folder = self._settings.import_folder()
        return str(folder) if folder is not None else ""

    def _connect(self) -> None:
        self.add_files_button.clicked.connect(self._on_add_files_button_clicked)
        self.add_folder_button.clicked.connect(self._on_add_folder_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.format_combo.currentIndexChanged.connect(self._on_format_combo_changed)
        self.reading_button.clicked.connect(self._on_reading_button_clicked)
        self.reads.progressed.connect(self._on_reads_progressed)
        self.reads.succeeded.connect(self._on_reads_succeeded)
        self.reads.failed.connect(self._on_reads_failed)
        self.chat_section.changed.connect(self._on_section_changed)
        self.table_section.changed.connect(self._on_section_changed)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _lay_out(self) -> None:
        view = self.inputs_view
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(False)
        view.verticalHeader().setVisible(False)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        view.setColumnWidth(Column.INPUT, 220)
        view.setColumnWidth(Column.FORMAT, 240)
        side = QVBoxLayout()
        for button in (self.add_files_button, self.add_folder_button, self.remove_button):
            side.addWidget(button)
        side.addStretch(1)
        inputs = QHBoxLayout()
        inputs.addWidget(view, 1)
        inputs.addLayout(side)
        format_row = QHBoxLayout()
        format_label_ = QLabel(self.tr("F&ormat:"), self)
        format_label_.setBuddy(self.format_combo)
        format_row.addWidget(format_label_)
        format_row.addWidget(self.format_combo, 1)
        format_row.addSpacing(12)
        format_row.addWidget(self.reading_label)
        format_row.addWidget(self.reading_button)
        layout = QVBoxLayout(self)
        layout.addLayout(inputs, 2)
        layout.addLayout(format_row)
        layout.addWidget(self.chat_section, 2)
        layout.addWidget(self.table_section)
        layout.addStretch(0)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)


def _percent(done: int, total: int) -> int:
    return 100 * done // total if total > 0 else -1


def import_filter() -> str:
    """The file-type filter of file choosers for import inputs."""
    return QCoreApplication.translate(
        "ImportDialog",
        "Telegram exports and tables (*.json *.html *.htm *.txt *.csv *.tsv *.xlsx);;"
        "All files (*)")
