"""The chats of a Telegram Desktop ``result.json``: headers, listing and choosing.

A single-chat export's top object *is* the chat; a whole-account export holds its
chats in ``chats.list[]`` and ``left_chats.list[]``. Telegram writes each chat's
``name``, ``type`` and ``id`` before its ``messages``, so :class:`ChatTracker`
learns a chat's header from ijson's event stream before its messages arrive.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ijson

from annotator.core.errors import InputFileError
from annotator.core.importers.base import ParsedChannel
from annotator.core.importers.json_repair import open_json
from annotator.core.progress import CancelToken, Progress, no_progress

CHAT_TYPES = frozenset({
    "personal_chat", "bot_chat", "private_group", "private_supergroup", "public_supergroup",
    "private_channel", "public_channel", "saved_messages", "replies", "verification_codes",
})
ACCOUNT_KEYS = frozenset({
    "about", "personal_information", "profile_pictures", "stories", "contacts",
    "frequent_contacts", "sessions", "web_sessions", "other_data", "chats", "left_chats",
})
CHAT_HEAD_KEYS = frozenset({"name", "type", "id"})
TITLES = {"saved_messages": "Saved Messages", "replies": "Replies",
           "verification_codes": "Verification Codes"}
SECTIONS = ("chats", "left_chats")
NOT_ITEMS = frozenset({"map_key", "end_map", "end_array"})
ID_OFFSET = 1_000_000_000_000
"""The Bot API writes a channel or supergroup id as ``-100`` followed by the bare id."""
EXPECTED = (
    "expected a Telegram Desktop export (result.json): a JSON object that is one chat "
    '("name", "type", "id", "messages") or a whole account ("about", "personal_information", '
    '"chats", "left_chats")'
)


@dataclass(frozen=True, slots=True)
class ChatSummary:
    """One chat of an export: name (``None`` for Saved Messages and the like), bare id,
    Telegram's chat type, number of items in ``messages`` (service messages included), and
    whether it is listed under ``left_chats``."""

    name: str | None
    id: int | None
    type: str | None
    messages: int
    left: bool = False

    def label(self) -> str:
        """``name (id, type, N messages)``, as error messages and choosers show it."""
        name = self.name if self.name is not None else TITLES.get(self.type or "", "(no name)")
        left = ", left" if self.left else ""
        return f"{name} ({self.id}, {self.type}, {self.messages} messages{left})"


@dataclass(slots=True)
class Chat:
    """A chat's header as read so far, and where the chat is in the file."""

    name: str | None = None
    type: str | None = None
    id: int | None = None
    where: str = "messages"  # the JSON path of its messages array
    messages: int = 0  # counted by list_chats only

    @property
    def key(self) -> str:
        return str(self.id) if self.id is not None else self.name or self.type or "chat"

    def summary(self, left: bool) -> ChatSummary:
        return ChatSummary(self.name, self.id, self.type, self.messages, left)

    def channel(self, left: bool) -> ParsedChannel:
        title = self.name or TITLES.get(self.type or "", self.key)
        meta: dict[str, Any] = {"type": self.type} if self.type else {}
        if left:
            meta["left"] = True
        return ParsedChannel(key=self.key, title=title, metadata=meta, telegram_id=self.id)

    def matches(self, choice: str) -> bool:
        """Whether ``choice`` names this chat: its id (bare, ``-id`` or ``-100id``) or its name
        (ignoring case)."""
        digits = choice.removeprefix("-")
        if self.id is not None and digits.isascii() and digits.isdigit() \
                and int(digits) in (self.id, self.id + ID_OFFSET):
            return True
        return self.name is not None and self.name.casefold() == choice.casefold()


