"""Reactions lines of the Telegram web-preview text copy, such as ``👍431🔥1``.

The copy keeps only the text of each reaction, so icons of custom emoji and paid
stars are lost and their counts glue onto neighbours: a line can have several
readings. :func:`parse_reactions_line` enumerates every consistent reading
(counts non-increasing left to right, a bare leading count exempt), capped at
:data:`MAX_READINGS`. See ``shared/formats/telegram-web-preview-text.md`` §4.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

MAX_READINGS = 64
"""At most this many readings of one reactions line are enumerated (then a warning says so)."""

_MAX_SEARCH_STEPS = 20_000
_MAX_COUNT_CHARS = 12
_COUNT_RUN_RE = re.compile(r"(?:[0-9]+(?:\.[0-9]+)?[KM]?)+")
_PIECE_RE = re.compile(r"[1-9][0-9]*(?:(?:\.[0-9]+)?[KM])?")
_COUNT_CHARS = frozenset("0123456789.KM")
_FORCED_EMOJI = frozenset({0xFE0E, 0xFE0F, 0x200D})
_KEYCAP = 0x20E3
_SKIN_TONES = range(0x1F3FB, 0x1F400)
_TAG_CHARS = range(0xE0020, 0xE0080)


@dataclass(frozen=True, slots=True)
class Reaction:
    """One reaction of a reading; ``emoji`` is ``None`` when its icon was lost in the copy."""

    emoji: str | None
    count: int

    def as_dict(self) -> dict[str, Any]:
        return {"emoji": self.emoji, "count": self.count}


@dataclass(frozen=True, slots=True)
class ReactionsLine:
    """A line that parses as reactions, with every reading of its glued counts.

    ``capped`` is true when the enumeration stopped at :data:`MAX_READINGS` (or its step limit)
    and more readings may exist. ``ordered`` is false for a line whose counts are not in
    Telegram's usual descending order (its one reading keeps each run whole).
    """

    raw: str
    readings: tuple[tuple[Reaction, ...], ...]
    capped: bool
    has_emoji: bool
    ordered: bool = True


def count_value(token: str) -> int:
    """``"431"`` -> 431, ``"1.2K"`` -> 1200, ``"3.1M"`` -> 3100000 (``,`` as decimal mark too)."""
    mult = {"K": 1_000, "M": 1_000_000}.get(token[-1:], 1)
    number = token[:-1] if mult != 1 else token
    if mult == 1:  # no suffix: separators can only group thousands
        return int(number.replace(",", "").replace(".", ""))
    whole, _, frac = number.replace(",", ".").partition(".")
    divisor: int = 10 ** len(frac)
    return int(whole + frac) * mult // divisor


def _is_emoji_char(ch: str) -> bool:
    cp = ord(ch)
    if cp == _KEYCAP:
        return False
    if cp in _FORCED_EMOJI or cp in _SKIN_TONES or cp in _TAG_CHARS:
        return True
    return unicodedata.category(ch) == "So"  # includes regional indicators and U+2B50 ⭐


def _groups(line: str) -> list[tuple[str, str]] | None:
    """Split ``line`` into (emoji run, count run) pairs, or ``None`` if it is not ``(E* N)+``."""
    groups: list[tuple[str, str]] = []
    emoji: list[str] = []
    digits: list[str] = []
    for ch in line:
        if ch in _COUNT_CHARS:
            digits.append(ch)
        elif _is_emoji_char(ch):
            if digits:
                groups.append(("".join(emoji), "".join(digits)))
                emoji, digits = [], []
            emoji.append(ch)
        else:
            return None
    if not digits:
        return None
    groups.append(("".join(emoji), "".join(digits)))
    if not all(_COUNT_RUN_RE.fullmatch(run) for _, run in groups):
        return None
    return groups


_State = tuple[int, int, int | None, tuple[Reaction, ...]]


def _readings(
    groups: list[tuple[str, str]], ordered: bool = True
) -> tuple[list[tuple[Reaction, ...]], bool]:
    """Depth-first, longest piece first: every split with non-increasing counts.

    A count run after an emoji run belongs to that emoji (first piece) and to reactions whose
    icons were lost (further pieces). A bare count opening the line is exempt from the order.
    With ``ordered=False`` the order is not required (for lines no ordered split explains):
    then only the split that keeps every emoji's run whole is taken.
    """
    if not ordered:
        return [tuple(Reaction(emoji or None, count_value(run)) for emoji, run in groups
                      if len(run) <= _MAX_COUNT_CHARS and _PIECE_RE.fullmatch(run))], False
    found: list[tuple[Reaction, ...]] = []
    stack: list[_State] = [(0, 0, None, ())]
    steps = 0
    while stack:
        steps += 1
        if steps > _MAX_SEARCH_STEPS:
            return found, True
        gi, pos, prev, acc = stack.pop()
        if gi == len(groups):
            found.append(acc)
            if len(found) > MAX_READINGS:
                return found[:MAX_READINGS], True
            continue
        emoji, run = groups[gi]
        label = (emoji or None) if pos == 0 else None
        exempt = gi == 0 and pos == 0 and not emoji
        for end in range(pos + 1, min(len(run), pos + _MAX_COUNT_CHARS) + 1):
            piece = run[pos:end]
            if not _PIECE_RE.fullmatch(piece):
                continue
            value = count_value(piece)
            if prev is not None and value > prev:
                continue
            reading = (*acc, Reaction(label, value))
            following = prev if exempt else value
            if end < len(run):
                stack.append((gi, end, following, reading))
            else:
                stack.append((gi + 1, 0, following, reading))
    return found, False


def parse_reactions_line(line: str) -> ReactionsLine | None:
    """Parse one line as a reactions line (format notes, section 4), without context guards.

    Trailing spaces/NBSP are ignored. Returns ``None`` unless the line is ``(E* N)+`` ending with
    a count, contains no keycap (U+20E3), letter, space or punctuation, and has at least one
    reading with every count >= 1 and no leading zeros.
    """
    groups = _groups(line.rstrip(" \u00a0"))
    if groups is None:
        return None
    readings, capped = _readings(groups)
    has_emoji = any(emoji for emoji, _ in groups)
    ordered = True
    if not readings and has_emoji:
        # Telegram lists reactions by count, but that is observed, not documented: a line
        # of emoji and counts in another order is still a reactions line (see ``ordered``).
        readings, capped = _readings(groups, ordered=False)
        ordered = False
        if len(readings[0]) != len(groups):
            return None
    if not readings:
        return None
    return ReactionsLine(line, tuple(readings), capped, has_emoji, ordered)
