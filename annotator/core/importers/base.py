"""The importer interface and the parsed, storage-independent result of a parse.

An importer turns one input (a file, or a folder such as a Telegram Desktop
HTML export) into a :class:`ParsedSource`. It never touches the database:
:mod:`annotator.core.importers.service` stores the result in one transaction,
matching channels by Telegram id, username or title and posts by
``(channel, identity)``.

``ParsedSource.posts`` may be a generator, consumed once while the store runs,
so that a 1 GB export is never held in memory whole. Importers may add to
``channels``, ``warnings`` and ``skipped`` while they yield posts; a channel is
in ``channels`` before the first post that names it is yielded.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar, Protocol

from annotator.core.progress import CancelToken, Progress


@dataclass(frozen=True, slots=True)
class ImportWarning:
    """Something the importer noticed and let through.

    ``code`` is a stable machine-readable tag (e.g. ``"reactions_ambiguous"``).
    Where it is: ``file`` (a file name, for inputs made of several files),
    ``line`` (1-based, in the decoded file) and/or ``json_path`` (such as
    ``messages[12].date``); ``post`` is the 0-based index of the post among those
    the importer yielded, when the warning is about one.
    """

    code: str
    message: str
    line: int | None = None
    post: int | None = None
    json_path: str | None = None
    file: str | None = None

    def __str__(self) -> str:
        where = [part for part in (
            self.file,
            f"line {self.line}" if self.line is not None else None,
            self.json_path,
        ) if part]
        return f"{', '.join(where)}: {self.message}" if where else self.message


@dataclass(frozen=True, slots=True)
class ParsedChannel:
    """A channel (or chat) as the input describes it.

    ``key`` identifies the channel inside the input (posts name it). Across
    imports a channel is matched by ``telegram_id`` (the bare peer id, e.g.
    ``1987654321``), then ``username`` (without ``@``, any case), then ``title``.
    ``metadata`` holds format-specific facts such as counters and the description.
    """

    key: str
    title: str
    metadata: dict[str, Any] = field(default_factory=dict)
    telegram_id: int | None = None
    username: str | None = None


@dataclass(frozen=True, slots=True)
class ParsedPost:
    """One post, ready to store.

    ``text`` is verbatim and never changes after import. ``identity`` is stable
    across imports, exports and formats and independent of the post's position:
    the message id (as text) where the format has one, else a content hash. It is
    unique within ``channel`` (a :attr:`ParsedChannel.key`); the same identity with
    a different text is stored as a new version of the post. ``date`` is
    timezone-aware UTC or ``None``. ``line`` is where the post starts, when known.
    """

    channel: str
    identity: str
    text: str
    external_id: str | None = None
    author: str | None = None
    forwarded_from: str | None = None
    date: datetime | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    line: int | None = None


@dataclass(slots=True)
class ParsedSource:
    """What one input yields: channels, posts in input order, warnings, skipped items.

    ``skipped`` counts items that are not posts by reason (e.g. ``"service
    message"``, ``"date separator"``).
    """

    format: str
    channels: dict[str, ParsedChannel]
    posts: Iterable[ParsedPost]
    warnings: list[ImportWarning] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ImportOptions:
    """Choices the user makes for an import.

    ``chats``: for exports holding several chats (a whole-account export), the
    names or ids of the chats to import; empty means "the only chat" (an input
    with several chats and no choice is an error that lists them).
    ``mapping``: for CSV/XLSX, a column-mapping file (YAML or JSON, validated
    against ``schemas/import-mapping.schema.json``); ``None`` means "detect a preset".
    ``sheet``: for XLSX, the sheet name (default: the first).
    """

    chats: tuple[str, ...] = ()
    mapping: Path | None = None
    sheet: str | None = None


@dataclass(frozen=True, slots=True)
class Sample:
    """The start of an input, for detection: ``head`` is up to 64 KiB of its bytes
    (empty for a folder) and ``text`` their decoding (``None`` when not text)."""

    path: Path
    head: bytes
    text: str | None


class Importer(Protocol):
    """One input format.

    ``sniff`` decides by content whether the importer can read the input.
    ``parse`` reads it (streaming where the format is large); it raises
    :class:`~annotator.core.errors.InputFileError` (naming the file and, when
    it can, the line or JSON path) for input it cannot read, and
    :class:`~annotator.core.progress.Cancelled` when ``cancel`` is set, possibly
    while its posts are being consumed. It calls ``progress(done, total)`` now
    and then (bytes or items; ``total`` 0 when unknown).
    """

    format_id: ClassVar[str]
    label: ClassVar[str]

    def sniff(self, sample: Sample) -> bool: ...

    def parse(
        self,
        path: Path,
        options: ImportOptions,
        progress: Progress,
        cancel: CancelToken | None,
    ) -> ParsedSource: ...
