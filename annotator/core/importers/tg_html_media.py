"""Media, polls and reactions of a Telegram Desktop HTML export message (format notes (b)).

The writer renders media in ``div.media_wrap``: either a thumbnail link
(``a.photo_wrap``, ``a.video_file_wrap``, ``a.animated_wrap``, ``a.sticker_wrap``) or a
generic card ``.media.media_<kind>`` with ``div.title.bold``, ``div.description`` (e.g.
"Not included, change data exporting settings to download.") and ``div.status.details``
(e.g. "1280x853, 179.9 KB", "01:05, 10 B"). Polls are ``div.media_poll``. Reactions are
``span.reactions > span.reaction[.paid] > span.emoji + span.count``; a custom-emoji reaction
shows a placeholder link inside ``span.emoji``.

Media types use the JSON export's names where it has one (``photo``, ``sticker``,
``video_file``, ``animation``, ``video_message``, ``voice_message``, ``audio_file``,
``file``); other cards are named after their class (``contact``, ``location``, ...).
"""

from __future__ import annotations

import re
from typing import Any

from annotator.core.importers.html_doc import (
    Element,
    child_with_class,
    classes,
    descendants_with_class,
    element_children,
    find_all,
    first_with_class,
    has_class,
    squash,
    text_of,
)
from annotator.core.importers.html_text import rich_text

_THUMB_TYPES = {
    "photo_wrap": "photo",
    "video_file_wrap": "video_file",
    "animated_wrap": "animation",
    "sticker_wrap": "sticker",
}
_VIDEO_TITLES = {
    "Video file": "video_file",
    "Animation": "animation",
    "Video message": "video_message",
    "Self-destructing video": "video_file",
}
_CARD_TYPES = {
    "media_voice_message": "voice_message",
    "media_audio_file": "audio_file",
    "media_file": "file",
    "media_contact": "contact",
    "media_location": "location",
    "media_live_location": "live_location",
    "media_venue": "venue",
    "media_game": "game",
    "media_invoice": "invoice",
    "media_call": "call",
}
_SIZE_RE = re.compile(r"([0-9]{1,9})\s*[x\u00d7]\s*([0-9]{1,9})")
_DURATION_RE = re.compile(r"^(?:([0-9]{1,9}):)?([0-9]{1,2}):([0-9]{2})\b")
_VOTES_RE = re.compile(r"([0-9]{1,18})\s+votes?")
_COUNT_RE = re.compile(r"[0-9]{1,18}")
_AUDIO_DASH = " \u2013 "
_GLOBAL_LINK = re.compile(r"https?://", re.IGNORECASE)


def parse_media(wrap: Element) -> dict[str, Any]:
    """The ``media`` metadata of a ``div.media_wrap`` (polls excluded: see :func:`parse_poll`)."""
    for name, kind in _THUMB_TYPES.items():
        link = first_with_class(wrap, name)
        if link is not None:
            media: dict[str, Any] = {"type": kind}
            href = link.get("href")
            if href:
                media["file"] = href
            duration = first_with_class(wrap, "video_duration")
            if duration is not None:
                _put_duration(media, squash(text_of(duration)))
            return media
    card = first_with_class(wrap, "media")
    if card is None:
        first = next(element_children(wrap), None)
        names = classes(first) if first is not None else []
        return {"type": "other", **({"classes": " ".join(names)} if names else {})}
    return _card(card)


def _card(card: Element) -> dict[str, Any]:
    names = classes(card)
    fields = {
        key: squash(text_of(el))
        for key, cls in (("title", "title"), ("description", "description"), ("status", "status"))
        if (el := first_with_class(card, cls)) is not None
    }
    title = fields.get("title", "")
    kind = _card_type(names, title)
    media: dict[str, Any] = {"type": kind, **{k: v for k, v in fields.items() if v}}
    href = card.get("href")
    if href:
        media["url" if _GLOBAL_LINK.match(href) else "file"] = href
    status = fields.get("status", "")
    if kind in ("photo", "sticker") and (size := _SIZE_RE.search(status)):
        media["width"], media["height"] = int(size.group(1)), int(size.group(2))
    if kind in ("video_file", "animation", "video_message", "voice_message", "audio_file"):
        _put_duration(media, status)
    if kind == "audio_file" and _AUDIO_DASH in title:
        media["performer"], media["title"] = title.split(_AUDIO_DASH, 1)
    if kind == "file" and title and title != "File":
        media["file_name"] = title
    return media


