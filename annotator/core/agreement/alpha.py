"""Krippendorff's alpha at the nominal, ordinal, interval and ratio levels."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Literal

import numpy as np
import numpy.typing as npt
import pandas as pd

from annotator.core.agreement.data import encode, numeric_values
from annotator.core.agreement.result import (
    FEWER_THAN_TWO_CODERS,
    NO_DATA,
    ONE_CATEGORY,
    AgreementResult,
)

Level = Literal["nominal", "ordinal", "interval", "ratio"]
FloatArray = npt.NDArray[np.float64]
LEVELS: tuple[Level, ...] = ("nominal", "ordinal", "interval", "ratio")
_EPS = 1e-12


def coincidences(counts: npt.NDArray[np.int64]) -> FloatArray:
    """The coincidence matrix ``o[c, k]`` from ``counts[unit, category]`` (units with >= 2)."""
    values = counts.astype(np.float64)
    scaled = values / (values.sum(axis=1) - 1.0)[:, None]
    matrix: FloatArray = scaled.T @ values
    matrix[np.diag_indices_from(matrix)] -= scaled.sum(axis=0)
    return matrix


def squared_distances(
    level: Level, marginals: FloatArray, categories: Sequence[Hashable]
) -> FloatArray:
    """The metric ``delta^2[c, k]`` of Krippendorff (2011) for ``level``."""
    k = len(categories)
    if level == "nominal":
        return (~np.eye(k, dtype=np.bool_)).astype(np.float64)
    if level == "ordinal":
        low, high = np.minimum.outer(np.arange(k), np.arange(k)), np.maximum.outer(
            np.arange(k), np.arange(k)
        )
        cumulative = np.cumsum(marginals)
        between = cumulative[high] - cumulative[low] + marginals[low]
        result: FloatArray = (between - (marginals[low] + marginals[high]) / 2.0) ** 2
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
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    name = f"Krippendorff's alpha ({level})"
    coded = encode(data, categories)
    if level in ("interval", "ratio"):
        numeric_values(coded.categories)
    if coded.n_values == 0:
        return AgreementResult.undefined(name, NO_DATA)
    counts = coded.counts()
    per_unit = counts.sum(axis=1)
    counts = counts[per_unit >= 2]
    if counts.shape[0] == 0:
        return AgreementResult.undefined(name, FEWER_THAN_TWO_CODERS)
    units, pairable = int(counts.shape[0]), int(counts.sum())
    matrix = coincidences(counts)
    marginals = matrix.sum(axis=1)
    delta = squared_distances(level, marginals, coded.categories)
    observed = float((matrix * delta).sum())
    expected = float((np.outer(marginals, marginals) * delta).sum()) / (pairable - 1)
    if expected <= _EPS * max(pairable, 1):
        return AgreementResult.undefined(name, ONE_CATEGORY, units, pairable)
    return AgreementResult(name, 1.0 - observed / expected, units, pairable)
