"""Coders' spans as binary reliability data: presence per doc, coverage per code point, pooling.

Every function takes the spans of all coders as a DataFrame with the columns ``coder``,
``doc``, ``start``, ``end`` and ``code`` (half-open ``[start, end)`` code-point offsets,
integers; other columns are ignored), the ``coders`` whose values form the columns of the
reliability data (in that order) and ``coded_by``: the docs that enter, each with the
coders who *finished* coding it.  A coder who finished a doc and applied no span of the
code there says "absent" (0); a coder who did not finish it gives no value (``MISSING``).
Spans on docs outside ``coded_by``, by coders outside ``coders`` or on docs their coder did
not finish are ignored.  Every doc of ``coded_by`` yields units, even one no listed coder
finished (all ``MISSING``: coefficients skip such units, but they count in ``n_units``).
The categories of the result are always ``(0, 1)`` (absent, present), so a code nobody
used still has both.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from annotator.core.agreement.data import MISSING, IntArray, WeightedData

BoolArray = npt.NDArray[np.bool_]
BINARY: tuple[Hashable, ...] = (0, 1)
"""Categories of span-derived units: 0 = absent, 1 = present."""
SPAN_COLUMNS = ("coder", "doc", "start", "end", "code")
# Patterns are packed into one integer per row when the key space stays this small, so
# merging them is a bincount instead of a row-wise sort.
_PACKED_KEYS_LIMIT = 1 << 22


@dataclass(frozen=True)
class EnteredSpans:
    """The spans of one code that enter: by a listed coder, on a doc that coder finished.

    ``docs`` are the keys of ``coded_by`` in its order and ``finished[doc, coder]`` says who
    finished which doc; the per-span arrays hold positions into ``docs`` and ``coders``,
    the offsets, and ``row``: the span's position in the input frame (``iloc``).
    """

    docs: tuple[Hashable, ...]
    finished: BoolArray
    doc: IntArray
    coder: IntArray
    start: IntArray
    end: IntArray
    row: IntArray

    @property
    def n_coders(self) -> int:
        return int(self.finished.shape[1])


def _key_index(keys: Sequence[Hashable] | pd.Series) -> pd.Index:
    """Doc or coder keys as an index for hashed look-ups (tuple keys stay single keys)."""
    return pd.Index(list(keys) if not isinstance(keys, pd.Series) else keys, tupleize_cols=False)


def _coder_index(coders: Sequence[Hashable]) -> pd.Index:
    coder_index = _key_index(coders)
    if not coder_index.is_unique:
        raise ValueError("coders must not repeat")
    return coder_index


def _finished(
    docs: Sequence[Hashable],
    coder_index: pd.Index,
    coded_by: Mapping[Any, Collection[Any]],
) -> BoolArray:
    """``finished[doc, coder]``: did the coder finish the doc."""
    finishers = [coded_by[doc] for doc in docs]
    finished = np.zeros((len(docs), len(coder_index)), dtype=np.bool_)
    for column, coder in enumerate(coder_index):
        finished[:, column] = np.fromiter(
            (coder in finishers_of_doc for finishers_of_doc in finishers),
            dtype=np.bool_,
            count=len(finishers),
        )
    return finished


def _offsets(spans: pd.DataFrame, name: str) -> IntArray:
    column = spans[name]
    # An empty frame built from column names alone has object columns; that is no error.
    if column.size and not pd.api.types.is_integer_dtype(column.dtype):
        raise ValueError(f"span {name} offsets must be integers, not {column.dtype}")
    return np.asarray(column, dtype=np.int64)


def entered_spans(
    spans: pd.DataFrame,
    coders: Sequence[Hashable],
    coded_by: Mapping[Any, Collection[Any]],
    code: Hashable,
) -> EnteredSpans:
    """Select and check the spans of ``code`` that enter (see the module docstring).

    Raises ``ValueError`` for missing columns, repeated coders, non-integer offsets
    and entering spans that are empty or start before 0.
    """
    absent = [name for name in SPAN_COLUMNS if name not in spans.columns]
    if absent:
        raise ValueError(f"spans lack the columns: {', '.join(absent)}")
    docs = tuple(coded_by)
    coder_index = _coder_index(coders)
    finished = _finished(docs, coder_index, coded_by)
    of_code = np.flatnonzero((spans["code"] == code).to_numpy(dtype=np.bool_))
    chosen = spans.iloc[of_code]
    doc = _key_index(docs).get_indexer(_key_index(chosen["doc"]))
    coder = coder_index.get_indexer(_key_index(chosen["coder"]))
    known = (doc >= 0) & (coder >= 0)
    known[known] = finished[doc[known], coder[known]]
    start = _offsets(chosen, "start")[known]
    end = _offsets(chosen, "end")[known]
    bad = (start < 0) | (end <= start)
    if np.any(bad):
        first = int(np.flatnonzero(bad)[0])
        example = f"[{start[first]}, {end[first]})"
        raise ValueError(f"{int(bad.sum())} span(s) are not 0 <= start < end, e.g. {example}")
    return EnteredSpans(
        docs,
        finished,
        doc[known].astype(np.int64),
        coder[known].astype(np.int64),
        start,
        end,
        of_code[known].astype(np.int64),
    )


def merge_patterns(
    codes: IntArray, weights: npt.NDArray[np.float64], categories: tuple[Hashable, ...]
) -> WeightedData:
    """Equal rows of ``codes`` merged into one with the summed weight, rows sorted.

    The rows come out in lexicographic order, as :func:`~annotator.core.agreement.data.compress`
    returns them, so both give identical ``WeightedData`` for the same units.
    """
    n_units, n_coders = codes.shape
    if n_units == 0:
        return WeightedData(codes.astype(np.int64), np.zeros(0, dtype=np.float64), categories)
    base = len(categories) + 1
    if base**n_coders <= _PACKED_KEYS_LIMIT:
        # Digit j of the key is coder j's value + 1 (MISSING -> 0), first coder most
        # significant: ascending keys are lexicographically ascending rows.
        keys = np.zeros(n_units, dtype=np.int64)
        for column in range(n_coders):
            keys = keys * base + (codes[:, column] + 1)
        size = base**n_coders
        powers = base ** np.arange(n_coders - 1, -1, -1, dtype=np.int64)
        seen = np.flatnonzero(np.bincount(keys, minlength=size))
        total = np.bincount(keys, weights=weights, minlength=size)[seen]
        digits = (seen[:, None] // powers[None, :]) % base - 1
        return WeightedData(digits.astype(np.int64), total.astype(np.float64), categories)
    rows, inverse = np.unique(codes, axis=0, return_inverse=True)
    total = np.bincount(inverse.ravel(), weights=weights, minlength=rows.shape[0])
    return WeightedData(rows.astype(np.int64), total.astype(np.float64), categories)


def presence_units(
    spans: pd.DataFrame,
    coders: Sequence[Hashable],
    coded_by: Mapping[Any, Collection[Any]],
    code: Hashable,
) -> WeightedData:
    """One unit per doc of ``coded_by``: did the coder apply ``code`` anywhere in it.

    A coder's value is 1 if they applied ``code`` in the doc, 0 if they finished it without
    doing so and ``MISSING`` if they did not finish it.  Equal units are merged (weights =
    number of docs).
    """
    entered = entered_spans(spans, coders, coded_by, code)
    present = np.zeros_like(entered.finished)
    present[entered.doc, entered.coder] = True
    codes = np.where(entered.finished, present.astype(np.int64), MISSING).astype(np.int64)
    return merge_patterns(codes, np.ones(codes.shape[0], dtype=np.float64), BINARY)


def _doc_lengths(docs: Sequence[Hashable], lengths: Mapping[Any, int]) -> IntArray:
    """The docs' lengths in their order; ``ValueError`` if one is unknown or negative."""
    unknown = [doc for doc in docs if doc not in lengths]
    if unknown:
        raise ValueError(f"no length for {len(unknown)} doc(s), e.g. {unknown[0]!r}")
    result = np.fromiter((lengths[doc] for doc in docs), dtype=np.int64, count=len(docs))
    if np.any(result < 0):
        raise ValueError("doc lengths cannot be negative")
    return result


