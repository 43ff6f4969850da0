"""Pairwise-agreement coefficients: percent agreement, Cohen's kappa, Scott's pi,
Fleiss' kappa, Gwet's AC1 and Brennan-Prediger.

The public functions take reliability data as a pandas DataFrame with one row per unit and
one column per coder (NaN/None = not coded), and an optional ``categories`` list: the
codebook's full, ordered set of values (default: the sorted observed values).  Undefined
values come back as ``value=None`` with a ``reason``, never as a made-up 0 or 1.

Each formula is written once, as a :class:`Coefficient` on weighted unit patterns
(:class:`~annotator.core.agreement.data.WeightedData`): the DataFrame functions encode and
compress their input and evaluate it, and the bootstrap evaluates the same formula on a
whole matrix of resampled weights at once.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt
import pandas as pd

from annotator.core.agreement.data import MISSING, WeightedData, compress, encode
from annotator.core.agreement.result import (
    FEWER_THAN_TWO_CODERS,
    NO_COMPLETE_UNIT,
    NO_DATA,
    ONE_CATEGORY,
    AgreementResult,
)

Weights = Literal["linear", "quadratic"] | None
Entry = Literal["pairable", "complete"]
FloatArray = npt.NDArray[np.float64]
Formula = Callable[[WeightedData, FloatArray], FloatArray]
EPS = 1e-12
"""Chance agreement within ``EPS`` of 1 (or chance disagreement of 0) means undefined."""


@dataclass(frozen=True)
class Coefficient:
    """One agreement coefficient on weighted unit patterns.

    ``formula(data, weights)`` is the coefficient's only implementation.  ``weights`` has
    shape ``(..., patterns)``: one weighting of ``data``'s patterns per leading index (the
    data's own weights, or a matrix of bootstrap resamples); the result has shape ``(...)``
    and is NaN wherever the coefficient is undefined.  ``entry`` says which units enter:
    ``"pairable"`` (at least two values) or ``"complete"`` (coded by every coder).  ``check``
    raises ``ValueError`` for data the coefficient cannot take at all.
    """

    name: str
    entry: Entry
    formula: Formula
    check: Callable[[WeightedData], None] | None = None

    def values(self, data: WeightedData, weights: npt.ArrayLike) -> FloatArray:
        """The coefficient for each weighting of ``data``'s patterns (NaN = undefined)."""
        return self.formula(data, np.asarray(weights, dtype=np.float64))

    def result(self, data: WeightedData) -> AgreementResult:
        """The coefficient on ``data``, or why it is undefined.

        ``units`` is the number of units that entered and ``pairable`` the number of
        values in them.  Raises ``ValueError`` if the weights are not whole, non-negative
        unit counts, or from ``check``.
        """
        if self.check is not None:
            self.check(data)
        data.whole_units()
        data = data.present()
        per_pattern = np.count_nonzero(data.codes != MISSING, axis=1)
        if not np.any(per_pattern):
            return AgreementResult.undefined(self.name, NO_DATA)
        if data.n_coders < 2 or not np.any(per_pattern >= 2):
            return AgreementResult.undefined(self.name, FEWER_THAN_TWO_CODERS)
        entered = entering(data, self.entry)
        if not np.any(entered):
            return AgreementResult.undefined(self.name, NO_COMPLETE_UNIT)
        units = round(float(data.weights[entered].sum()))
        pairable = round(float(data.weights[entered] @ per_pattern[entered]))
        value = float(self.values(data, data.weights))
        if np.isnan(value):
            # The checks above leave a zero chance disagreement as the only way to 0/0.
            return AgreementResult.undefined(self.name, ONE_CATEGORY, units, pairable)
        return AgreementResult(self.name, value, units, pairable)


def entering(data: WeightedData, entry: Entry) -> npt.NDArray[np.bool_]:
    """Which patterns of ``data`` enter a coefficient with the given ``entry`` rule."""
    per_pattern = np.count_nonzero(data.codes != MISSING, axis=1)
    if entry == "pairable":
        return np.asarray(per_pattern >= 2)
    return np.asarray((per_pattern == data.n_coders) & (data.n_coders >= 2))


