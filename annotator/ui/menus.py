"""The main window's actions and menus, declared in one place."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu

from annotator.ui.settings import Settings


class Actions(QObject):
    """Creates the window's actions and menus; the window connects what they trigger."""

    recent_chosen = Signal(object)
    """recent_chosen(path: pathlib.Path): a project from File → Open Recent was chosen."""

    def __init__(self, window: QMainWindow, settings: Settings, undo_stack: QUndoStack) -> None:
        super().__init__(window)
        self._settings = settings
        key = QKeySequence.StandardKey
        self.new = self._action(window, self.tr("&New project…"), key.New)
        self.open = self._action(window, self.tr("&Open project…"), key.Open)
        self.open_demo = self._action(window, self.tr("Open &demo project"))
        self.import_ = self._action(window, self.tr("&Import…"), QKeySequence("Ctrl+I"))
        self.import_folder = self._action(window, self.tr("Import e&xport folder…"),
                                          QKeySequence("Ctrl+Shift+I"))
        self.export = self._action(window, self.tr("&Export…"), QKeySequence("Ctrl+E"))
        self.import_qdpx = self._action(window, self.tr("Import REFI-QDA pro&ject (.qdpx)…"))
        self.backup_now = self._action(window, self.tr("&Back up now"))
        self.open_backups = self._action(window, self.tr("Open bac&kups folder"))
        self.close = self._action(window, self.tr("&Close project"), key.Close)
        self.quit = self._action(window, self.tr("&Quit"), key.Quit)
        self.next_post = self._action(window, self.tr("&Next post"), QKeySequence("J"))
        self.previous_post = self._action(window, self.tr("&Previous post"), QKeySequence("K"))
        self.agreement = self._action(window, self.tr("&Agreement…"),
                                      QKeySequence("Ctrl+Shift+A"))
        self.about = self._action(window, self.tr("&About Annotator"))
        self.preferences = self._action(window, self.tr("&Preferences…"))
        platform_keys = QKeySequence.keyBindings(key.Preferences)  # empty on Windows, GNOME
        self.preferences.setShortcuts(
            [QKeySequence("Ctrl+,"), *(k for k in platform_keys if k != QKeySequence("Ctrl+,"))])
        self.preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.clear_recent = self._action(window, self.tr("Clear list"))
        self.clear_recent.triggered.connect(self._on_clear_recent_triggered)
        self.undo = undo_stack.createUndoAction(window, self.tr("&Undo"))
        self.undo.setShortcuts(QKeySequence.keyBindings(key.Undo))
        self.redo = undo_stack.createRedoAction(window, self.tr("&Redo"))
        self.redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        window.addAction(self.undo)
        window.addAction(self.redo)
        self._make_menus(window)

    def _make_menus(self, window: QMainWindow) -> None:
        bar = window.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.new)
        file_menu.addAction(self.open)
        self.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._on_recent_menu_about_to_show)
        file_menu.addAction(self.open_demo)
        file_menu.addSeparator()
        file_menu.addAction(self.import_)
        file_menu.addAction(self.import_folder)
        file_menu.addAction(self.import_qdpx)
        file_menu.addSeparator()
        file_menu.addAction(self.export)
        file_menu.addSeparator()
        file_menu.addAction(self.backup_now)
        file_menu.addAction(self.open_backups)
        file_menu.addSeparator()
        file_menu.addAction(self.close)
        file_menu.addAction(self.quit)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.undo)
        edit_menu.addAction(self.redo)
        edit_menu.addSeparator()
        edit_menu.addAction(self.preferences)
        self.view_menu = bar.addMenu(self.tr("&View"))
        """Filled by :class:`~annotator.ui.coding_workspace.CodingWorkspace`."""
        self.codebook_menu = bar.addMenu(self.tr("&Codebook"))
        """Filled by :class:`~annotator.ui.codebook_docks.CodebookDocks`."""
        self.coding_menu = bar.addMenu(self.tr("C&oding"))
        """Filled by :class:`~annotator.ui.coding_workspace.CodingWorkspace`; the window
        adds :attr:`agreement` at its end."""
        self.team_menu = bar.addMenu(self.tr("&Team"))
        """The team workflow: assignments, coder packages, merging, adjudication (each
        feature adds its own entries)."""
        self.go_menu = bar.addMenu(self.tr("&Go"))
        self.go_menu.addAction(self.next_post)
        self.go_menu.addAction(self.previous_post)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about)

    def rebuild_recent(self) -> list[QAction]:
        """Refill Open Recent from the settings (dropping missing files); returns its items."""
        menu: QMenu = self.recent_menu
        menu.clear()
        items = []
        for number, path in enumerate(self._settings.recent_projects(), start=1):
            action = menu.addAction(f"&{number % 10} {path.name}")
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.setData(str(path))
            action.triggered.connect(partial(self.recent_chosen.emit, Path(path)))
            items.append(action)
        if items:
            menu.addSeparator()
            menu.addAction(self.clear_recent)
        else:
            menu.addAction(self.tr("(none)")).setEnabled(False)
        return items

    def _on_recent_menu_about_to_show(self) -> None:
        self.rebuild_recent()

    def _on_clear_recent_triggered(self) -> None:
        self._settings.clear_recent_projects()

    def _action(
        self,
        window: QMainWindow,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = QAction(text, window)
        if shortcut is not None:
            action.setShortcut(shortcut)
        window.addAction(action)
        return action
