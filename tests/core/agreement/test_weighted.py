"""The coefficients on weighted unit patterns (WeightedData) and the measures by key."""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import pandas as pd
import pytest

from annotator.core.agreement import (
    FEWER_THAN_TWO_CODERS,
    NO_COMPLETE_UNIT,
    NO_DATA,
    ONE_CATEGORY,
    AgreementResult,
    Level,
    brennan_prediger,
    cohen_kappa,
    gwet_ac1,
    krippendorff_alpha,
    percent_agreement,
    scott_pi,
)
from annotator.core.agreement.data import MISSING, WeightedData, compress, encode
from annotator.core.agreement.measures import (
    MEASURE_NAMES,
    MEASURES,
    NEEDS_TWO_CODERS,
    compute_measure,
    measure_values,
)

NAN = math.nan


def expand(data: WeightedData) -> pd.DataFrame:
    """The units of ``data`` one row each, as category labels (None = not coded)."""
    rows = np.repeat(data.codes, data.weights.astype(np.int64), axis=0)
    labels = np.array(list(data.categories) + [None], dtype=object)
    return pd.DataFrame(labels[np.where(rows == MISSING, len(data.categories), rows)])


def random_weighted(seed: int, coders: int, k: int, patterns: int) -> WeightedData:
    """Random distinct-or-not patterns (with missing values) and whole weights 0..40."""
    rng = np.random.default_rng(seed)
    codes = rng.integers(-1, k, size=(patterns, coders))
    weights = rng.integers(0, 41, size=patterns).astype(np.float64)
    return WeightedData(codes, weights, tuple(range(1, k + 1)))


# (measure key, the public DataFrame function it must equal at the nominal level)
DataFrameFunction = Callable[..., AgreementResult]
TWO_CODER_FUNCTIONS: list[tuple[str, DataFrameFunction]] = [
    ("percent", percent_agreement),
    ("alpha", krippendorff_alpha),
    ("kappa", cohen_kappa),
    ("pi", scott_pi),
    ("ac1", gwet_ac1),
    ("bp", brennan_prediger),
]


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize(("key", "function"), TWO_CODER_FUNCTIONS)
def test_measures_equal_dataframe_functions_on_expanded_units(
    seed: int, key: str, function: DataFrameFunction
) -> None:
    """Every measure on weighted patterns (repeated, zero-weight and unsorted patterns
    included, as compress never makes them) equals the public DataFrame function on the
    units written out one per row: value, units, pairable values and reason."""
    data = random_weighted(seed, coders=2, k=3, patterns=8)
    expected = function(expand(data), categories=list(data.categories))
    result = compute_measure(key, data)
    assert (result.units, result.pairable, result.reason) == (
        expected.units, expected.pairable, expected.reason)
    if expected.value is None:
        assert result.value is None
    else:
        assert result.value == pytest.approx(expected.value)


@pytest.mark.parametrize("level", ["nominal", "ordinal", "interval", "ratio"])
@pytest.mark.parametrize("seed", range(4))
def test_alpha_on_patterns_matches_krippendorff_package(level: Level, seed: int) -> None:
    """Krippendorff's alpha on weighted patterns of 4 coders with missing values equals the
    `krippendorff` package (Castro) on the expanded units, at all four levels."""
    import krippendorff

    data = random_weighted(seed, coders=4, k=5, patterns=12)
    frame = expand(data).astype(float)
    expected = krippendorff.alpha(
        reliability_data=frame.to_numpy().T, level_of_measurement=level,
        value_domain=list(data.categories))
    assert compute_measure("alpha", data, level=level).value == pytest.approx(expected)


def test_fleiss_kappa_on_patterns_matches_statsmodels() -> None:
    """"kappa" with 3 coders is Fleiss' kappa; it equals statsmodels' fleiss_kappa on the
    expanded complete units."""
    from statsmodels.stats.inter_rater import aggregate_raters
    from statsmodels.stats.inter_rater import fleiss_kappa as sm_fleiss

    codes = np.array([[0, 0, 0], [0, 0, 1], [1, 1, 1], [0, 1, 2], [2, 2, 2], [1, 2, 2]])
    data = WeightedData(codes, np.array([30.0, 7, 12, 3, 9, 5]), ("a", "b", "c"))
    table, _ = aggregate_raters(np.repeat(codes, data.weights.astype(int), axis=0))
    result = compute_measure("kappa", data)
    assert result.coefficient == "Fleiss' kappa"
    assert result.value == pytest.approx(sm_fleiss(table, method="fleiss"))
    assert (result.units, result.pairable) == (66, 198)