def _ratio(numerator: FloatArray, denominator: FloatArray) -> FloatArray:
    """``numerator / denominator``, NaN where the denominator is not positive."""
    with np.errstate(divide="ignore", invalid="ignore"):
        quotient = np.asarray(numerator / denominator, dtype=np.float64)
    return np.where(denominator > 0, quotient, np.nan)


def _agreeing_share(counts: FloatArray) -> FloatArray:
    """Per pattern, the share of agreeing ordered coder pairs (patterns with >= 2 values)."""
    m = counts.sum(axis=1)
    share: FloatArray = (counts * (counts - 1.0)).sum(axis=1) / (m * (m - 1.0))
    return share


def _observed(data: WeightedData, weights: FloatArray, entry: Entry) -> FloatArray:
    """Mean over the entering units of the share of agreeing coder pairs."""
    mask = entering(data, entry)
    counts = data.counts()[mask].astype(np.float64)
    chosen = weights[..., mask]
    return _ratio(chosen @ _agreeing_share(counts), chosen.sum(axis=-1))


def _shares(data: WeightedData, weights: FloatArray) -> FloatArray:
    """Pooled category shares ``(..., K)`` of the values in the complete units."""
    mask = entering(data, "complete")
    totals = weights[..., mask] @ data.counts()[mask].astype(np.float64)
    return _ratio(totals, totals.sum(axis=-1, keepdims=True))


def _chance_corrected(observed: FloatArray, expected: FloatArray) -> FloatArray:
    """``(observed - expected) / (1 - expected)``, NaN where ``expected`` is (about) 1."""
    with np.errstate(divide="ignore", invalid="ignore"):
        value = (observed - expected) / (1.0 - expected)
    return np.where(1.0 - expected > EPS, value, np.nan)


def _percent_formula(data: WeightedData, weights: FloatArray) -> FloatArray:
    return _observed(data, weights, "pairable")


def _fleiss_formula(data: WeightedData, weights: FloatArray) -> FloatArray:
    expected = (_shares(data, weights) ** 2).sum(axis=-1)
    return _chance_corrected(_observed(data, weights, "complete"), expected)


def _ac1_formula(data: WeightedData, weights: FloatArray) -> FloatArray:
    k = data.n_categories
    shares = _shares(data, weights)
    if k < 2:
        return np.full(shares.shape[:-1], np.nan)
    expected = (shares * (1.0 - shares)).sum(axis=-1) / (k - 1)
    return _chance_corrected(_observed(data, weights, "complete"), expected)


def _bp_formula(data: WeightedData, weights: FloatArray) -> FloatArray:
    observed = _observed(data, weights, "complete")
    if data.n_categories < 2:
        return np.full(observed.shape, np.nan)
    return _chance_corrected(observed, np.full(observed.shape, 1.0 / data.n_categories))


PERCENT_AGREEMENT = Coefficient("percent agreement", "pairable", _percent_formula)
SCOTT_PI = Coefficient("Scott's pi", "complete", _fleiss_formula)
FLEISS_KAPPA = Coefficient("Fleiss' kappa", "complete", _fleiss_formula)
GWET_AC1 = Coefficient("Gwet's AC1", "complete", _ac1_formula)
BRENNAN_PREDIGER = Coefficient("Brennan-Prediger", "complete", _bp_formula)


def _disagreement_weights(k: int, weights: Weights) -> FloatArray:
    i, j = np.indices((k, k))
    if weights is None:
        unweighted: FloatArray = (i != j).astype(np.float64)
        return unweighted
    scale = max(k - 1, 1)
    distance: FloatArray = (np.abs(i - j) / scale).astype(np.float64)
    if weights == "linear":
        return distance
    if weights == "quadratic":
        return distance * distance
    raise ValueError(f"weights must be None, 'linear' or 'quadratic', not {weights!r}")


