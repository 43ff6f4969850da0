"""Adding and reading codes. Names are unique among siblings; shortcuts are unique."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from annotator.core.changes import Changes
from annotator.core.errors import Conflict, NotFound
from annotator.core.model import Code
from annotator.core.storage import convert
from annotator.core.storage.schema import CodeRow

_COLOUR = re.compile(r"^#[0-9a-f]{6}$")
PATH_SEPARATOR = "/"


def normalise_colour(colour: str | None) -> str | None:
    """``#RRGGBB`` in lower case, or ``None``; anything else raises :class:`Conflict`."""
    if colour is None:
        return None
    value = colour.strip().lower()
    if not _COLOUR.match(value):
        raise Conflict(f"colour {colour!r} is not of the form #RRGGBB")
    return value


def split_path(path: str) -> tuple[str, ...]:
    """``"Parent/Child"`` → ``("Parent", "Child")``, ignoring blanks around names."""
    parts = tuple(part.strip() for part in path.split(PATH_SEPARATOR))
    if not parts or any(not p for p in parts):
        raise NotFound("code", path)
    return parts


class CodeService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def list(self) -> list[Code]:
        """Every code, depth first in tree order (parents before their children)."""
        with self._sessions() as session:
            rows = session.scalars(select(CodeRow).order_by(CodeRow.position, CodeRow.id)).all()
        children: dict[int | None, list[CodeRow]] = {}
        for row in rows:
            children.setdefault(row.parent_id, []).append(row)
        result: list[Code] = []

        def walk(parent: int | None, prefix: tuple[str, ...]) -> None:
            for row in children.get(parent, []):
                path = (*prefix, row.name)
                result.append(convert.code(row, path))
                walk(row.id, path)

        walk(None, ())
        return result

    def get(self, code_id: int) -> Code:
        for code in self.list():
            if code.id == code_id:
                return code
        raise NotFound("code", code_id)

    def by_path(self, path: str) -> Code:
        wanted = split_path(path)
        for code in self.list():
            if code.path == wanted:
                return code
        raise NotFound("code", path)

    def add(
        self,
        name: str,
        parent_id: int | None = None,
        *,
        description: str = "",
        colour: str | None = None,
        shortcut: str | None = None,
    ) -> tuple[Code, Changes]:
        """Add one code under ``parent_id`` (``None`` for a top-level code)."""
        with self._sessions.begin() as session:
            row = self._add(session, name, parent_id, description, colour, shortcut)
            code_id = row.id
        return self.get(code_id), Changes(codes=frozenset({code_id}))

    def add_tree(self, nodes: Iterable[Mapping[str, Any]]) -> Changes:
        """Add nested codes in one transaction.

        Each node has ``name`` and optional ``description``, ``colour``,
        ``shortcut`` and ``children`` (a list of nodes).
        """
        added: set[int] = set()
        with self._sessions.begin() as session:

            def add_all(items: Iterable[Mapping[str, Any]], parent: int | None) -> None:
                for node in items:
                    row = self._add(
                        session,
                        str(node["name"]),
                        parent,
                        str(node.get("description", "")),
                        node.get("colour"),
                        node.get("shortcut"),
                    )
                    added.add(row.id)
                    add_all(node.get("children", ()), row.id)

            add_all(nodes, None)
        return Changes(codes=frozenset(added))

    @staticmethod
    def _add(
        session: Session,
        name: str,
        parent_id: int | None,
        description: str,
        colour: str | None,
        shortcut: str | None,
    ) -> CodeRow:
        clean = name.strip()
        if not clean or PATH_SEPARATOR in clean:
            raise Conflict(f"code name {name!r} must be non-empty and without '/'")
        if parent_id is not None and session.get(CodeRow, parent_id) is None:
            raise NotFound("code", parent_id)
        siblings = select(CodeRow.id).where(
            CodeRow.name == clean,
            CodeRow.parent_id.is_(None) if parent_id is None else CodeRow.parent_id == parent_id,
        )
        if session.scalar(siblings) is not None:
            raise Conflict(f"a code named {clean!r} already exists at that place in the tree")
        if shortcut is not None and session.scalar(
            select(CodeRow.id).where(CodeRow.shortcut == shortcut)
        ) is not None:
            raise Conflict(f"shortcut {shortcut!r} is already used by another code")
        position = len(session.scalars(select(CodeRow.id).where(
            CodeRow.parent_id.is_(None) if parent_id is None else CodeRow.parent_id == parent_id
        )).all())
        row = CodeRow(
            name=clean,
            parent_id=parent_id,
            description=description,
            colour=normalise_colour(colour),
            shortcut=shortcut,
            position=position,
        )
        session.add(row)
        session.flush()
        return row
