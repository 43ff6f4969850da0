"""A column mapping bound to one table's header row: which cells hold each post field.

:func:`bind` finds every column a :class:`~annotator.core.importers.mapping.Mapping` names
among the table's headers (exactly, then ignoring case) and decides which of the other
columns become post metadata. A mapped column missing from the table is a
:class:`~annotator.core.importers.mapping.MappingError` that names the column, the mapping
key and lists the table's headers, unless the mapping says ``missing_columns: ignore``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from annotator.core.importers.mapping import Column, Mapping, MappingError
from annotator.core.importers.table_cells import cell_text
from annotator.core.importers.table_reader import Cell, blank

RESERVED_KEYS = frozenset({
    "entities", "reactions", "reactions_raw", "views", "views_raw", "forwards", "edited",
    "reply_to", "reply_to_peer", "media", "poll", "flags", "from", "from_id", "signature",
    "via_bot", "forwarded", "forwarded_from_unknown", "forwarded_date", "album_size",
    "source_file", "message_type", "url", "forwards_raw",
})
"""Metadata keys that fields set; an unmapped column with such a header is stored as
``column:<header>`` so that it never overwrites (or is mistaken for) the field's value."""

_SUGGESTIONS = {
    "text": ("text", "message", "body", "content", "post", "post_text", "msg", "caption"),
    "id": ("message_id", "msg_id", "post_id", "id"),
    "date": ("date", "datetime", "timestamp", "time", "created_at", "published", "posted_at"),
    "channel": ("channel", "channel_name", "channel_username", "chat", "chat_name"),
    "channel_id": ("channel_id", "chat_id", "peer_id"),
    "author": ("post_author", "author", "signature"),
    "forwarded_from": ("forwarded_from", "fwd_from", "forward_from", "forwarded_from_name"),
    "reply_to": ("reply_to", "reply_to_msg_id", "reply_to_message_id"),
    "views": ("views", "view_count", "views_count"),
    "forwards": ("forwards", "forward_count", "forwards_count"),
    "reactions": ("reactions",),
    "url": ("url", "link", "msg_link", "post_url", "message_url"),
    "edited": ("edited", "edit_date", "edited_at"),
}


def find_column(headers: tuple[str, ...], name: str) -> int | None:
    """Index of the header ``name`` (exact, else the only case-insensitive match)."""
    if name in headers:
        return headers.index(name)
    folded = [i for i, header in enumerate(headers) if header.casefold() == name.casefold()]
    return folded[0] if len(folded) == 1 else None


def suggest_columns(headers: tuple[str, ...] | list[str]) -> dict[str, str]:
    """Likely columns for some fields, judged by header names alone (for a dialog's
    defaults and for the example in the "no mapping" error); each header is used once."""
    found: dict[str, str] = {}
    used: set[int] = set()
    for field_name, candidates in _SUGGESTIONS.items():
        for candidate in candidates:
            index = find_column(tuple(headers), candidate)
            if index is not None and index not in used:
                found[field_name] = headers[index]
                used.add(index)
                break
    return found


@dataclass(frozen=True, slots=True)
class BoundColumn:
    """A field's :class:`Column` with the indices of its columns in the table."""

    field: str
    column: Column
    indices: tuple[int, ...]
    regex: re.Pattern[str] | None = None
    group: str | int = 0

    def value(self, cells: tuple[Cell, ...]) -> tuple[Cell, bool]:
        """(the field's value in a row, whether ``pattern`` did not match).

        The first non-empty cell (or all of them joined), then the ``json_key`` of a JSON
        object cell (anything else counts as empty), then the part ``pattern`` matches (the
        whole cell when it does not match). ``None`` when empty.
        """
        present = [cells[i] for i in self.indices if i < len(cells) and not blank(cells[i])]
        if not present:
            return None, False
        cell: Cell = present[0]
        if self.column.join is not None:
            cell = self.column.join.join(cell_text(item).strip() for item in present)
        if self.column.json_key is not None:
            cell = _json_member(cell, self.column.json_key)
            if cell is None:
                return None, False
        if self.regex is None:
            return cell, False
        match = self.regex.search(cell_text(cell))
        if match is None:
            return cell, True
        return match.group(self.group), False


def _json_member(cell: Cell, key: str) -> Cell:
    text = cell_text(cell).strip()
    if not text.startswith("{"):
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    member = value.get(key) if isinstance(value, dict) else None
    if isinstance(member, str | int | float | bool):
        return member
    return None


@dataclass(frozen=True, slots=True)
class BoundMapping:
    """A mapping bound to a header row: ``fields`` by name, and ``metadata`` as
    (metadata key, column index) for the columns stored as post metadata."""

    mapping: Mapping
    headers: tuple[str, ...]
    fields: dict[str, BoundColumn]
    metadata: tuple[tuple[str, int], ...]


def _regex(field_name: str, pattern: str | None) -> tuple[re.Pattern[str] | None, str | int]:
    if pattern is None:
        return None, 0
    regex = re.compile(pattern)
    for name in (field_name, "value"):
        if name in regex.groupindex:
            return regex, name
    return regex, 1 if regex.groups else 0


def bind(mapping: Mapping, headers: tuple[str, ...], table: Path) -> BoundMapping:
    """Bind ``mapping`` to ``headers`` of ``table``; see the module docstring."""
    source = mapping.source or table
    listed = ", ".join(headers)

    def missing(name: str, json_path: str) -> MappingError:
        return MappingError(
            source,
            f"column {name!r} is not in the table {table.name}; its columns are: {listed}",
            json_path=json_path,
        )

    fields: dict[str, BoundColumn] = {}
    for field_name, column in mapping.columns.mapped().items():
        indices = [find_column(headers, name) for name in column.names]
        absent = [name for name, index in zip(column.names, indices, strict=True) if index is None]
        found = tuple(index for index in indices if index is not None)
        if absent and (mapping.missing_columns == "error" or not found and field_name == "text"):
            raise missing(absent[0], f"$.columns.{field_name}")
        if found:
            regex, group = _regex(field_name, column.pattern)
            fields[field_name] = BoundColumn(field_name, column, found, regex, group)
    metadata = _metadata_columns(mapping, headers, fields, missing)
    return BoundMapping(mapping, headers, fields, metadata)


def _metadata_columns(
    mapping: Mapping,
    headers: tuple[str, ...],
    fields: dict[str, BoundColumn],
    missing: Callable[[str, str], MappingError],
) -> tuple[tuple[str, int], ...]:
    """(key, index) of the columns no field consumes (a ``json_key`` field only reads a
    part of its column, which therefore stays metadata), filtered by include/exclude."""
    consumed = {i for bound in fields.values() if bound.column.json_key is None
                for i in bound.indices}
    chosen = set(range(len(headers))) - consumed
    for key, names in (("include", mapping.include), ("exclude", mapping.exclude)):
        picked: set[int] = set()
        for position, name in enumerate(names or ()):
            index = find_column(headers, name)
            if index is None and mapping.missing_columns == "error":
                raise missing(name, f"$.metadata.{key}[{position}]")
            if index is not None:
                picked.add(index)
        if key == "include" and names is not None:
            chosen &= picked
        elif key == "exclude":
            chosen -= picked
    return tuple(
        (f"column:{headers[i]}" if headers[i] in RESERVED_KEYS else headers[i], i)
        for i in sorted(chosen)
    )
