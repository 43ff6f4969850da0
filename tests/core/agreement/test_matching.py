"""Segment units: coders' spans matched by Jaccard index, against hand-worked examples and a
plain re-implementation of the documented rule."""

from __future__ import annotations

import random
from collections.abc import Collection, Hashable, Mapping, Sequence
from fractions import Fraction
from itertools import combinations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.agreement.data import MISSING
from annotator.core.agreement.matching import MatchedSegments, match_segments

M = MISSING


def span_frame(
    rows: list[tuple[object, object, int, int, object]], index: Sequence[int] | None = None
) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["coder", "doc", "start", "end", "code"], index=index)


def units(matched: MatchedSegments) -> list[tuple[object, tuple[int, ...], tuple[int, ...]]]:
    """Each unit as (doc, pattern, representative rows), in the result's order."""
    assert matched.data.codes.shape[0] == len(matched.groups)
    np.testing.assert_array_equal(matched.data.weights, np.ones(len(matched.groups)))
    coders = list(matched.groups.columns[1:])
    return [
        (doc, tuple(int(v) for v in pattern), tuple(int(r) for r in rows))
        for doc, pattern, rows in zip(
            matched.groups["doc"],
            matched.data.codes,
            matched.groups[coders].to_numpy(),
            strict=True,
        )
    ]


# Two coders.  p1: [0,10) vs [0,8): Jaccard 8/10, matched; ann [20,30) vs bob [25,35):
# 5/15, unmatched.  p2: ann alone, bob finished it: (1, 0).  p3: bob did not finish it, so
# his span there is ignored and ann's is (1, MISSING).
TWO = span_frame(
    [
        ("ann", "p1", 0, 10, "x"),
        ("bob", "p1", 0, 8, "x"),
        ("ann", "p1", 20, 30, "x"),
        ("bob", "p1", 25, 35, "x"),
        ("ann", "p2", 0, 4, "x"),
        ("ann", "p3", 0, 5, "x"),
        ("bob", "p3", 0, 5, "x"),
        ("bob", "p2", 0, 4, "y"),
    ]
)
TWO_CODED_BY = {"p1": {"ann", "bob"}, "p2": {"ann", "bob"}, "p3": {"ann"}, "p4": {"ann", "bob"}}


def test_two_coders_by_hand() -> None:
    matched = match_segments(TWO, ["ann", "bob"], TWO_CODED_BY, "x")
    assert list(matched.groups.columns) == ["doc", "ann", "bob"]
    assert matched.data.categories == (0, 1)
    assert units(matched) == [
        ("p1", (1, 1), (0, 1)),
        ("p1", (1, 0), (2, -1)),
        ("p1", (0, 1), (-1, 3)),
        ("p2", (1, 0), (4, -1)),
        ("p3", (1, M), (5, -1)),
    ]


def test_segment_units_under_a_lower_threshold() -> None:
    matched = match_segments(TWO, ["ann", "bob"], TWO_CODED_BY, "x", threshold=1 / 3)
    assert units(matched)[:2] == [("p1", (1, 1), (0, 1)), ("p1", (1, 1), (2, 3))]


@pytest.mark.parametrize(
    ("threshold", "matched_pairs"),
    [(0.3, 1), (0.29, 1), (0.3000001, 0), (0.31, 0)],
)
def test_jaccard_just_below_and_at_the_threshold(threshold: float, matched_pairs: int) -> None:
    # [0,10) and [0,3): Jaccard exactly 3/10.
    spans = span_frame([("ann", "d", 0, 10, "x"), ("bob", "d", 0, 3, "x")])
    matched = match_segments(spans, ["ann", "bob"], {"d": {"ann", "bob"}}, "x", threshold)
    both = (matched.data.codes == 1).all(axis=1)
    assert int(both.sum()) == matched_pairs
    assert len(matched.groups) == 2 - matched_pairs