class ChatTracker:
    """Follows the chats of an account export through ijson events outside ``messages``.

    :meth:`feed` returns the chat (its header as read so far) on the chat's ``messages`` key,
    when ``messages_prefix`` is the prefix of that array's events; else ``None``.
    """

    def __init__(self) -> None:
        self.section = ""
        self.base = ""
        self.chat: Chat | None = None
        self.counts = dict.fromkeys(SECTIONS, 0)
        self.messages_prefix = ""
        self._fields: dict[str, str] = {}

    @property
    def left(self) -> bool:
        return self.section == "left_chats"

    def feed(self, prefix: str, kind: str, value: Any) -> Chat | None:
        if not prefix:
            if kind == "map_key":
                self.section = value if value in SECTIONS else ""
                self.base = f"{self.section}.list.item" if self.section else ""
                self.messages_prefix = self.base + ".messages"
                self._fields = {f"{self.base}.{key}": key for key in CHAT_HEAD_KEYS}
        elif not self.base:
            pass
        elif prefix == self.base:
            if kind == "start_map":
                index = self.counts[self.section]
                self.counts[self.section] = index + 1
                self.chat = Chat(where=f"{self.section}.list[{index}].messages")
            elif kind == "map_key" and value == "messages":
                return self.chat
        elif self.chat is not None and (key := self._fields.get(prefix)) is not None:
            set_head(self.chat, key, kind, value)
        return None


def set_head(chat: Chat, key: str, kind: str, value: Any) -> None:
    if key == "name" and kind in ("string", "null"):
        chat.name = value
    elif key == "type" and kind == "string":
        chat.type = value
    elif key == "id" and kind == "number" and type(value) is int:
        chat.id = value


def peek_chat(path: Path) -> Chat | None:
    """Read the file's start: ``None`` for an account export, else the chat's header.

    Telegram writes ``name``, ``type`` and ``id`` before ``messages``; only when a file does
    not is the whole file scanned for them. A chat without ``messages`` is refused.
    """
    chat, has_messages = Chat(), False
    try:
        with open_json(path) as reader:
            events = ijson.parse(reader, use_float=True)
            first = next(events, None)
            if first is None or first[1] != "start_map":
                raise InputFileError(path, "the file does not start with a JSON object")
            keys = 0
            for prefix, kind, value in events:
                if prefix == "" and kind == "map_key":
                    keys += 1
                    if keys == 1 and value in ACCOUNT_KEYS:
                        return None
                    if keys == 1 and value not in CHAT_HEAD_KEYS and value != "messages":
                        raise InputFileError(path, f"its first key is {value!r}")
                    if value == "messages":
                        check_array(path, events, "messages")
                        has_messages = True
                        if chat.id is not None:
                            return chat
                elif prefix in CHAT_HEAD_KEYS:
                    set_head(chat, prefix, kind, value)
    except InputFileError as exc:  # say what the file should have been
        raise InputFileError(path, f"{exc.reason}; {EXPECTED}", exc.line) from None
    if not has_messages:
        raise InputFileError(path, f'the chat has no "messages" array; {EXPECTED}')
    return chat


def check_array(path: Path, events: Iterator[tuple[str, str, Any]], where: str) -> None:
    following = next(events, None)
    if following is None or following[1] != "start_array":
        raise InputFileError(path, f"{where}: expected an array of messages")


def count_items(events: Iterator[tuple[str, str, Any]], array: str) -> int:
    """Count the items of the array at prefix ``array`` (just opened) and read past it."""
    item, count = array + ".item", 0
    for prefix, kind, _value in events:
        if prefix == item:
            if kind not in NOT_ITEMS:
                count += 1
        elif prefix == array and kind == "end_array":
            break
    return count


def list_chats(
    path: Path, progress: Progress = no_progress, cancel: CancelToken | None = None
) -> list[ChatSummary]:
    """The chats of an export (one for a single-chat export), streaming through the file.

    Raises :class:`InputFileError` for a file that is not a readable ``result.json``.
    """
    single = peek_chat(path)
    found: list[ChatSummary] = []
    tracker = ChatTracker()
    with open_json(path, progress, cancel) as reader:
        events = ijson.parse(reader, use_float=True)
        if single is not None:
            for prefix, kind, value in events:
                if not prefix and kind == "map_key" and value == "messages":
                    check_array(path, events, "messages")
                    single.messages = count_items(events, "messages")
            return [single.summary(left=False)]
        for prefix, kind, value in events:
            chat = tracker.feed(prefix, kind, value)
            if chat is not None:
                check_array(path, events, chat.where)
                chat.messages = count_items(events, tracker.messages_prefix)
                found.append(chat.summary(tracker.left))
    return found


def listing(chats: list[ChatSummary]) -> str:
    return "; ".join(chat.label() for chat in chats)
