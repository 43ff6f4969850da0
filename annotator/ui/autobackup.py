"""Automatic backups of the open project, written off the GUI thread.

When a project opens, it is backed up if its newest backup is older than the
frequency (Edit → Preferences…: off, 5, 15, 30 or 60 minutes), or if it has none. Then a
timer fires every ``frequency`` minutes and backs up when something changed since the
last backup. File → "Back up now" backs up at once (whatever the frequency), and
File → "Open backups folder" shows where they are. Where backups go and which are kept:
:mod:`annotator.core.backups`.

Backups run as jobs on the window's writer pool, so two never overlap and coding never
waits (SQLite's backup reads while the app keeps writing). The status bar shows when the
last backup was written, with details in its tooltip. A failed automatic backup is shown
there and logged (and retried at the next tick); a failed "Back up now" in a box.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QLabel, QMainWindow

from annotator.core import backups
from annotator.core.changes import Changes
from annotator.core.progress import Progress
from annotator.core.project import Project
from annotator.ui import locations
from annotator.ui.errors import show_error, user_message
from annotator.ui.events import ProjectEvents
from annotator.ui.jobs import Job
from annotator.ui.settings import Settings

log = logging.getLogger(__name__)

STATUS_MESSAGE_MS = 6000


@dataclass(frozen=True, slots=True)
class BackupResult:
    """What a backup job did, for the project at ``project``."""

    project: Path
    made: Path | None
    """The new backup, ``None`` when none was due."""
    folder: Path
    last: datetime | None
    """The newest backup's time (UTC) afterwards."""


