"""The project file's own identity: a uuid, and for coder packages where they came from."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from annotator.core.storage.schema import ProjectInfoRow


@dataclass(frozen=True)
class ProjectIdentity:
    uuid: str
    kind: str
    """``project``, or ``package`` for a coder package cut from another project."""
    origin_uuid: str | None
    """For a package: the uuid of the project it was cut from."""
    package_coder_id: int | None
    """For a package: the coder it was made for."""

    @property
    def is_package(self) -> bool:
        return self.kind == "package"


def identity_row(session: Session) -> ProjectInfoRow:
    """The single ``project_info`` row, created (a new uuid, kind ``project``) when missing."""
    row = session.get(ProjectInfoRow, 1)
    if row is None:
        row = ProjectInfoRow(id=1, kind="project")
        session.add(row)
        session.flush()
    return row


def identity(session: Session) -> ProjectIdentity:
    """The file's identity (created on first use inside the caller's transaction)."""
    row = identity_row(session)
    return ProjectIdentity(row.uuid, row.kind, row.origin_uuid, row.package_coder_id)
