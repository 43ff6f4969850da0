"""The importer interface and the parsed, storage-independent result of a parse.

An importer turns decoded file content into a :class:`ParsedSource`. It never
touches the database: :mod:`annotator.core.importers.service` stores the result
in one transaction, de-duplicating posts by ``(channel key, identity)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar, Protocol

from annotator.core.progress import CancelToken, Progress


@dataclass(frozen=True, slots=True)
class ImportWarning:
    """Something the importer noticed and let through.

    ``code`` is a stable machine-readable tag (e.g. ``"reactions_ambiguous"``);
    ``line`` is 1-based in the decoded file when known; ``post`` is the 0-based
    index of the post in :attr:`ParsedSource.posts` when the warning is about one.
    """

    code: str
    message: str
    line: int | None = None
    post: int | None = None

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line is not None else ""
        return f"{where}{self.message}"


@dataclass(frozen=True, slots=True)
class ParsedChannel:
    """A channel (or chat) as the file describes it.

    ``key`` identifies the channel across imports (a numeric id or username when
    the format has one, else the title); ``metadata`` holds format-specific facts
    such as header counters and the description.
    """

    key: str
    title: str
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ParsedPost:
    """One post, ready to store.

    ``text`` is verbatim and never changes after import. ``identity`` is stable
    across imports and independent of the post's position in the file; it is
    unique within ``channel`` (the channel's key). ``date`` is timezone-aware UTC
    or ``None``. ``line`` is the 1-based line where the post starts, when known.
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
    """Everything one file yields: channels, posts in file order, and warnings."""

    format: str
    channels: list[ParsedChannel]
    posts: list[ParsedPost]
    warnings: list[ImportWarning] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)


class Importer(Protocol):
    """One input format.

    ``sniff`` decides by content (the first few KB of decoded text) whether the
    importer can read the file; ``parse`` reads it whole. ``parse`` raises
    :class:`~annotator.core.errors.InputFileError` (with a line number when it
    can) for input it cannot read, and :class:`~annotator.core.progress.Cancelled`
    when ``cancel`` is set. It calls ``progress(done, total)`` now and then.
    """

    format_id: ClassVar[str]
    label: ClassVar[str]

    def sniff(self, path: Path, head: str) -> bool: ...

    def parse(
        self,
        path: Path,
        text: str,
        progress: Progress,
        cancel: CancelToken | None,
    ) -> ParsedSource: ...