def test_character_scale_weights_by_hand() -> None:
    """Two coders, binary, 2,000,000 units in three patterns (none is materialised):
    (0,0) x 1,900,000, (0,1) x 40,000, (1,0) x 60,000, and (1,1) with weight 0.

    Krippendorff (2011) for two coders: n = 4,000,000 values, o_01 = o_10 = 100,000,
    n_0 = 3,900,000, n_1 = 100,000, alpha = 1 - (n - 1) o_01 / (n_0 n_1).  Cohen (1960):
    p_o = 0.95, marginals A = (0.97, 0.03), B = (0.98, 0.02), p_e = 0.9506 + 0.0006 =
    0.9512, kappa = (0.95 - 0.9512) / 0.0488."""
    codes = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
    data = WeightedData(codes, np.array([1_900_000.0, 40_000, 60_000, 0]), (0, 1))
    n = 4_000_000
    alpha = 1.0 - (n - 1) * 100_000 / (3_900_000 * 100_000)
    assert compute_measure("alpha", data).value == pytest.approx(alpha, rel=1e-12)
    assert compute_measure("kappa", data).value == pytest.approx(-0.0012 / 0.0488)
    assert compute_measure("percent", data).value == pytest.approx(0.95)
    assert compute_measure("kappa", data).units == 2_000_000


def test_scale_invariance_except_alpha() -> None:
    """Multiplying every weight by 1000 leaves the kappa family and percent agreement
    unchanged (they are functions of proportions); alpha moves towards Scott's pi, as its
    small-sample correction (n - 1 instead of n) vanishes."""
    data = WeightedData(np.array([[0, 0], [0, 1], [1, 1]]), np.array([5.0, 2, 3]), (0, 1))
    big = WeightedData(data.codes, data.weights * 1000, data.categories)
    for key in ("percent", "kappa", "pi", "ac1", "bp"):
        assert compute_measure(key, big).value == pytest.approx(compute_measure(key, data).value)
    alpha_small = compute_measure("alpha", data).value
    alpha_big = compute_measure("alpha", big).value
    pi = compute_measure("pi", data).value
    assert alpha_small is not None and alpha_big is not None and pi is not None
    assert abs(alpha_big - pi) < abs(alpha_small - pi)
    assert alpha_big == pytest.approx(pi, abs=1e-3)


def test_kappa_key_by_coders_and_level() -> None:
    """"kappa": Cohen's (unweighted) for two coders at the nominal level, quadratic-weighted
    Cohen's at the ordinal/interval/ratio levels, Fleiss' kappa otherwise."""
    frame = pd.DataFrame({"A": [1, 2, 3, 3, 2, 1, 1], "B": [1, 3, 3, 2, 2, 1, 2]})
    data = compress(encode(frame))
    assert compute_measure("kappa", data) == cohen_kappa(frame)
    for level in ("ordinal", "interval", "ratio"):
        assert compute_measure("kappa", data, level=level) == cohen_kappa(
            frame, weights="quadratic")
    three = compress(encode(frame.assign(C=[1, 2, 3, 3, 2, 2, 1])))
    assert compute_measure("kappa", three).coefficient == "Fleiss' kappa"


def test_pi_needs_two_coders() -> None:
    """Scott's pi is a two-coder coefficient: with three coders it is undefined with its
    reason (the DataFrame scott_pi raises instead, being asked directly)."""
    data = compress(encode(pd.DataFrame({"A": [1, 2], "B": [1, 2], "C": [1, 1]})))
    result = compute_measure("pi", data)
    assert (result.value, result.reason) == (None, NEEDS_TWO_CODERS)
    assert np.isnan(measure_values("pi", data, np.ones((3, data.weights.size)))).all()


