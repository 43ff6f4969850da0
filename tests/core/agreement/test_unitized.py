"""Krippendorff's unitizing alpha: published examples, hand computations, properties, edge cases.

``reference`` below recomputes both definitions literally (segment by segment, point by point,
and the chance term by enumerating every relative placement of every pair of segments), as an
implementation independent of the vectorised one in ``annotator.core.agreement.unitized``.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Hashable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.agreement.result import FEWER_THAN_TWO_CODERS, NO_DATA, AgreementResult
from annotator.core.agreement.unitized import (
    NO_VARIATION,
    UnitizedDisagreement,
    Version,
    unitized_alpha,
    unitized_disagreement,
)

Row = tuple[Hashable, Hashable, float, float, Hashable]


def frame(rows: Sequence[Row]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["coder", "doc", "start", "end", "code"])


def same(a: AgreementResult, b: AgreementResult) -> bool:
    """Equal up to the order floating-point sums were taken in."""
    return (a.units, a.pairable, a.reason) == (b.units, b.pairable, b.reason) and (
        a.value == pytest.approx(b.value))


# Krippendorff (2004) Content Analysis, 2nd ed., Sage, unitizing example (p. 254): two
# observers i, j on the continuum [150, 450), categories c and k; i's k-unit [180, 240) overlaps
# its c-unit [225, 295).  Shifted here by -150 onto [0, 300).  Published: D_o(c) = .0144,
# D_e(c) = .0532, alpha(c) = .7286; D_o(k) = 0, D_e(k) = .0490, alpha(k) = 1 (data and values
# as transcribed in DKPro Statistics, Krippendorff2004Test).
BOOK_2004 = frame([
    (observer, "text", begin - 150, end - 150, category)
    for observer, begin, end, category in [
        ("i", 225, 295, "c"), ("i", 370, 400, "c"), ("i", 180, 240, "k"), ("i", 300, 350, "k"),
        ("j", 220, 300, "c"), ("j", 355, 375, "c"), ("j", 400, 420, "c"),
        ("j", 180, 240, "k"), ("j", 300, 350, "k"),
    ]
])
BOOK_LENGTHS = {"text": 300}


def test_krippendorff_2004_published_example() -> None:
    """By hand, c: d2 = (225-220)^2 + (295-300)^2 = 50, (370-355)^2 + (400-375)^2 = 850 and
    j's [400, 420) inside i's gap [400, 450): 20^2 = 400; both orders: 2600 / (2 * 1 * 300^2)
    = .014444.  Expected: f(l) = (2l^3 - 3l^2 + l)/3 over units 70, 30, 80, 20, 20 sums to
    585,740, times N - 1 = 4; gaps 75, 75, 50 (i) and 70, 55, 25, 30 (j) give l^2 * placements
    4900*13 + 900*181 + 0 + 2 * 400*247 = 424,200; (2/300) * 2,767,160 / (600*599 - 12,780)
    = .053222; alpha = 1 - .014444/.053222 = .7286."""
    c = unitized_disagreement(BOOK_2004, BOOK_LENGTHS, "c")
    k = unitized_disagreement(BOOK_2004, BOOK_LENGTHS, "k")
    assert (c.observed, c.expected) == pytest.approx((0.0144, 0.0532), abs=5e-5)
    assert (k.observed, k.expected) == pytest.approx((0.0, 0.0490), abs=5e-5)
    assert unitized_alpha(BOOK_2004, BOOK_LENGTHS, "c").value == pytest.approx(0.7286, abs=5e-5)
    assert unitized_alpha(BOOK_2004, BOOK_LENGTHS, "k").value == pytest.approx(1.0)
    # Over both categories, 1 - sum D_o / sum D_e = 1 - .014444 / (.053222 + .048979) = .8587
    # (DKPro's .8591 is the same ratio of the rounded .0144 / (.0532 + .0490)).
    overall = unitized_alpha(BOOK_2004, BOOK_LENGTHS)
    assert overall.value == pytest.approx(1 - c.observed / (c.expected + k.expected))
    assert overall.value == pytest.approx(0.8591, abs=5e-4)
    # One document; segments: c has 5 units + 7 gaps, k has 4 units + 6 gaps.
    assert (overall.units, overall.pairable) == (1, 22)


# Krippendorff (1995) "On the reliability of unitizing continuous data", Sociological
# Methodology 25: 47-76, p. 57: four pairs of observers on a continuum of 24 (1 = in a unit,
# "|" a boundary).  Published observed disagreements .03125, 2.26736, .02777, .38715 (as
# transcribed in DKPro Statistics, Krippendorff1995Test; its expected disagreements are those of
# the 1995 continuous form and are not the 2004 discrete ones, so only D_o is checked).
#   A Bertha  0 0|1 1 1 1 1 1 1 1|0 0 0 0|1 1 1 1 1 1|0 0 0 0
#     Bill    0 0 0 0|1 1 1 1|0 0 0 0 0 0 0|1 1|0 0 0 0 0 0 0
#   B John    1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1|0 0 0 0 0 0
#     Jill    1 1|1|1|1|1|1 1 1|1|0 0 0 0 0 0 0 0 0 0 0 0 0 0
#   C Gerret  0 0|1 1 1 1 1 1|0 0|1 1|0 0|1 1 1 1|0 0|1 1|0 0
#     Gill    1 1|0 0|1 1 1 1|0 0|1 1 1 1|0 0|1 1|0 0|1 1|0 0
#   D Heather 1 1|1 1 1 1 1 1 1 1|1 1 1 1|1 1 1 1 1 1|1 1 1 1
#     Hill    1 1 1 1|1 1 1 1|1 1 1 1 1 1 1|1 1|1 1 1 1 1 1 1
EXAMPLES_1995 = {
    "A": ([(2, 10), (14, 20)], [(4, 8), (15, 17)], 0.03125),
    "B": ([(0, 18)], [(0, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 9), (9, 10)], 2.26736),
    "C": ([(2, 8), (10, 12), (14, 18), (20, 22)], [(0, 2), (4, 8), (10, 14), (16, 18), (20, 22)],
          0.02777),
    "D": ([(0, 2), (2, 10), (10, 14), (14, 20), (20, 24)],
          [(0, 4), (4, 8), (8, 15), (15, 17), (17, 24)], 0.38715),
}


@pytest.mark.parametrize("example", sorted(EXAMPLES_1995))
def test_krippendorff_1995_observed_disagreement(example: str) -> None:
    """E.g. A by hand: [2,10) vs [4,8): 2^2 + 2^2 = 8, [14,20) vs [15,17): 1 + 9 = 10; both
    orders 36 / (2 * 24^2) = .03125.  B and D also check that touching units stay apart."""
    first, second, published = EXAMPLES_1995[example]
    rows = [("1", "t", b, e, "u") for b, e in first] + [("2", "t", b, e, "u") for b, e in second]
    result = unitized_disagreement(frame(rows), {"t": 24})
    assert result.observed == pytest.approx(published, abs=1e-5)


# A hand example: one document of length 10, coder A unit [2, 6), coder B unit [3, 6).
HAND = frame([("A", "d", 2, 6, "x"), ("B", "d", 3, 6, "x")])
SHIFTED = frame([("A", "d", 7, 11, "x"), ("B", "d", 8, 11, "x")])


def test_hand_example_2004() -> None:
    """d2 = (2-3)^2 + (6-6)^2 = 1 per order: D_o = 2 / (2 * 1 * 10^2) = .01.  Expected:
    f(4) = 84/3 = 28, f(3) = 30/3 = 10, (N - 1) * 38 = 38; gaps 2, 4 (A) and 3, 4 (B):
    l = 4 fits 4, 4: 1 + 1 = 2 placements * 16 = 32; l = 3 fits 4, 3, 4: 2 + 1 + 2 = 5 * 9 = 45;
    (2/10) * (38 + 77) = 23; n = 20: 20 * 19 - (4*3 + 3*2) = 362; D_e = 23/362;
    alpha = 1 - .01 * 362/23 = 1 - 3.62/23 = .842609."""
    result = unitized_disagreement(HAND, {"d": 10})
    assert (result.observed, result.expected) == pytest.approx((0.01, 23 / 362))
    assert unitized_alpha(HAND, {"d": 10}).value == pytest.approx(1 - 3.62 / 23)
    assert unitized_alpha(HAND, {"d": 10}).pairable == 6


def test_hand_example_2016() -> None:
    """Only [2, 3) differs: l_01 + l_10 = 2 (m - 1 = 1), n = 20, n_1 = 4 + 3 = 7, n_0 = 13,
    sum l^2 + n_0 = 16 + 9 + 13 = 38: alpha = 1 - 2 (400 - 38) / (2 * 20 * 13 * 7)
    = 1 - 724/3640 = .801099."""
    result = unitized_disagreement(HAND, {"d": 10}, version=2016)
    assert (result.observed, result.expected) == pytest.approx((2 / 20, 2 * 13 * 7 / 362))
    assert unitized_alpha(HAND, {"d": 10}, version=2016).value == pytest.approx(1 - 724 / 3640)


def test_leading_gap_keeps_observed_sum_but_not_alpha() -> None:
    """Shifting both coders' units 5 to the right in a document 5 longer leaves every d2 (and
    2016's disagreeing length) as it was, but alpha is not shift-invariant: the expected
    disagreement depends on the gaps and on n.  Shifted, by hand: D_o = 2 / (2 * 15^2);
    gaps 7, 4 and 8, 4: l = 4: 4+1+5+1 = 11 * 16 = 176, l = 3: 5+2+6+2 = 15 * 9 = 135;
    (2/15) (38 + 311) = 698/15; n = 30: 870 - 18 = 852; alpha = 1 - (1/225) (15 * 852 / 698)
    = .918625.  2016: n = 30, n_0 = 23: 1 - 2 (900 - 48) / (2 * 30 * 23 * 7) = .823602."""
    before, after = unitized_disagreement(HAND, {"d": 10}), unitized_disagreement(SHIFTED,
                                                                                    {"d": 15})
    assert before.observed * 20 * 10 == pytest.approx(after.observed * 30 * 15)
    assert unitized_alpha(SHIFTED, {"d": 15}).value == pytest.approx(1 - 15 * 852 / 698 / 225)
    assert unitized_alpha(SHIFTED, {"d": 15}, version=2016).value == pytest.approx(
        1 - 1704 / 9660)


def test_2016_on_the_2004_example_by_hand() -> None:
    """c: disagreeing points [220,225), [295,300), [355,370), [375,400), [400,420) = 70 per
    order -> 140; n = 600, n_1 = 100 + 120 = 220, n_0 = 380, sum l^2 = 13,000:
    alpha = 1 - 140 (360,000 - 13,380) / (2 * 600 * 380 * 220) = .516280."""
    value = unitized_alpha(BOOK_2004, BOOK_LENGTHS, "c", version=2016).value
    assert value == pytest.approx(1 - 140 * 346_620 / (2 * 600 * 380 * 220))


# --- properties -------------------------------------------------------------------------------

VERSIONS: list[Version] = [2004, 2016]
TWO_DOCS = frame([
    ("A", 1, 0, 4, "x"), ("A", 1, 6, 9, "x"), ("B", 1, 1, 4, "x"), ("B", 1, 7, 12, "y"),
    ("A", 2, 3, 8, "y"), ("B", 2, 2, 8, "y"), ("C", 2, 0, 2, "x"), ("C", 1, 5, 9, "x"),
])
TWO_LENGTHS = {1: 12, 2: 10}


@pytest.mark.parametrize("version", VERSIONS)
def test_identical_coders_agree_perfectly(version: Version) -> None:
    copy = TWO_DOCS[TWO_DOCS["coder"] == "A"].assign(coder="B")
    data = pd.concat([TWO_DOCS[TWO_DOCS["coder"] == "A"], copy])
    for code in (None, "x", "y"):
        assert unitized_alpha(data, TWO_LENGTHS, code, version=version).value == 1.0


@pytest.mark.parametrize("version", VERSIONS)
def test_coders_that_never_overlap_disagree(version: Version) -> None:
    data = frame([("A", "d", 0, 5, "x"), ("B", "d", 5, 10, "x"), ("A", "e", 10, 20, "x"),
                  ("B", "e", 0, 8, "x")])
    value = unitized_alpha(data, {"d": 20, "e": 20}, version=version).value
    assert value is not None and value < 0


@pytest.mark.parametrize("version", VERSIONS)
def test_symmetric_in_coder_and_document_order(version: Version) -> None:
    base = unitized_alpha(TWO_DOCS, TWO_LENGTHS, version=version).value
    renamed = TWO_DOCS.assign(coder=TWO_DOCS["coder"].map({"A": "Z", "B": "Y", "C": "X"}),
                              doc=TWO_DOCS["doc"].map({1: 2, 2: 1}))
    swapped = {1: TWO_LENGTHS[2], 2: TWO_LENGTHS[1]}
    shuffled = TWO_DOCS.sample(frac=1.0, random_state=3)
    assert unitized_alpha(renamed, swapped, version=version).value == pytest.approx(base)
    assert unitized_alpha(shuffled, dict(reversed(TWO_LENGTHS.items())),
                          version=version).value == pytest.approx(base)


@pytest.mark.parametrize("version", VERSIONS)
def test_one_code_equals_the_frame_of_that_code(version: Version) -> None:
    """With the coders of each document fixed, code=X sees only X's spans.  Without
    coders_by_doc the coders come from spans of any code: C has only x-spans on document 1
    but still counts there for y, with one gap."""
    coders = {1: {"A", "B", "C"}, 2: {"A", "B", "C"}}
    for code in ("x", "y"):
        only = TWO_DOCS[TWO_DOCS["code"] == code]
        assert same(unitized_alpha(TWO_DOCS, TWO_LENGTHS, code, coders_by_doc=coders,
                                   version=version),
                    unitized_alpha(only, TWO_LENGTHS, code, coders_by_doc=coders,
                                   version=version))
        assert same(unitized_alpha(TWO_DOCS, TWO_LENGTHS, code, version=version),
                    unitized_alpha(only, TWO_LENGTHS, coders_by_doc=coders, version=version))


@pytest.mark.parametrize("version", VERSIONS)
def test_overlapping_spans_of_a_coder_merge_touching_ones_do_not(version: Version) -> None:
    one = frame([("A", "d", 2, 9, "x"), ("B", "d", 3, 9, "x")])
    overlapping = frame([("A", "d", 2, 6, "x"), ("A", "d", 4, 9, "x"), ("A", "d", 3, 5, "x"),
                         ("B", "d", 3, 9, "x"), ("B", "d", 3, 9, "x")])
    touching = frame([("A", "d", 2, 6, "x"), ("A", "d", 6, 9, "x"), ("B", "d", 3, 9, "x")])
    value = unitized_alpha(one, {"d": 12}, version=version)
    assert same(unitized_alpha(overlapping, {"d": 12}, version=version), value)
    assert unitized_alpha(touching, {"d": 12}, version=version).value != value.value


@pytest.mark.parametrize("version", VERSIONS)
def test_listed_coder_without_spans_is_one_gap(version: Version) -> None:
    """B coded document e but applied nothing: with coders_by_doc, e enters with B's
    continuum one gap of 10, the same as B having a span of another code there."""
    data = frame([("A", "d", 0, 4, "x"), ("B", "d", 1, 4, "x"), ("A", "e", 2, 5, "x")])
    listed = unitized_alpha(data, {"d": 8, "e": 10}, "x", coders_by_doc={"d": "AB", "e": "AB"},
                            version=version)
    marker = pd.concat([data, frame([("B", "e", 0, 1, "other")])])
    assert same(listed, unitized_alpha(marker, {"d": 8, "e": 10}, "x", version=version))
    assert listed.units == 2
    assert unitized_alpha(data, {"d": 8, "e": 10}, "x", version=version).units == 1


# --- undefined and invalid --------------------------------------------------------------------


def test_undefined_cases() -> None:
    empty = frame([])
    assert unitized_alpha(empty, {"d": 5}).reason == NO_DATA
    assert unitized_alpha(HAND, {}).reason == NO_DATA
    one_coder = frame([("A", "d", 0, 2, "x"), ("B", "e", 1, 3, "x")])
    assert unitized_alpha(one_coder, {"d": 5, "e": 5}).reason == FEWER_THAN_TWO_CODERS
    assert unitized_alpha(empty, {"d": 5}, coders_by_doc={"d": ["A"]}).reason == (
        FEWER_THAN_TWO_CODERS)
    absent = unitized_alpha(HAND, {"d": 10}, "never used")
    assert (absent.value, absent.reason, absent.units, absent.pairable) == (None, NO_DATA, 1, 2)
    assert unitized_alpha(empty, {"d": 5}, coders_by_doc={"d": "AB"}).reason == NO_DATA
    # Length-1 units that fill every continuum: no gap, f(1) = 0, so D_e = 0 in 2004.
    cells = frame([("A", "d", 0, 1, "x"), ("B", "d", 0, 1, "x")])
    assert unitized_alpha(cells, {"d": 1}).reason == NO_VARIATION
    # 2016: no gap at all leaves n_0 = 0.
    full = frame([("A", "d", 0, 4, "x"), ("B", "d", 0, 2, "x"), ("B", "d", 2, 4, "x")])
    assert unitized_alpha(full, {"d": 4}, version=2016).reason == NO_VARIATION
    assert unitized_alpha(full, {"d": 4}).value is not None


def test_invalid_input_raises() -> None:
    with pytest.raises(ValueError, match="outside"):
        unitized_alpha(frame([("A", "d", 3, 12, "x"), ("B", "d", 0, 1, "x")]), {"d": 10})
    with pytest.raises(ValueError, match="empty"):
        unitized_alpha(frame([("A", "d", 3, 3, "x"), ("B", "d", 0, 1, "x")]), {"d": 10})
    with pytest.raises(ValueError, match="integers"):
        unitized_alpha(frame([("A", "d", 0.5, 3, "x"), ("B", "d", 0, 1, "x")]), {"d": 10})
    with pytest.raises(ValueError, match="column"):
        unitized_alpha(HAND.drop(columns="code"), {"d": 10})
    with pytest.raises(ValueError, match="version"):
        unitized_alpha(HAND, {"d": 10}, version=2010)  # type: ignore[arg-type]
    # Spans on documents outside lengths, or of unlisted coders, are not data: ignored.
    stray = pd.concat([HAND, frame([("A", "elsewhere", 0, 99, "x"), ("Q", "d", 0, 1, "x")])])
    assert same(unitized_alpha(stray, {"d": 10}, coders_by_doc={"d": "AB"}),
                unitized_alpha(HAND, {"d": 10}))


# --- an independent literal implementation, and random inputs ---------------------------------

Segment = tuple[int, int, bool]  # begin, length, is a unit


def merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for b, e in sorted(spans):
        if out and b < out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([b, e])
    return [(b, e) for b, e in out]


def segments(units: list[tuple[int, int]], length: int) -> list[Segment]:
    out, position = [], 0
    for b, e in units:
        if b > position:
            out.append((position, b - position, False))
        out.append((b, e - b, True))
        position = e
    return out + ([(position, length - position, False)] if position < length else [])


def d2(g: Segment, h: Segment) -> int:
    """Krippendorff (2004)'s difference of two segments, case by case."""
    (bg, lg, ug), (bh, lh, uh) = g, h
    if ug and uh and -lg < bg - bh < lh:
        return (bg - bh) ** 2 + (bg + lg - bh - lh) ** 2
    if ug and not uh and lh - lg >= bg - bh >= 0:
        return lg**2
    if uh and not ug and lg - lh >= bh - bg >= 0:
        return lh**2
    return 0