def test_threshold_one_needs_identical_segments() -> None:
    spans = span_frame(
        [("ann", "d", 0, 10, "x"), ("bob", "d", 0, 10, "x"), ("ann", "e", 0, 10, "x")]
        + [("bob", "e", 0, 9, "x")]
    )
    coded_by = {"d": {"ann", "bob"}, "e": {"ann", "bob"}}
    matched = match_segments(spans, ["ann", "bob"], coded_by, "x", threshold=1.0)
    assert [pattern for _, pattern, _ in units(matched)] == [(1, 1), (0, 1), (1, 0)]


@pytest.mark.parametrize("threshold", [0.0, -0.5, 1.5, float("nan")])
def test_threshold_outside_zero_one_is_refused(threshold: float) -> None:
    with pytest.raises(ValueError, match="threshold"):
        match_segments(TWO, ["ann", "bob"], TWO_CODED_BY, "x", threshold)


def test_greedy_takes_the_highest_jaccard_first() -> None:
    # bob [5,17) overlaps ann [0,10) (Jaccard 5/17) and ann [10,20) (7/17): the higher wins.
    spans = span_frame(
        [("ann", "d", 0, 10, "x"), ("ann", "d", 10, 20, "x"), ("bob", "d", 5, 17, "x")]
    )
    matched = match_segments(spans, ["ann", "bob"], {"d": {"ann", "bob"}}, "x", 0.25)
    assert units(matched) == [("d", (1, 0), (0, -1)), ("d", (1, 1), (1, 2))]


def test_greedy_breaks_ties_by_position() -> None:
    # bob [4,16) overlaps ann [0,10) and ann [10,20) by 6 of 16 each: the earlier pair wins.
    spans = span_frame(
        [("ann", "d", 10, 20, "x"), ("bob", "d", 4, 16, "x"), ("ann", "d", 0, 10, "x")]
    )
    matched = match_segments(spans, ["ann", "bob"], {"d": {"ann", "bob"}}, "x", 0.25)
    assert units(matched) == [("d", (1, 1), (2, 1)), ("d", (1, 0), (0, -1))]


def test_three_coders_group_only_pairwise_matches() -> None:
    # bob [0,6) ~ ann [0,10) (0.6) and ann ~ cat [4,10) (0.6), but bob ~ cat is 2/10: cat
    # cannot join the group of ann and bob, which was formed first (earlier pair).
    spans = span_frame(
        [("ann", "d", 0, 10, "x"), ("bob", "d", 0, 6, "x"), ("cat", "d", 4, 10, "x")]
    )
    coded_by = {"d": {"ann", "bob", "cat"}}
    matched = match_segments(spans, ["ann", "bob", "cat"], coded_by, "x")
    assert units(matched) == [("d", (1, 1, 0), (0, 1, -1)), ("d", (0, 0, 1), (-1, -1, 2))]


def test_three_coders_agreeing_form_one_group_and_missing_is_kept() -> None:
    spans = span_frame(
        [
            ("ann", "d", 0, 10, "x"),
            ("bob", "d", 1, 10, "x"),
            ("cat", "d", 0, 9, "x"),
            ("ann", "e", 3, 8, "x"),
            ("bob", "e", 3, 7, "x"),
            ("cat", "e", 3, 8, "x"),
        ]
    )
    coded_by = {"d": {"ann", "bob", "cat"}, "e": {"ann", "bob"}}
    matched = match_segments(spans, ["ann", "bob", "cat"], coded_by, "x")
    assert units(matched) == [("d", (1, 1, 1), (0, 1, 2)), ("e", (1, 1, M), (3, 4, -1))]


def test_overlapping_spans_of_one_coder_form_one_segment() -> None:
    # ann's [0,5) and [3,10) merge into [0,10), which matches bob's [0,10) exactly; the
    # representative row is the longer span, [3,10), by its index label.
    spans = span_frame(
        [("ann", "d", 0, 5, "x"), ("ann", "d", 3, 10, "x"), ("bob", "d", 0, 10, "x")],
        index=[30, 31, 7],
    )
    matched = match_segments(spans, ["ann", "bob"], {"d": {"ann", "bob"}}, "x", 1.0)
    assert units(matched) == [("d", (1, 1), (31, 7))]


