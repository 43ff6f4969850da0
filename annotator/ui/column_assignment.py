"""Which post field each column of a table feeds: the state behind a mapping dialog's drop-downs.

Qt-free. A :class:`ColumnAssignment` starts from a mapping (a preset, a loaded file,
or a guess from the header names) and gives each header one choice: a field of
:data:`~annotator.core.importers.mapping.FIELDS`, :data:`METADATA` or :data:`IGNORED`.
Turning the choices back into a :class:`Mapping` keeps what the drop-downs cannot
show (a column's ``pattern``, ``join`` or ``json_key``, the preset's name, columns the
table lacks) for every field whose columns the user did not change.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from annotator.core.importers.mapping import (
    FIELDS,
    Column,
    Columns,
    DateOptions,
    Mapping,
    detect_preset,
)
from annotator.core.importers.table_columns import find_column, suggest_columns

METADATA = "(metadata)"
"""The column is stored as post metadata under its header name."""

IGNORED = "(ignored)"
"""The column is left out of the import."""

CHOICES = (METADATA, IGNORED, *FIELDS)
"""Every choice a header can have, in the order a drop-down offers them."""


def suggested_mapping(headers: tuple[str, ...]) -> Mapping | None:
    """A mapping guessed from header names alone (dates read as UTC); ``None`` without a
    likely text column."""
    guess = suggest_columns(headers)
    if "text" not in guess:
        return None
    columns = Columns(**{name: Column.of(header) for name, header in guess.items()})
    return Mapping(columns=columns, date=DateOptions(timezone="UTC"))


def starting_mapping(headers: tuple[str, ...]) -> tuple[Mapping | None, str | None]:
    """(the mapping a table starts with, the id of the preset it came from): the preset
    its header row matches, else :func:`suggested_mapping` with no preset id."""
    preset = detect_preset(headers)
    if preset is not None:
        return preset.mapping, preset.id
    return suggested_mapping(headers), None


@dataclass
class ColumnAssignment:
    """One choice per header; see the module docstring. GUI thread only (mutable)."""

    headers: tuple[str, ...]
    base: Mapping | None
    initial: dict[str, str] = field(default_factory=dict)
    current: dict[str, str] = field(default_factory=dict)

    @classmethod
    def start(cls, headers: tuple[str, ...], base: Mapping | None) -> ColumnAssignment:
        """Choices read from ``base``: each header gets the first field (in FIELDS order)
        that names it, else IGNORED when ``base`` leaves it out of the metadata, else
        METADATA."""
        initial = {header: METADATA for header in headers}
        if base is not None:
            for header in _left_out(base, headers):
                initial[header] = IGNORED
            for name in reversed(FIELDS):  # so that the first field naming a header wins
                column = getattr(base.columns, name)
                for header in _present(column, headers):
                    initial[header] = name
        return cls(headers, base, initial, dict(initial))

    def choice(self, header: str) -> str:
        return self.current[header]

    def set_choice(self, header: str, choice: str) -> None:
        if choice not in CHOICES:
            raise ValueError(f"unknown choice {choice!r}")
        self.current[header] = choice

    def headers_for(self, choice: str) -> tuple[str, ...]:
        """The headers whose choice is ``choice``, in table order."""
        return tuple(h for h in self.headers if self.current[h] == choice)

    def changed(self) -> bool:
        return self.current != self.initial

    def columns(self) -> dict[str, Column]:
        """The column of each mapped field, in FIELDS order (see the module docstring)."""
        found: dict[str, Column] = {}
        for name in FIELDS:
            original = getattr(self.base.columns, name) if self.base is not None else None
            if original is not None and not self._touched(name):
                found[name] = original
            elif chosen := self.headers_for(name):
                found[name] = Column.of(*chosen)
        return found

    def mapping(self, date: DateOptions, channel_value: str | None) -> Mapping | None:
        """The mapping the choices make, with ``date`` and ``channel_value`` (used only
        when no column is the channel); ``None`` while no column is the text."""
        columns = self.columns()
        if "text" not in columns:
            return None
        base = self.base if self.base is not None else Mapping(columns=Columns(**columns))
        include, exclude = base.include, base.exclude
        ignored = set(self.headers_for(IGNORED))
        if ignored != {h for h, c in self.initial.items() if c == IGNORED}:
            include, exclude = None, tuple(h for h in self.headers if h in ignored)
        has_channel = "channel" in columns or "channel_id" in columns
        return replace(
            base,
            columns=Columns(**columns),
            date=date,
            channel_value=None if has_channel else channel_value or None,
            include=include,
            exclude=exclude,
            source=None,
        )

    def _touched(self, name: str) -> bool:
        """Whether a header was moved onto or away from field ``name``."""
        return any(
            self.initial[h] != self.current[h] and name in (self.initial[h], self.current[h])
            for h in self.headers
        )


def _present(column: Column | None, headers: tuple[str, ...]) -> list[str]:
    if column is None:
        return []
    indices = (find_column(headers, name) for name in column.names)
    return [headers[i] for i in indices if i is not None]


def _left_out(mapping: Mapping, headers: tuple[str, ...]) -> list[str]:
    """Headers that ``mapping``'s metadata include/exclude lists keep out of the metadata."""
    excluded = {headers[i] for name in mapping.exclude
                if (i := find_column(headers, name)) is not None}
    if mapping.include is not None:
        kept = {headers[i] for name in mapping.include
                if (i := find_column(headers, name)) is not None}
        excluded |= set(headers) - kept
    return [h for h in headers if h in excluded]
