"""Listing the chats of an export that holds several (a whole-account export), for choosers.

The keys returned go into :attr:`ImportOptions.chats <annotator.core.importers.base.ImportOptions>`.
Inputs of one chat list that one chat; formats without chats list none.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from annotator.core.importers import tg_html, tg_json, tg_json_chats
from annotator.core.importers.base import ImportOptions
from annotator.core.progress import CancelToken, Progress, no_progress

PUBLIC_TYPES = frozenset({"public_channel", "private_channel", "public_supergroup"})
"""Chat types that are broadcast or public; every other type is a private conversation."""


@dataclass(frozen=True, slots=True)
class ChatChoice:
    """One chat that can be chosen: ``key`` for ImportOptions.chats, ``label`` to show.

    ``private`` marks personal chats and private groups, which a chooser should
    leave unticked by default; ``messages`` is ``None`` when not counted.
    """

    key: str
    label: str
    messages: int | None
    private: bool


def list_chats(
    path: Path,
    format_id: str,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> list[ChatChoice]:
    """The chats in ``path`` for an importer ``format_id`` (empty when it has no chats).

    May read the whole input (a JSON export is streamed once); run it off the GUI
    thread. Raises :class:`~annotator.core.errors.InputFileError` for unreadable input.
    """
    if format_id == tg_json.FORMAT_ID:
        return [
            ChatChoice(
                key=str(chat.id) if chat.id is not None else (chat.name or ""),
                label=chat.label(),
                messages=chat.messages,
                private=chat.type not in PUBLIC_TYPES,
            )
            for chat in tg_json_chats.list_chats(path, progress, cancel)
        ]
    if format_id == tg_html.FORMAT_ID:
        found, _ = tg_html.discover(path, ImportOptions(), every=True)
        return [
            ChatChoice(
                key=chat.folder or (chat.title or path.name),
                label=f"{chat.title or 'untitled'} ({chat.folder or path.name}, "
                f"{len(chat.pages)} page(s))",
                messages=None,
                private=False,
            )
            for chat in found
        ]
    return []
