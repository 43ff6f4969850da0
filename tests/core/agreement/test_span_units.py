"""Spans as reliability data: presence per doc, coverage per code point, pooling."""

from __future__ import annotations

from collections.abc import Collection, Hashable, Mapping, Sequence

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.agreement.data import MISSING, WeightedData, compress, encode
from annotator.core.agreement.span_units import (
    character_units,
    merge_patterns,
    pool,
    presence_units,
)

M = MISSING
CODERS = ["ann", "bob", "cat"]


def span_frame(rows: list[tuple[object, object, int, int, object]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["coder", "doc", "start", "end", "code"])


def assert_same(actual: WeightedData, expected: WeightedData) -> None:
    assert actual.categories == expected.categories
    np.testing.assert_array_equal(actual.codes, expected.codes)
    np.testing.assert_array_equal(actual.weights, expected.weights)
    assert actual.codes.dtype == np.int64
    assert actual.weights.dtype == np.float64


def expected(
    rows: list[tuple[tuple[int, ...], float]], categories: tuple[int, ...] = (0, 1)
) -> WeightedData:
    codes = np.array([pattern for pattern, _ in rows], dtype=np.int64)
    weights = np.array([weight for _, weight in rows], dtype=np.float64)
    return WeightedData(codes, weights, categories)


# Presence: ann and bob both apply x in p1 and p5; bob alone in p2 (cat did not finish
# it); cat alone in p3; nobody but cat finished p4.  The ignored spans: ann's in p4 (not
# finished by her), dan's (not a listed coder), ann's in p9 (not a doc that entered) and
# ann's y in p3 (another code).
PRESENCE_SPANS = span_frame(
    [
        ("ann", "p1", 0, 4, "x"),
        ("bob", "p1", 2, 6, "x"),
        ("bob", "p2", 0, 2, "x"),
        ("cat", "p3", 1, 3, "x"),
        ("ann", "p4", 0, 1, "x"),
        ("dan", "p1", 0, 1, "x"),
        ("ann", "p9", 0, 1, "x"),
        ("ann", "p3", 0, 2, "y"),
        ("ann", "p5", 0, 1, "x"),
        ("bob", "p5", 3, 4, "x"),
        ("bob", "p5", 5, 9, "x"),
    ]
)
PRESENCE_CODED_BY = {
    "p1": {"ann", "bob", "cat"},
    "p2": {"ann", "bob"},
    "p3": {"ann", "bob", "cat"},
    "p4": {"cat", "dan"},
    "p5": {"ann", "bob", "cat", "dan"},
}


def test_presence_units_by_hand() -> None:
    data = presence_units(PRESENCE_SPANS, CODERS, PRESENCE_CODED_BY, "x")
    assert_same(
        data,
        expected(
            [
                ((M, M, 0), 1),  # p4: only cat finished, without x
                ((0, 0, 1), 1),  # p3
                ((0, 1, M), 1),  # p2
                ((1, 1, 0), 2),  # p1 and p5
            ]
        ),
    )


def test_presence_of_a_code_nobody_used_keeps_both_categories() -> None:
    data = presence_units(PRESENCE_SPANS, CODERS, PRESENCE_CODED_BY, "never")
    assert_same(data, expected([((M, M, 0), 1), ((0, 0, M), 1), ((0, 0, 0), 3)]))


def test_presence_follows_the_coder_order() -> None:
    data = presence_units(PRESENCE_SPANS, ["cat", "bob"], PRESENCE_CODED_BY, "x")
    assert_same(data, expected([((M, 1), 1), ((0, M), 1), ((0, 1), 2), ((1, 0), 1)]))


# Coverage, hand-computed interval by interval:
#   d1 (10 code points; ann, bob, cat): ann [0,4) and [2,6) (counted once), bob [3,8),
#      cat [9,10) -> [0,3) 100, [3,6) 110, [6,8) 010, [8,9) 000, [9,10) 001
#   d2 (6; ann, bob; cat did not finish, so her span is ignored): bob [1,3)
#      -> [0,1) 00M, [1,3) 01M, [3,6) 00M
#   d3 (empty) contributes nothing;  d4 (4; ann only): ann [0,4) -> 1MM
CHARACTER_SPANS = span_frame(
    [
        ("ann", "d1", 0, 4, "x"),
        ("ann", "d1", 2, 6, "x"),
        ("bob", "d1", 3, 8, "x"),
        ("cat", "d1", 9, 10, "x"),
        ("bob", "d2", 1, 3, "x"),
        ("cat", "d2", 0, 6, "x"),
        ("ann", "d4", 0, 4, "x"),
        ("bob", "d4", 0, 2, "x"),
        ("cat", "d1", 0, 10, "y"),
    ]
)
CHARACTER_LENGTHS = {"d1": 10, "d2": 6, "d3": 0, "d4": 4, "unused": 99}
CHARACTER_CODED_BY = {
    "d1": {"ann", "bob", "cat"},
    "d2": {"ann", "bob"},
    "d3": {"ann", "bob", "cat"},
    "d4": {"ann"},
}
CHARACTER_EXPECTED = expected(
    [
        ((0, 0, M), 4),
        ((0, 0, 0), 1),
        ((0, 0, 1), 1),
        ((0, 1, M), 2),
        ((0, 1, 0), 2),
        ((1, M, M), 4),
        ((1, 0, 0), 3),
        ((1, 1, 0), 3),
    ]
)


def test_character_units_by_hand() -> None:
    data = character_units(CHARACTER_SPANS, CHARACTER_LENGTHS, CODERS, CHARACTER_CODED_BY, "x")
    assert_same(data, CHARACTER_EXPECTED)
    assert data.n_units == 20  # 10 + 6 + 0 + 4


def test_character_units_ignore_row_order_and_extra_columns() -> None:
    shuffled = CHARACTER_SPANS.sample(frac=1.0, random_state=7).assign(
        quote="text", annotation_id=range(len(CHARACTER_SPANS))
    )
    data = character_units(shuffled, CHARACTER_LENGTHS, CODERS, CHARACTER_CODED_BY, "x")
    assert_same(data, CHARACTER_EXPECTED)


def test_docs_order_does_not_matter() -> None:
    reordered = dict(reversed(list(CHARACTER_CODED_BY.items())))
    data = character_units(CHARACTER_SPANS, CHARACTER_LENGTHS, CODERS, reordered, "x")
    assert_same(data, CHARACTER_EXPECTED)


def test_only_empty_docs_give_no_units() -> None:
    data = character_units(CHARACTER_SPANS, {"d3": 0}, CODERS, {"d3": {"ann", "bob"}}, "x")
    assert data.codes.shape == (0, 3)
    assert data.n_units == 0.0
    assert data.categories == (0, 1)


def test_nothing_coded_gives_no_units() -> None:
    no_spans = pd.DataFrame(columns=["coder", "doc", "start", "end", "code"])
    assert character_units(no_spans, {}, CODERS, {}, "x").codes.shape == (0, 3)
    assert presence_units(no_spans, CODERS, {}, "x").codes.shape == (0, 3)


def test_a_doc_without_spans_is_all_absent_for_its_finishers() -> None:
    data = character_units(CHARACTER_SPANS, {"quiet": 7}, CODERS, {"quiet": ["cat", "ann"]}, "x")
    assert_same(data, expected([((0, M, 0), 7)]))


@pytest.mark.parametrize(
    ("rows", "lengths", "message"),
    [
        ([("ann", "d", 3, 3, "x")], {"d": 5}, "0 <= start < end"),
        ([("ann", "d", -1, 2, "x")], {"d": 5}, "0 <= start < end"),
        ([("ann", "d", 2, 6, "x")], {"d": 5}, "past the end"),
        ([("ann", "d", 0, 2, "x")], {}, "no length"),
        ([("ann", "d", 0, 2, "x")], {"d": -1}, "negative"),
    ],
)
def test_invalid_spans_and_lengths_are_refused(
    rows: list[tuple[object, object, int, int, object]], lengths: dict[str, int], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        character_units(span_frame(rows), lengths, ["ann"], {"d": {"ann"}}, "x")


def test_no_coders_give_units_without_values() -> None:
    # No coefficient is defined then, and the callers report that instead of crashing.
    presence = presence_units(PRESENCE_SPANS, [], PRESENCE_CODED_BY, "x")
    assert presence.codes.shape == (1, 0)
    assert presence.n_units == 5
    characters = character_units(CHARACTER_SPANS, CHARACTER_LENGTHS, [], CHARACTER_CODED_BY, "x")
    assert characters.codes.shape == (1, 0)
    assert characters.n_units == 20


def test_invalid_spans_of_coders_who_did_not_finish_do_not_matter() -> None:
    spans = span_frame([("ann", "d", 4, 2, "x"), ("bob", "d", 0, 2, "x")])
    data = character_units(spans, {"d": 3}, ["ann", "bob"], {"d": {"bob"}}, "x")
    assert_same(data, expected([((M, 0), 1), ((M, 1), 2)]))


def test_non_integer_offsets_repeated_coders_and_missing_columns_are_refused() -> None:
    floats = span_frame([("ann", "d", 0, 2, "x")]).astype({"start": float})
    with pytest.raises(ValueError, match="integers"):
        presence_units(floats, ["ann"], {"d": {"ann"}}, "x")
    with pytest.raises(ValueError, match="repeat"):
        presence_units(PRESENCE_SPANS, ["ann", "ann"], PRESENCE_CODED_BY, "x")
    with pytest.raises(ValueError, match="code"):
        presence_units(PRESENCE_SPANS.drop(columns="code"), CODERS, PRESENCE_CODED_BY, "x")


def test_pool_concatenates_and_merges_patterns() -> None:
    x = presence_units(PRESENCE_SPANS, CODERS, PRESENCE_CODED_BY, "x")
    y = presence_units(PRESENCE_SPANS, CODERS, PRESENCE_CODED_BY, "y")
    # y: ann applied it in p3 only.
    assert_same(y, expected([((M, M, 0), 1), ((0, 0, M), 1), ((0, 0, 0), 2), ((1, 0, 0), 1)]))
    assert_same(
        pool([x, y]),
        expected(
            [
                ((M, M, 0), 2),
                ((0, 0, M), 1),
                ((0, 0, 0), 2),
                ((0, 0, 1), 1),
                ((0, 1, M), 1),
                ((1, 0, 0), 1),
                ((1, 1, 0), 2),
            ]
        ),
    )
    assert pool([x, y]).n_units == x.n_units + y.n_units


def test_pool_of_one_merges_its_equal_patterns() -> None:
    repeated = WeightedData(
        np.array([[1, 0], [0, 0], [1, 0]], dtype=np.int64), np.array([1.0, 2.0, 0.5]), (0, 1)
    )
    assert_same(pool([repeated]), expected([((0, 0), 2.0), ((1, 0), 1.5)]))


def test_pool_keeps_other_categories() -> None:
    frame = pd.DataFrame({"a": ["lo", "hi", "mid", "lo"], "b": ["lo", None, "mid", "lo"]})
    coded = compress(encode(frame, categories=["lo", "mid", "hi"]))
    pooled = pool([coded, coded])
    assert pooled.categories == ("lo", "mid", "hi")
    np.testing.assert_array_equal(pooled.codes, coded.codes)
    np.testing.assert_array_equal(pooled.weights, 2 * coded.weights)


def test_pool_refuses_mismatched_data() -> None:
    two = presence_units(PRESENCE_SPANS, ["ann", "bob"], PRESENCE_CODED_BY, "x")
    three = presence_units(PRESENCE_SPANS, CODERS, PRESENCE_CODED_BY, "x")
    other = WeightedData(three.codes, three.weights, ("no", "yes"))
    with pytest.raises(ValueError, match="same coders"):
        pool([two, three])
    with pytest.raises(ValueError, match="categories"):
        pool([three, other])
    with pytest.raises(ValueError, match="nothing"):
        pool([])


# Naive references: one row per unit, encoded and compressed by data.py.


def naive_presence(
    spans: pd.DataFrame,
    coders: Sequence[Hashable],
    coded_by: Mapping[Hashable, Collection[Hashable]],
    code: Hashable,
) -> WeightedData:
    rows = []
    for doc, finishers in coded_by.items():
        row: list[float] = []
        for coder in coders:
            mine = spans[(spans.doc == doc) & (spans.coder == coder) & (spans.code == code)]
            row.append(float(len(mine) > 0) if coder in finishers else np.nan)
        rows.append(row)
    frame = pd.DataFrame(rows, columns=list(coders), dtype=float)
    return compress(encode(frame, categories=[0, 1]))


def naive_characters(
    spans: pd.DataFrame,
    lengths: Mapping[Hashable, int],
    coders: Sequence[Hashable],
    coded_by: Mapping[Hashable, Collection[Hashable]],
    code: Hashable,
) -> pd.DataFrame:
    """One row per code point of every doc that entered: the per-character expansion."""
    rows = []
    for doc, finishers in coded_by.items():
        for point in range(lengths[doc]):
            row: list[float] = []
            for coder in coders:
                mine = spans[(spans.doc == doc) & (spans.coder == coder) & (spans.code == code)]
                covered = bool(((mine.start <= point) & (point < mine.end)).any())
                row.append(float(covered) if coder in finishers else np.nan)
            rows.append(row)
    return pd.DataFrame(rows, columns=list(coders), dtype=float)


Corpus = tuple[pd.DataFrame, dict[str, int], list[str], dict[str, set[str]]]
"""Spans, doc lengths, coders and who finished which doc."""
DOCS = ["d0", "d1", "d2", "d3", "d4"]
CODER_POOL = ["ann", "bob", "cat", "dan"]


@st.composite
def corpora(draw: st.DrawFn) -> Corpus:
    coders = draw(st.lists(st.sampled_from(CODER_POOL), min_size=1, max_size=4, unique=True))
    lengths = {doc: draw(st.integers(0, 12)) for doc in DOCS}
    entered = draw(st.lists(st.sampled_from(DOCS), max_size=5, unique=True))
    finishers = st.lists(st.sampled_from(CODER_POOL), unique=True)
    coded_by = {doc: set(draw(finishers)) for doc in entered}
    rows = []
    for _ in range(draw(st.integers(0, 14))):
        doc = draw(st.sampled_from(DOCS))
        if lengths[doc] == 0:
            continue
        start = draw(st.integers(0, lengths[doc] - 1))
        end = draw(st.integers(start + 1, lengths[doc]))
        coder, code = draw(st.sampled_from(CODER_POOL)), draw(st.sampled_from("xy"))
        rows.append((coder, doc, start, end, code))
    return span_frame(rows), lengths, coders, coded_by


@given(corpora())
def test_character_units_equal_the_per_character_expansion(
    corpus: Corpus,
) -> None:
    spans, lengths, coders, coded_by = corpus
    data = character_units(spans, lengths, coders, coded_by, "x")
    assert data.n_units == sum(lengths[doc] for doc in coded_by)
    naive = naive_characters(spans, lengths, coders, coded_by, "x")
    assert_same(data, compress(encode(naive, categories=[0, 1])))


@given(corpora())
def test_presence_units_equal_the_per_doc_expansion(
    corpus: Corpus,
) -> None:
    spans, _, coders, coded_by = corpus
    data = presence_units(spans, coders, coded_by, "x")
    assert data.n_units == len(coded_by)
    assert_same(data, naive_presence(spans, coders, coded_by, "x"))


@given(corpora())
def test_pool_equals_compressing_all_units_together(
    corpus: Corpus,
) -> None:
    spans, lengths, coders, coded_by = corpus
    pooled = pool([character_units(spans, lengths, coders, coded_by, code) for code in "xy"])
    naive = pd.concat(
        [naive_characters(spans, lengths, coders, coded_by, code) for code in "xy"],
        ignore_index=True,
    )
    assert_same(pooled, compress(encode(naive, categories=[0, 1])))


def test_many_coders_merge_by_rows_as_compress_does() -> None:
    # 14 coders: too many patterns to pack into one integer key, so rows are sorted instead.
    coders = [f"c{i}" for i in range(14)]
    rng = np.random.default_rng(3)
    coded_by = {doc: {c for c in coders if rng.random() < 0.8} for doc in range(40)}
    spans = span_frame(
        [(c, doc, 0, 1, "x") for doc in coded_by for c in coders if rng.random() < 0.5]
    )
    assert_same(
        presence_units(spans, coders, coded_by, "x"), naive_presence(spans, coders, coded_by, "x")
    )
    codes = presence_units(spans, coders, coded_by, "x").codes
    merged = merge_patterns(np.concatenate([codes, codes]), np.ones(2 * len(codes)), (0, 1))
    np.testing.assert_array_equal(merged.codes, codes)
