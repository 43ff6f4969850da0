"""The messages of one Telegram Desktop HTML export page -> :class:`ParsedPost` (notes (b)).

A page's ``div.history`` holds, in order, date separators (``div.message.service`` with a
negative id), service messages (``div.message.service#messageID``) and messages
(``div.message.default.clearfix#messageID``). A ``joined`` message has no ``from_name``:
the writer joins it to the previous message of the same sender, so the sender (and the
forward source) is inherited from the previous full message. The chain is broken by a
real service message and by a new page (the writer restarts it there); date separators do
not break it (the writer never joins across days anyway).

Forwarded messages keep their reply, media, text and signature inside
``div.forwarded.body``, whose ``from_name`` holds the source name followed by a
``span.date.details`` with the original date (only this format has it: metadata
``forwarded_date``).

Dates are ``title="DD.MM.YYYY HH:MM:SS UTC+hh:mm"``: the exporter's wall-clock time and its
offset, converted here to UTC. A title without an offset is read as UTC with a warning.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from annotator.core.importers.base import ImportWarning, ParsedPost
from annotator.core.importers.html_doc import (
    Element,
    child_with_class,
    class_test,
    classes,
    find_all,
    first_with_class,
    line_of,
    squash,
    text_of,
)
from annotator.core.importers.html_text import rich_text
from annotator.core.importers.tg_html_media import parse_media, parse_poll, parse_reactions
from annotator.core.progress import CancelToken, check_cancel

_ID_RE = re.compile(r"message(-?[0-9]{1,18})")
_REPLY_RE = re.compile(r"go_to_message([0-9]{1,18})")
_VIA_RE = re.compile(r"^(.*?)\s+via\s+@([A-Za-z0-9_]+)$", re.DOTALL)
_DATE_RE = re.compile(
    r"\s*([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})\s+([0-9]{1,2}):([0-9]{2}):([0-9]{2})"
    r"(?:\s+(UTC|GMT)(?:\s*([+-])([0-9]{1,2}):?([0-9]{2}))?)?\s*"
)
_UNSUPPORTED = "not supported by this version"
_CANCEL_EVERY = 100


def parse_date_title(title: str) -> tuple[datetime | None, bool]:
    """``(UTC datetime, had an offset)`` for a Desktop date title; ``(None, False)`` when
    unreadable. A bare ``UTC``/``GMT`` counts as an offset of zero."""
    match = _DATE_RE.fullmatch(title)
    if match is None:
        return None, False
    day, month, year, hour, minute, second = (int(match.group(i)) for i in range(1, 7))
    zone, sign, off_h, off_m = match.group(7, 8, 9, 10)
    offset = timedelta(0)
    if sign:
        offset = timedelta(hours=int(off_h), minutes=int(off_m)) * (-1 if sign == "-" else 1)
    try:
        local = datetime(year, month, day, hour, minute, second, tzinfo=timezone(offset))
        return local.astimezone(UTC), zone is not None
    except (ValueError, OverflowError):  # day 31 in April, hour 25, a day-long offset, ...
        return None, False


def split_via(name: str) -> tuple[str, str | None]:
    """``"Ann via @bot"`` -> ``("Ann", "@bot")``; names are stripped (the writer adds a space)."""
    name = squash(name)
    match = _VIA_RE.match(name)
    if match is None:
        return name, None
    return match.group(1).strip(), "@" + match.group(2)


@dataclass(frozen=True, slots=True)
class _Sender:
    """What a ``joined`` message inherits from the full message before it."""

    name: str | None
    via_bot: str | None
    forwarded_from: str | None


@dataclass(slots=True)
class PageReader:
    """Turns the pages of one import into posts; collects warnings and skipped items.

    ``index`` counts the posts yielded so far (over all pages and chats), for warnings.
    """

    cancel: CancelToken | None
    warnings: list[ImportWarning] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    index: int = 0
    _seen: set[int] = field(default_factory=set)
    _chain: _Sender | None = None
    _file: str = ""
    _source_file: str | None = None

    def start_chat(self) -> None:
        """Forget the message ids of the previous chat (ids are unique per chat only)."""
        self._seen = set()

    def read_page(
        self, root: Element, channel: str, file_label: str, multi_file: bool
    ) -> Iterator[ParsedPost]:
        """The posts of one page in page order (``channel`` is their channel key)."""
        self._chain = None  # the writer never joins across pages
        self._file = file_label
        self._source_file = file_label if multi_file else None
        for count, el in enumerate(find_all(root, f"//div[{class_test('history')}]/div")):
            if count % _CANCEL_EVERY == 0:
                check_cancel(self.cancel)
            if "message" not in classes(el):
                continue  # e.g. the pagination links
            post = self._message(el, channel)
            if post is not None:
                self.index += 1
                yield post

    def warn(self, code: str, message: str, line: int | None, post: bool = False) -> None:
        self.warnings.append(
            ImportWarning(
                code, message, line=line, post=self.index if post else None, file=self._file
            )
        )

    def _message(self, el: Element, channel: str) -> ParsedPost | None:
        names = classes(el)
        line = line_of(el)
        match = _ID_RE.fullmatch(el.get("id") or "")
        message_id = int(match.group(1)) if match else None
        if "service" in names:
            if message_id is not None and message_id < 0:
                self.skipped["date separator"] += 1
                return None
            self._chain = None
            unsupported = _UNSUPPORTED in text_of(el)
            self.skipped["unsupported message" if unsupported else "service message"] += 1
            return None
        if "default" not in names or message_id is None or message_id < 0:
            self.skipped["unsupported message"] += 1
            found = f"class {el.get('class')!r}, id {el.get('id')!r}"
            self.warn("message_unreadable", f"unrecognised message block ({found})", line)
            return None
        body = _body(el)
        if body is None:
            self.skipped["unsupported message"] += 1
            self.warn("message_unreadable", f"message {message_id} has no div.body", line)
            return None
        if message_id in self._seen:
            self.skipped["duplicate message"] += 1
            self.warn("duplicate_message", f"message {message_id} appears twice; kept once", line)
            return None
        self._seen.add(message_id)
        return self._post(el, body, message_id, channel)

    def _post(self, el: Element, body: Element, message_id: int, channel: str) -> ParsedPost:
        line = line_of(el)
        meta: dict[str, Any] = {}
        sender = self._sender(el, body, line)
        forward = _forwarded_body(body)
        content = forward if forward is not None else body
        forwarded_from = self._forward(forward, sender, meta, line) if forward is not None else None
        known = sender.name is not None or forwarded_from is not None
        # An unknown sender is not passed on: each joined message after it is reported.
        self._chain = _Sender(sender.name, sender.via_bot, forwarded_from) if known else None
        if sender.name is not None:
            meta["from"] = sender.name
        if sender.via_bot is not None:
            meta.setdefault("via_bot", sender.via_bot)
        if "joined" in classes(el):
            meta["joined"] = True
        date = self._date(body, message_id, line)
        text, entities = self._content(content, body, meta, line)
        if entities:
            meta["entities"] = entities
        signature = _part(content, body, "signature")
        if signature is not None and (sig := squash(text_of(signature))):
            meta["signature"] = sig
        if self._source_file is not None:
            meta["source_file"] = self._source_file
        return ParsedPost(
            channel=channel,
            identity=str(message_id),
            external_id=str(message_id),
            text=text,
            author=meta.get("signature") or sender.name,
            forwarded_from=forwarded_from,
            date=date,
            metadata=meta,
            line=line,
        )

    def _sender(self, el: Element, body: Element, line: int | None) -> _Sender:
        from_name = child_with_class(body, "from_name")
        if from_name is not None:
            name, via = split_via(text_of(from_name))
            return _Sender(name or None, via, None)
        if "joined" in classes(el):
            if self._chain is not None:
                return self._chain
            self.warn(
                "joined_without_sender",
                "a joined message without a full message before it on this page: no sender",
                line,
                post=True,
            )
        return _Sender(None, None, None)

    def _forward(
        self, forward: Element, sender: _Sender, meta: dict[str, Any], line: int | None
    ) -> str | None:
        from_name = child_with_class(forward, "from_name")
        if from_name is None:
            # A forward joined to the previous one from the same source shows no name.
            return sender.forwarded_from
        name, via = split_via(text_of(from_name, frozenset({"date"})))
        if via is not None:
            meta["via_bot"] = via
        stamp = first_with_class(from_name, "date")
        if stamp is not None:
            when, had_offset = parse_date_title(stamp.get("title") or "")
            if when is not None:
                meta["forwarded_date"] = when.isoformat()
                if not had_offset:
                    self.warn("date_no_offset", "forward date has no UTC offset", line, True)
        return name or None

    def _date(self, body: Element, message_id: int, line: int | None) -> datetime | None:
        stamp = child_with_class(body, "date")
        title = stamp.get("title") if stamp is not None else None
        if not title:
            self.warn("date_missing", f"message {message_id} has no date", line, post=True)
            return None
        when, had_offset = parse_date_title(title)
        if when is None:
            self.warn("date_unreadable", f"unreadable date {title!r}", line, post=True)
        elif not had_offset:
            message = f"date {title!r} has no UTC offset; read as UTC"
            self.warn("date_no_offset", message, line, post=True)
        return when

    def _content(
        self, content: Element, body: Element, meta: dict[str, Any], line: int | None
    ) -> tuple[str, list[dict[str, Any]]]:
        reply = _part(content, body, "reply_to")
        if reply is not None:
            hrefs = " ".join(a.get("href") or "" for a in find_all(reply, ".//a"))
            target = _REPLY_RE.search(hrefs)
            if target is not None:
                meta["reply_to"] = target.group(1)
            else:
                meta["reply_to_other_chat"] = True
        text_el = _part(content, body, "text")
        rich = rich_text(text_el, "desktop") if text_el is not None else None
        text = rich.text if rich is not None else ""
        entities = rich.entities if rich is not None else []
        flags: list[str] = []
        wrap = _part(content, body, "media_wrap")
        if wrap is not None:
            poll = first_with_class(wrap, "media_poll")
            if poll is not None:
                meta["poll"], question_entities = parse_poll(poll)
                flags.append("poll")
                if not text:
                    text, entities = meta["poll"]["question"], question_entities
            else:
                meta["media"] = parse_media(wrap)
                if not text:
                    flags.append("media_only")
        reactions = _part(content, body, "reactions")
        if reactions is not None:
            found, problems = parse_reactions(reactions)
            if found:
                meta["reactions"] = found
            for problem in problems:
                self.warn("reaction_unreadable", problem, line, post=True)
        if flags:
            meta["flags"] = flags
        return text, entities


def _body(el: Element) -> Element | None:
    for child in find_all(el, f"./div[{class_test('body')}]"):
        if "forwarded" not in classes(child):
            return child
    return None


def _forwarded_body(body: Element) -> Element | None:
    found = find_all(body, f"./div[{class_test('forwarded')} and {class_test('body')}]")
    return found[0] if found else None


def _part(content: Element, body: Element, name: str) -> Element | None:
    """The direct child of ``content`` (a forward's body) with class ``name``, else of ``body``."""
    found = child_with_class(content, name)
    if found is None and content is not body:
        found = child_with_class(body, name)
    return found
