"""One post block of a saved ``t.me/s/<channel>`` page -> :class:`ParsedPost` (notes (c)).

A block is ``div.tgme_widget_message[data-post="chan/ID"]``; its bubble holds the owner
name, ``.tgme_widget_message_forwarded_from`` (a ``<span>`` name without link for hidden
users), ``a.tgme_widget_message_reply`` (which quotes the replied-to text in its own
``.tgme_widget_message_text``: the post text is the bubble's **direct** child), media, the
text, reactions and the footer (views such as ``4.85K``, the ``from_author`` signature, an
``edited`` marker, ``<time datetime="...+00:00">``). An album is one block
(``.tgme_widget_message_grouped_wrap``) carrying the id of its first item.

Counts are rounded on the page: ``views_raw`` keeps the text, ``views`` the approximation
(``"4.85K"`` -> 4850). ``edited`` is ``True`` (the page shows only a marker, no time).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from annotator.core.importers.base import ParsedPost
from annotator.core.importers.html_doc import (
    Element,
    child_with_class,
    class_test,
    classes,
    descendants_with_class,
    element_children,
    find_first,
    first_with_class,
    has_class,
    line_of,
    squash,
    text_of,
)
from annotator.core.importers.html_text import emoji_text, rich_text
from annotator.core.importers.tg_reactions import count_value

Warn = Callable[[str, str, int | None], None]
"""``warn(code, message, line)``."""

_POST_RE = re.compile(r"([A-Za-z0-9_]+)/([0-9]{1,18})")
_LINK_RE = re.compile(r"t\.me/(?:s/)?([A-Za-z0-9_]+)/([0-9]{1,18})")
_COUNT_RE = re.compile(r"[0-9]{1,15}(?:[.,][0-9]{1,3})?[KM]?")
_COUNT_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
_EDITED_RE = re.compile(r"\bedited\b", re.IGNORECASE)
_DURATION_RE = re.compile(r"(?:([0-9]{1,9}):)?([0-9]{1,2}):([0-9]{2})")
_PERCENT_RE = re.compile(r"([0-9]{1,3})\s*%")
_FORWARDED_PREFIX = re.compile(r"^\s*Forwarded from[\s\u00a0]*", re.IGNORECASE)
_MEDIA_CLASSES = (
    ("tgme_widget_message_photo_wrap", "photo"),
    ("tgme_widget_message_video_player", "video_file"),
    ("tgme_widget_message_voice_player", "voice_message"),
    ("tgme_widget_message_voice", "voice_message"),
    ("tgme_widget_message_document_wrap", "file"),
    ("tgme_widget_message_sticker_wrap", "sticker"),
    ("tgme_widget_message_sticker", "sticker"),
    ("tgme_widget_message_location_wrap", "location"),
    ("tgme_widget_message_location", "location"),
)
_ALBUM_ITEMS = (
    "tgme_widget_message_photo_wrap",
    "tgme_widget_message_video_player",
    "tgme_widget_message_document_wrap",
)


def parse_count(raw: str) -> int | None:
    """``"4.85K"`` -> 4850, ``"3.1M"`` -> 3100000, ``"2 345"`` -> 2345; ``None`` if unreadable."""
    token = _COUNT_SPACES.sub("", raw)
    if not _COUNT_RE.fullmatch(token):
        return None
    return count_value(token)


@dataclass(frozen=True, slots=True)
class Block:
    """What a post block is: a post, or a reason it was skipped."""

    username: str | None
    message_id: int | None
    post: ParsedPost | None
    skipped: str | None = None


def read_block(el: Element, warn: Warn) -> Block:
    """Read one ``div.tgme_widget_message``; ``post.channel`` is the ``data-post`` username."""
    line = line_of(el)
    match = _POST_RE.fullmatch((el.get("data-post") or "").strip())
    if match is None:
        warn("post_unreadable", f"data-post {el.get('data-post')!r} is not 'channel/id'", line)
        return Block(None, None, None, "unsupported message")
    username, message_id = match.group(1), int(match.group(2))
    if has_class(el, "service_message"):
        return Block(username, message_id, None, "service message")
    bubble = first_with_class(el, "tgme_widget_message_bubble")
    bubble = bubble if bubble is not None else el
    meta: dict[str, Any] = {}
    owner = first_with_class(bubble, "tgme_widget_message_owner_name")
    if owner is not None and (name := squash(rich_text(owner, "web").text)):
        meta["from"] = name
    forwarded_from = _forward(bubble, meta)
    _reply(bubble, username, meta)
    text, entities = _text(bubble)
    _media(bubble, meta, text)
    if "poll" in meta and not text:
        text = meta["poll"]["question"]
    if entities and text:
        meta["entities"] = entities
    _footer(el, meta, warn, line)
    date = _date(el, warn, line)
    _reactions(el, meta, warn, line)
    post = ParsedPost(
        channel=username,
        identity=str(message_id),
        external_id=str(message_id),
        text=text,
        author=meta.get("signature") or meta.get("from"),
        forwarded_from=forwarded_from,
        date=date,
        metadata=meta,
        line=line,
    )
    return Block(username, message_id, post)


def _forward(bubble: Element, meta: dict[str, Any]) -> str | None:
    box = first_with_class(bubble, "tgme_widget_message_forwarded_from")
    if box is None:
        return None
    name_el = first_with_class(box, "tgme_widget_message_forwarded_from_name")
    author = first_with_class(box, "tgme_widget_message_forwarded_from_author")
    if author is not None and (signature := squash(rich_text(author, "web").text)):
        meta["forwarded_from_author"] = signature
    if name_el is None:
        skip = frozenset({"tgme_widget_message_forwarded_from_author"})
        name = _FORWARDED_PREFIX.sub("", squash(text_of(box, skip)))
    else:
        nested = author is not None and name_el in author.iterancestors()
        # The original signature may sit inside the name link: keep it out of the name.
        name = squash(
            text_of(name_el, frozenset({"tgme_widget_message_forwarded_from_author"}))
            if nested
            else rich_text(name_el, "web").text
        )
        href = (name_el.get("href") or "").strip()
        if href:
            meta["forwarded_from_url"] = href
    if not name:
        meta["forwarded"] = True
        meta["forwarded_from_unknown"] = True
        return None
    return name


def _reply(bubble: Element, username: str, meta: dict[str, Any]) -> None:
    reply = first_with_class(bubble, "tgme_widget_message_reply", "a")
    if reply is None:
        return
    match = _LINK_RE.search(reply.get("href") or "")
    if match is None:
        meta["reply_to_unknown"] = True
        return
    meta["reply_to"] = match.group(2)
    if match.group(1).lower() != username.lower():
        meta["reply_to_peer"] = match.group(1)


def _text(bubble: Element) -> tuple[str, list[dict[str, Any]]]:
    text_el = child_with_class(bubble, "tgme_widget_message_text")
    if text_el is None:  # a page without bubbles: the first text outside a quoted reply
        text_el = find_first(
            bubble,
            f".//*[{class_test('tgme_widget_message_text')}]"
            f"[not(ancestor::*[{class_test('tgme_widget_message_reply')}])]",
        )
    if text_el is None:
        return "", []
    rich = rich_text(text_el, "web")
    return rich.text, rich.entities


def _media(bubble: Element, meta: dict[str, Any], text: str) -> None:
    flags: list[str] = []
    poll = first_with_class(bubble, "tgme_widget_message_poll")
    grouped = first_with_class(bubble, "tgme_widget_message_grouped_wrap")
    if poll is not None:
        meta["poll"] = _poll(poll, bubble)
        flags.append("poll")
    elif grouped is not None:
        items = descendants_with_class(grouped, "grouped_media_wrap") or [
            item for name in _ALBUM_ITEMS for item in descendants_with_class(grouped, name)
        ]
        meta["media"] = {"type": "album", "item_types": [_media_type(i) for i in items]}
        meta["album_size"] = len(items)
        flags.append("album")
    else:
        media = _single_media(bubble)
        if media is not None:
            meta["media"] = media
    if "media" in meta and not text:
        flags.append("media_only")
    preview = first_with_class(bubble, "tgme_widget_message_link_preview")
    if preview is not None:
        meta["link_preview"] = _link_preview(preview)
    if flags:
        meta["flags"] = flags


def _media_type(el: Element) -> str:
    names = classes(el)
    for cls, kind in _MEDIA_CLASSES:
        if cls in names:
            return kind
    return "other"


def _single_media(bubble: Element) -> dict[str, Any] | None:
    for cls, kind in _MEDIA_CLASSES:
        el = first_with_class(bubble, cls)
        if el is None or _in_reply(el):
            continue
        media: dict[str, Any] = {"type": kind}
        if kind == "video_file" and "roundvideo" in " ".join(classes(el)).lower():
            media["type"] = "video_message"
        duration = find_first(el, ".//*[contains(@class, 'duration')]")
        if duration is not None and (match := _DURATION_RE.fullmatch(squash(text_of(duration)))):
            hours = int(match.group(1) or 0)
            minutes, seconds = int(match.group(2)), int(match.group(3))
            media["duration_seconds"] = hours * 3600 + minutes * 60 + seconds
        if kind == "file":
            title = first_with_class(el, "tgme_widget_message_document_title")
            extra = first_with_class(el, "tgme_widget_message_document_extra")
            if title is not None and (name := squash(text_of(title))):
                media["title"] = name
            if extra is not None and (status := squash(text_of(extra))):
                media["status"] = status
        return media
    unsupported = first_with_class(bubble, "message_media_not_supported")
    if unsupported is not None:
        label = first_with_class(unsupported, "message_media_not_supported_label")
        text = squash(text_of(label if label is not None else unsupported))
        return {"type": "unsupported", **({"description": text} if text else {})}
    return None


def _in_reply(el: Element) -> bool:
    """Whether ``el`` sits inside the quoted message of a reply (its thumbnail, text, ...)."""
    return find_first(el, f"ancestor::*[{class_test('tgme_widget_message_reply')}]") is not None


def _poll(poll: Element, bubble: Element) -> dict[str, Any]:
    question_el = first_with_class(poll, "tgme_widget_message_poll_question")
    question = rich_text(question_el, "web").text.strip() if question_el is not None else ""
    kind_el = first_with_class(poll, "tgme_widget_message_poll_type")
    kind = squash(text_of(kind_el)) if kind_el is not None else ""
    answers = []
    for option in descendants_with_class(poll, "tgme_widget_message_poll_option"):
        label_el = first_with_class(option, "tgme_widget_message_poll_option_text")
        percent_el = first_with_class(option, "tgme_widget_message_poll_option_percent")
        answer: dict[str, Any] = {
            "text": squash(rich_text(label_el, "web").text) if label_el is not None else ""
        }
        percent = _PERCENT_RE.search(text_of(percent_el)) if percent_el is not None else None
        if percent:
            answer["percent"] = int(percent.group(1))
        answers.append(answer)
    data: dict[str, Any] = {
        "question": question,
        "answers": answers,
        "closed": "final results" in kind.lower() or has_class(poll, "closed"),
    }
    if kind:
        data["type"] = kind
    voters_el = first_with_class(bubble, "tgme_widget_message_voters")
    if voters_el is not None:
        first = squash(text_of(voters_el)).split(" ")[0]
        total = parse_count(first)
        if total is not None:
            data["total_voters"] = total
    return data


def _link_preview(preview: Element) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if href := (preview.get("href") or "").strip():
        data["url"] = href
    for key in ("site_name", "title", "description"):
        el = first_with_class(preview, f"link_preview_{key}")
        if el is not None and (value := rich_text(el, "web").text.strip()):
            data[key] = value
    return data


def _footer(el: Element, meta: dict[str, Any], warn: Warn, line: int | None) -> None:
    views = first_with_class(el, "tgme_widget_message_views")
    if views is not None and (raw := squash(text_of(views))):
        meta["views_raw"] = raw
        value = parse_count(raw)
        if value is None:
            warn("views_unreadable", f"view count {raw!r} is not a number", line)
        else:
            meta["views"] = value
    info = first_with_class(el, "tgme_widget_message_meta")
    if info is None:
        return
    signature = first_with_class(info, "tgme_widget_message_from_author")
    if signature is not None and (name := squash(rich_text(signature, "web").text)):
        meta["signature"] = name
    rest = text_of(info, frozenset({"tgme_widget_message_from_author", "tgme_widget_message_date"}))
    if _EDITED_RE.search(rest):
        meta["edited"] = True


def _date(el: Element, warn: Warn, line: int | None) -> datetime | None:
    stamp = find_first(el, f".//*[{class_test('tgme_widget_message_date')}]//time[@datetime]")
    if stamp is None:
        stamp = find_first(el, ".//time[@datetime]")
    raw = (stamp.get("datetime") or "").strip() if stamp is not None else ""
    if not raw:
        warn("date_missing", "post has no <time datetime>", line)
        return None
    try:
        when = datetime.fromisoformat(raw)
        if when.tzinfo is None:
            warn("date_no_offset", f"datetime {raw!r} has no offset; read as UTC", line)
            return when.replace(tzinfo=UTC)
        return when.astimezone(UTC)
    except (ValueError, OverflowError):
        warn("date_unreadable", f"unreadable datetime {raw!r}", line)
        return None


def _reactions(el: Element, meta: dict[str, Any], warn: Warn, line: int | None) -> None:
    box = first_with_class(el, "tgme_widget_message_reactions")
    if box is None:
        return
    found: list[dict[str, Any]] = []
    for item in descendants_with_class(box, "tgme_reaction"):
        raw = squash("".join([item.text or "", *(child.tail or "" for child in item)]))
        count = parse_count(raw)
        if count is None:
            warn("reaction_unreadable", f"reaction count {raw!r} is not a number", line)
            continue
        custom = find_first(item, ".//tg-emoji")
        entry: dict[str, Any] = {"type": "emoji", "emoji": None, "count": count}
        if has_class(item, "tgme_reaction_paid"):
            entry["type"] = "paid"
        elif custom is not None:
            entry["type"] = "custom_emoji"
            entry["emoji"] = squash(rich_text(custom, "web").text) or None
            if emoji_id := custom.get("emoji-id") or custom.get("data-emoji-id"):
                entry["emoji_id"] = emoji_id
        else:
            entry["emoji"] = squash("".join(_reaction_emoji(c) for c in element_children(item)))
            entry["emoji"] = entry["emoji"] or None
        found.append(entry)
    if found:
        meta["reactions"] = found


def _reaction_emoji(el: Element) -> str:
    if str(el.tag).lower() == "i" and has_class(el, "emoji"):
        return emoji_text(el)
    return text_of(el)
