"""Bootstrap confidence intervals: vectorised resampling of unit patterns."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
import pytest

from annotator.core.agreement import (
    AgreementResult,
    Level,
    brennan_prediger,
    cohen_kappa,
    fleiss_kappa,
    gwet_ac1,
    krippendorff_alpha,
    percent_agreement,
    scott_pi,
)
from annotator.core.agreement.bootstrap import bootstrap_interval, resample_weights
from annotator.core.agreement.data import MISSING, WeightedData
from annotator.core.agreement.measures import compute_measure, measure_values


def expand(codes: np.ndarray, weights: np.ndarray, categories: tuple[object, ...]) -> pd.DataFrame:
    """The units one row each, as category labels (None = not coded)."""
    rows = np.repeat(codes, weights.astype(np.int64), axis=0)
    labels = np.array(list(categories) + [None], dtype=object)
    return pd.DataFrame(labels[np.where(rows == MISSING, len(categories), rows)])


# Two coders, five ordered categories, a missing value: 60 units in 9 patterns.
ORDINAL = WeightedData(
    np.array([[0, 0], [0, 1], [1, 1], [1, 2], [2, 2], [3, 3], [3, 4], [4, 4], [2, MISSING]]),
    np.array([9.0, 4, 8, 5, 10, 7, 3, 6, 8]),
    (1, 2, 3, 4, 5),
)
# Four coders, three categories, some units not coded by everyone: 50 units.
FOUR_CODERS = WeightedData(
    np.array([[0, 0, 0, 0], [0, 0, 1, 0], [1, 1, 1, 1], [1, 2, 1, 1], [2, 2, 2, 2],
              [0, 1, 2, MISSING], [2, 2, MISSING, MISSING]]),
    np.array([12.0, 6, 10, 5, 9, 4, 4]),
    ("a", "b", "c"),
)
# Two coders, a rare category: 12 units, so some resamples have no "yes" at all and kappa
# is undefined on them.
RARE = WeightedData(np.array([[0, 0], [0, 1], [1, 1]]), np.array([10.0, 1, 1]), ("no", "yes"))

Naive = Callable[[pd.DataFrame, list[object], Level], AgreementResult]
NAIVE: dict[str, Naive] = {
    "percent": lambda f, c, _: percent_agreement(f, c),
    "alpha": lambda f, c, level: krippendorff_alpha(f, level, c),
    "kappa": lambda f, c, level: (
        fleiss_kappa(f, c) if f.shape[1] != 2
        else cohen_kappa(f, c, None if level == "nominal" else "quadratic")),
    "pi": lambda f, c, _: scott_pi(f, c),
    "ac1": lambda f, c, _: gwet_ac1(f, c),
    "bp": lambda f, c, _: brennan_prediger(f, c),
}


@pytest.mark.parametrize(
    ("key", "data", "level"),
    [("alpha", ORDINAL, "nominal"), ("alpha", ORDINAL, "ordinal"),
     ("alpha", ORDINAL, "interval"), ("kappa", ORDINAL, "nominal"),
     ("kappa", ORDINAL, "ordinal"), ("percent", ORDINAL, "nominal"),
     ("pi", ORDINAL, "nominal"), ("ac1", ORDINAL, "nominal"), ("bp", ORDINAL, "nominal"),
     ("alpha", FOUR_CODERS, "nominal"), ("kappa", FOUR_CODERS, "nominal"),
     ("ac1", FOUR_CODERS, "nominal"), ("kappa", RARE, "nominal"),
     ("alpha", RARE, "nominal")],
)
def test_vectorised_resamples_equal_naive_loop(key: str, data: WeightedData, level: Level) -> None:
    """On the same multinomial draws, the vectorised coefficients equal a naive loop that
    writes each resample out as units and calls the public DataFrame function; undefined
    resamples are NaN exactly where the DataFrame function says None.  The interval is the
    2.5/97.5 percentiles of the defined values."""
    draws = resample_weights(data, resamples=150, seed=7)
    assert draws.shape == (150, data.weights.size)
    assert np.all(draws.sum(axis=1) == data.weights.sum())
    vectorised = measure_values(key, data, draws, level=level)
    naive = np.array([
        np.nan if (r := NAIVE[key](expand(data.codes, row, data.categories),
                                   list(data.categories), level)).value is None else r.value
        for row in draws])
    np.testing.assert_allclose(vectorised, naive, rtol=1e-9, atol=1e-12)
    interval = bootstrap_interval(key, data, level=level, resamples=150, seed=7)
    assert interval is not None
    defined = naive[~np.isnan(naive)]
    assert interval.resamples == defined.size
    assert (interval.low, interval.high) == pytest.approx(
        tuple(np.quantile(defined, [0.025, 0.975])))


def test_some_resamples_undefined_are_left_out() -> None:
    """With a rare category, kappa is undefined on the resamples that miss it; those are
    left out and counted (about 0.83^12 = 11% of resamples have neither rare unit)."""
    values = measure_values("kappa", RARE, resample_weights(RARE, 1000, seed=1))
    interval = bootstrap_interval("kappa", RARE)
    assert interval is not None
    assert 0 < np.isnan(values).sum() < 300
    assert interval.resamples == 1000 - np.isnan(values).sum()


def test_reproducible_and_seeded() -> None:
    """Same data and seed: identical intervals; another seed: different draws."""
    first = bootstrap_interval("alpha", ORDINAL, level="ordinal", seed=11)
    again = bootstrap_interval("alpha", ORDINAL, level="ordinal", seed=11)
    other = bootstrap_interval("alpha", ORDINAL, level="ordinal", seed=12)
    assert first == again
    assert first != other
    assert np.array_equal(resample_weights(ORDINAL, 50, 3), resample_weights(ORDINAL, 50, 3))


@pytest.mark.parametrize(
    ("key", "data", "level"),
    [("alpha", ORDINAL, "ordinal"), ("kappa", ORDINAL, "nominal"),
     ("alpha", FOUR_CODERS, "nominal"), ("kappa", FOUR_CODERS, "nominal")],
)
def test_interval_contains_point_estimate(key: str, data: WeightedData, level: Level) -> None:
    """On data with a fair number of units, the 95% interval brackets the point estimate,
    is of the requested level and uses all 1,000 default resamples."""
    point = compute_measure(key, data, level=level).value
    interval = bootstrap_interval(key, data, level=level)
    assert interval is not None and point is not None
    assert interval.low < point < interval.high
    assert (interval.level, interval.resamples) == (0.95, 1000)
    narrower = bootstrap_interval(key, data, level=level, confidence=0.5)
    assert narrower is not None
    assert interval.low <= narrower.low <= narrower.high <= interval.high


def test_character_scale_interval() -> None:
    """Two million units in three patterns resample without materialising units: the
    interval is narrow around the point estimate."""
    data = WeightedData(np.array([[0, 0], [0, 1], [1, 1]]),
                        np.array([1_800_000.0, 100_000, 100_000]), (0, 1))
    point = compute_measure("alpha", data).value
    interval = bootstrap_interval("alpha", data)
    assert interval is not None and point is not None
    assert interval.low < point < interval.high
    assert interval.high - interval.low < 0.01


def test_no_interval_when_undefined() -> None:
    """No interval when the measure is undefined on the data (one category, no data)."""
    single = WeightedData(np.array([[0, 0]]), np.array([20.0]), ("x",))
    empty = WeightedData(np.zeros((0, 2), dtype=np.int64), np.zeros(0), ())
    assert bootstrap_interval("kappa", single) is None
    assert bootstrap_interval("alpha", empty) is None


def test_bad_arguments_raise() -> None:
    """Resamples must be positive, confidence in (0, 1), weights whole unit counts."""
    with pytest.raises(ValueError, match="resamples"):
        bootstrap_interval("alpha", ORDINAL, resamples=0)
    with pytest.raises(ValueError, match="confidence"):
        bootstrap_interval("alpha", ORDINAL, confidence=1.0)
    halves = WeightedData(ORDINAL.codes, ORDINAL.weights + 0.5, ORDINAL.categories)
    with pytest.raises(ValueError, match="whole"):
        bootstrap_interval("alpha", halves)
