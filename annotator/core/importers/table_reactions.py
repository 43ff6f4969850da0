"""Reactions as table cells write them, parsed into the shared metadata form.

Three notations are met: 4CAT repeats each emoji once per reaction and appends custom and
paid reactions as Python dict reprs (``👍👍👍❤❤{'reaction': {...}, 'count': 3, ...}, ``);
Telethon scrapers write emoji and count pairs (``👍 12 ❤ 3``); hand-made tables may hold
JSON. :func:`reactions` reads any of them into
``[{"type": "emoji"|"custom_emoji"|"paid", "emoji": str|None, "count": int}, ...]``.
"""

from __future__ import annotations

import ast
import json
import re
from typing import Any

from annotator.core.importers.table_cells import CellError, count

REACTION_FORMATS = ("auto", "repeated", "counted", "json")
_COUNTED_RE = re.compile(r"\s*([^\s\d]+)\s*(\d+(?:[.,]\d+)?[KkMm]?)")
_CLUSTER_MARKS = frozenset({0xFE0E, 0xFE0F, 0x20E3})
_SKIN_TONES = range(0x1F3FB, 0x1F400)
_TAGS = range(0xE0020, 0xE0080)
_REGIONAL = range(0x1F1E6, 0x1F200)
_ZWJ = 0x200D
_DICT_TYPES = {"ReactionEmoji": "emoji", "ReactionCustomEmoji": "custom_emoji",
               "ReactionPaid": "paid"}


def reactions(raw: str, notation: str = "auto") -> list[dict[str, Any]]:
    """Reactions in one of :data:`REACTION_FORMATS` (see the mapping schema), as
    ``[{"type": "emoji"|"custom_emoji"|"paid", "emoji": str|None, "count": int}, ...]``.

    Raises :class:`CellError` when the cell is not in that notation.
    """
    text = raw.strip()
    if not text:
        return []
    if notation != "auto":
        return {"repeated": _repeated, "counted": _counted, "json": _json}[notation](text)
    readers = [_json] if text[0] in "[{" else []
    readers += [_counted, _repeated] if any(ch.isdigit() for ch in text) else [_repeated]
    for reader in readers:
        try:
            return reader(text)
        except CellError:
            continue
    raise CellError(
        f"{_short(text)} is not a reactions cell (expected emoji repeated per reaction, "
        "emoji followed by counts, or JSON)"
    )


def _short(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:40] + "…")


def _entry(kind: str, emoji: str | None, number: int, **extra: Any) -> dict[str, Any]:
    return {"type": kind, "emoji": emoji, "count": number, **extra}


def emoji_clusters(text: str) -> list[str]:
    """Split a run of emoji into user-visible ones (ZWJ sequences, skin tones, variation
    selectors, keycaps, flags and tag sequences kept whole); white space is dropped."""
    found: list[str] = []
    i = 0
    while i < len(text):
        if text[i].isspace():
            i += 1
            continue
        j = i + 1
        if ord(text[i]) in _REGIONAL and j < len(text) and ord(text[j]) in _REGIONAL:
            j += 1
        while j < len(text):
            code = ord(text[j])
            if code in _CLUSTER_MARKS or code in _SKIN_TONES or code in _TAGS:
                j += 1
            elif code == _ZWJ and j + 1 < len(text):
                j += 2
            else:
                break
        found.append(text[i:j])
        i = j
    return found


def _is_emoji(cluster: str) -> bool:
    first = cluster[0]
    return ord(first) >= 0x2000 and not first.isalnum()


def _repeated(text: str) -> list[dict[str, Any]]:
    """4CAT: each emoji ``count`` times in a row; custom and paid reactions appended as
    Python dict reprs followed by ``", "``."""
    found: list[dict[str, Any]] = []
    totals: dict[str, dict[str, Any]] = {}
    i = 0
    while i < len(text):
        if text[i] == "{":
            end = _closing_brace(text, i)
            found.append(_from_repr(text[i : end + 1]))
            i = end + 1
            while i < len(text) and text[i] in ", ":
                i += 1
            continue
        end = text.find("{", i)
        end = len(text) if end < 0 else end
        for cluster in emoji_clusters(text[i:end]):
            if not _is_emoji(cluster):
                raise CellError(f"{_short(text)}: {cluster!r} is not an emoji")
            if cluster in totals:  # runs of one emoji are one reaction
                totals[cluster]["count"] += 1
            else:
                totals[cluster] = _entry("emoji", cluster, 1)
                found.append(totals[cluster])
        i = end
    return found


def _closing_brace(text: str, start: int) -> int:
    depth, quote = 0, ""
    for i in range(start, len(text)):
        ch = text[i]
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return i
    raise CellError(f"{_short(text)}: unbalanced '{{' in a reaction")


def _from_repr(text: str) -> dict[str, Any]:
    try:
        value = ast.literal_eval(text)  # literals only: never runs code
    except (ValueError, SyntaxError, MemoryError, RecursionError) as exc:
        raise CellError(f"{_short(text)} is not a reaction record") from exc
    reaction = value.get("reaction") if isinstance(value, dict) else None
    number = value.get("count") if isinstance(value, dict) else None
    if not isinstance(reaction, dict) or not isinstance(number, int):
        raise CellError(f"{_short(text)} is not a reaction record")
    kind = _DICT_TYPES.get(str(reaction.get("_type")), "custom_emoji")
    emoticon = reaction.get("emoticon")
    emoji = emoticon if isinstance(emoticon, str) else None
    document = reaction.get("document_id")
    extra = {"document_id": str(document)} if document is not None else {}
    return _entry(kind, emoji, number, **extra)


def _counted(text: str) -> list[dict[str, Any]]:
    """Telethon scrapers: ``"👍 12 ❤ 3"`` (emoji, then its count)."""
    found: list[dict[str, Any]] = []
    end = 0
    for match in _COUNTED_RE.finditer(text):
        if match.start() != end or not _is_emoji(match.group(1)):
            raise CellError(f"{_short(text)} is not 'emoji count' pairs")
        found.append(_entry("emoji", match.group(1), count(match.group(2))[0]))
        end = match.end()
    if not found or text[end:].strip():
        raise CellError(f"{_short(text)} is not 'emoji count' pairs")
    return found


def _json(text: str) -> list[dict[str, Any]]:
    try:
        value = json.loads(text)
    except ValueError as exc:
        raise CellError(f"{_short(text)} is not JSON") from exc
    if isinstance(value, dict):
        value = [{"emoji": key, "count": number} for key, number in value.items()]
    if not isinstance(value, list):
        raise CellError(f"{_short(text)} is not a JSON list of reactions")
    found: list[dict[str, Any]] = []
    for item in value:
        number = item.get("count") if isinstance(item, dict) else None
        if not isinstance(number, int) or isinstance(number, bool):
            raise CellError(f"{_short(text)}: every reaction needs an integer 'count'")
        emoji = item.get("emoji") or item.get("emoticon")
        kind = item.get("type") or ("emoji" if emoji else "custom_emoji")
        found.append(_entry(str(kind), str(emoji) if emoji else None, number))
    return found
