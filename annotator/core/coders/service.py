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

    def list(self, include_gold: bool = False) -> list[Coder]:
        """The coders by name; the adjudicated (gold) layer only with ``include_gold``."""
        with self._sessions() as session:
            query = select(CoderRow).order_by(CoderRow.name)
            if not include_gold:
                query = query.where(CoderRow.kind == "person")
            return [convert.coder(r) for r in session.scalars(query)]

    def gold(self) -> Coder:
        """The adjudicated layer's coder row, created (named "Adjudicated") on first use."""
        with self._sessions.begin() as session:
            return ensure_gold(session)

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


GOLD_NAME = "Adjudicated"


def ensure_gold(session: Session) -> Coder:
    """The gold coder inside an open transaction, created if missing; its name gets a
    number when a person already has the name."""
    row = session.scalar(select(CoderRow).where(CoderRow.kind == "gold"))
    if row is None:
        name, number = GOLD_NAME, 1
        while session.scalar(select(CoderRow.id).where(CoderRow.name == name)) is not None:
            number += 1
            name = f"{GOLD_NAME} {number}"
        row = CoderRow(name=name, kind="gold")
        session.add(row)
        session.flush()
    return convert.coder(row)


def ensure(session: Session, name: str) -> Coder:
    """The coder called ``name`` inside an open transaction, created if new."""
    row = session.scalar(select(CoderRow).where(CoderRow.name == name))
    if row is None:
        row = CoderRow(name=name)
        session.add(row)
        session.flush()
    return convert.coder(row)
