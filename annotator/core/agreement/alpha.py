"""Krippendorff's alpha at the nominal, ordinal, interval and ratio levels."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Literal

import numpy as np
import numpy.typing as npt
import pandas as pd

from annotator.core.agreement.coefficients import EPS, Coefficient, entering
from annotator.core.agreement.data import WeightedData, compress, encode, numeric_values
from annotator.core.agreement.result import AgreementResult

Level = Literal["nominal", "ordinal", "interval", "ratio"]
FloatArray = npt.NDArray[np.float64]
LEVELS: tuple[Level, ...] = ("nominal", "ordinal", "interval", "ratio")


def coincidence_contributions(counts: npt.NDArray[np.int64]) -> FloatArray:
    """Each unit's share ``[unit, c, k]`` of the coincidence matrix, from ``counts[unit, c]``.

    For a unit with ``m >= 2`` values: ``(n_c n_k - [c == k] n_c) / (m - 1)`` (Krippendorff
    2011); the coincidence matrix of a weighted set of units is the weighted sum of these.
    """
    values = counts.astype(np.float64)
    scaled = values / (values.sum(axis=1) - 1.0)[:, None]
    contributions: FloatArray = scaled[:, :, None] * values[:, None, :]
    diagonal = np.arange(values.shape[1])
    contributions[:, diagonal, diagonal] -= scaled
    return contributions


def squared_distances(
    level: Level, marginals: FloatArray, categories: Sequence[Hashable]
) -> FloatArray:
    """The metric ``delta^2[c, k]`` of Krippendorff (2011) for ``level``.

    ``marginals`` (the coincidence marginals ``n_c``, shape ``(..., K)``) only matter for
    the ordinal level, which then returns shape ``(..., K, K)``; the other levels return
    ``(K, K)``.
    """
    k = len(categories)
    if level == "nominal":
        return (~np.eye(k, dtype=np.bool_)).astype(np.float64)
    if level == "ordinal":
        low, high = np.minimum.outer(np.arange(k), np.arange(k)), np.maximum.outer(
            np.arange(k), np.arange(k)
        )
        cumulative = np.cumsum(marginals, axis=-1)
        between = cumulative[..., high] - cumulative[..., low] + marginals[..., low]
        ends = (marginals[..., low] + marginals[..., high]) / 2.0
        result: FloatArray = (between - ends) ** 2
        return result
    values = numeric_values(categories)
    difference = np.subtract.outer(values, values)
    if level == "interval":
        return difference**2
    if level == "ratio":
        total = np.add.outer(values, values)
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = np.where(total == 0, 0.0, difference / np.where(total == 0, 1.0, total))
        return ratio**2
    raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")


def alpha_coefficient(level: Level = "nominal") -> Coefficient:
    """Krippendorff's alpha at ``level`` as a :class:`Coefficient` on weighted patterns.

    Units entering: those with at least two values.  Raises ``ValueError`` for an unknown
    ``level``; evaluating it raises ``ValueError`` for non-numeric categories at the
    interval and ratio levels.
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")

    def check(data: WeightedData) -> None:
        if level in ("interval", "ratio"):
            numeric_values(data.categories)

    def formula(data: WeightedData, weights: FloatArray) -> FloatArray:
        mask = entering(data, "pairable")
        contributions = coincidence_contributions(data.counts()[mask])
        k = data.n_categories
        flat = weights[..., mask] @ contributions.reshape(-1, k * k)
        matrix = flat.reshape(*weights.shape[:-1], k, k)
        marginals = matrix.sum(axis=-1)
        pairable = marginals.sum(axis=-1)
        delta = squared_distances(level, marginals, data.categories)
        observed = (matrix * delta).sum(axis=(-2, -1))
        products = marginals[..., :, None] * marginals[..., None, :]
        with np.errstate(divide="ignore", invalid="ignore"):
            expected = (products * delta).sum(axis=(-2, -1)) / (pairable - 1.0)
            value = 1.0 - observed / expected
        # Relative to n: zero expected disagreement (one category) up to rounding.
        return np.where(expected > EPS * np.maximum(pairable, 1.0), value, np.nan)

    return Coefficient(f"Krippendorff's alpha ({level})", "pairable", formula, check)


def krippendorff_alpha(
    data: pd.DataFrame,
    level: Level = "nominal",
    categories: Sequence[Hashable] | None = None,
) -> AgreementResult:
    """Krippendorff's alpha (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability").

    Any number of coders, missing data allowed.  Units entering: every unit with at least
    two values (units with a single value are not pairable and are skipped).  ``categories``
    fixes the order for the ordinal level and must be numeric for interval and ratio.
    Undefined when there is no pairable value or the expected disagreement is zero (a
    single category).
    """
    coefficient = alpha_coefficient(level)
    return coefficient.result(compress(encode(data, categories)))
