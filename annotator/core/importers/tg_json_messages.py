"""One ``messages[]`` item of a Telegram Desktop JSON export, as a :class:`ParsedPost`.

The field rules are those of ``shared/formats/telegram-exports.md`` (a) and the shared
ParsedPost conventions of the Telegram importers:

* ``text`` is a string or an array of strings and entity objects; the pieces are joined
  exactly. Entities (``metadata["entities"]``) come from ``text_entities`` when present, else
  from the array, with offsets in code points of the joined text computed from the pieces'
  lengths (never searched for). Polls take their question as the text.
* ``date`` from ``date_unixtime`` (UTC); without it (exports before Desktop 3.7.6) ``date`` is
  the exporting computer's local time with no offset: it is read as UTC and one warning per
  file says so. ``edited`` likewise (it may only mean that a reaction arrived: the server sets
  ``edit_date`` then; the value is kept as exported).
* ``forwarded_from: null`` is a forward from an unknown source. Media keep their type and file
  names; "(File not included...)" placeholders are not file names (``"downloaded": false``).
* Service messages and ``unsupported`` items are skipped and counted, as are items that
  cannot be read (with one warning per file naming the first).

This is the hot loop of a 1 GB import: work per message is dictionary lookups and no regex.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from annotator.core.importers.base import ImportWarning, ParsedPost

_SKIPPED = {"service": "service message", "unsupported": "unsupported message"}
_MALFORMED = (TypeError, ValueError, KeyError, AttributeError, IndexError, OverflowError, OSError)
"""What reading a message of unexpected shape raises (OSError: fromtimestamp out of range)."""

_ENTITY_EXTRAS = {"href": "url", "user_id": "user_id", "language": "language",
                  "document_id": "document_id", "collapsed": "collapsed"}
_FILE_FIELDS = ("file_name", "file_size", "thumbnail_file_size", "mime_type",
                "duration_seconds", "width", "height", "sticker_emoji", "performer", "title",
                "media_spoiler", "self_destruct_period_seconds")
_PHOTO_FIELDS = ("width", "height", "media_spoiler", "self_destruct_period_seconds")
_OTHER_MEDIA = {  # in order of precedence for the type: a venue also has a location
    "place_name": "venue", "address": "venue",
    "contact_information": "contact", "contact_vcard": "contact",
    "location_information": "location", "live_location_period_seconds": "location",
    "invoice_information": "invoice",
    "game_title": "game", "game_description": "game", "game_link": "game",
    "giveaway_information": "giveaway", "giveaway_results": "giveaway_results",
    "todo_list": "todo_list", "paid_stars_amount": "paid_media",
}
_MEDIA_KEYS = frozenset({"photo", "file", "media_type", *_OTHER_MEDIA})


def _unix(value: Any) -> datetime:
    return datetime.fromtimestamp(int(value), UTC)


def _local(value: Any) -> datetime | None:
    """An exporter-local time without an offset (``date``/``edited`` of old exports), read
    as UTC; one with an offset is converted to UTC."""
    if value is None:
        return None
    parsed = datetime.fromisoformat(value)
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def _people(msg: dict[str, Any], meta: dict[str, Any]) -> str | None:
    """The post's author (signature, else sender name); ``from``/``from_id``/``signature``
    into ``meta``."""
    sender = msg.get("from")
    if sender is not None:
        meta["from"] = sender
    if "from_id" in msg:
        meta["from_id"] = str(msg["from_id"])  # "channel123"; a bare int in old exports
    signature = msg.get("author")
    if signature:
        meta["signature"] = signature
    author = signature or sender or None
    if author is not None and type(author) is not str:
        raise TypeError("from/author must be strings")
    return author


def _extras(msg: dict[str, Any], meta: dict[str, Any]) -> None:
    """Replies, bots, saved-from, media and reactions into ``meta``."""
    if "saved_from" in msg:
        meta["saved_from"] = msg["saved_from"]
    if "reply_to_message_id" in msg:
        meta["reply_to"] = str(msg["reply_to_message_id"])
    if "reply_to_peer_id" in msg:
        meta["reply_to_peer"] = str(msg["reply_to_peer_id"])
    if "via_bot" in msg:
        meta["via_bot"] = msg["via_bot"]
    if not _MEDIA_KEYS.isdisjoint(msg):
        media = _media(msg)
        if media is not None:
            meta["media"] = media
    reactions = msg.get("reactions")
    if reactions:
        meta["reactions"] = _reactions(reactions)


def _is_placeholder(value: str) -> bool:
    """``"(File not included. ...)"``, ``"(File exceeds maximum size. ...)"``, ``""``...:
    the exporter's notes for a file it did not save. Saved files are relative paths."""
    return not value or (value[0] == "(" and "/" not in value)


