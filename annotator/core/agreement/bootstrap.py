"""Seeded bootstrap confidence intervals for the agreement measures, resampling units.

A resample draws ``n`` units with replacement from the ``n`` units of the data.  The units
are already compressed to distinct patterns with a count each, so a resample is exactly a
multinomial draw of ``n`` over the pattern frequencies: no unit is materialised, and every
resample's coefficient is computed at once from the ``(resamples, patterns)`` weight
matrix by the same formula as the point estimate.
"""

from __future__ import annotations

import numpy as np

from annotator.core.agreement.alpha import Level
from annotator.core.agreement.coefficients import FloatArray
from annotator.core.agreement.data import WeightedData
from annotator.core.agreement.measures import compute_measure, measure_values
from annotator.core.agreement.report import Interval

MIN_DEFINED = 2
"""Fewer resamples with a defined value than this give no interval."""


def resample_weights(data: WeightedData, resamples: int, seed: int) -> FloatArray:
    """``weights[resample, pattern]``: how often each pattern is drawn in each resample.

    Each row is a multinomial draw of ``n`` (the number of units in ``data``) over the
    pattern frequencies, from ``numpy.random.default_rng(seed)``: the same data, number of
    resamples and seed give the same matrix.  Raises ``ValueError`` if the weights are not
    whole unit counts or ``resamples`` is not positive.
    """
    if resamples < 1:
        raise ValueError("the number of resamples must be positive")
    n = data.whole_units()
    if n == 0:
        return np.zeros((resamples, data.weights.size))
    draws = np.random.default_rng(seed).multinomial(n, data.weights / n, size=resamples)
    return draws.astype(np.float64)


def bootstrap_interval(
    key: str,
    data: WeightedData,
    *,
    level: Level = "nominal",
    resamples: int = 1000,
    seed: int = 1,
    confidence: float = 0.95,
) -> Interval | None:
    """Percentile bootstrap interval of measure ``key`` (see :mod:`.measures`) on ``data``.

    Resamples all units of ``data`` with replacement (:func:`resample_weights`), computes
    the measure on each resample and returns the ``(1 - confidence) / 2`` and
    ``(1 + confidence) / 2`` quantiles (numpy's default, linear interpolation) of the
    resamples on which it is defined; ``Interval.resamples`` says how many those were.
    ``None`` when the measure is undefined on ``data`` or on all but fewer than
    :data:`MIN_DEFINED` resamples.  Deterministic for a given ``seed``.  Raises
    ``ValueError`` for ``confidence`` outside (0, 1), a non-positive ``resamples``, and
    whatever :func:`~.measures.compute_measure` raises.
    """
    if not 0.0 < confidence < 1.0:
        raise ValueError("the confidence level must be between 0 and 1")
    if compute_measure(key, data, level=level).value is None:
        return None
    present = data.present()
    values = measure_values(
        key, present, resample_weights(present, resamples, seed), level=level
    )
    defined = values[~np.isnan(values)]
    if defined.size < MIN_DEFINED:
        return None
    tail = (1.0 - confidence) / 2.0
    low, high = np.quantile(defined, [tail, 1.0 - tail])
    return Interval(float(low), float(high), confidence, int(defined.size))
