"""Reliability data (units x coders) encoded as category indices, and per-unit counts."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

MISSING = -1
IntArray = npt.NDArray[np.int64]


def category_counts(codes: IntArray, n_categories: int) -> IntArray:
    """``counts[row, category]``: how many coders gave that category in that row of ``codes``."""
    n_rows = int(codes.shape[0])
    rows, cols = np.nonzero(codes != MISSING)
    flat = rows * n_categories + codes[rows, cols]
    out = np.bincount(flat, minlength=n_rows * n_categories)
    return out.reshape(n_rows, n_categories).astype(np.int64)


@dataclass(frozen=True)
class CodedData:
    """Reliability data as category indices: ``codes[unit, coder]``, ``MISSING`` if not coded."""

    codes: IntArray
    categories: tuple[Hashable, ...]

    @property
    def n_units(self) -> int:
        return int(self.codes.shape[0])

    @property
    def n_coders(self) -> int:
        return int(self.codes.shape[1])

    @property
    def n_categories(self) -> int:
        return len(self.categories)

    @property
    def n_values(self) -> int:
        return int(np.count_nonzero(self.codes != MISSING))

    def counts(self) -> IntArray:
        """``counts[unit, category]``: how many coders gave that category to that unit."""
        return category_counts(self.codes, self.n_categories)

    def complete(self) -> IntArray:
        """The rows of :meth:`counts` for the units coded by every coder."""
        return self.counts()[np.all(self.codes != MISSING, axis=1)]


def _as_array(data: pd.DataFrame) -> tuple[npt.NDArray[Any], npt.NDArray[np.bool_]]:
    array: npt.NDArray[Any] = data.to_numpy()
    if array.dtype.kind in "fiu":
        array = array.astype(np.float64)
        return array, np.isnan(array)
    array = data.to_numpy(dtype=object)
    return array, np.asarray(pd.isna(array), dtype=np.bool_)


def _observed_categories(observed: npt.NDArray[Any]) -> tuple[Hashable, ...]:
    if observed.dtype.kind == "f":
        unique = np.unique(observed)
        if unique.size and np.all(unique == np.round(unique)):
            return tuple(int(v) for v in unique)
        return tuple(float(v) for v in unique)
    try:
        return tuple(sorted(set(observed.tolist())))
    except TypeError as exc:
        raise ValueError(
            "the coded values cannot be sorted; pass categories=[...] in codebook order"
        ) from exc


def encode(data: pd.DataFrame, categories: Sequence[Hashable] | None = None) -> CodedData:
    """Encode a units x coders frame (NaN/None = not coded) against ``categories``.

    ``categories`` is the codebook's full, ordered set of values; by default the sorted
    observed values.  A coded value missing from ``categories`` raises ``ValueError``.
    """
    if not isinstance(data, pd.DataFrame):
        raise TypeError("reliability data must be a pandas DataFrame (units x coders)")
    array, missing = _as_array(data)
    observed = array[~missing]
    cats = _observed_categories(observed) if categories is None else tuple(categories)
    index = pd.Index(list(cats), dtype=object if categories is not None else None)
    if not index.is_unique:
        raise ValueError("categories must not repeat")
    codes = np.full(array.shape, MISSING, dtype=np.int64)
    if observed.size:
        found = np.asarray(index.get_indexer(observed), dtype=np.int64)
        if np.any(found == MISSING):
            unknown = sorted({str(v) for v in observed[found == MISSING]})[:5]
            raise ValueError(f"values not in categories: {', '.join(unknown)}")
        codes[~missing] = found
    return CodedData(codes, cats)


def numeric_values(categories: Sequence[Hashable]) -> npt.NDArray[np.float64]:
    """The categories as numbers, for interval and ratio metrics."""
    try:
        return np.asarray([float(c) for c in categories], dtype=np.float64)  # type: ignore[arg-type]
    except (TypeError, ValueError) as exc:
        raise ValueError("interval and ratio levels need numeric categories") from exc


@dataclass(frozen=True)
class WeightedData:
    """Reliability data compressed to distinct unit patterns with a weight each.

    ``codes[pattern, coder]`` holds category indices (``MISSING`` if not coded) and
    ``weights[pattern]`` how many units have that pattern.  Every coefficient computed on
    it equals the coefficient on the expanded units; character-level data (millions of
    units, a handful of patterns) and bootstrap resamples (multinomial weights over the
    same patterns) are computed this way without materialising units.
    """

    codes: IntArray
    weights: npt.NDArray[np.float64]
    categories: tuple[Hashable, ...]

    @property
    def n_units(self) -> float:
        return float(self.weights.sum())

    @property
    def n_coders(self) -> int:
        return int(self.codes.shape[1])

    @property
    def n_categories(self) -> int:
        return len(self.categories)

    def counts(self) -> IntArray:
        """``counts[pattern, category]``: how many coders gave that category in that pattern."""
        return category_counts(self.codes, self.n_categories)

    def present(self) -> WeightedData:
        """The patterns with a positive weight (the units that exist)."""
        keep = self.weights > 0
        if bool(np.all(keep)):
            return self
        return WeightedData(self.codes[keep], self.weights[keep], self.categories)

    def whole_units(self) -> int:
        """The number of units, checking that the weights are whole, non-negative counts.

        Raises ``ValueError`` otherwise: coefficients report units as counts and the
        bootstrap resamples that many units.
        """
        weights = self.weights
        whole = np.isfinite(weights) & (weights >= 0) & (weights == np.round(weights))
        if not bool(np.all(whole)):
            raise ValueError("pattern weights must be whole, non-negative unit counts")
        return int(round(float(weights.sum())))


_PACKED_KEY_LIMIT = 1 << 62
"""Rows fit one int64 key when ``(categories + 1) ** coders`` stays below this."""
_BINCOUNT_LIMIT = 1 << 20
"""Key spaces up to this size are counted with ``bincount`` instead of sorted."""


def compress(coded: CodedData) -> WeightedData:
    """The distinct rows of ``coded`` with how often each occurs.

    The rows come out in lexicographic order (as ``numpy.unique(..., axis=0)`` gives them).
    """
    if coded.n_units == 0:
        return WeightedData(coded.codes, np.zeros(0, dtype=np.float64), coded.categories)
    base, n_coders = coded.n_categories + 1, coded.n_coders
    if n_coders == 0 or base**n_coders >= _PACKED_KEY_LIMIT:
        rows, frequency = np.unique(coded.codes, axis=0, return_counts=True)
        return WeightedData(
            rows.astype(np.int64), frequency.astype(np.float64), coded.categories
        )
    # np.unique over rows sorts structured values and is several times slower than the
    # rest of a coefficient; one integer per row (digit j = coder j's code + 1, first
    # coder most significant) sorts in the same, lexicographic, order.
    powers = base ** np.arange(n_coders - 1, -1, -1, dtype=np.int64)
    keys = (coded.codes + 1) @ powers
    if base**n_coders <= _BINCOUNT_LIMIT:
        tally = np.bincount(keys, minlength=base**n_coders)
        distinct = np.flatnonzero(tally)
        frequency = tally[distinct]
    else:
        distinct, frequency = np.unique(keys, return_counts=True)
    rows = (distinct[:, None] // powers[None, :]) % base - 1
    return WeightedData(rows.astype(np.int64), frequency.astype(np.float64), coded.categories)