def _card_type(names: list[str], title: str) -> str:
    if "media_photo" in names:
        return "sticker" if title == "Sticker" else "photo"
    if "media_video" in names:
        return _VIDEO_TITLES.get(title, "video_file")
    for name in names:
        if name in _CARD_TYPES:
            return _CARD_TYPES[name]
    other = [n.removeprefix("media_") for n in names if n.startswith("media_")]
    return other[0] if other else "other"


def _put_duration(media: dict[str, Any], status: str) -> None:
    match = _DURATION_RE.match(status)
    if match:
        hours = int(match.group(1) or 0)
        media["duration_seconds"] = hours * 3600 + int(match.group(2)) * 60 + int(match.group(3))


def parse_poll(poll: Element) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The ``poll`` metadata of a ``div.media_poll`` and the entities of its question.

    Answers read ``- TEXT <span class="details">N votes[, chosen vote]</span>``; the
    ``details`` line says "Final results" for a closed poll.
    """
    question_el = first_with_class(poll, "question")
    question = rich_text(question_el, "desktop") if question_el is not None else None
    text = question.text.strip() if question is not None else ""
    details = child_with_class(poll, "details")
    closed = details is not None and "final results" in squash(text_of(details)).lower()
    answers = []
    for answer in descendants_with_class(poll, "answer"):
        label = squash(text_of(answer, frozenset({"details"})))
        label = label[2:] if label.startswith("- ") else label.removeprefix("-")
        votes_el = first_with_class(answer, "details")
        votes_text = squash(text_of(votes_el)) if votes_el is not None else ""
        votes = _VOTES_RE.search(votes_text)
        entry: dict[str, Any] = {"text": label, "voters": int(votes.group(1)) if votes else 0}
        if "chosen" in votes_text:
            entry["chosen"] = True
        answers.append(entry)
    total_el = first_with_class(poll, "total")
    total = _COUNT_RE.search(squash(text_of(total_el))) if total_el is not None else None
    data = {
        "question": text,
        "answers": answers,
        "total_voters": int(total.group(0)) if total else 0,
        "closed": closed,
    }
    entities = question.entities if question is not None and text == question.text else []
    return data, entities


def parse_reactions(reactions: Element) -> tuple[list[dict[str, Any]], list[str]]:
    """The reactions of a ``span.reactions`` and descriptions of the ones it could not read."""
    result: list[dict[str, Any]] = []
    problems: list[str] = []
    for item in find_all(reactions, "./*"):
        if not has_class(item, "reaction"):
            continue
        emoji_el = first_with_class(item, "emoji")
        count_el = first_with_class(item, "count")
        count_text = squash(text_of(count_el)) if count_el is not None else ""
        if not _COUNT_RE.fullmatch(count_text):
            problems.append(f"reaction count {count_text!r} is not a number")
            continue
        entry: dict[str, Any] = {"type": "emoji", "emoji": None, "count": int(count_text)}
        placeholder = find_all(emoji_el, ".//a") if emoji_el is not None else []
        if has_class(item, "paid"):
            entry["type"] = "paid"  # rendered as a ⭐ placeholder: not a real emoji
        elif placeholder:
            entry["type"] = "custom_emoji"  # the 👋 shown is a placeholder, not the emoji
            document = (placeholder[0].get("href") or "").strip()
            if document:
                entry["document_id"] = document
        elif emoji_el is not None:
            entry["emoji"] = squash(text_of(emoji_el)) or None
        result.append(entry)
    return result, problems
