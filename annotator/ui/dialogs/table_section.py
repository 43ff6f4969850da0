"""The import dialog's column mapping for tables: the preset found, or columns the user sets.

One mapping serves every table of an import (ImportOptions has one); ``None`` lets
the core pick each table's preset. A mapping chosen here reaches the import as a
file: the one the user loaded or saved it to, else :func:`locations.import_mapping_path`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.importers.mapping import (
    Mapping,
    load_mapping,
    preset_by_id,
    save_mapping,
)
from annotator.core.importers.table_columns import bind
from annotator.ui import locations
from annotator.ui.column_assignment import suggested_mapping
from annotator.ui.dialogs.mapping_dialog import MappingDialog
from annotator.ui.errors import show_error, user_message
from annotator.ui.import_inputs import InputState
from annotator.ui.settings import Settings


class Origin(Enum):
    """Where the table mapping came from."""

    UNREAD = "unread"  # the table was not read (yet): the core will pick a preset
    PRESET = "preset"  # the header row matched a bundled preset
    GUESSED = "guessed"  # no preset; columns guessed from the header names
    MISSING = "missing"  # no preset and no guess: the user must set the columns
    EDITED = "edited"  # set in the mapping dialog
    LOADED = "loaded"  # read from a mapping file


@dataclass(frozen=True, slots=True)
class TableChoice:
    """The mapping for the tables of an import (``None``: each table's preset), the file
    holding exactly it (if any), the XLSX sheet, and the preset's name for PRESET."""

    origin: Origin
    mapping: Mapping | None = None
    file: Path | None = None
    sheet: str | None = None
    preset: Mapping | None = None


def starting_choice(state: InputState) -> TableChoice:
    """The choice for a table before the user does anything."""
    preview = state.preview
    if preview is None:
        return TableChoice(Origin.UNREAD)
    preset = preset_by_id(preview.detected_preset) if preview.detected_preset else None
    if preset is not None:
        return TableChoice(Origin.PRESET, preset=preset.mapping)
    guess = suggested_mapping(preview.headers)
    return TableChoice(Origin.GUESSED if guess else Origin.MISSING, guess)


class TableSection(QGroupBox):
    """Shows and changes the :class:`TableChoice`; hidden while no input is a table."""

    changed = Signal()
    """changed(): the user changed the table mapping (Columns…, Load or Save mapping…)."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Table columns"), parent)
        self._settings = settings
        self._tables: list[InputState] = []
        self.choice = TableChoice(Origin.UNREAD)
        self.mapping_dialog: MappingDialog | None = None
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.columns_button = QPushButton(self.tr("&Columns…"), self)
        self.load_button = QPushButton(self.tr("&Load mapping…"), self)
        self.save_button = QPushButton(self.tr("&Save mapping…"), self)
        buttons = QHBoxLayout()
        for button in (self.columns_button, self.load_button, self.save_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)
        self.columns_button.clicked.connect(self._on_columns_button_clicked)
        self.load_button.clicked.connect(self._on_load_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.hide()

    def show_tables(self, tables: list[InputState]) -> None:
        """Show the choice for ``tables`` (the first one is previewed); the user's choice is
        kept while the first table stays the same and has been read. Emits nothing."""
        first = tables[0] if tables else None
        before = self._tables[0] if self._tables else None
        self._tables = list(tables)
        self.setVisible(first is not None)
        if first is None:
            self.choice = TableChoice(Origin.UNREAD)
        elif before is None or before.path != first.path or before.preview != first.preview:
            self.choice = starting_choice(first)
        self._update()

    def problem(self) -> str | None:
        """Why the tables cannot be imported with the current choice, or ``None``."""
        if not self._tables:
            return None
        if self.choice.origin == Origin.MISSING:
            return self.tr("No preset matched the columns of “{name}”: set them with "
                           "Columns…").format(name=self._tables[0].path.name)
        for state in self._tables:
            preview = state.preview
            if preview is None:
                continue
            if self.choice.mapping is None and preview.detected_preset is None:
                return self.tr("No preset matched the columns of “{name}”: import it on "
                               "its own to set its columns.").format(name=state.path.name)
            if self.choice.mapping is not None:
                try:
                    bind(self.choice.mapping, preview.headers, state.path)
                except Exception as exc:  # a readable mismatch, shown instead of importing
                    return user_message(exc)
        return None

    def mapping_file(self) -> Path | None:
        """The mapping file for ImportOptions.mapping, writing the mapping when it is in no
        file yet (raises OSError when that fails); ``None`` for presets."""
        choice = self.choice
        if choice.mapping is None:
            return None
        if choice.file is not None:
            return choice.file
        path = locations.import_mapping_path()
        save_mapping(choice.mapping, path)
        return path

    # Slots

    def _on_columns_button_clicked(self) -> None:
        if not self._tables:
            return
        base = self.choice.mapping or self.choice.preset
        dialog = MappingDialog(self._tables[0].path, base, self.choice.sheet, self.window())
        dialog.accepted.connect(self._on_mapping_dialog_accepted)
        dialog.finished.connect(self._on_mapping_dialog_finished)
        self.mapping_dialog = dialog
        dialog.open()

    def _on_mapping_dialog_accepted(self) -> None:
        dialog = self.mapping_dialog
        mapping = dialog.mapping() if dialog is not None else None
        if dialog is None or mapping is None:
            return
        sheet = dialog.sheet()
        unchanged_preset = (self.choice.origin == Origin.PRESET
                            and mapping == self.choice.preset and sheet == self.choice.sheet)
        if not unchanged_preset and mapping != self.choice.mapping:
            self.choice = TableChoice(Origin.EDITED, mapping, sheet=sheet,
                                      preset=self.choice.preset)
        elif sheet != self.choice.sheet:
            self.choice = replace(self.choice, sheet=sheet)
        self._update()
        self.changed.emit()

    def _on_mapping_dialog_finished(self) -> None:
        dialog, self.mapping_dialog = self.mapping_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def _on_load_button_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Load column mapping"), str(self._start_folder()), self._filter())
        if not name:
            return
        path = Path(name)
        self._settings.set_import_folder(path.parent)
        try:
            mapping = load_mapping(path)
            first = self._tables[0] if self._tables else None
            if first is not None and first.preview is not None:
                bind(mapping, first.preview.headers, first.path)
        except Exception as exc:  # shown; the previous choice stays
            show_error(self, exc)
            return
        self.choice = TableChoice(Origin.LOADED, mapping, path, self.choice.sheet,
                                  self.choice.preset)
        self._update()
        self.changed.emit()

    def _on_save_button_clicked(self) -> None:
        mapping = self.choice.mapping or self.choice.preset
        if mapping is None or not self._tables:
            return
        suggested = self._start_folder() / f"{self._tables[0].path.stem}.mapping.yaml"
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save column mapping"), str(suggested), self._filter())
        if not name:
            return
        path = Path(name)
        self._settings.set_import_folder(path.parent)
        try:
            save_mapping(mapping, path)
        except Exception as exc:  # shown; nothing else changes
            show_error(self, exc)
            return
        if self.choice.mapping is not None:
            self.choice = replace(self.choice, file=path)
        self._update()
        self.changed.emit()

    def _update(self) -> None:
        read = self.choice.origin != Origin.UNREAD
        self.columns_button.setEnabled(read)
        self.load_button.setEnabled(bool(self._tables))
        self.save_button.setEnabled(self.choice.mapping is not None
                                    or self.choice.preset is not None)
        self.status_label.setText(self._describe())

    def _describe(self) -> str:
        choice, tables = self.choice, self._tables
        if not tables:
            return ""
        name = tables[0].path.name
        match choice.origin:
            case Origin.UNREAD:
                text = self.tr("“{name}” was not read; the import will use the preset its "
                               "header row matches.").format(name=name)
            case Origin.PRESET:
                preset = choice.preset.name if choice.preset is not None else None
                text = self.tr("Preset detected for “{name}”: {preset}.").format(
                    name=name, preset=preset or "")
            case Origin.GUESSED:
                text = self.tr("No preset matched “{name}”: columns guessed from the header "
                               "names ({fields}); check them with Columns…").format(
                    name=name, fields=self._fields())
            case Origin.MISSING:
                text = self.tr("No preset matched “{name}”: set the columns.").format(name=name)
            case Origin.EDITED:
                text = self.tr("Columns set by hand: {fields}.").format(fields=self._fields())
            case Origin.LOADED:
                text = self.tr("Columns from “{file}”: {fields}.").format(
                    file=choice.file.name if choice.file else "", fields=self._fields())
        if choice.file is not None and choice.origin != Origin.LOADED:
            text += " " + self.tr("Saved as “{file}”.").format(file=choice.file.name)
        if len(tables) > 1:
            text += " " + self.tr("The columns apply to all {count} tables.").format(
                count=len(tables))
        return text

    def _fields(self) -> str:
        mapping = self.choice.mapping
        if mapping is None:
            return ""
        return ", ".join(f"{field} ← {' / '.join(column.names)}"
                         for field, column in mapping.columns.mapped().items())

    def _start_folder(self) -> Path:
        folder = self._settings.import_folder()
        if folder is not None:
            return folder
        return self._tables[0].path.parent if self._tables else Path.home()

    def _filter(self) -> str:
        return self.tr("Column mappings (*.yaml *.yml *.json);;All files (*)")
