"""Edit → Preferences…: text size, theme, word snapping, backups, language, the log folder.

:class:`SettingsDialog` edits the stored preferences (``ui/settings.py``; QSettings
keeps them where the platform keeps such things: the registry, a plist, ``~/.config``).
:class:`Preferences` opens it from the menu and applies what it saved at once: text size
and theme (:mod:`annotator.ui.appearance`), word snapping (read each time a selection
is coded; the Coding menu's check mark follows) and the backup frequency. Only a new
language waits for a restart.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.core import backups
from annotator.ui import appearance, locations, translations
from annotator.ui.autobackup import AutoBackup
from annotator.ui.settings import FONT_SIZES, Settings, Theme

_DEFAULT_SIZE = FONT_SIZES.start - 1
"""The text size spin box's lowest value, shown as "Default" (stored as 0)."""


class SettingsDialog(QDialog):
    """The preferences, read from and saved to ``settings`` (OK or Apply)."""

    applied = Signal()
    """applied(): the dialog's values were saved to the settings (OK or Apply)."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self._settings = settings

        self.font_size = QSpinBox(self)
        self.font_size.setRange(_DEFAULT_SIZE, FONT_SIZES.stop - 1)
        self.font_size.setSpecialValueText(self.tr("Default"))
        self.font_size.setSuffix(self.tr(" pt"))
        self.font_size.setToolTip(self.tr("The size of post texts and of the lists."))
        self.theme = QComboBox(self)
        for theme, text in ((Theme.SYSTEM, self.tr("System")), (Theme.LIGHT, self.tr("Light")),
                            (Theme.DARK, self.tr("Dark"))):
            self.theme.addItem(text, str(theme))
        self.snap = QCheckBox(self.tr("Grow selections to whole words before coding"), self)
        self.backup_minutes = QComboBox(self)
        for minutes in backups.FREQUENCIES:
            self.backup_minutes.addItem(self._frequency_text(minutes), minutes)
        self.backups_kept = QSpinBox(self)
        self.backups_kept.setRange(1, backups.MAX_KEEP)
        self.backups_kept.setToolTip(self.tr(
            "How many of the newest backups to keep; the newest backup of each of the last "
            "{days} days is kept as well.").format(days=backups.DAILY_DAYS))
        self.language = QComboBox(self)
        for language in translations.available_languages():
            self.language.addItem(language.name, language.code)
        self.open_log_folder = QPushButton(self.tr("Open log folder"), self)
        self.open_log_folder.setToolTip(str(locations.log_dir()))
        self.open_log_folder.clicked.connect(self._on_open_log_folder_clicked)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Apply, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.clicked.connect(self._on_buttons_clicked)
        self._lay_out()
        self.load()

    def load(self) -> None:
        """Show the stored values."""
        settings = self._settings
        self.font_size.setValue(settings.font_size() or _DEFAULT_SIZE)
        self.theme.setCurrentIndex(max(0, self.theme.findData(str(settings.theme()))))
        self.snap.setChecked(settings.snap_to_words())
        self.backup_minutes.setCurrentIndex(
            max(0, self.backup_minutes.findData(settings.backup_minutes())))
        self.backups_kept.setValue(settings.backups_kept())
        index = self.language.findData(settings.language())
        self.language.setCurrentIndex(max(0, index))

    def save(self) -> None:
        """Store the shown values and emit :attr:`applied`."""
        settings = self._settings
        size = self.font_size.value()
        settings.set_font_size(0 if size == _DEFAULT_SIZE else size)
        settings.set_theme(Theme(self.theme.currentData()))
        settings.set_snap_to_words(self.snap.isChecked())
        settings.set_backup_minutes(int(self.backup_minutes.currentData()))
        settings.set_backups_kept(self.backups_kept.value())
        if self.language.currentIndex() >= 0:
            settings.set_language(str(self.language.currentData()))
        settings.sync()
        self.applied.emit()

    def accept(self) -> None:  # Qt override
        self.save()
        super().accept()

    def _on_buttons_clicked(self, button: QAbstractButton) -> None:
        if self.buttons.buttonRole(button) is QDialogButtonBox.ButtonRole.ApplyRole:
            self.save()

    def _on_open_log_folder_clicked(self) -> None:
        folder = locations.log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _frequency_text(self, minutes: int) -> str:
        if minutes == 0:
            return self.tr("Off")
        if minutes == 60:
            return self.tr("Every hour")
        return self.tr("Every {minutes} minutes").format(minutes=minutes)

    def _lay_out(self) -> None:
        reading = QGroupBox(self.tr("Reading and coding"), self)
        form = QFormLayout(reading)
        form.addRow(self.tr("Text size:"), self.font_size)
        form.addRow(self.tr("Theme:"), self.theme)
        form.addRow(self.tr("Word snapping:"), self.snap)
        form.addRow(self.tr("Language:"), self.language)
        restart = QLabel(self.tr("A new language shows after Annotator restarts."), reading)
        restart.setWordWrap(True)
        form.addRow("", restart)
        saving = QGroupBox(self.tr("Backups"), self)
        form = QFormLayout(saving)
        form.addRow(self.tr("Automatic backups:"), self.backup_minutes)
        form.addRow(self.tr("Backups to keep:"), self.backups_kept)
        note = QLabel(self.tr(
            "Every change is saved in the project at once; backups are extra copies, kept "
            "in a folder beside the project (File → Open backups folder)."), saving)
        note.setWordWrap(True)
        form.addRow(note)
        layout = QVBoxLayout(self)
        layout.addWidget(reading)
        layout.addWidget(saving)
        layout.addWidget(self.open_log_folder)
        layout.addWidget(self.buttons)


class Preferences(QObject):
    """Edit → Preferences… for a window: opens the dialog and applies what it saves."""

    def __init__(
        self,
        window: QWidget,
        settings: Settings,
        action: QAction,
        snap_action: QAction,
        autobackup: AutoBackup,
    ) -> None:
        super().__init__(window)
        self._window, self._settings = window, settings
        self._snap_action, self._autobackup = snap_action, autobackup
        self.dialog: SettingsDialog | None = None
        action.triggered.connect(self.open)

    def open(self) -> SettingsDialog:
        """Show the dialog (window-modal, not blocking); returns it."""
        if self.dialog is None:
            self.dialog = SettingsDialog(self._settings, self._window)
            self.dialog.applied.connect(self.apply)
            self.dialog.finished.connect(self._on_dialog_finished)
        self.dialog.open()
        return self.dialog

    def apply(self) -> None:
        """Apply the stored preferences to the running app."""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            appearance.of(app).apply_settings(self._settings)
        self._snap_action.setChecked(self._settings.snap_to_words())
        self._autobackup.reload()

    def _on_dialog_finished(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()
