"""The first posts a table yields with a mapping, for the mapping dialog's preview. Qt-free."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from annotator.core.importers.base import ImportWarning, ParsedPost
from annotator.core.importers.mapping import Mapping
from annotator.core.importers.table_posts import parse_table
from annotator.core.progress import CancelToken, no_progress

SAMPLE_POSTS = 5


@dataclass(frozen=True, slots=True)
class PostSample:
    """The first posts, the titles of their channels by key, and the warnings about them
    (or about the whole table, such as "channel taken from the file name")."""

    posts: tuple[ParsedPost, ...]
    channels: dict[str, str]
    warnings: tuple[ImportWarning, ...]


def sample_posts(
    path: Path,
    mapping: Mapping,
    sheet: str | None,
    cancel: CancelToken | None = None,
    count: int = SAMPLE_POSTS,
) -> PostSample:
    """Parse the first ``count`` posts of ``path`` with ``mapping``; runs on a pool thread.

    Raises what :func:`~annotator.core.importers.table_posts.parse_table` raises
    (InputFileError, MappingError, Cancelled).
    """
    source = parse_table(path, mapping, sheet, no_progress, cancel)
    posts = iter(source.posts)
    try:
        first = tuple(islice(posts, count))
    finally:
        close = getattr(posts, "close", None)
        if close is not None:
            close()  # releases the file now, not when the generator is collected
    warnings = tuple(w for w in source.warnings if w.post is None or w.post < count)
    channels = {key: channel.title for key, channel in source.channels.items()}
    return PostSample(first, channels, warnings)
