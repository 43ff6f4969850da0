"""Spans and offsets: the one place where code points meet UTF-16 units.

Stored offsets are half-open ``[start, end)`` ranges in Unicode code points of
a post's text (Python ``str`` indices). Qt counts UTF-16 code units; every
conversion goes through :class:`Utf16Index`. Names of UTF-16 values end in ``_qt``.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

from annotator.core.errors import InvalidSpan


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Half-open ``[start, end)`` in code points of a post's text (never UTF-16, never bytes)."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise InvalidSpan(self.start, self.end)

    def check_within(self, length: int) -> None:
        """Raise :class:`InvalidSpan` unless the span fits a text of ``length`` code points."""
        if self.end > length:
            raise InvalidSpan(self.start, self.end, length)

    def quote(self, text: str) -> str:
        """The covered text."""
        self.check_within(len(text))
        return text[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


class Utf16Index:
    """Converts between code-point offsets and UTF-16 offsets for one text.

    Offsets are positions between characters, ``0..len(text)``. A UTF-16 offset
    that falls inside a surrogate pair is rounded down to the pair's start.
    """

    def __init__(self, text: str) -> None:
        self._length = len(text)
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        # UTF-16 start of each astral character, for the reverse mapping.
        self._astral_qt = [i + k for k, i in enumerate(self._astral)]

    @property
    def length_qt(self) -> int:
        return self._length + len(self._astral)

    def to_qt(self, index: int) -> int:
        """UTF-16 offset of code-point offset ``index``."""
        if not 0 <= index <= self._length:
            raise IndexError(f"offset {index} outside 0..{self._length}")
        return index + bisect_left(self._astral, index)

    def from_qt(self, index_qt: int) -> int:
        """Code-point offset of UTF-16 offset ``index_qt`` (rounded down inside a pair)."""
        if not 0 <= index_qt <= self.length_qt:
            raise IndexError(f"UTF-16 offset {index_qt} outside 0..{self.length_qt}")
        # Astral characters starting before index_qt each took one extra unit; when
        # index_qt falls inside the last of them this also lands on that pair's start.
        return index_qt - bisect_right(self._astral_qt, index_qt - 1)

    def span_to_qt(self, span: Span) -> tuple[int, int]:
        return self.to_qt(span.start), self.to_qt(span.end)

    def span_from_qt(self, start_qt: int, end_qt: int) -> Span:
        return Span(self.from_qt(start_qt), self.from_qt(end_qt))


@dataclass(frozen=True, slots=True)
class Segment:
    """A maximal run of text covered by the same set of marks."""

    start: int
    end: int
    marks: tuple[Hashable, ...]


def segments(marks: Iterable[tuple[Span, Hashable]]) -> list[Segment]:
    """Split overlapping ``(span, mark)`` pairs into disjoint runs, each tagged with its marks.

    Runs are in text order; only covered runs are returned; the marks of a run keep
    the order in which they were given (so callers control layering).
    """
    items = list(marks)
    bounds = sorted({b for span, _ in items for b in (span.start, span.end)})
    result: list[Segment] = []
    for lo, hi in zip(bounds, bounds[1:], strict=False):
        covering = tuple(mark for span, mark in items if span.start <= lo and hi <= span.end)
        if covering:
            result.append(Segment(lo, hi, covering))
    return result


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch in "_'’-" or unicodedata.category(ch).startswith("M")


def snap_to_words(text: str, span: Span) -> Span:
    """Widen ``span`` to whole words and trim white space at its ends (word snapping).

    A selection that starts or ends inside a word grows to that word's edge; one
    that starts or ends in white space shrinks to the first or last non-space
    character. A span of white space only is returned unchanged.
    """
    start, end = span.start, min(span.end, len(text))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return span
    while start > 0 and _is_word(text[start - 1]) and _is_word(text[start]):
        start -= 1
    while end < len(text) and _is_word(text[end]) and _is_word(text[end - 1]):
        end += 1
    return Span(start, end)
