"""The report's agreement measures by key, computed on weighted unit patterns.

One key per column of the agreement report.  Which coefficient a key means can depend on
the data and the level of measurement:

* ``"kappa"`` is Cohen's kappa when the data has exactly two coders, unweighted at the
  nominal level and quadratic-weighted (disagreement ``((i - j) / (K - 1))^2`` on the
  positions of the values in the codebook order) at the ordinal, interval and ratio
  levels; with any other number of coders it is Fleiss' kappa, which is always nominal.
* ``"pi"`` is Scott's pi, defined for exactly two coders only; with more it is undefined
  with the reason :data:`NEEDS_TWO_CODERS`.
* ``"alpha"`` is Krippendorff's alpha at the given level; the others are nominal.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from annotator.core.agreement.alpha import LEVELS, Level, alpha_coefficient
from annotator.core.agreement.coefficients import (
    BRENNAN_PREDIGER,
    FLEISS_KAPPA,
    GWET_AC1,
    PERCENT_AGREEMENT,
    SCOTT_PI,
    Coefficient,
    FloatArray,
    cohen_coefficient,
)
from annotator.core.agreement.data import WeightedData
from annotator.core.agreement.result import AgreementResult

MEASURES: tuple[str, ...] = ("percent", "alpha", "kappa", "pi", "ac1", "bp")
"""The measure keys, in the report's column order."""

MEASURE_NAMES: dict[str, str] = {
    "percent": "Percent agreement",
    "alpha": "Krippendorff's alpha",
    "kappa": "Cohen's / Fleiss' kappa",
    "pi": "Scott's pi",
    "ac1": "Gwet's AC1",
    "bp": "Brennan-Prediger",
}
"""Readable names of the measure keys, for column headers."""

NEEDS_TWO_CODERS = "needs exactly two coders"
"""Reason Scott's pi is undefined for data with more than two coders."""


def coefficient(key: str, data: WeightedData, *, level: Level = "nominal") -> Coefficient | None:
    """The coefficient ``key`` means for ``data`` at ``level`` (see the module docstring).

    ``None`` for Scott's pi on more than two coders.  Raises ``ValueError`` for an unknown
    key or level.
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    if key == "percent":
        return PERCENT_AGREEMENT
    if key == "alpha":
        return alpha_coefficient(level)
    if key == "kappa":
        if data.n_coders != 2:
            return FLEISS_KAPPA
        return cohen_coefficient(None if level == "nominal" else "quadratic")
    if key == "pi":
        return SCOTT_PI if data.n_coders <= 2 else None
    if key == "ac1":
        return GWET_AC1
    if key == "bp":
        return BRENNAN_PREDIGER
    raise ValueError(f"measure must be one of {', '.join(MEASURES)}, not {key!r}")


def compute_measure(key: str, data: WeightedData, *, level: Level = "nominal") -> AgreementResult:
    """Measure ``key`` (one of :data:`MEASURES`) on ``data`` at ``level``.

    Undefined results carry a reason, as for the DataFrame functions; ``units`` is the
    number of units (sum of pattern weights) that entered.  Raises ``ValueError`` for an
    unknown key or level, non-whole weights, or non-numeric categories for interval/ratio
    alpha.
    """
    chosen = coefficient(key, data, level=level)
    if chosen is None:
        return AgreementResult.undefined(SCOTT_PI.name, NEEDS_TWO_CODERS)
    return chosen.result(data)


def measure_values(
    key: str, data: WeightedData, weights: npt.ArrayLike, *, level: Level = "nominal"
) -> FloatArray:
    """Measure ``key`` for every weighting ``weights[..., pattern]`` of ``data``'s patterns.

    Vectorised over the leading axes (e.g. one row per bootstrap resample); NaN where the
    measure is undefined.  Same errors as :func:`compute_measure`.
    """
    matrix = np.asarray(weights, dtype=np.float64)
    chosen = coefficient(key, data, level=level)
    if chosen is None:
        return np.full(matrix.shape[:-1], np.nan)
    if chosen.check is not None:
        chosen.check(data)
    return chosen.values(data, matrix)
