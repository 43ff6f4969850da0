"""The warning shown when a project lives in a cloud-synced or network folder.

Sync clients and network file systems can corrupt SQLite files (see
:mod:`annotator.core.locations`). When a project opens from such a folder, a box
explains the risk and suggests a local folder plus coder packages or exports for
sharing. It appears once per project path and session; its "Don't warn again for this
project" check box makes that permanent (remembered in the settings).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QCheckBox, QMessageBox, QWidget

from annotator.core import locations
from annotator.core.locations import LocationKind, RiskyLocation
from annotator.ui.settings import Settings

log = logging.getLogger(__name__)


class SyncWarning(QObject):
    """Warns about risky project folders for ``window``. GUI thread only."""

    def __init__(
        self,
        window: QWidget,
        settings: Settings,
        detect: Callable[[Path], RiskyLocation | None] = locations.detect,
    ) -> None:
        super().__init__(window)
        self._window, self._settings, self._detect = window, settings, detect
        self._warned: set[Path] = set()

    def check(self, path: Path) -> bool:
        """Warn (right after the caller's work, from the event loop) when ``path`` is in a
        risky folder and was not warned about; returns whether a warning is coming."""
        path = Path(path).resolve()
        if path in self._warned or self._settings.sync_warning_off(path):
            return False
        found = self._detect(path)
        if found is None:
            return False
        log.warning("the project %s may get damaged: %s", path, found.reason)
        self._warned.add(path)
        QTimer.singleShot(0, self, partial(self.warn, path, found))
        return True

    def warn(self, path: Path, found: RiskyLocation) -> None:
        """Show the warning box for ``path`` now (modal)."""
        if found.kind is LocationKind.CLOUD:
            title = self.tr("Project in a synced folder")
            text = self.tr("“{name}” is in a folder synced by {service}.").format(
                name=path.name, service=found.service)
        else:
            title = self.tr("Project on a network drive")
            text = self.tr("“{name}” is on a network drive ({service}).").format(
                name=path.name, service=found.service)
        box = QMessageBox(QMessageBox.Icon.Warning, title, text,
                          QMessageBox.StandardButton.Ok, self._window)
        box.setInformativeText(self.tr(
            "Sync services and network drives can copy a project file while Annotator is "
            "writing to it. The file can then be damaged or split into conflicting copies, "
            "and coding can be lost.\n\n"
            "Keep the project in a local folder on this computer that is not synced, and "
            "share work with coder packages (Team menu) or exports instead of sharing the "
            "project file itself."))
        box.setDetailedText(str(path))
        dont_warn = QCheckBox(self.tr("Don't warn again for this project"), box)
        box.setCheckBox(dont_warn)
        box.exec()
        if dont_warn.isChecked():
            self._settings.set_sync_warning_off(path)
