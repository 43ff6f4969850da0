"""Importer for Telegram Desktop's machine-readable export, ``result.json``.

Two shapes (``shared/formats/telegram-exports.md`` (a)): a single-chat export, whose top object
*is* the chat (``name``, ``type``, ``id``, ``messages``), and a whole-account export, whose chats
are in ``chats.list[]`` and ``left_chats.list[]``. Which chats of an account to import is the
user's choice (:attr:`ImportOptions.chats`, names or ids); an account export with several chats
and no choice is refused with the list of its chats, so that private chats are never imported
by accident. :func:`list_chats` lists them for a chooser.

Memory stays bounded: the file is streamed with ijson's C backend through
:class:`~annotator.core.importers.json_repair.RepairingReader` (which repairs the exporter's
invalid ``\\xNN`` escapes) and never more than one message is built at a time. A single chat
is read with ``ijson.items(reader, "messages.item")`` after a peek at the header (Telegram
writes ``name``, ``type``, ``id`` before ``messages``); an account export is read from ijson's
event stream, which :class:`_ChatTracker` follows to learn each chat's header before its
messages and to pass on only the messages of chosen chats. Progress counts bytes read.
"""

from __future__ import annotations

import codecs
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import ijson

from annotator.core.errors import InputFileError
from annotator.core.importers.base import (
    ImportOptions,
    ImportWarning,
    ParsedChannel,
    ParsedPost,
    ParsedSource,
    Sample,
)
from annotator.core.importers.json_repair import open_json, repair_escapes
from annotator.core.importers.tg_json_messages import MessageConverter
from annotator.core.progress import CancelToken, Progress, check_cancel, no_progress

FORMAT_ID = "tg-json"
CHAT_TYPES = frozenset({
    "personal_chat", "bot_chat", "private_group", "private_supergroup", "public_supergroup",
    "private_channel", "public_channel", "saved_messages", "replies", "verification_codes",
})
ACCOUNT_KEYS = frozenset({
    "about", "personal_information", "profile_pictures", "stories", "contacts",
    "frequent_contacts", "sessions", "web_sessions", "other_data", "chats", "left_chats",
})
_CHAT_HEAD_KEYS = frozenset({"name", "type", "id"})
_ACCOUNT_PROOF = frozenset({"personal_information", "chats", "left_chats", "contacts"})
_TITLES = {"saved_messages": "Saved Messages", "replies": "Replies",
           "verification_codes": "Verification Codes"}
