"""Matching the channels an input names with the project's channels.

A channel is the same channel when its Telegram id matches; else its username
(any case); else its title, provided neither side has a different id or
username. What a new input adds (an id, a username, newer counters) is kept.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.core.errors import InputFileError
from annotator.core.importers.base import ParsedChannel
from annotator.core.storage.schema import ChannelRow


def channel_key(telegram_id: int | None, username: str | None, title: str) -> str:
    """The best identifier known: ``tg:<id>``, else ``@username``, else the title."""
    if telegram_id is not None:
        return f"tg:{telegram_id}"
    if username:
        return f"@{username.lower()}"
    return title


class ChannelResolver:
    """Finds or creates the row of each channel key of one input, on first use."""

    def __init__(self, session: Session, channels: dict[str, ParsedChannel]) -> None:
        self._session = session
        self._parsed = channels  # importers may add channels while posts stream
        self._rows: dict[str, ChannelRow] = {}

    def row_id(self, key: str) -> int:
        row = self._rows.get(key)
        if row is None:
            parsed = self._parsed.get(key)
            if parsed is None:
                raise InputFileError("<import>", f"a post names channel {key!r}, never described")
            row = self._rows[key] = self._resolve(parsed)
        return row.id

    def titles(self) -> list[str]:
        return [row.title for row in self._rows.values()]

    def _resolve(self, parsed: ParsedChannel) -> ChannelRow:
        username = parsed.username.lower().lstrip("@") if parsed.username else None
        row = self._find(parsed.telegram_id, username, parsed.title)
        if row is None:
            row = ChannelRow(
                key=channel_key(parsed.telegram_id, username, parsed.title),
                title=parsed.title,
                meta=dict(parsed.metadata),
                telegram_id=parsed.telegram_id,
                username=username,
            )
            self._session.add(row)
        else:
            _merge(row, parsed, username)
        self._session.flush()
        return row

    def _find(self, telegram_id: int | None, username: str | None, title: str) -> ChannelRow | None:
        query = select(ChannelRow)
        if telegram_id is not None:
            found = self._session.scalar(query.where(ChannelRow.telegram_id == telegram_id))
            if found is not None:
                return found
        if username:
            found = self._session.scalar(query.where(ChannelRow.username == username))
            if found is not None and (telegram_id is None or found.telegram_id in (None,
                                                                                    telegram_id)):
                return found
        for candidate in self._session.scalars(query.where(ChannelRow.title == title)):
            if _compatible(candidate, telegram_id, username):
                return candidate
        return None


def _compatible(row: ChannelRow, telegram_id: int | None, username: str | None) -> bool:
    """A title match is the same channel only if no id or username contradicts it."""
    if telegram_id is not None and row.telegram_id not in (None, telegram_id):
        return False
    return not (username and row.username not in (None, username))


def _merge(row: ChannelRow, parsed: ParsedChannel, username: str | None) -> None:
    if parsed.telegram_id is not None and row.telegram_id is None:
        row.telegram_id = parsed.telegram_id
    if username and row.username is None:
        row.username = username
    if parsed.title and parsed.title != row.title:
        row.title = parsed.title
    key = channel_key(row.telegram_id, row.username, row.title)
    if key != row.key:
        row.key = key
    merged: dict[str, Any] = {**(row.meta or {}), **parsed.metadata}
    if merged != row.meta:
        row.meta = merged