def character_units(
    spans: pd.DataFrame,
    lengths: Mapping[Any, int],
    coders: Sequence[Hashable],
    coded_by: Mapping[Any, Collection[Any]],
    code: Hashable,
) -> WeightedData:
    """Every code point of every doc of ``coded_by`` as a unit: is it covered by ``code``.

    A coder's value is 1 if one of their spans of ``code`` covers the code point (their
    overlapping spans count once), 0 if they finished the doc and none does, ``MISSING`` if
    they did not finish it.  ``lengths[doc]`` is the doc's length in code points; a span
    ending past it raises ``ValueError``.  The weights sum to the total length of the docs.

    No per-character row is built: the docs are laid end to end on one axis, every doc and
    span boundary cuts it into elementary intervals on which every coder's value is
    constant, and each interval becomes one unit pattern weighted by its length.
    """
    entered = entered_spans(spans, coders, coded_by, code)
    sizes = _doc_lengths(entered.docs, lengths)
    too_long = entered.end > sizes[entered.doc]
    if np.any(too_long):
        raise ValueError(f"{int(too_long.sum())} span(s) end past the end of their doc")
    n_coders = entered.n_coders
    offsets = np.concatenate((np.zeros(1, dtype=np.int64), np.cumsum(sizes)))
    if offsets[-1] == 0:
        return merge_patterns(np.zeros((0, n_coders), dtype=np.int64), np.zeros(0), BINARY)
    bounds, covered, doc_of = _elementary_intervals(offsets, entered)
    codes = np.empty(covered.shape, dtype=np.int64)
    for coder in range(entered.n_coders):
        codes[coder] = np.where(entered.finished[doc_of, coder], covered[coder], MISSING)
    return merge_patterns(codes.T, np.diff(bounds).astype(np.float64), BINARY)