def test_undefined_reasons_on_patterns() -> None:
    """The DataFrame functions' reasons carry over: no data (also: only zero weights),
    fewer than two coders, no complete unit, one category."""
    empty = WeightedData(np.zeros((0, 2), dtype=np.int64), np.zeros(0), ())
    zero = WeightedData(np.array([[0, 0]]), np.array([0.0]), ("x",))
    one_coder = WeightedData(np.array([[0], [1]]), np.array([2.0, 3.0]), ("x", "y"))
    no_complete = WeightedData(np.array([[0, 0, MISSING], [MISSING, 1, 1]]),
                               np.array([2.0, 2.0]), ("x", "y"))
    single = WeightedData(np.array([[0, 0], [0, MISSING]]), np.array([4.0, 1.0]), ("x",))
    for key in MEASURES:
        assert compute_measure(key, empty).reason == NO_DATA
        assert compute_measure(key, zero).reason == NO_DATA
        assert compute_measure(key, one_coder).reason == FEWER_THAN_TWO_CODERS
    assert compute_measure("kappa", no_complete).reason == NO_COMPLETE_UNIT
    assert compute_measure("alpha", no_complete).value is not None
    for key in ("alpha", "kappa", "pi", "ac1", "bp"):
        result = compute_measure(key, single)
        assert (result.value, result.reason, result.units) == (None, ONE_CATEGORY, 4)
    assert compute_measure("percent", single).value == 1.0


def test_measure_values_match_point_estimates_row_by_row() -> None:
    """measure_values on a weight matrix gives, row by row, the point estimate of the data
    with those weights, and NaN where that is undefined."""
    data = random_weighted(3, coders=3, k=4, patterns=10)
    rows = np.array([data.weights, data.weights * 2, np.zeros_like(data.weights),
                     np.eye(data.weights.size)[0] * 5])
    for key in MEASURES:
        values = measure_values(key, data, rows, level="ordinal")
        for row, value in zip(rows, values, strict=True):
            point = compute_measure(
                key, WeightedData(data.codes, row, data.categories), level="ordinal").value
            assert (point is None and np.isnan(value)) or value == pytest.approx(point)


def test_bad_input_raises() -> None:
    """Programming errors raise ValueError: unknown measure or level, weights that are not
    whole unit counts, non-numeric categories for interval alpha."""
    data = WeightedData(np.array([[0, 1]]), np.array([2.0]), ("x", "y"))
    with pytest.raises(ValueError, match="measure"):
        compute_measure("rho", data)
    with pytest.raises(ValueError, match="level"):
        compute_measure("kappa", data, level="cardinal")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="whole"):
        compute_measure("alpha", WeightedData(data.codes, np.array([1.5]), data.categories))
    with pytest.raises(ValueError, match="numeric"):
        compute_measure("alpha", data, level="interval")


def test_measure_names_cover_measures() -> None:
    """Every measure key has a readable name."""
    assert set(MEASURE_NAMES) == set(MEASURES)
    assert all(MEASURE_NAMES[key] for key in MEASURES)


@pytest.mark.parametrize(
    ("k", "coders", "units"),
    [(3, 2, 50), (4, 5, 2000), (1, 3, 10), (0, 2, 5), (30, 12, 500), (2, 70, 200), (5, 1, 20)],
)
def test_compress_gives_distinct_rows_in_order(k: int, coders: int, units: int) -> None:
    """compress returns exactly numpy.unique(axis=0)'s distinct rows (lexicographic) and
    counts, whether rows are packed into integer keys (counted or sorted) or, for key
    spaces too large for int64 (31^12, 3^70), compared as rows."""
    from annotator.core.agreement.data import CodedData

    rng = np.random.default_rng(k * 100 + coders)
    codes = rng.integers(-1, k, size=(units, coders)) if k else np.full((units, coders), -1)
    data = compress(CodedData(codes.astype(np.int64), tuple(range(k))))
    rows, counts = np.unique(codes, axis=0, return_counts=True)
    np.testing.assert_array_equal(data.codes, rows)
    np.testing.assert_array_equal(data.weights, counts)
    assert (data.codes.dtype, data.weights.dtype) == (np.int64, np.float64)
