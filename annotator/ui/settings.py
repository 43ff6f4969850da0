"""The one module that touches ``QSettings``: keys declared once, typed accessors.

Preferences and UI state (geometry, splitter sizes, recent files) live here;
per-project choices belong in the project file, not in QSettings.
"""

from __future__ import annotations

import hashlib
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from annotator.core import backups
from annotator.core.agreement.options import ReportOptions
from annotator.core.agreement.report import UnitKind
from annotator.core.export.options import ExportFormat

MAX_RECENT = 10
FONT_SIZES = range(6, 41)
"""Text sizes (points) the preferences offer; 0 stored means the platform's default."""
LANGUAGE_SYSTEM = "system"
"""The language setting's default: follow the operating system (see ui/translations.py)."""


class Theme(StrEnum):
    """The colour theme: the platform's own, or Fusion with a light or dark palette."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


class Key(StrEnum):
    """Every QSettings key the app uses."""

    RECENT_PROJECTS = "persist/recent_projects"
    WINDOW_GEOMETRY = "persist/window_geometry"
    WINDOW_STATE = "persist/window_state"
    SPLITTER_STATE = "persist/splitter_state"
    IMPORT_FOLDER = "persist/import_folder"
    PROJECT_CODERS = "persist/project_coders"
    """A group: one entry per project (keyed by a hash of its path) holding a coder uuid."""
    EXPORT_FORMAT = "persist/export/format"
    EXPORT_FOLDER = "persist/export/folder"
    EXPORT_AGREEMENT = "persist/export/agreement"
    AGREEMENT_UNIT = "persist/agreement/unit"
    AGREEMENT_THRESHOLD = "persist/agreement/threshold"
    AGREEMENT_RESAMPLES = "persist/agreement/resamples"
    AGREEMENT_SEED = "persist/agreement/seed"
    AGREEMENT_CONFIDENCE = "persist/agreement/confidence"
    BLIND_MODE = "preferences/blind_mode"
    SNAP_TO_WORDS = "preferences/snap_to_words"
    FONT_SIZE = "preferences/font_size"
    THEME = "preferences/theme"
    BACKUP_MINUTES = "preferences/backup_minutes"
    BACKUPS_KEPT = "preferences/backups_kept"
    LANGUAGE = "preferences/language"
    SYNC_WARNING_OFF = "persist/sync_warning_off"
    """A group: one entry per project (keyed by a hash of its path) whose cloud or network
    folder warning the user turned off."""


def use_folder(folder: Path) -> None:
    """Store all settings as INI files under ``folder`` (tests, portable installs).

    Affects every :class:`Settings` created afterwards in this process.
    """
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


class Settings:
    """Typed access to the app's settings; GUI thread only."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store if store is not None else QSettings()

    def sync(self) -> None:
        self._store.sync()

    # Recent projects: newest first, no duplicates, only files that still exist.

    def recent_projects(self) -> list[Path]:
        """Recent project paths that still exist, newest first; missing ones are dropped."""
        stored = self._paths(Key.RECENT_PROJECTS)
        existing = [p for p in stored if p.is_file()]
        if existing != stored:
            self._set_paths(Key.RECENT_PROJECTS, existing)
        return existing

    def add_recent_project(self, path: Path) -> None:
        path = Path(path).resolve()
        paths = [p for p in self._paths(Key.RECENT_PROJECTS) if p != path]
        self._set_paths(Key.RECENT_PROJECTS, [path, *paths][:MAX_RECENT])

    def remove_recent_project(self, path: Path) -> None:
        path = Path(path).resolve()
        self._set_paths(
            Key.RECENT_PROJECTS, [p for p in self._paths(Key.RECENT_PROJECTS) if p != path]
        )

    def clear_recent_projects(self) -> None:
        self._set_paths(Key.RECENT_PROJECTS, [])

    def last_project(self) -> Path | None:
        """The most recently opened project, if it still exists."""
        recent = self.recent_projects()
        return recent[0] if recent else None

    # Where file choosers for imports (inputs, mapping files) start.

    def import_folder(self) -> Path | None:
        """The folder of the last import input or mapping file chosen, if it still exists."""
        value = self._store.value(Key.IMPORT_FOLDER)
        folder = Path(str(value)) if value else None
        return folder if folder is not None and folder.is_dir() else None

    def set_import_folder(self, folder: Path) -> None:
        self._store.setValue(Key.IMPORT_FOLDER, str(folder))

    # The export dialog's last choices.

    def export_format(self) -> ExportFormat:
        """The format of the last export (an Excel workbook at first)."""
        value = self._store.value(Key.EXPORT_FORMAT)
        try:
            return ExportFormat(str(value))
        except ValueError:  # never set, or written by another version
            return ExportFormat.XLSX

    def set_export_format(self, fmt: ExportFormat) -> None:
        self._store.setValue(Key.EXPORT_FORMAT, str(fmt))

    def export_folder(self) -> Path | None:
        """The folder the last export was written to, if it still exists."""
        value = self._store.value(Key.EXPORT_FOLDER)
        folder = Path(str(value)) if value else None
        return folder if folder is not None and folder.is_dir() else None

    def set_export_folder(self, folder: Path) -> None:
        self._store.setValue(Key.EXPORT_FOLDER, str(folder))

    def export_agreement(self) -> bool:
        """Whether the last export included the agreement sheet."""
        return self._bool(Key.EXPORT_AGREEMENT, True)

    def set_export_agreement(self, on: bool) -> None:
        self._store.setValue(Key.EXPORT_AGREEMENT, on)

    # The agreement view's last choices; coders, codes and the codebook version belong
    # to one project, so they are never stored here.

    def agreement_options(self) -> ReportOptions:
        """The unit, threshold and resampling last used (coders, codes and version
        ``None``); the defaults when nothing valid is stored."""
        default = ReportOptions()
        try:
            return ReportOptions(
                unit=UnitKind(str(self._store.value(Key.AGREEMENT_UNIT, default.unit))),
                threshold=float(self._number(Key.AGREEMENT_THRESHOLD, default.threshold)),
                resamples=int(self._number(Key.AGREEMENT_RESAMPLES, default.resamples)),
                seed=int(self._number(Key.AGREEMENT_SEED, default.seed)),
                confidence=float(self._number(Key.AGREEMENT_CONFIDENCE, default.confidence)),
            )
        except ValueError:  # written by hand or by another version: out of range
            return default

    def set_agreement_options(self, options: ReportOptions) -> None:
        """Store ``options``' unit, threshold and resampling (nothing project-specific)."""
        self._store.setValue(Key.AGREEMENT_UNIT, str(options.unit))
        self._store.setValue(Key.AGREEMENT_THRESHOLD, options.threshold)
        self._store.setValue(Key.AGREEMENT_RESAMPLES, options.resamples)
        self._store.setValue(Key.AGREEMENT_SEED, options.seed)
        self._store.setValue(Key.AGREEMENT_CONFIDENCE, options.confidence)

    # Who codes in each project on this computer (the project file is shared by coders).

    def project_coder(self, project: Path) -> str | None:
        """The uuid of the coder last chosen for the project at ``project``, if any."""
        value = self._store.value(_project_key(project))
        return str(value) if value else None

    def set_project_coder(self, project: Path, coder_uuid: str) -> None:
        self._store.setValue(_project_key(project), coder_uuid)

    # Coding preferences.

    def blind_mode(self) -> bool:
        """Whether the reading pane hides other coders' annotations."""
        return self._bool(Key.BLIND_MODE, False)

    def set_blind_mode(self, on: bool) -> None:
        self._store.setValue(Key.BLIND_MODE, on)

    def snap_to_words(self) -> bool:
        """Whether selections grow to whole words before they are coded."""
        return self._bool(Key.SNAP_TO_WORDS, False)

    def set_snap_to_words(self, on: bool) -> None:
        self._store.setValue(Key.SNAP_TO_WORDS, on)

    # Appearance, backups and language (Edit → Preferences…).

    def font_size(self) -> int:
        """The text size in points of the reading pane and lists; 0: the platform's default
        (also for anything stored that is not in :data:`FONT_SIZES`)."""
        size = self._number(Key.FONT_SIZE, 0)
        return int(size) if size == int(size) and int(size) in FONT_SIZES else 0

    def set_font_size(self, points: int) -> None:
        self._store.setValue(Key.FONT_SIZE, points if points in FONT_SIZES else 0)

    def theme(self) -> Theme:
        """The colour theme; :attr:`Theme.SYSTEM` when nothing valid is stored."""
        try:
            return Theme(str(self._store.value(Key.THEME, Theme.SYSTEM)))
        except ValueError:
            return Theme.SYSTEM

    def set_theme(self, theme: Theme) -> None:
        self._store.setValue(Key.THEME, str(theme))

    def backup_minutes(self) -> int:
        """Minutes between automatic backups, one of ``backups.FREQUENCIES`` (0: off)."""
        minutes = self._number(Key.BACKUP_MINUTES, backups.DEFAULT_FREQUENCY)
        return int(minutes) if minutes in backups.FREQUENCIES else backups.DEFAULT_FREQUENCY

    def set_backup_minutes(self, minutes: int) -> None:
        if minutes not in backups.FREQUENCIES:
            raise ValueError(f"not a backup frequency: {minutes}")
        self._store.setValue(Key.BACKUP_MINUTES, minutes)

    def backups_kept(self) -> int:
        """How many of the newest backups stay (1 to ``backups.MAX_KEEP``)."""
        kept = self._number(Key.BACKUPS_KEPT, backups.DEFAULT_KEEP)
        if kept != int(kept) or not 1 <= kept <= backups.MAX_KEEP:
            return backups.DEFAULT_KEEP
        return int(kept)

    def set_backups_kept(self, count: int) -> None:
        self._store.setValue(Key.BACKUPS_KEPT, max(1, min(backups.MAX_KEEP, count)))

    def language(self) -> str:
        """The UI language: :data:`LANGUAGE_SYSTEM` or a language code ("en", "ru")."""
        value = self._store.value(Key.LANGUAGE, LANGUAGE_SYSTEM)
        return value if isinstance(value, str) and value else LANGUAGE_SYSTEM

    def set_language(self, code: str) -> None:
        self._store.setValue(Key.LANGUAGE, code or LANGUAGE_SYSTEM)

    # Projects in cloud-synced or network folders: warn once, unless turned off.

    def sync_warning_off(self, project: Path) -> bool:
        """Whether the user asked not to be warned about ``project``'s folder again."""
        return self._bool(_project_key(project, Key.SYNC_WARNING_OFF), False)

    def set_sync_warning_off(self, project: Path, off: bool = True) -> None:
        key = _project_key(project, Key.SYNC_WARNING_OFF)
        if off:
            self._store.setValue(key, True)
        else:
            self._store.remove(key)

    # Window state: opaque Qt blobs.

    def window_geometry(self) -> QByteArray | None:
        return self._bytes(Key.WINDOW_GEOMETRY)

    def set_window_geometry(self, value: QByteArray) -> None:
        self._store.setValue(Key.WINDOW_GEOMETRY, value)

    def window_state(self) -> QByteArray | None:
        return self._bytes(Key.WINDOW_STATE)

    def set_window_state(self, value: QByteArray) -> None:
        self._store.setValue(Key.WINDOW_STATE, value)

    def splitter_state(self) -> QByteArray | None:
        return self._bytes(Key.SPLITTER_STATE)

    def set_splitter_state(self, value: QByteArray) -> None:
        self._store.setValue(Key.SPLITTER_STATE, value)

    def _paths(self, key: Key) -> list[Path]:
        value = self._store.value(key, [])
        # INI files turn a one-element list into a plain string, and an empty one into None.
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            return []
        return [Path(str(v)) for v in value if str(v)]

    def _set_paths(self, key: Key, paths: list[Path]) -> None:
        self._store.setValue(key, [str(p) for p in paths])

    def _bool(self, key: str, default: bool) -> bool:
        value = self._store.value(key, default)
        # INI files hand booleans back as the strings "true" and "false".
        return value.lower() == "true" if isinstance(value, str) else bool(value)

    def _number(self, key: Key, default: float) -> float:
        value = self._store.value(key, default)
        # INI files hand numbers back as strings; anything unreadable is the default.
        try:
            return float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return default

    def _bytes(self, key: Key) -> QByteArray | None:
        value = self._store.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def _project_key(project: Path, group: Key = Key.PROJECT_CODERS) -> str:
    """One key per project file in ``group``; a hash, since paths hold characters keys may
    not."""
    digest = hashlib.sha256(str(Path(project).resolve()).encode("utf-8")).hexdigest()[:32]
    return f"{group}/{digest}"