def _elementary_intervals(
    offsets: IntArray, entered: EnteredSpans
) -> tuple[IntArray, BoolArray, IntArray]:
    """Cut the axis of docs laid end to end (``offsets``: cumulative lengths) at every doc
    and span boundary: the ``bounds`` of the intervals, ``covered[coder, interval]``
    (coder-major) and the doc of each interval.
    """
    n_coders = entered.n_coders
    # One integer per event, a plain sort of which is several times faster than sorting
    # positions with a payload or searching each one: the position, then a close bit, then
    # the column (the coder, or n_coders for "a doc starts here").
    column_bits = n_coders.bit_length()
    shift = column_bits + 1
    closing = 1 << column_bits
    base = offsets[entered.doc]
    keys = np.concatenate(
        (
            ((base + entered.start) << shift) | entered.coder,
            ((base + entered.end) << shift) | closing | entered.coder,
            (offsets << shift) | n_coders,
        )
    )
    keys.sort()
    position = keys >> shift
    # ends[k]: the last event at the k-th distinct position, where interval k begins.
    ends = np.flatnonzero(position[1:] != position[:-1])
    n_points = ends.size + 1
    step = np.zeros(keys.size, dtype=np.int64)
    step[ends + 1] = 1
    rank = np.cumsum(step)
    bounds = np.concatenate((position[ends], position[-1:]))
    # Per point and column, openings minus closings; the running sum counts a coder's
    # spans over each interval (overlapping spans of one coder count once) and, in the
    # last column, the docs begun so far: the interval's doc is that count - 1 (an empty
    # doc shares its offset with the next one, which the count then lands on).
    width = n_coders + 1
    slot = (((keys >> column_bits) & 1) * width + (keys & (closing - 1))) * n_points + rank
    events = np.bincount(slot, minlength=2 * width * n_points).reshape(2, width, n_points)
    # Coder-major rows keep every running sum on contiguous memory.
    depth = np.cumsum(events[0] - events[1], axis=1)[:, :-1]
    return bounds, depth[:n_coders] > 0, depth[n_coders] - 1


def pool(datas: Sequence[WeightedData]) -> WeightedData:
    """The units of all ``datas`` together, equal patterns merged (weights summed).

    The "all codes" row pools the per-code data, so each doc x code (or each code point x
    code) is a unit of its own.  All inputs must share their categories and number of
    coders; ``ValueError`` otherwise, or when there is nothing to pool.
    """
    if not datas:
        raise ValueError("nothing to pool")
    categories = datas[0].categories
    n_coders = datas[0].n_coders
    for data in datas[1:]:
        if data.categories != categories:
            raise ValueError("pooled data must share their categories")
        if data.n_coders != n_coders:
            raise ValueError("pooled data must have the same coders")
    codes = np.concatenate([data.codes for data in datas], axis=0).astype(np.int64)
    weights = np.concatenate([data.weights for data in datas]).astype(np.float64)
    return merge_patterns(codes, weights, categories)