_SECTIONS = ("chats", "left_chats")
_MESSAGE_PREFIX = "chats.list.item.messages.item"
_LEFT_CUT = len("left_chats") - len("chats")
_NOT_ITEMS = frozenset({"map_key", "end_map", "end_array"})
_ID_OFFSET = 1_000_000_000_000
"""The Bot API writes a channel or supergroup id as ``-100`` followed by the bare id."""
_EXPECTED = (
    "expected a Telegram Desktop export (result.json): a JSON object that is one chat "
    '("name", "type", "id", "messages") or a whole account ("about", "personal_information", '
    '"chats", "left_chats")'
)
EDITED_CAVEAT = (
    "metadata 'edited' is Telegram's edit_date, which the server also sets when the first "
    "reaction arrives: it does not prove that the text was edited"
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
        name = self.name if self.name is not None else _TITLES.get(self.type or "", "(no name)")
        left = ", left" if self.left else ""
        return f"{name} ({self.id}, {self.type}, {self.messages} messages{left})"


@dataclass(slots=True)
class _Chat:
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
        title = self.name or _TITLES.get(self.type or "", self.key)
        meta: dict[str, Any] = {"type": self.type} if self.type else {}
        if left:
            meta["left"] = True
        return ParsedChannel(key=self.key, title=title, metadata=meta, telegram_id=self.id)

    def matches(self, choice: str) -> bool:
        """Whether ``choice`` names this chat: its id (bare, ``-id`` or ``-100id``) or its name
        (ignoring case)."""
        digits = choice.removeprefix("-")
        if self.id is not None and digits.isascii() and digits.isdigit() \
                and int(digits) in (self.id, self.id + _ID_OFFSET):
            return True
        return self.name is not None and self.name.casefold() == choice.casefold()


class _ChatTracker:
    """Follows the chats of an account export through ijson events outside ``messages``.

    :meth:`feed` returns the chat (its header as read so far) on the chat's ``messages`` key,
    when ``messages_prefix`` is the prefix of that array's events; else ``None``.
    """

    def __init__(self) -> None:
        self.section = ""
        self.base = ""
        self.chat: _Chat | None = None
        self.counts = dict.fromkeys(_SECTIONS, 0)
        self.messages_prefix = ""
        self._fields: dict[str, str] = {}

    @property
    def left(self) -> bool:
        return self.section == "left_chats"

    def feed(self, prefix: str, kind: str, value: Any) -> _Chat | None:
        if not prefix:
            if kind == "map_key":
                self.section = value if value in _SECTIONS else ""
                self.base = f"{self.section}.list.item" if self.section else ""
                self.messages_prefix = self.base + ".messages"
                self._fields = {f"{self.base}.{key}": key for key in _CHAT_HEAD_KEYS}
        elif not self.base:
            pass
        elif prefix == self.base:
            if kind == "start_map":
                index = self.counts[self.section]
                self.counts[self.section] = index + 1
                self.chat = _Chat(where=f"{self.section}.list[{index}].messages")
            elif kind == "map_key" and value == "messages":
                return self.chat
        elif self.chat is not None and (key := self._fields.get(prefix)) is not None:
            _set_head(self.chat, key, kind, value)
        return None


def _set_head(chat: _Chat, key: str, kind: str, value: Any) -> None:
    if key == "name" and kind in ("string", "null"):
        chat.name = value
    elif key == "type" and kind == "string":
        chat.type = value
    elif key == "id" and kind == "number" and type(value) is int:
        chat.id = value


def _peek(path: Path) -> _Chat | None:
    """Read the file's start: ``None`` for an account export, else the chat's header.

    Telegram writes ``name``, ``type`` and ``id`` before ``messages``; only when a file does
    not is the whole file scanned for them. A chat without ``messages`` is refused.
    """
    chat, has_messages = _Chat(), False
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
                    if keys == 1 and value not in _CHAT_HEAD_KEYS and value != "messages":
                        raise InputFileError(path, f"its first key is {value!r}")
                    if value == "messages":
                        _check_array(path, events, "messages")
                        has_messages = True
                        if chat.id is not None:
                            return chat
                elif prefix in _CHAT_HEAD_KEYS:
                    _set_head(chat, prefix, kind, value)
    except InputFileError as exc:  # say what the file should have been
        raise InputFileError(path, f"{exc.reason}; {_EXPECTED}", exc.line) from None
    if not has_messages:
        raise InputFileError(path, f'the chat has no "messages" array; {_EXPECTED}')
    return chat


def _check_array(path: Path, events: Iterator[tuple[str, str, Any]], where: str) -> None:
    following = next(events, None)
    if following is None or following[1] != "start_array":
        raise InputFileError(path, f"{where}: expected an array of messages")


def _count_items(events: Iterator[tuple[str, str, Any]], array: str) -> int:
    """Count the items of the array at prefix ``array`` (just opened) and read past it."""
    item, count = array + ".item", 0
    for prefix, kind, _value in events:
        if prefix == item:
            if kind not in _NOT_ITEMS:
                count += 1
        elif prefix == array and kind == "end_array":
            break
    return count


def sniff_head(head: bytes) -> bool:
    """Whether ``head`` (the first bytes of a file, maybe cut) starts like a ``result.json``."""
    data = head.removeprefix(codecs.BOM_UTF8).lstrip()
    if not data.startswith(b"{"):
        return False
    keys: list[str] = []
    chat_type: Any = None
    first_message: Any = None
    try:
        for prefix, kind, value in ijson.parse(repair_escapes(data)[0], use_float=True):
            if prefix == "" and kind == "map_key":
                keys.append(value)
                if len(keys) >= 4 and value != "messages":
                    break
            elif prefix == "type":
                chat_type = value
            elif prefix == "messages.item.type":
                first_message = value
                break
    except (ijson.JSONError, UnicodeDecodeError):
        pass  # the head is cut off mid-file
    if not keys:
        return False
    if keys[0] in ACCOUNT_KEYS:
        return set(keys) <= ACCOUNT_KEYS and (len(keys) > 1 or keys[0] in _ACCOUNT_PROOF)
    before = keys[: keys.index("messages")] if "messages" in keys else keys
    if not set(before) <= _CHAT_HEAD_KEYS:
        return False
    return chat_type in CHAT_TYPES or first_message in ("message", "service", "unsupported")


def list_chats(
    path: Path, progress: Progress = no_progress, cancel: CancelToken | None = None
) -> list[ChatSummary]:
    """The chats of an export (one for a single-chat export), streaming through the file.

    Raises :class:`InputFileError` for a file that is not a readable ``result.json``.
    """
    single = _peek(path)
    found: list[ChatSummary] = []
    tracker = _ChatTracker()
    with open_json(path, progress, cancel) as reader:
        events = ijson.parse(reader, use_float=True)
        if single is not None:
            for prefix, kind, value in events:
                if not prefix and kind == "map_key" and value == "messages":
                    _check_array(path, events, "messages")
                    single.messages = _count_items(events, "messages")
            return [single.summary(left=False)]
        for prefix, kind, value in events:
            chat = tracker.feed(prefix, kind, value)
            if chat is not None:
                _check_array(path, events, chat.where)
                chat.messages = _count_items(events, tracker.messages_prefix)
                found.append(chat.summary(tracker.left))
    return found


def _listing(chats: list[ChatSummary]) -> str:
    return "; ".join(chat.label() for chat in chats)


class TgJsonImporter:
    """Reads Telegram Desktop's ``result.json`` (one chat or a whole account), streaming."""

    format_id: ClassVar[str] = FORMAT_ID
    label: ClassVar[str] = "Telegram Desktop export (JSON)"

    def sniff(self, sample: Sample) -> bool:
        return sniff_head(sample.head)

    def parse(
        self,
        path: Path,
        options: ImportOptions,
        progress: Progress,
        cancel: CancelToken | None,
    ) -> ParsedSource:
        """Check the file's start and the choice of chats now; posts stream when iterated.

        Raises :class:`InputFileError` for a file that is not a ``result.json``, for an
        account export with several chats and no choice, or (while posts are iterated) for
        malformed JSON and chosen chats that are not in the file; raises
        :class:`~annotator.core.progress.Cancelled` when ``cancel`` is set.
        """
        check_cancel(cancel)
        chosen = (options.chats,) if isinstance(options.chats, str) else options.chats
        chat = _peek(path)
        source = ParsedSource(format=FORMAT_ID, channels={}, posts=(), metadata={
            "export": "account" if chat is None else "chat", "edited_caveat": EDITED_CAVEAT,
        })
        if chat is not None:
            if chosen and not any(chat.matches(c.strip()) for c in chosen):
                raise InputFileError(path, f"no chat matches {', '.join(chosen)}; the "
                                           f"file holds one chat: {_listing(list_chats(path))}")
            source.channels[chat.key] = chat.channel(left=False)
            source.posts = _posts(_Router(path, source, chat=chat), progress, cancel)
            return source
        choices = tuple(c.strip() for c in chosen)
        if not choices:  # a first pass lists the chats; the import is the second half
            choices = _only_chat(path, source, progress, cancel)
            source.posts = _posts(_Router(path, source, choices), lambda done, total: progress(
                (total + done) // 2, total), cancel)
            return source
        source.posts = _posts(_Router(path, source, choices), progress, cancel)
        return source


def _only_chat(
    path: Path, source: ParsedSource, progress: Progress, cancel: CancelToken | None
) -> tuple[str]:
    """The choice that picks the only chat of an account export; else the error listing them."""
    chats = list_chats(path, lambda done, total: progress(done // 2, total), cancel)
    if not chats:
        raise InputFileError(path, "this whole-account export holds no chats (export again with "
                                   "chats selected in Telegram Desktop's export settings)")
    if len(chats) > 1:
        raise InputFileError(path, f"this whole-account export holds {len(chats)} chats; choose "
                                   f"the ones to import by name or id: {_listing(chats)}")
    only = chats[0]
    source.warnings.append(ImportWarning(
        "chat_chosen", f"imported the only chat of the export: {only.label()}"))
    return (str(only.id) if only.id is not None else only.name or "",)


class _Router:
    """Which chat the message being read belongs to, and (for an account export) the filter
    that passes on the message events of chosen chats only, all under one prefix.

    ``chat`` is the chat whose messages are being read (``left_chats`` events are renamed to
    ``chats``), ``index`` the consumer's count of its messages. A single-chat export needs no
    filter: ``ijson.items`` reads its messages straight from the file.
    """

    def __init__(self, path: Path, source: ParsedSource, choices: tuple[str, ...] = (),
                 chat: _Chat | None = None) -> None:
        self.path, self.source, self.choices = path, source, choices
        self.single = chat is not None
        self.chat = chat or _Chat()
        self.index = 0
        self.hits: Counter[str] = Counter()

    def last(self) -> str:
        """The JSON path of the last message read completely ("" before the first)."""
        return f"{self.chat.where}[{self.index - 1}]" if self.index else ""

    def events(self, events: Iterator[tuple[str, str, Any]]) -> Iterator[tuple[str, str, Any]]:
        tracker = _ChatTracker()
        for prefix, kind, value in events:
            chat = tracker.feed(prefix, kind, value)
            if chat is None:
                continue
            end = tracker.messages_prefix
            _check_array(self.path, events, chat.where)
            if not self._wanted(chat, tracker.left):
                for event in events:  # the same stream, resumed: skip this chat's messages
                    if event[1] == "end_array" and event[0] == end:
                        break
                continue
            self.chat, self.index = chat, 0
            if tracker.left:
                for inner, event_kind, event_value in events:
                    if event_kind == "end_array" and inner == end:
                        break
                    yield inner[_LEFT_CUT:], event_kind, event_value
            else:
                for event in events:
                    if event[1] == "end_array" and event[0] == end:
                        break
                    yield event

    def _wanted(self, chat: _Chat, left: bool) -> bool:
        hit = False
        for choice in self.choices:
            if chat.matches(choice):
                self.hits[choice] += 1
                hit = True
        if hit and chat.key not in self.source.channels:
            self.source.channels[chat.key] = chat.channel(left)
        return hit

    def check_choices(self) -> None:
        """Refuse choices that matched no chat; warn about those that matched several."""
        missing = [choice for choice in self.choices if not self.hits[choice]]
        if missing:
            raise InputFileError(self.path, f"no chat matches {', '.join(map(repr, missing))}; "
                                            f"the export holds: {_listing(list_chats(self.path))}")
        for choice, hits in self.hits.items():
            if hits > 1:
                self.source.warnings.append(ImportWarning(
                    "chat_choice_ambiguous", f"{choice!r} matches {hits} chats; all imported"))


def _posts(router: _Router, progress: Progress, cancel: CancelToken | None
           ) -> Iterator[ParsedPost]:
    """The posts of the chosen chats, streamed; warnings and skips go to ``router.source``."""
    source = router.source
    convert = MessageConverter(source.skipped)
    with open_json(router.path, progress, cancel, router.last) as reader:
        if router.single:
            messages = ijson.items(reader, "messages.item", use_float=True)
        else:
            events = router.events(ijson.parse(reader, use_float=True))
            messages = ijson.items(events, _MESSAGE_PREFIX)
        for msg in messages:
            chat = router.chat
            post = convert.convert(msg, chat.key, chat.where, router.index)
            router.index += 1
            if post is not None:
                yield post
    router.check_choices()
    source.warnings.extend(convert.warnings())
    if reader.repairs:
        source.warnings.append(ImportWarning(
            "escapes_repaired",
            f"{reader.repairs} invalid \\xNN escape(s) (control characters as Telegram Desktop "
            "writes them) were read as \\u00NN",
        ))
