"""The one module that touches ``QSettings``: keys declared once, typed accessors.

Preferences and UI state (geometry, splitter sizes, recent files) live here;
per-project choices belong in the project file, not in QSettings.
"""

from __future__ import annotations

import hashlib
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 10


class Key(StrEnum):
    """Every QSettings key the app uses."""

    RECENT_PROJECTS = "persist/recent_projects"
    WINDOW_GEOMETRY = "persist/window_geometry"
    WINDOW_STATE = "persist/window_state"
    SPLITTER_STATE = "persist/splitter_state"
    IMPORT_FOLDER = "persist/import_folder"
    PROJECT_CODERS = "persist/project_coders"
    """A group: one entry per project (keyed by a hash of its path) holding a coder uuid."""
    BLIND_MODE = "preferences/blind_mode"
    SNAP_TO_WORDS = "preferences/snap_to_words"


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

    def _bool(self, key: Key, default: bool) -> bool:
        value = self._store.value(key, default)
        # INI files hand booleans back as the strings "true" and "false".
        return value.lower() == "true" if isinstance(value, str) else bool(value)

    def _bytes(self, key: Key) -> QByteArray | None:
        value = self._store.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def _project_key(project: Path) -> str:
    """One key per project file; a hash, since paths hold characters keys may not."""
    digest = hashlib.sha256(str(Path(project).resolve()).encode("utf-8")).hexdigest()[:32]
    return f"{Key.PROJECT_CODERS}/{digest}"