def test_duplicate_spans_are_represented_by_the_smallest_label() -> None:
    spans = span_frame(
        [("ann", "d", 2, 8, "x"), ("ann", "d", 2, 8, "x"), ("ann", "d", 0, 4, "x")],
        index=[12, 5, 3],
    )
    matched = match_segments(spans, ["ann"], {"d": {"ann"}}, "x")
    assert units(matched) == [("d", (1,), (5,))]


def test_adjacent_spans_of_one_coder_stay_separate_segments() -> None:
    # ann [0,5) and [5,10) each have Jaccard 1/2 with bob [0,10): the earlier pair wins.
    spans = span_frame(
        [("ann", "d", 5, 10, "x"), ("ann", "d", 0, 5, "x"), ("bob", "d", 0, 10, "x")]
    )
    matched = match_segments(spans, ["ann", "bob"], {"d": {"ann", "bob"}}, "x")
    assert units(matched) == [("d", (1, 1), (1, 2)), ("d", (1, 0), (0, -1))]


def test_no_segments_give_no_units() -> None:
    matched = match_segments(TWO, ["ann", "bob"], {"p4": {"ann", "bob"}}, "x")
    assert matched.data.codes.shape == (0, 2)
    assert matched.data.n_units == 0.0
    assert list(matched.groups.columns) == ["doc", "ann", "bob"]
    assert matched.groups.empty


def test_no_coders_give_no_units() -> None:
    matched = match_segments(TWO, [], TWO_CODED_BY, "x")
    assert matched.data.codes.shape == (0, 0)
    assert list(matched.groups.columns) == ["doc"]


def test_spans_need_unique_integer_labels_and_coders_cannot_be_called_doc() -> None:
    with pytest.raises(ValueError, match="integer index"):
        match_segments(TWO.set_index("code"), ["ann", "bob"], TWO_CODED_BY, "x")
    with pytest.raises(ValueError, match="integer index"):
        match_segments(TWO.set_index(pd.Index([0] * len(TWO))), ["ann"], TWO_CODED_BY, "x")
    with pytest.raises(ValueError, match="doc"):
        match_segments(TWO, ["ann", "doc"], TWO_CODED_BY, "x")


# The rule of the module docstring, written plainly: exact Jaccard indices as fractions,
# one pair at a time.