def reference(data: pd.DataFrame, lengths: Mapping[Any, int], code: Hashable | None,
              coders_by_doc: Mapping[Any, Collection[Hashable]] | None,
              version: Version) -> tuple[float, float] | None:
    """``(sum D_o, sum D_e)`` by loops, or None when no unit enters."""
    coders = {doc: set(data.loc[data["doc"] == doc, "coder"]) if coders_by_doc is None
              else set(coders_by_doc.get(doc, ())) for doc in lengths}
    docs = [doc for doc in lengths if len(coders[doc]) >= 2 and lengths[doc] > 0]
    n = sum(len(coders[doc]) * lengths[doc] for doc in docs)
    total = sum(lengths[doc] for doc in docs)
    observed = expected = 0.0
    for c in sorted(set(data["code"])) if code is None else [code]:
        own = {(doc, coder): segments(merged([
            (int(r.start), int(r.end)) for r in data.itertuples()
            if (r.doc, r.coder, r.code) == (doc, coder, c)]), lengths[doc])
            for doc in docs for coder in coders[doc]}
        pooled = [s for segs in own.values() for s in segs]
        units = [s for s in pooled if s[2]]
        if not units:
            continue
        if version == 2004:
            o = sum(d2(g, h) / (len(coders[doc]) - 1)
                    for doc in docs for i in coders[doc] for j in coders[doc] if i != j
                    for g in own[doc, i] for h in own[doc, j])
            chance = sum(d2((shift, ls, us), (0, lt, ut))
                         for a, (_, ls, us) in enumerate(pooled)
                         for b, (_, lt, ut) in enumerate(pooled) if a != b
                         for shift in range(-ls - lt, ls + lt + 1))
            pairs = n * (n - 1) - sum(lg * (lg - 1) for _, lg, _ in units)
            observed, expected = observed + o / (n * total), expected + chance / (total * pairs)
        else:
            value = np.array([u for s in pooled for u in [s[2]] * s[1]])
            ident = np.array([k if s[2] else -1 - k * 1000 - p
                              for k, s in enumerate(pooled) for p in range(s[1])])
            chance_pairs = ident[:, None] != ident[None, :]
            differ = value[:, None] != value[None, :]
            o = sum(np.sum(cover(own[doc, i]) != cover(own[doc, j])) / (len(coders[doc]) - 1)
                    for doc in docs for i in coders[doc] for j in coders[doc] if i != j)
            observed += o / n
            expected += np.sum(differ & chance_pairs) / np.sum(chance_pairs)
    return (observed, expected) if expected or observed else None


