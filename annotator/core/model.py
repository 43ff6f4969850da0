"""Frozen data objects that services hand out; safe to keep after their session ends."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from annotator.core.codebook.spec import Level
from annotator.core.spans import Span


class PostStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"


@dataclass(frozen=True, slots=True)
class Source:
    id: int
    uuid: str
    file_name: str
    format: str
    sha256: str
    imported_at: datetime
    n_posts: int
    n_added: int
    n_duplicates: int
    warnings: tuple[str, ...]
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Channel:
    id: int
    uuid: str
    key: str
    title: str
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Post:
    """A post; ``text`` never changes after import; ``date`` is UTC or ``None``.

    ``channel`` is the channel's key (its identity across imports), ``channel_title``
    the name to show.
    """

    id: int
    uuid: str
    source_id: int
    channel: str
    channel_title: str
    external_id: str | None
    author: str | None
    forwarded_from: str | None
    date: datetime | None
    text: str
    text_sha256: str
    metadata: dict[str, Any]
    position: int


@dataclass(frozen=True, slots=True)
class Coder:
    """A coder; ``kind`` is ``person``, or ``gold`` for the adjudicated layer."""

    id: int
    uuid: str
    name: str
    kind: str = "person"

    @property
    def is_gold(self) -> bool:
        return self.kind == "gold"


@dataclass(frozen=True, slots=True)
class Code:
    """A codebook code; ``path`` is the names from the root, e.g. ``("Frames", "Threat")``.

    ``kind`` is ``"span"`` or ``"variable"``; variables have a ``variable_type``
    and, for choice types, ordered ``levels``.
    """

    id: int
    uuid: str
    parent_id: int | None
    name: str
    description: str
    colour: str | None
    shortcut: str | None
    position: int
    path: tuple[str, ...]
    kind: str = "span"
    variable_type: str | None = None
    inclusion: str = ""
    exclusion: str = ""
    examples: tuple[str, ...] = ()
    memo: str = ""
    levels: tuple[Level, ...] = ()

    @property
    def is_variable(self) -> bool:
        return self.kind == "variable"

    @property
    def path_text(self) -> str:
        return "/".join(self.path)


@dataclass(frozen=True, slots=True)
class Annotation:
    """One span × code × coder; ``span`` is in code points, ``quote`` the covered text."""

    id: int
    uuid: str
    post_id: int
    code_id: int
    coder_id: int
    span: Span
    quote: str
    memo: str
    created: datetime
    updated: datetime
    codebook_version: int = 1


@dataclass(frozen=True, slots=True)
class ProjectInfo:
    path: str
    schema_version: int
    sources: int
    channels: int
    posts: int
    coders: int
    codes: int
    annotations: int
    codebook_version: int = 1
