"""The record of past imports (one :class:`~annotator.core.model.Source` per import)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from annotator.core.model import Source
from annotator.core.storage import convert
from annotator.core.storage.schema import SourceRow


class SourceService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def list(self) -> list[Source]:
        """Every import that added posts, oldest first."""
        with self._sessions() as session:
            rows = session.scalars(select(SourceRow).order_by(SourceRow.id))
            return [convert.source(r) for r in rows]
