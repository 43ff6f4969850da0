"""Creating and finding coders. Names are unique display names; identity is the uuid."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from annotator.core.changes import Changes
from annotator.core.errors import Conflict, NotFound
from annotator.core.model import Coder
from annotator.core.storage import convert
from annotator.core.storage.schema import CoderRow


def clean_name(name: str) -> str:
    """A coder name with surrounding white space removed; empty names are refused."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise Conflict("a coder needs a non-empty name")
    return cleaned


class CoderService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def list(self) -> list[Coder]:
        with self._sessions() as session:
            rows = session.scalars(select(CoderRow).order_by(CoderRow.name))
            return [convert.coder(r) for r in rows]

    def get(self, coder_id: int) -> Coder:
        with self._sessions() as session:
            row = session.get(CoderRow, coder_id)
            if row is None:
                raise NotFound("coder", coder_id)
            return convert.coder(row)

    def by_uuid(self, uuid: str) -> Coder:
        with self._sessions() as session:
            row = session.scalar(select(CoderRow).where(CoderRow.uuid == uuid.lower()))
            if row is None:
                raise NotFound("coder", uuid)
            return convert.coder(row)

    def by_name(self, name: str) -> Coder:
        with self._sessions() as session:
            row = session.scalar(select(CoderRow).where(CoderRow.name == clean_name(name)))
            if row is None:
                raise NotFound("coder", name)
            return convert.coder(row)

    def create(self, name: str) -> tuple[Coder, Changes]:
        """Add a coder; a name already taken raises :class:`Conflict`."""
        cleaned = clean_name(name)
        with self._sessions.begin() as session:
            if session.scalar(select(CoderRow.id).where(CoderRow.name == cleaned)) is not None:
                raise Conflict(f"a coder named {cleaned!r} already exists")
            row = CoderRow(name=cleaned)
            session.add(row)
            session.flush()
            coder = convert.coder(row)
        return coder, Changes(coders=frozenset({coder.id}))

    def get_or_create(self, name: str) -> Coder:
        cleaned = clean_name(name)
        with self._sessions.begin() as session:
            return ensure(session, cleaned)


def ensure(session: Session, name: str) -> Coder:
    """The coder called ``name`` inside an open transaction, created if new."""
    row = session.scalar(select(CoderRow).where(CoderRow.name == name))
    if row is None:
        row = CoderRow(name=name)
        session.add(row)
        session.flush()
    return convert.coder(row)