def jaccard(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> Fraction:
    """|A & B| / |A | B| of two (start, end, ...) segments."""
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return Fraction(inter, max(a[1], b[1]) - min(a[0], b[0])) if inter > 0 else Fraction(0)


def reference(
    spans: pd.DataFrame,
    coders: Sequence[Hashable],
    coded_by: Mapping[Hashable, Collection[Hashable]],
    code: Hashable,
    threshold: Fraction,
) -> list[tuple[object, tuple[int, ...], tuple[int, ...]]]:
    result = []
    for doc, finishers in coded_by.items():
        segments = []  # (start, end, coder position, representative label)
        for position, coder in enumerate(coders):
            if coder not in finishers:
                continue
            mine = spans[(spans.doc == doc) & (spans.coder == coder) & (spans.code == code)]
            pieces = sorted(zip(mine.start, mine.end, mine.index, strict=True))
            merged: list[list[tuple[int, int, int]]] = []
            for piece in pieces:
                if merged and piece[0] < max(end for _, end, _ in merged[-1]):
                    merged[-1].append(piece)
                else:
                    merged.append([piece])
            for parts in merged:
                best = min(parts, key=lambda p: (p[0] - p[1], p[0], p[2]))
                start, end = parts[0][0], max(end for _, end, _ in parts)
                segments.append((start, end, position, int(best[2])))
        segments.sort()
        index = {
            (i, j): jaccard(segments[i], segments[j])
            for i, j in combinations(range(len(segments)), 2)
        }
        candidates = {
            pair
            for pair, value in index.items()
            if segments[pair[0]][2] != segments[pair[1]][2] and value >= threshold
        }
        groups = {i: [i] for i in range(len(segments))}
        for i, j in sorted(candidates, key=lambda pair: (-index[pair], pair)):
            a = next(g for g, members in groups.items() if i in members)
            b = next(g for g, members in groups.items() if j in members)
            coders_a = {segments[k][2] for k in groups[a]}
            if a == b or coders_a & {segments[k][2] for k in groups[b]}:
                continue
            if all((min(x, y), max(x, y)) in candidates for x in groups[a] for y in groups[b]):
                keep, drop = min(a, b), max(a, b)
                groups[keep] = groups[keep] + groups.pop(drop)
        for head in sorted(groups):
            rows = [-1] * len(coders)
            for k in groups[head]:
                rows[segments[k][2]] = segments[k][3]
            pattern = tuple(
                1 if rows[p] >= 0 else (0 if coder in finishers else M)
                for p, coder in enumerate(coders)
            )
            result.append((doc, pattern, tuple(rows)))
    return result


CODER_POOL = ["ann", "bob", "cat", "dan"]
DOCS = ["d0", "d1", "d2"]
Corpus = tuple[pd.DataFrame, list[str], dict[str, set[str]]]
"""Spans, coders and who finished which doc."""


@st.composite
def corpora(draw: st.DrawFn) -> Corpus:
    coders = draw(st.lists(st.sampled_from(CODER_POOL), min_size=1, max_size=4, unique=True))
    finishers = st.lists(st.sampled_from(CODER_POOL), unique=True)
    entered = draw(st.lists(st.sampled_from(DOCS), max_size=3, unique=True))
    coded_by = {doc: set(draw(finishers)) for doc in entered}
    rows = []
    for _ in range(draw(st.integers(0, 16))):
        start = draw(st.integers(0, 20))
        end = draw(st.integers(start + 1, 24))
        coder, doc = draw(st.sampled_from(CODER_POOL)), draw(st.sampled_from(DOCS))
        rows.append((coder, doc, start, end, draw(st.sampled_from("xy"))))
    labels = draw(st.permutations(range(100, 100 + len(rows))))
    return span_frame(rows, index=labels), coders, coded_by


THRESHOLDS = st.sampled_from(["0.2", "1/3", "0.5", "0.6", "1"])


@given(corpora(), THRESHOLDS)
def test_matching_equals_the_plain_rule(corpus: Corpus, threshold: str) -> None:
    spans, coders, coded_by = corpus
    exact = Fraction(threshold)
    matched = match_segments(spans, coders, coded_by, "x", float(exact))
    assert units(matched) == reference(spans, coders, coded_by, "x", exact)
    assert np.all((matched.data.codes == 1).any(axis=1))


@given(corpora(), THRESHOLDS, st.randoms(use_true_random=False))
def test_matching_does_not_depend_on_row_order(
    corpus: Corpus, threshold: str, rng: random.Random
) -> None:
    spans, coders, coded_by = corpus
    shuffled = spans.sample(frac=1.0, random_state=rng.randrange(2**32))
    first = match_segments(spans, coders, coded_by, "x", float(Fraction(threshold)))
    again = match_segments(shuffled, coders, coded_by, "x", float(Fraction(threshold)))
    np.testing.assert_array_equal(first.data.codes, again.data.codes)
    pd.testing.assert_frame_equal(first.groups, again.groups)


def test_many_segments_match_the_plain_rule() -> None:
    # A larger doc with four coders' noisy copies of the same passages, so groups, chains
    # and conflicts all occur and the vectorised shortcuts meet the sequential rule.
    rng = np.random.default_rng(11)
    coders = ["ann", "bob", "cat", "dan"]
    rows = []
    for doc in ("d0", "d1"):
        for base in range(0, 400, 20):
            for coder in coders:
                if rng.random() < 0.8:
                    start = base + int(rng.integers(0, 6))
                    rows.append((coder, doc, start, start + int(rng.integers(4, 16)), "x"))
    spans = span_frame(rows)
    coded_by = {"d0": set(coders), "d1": {"ann", "bob", "dan"}}
    for threshold in ("0.3", "0.5", "0.7"):
        exact = Fraction(threshold)
        matched = match_segments(spans, coders, coded_by, "x", float(exact))
        assert units(matched) == reference(spans, coders, coded_by, "x", exact)