def cover(segs: list[Segment]) -> np.ndarray:
    return np.array([u for _, length, u in segs for _ in range(length)])


@st.composite
def inputs(draw: st.DrawFn) -> tuple[pd.DataFrame, dict[str, int], str | None,
                                     dict[str, frozenset[str]] | None]:
    lengths = {f"d{k}": draw(st.integers(0, 16)) for k in range(draw(st.integers(1, 3)))}
    rows: list[Row] = []
    for doc, length in lengths.items():
        for coder in "abc":
            for _ in range(draw(st.integers(0, 3)) if length else 0):
                start = draw(st.integers(0, length - 1))
                rows.append((coder, doc, start, draw(st.integers(start + 1, length)),
                             draw(st.sampled_from("xy"))))
    listed = draw(st.none() | st.dictionaries(st.sampled_from([*lengths, "ghost"]),
                                              st.frozensets(st.sampled_from("abcz"))))
    return frame(rows), lengths, draw(st.sampled_from([None, "x", "y"])), listed


@pytest.mark.parametrize("version", VERSIONS)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=inputs())
def test_random_inputs_never_crash_and_match_the_literal_reference(
    case: tuple[pd.DataFrame, dict[str, int], str | None, dict[str, frozenset[str]] | None],
    version: Version,
) -> None:
    data, lengths, code, listed = case
    result = unitized_alpha(data, lengths, code, coders_by_doc=listed, version=version)
    if result.value is None:
        assert result.reason in (NO_DATA, FEWER_THAN_TWO_CODERS, NO_VARIATION)
    else:
        assert math.isfinite(result.value) and result.value <= 1.0 + 1e-12
        expected = reference(data, lengths, code, listed, version)
        got: UnitizedDisagreement = unitized_disagreement(data, lengths, code,
                                                          coders_by_doc=listed, version=version)
        assert expected is not None
        assert (got.observed, got.expected) == pytest.approx(expected, rel=1e-9, abs=1e-12)


def test_reference_reproduces_the_2004_book_example() -> None:
    """The literal reference, with the chance term enumerated placement by placement, agrees
    with the closed form on the published example (so both match the book)."""
    expected = reference(BOOK_2004, BOOK_LENGTHS, "c", None, 2004)
    assert expected == pytest.approx((0.0144, 0.0532), abs=5e-5)
