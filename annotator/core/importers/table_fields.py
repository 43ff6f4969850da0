"""Turning one table row into a :class:`ParsedPost`, with the mapping bound to the table.

Conventions (shared by the Telegram importers): ``text`` verbatim with ``\\n`` line breaks
("" for a media-only post, the question for a poll); ``author`` the post signature, else the
sender's name; ``date`` aware UTC; metadata keys such as ``views``, ``reactions``,
``edited``, ``reply_to``, ``media``, ``flags``, ``from``, ``from_id``. Channel keys are
``str(telegram_id)`` when known, else the username, else the title. Problems with single
cells become warnings with the row number (at most :data:`SHOWN_PER_CODE` per kind, then a
count); a date column that does not hold dates at all stops the import.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from datetime import datetime
from typing import Any

from annotator.core.errors import InputFileError
from annotator.core.importers.base import ImportWarning, ParsedChannel, ParsedPost, ParsedSource
from annotator.core.importers.table_cells import (
    EXCEL_EPOCH,
    CellError,
    DateReader,
    bool_word,
    cell_text,
    count,
    flag,
    is_null,
    json_value,
    message_id,
    parse_zone,
    telegram_id,
    username,
)
from annotator.core.importers.table_columns import BoundMapping
from annotator.core.importers.table_reactions import reactions
from annotator.core.importers.table_reader import Cell, Row, TableInfo, blank
from annotator.core.textnorm import comparison_key

SHOWN_PER_CODE = 20
"""Warnings of one kind listed one by one before the rest are only counted."""
_FAIL_FAST = 20
_HASH_CHARS = 32
_MAX_CACHED_CHANNELS = 10_000


def content_digest(channel: str, text: str) -> str:
    """First 32 hex digits of sha256 over the channel key and the normalised text."""
    key = f"{channel}\x1f{comparison_key(text)}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:_HASH_CHARS]


def _lines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


class _Notes:
    """Warnings, listed up to :data:`SHOWN_PER_CODE` per code and then counted."""

    def __init__(self, sink: list[ImportWarning]) -> None:
        self.sink = sink
        self.counts: Counter[str] = Counter()

    def add(self, code: str, message: str, line: int | None = None, post: int | None = None
            ) -> None:
        self.counts[code] += 1
        if self.counts[code] <= SHOWN_PER_CODE:
            self.sink.append(ImportWarning(code, message, line=line, post=post))

    def finish(self) -> None:
        for code, number in self.counts.items():
            if number > SHOWN_PER_CODE:
                more = number - SHOWN_PER_CODE
                self.sink.append(ImportWarning(code, f"and {more} more rows like the above"))


class RowReader:
    """Reads posts from rows of one table; registers channels and warnings in ``source``."""

    def __init__(self, bound: BoundMapping, info: TableInfo, source: ParsedSource) -> None:
        self.bound = bound
        self.mapping = bound.mapping
        self.info = info
        self.source = source
        options = self.mapping.date
        self.dates = DateReader(
            zone=parse_zone(options.timezone) if options.timezone else None,
            format=options.format,
            unit=options.unit,
            excel_epoch=info.excel_epoch or EXCEL_EPOCH,
        )
        self.notes = _Notes(source.warnings)
        self.index = 0
        self.occurrences: Counter[str] = Counter()
        self.seen: set[int] = set()  # hashes of (channel, id): bounded memory per row
        self.channel_keys: dict[tuple[str | None, ...], str] = {}
        self.file_channel: str | None = None
        self.without_id = 0
        self.naive = 0
        self.dates_read = 0
        self.dates_failed = 0
        if "date" not in bound.fields:
            self.notes.add("no_date", "no date column is mapped; posts have no date")

    # -- cells ------------------------------------------------------------------------

    def value(self, name: str, row: Row) -> Cell:
        bound = self.bound.fields.get(name)
        if bound is None:
            return None
        cell, unmatched = bound.value(row.cells)
        if unmatched:
            self.notes.add(
                "pattern_unmatched",
                f"{name}: {cell_text(cell)!r} does not match the pattern "
                f"{bound.column.pattern!r}; the whole cell is used", row.number, self.index,
            )
        return cell

    def text(self, name: str, row: Row) -> str | None:
        cell = self.value(name, row)
        return None if is_null(cell) else cell_text(cell).strip()

    def date(self, name: str, cell: Cell, row: Row) -> datetime | None:
        try:
            found = self.dates.read(cell)
        except CellError as exc:
            if name == "date":
                self.dates_failed += 1
                if not self.dates_read and self.dates_failed >= _FAIL_FAST:
                    column = ", ".join(self.bound.fields["date"].column.names)
                    raise InputFileError(
                        self.info.path,
                        f"the column {column!r} (mapped as date) does not hold dates: "
                        f"{exc}; check date.format, date.unit and the date column of the "
                        "mapping", row.number,
                    ) from exc
            self.notes.add("bad_date", f"{name}: {exc}; left empty", row.number, self.index)
            return None
        if found is None:
            return None
        value, assumed = found
        self.dates_read += name == "date"
        self.naive += assumed
        return value

    # -- rows -------------------------------------------------------------------------

    def post(self, row: Row) -> ParsedPost | None:
        """The post of ``row``, or ``None`` when the row is skipped (counted in ``skipped``)."""
        self._check_width(row)
        metadata: dict[str, Any] = {}
        flags: list[str] = []
        text = _lines(cell_text(self.value("text", row)))
        if not text.strip():
            text = ""
            question = self.text("poll_question", row)
            if question:
                text = _lines(question)
                flags.append("poll")
                metadata["poll"] = {"question": text}
            elif self.mapping.skip_empty_text:
                self.source.skipped["empty text"] += 1
                return None
            else:
                flags.append("media_only")
        channel = self._channel(row)
        identity, external = self._identity(row, channel, text)
        date = self.date("date", self.value("date", row), row)
        signature, sender = self.text("author", row), self.text("sender", row)
        forwarded_from = self._forward(row, metadata)
        self._details(row, metadata, signature, sender)
        if flags:
            metadata["flags"] = flags
        for key, index in self.bound.metadata:
            if index < len(row.cells) and not blank(row.cells[index]):
                metadata[key] = json_value(row.cells[index])
        post = ParsedPost(
            channel=channel, identity=identity, text=text, external_id=external,
            author=signature or sender, forwarded_from=forwarded_from, date=date,
            metadata=metadata, line=row.number,
        )
        self.index += 1
        return post

    def _check_width(self, row: Row) -> None:
        width = len(self.bound.headers)
        cells = row.cells
        if len(cells) > width and not all(blank(cell) for cell in cells[width:]):
            self.notes.add(
                "extra_cells",
                f"the row has {len(cells)} cells but the header has {width} columns; the "
                "cells after the last column are ignored (a stray delimiter or quote?)",
                row.number, self.index,
            )
        elif len(cells) < width and self.info.kind == "csv":
            self.notes.add(
                "short_row",
                f"the row has {len(cells)} cells but the header has {width} columns; the "
                "missing cells are read as empty", row.number, self.index,
            )

    def _identity(self, row: Row, channel: str, text: str) -> tuple[str, str | None]:
        ident = message_id(self.value("id", row))
        if ident is not None:
            if not ident.isdigit():
                self.notes.add(
                    "id_not_numeric",
                    f"id {ident!r} is not a Telegram message id; it is used as it is, so "
                    "the post will not match the same message from a Telegram export",
                    row.number, self.index,
                )
            key = hash((channel, ident))
            if key in self.seen:
                self.notes.add(
                    "duplicate_id",
                    f"message {ident} of channel {channel!r} appears again; one post is kept "
                    "per id (a different text becomes a new version)", row.number, self.index,
                )
            self.seen.add(key)
            return ident, ident
        self.without_id += 1
        digest = content_digest(channel, text)
        self.occurrences[digest] += 1
        return f"table:{digest}:{self.occurrences[digest]}", None

    def _forward(self, row: Row, metadata: dict[str, Any]) -> str | None:
        name = self.text("forwarded_from", row)
        forwarded = flag(self.value("forwarded", row))
        cell = self.value("forwarded_date", row)
        if flag(cell):  # 0 and empty mean "not forwarded" in 4CAT's columns
            when = self.date("forwarded_date", cell, row)
            if when is not None:
                metadata["forwarded_date"] = when.isoformat()
                forwarded = True
        if name is None and forwarded:
            metadata["forwarded"] = True
            metadata["forwarded_from_unknown"] = True
        return name

    def _details(
        self, row: Row, metadata: dict[str, Any], signature: str | None, sender: str | None
    ) -> None:
        if signature:
            metadata["signature"] = signature
        if sender:
            metadata["from"] = sender
        for name, key in (("sender_id", "from_id"), ("reply_to", "reply_to")):
            ident = message_id(self.value(name, row))
            if ident is not None and ident != "0":
                metadata[key] = ident
        for name in ("views", "forwards"):
            self._count(name, row, metadata)
        self._edited(row, metadata)
        url, media = self.text("url", row), self.text("media_type", row)
        if url:
            metadata["url"] = url
        if media:
            metadata["media"] = {"type": media}
        raw = self.text("reactions", row)
        if raw:
            metadata["reactions_raw"] = raw
            notation = self.bound.fields["reactions"].column.format or "auto"
            try:
                metadata["reactions"] = reactions(raw, notation)
            except CellError as exc:
                self.notes.add("reactions_unparsed", f"reactions: {exc}; kept as reactions_raw",
                               row.number, self.index)

    def _count(self, name: str, row: Row, metadata: dict[str, Any]) -> None:
        cell = self.value(name, row)
        if is_null(cell):
            return
        try:
            number, abbreviated = count(cell)
        except CellError as exc:
            metadata[f"{name}_raw"] = cell_text(cell).strip()
            self.notes.add("bad_number", f"{name}: {exc}; kept as {name}_raw", row.number,
                           self.index)
            return
        metadata[name] = number
        if abbreviated:
            metadata[f"{name}_raw"] = cell_text(cell).strip()

    def _edited(self, row: Row, metadata: dict[str, Any]) -> None:
        cell = self.value("edited", row)
        if is_null(cell):
            return
        word = bool_word(cell)
        if word is not None:
            if word:
                metadata["edited"] = True
            return
        when = self.date("edited", cell, row)
        if when is not None:
            metadata["edited"] = when.isoformat()

    # -- channels ---------------------------------------------------------------------

    def _channel(self, row: Row) -> str:
        value = self.text("channel", row)
        peer = self.text("channel_id", row)
        title = self.text("channel_title", row)
        if value is None and peer is None:
            if self.mapping.channel_value is None:
                if {"channel", "channel_id"} & self.bound.fields.keys():
                    self.notes.add("no_channel", "the channel cell is empty; the channel is "
                                   "taken from the file name", row.number, self.index)
                return self._file_channel()
            value = self.mapping.channel_value
        cache_key = (value, peer, title)
        key = self.channel_keys.get(cache_key)
        if key is None:
            tg_id = (telegram_id(peer) if peer else None) or (telegram_id(value) if value else None)
            numeric = value is not None and telegram_id(value) is not None
            name = username(value) if value and not numeric else None
            shown = title or name or (None if numeric else value) or str(tg_id)
            key = self._register(shown, tg_id, name)
            if len(self.channel_keys) >= _MAX_CACHED_CHANNELS:
                self.channel_keys.clear()
            self.channel_keys[cache_key] = key
        return key

    def _register(self, title: str, tg_id: int | None, name: str | None) -> str:
        key = str(tg_id) if tg_id else (name.casefold() if name else title)
        if key not in self.source.channels:
            self.source.channels[key] = ParsedChannel(
                key=key, title=title, telegram_id=tg_id, username=name
            )
        return key

    def _file_channel(self) -> str:
        if self.file_channel is not None:
            return self.file_channel
        stem = self.info.path.stem
        groups: dict[str, str | None] = {}
        if self.mapping.channel_from_file_name:
            match = re.search(self.mapping.channel_from_file_name, stem)
            groups = match.groupdict() if match else {}
        tg_id = telegram_id(groups.get("id") or "")
        name = groups.get("username")
        self.file_channel = self._register(groups.get("title") or name or stem, tg_id, name)
        self.notes.add(
            "channel_from_file_name",
            f"the table has no channel column; the channel is taken from the file name "
            f"{stem!r} (set channel_value in a mapping to name it)",
        )
        return self.file_channel

    def finish(self) -> None:
        """Add the summary warnings once every row has been read."""
        if self.without_id:
            self.source.warnings.append(ImportWarning(
                "no_id",
                f"{self.without_id} rows have no message id; their identity is a hash of "
                "channel and text, so they match only copies with the same text",
            ))
        if self.naive:
            self.source.warnings.append(ImportWarning(
                "naive_dates",
                f"{self.naive} dates had no time zone and were read as UTC; set "
                "date.timezone in the mapping if they are local times",
            ))
        self.notes.finish()
