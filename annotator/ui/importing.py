"""One import run: a writer job, its cancel token and its progress dialog."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from annotator.core.importers import registry
from annotator.core.importers.base import ImportOptions
from annotator.core.importers.report import ImportReport
from annotator.core.progress import CancelToken, Progress
from annotator.core.project import Project
from annotator.ui.progress_run import ProgressRun


class ImportRun(ProgressRun):
    """Imports ``paths`` into ``project`` on a pool thread; Cancel sets the core token.

    ``format_id`` and ``options`` (chats, table mapping) go to ``Project.import_files``.
    The project is unchanged unless ``succeeded`` fires with the list of
    :class:`ImportReport` (every file imported, in one transaction); ``failed`` carries
    the error (``Cancelled`` when cancelled) and means nothing was imported.
    """

    def __init__(
        self,
        project: Project,
        paths: Sequence[Path],
        parent: QWidget,
        format_id: str = registry.AUTO,
        cancel: CancelToken | None = None,
        options: ImportOptions | Mapping[Path, ImportOptions] | None = None,
    ) -> None:
        self.paths = [Path(p) for p in paths]
        self.format_id = format_id
        self.options = options
        paths_ = self.paths

        def work(progress: Progress, token: CancelToken) -> list[ImportReport]:
            # Runs on the pool thread: core only, no Qt objects.
            return project.import_files(paths_, format_id, progress, token, options)

        label = QCoreApplication.translate("ImportRun", "Importing {count} file(s)…").format(
            count=len(self.paths))
        super().__init__(work, QCoreApplication.translate("ImportRun", "Import"), label,
                         parent, cancel)