def join_text(raw: Any) -> str:
    """The text of a ``text``-like value: a string, or the joined pieces of an array."""
    if type(raw) is str:
        return raw
    if type(raw) is not list:
        raise TypeError("expected a string or an array of strings and entity objects")
    return "".join([piece if type(piece) is str else piece["text"] for piece in raw])


def entities_of(pieces: list[Any]) -> tuple[list[dict[str, Any]], int]:
    """Entities of an array of strings/entity objects, and the code-point length of its text.

    Offsets count code points of the joined text, summed from the pieces' lengths; ``plain``
    pieces and empty entities are not entities.
    """
    out: list[dict[str, Any]] = []
    pos = 0
    for piece in pieces:
        if type(piece) is str:
            pos += len(piece)
            continue
        text = piece["text"]
        kind = piece["type"]
        if type(text) is not str or type(kind) is not str:
            raise TypeError("an entity's type and text must be strings")
        size = len(text)
        if kind != "plain" and size:
            entity: dict[str, Any] = {"type": kind, "start": pos, "end": pos + size}
            if kind == "link":
                entity["url"] = text
            if len(piece) > 2:
                for key, name in _ENTITY_EXTRAS.items():
                    value = piece.get(key)
                    if value not in (None, "", False):
                        entity[name] = value
            out.append(entity)
        pos += size
    return out, pos


