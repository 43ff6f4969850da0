"""A project: one SQLite file, its sessionmaker and the services over it.

``Project.open`` refuses foreign files without writing to them, refuses files
from a newer Annotator, and upgrades older files in place after writing a
backup copy beside them.
"""

from __future__ import annotations

import getpass
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from annotator.core import project_identity
from annotator.core.annotations.service import AnnotationService
from annotator.core.codebook.service import CodeService
from annotator.core.coders.service import CoderService
from annotator.core.errors import NewerSchema, NotAProject
from annotator.core.importers import registry
from annotator.core.importers.base import ImportOptions
from annotator.core.importers.history import SourceService
from annotator.core.importers.report import ImportReport
from annotator.core.importers.service import import_files
from annotator.core.model import ProjectInfo
from annotator.core.posts.service import PostService
from annotator.core.posts.status import PostStatusService
from annotator.core.posts.values import PostValueService
from annotator.core.progress import CancelToken, Progress, no_progress
from annotator.core.project_identity import ProjectIdentity
from annotator.core.storage import database, migrations
from annotator.core.storage.schema import (
    SCHEMA_VERSION,
    AnnotationRow,
    ChannelRow,
    CodebookRow,
    CodeRow,
    CoderRow,
    PostRow,
    SourceRow,
)
from annotator.core.team.adjudication import AdjudicationService
from annotator.core.team.assignments import AssignmentService

PROJECT_SUFFIX = ".annot"


class Project:
    """An open project file. Thread-safe: every service call opens its own session."""

    def __init__(self, path: Path, upgraded_from: int | None, backup: Path | None) -> None:
        self.path = path
        self.upgraded_from = upgraded_from
        """The schema version the file had before this open upgraded it, if it did."""
        self.backup = backup
        """The copy written before an upgrade, if there was one."""
        self._engine = database.make_engine(path)
        self.sessions: sessionmaker[Session] = sessionmaker(self._engine, expire_on_commit=False)
        self.posts = PostService(self.sessions)
        self.coders = CoderService(self.sessions)
        self.actor = _login_name()
        """Who edits, for the codebook changelog (the GUI sets the coder's name)."""
        self.codes = CodeService(self.sessions, lambda: self.actor)
        self.annotations = AnnotationService(self.sessions)
        self.sources = SourceService(self.sessions)
        self.statuses = PostStatusService(self.sessions)
        self.values = PostValueService(self.sessions)
        self.assignments = AssignmentService(self.sessions)
        self.adjudication = AdjudicationService(self.sessions)

    @classmethod
    def create(cls, path: Path) -> Project:
        """Create a new, empty project at ``path`` (never overwriting a file) and open it."""
        database.create_file(path)
        project = cls.open(path)
        project.identity()
        return project

    @classmethod
    def open(cls, path: Path) -> Project:
        """Open ``path``; see the module docstring for what is refused and what is upgraded."""
        path = Path(path)
        database.probe(path)
        engine = database.make_engine(path)
        try:
            version = database.read_user_version(engine)
            if version > SCHEMA_VERSION:
                raise NewerSchema(path, version, SCHEMA_VERSION)
            if version < migrations.OLDEST_SUPPORTED:
                raise NotAProject(path, "the project file is incomplete (no schema version)")
        finally:
            engine.dispose()
        backup = migrations.upgrade(path, version) if version < SCHEMA_VERSION else None
        return cls(path, version if backup else None, backup)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Project:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def import_file(
        self,
        path: Path,
        format_id: str = registry.AUTO,
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
        options: ImportOptions | None = None,
    ) -> ImportReport:
        """Import one file or export folder atomically (see :meth:`import_files`)."""
        return self.import_files([Path(path)], format_id, progress, cancel, options)[0]

    def import_files(
        self,
        paths: list[Path],
        format_id: str = registry.AUTO,
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
        options: ImportOptions | Mapping[Path, ImportOptions] | None = None,
    ) -> list[ImportReport]:
        """Import files all or nothing (see :func:`.service.import_files`)."""
        return import_files(self.sessions, [Path(p) for p in paths], format_id, options,
                            progress, cancel)

    def identity(self) -> ProjectIdentity:
        """The file's uuid and, for a coder package, its origin (created on first use)."""
        with self.sessions.begin() as session:
            return project_identity.identity(session)

    def schema_version(self) -> int:
        return database.read_user_version(self._engine)

    def integrity_problems(self) -> list[str]:
        return database.integrity_problems(self._engine)

    def info(self) -> ProjectInfo:
        def count(column: object) -> int:
            return int(session.scalar(select(func.count(column))) or 0)  # type: ignore[arg-type]

        with self.sessions() as session:
            return ProjectInfo(
                path=str(self.path),
                schema_version=self.schema_version(),
                sources=count(SourceRow.id),
                channels=count(ChannelRow.id),
                posts=count(PostRow.id),
                coders=count(CoderRow.id),
                codes=count(CodeRow.id),
                annotations=count(AnnotationRow.id),
                codebook_version=int(session.scalar(select(CodebookRow.version)) or 1),
            )


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in this environment
        return "unknown"
