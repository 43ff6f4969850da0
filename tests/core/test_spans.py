"""Code points versus UTF-16 units, and layering of overlapping spans."""

from __future__ import annotations

import pytest

from annotator.core.errors import InvalidSpan
from annotator.core.spans import Segment, Span, Utf16Index, segments, snap_to_words

FLAGS = "🇷🇺🇧🇾 June 25 ⚡️ keycap 7️⃣ heart ❤🔥 é and 🎙️Embassy"


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def test_span_rules() -> None:
    with pytest.raises(InvalidSpan):
        Span(3, 3)
    with pytest.raises(InvalidSpan):
        Span(-1, 2)
    span = Span(0, 4)
    assert span.quote("🇷🇺🇧🇾 x") == "🇷🇺🇧🇾"
    with pytest.raises(InvalidSpan, match="<= 2"):
        span.check_within(2)
    assert Span(0, 2).overlaps(Span(1, 3))
    assert not Span(0, 2).overlaps(Span(2, 3))


def test_to_qt_matches_utf16_encoding_at_every_offset() -> None:
    index = Utf16Index(FLAGS)
    assert index.length_qt == utf16_len(FLAGS)
    for i in range(len(FLAGS) + 1):
        assert index.to_qt(i) == utf16_len(FLAGS[:i])
        assert index.from_qt(index.to_qt(i)) == i


def test_from_qt_inside_a_surrogate_pair_rounds_down() -> None:
    text = "a🇷b"
    index = Utf16Index(text)
    assert [index.from_qt(q) for q in range(5)] == [0, 1, 1, 2, 3]


def test_offsets_outside_the_text_are_refused() -> None:
    index = Utf16Index("ab🇷")
    with pytest.raises(IndexError):
        index.to_qt(4)
    with pytest.raises(IndexError):
        index.from_qt(5)


def test_span_round_trip_keeps_the_quote() -> None:
    index = Utf16Index(FLAGS)
    start = FLAGS.index("June")
    span = Span(start, start + 7)
    start_qt, end_qt = index.span_to_qt(span)
    assert FLAGS.encode("utf-16-le")[2 * start_qt : 2 * end_qt].decode("utf-16-le") == "June 25"
    assert index.span_from_qt(start_qt, end_qt) == span


def test_segments_split_overlaps_into_disjoint_runs() -> None:
    runs = segments([(Span(0, 10), "a"), (Span(5, 15), "b"), (Span(20, 25), "c")])
    assert runs == [
        Segment(0, 5, ("a",)),
        Segment(5, 10, ("a", "b")),
        Segment(10, 15, ("b",)),
        Segment(20, 25, ("c",)),
    ]
    assert segments([]) == []
    nested = segments([(Span(0, 10), "outer"), (Span(2, 4), "inner")])
    assert nested[1] == Segment(2, 4, ("outer", "inner"))


def test_snapping_to_words() -> None:
    text = "🇷🇺 Lavrov’s remarks, on  June 25: «strategic defeat»."
    start = text.index("avrov")
    assert text[snap_to_words(text, Span(start, start + 3)).start :][:8] == "Lavrov’s"
    picked = snap_to_words(text, Span(text.index(" on"), text.index("June") + 2))
    assert text[picked.start : picked.end] == "on  June"
    inner = snap_to_words(text, Span(text.index("rategic"), text.index("defeat") + 2))
    assert text[inner.start : inner.end] == "strategic defeat"
    blank = Span(text.index("  "), text.index("  ") + 2)
    assert snap_to_words(text, blank) == blank
