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
event stream, which :class:`ChatTracker` follows to learn each chat's header before its
messages and to pass on only the messages of chosen chats. Progress counts bytes read.
"""

from __future__ import annotations

import codecs
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import ijson

from annotator.core.errors import InputFileError
from annotator.core.importers.base import (
    ImportOptions,
    ImportWarning,
    ParsedPost,
    ParsedSource,
    Sample,
)
from annotator.core.importers.json_repair import open_json, repair_escapes
from annotator.core.importers.tg_json_chats import (
    ACCOUNT_KEYS,
    CHAT_HEAD_KEYS,
    CHAT_TYPES,
    Chat,
    ChatTracker,
    check_array,
    list_chats,
    listing,
    peek_chat,
)
from annotator.core.importers.tg_json_messages import MessageConverter
from annotator.core.progress import CancelToken, Progress, check_cancel

FORMAT_ID = "tg-json"
_ACCOUNT_PROOF = frozenset({"personal_information", "chats", "left_chats", "contacts"})
_MESSAGE_PREFIX = "chats.list.item.messages.item"
_LEFT_CUT = len("left_chats") - len("chats")
EDITED_CAVEAT = (
    "metadata 'edited' is Telegram's edit_date, which the server also sets when the first "
    "reaction arrives: it does not prove that the text was edited"
)


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
    if not set(before) <= CHAT_HEAD_KEYS:
        return False
    return chat_type in CHAT_TYPES or first_message in ("message", "service", "unsupported")


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
        chat = peek_chat(path)
        source = ParsedSource(format=FORMAT_ID, channels={}, posts=(), metadata={
            "export": "account" if chat is None else "chat", "edited_caveat": EDITED_CAVEAT,
        })
        if chat is not None:
            if chosen and not any(chat.matches(c.strip()) for c in chosen):
                raise InputFileError(path, f"no chat matches {', '.join(chosen)}; the "
                                           f"file holds one chat: {listing(list_chats(path))}")
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
                                   f"the ones to import by name or id: {listing(chats)}")
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
                 chat: Chat | None = None) -> None:
        self.path, self.source, self.choices = path, source, choices
        self.single = chat is not None
        self.chat = chat or Chat()
        self.index = 0
        self.hits: Counter[str] = Counter()

    def last(self) -> str:
        """The JSON path of the last message read completely ("" before the first)."""
        return f"{self.chat.where}[{self.index - 1}]" if self.index else ""

    def events(self, events: Iterator[tuple[str, str, Any]]) -> Iterator[tuple[str, str, Any]]:
        tracker = ChatTracker()
        for prefix, kind, value in events:
            chat = tracker.feed(prefix, kind, value)
            if chat is None:
                continue
            end = tracker.messages_prefix
            check_array(self.path, events, chat.where)
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

    def _wanted(self, chat: Chat, left: bool) -> bool:
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
                                            f"the export holds: {listing(list_chats(self.path))}")
        for choice, hits in self.hits.items():
            if hits > 1:
                self.source.warnings.append(ImportWarning(
                    "chat_choice_ambiguous", f"{choice!r} matches {hits} chats; all imported"))


def _posts(router: _Router, progress: Progress, cancel: CancelToken | None
           ) -> Iterator[ParsedPost]:
    """The posts of the chosen chats, streamed; warnings and skips go to ``router.source``."""
    source = router.source
    convert = MessageConverter(source.skipped)
    seen: set[tuple[str, str]] = set()
    repeats: list[str] = []
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
            if post is None:
                continue
            if (post.channel, post.identity) in seen:  # a message twice in one export
                source.skipped["repeated message id"] += 1
                repeats.append(f"{chat.where}[{router.index - 1}]")
                continue
            seen.add((post.channel, post.identity))
            yield post
    if repeats:
        source.warnings.append(ImportWarning(
            "duplicate_message", f"{len(repeats)} message(s) repeat an id seen earlier in the "
            "file; only the first of each was kept", json_path=repeats[0]))
    router.check_choices()
    source.warnings.extend(convert.warnings())
    if reader.repairs:
        source.warnings.append(ImportWarning(
            "escapes_repaired",
            f"{reader.repairs} invalid \\xNN escape(s) (control characters as Telegram Desktop "
            "writes them) were read as \\u00NN",
        ))
