"""The baseline of a coder package: the coder's work as it was when the package was cut.

A merge compares three states of each item: the baseline, the package now and the
project now (see :mod:`annotator.core.team.merge`). The baseline travels inside the
package. Schema 6 has no column for it, so it is stored as the package's one
``merge_log`` row, marked by :data:`BASELINE_MARK` in ``file_name``: a package is never
merged into (merges into packages are refused), so its merge log is otherwise empty
and the row is invisible to everything else. A later schema may give it its own column.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.core.storage.schema import MergeRow
from annotator.core.team.coder_work import CoderWork

BASELINE_MARK = "(coder package baseline)"
BASELINE_FORMAT = 1


def write_baseline(
    session: Session, package_uuid: str, coder_id: int, work: CoderWork, cut_at: datetime,
    codebook_version: int,
) -> None:
    """Store ``work`` as the baseline of the package open in ``session``."""
    summary: dict[str, Any] = {
        "kind": "package_baseline", "format": BASELINE_FORMAT,
        "cut_at": cut_at.isoformat(), "codebook_version": codebook_version,
        **work.to_json(),
    }
    session.add(MergeRow(package_uuid=package_uuid, coder_id=coder_id,
                         file_name=BASELINE_MARK, at=cut_at, summary=summary))


def read_baseline(session: Session) -> CoderWork | None:
    """The package's baseline, or ``None`` when the file has none (not a package we wrote)."""
    row = session.scalar(select(MergeRow).where(MergeRow.file_name == BASELINE_MARK)
                         .order_by(MergeRow.id).limit(1))
    if row is None or row.summary.get("kind") != "package_baseline":
        return None
    return CoderWork.from_json(row.summary)


def baseline_codebook_version(session: Session) -> int | None:
    """The codebook version the package was cut at (``None`` without a baseline)."""
    row = session.scalar(select(MergeRow).where(MergeRow.file_name == BASELINE_MARK)
                         .order_by(MergeRow.id).limit(1))
    return None if row is None else int(row.summary.get("codebook_version", 0)) or None
