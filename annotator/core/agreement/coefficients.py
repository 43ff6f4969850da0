"""Pairwise-agreement coefficients: percent agreement, Cohen's kappa, Scott's pi,
Fleiss' kappa, Gwet's AC1 and Brennan-Prediger.

All take reliability data as a pandas DataFrame with one row per unit and one column per
coder (NaN/None = not coded), and an optional ``categories`` list: the codebook's full,
ordered set of values (default: the sorted observed values).  Undefined values come back as
``value=None`` with a ``reason``, never as a made-up 0 or 1.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Literal

import numpy as np
import numpy.typing as npt
import pandas as pd

from annotator.core.agreement.data import CodedData, IntArray, encode
from annotator.core.agreement.result import (
    FEWER_THAN_TWO_CODERS,
    NO_COMPLETE_UNIT,
    NO_DATA,
    ONE_CATEGORY,
    AgreementResult,
)

Weights = Literal["linear", "quadratic"] | None
FloatArray = npt.NDArray[np.float64]
_EPS = 1e-12


def _no_pairs_reason(coded: CodedData) -> str | None:
    """Why no unit can enter at all, or ``None`` if some unit has two values."""
    if coded.n_values == 0:
        return NO_DATA
    if coded.n_coders < 2 or not np.any(np.count_nonzero(coded.codes >= 0, axis=1) >= 2):
        return FEWER_THAN_TWO_CODERS
    return None


def _complete_counts(name: str, coded: CodedData) -> IntArray | AgreementResult:
    """Counts of the units coded by all coders, or the undefined result."""
    reason = _no_pairs_reason(coded)
    if reason is not None:
        return AgreementResult.undefined(name, reason)
    counts = coded.complete()
    if counts.shape[0] == 0:
        return AgreementResult.undefined(name, NO_COMPLETE_UNIT)
    return counts


def _observed_agreement(counts: IntArray) -> float:
    """Mean over units of the share of agreeing ordered coder pairs."""
    m = counts.sum(axis=1).astype(np.float64)
    per_unit = (counts * (counts - 1)).sum(axis=1) / (m * (m - 1))
    return float(per_unit.mean())


def _chance_corrected(
    name: str, observed: float, expected: float, counts: IntArray
) -> AgreementResult:
    units = int(counts.shape[0])
    pairable = int(counts.sum())
    if 1.0 - expected <= _EPS:
        return AgreementResult.undefined(name, ONE_CATEGORY, units, pairable)
    return AgreementResult(name, (observed - expected) / (1.0 - expected), units, pairable)


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
    name = "percent agreement"
    coded = encode(data, categories)
    reason = _no_pairs_reason(coded)
    if reason is not None:
        return AgreementResult.undefined(name, reason)
    counts = coded.counts()
    counts = counts[counts.sum(axis=1) >= 2]
    return AgreementResult(
        name, _observed_agreement(counts), int(counts.shape[0]), int(counts.sum())
    )


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
    name = "Cohen's kappa" if weights is None else f"Cohen's kappa ({weights})"
    _two_coders(name, data)
    coded = encode(data, categories)
    weight = _disagreement_weights(coded.n_categories, weights)
    counts = _complete_counts(name, coded)
    if isinstance(counts, AgreementResult):
        return counts
    k = coded.n_categories
    both = coded.codes[np.all(coded.codes >= 0, axis=1)]
    table = np.bincount(both[:, 0] * k + both[:, 1], minlength=k * k).reshape(k, k)
    observed = table / table.sum()
    expected = np.outer(observed.sum(axis=1), observed.sum(axis=0))
    chance = float((weight * expected).sum())
    units = int(both.shape[0])
    if chance <= _EPS:
        return AgreementResult.undefined(name, ONE_CATEGORY, units, 2 * units)
    value = 1.0 - float((weight * observed).sum()) / chance
    return AgreementResult(name, value, units, 2 * units)


def _fleiss(name: str, coded: CodedData) -> AgreementResult:
    counts = _complete_counts(name, coded)
    if isinstance(counts, AgreementResult):
        return counts
    shares = counts.sum(axis=0) / counts.sum()
    return _chance_corrected(
        name, _observed_agreement(counts), float((shares**2).sum()), counts
    )


def scott_pi(data: pd.DataFrame, categories: Sequence[Hashable] | None = None) -> AgreementResult:
    """Scott's pi for exactly two coders (Scott 1955).

    Units entering: those coded by both coders.  Chance agreement uses the pooled category
    distribution of both coders.  Undefined when only one category was used.
    """
    name = "Scott's pi"
    _two_coders(name, data)
    return _fleiss(name, encode(data, categories))


def fleiss_kappa(
    data: pd.DataFrame, categories: Sequence[Hashable] | None = None
) -> AgreementResult:
    """Fleiss' kappa for two or more coders (Fleiss 1971).

    Units entering: those coded by all coders (a fixed number of ratings per unit, as the
    coefficient requires).  Undefined when only one category was used.
    """
    return _fleiss("Fleiss' kappa", encode(data, categories))


def _complete_with_categories(
    name: str, data: pd.DataFrame, categories: Sequence[Hashable] | None
) -> tuple[IntArray, int] | AgreementResult:
    """Per-unit category counts of the complete units and the codebook size ``K``, or
    the undefined result (no complete unit, or a codebook of one category)."""
    coded = encode(data, categories)
    counts = _complete_counts(name, coded)
    if isinstance(counts, AgreementResult):
        return counts
    if coded.n_categories < 2:
        return AgreementResult.undefined(name, ONE_CATEGORY, counts.shape[0], int(counts.sum()))
    return counts, coded.n_categories


def gwet_ac1(data: pd.DataFrame, categories: Sequence[Hashable] | None = None) -> AgreementResult:
    """Gwet's AC1 for two or more coders (Gwet 2008).

    Units entering: those coded by all coders.  Chance agreement is
    ``sum_k pi_k (1 - pi_k) / (K - 1)`` with ``K = len(categories)``, so unused codebook
    values matter.  Undefined when the codebook has a single category.
    """
    name = "Gwet's AC1"
    found = _complete_with_categories(name, data, categories)
    if isinstance(found, AgreementResult):
        return found
    counts, k = found
    shares = counts.sum(axis=0) / counts.sum()
    expected = float((shares * (1.0 - shares)).sum()) / (k - 1)
    return _chance_corrected(name, _observed_agreement(counts), expected, counts)


def brennan_prediger(
    data: pd.DataFrame, categories: Sequence[Hashable] | None = None
) -> AgreementResult:
    """Brennan-Prediger coefficient (Brennan & Prediger 1981), chance agreement ``1/K``.

    Units entering: those coded by all coders.  ``K = len(categories)``, so unused codebook
    values matter.  Undefined when the codebook has a single category.
    """
    name = "Brennan-Prediger"
    found = _complete_with_categories(name, data, categories)
    if isinstance(found, AgreementResult):
        return found
    counts, k = found
    return _chance_corrected(name, _observed_agreement(counts), 1.0 / k, counts)