def _reactions(raw: list[Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for item in raw:
        count = item["count"]
        kind = item.get("type")
        reaction: dict[str, Any] = {"type": kind, "emoji": item.get("emoji"), "count": int(count)}
        if kind == "custom_emoji" and item.get("document_id"):
            reaction["document_id"] = item["document_id"]  # a file path after export, not an id
        out.append(reaction)
    return out


def _media(msg: dict[str, Any]) -> dict[str, Any] | None:
    if "photo" in msg:
        media: dict[str, Any] = {"type": "photo"}
        _file_ref(media, msg["photo"])
        if "photo_file_size" in msg:
            media["file_size"] = msg["photo_file_size"]
        fields: tuple[str, ...] = _PHOTO_FIELDS
    elif "file" in msg or "media_type" in msg:
        media = {"type": msg.get("media_type") or "file"}
        if "file" in msg:
            _file_ref(media, msg["file"])
        if "thumbnail" in msg and not _is_placeholder(msg["thumbnail"]):
            media["thumbnail"] = msg["thumbnail"]
        fields = _FILE_FIELDS
    else:
        media = {}
        fields = ()
    for key in fields:
        if key in msg:
            media[key] = msg[key]
    for key, kind in _OTHER_MEDIA.items():
        if key in msg:
            media.setdefault("type", kind)
            media[key] = msg[key]
    return media or None


def _file_ref(media: dict[str, Any], value: Any) -> None:
    """``file`` and ``downloaded`` of a saved file; a placeholder goes to ``file_note``."""
    if type(value) is not str:
        raise TypeError("a media file must be a string")
    if _is_placeholder(value):
        media["downloaded"] = False
        if value:
            media["file_note"] = value
    else:
        media["downloaded"] = True
        media["file"] = value


def _poll(raw: dict[str, Any]) -> tuple[dict[str, Any], str, list[dict[str, Any]]]:
    question = raw["question"]
    text = join_text(question)
    entities = entities_of(question)[0] if type(question) is list else []
    poll: dict[str, Any] = {
        "question": text,
        "answers": [
            {"text": join_text(answer["text"]), "voters": int(answer.get("voters") or 0)}
            for answer in raw.get("answers") or ()
        ],
    }
    if "total_voters" in raw:
        poll["total_voters"] = int(raw["total_voters"])
    if "closed" in raw:
        poll["closed"] = bool(raw["closed"])
    return poll, text, entities


@dataclass(slots=True)
class _Tally:
    """How often something happened in a file, and where first (for one warning)."""

    count: int = 0
    first_path: str | None = None
    first_post: int | None = None
    detail: str = ""

    def add(self, path: str, post: int | None = None, detail: str = "") -> None:
        if not self.count:
            self.first_path, self.first_post, self.detail = path, post, detail
        self.count += 1


@dataclass(slots=True)
class MessageConverter:
    """Turns message objects into posts, counting what it skips in ``skipped``.

    ``posts`` is the number of posts made so far (the index the next one gets).
    :meth:`warnings` gives one warning per kind of problem, for the whole file.
    """

    skipped: Counter[str]
    posts: int = 0
    local_dates: _Tally = field(default_factory=_Tally)
    no_dates: _Tally = field(default_factory=_Tally)
    malformed: _Tally = field(default_factory=_Tally)
    mismatched: _Tally = field(default_factory=_Tally)
    unknown: _Tally = field(default_factory=_Tally)

    def convert(self, msg: Any, channel: str, where: str, index: int) -> ParsedPost | None:
        """The post of ``msg`` (item ``index`` of the array at JSON path ``where``) in
        ``channel``, or ``None`` when it is skipped (and counted)."""
        try:
            post = self._convert(msg, channel, where, index)
        except _MALFORMED as exc:
            self.skipped["malformed message"] += 1
            self.malformed.add(f"{where}[{index}]", None, f"{type(exc).__name__}: {exc}")
            return None
        if post is not None:
            self.posts += 1
        return post

    def _convert(self, msg: Any, channel: str, where: str, index: int) -> ParsedPost | None:
        kind = msg.get("type", "message")
        if kind != "message":
            reason = _SKIPPED.get(kind) if type(kind) is str else None
            if reason is None:
                reason = "unknown message type"
                self.unknown.add(f"{where}[{index}].type", None, repr(kind))
            self.skipped[reason] += 1
            return None
        msg_id = msg["id"]
        if type(msg_id) is not int:
            raise TypeError("the message id is not an integer")
        meta: dict[str, Any] = {}
        text = self._text(msg, meta, where, index)
        date = self._dates(msg, meta, where, index)
        author = _people(msg, meta)
        source = None
        if "forwarded_from" in msg:
            meta["forwarded"] = True
            source = msg["forwarded_from"] or None
            if source is None:
                meta["forwarded_from_unknown"] = True
            elif type(source) is not str:
                raise TypeError("forwarded_from must be a string or null")
        _extras(msg, meta)
        identity = str(msg_id)
        return ParsedPost(channel=channel, identity=identity, text=text, external_id=identity,
                          author=author, forwarded_from=source, date=date, metadata=meta)

    def _text(self, msg: dict[str, Any], meta: dict[str, Any], where: str, index: int) -> str:
        """The post text (a poll's question for a poll); entities and flags into ``meta``."""
        raw = msg.get("text", "")
        pieces = msg.get("text_entities")
        if "text" not in msg and isinstance(pieces, list):
            raw = pieces  # some exports carry only the entity list: it holds every piece
        text = join_text(raw)
        entities = self._entities(raw, msg.get("text_entities"), text, where, index)
        poll = msg.get("poll")
        if poll is not None:
            meta["poll"], question, entities = _poll(poll)
            if text:
                meta["caption"] = text
            text = question
            meta["flags"] = ["poll"]
        elif not text:
            meta["flags"] = ["media_only"]
        if entities:
            meta["entities"] = entities
        return text

    def _dates(
        self, msg: dict[str, Any], meta: dict[str, Any], where: str, index: int
    ) -> datetime | None:
        """The post date (UTC); ``edited`` into ``meta``; offset-less local times counted."""
        stamp = msg.get("date_unixtime")
        local = None if stamp is not None else "date"  # the first local time, for the warning
        date = _unix(stamp) if stamp is not None else _local(msg.get("date"))
        stamp = msg.get("edited_unixtime")
        if stamp is not None:
            meta["edited"] = _unix(stamp).isoformat()
        elif "edited" in msg:
            local = local or "edited"
            edited = _local(msg["edited"])
            if edited is not None:
                meta["edited"] = edited.isoformat()
        if local is not None:
            if date is None:
                self.no_dates.add(f"{where}[{index}]", self.posts)
            if date is not None or local == "edited":
                self.local_dates.add(f"{where}[{index}].{local}", self.posts)
        return date

    def _entities(self, raw: Any, listed: Any, text: str, where: str,
                  index: int) -> list[dict[str, Any]]:
        if type(listed) is list:
            entities, size = entities_of(listed)
            if size == len(text):
                return entities
            self.mismatched.add(f"{where}[{index}].text_entities", self.posts)
        return entities_of(raw)[0] if type(raw) is list else []

    def warnings(self) -> list[ImportWarning]:
        """One warning per kind of problem met in the file, with a count and the first place."""
        notes = [
            ("date_local_time", self.local_dates,
             "message(s) have no date_unixtime/edited_unixtime (an export older than Telegram "
             "Desktop 3.7.6): their 'date'/'edited' is the exporting computer's local time "
             "without an offset and was read as UTC, so it may be off by that UTC offset"),
            ("date_missing", self.no_dates, "message(s) have no date at all"),
            ("malformed_message", self.malformed,
             "message(s) could not be read and were skipped"),
            ("entities_mismatch", self.mismatched,
             "message(s) have text_entities that do not add up to the text; entities were "
             "taken from the text array instead"),
            ("unknown_message_type", self.unknown,
             "item(s) have an unknown type and were skipped"),
        ]
        out = []
        for code, tally, what in notes:
            if tally.count:
                detail = f" ({tally.detail})" if tally.detail else ""
                out.append(ImportWarning(
                    code, f"{tally.count} {what}; first at {tally.first_path}{detail}",
                    post=tally.first_post, json_path=tally.first_path,
                ))
        return out
