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
        k = self.n_categories
        rows, cols = np.nonzero(self.codes != MISSING)
        flat = rows * k + self.codes[rows, cols]
        out = np.bincount(flat, minlength=self.n_units * k)
        return out.reshape(self.n_units, k).astype(np.int64)

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