def cohen_coefficient(weights: Weights = None) -> Coefficient:
    """Cohen's kappa (two coders) with the given disagreement ``weights``.

    Raises ``ValueError`` for unknown ``weights``; its formula raises ``ValueError`` for
    data with more than two coders.
    """
    _disagreement_weights(2, weights)
    name = "Cohen's kappa" if weights is None else f"Cohen's kappa ({weights})"

    def formula(data: WeightedData, resampled: FloatArray) -> FloatArray:
        if data.n_coders > 2:
            raise ValueError(f"{name} needs exactly two coders; use Fleiss' kappa")
        if data.n_coders < 2:
            return np.full(resampled.shape[:-1], np.nan)
        k = data.n_categories
        mask = entering(data, "complete")
        both = data.codes[mask]
        cells = np.zeros((both.shape[0], k * k))
        cells[np.arange(both.shape[0]), both[:, 0] * k + both[:, 1]] = 1.0
        table = (resampled[..., mask] @ cells).reshape(*resampled.shape[:-1], k, k)
        observed = _ratio(table, table.sum(axis=(-2, -1))[..., None, None])
        expected = observed.sum(axis=-1)[..., :, None] * observed.sum(axis=-2)[..., None, :]
        disagreement = _disagreement_weights(k, weights)
        chance = (disagreement * expected).sum(axis=(-2, -1))
        with np.errstate(divide="ignore", invalid="ignore"):
            value = 1.0 - (disagreement * observed).sum(axis=(-2, -1)) / chance
        return np.where(chance > EPS, value, np.nan)

    return Coefficient(name, "complete", formula)


def _two_coders(name: str, data: pd.DataFrame) -> None:
    if data.shape[1] > 2:
        raise ValueError(f"{name} needs exactly two coders (columns); use fleiss_kappa")


def percent_agreement(
    data: pd.DataFrame, categories: Sequence[Hashable] | None = None
) -> AgreementResult:
    """Observed agreement: the share of agreeing coder pairs, averaged over units.

    Units entering: every unit with at least two values (missing values are skipped).  With
    two coders this is the proportion of units coded by both on which they agree.  Defined
    even with a single category (then 1.0, a real observation).
    """
    return PERCENT_AGREEMENT.result(compress(encode(data, categories)))


def cohen_kappa(
    data: pd.DataFrame,
    categories: Sequence[Hashable] | None = None,
    weights: Weights = None,
) -> AgreementResult:
    """Cohen's kappa for exactly two coders, optionally weighted (Cohen 1960, 1968).

    Units entering: those coded by both coders.  ``weights`` ``"linear"`` or ``"quadratic"``
    use disagreement weights ``|i-j|/(k-1)`` (squared) on the positions of the values in
    ``categories``, so the codebook order and its unused values matter.  Undefined when the
    chance disagreement is zero (both coders used one and the same category throughout).
    """
    coefficient = cohen_coefficient(weights)
    _two_coders(coefficient.name, data)
    return coefficient.result(compress(encode(data, categories)))


def scott_pi(data: pd.DataFrame, categories: Sequence[Hashable] | None = None) -> AgreementResult:
    """Scott's pi for exactly two coders (Scott 1955).

    Units entering: those coded by both coders.  Chance agreement uses the pooled category
    distribution of both coders.  Undefined when only one category was used.
    """
    _two_coders(SCOTT_PI.name, data)
    return SCOTT_PI.result(compress(encode(data, categories)))


def fleiss_kappa(
    data: pd.DataFrame, categories: Sequence[Hashable] | None = None
) -> AgreementResult:
    """Fleiss' kappa for two or more coders (Fleiss 1971).

    Units entering: those coded by all coders (a fixed number of ratings per unit, as the
    coefficient requires).  Undefined when only one category was used.
    """
    return FLEISS_KAPPA.result(compress(encode(data, categories)))


def gwet_ac1(data: pd.DataFrame, categories: Sequence[Hashable] | None = None) -> AgreementResult:
    """Gwet's AC1 for two or more coders (Gwet 2008).

    Units entering: those coded by all coders.  Chance agreement is
    ``sum_k pi_k (1 - pi_k) / (K - 1)`` with ``K = len(categories)``, so unused codebook
    values matter.  Undefined when the codebook has a single category.
    """
    return GWET_AC1.result(compress(encode(data, categories)))


def brennan_prediger(
    data: pd.DataFrame, categories: Sequence[Hashable] | None = None
) -> AgreementResult:
    """Brennan-Prediger coefficient (Brennan & Prediger 1981), chance agreement ``1/K``.

    Units entering: those coded by all coders.  ``K = len(categories)``, so unused codebook
    values matter.  Undefined when the codebook has a single category.
    """
    return BRENNAN_PREDIGER.result(compress(encode(data, categories)))