class AutoBackup(QObject):
    """Backs up the window's project as described above. GUI thread only."""

    backed_up = Signal(object)
    """backed_up(path: pathlib.Path | None): a backup job ended; the new backup's path, or
    ``None`` when none was due (on open)."""

    backup_failed = Signal(object)
    """backup_failed(error: BaseException): a backup job failed (already shown)."""

    def __init__(
        self,
        window: QMainWindow,
        settings: Settings,
        events: ProjectEvents,
        pool: QThreadPool,
        backup_now: QAction,
        open_folder: QAction,
    ) -> None:
        super().__init__(window)
        self._window, self._settings, self._pool = window, settings, pool
        self._actions = (backup_now, open_folder)
        self._path: Path | None = None
        self._last: datetime | None = None
        self._folder: Path | None = None
        self._dirty = False
        self._job: Job | None = None
        self._explicit = False
        self._open_check_pending = False
        """A project opened while another's backup ran: check it when that one ends."""
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._on_timer_timeout)
        self.label = QLabel(window)
        window.statusBar().addPermanentWidget(self.label)
        backup_now.triggered.connect(self._on_backup_now_triggered)
        open_folder.triggered.connect(self._on_open_folder_triggered)
        events.project_opened.connect(self._on_events_project_opened)
        events.project_closed.connect(self._on_events_project_closed)
        events.changed.connect(self._on_events_changed)
        self._update()

    @property
    def last_backup(self) -> datetime | None:
        """When the newest backup of the open project was written (UTC), if known."""
        return self._last

    def busy(self) -> bool:
        return self._job is not None

    def reload(self) -> None:
        """Take up a changed frequency (the timer restarts from now)."""
        self.timer.stop()
        minutes = self._settings.backup_minutes()
        if self._path is not None and minutes > 0:
            self.timer.start(minutes * 60_000)
        self._update()

    def back_up(self, only_if_due: bool = False) -> bool:
        """Start a backup job; with ``only_if_due`` it backs up only when the newest backup
        is older than the frequency. ``False`` when no project is open or one is running."""
        path = self._path
        if path is None or self._job is not None:
            return False
        keep = self._settings.backups_kept()
        frequency = timedelta(minutes=self._settings.backup_minutes())
        fallback = locations.backups_fallback_dir()

        def work(_progress: Progress) -> BackupResult:
            # Runs on the pool thread: core calls only.
            folder = backups.backup_folder(path, fallback)
            made = None
            if not only_if_due or backups.due(backups.latest(folder, path.stem), frequency):
                made = backups.make_backup(path, folder, keep=keep)
            return BackupResult(path, made, folder, backups.latest(folder, path.stem))

        job = Job(work)
        job.signals.succeeded.connect(self._on_job_succeeded)
        job.signals.failed.connect(self._on_job_failed)
        self._job, self._dirty = job, False
        self._pool.start(job)
        return True

    def folder(self) -> Path | None:
        """The open project's backups folder (created if missing); ``None`` without one.

        Raises ``OSError`` when no folder can be created.
        """
        if self._path is None:
            return None
        return backups.backup_folder(self._path, locations.backups_fallback_dir())

    # Slots

    def _on_backup_now_triggered(self) -> None:
        if self.back_up():
            self._explicit = True
            self._window.statusBar().showMessage(self.tr("Backing up…"), STATUS_MESSAGE_MS)
        elif self._job is not None:
            self._window.statusBar().showMessage(
                self.tr("A backup is being written already."), STATUS_MESSAGE_MS)

    def _on_open_folder_triggered(self) -> None:
        try:
            folder = self.folder()
        except OSError as exc:
            show_error(self._window, exc)
            return
        if folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _on_timer_timeout(self) -> None:
        if self._dirty:
            self.back_up()

    def _on_events_project_opened(self, project: Project) -> None:
        self._path, self._last, self._folder, self._dirty = project.path, None, None, False
        self._explicit = False
        self.reload()
        if self._settings.backup_minutes() > 0:
            self._open_check_pending = not self.back_up(only_if_due=True)

    def _on_events_project_closed(self) -> None:
        self._path, self._last, self._folder, self._dirty = None, None, None, False
        self._open_check_pending = False
        self.reload()

    def _on_events_changed(self, changes: Changes) -> None:
        if self._path is not None and not changes.empty:
            self._dirty = True

    def _on_job_succeeded(self, result: BackupResult) -> None:
        self._job, explicit, self._explicit = None, self._explicit, False
        if result.made is not None:
            log.info("backed up %s to %s", result.project, result.made)
        if result.project == self._path:
            self._folder, self._last = result.folder, result.last
            if explicit and result.made is not None:
                self._window.statusBar().showMessage(
                    self.tr("Backed up to “{path}”.").format(path=result.made),
                    STATUS_MESSAGE_MS)
        self._update()
        self.backed_up.emit(result.made)
        self._check_pending_open()

    def _on_job_failed(self, error: BaseException) -> None:
        self._job, explicit, self._explicit = None, self._explicit, False
        self._dirty = True  # try again at the next tick
        log.warning("backup failed: %s", error, exc_info=error)
        if explicit:
            show_error(self._window, error)
        else:
            self._window.statusBar().showMessage(
                self.tr("Automatic backup failed: {reason}").format(reason=user_message(error)),
                STATUS_MESSAGE_MS)
        self._update(failed=error)
        self.backup_failed.emit(error)
        self._check_pending_open()

    # Internals

    def _check_pending_open(self) -> None:
        if self._open_check_pending and self._job is None:
            self._open_check_pending = False
            self.back_up(only_if_due=True)

    def _update(self, failed: BaseException | None = None) -> None:
        for action in self._actions:
            action.setEnabled(self._path is not None)
        if self._path is None:
            self.label.clear()
            self.label.setToolTip("")
            return
        minutes, keep = self._settings.backup_minutes(), self._settings.backups_kept()
        if failed is not None:
            self.label.setText(self.tr("Backup failed"))
        elif self._last is not None:
            local = self._last.astimezone()
            today = datetime.now(UTC).astimezone().date() == local.date()
            self.label.setText(self.tr("Backed up {time}").format(
                time=local.strftime("%H:%M" if today else "%Y-%m-%d %H:%M")))
        else:
            self.label.setText(self.tr("No backup yet"))
        if minutes > 0:
            plan = self.tr("Automatic backups every {minutes} minutes while you work, keeping "
                           "the {keep} newest and one a day for the last {days} days.").format(
                minutes=minutes, keep=keep, days=backups.DAILY_DAYS)
        else:
            plan = self.tr("Automatic backups are off (Edit → Preferences…).")
        lines = [plan]
        if self._folder is not None:
            lines.append(self.tr("Backups folder: {folder}").format(folder=self._folder))
        if failed is not None:
            lines.append(self.tr("The last backup failed: {reason}").format(
                reason=user_message(failed)))
        self.label.setToolTip("\n".join(lines))
