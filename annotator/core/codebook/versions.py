"""Codebook versions and the changelog: every change is recorded and raises the version.

All changes made in one transaction share one new version (a whole codebook
file applied at once is one version with one changelog row per change).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.core.storage.schema import CodebookChangeRow, CodebookRow
from annotator.core.storage.types import utc_now

_BUMPED = "codebook_version_bumped"


@dataclass(frozen=True, slots=True)
class CodebookChange:
    """One changelog entry: the version it produced, when (UTC), who, and what."""

    version: int
    at: datetime
    author: str
    action: str
    summary: str
    details: dict[str, Any]


def codebook_row(session: Session) -> CodebookRow:
    """The codebook's single row, created (version 1) when missing."""
    row = session.scalar(select(CodebookRow).order_by(CodebookRow.id).limit(1))
    if row is None:
        row = CodebookRow(name="", description="", version=1)
        session.add(row)
        session.flush()
    return row


def current_version(session: Session) -> int:
    return codebook_row(session).version


def record(
    session: Session, author: str, action: str, summary: str, **details: Any
) -> int:
    """Record a change inside the caller's transaction; returns the version it belongs to.

    The first change made through a session raises the version by one; later ones
    share it (services open one session per user action).
    """
    row = codebook_row(session)
    if not session.info.get(_BUMPED):
        row.version += 1
        session.info[_BUMPED] = True
    session.add(CodebookChangeRow(version=row.version, at=utc_now(), author=author,
                                  action=action, summary=summary, details=details))
    return row.version


def changelog(session: Session) -> list[CodebookChange]:
    rows = session.scalars(select(CodebookChangeRow).order_by(CodebookChangeRow.id))
    return [CodebookChange(r.version, r.at, r.author, r.action, r.summary, dict(r.details))
            for r in rows]
