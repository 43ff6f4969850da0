"""Krippendorff's alpha for unitized continua: agreement on where coders' spans begin and end.

Each document is a continuum ``[0, length)`` of code points.  For one code, a coder's spans cut
it into *units* (the spans) and *gaps* (everything else); alpha compares these segments across
coders, gaps included.  Two published definitions are implemented (``version``):

**2004** (default): Krippendorff (1995) "On the reliability of unitizing continuous data",
Sociological Methodology 25: 47-76, in the discrete form of Krippendorff (2004) *Content
Analysis*, 2nd ed. (worked example p. 254; see also Quality & Quantity 38: 787-800).  With
``m`` coders on a continuum of length ``L``, a segment ``g`` with begin ``b``, end ``e``,
length ``l``::

    d2(g, h) = (b_g - b_h)^2 + (e_g - e_h)^2   units g, h that overlap
             = l_g^2                             unit g lying inside gap h (and vice versa)
             = 0                                 otherwise (two gaps; disjoint segments)
    D_o = sum_{i != j} sum_{g of i, h of j} d2(g, h) / (m (m - 1) L^2)
    D_e = 2/L * sum_{units g} [(N - 1) (2 l^3 - 3 l^2 + l) / 3
                               + l^2 sum_{gaps h of any coder, l_h >= l} (l_h - l + 1)]
          / (m L (m L - 1) - sum_{units} l (l - 1))

``N`` is the number of units of all coders; ``alpha = 1 - D_o / D_e``.  The 2016 paper below
reports that this definition misbehaves with more than two coders.

**2016**: Krippendorff, Mathet, Bouvry & Widlöcher (2016) "On the reliability of unitizing
textual continua: Further developments", Quality & Quantity 50: 2347-2364, the binary |u-alpha
of that family (as in *Content Analysis*, 4th ed., 2019, sec. 12.6; ATLAS.ti's "alpha binary")::

    l_01 + l_10 = sum_{i != j} |units of i  intersected with  gaps of j| * 2 / (m - 1)
    n = m L,  n_1 = sum of unit lengths,  n_0 = n - n_1
    D_o = (l_01 + l_10) / n
    D_e = 2 n_0 n_1 / (n^2 - sum_{units} l^2 - n_0)

i.e. nominal alpha over code points, except that two points of one unit are no chance pair
(a gap's points are separate, hence ``n_0`` rather than squares).

Many documents: every document is its own continuum, the coders of document ``d`` are ``m_d``,
and pairs of coders are weighted ``1 / (m_d - 1)`` as alpha weights pairable values.  This
equals placing the documents end to end (with the same coders everywhere) with a segment
boundary at each document boundary, so a unit can never be expected to straddle two documents.
``L`` is the summed length of the documents that enter and ``n = sum_d m_d L_d``.

Several codes (``code=None``): Krippendorff (2004) pools the categories as
``alpha = 1 - sum_c D_o(c) / sum_c D_e(c)``, each code on its own binary continuum, so units of
different codes by one coder may overlap.  The 2016 multi-valued u-alpha needs mutually
exclusive codes, which spans of this app are not, so ``version=2016`` pools its binary
coefficient over codes in the same way.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Mapping
from dataclasses import dataclass
from typing import Literal, TypeVar

import numpy as np
import numpy.typing as npt
import pandas as pd

from annotator.core.agreement.result import FEWER_THAN_TWO_CODERS, NO_DATA, AgreementResult

NO_VARIATION = "no variation in the continuum"
"""Expected disagreement is zero, e.g. every continuum is wholly covered by units."""

Version = Literal[2004, 2016]
VERSIONS: tuple[Version, ...] = (2004, 2016)
COLUMNS = ("coder", "doc", "start", "end", "code")
IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
Doc = TypeVar("Doc", bound=Hashable)
"""A document key; generic because Mapping keys are invariant (dict[int, int] must fit)."""


@dataclass(frozen=True)
class UnitizedDisagreement:
    """Observed and expected disagreement (summed over codes), with what entered.

    ``docs`` counts the documents with at least two coders, ``segments`` the units and gaps of
    all their coders' continua (per code, summed over codes).  ``reason`` is set, and alpha
    undefined, when there is nothing to compare or the expected disagreement is zero.
    """

    observed: float
    expected: float
    docs: int
    segments: int
    reason: str | None = None


@dataclass(frozen=True)
class _Continua:
    """The continua that enter: one *slot* per (document, counted coder), sorted by document."""

    slot_key: IntArray
    """``doc * n_coders + coder`` of each slot, ascending."""
    slot_doc: IntArray
    slot_length: IntArray
    doc_coders: IntArray
    """``m_d`` by document index."""
    pair_a: IntArray
    pair_b: IntArray
    pair_weight: FloatArray
    """Directed pairs of slots on one document, weighted ``1 / (m_d - 1)``."""
    docs: int
    total_length: float
    """``L``: the summed length of the documents that enter."""
    big: int
    """Greater than any offset, to sort (slot, offset) as the single key slot * big + offset."""

    @property
    def pairable(self) -> float:  # n = sum_d m_d L_d
        return float(self.slot_length.sum())


@dataclass(frozen=True)
class _Units:
    """One code's units, merged per slot and sorted by (slot, start)."""

    slot: IntArray
    start: IntArray
    end: IntArray


def unitized_alpha(
    spans: pd.DataFrame,
    lengths: Mapping[Doc, int],
    code: Hashable | None = None,
    *,
    coders_by_doc: Mapping[Doc, Collection[Hashable]] | None = None,
    version: Version = 2004,
) -> AgreementResult:
    """Krippendorff's alpha for unitized data (see the module docstring for the formulas).

    ``spans`` has the columns ``coder``, ``doc``, ``start``, ``end``, ``code`` with half-open
    integer offsets ``[start, end)`` into the document's continuum ``[0, lengths[doc])``.
    ``code=X`` is the binary coefficient of code X (X-units against everything else);
    ``code=None`` pools all codes that occur.  ``lengths`` decides which documents exist; spans
    on other documents are ignored.  The coders of a document are those with a span there
    (of any code), or, when ``coders_by_doc`` is given, exactly the ones it lists (a coder
    listed without spans left the whole document as one gap); spans of unlisted coders are
    ignored.  Documents with fewer than two coders or of length 0 are skipped.  A coder's
    overlapping spans of one code are merged into one unit first (spans that only touch stay
    two units).  ``units`` of the result = documents that entered, ``pairable`` = segments
    (units and gaps, per code) that entered.  Undefined (value ``None``) with :data:`NO_DATA`
    when there is no document or no span of the code in the documents that enter, with
    :data:`FEWER_THAN_TWO_CODERS` when no document has two coders, and with
    :data:`NO_VARIATION` when the expected disagreement is zero.  Raises ``ValueError`` for a
    missing column or a span that entered with offsets outside its document.
    """
    name = f"Krippendorff's unitizing alpha ({version})"
    result = unitized_disagreement(spans, lengths, code, coders_by_doc=coders_by_doc,
                                   version=version)
    if result.reason is not None:
        return AgreementResult.undefined(name, result.reason, result.docs, result.segments)
    return AgreementResult(name, 1.0 - result.observed / result.expected, result.docs,
                           result.segments)


def unitized_disagreement(
    spans: pd.DataFrame,
    lengths: Mapping[Doc, int],
    code: Hashable | None = None,
    *,
    coders_by_doc: Mapping[Doc, Collection[Hashable]] | None = None,
    version: Version = 2004,
) -> UnitizedDisagreement:
    """``D_o`` and ``D_e`` behind :func:`unitized_alpha` (same arguments), summed over codes."""
    if version not in VERSIONS:
        raise ValueError(f"version must be 2004 or 2016, not {version!r}")
    missing = [column for column in COLUMNS if column not in spans.columns]
    if missing:
        raise ValueError(f"spans lack the column(s) {', '.join(missing)}")
    if not lengths or (spans.empty and coders_by_doc is None):
        return UnitizedDisagreement(0.0, 0.0, 0, 0, NO_DATA)
    doc_length = np.fromiter((int(v) for v in lengths.values()), np.int64, len(lengths))
    span_doc = pd.Index(list(lengths)).get_indexer(spans["doc"]).astype(np.int64)
    # Coders count per document whatever code they applied, so do this before choosing code.
    span_coder, coder_ids = _coder_indices(spans, coders_by_doc)
    keys = _slot_keys(span_doc, span_coder, coder_ids, lengths, coders_by_doc)
    continua = _continua(keys, doc_length, len(coder_ids))
    if continua is None:
        return UnitizedDisagreement(0.0, 0.0, 0, 0, FEWER_THAN_TWO_CODERS if keys.size
                                    else NO_DATA)
    enter = _slot_of(span_doc * len(coder_ids) + span_coder, continua.slot_key) >= 0
    if code is not None:
        enter &= (spans["code"] == code).to_numpy(dtype=np.bool_)
    if not enter.any():
        return UnitizedDisagreement(0.0, 0.0, continua.docs, int(continua.slot_key.size),
                                    NO_DATA)
    slot = _slot_of(span_doc[enter] * len(coder_ids) + span_coder[enter], continua.slot_key)
    start, end = _offsets(spans, enter, continua.slot_length[slot])
    code_index, _ = pd.factorize(spans["code"].to_numpy()[enter], use_na_sentinel=False)
    measure = _disagreement_2004 if version == 2004 else _disagreement_2016
    observed = expected = 0.0
    segments = 0
    for units in _units_by_code(code_index.astype(np.int64), slot, start, end, continua.big):
        gaps = _gap_lengths(units, continua)
        o, e = measure(units, gaps, continua)
        observed, expected = observed + o, expected + e
        segments += units.slot.size + gaps.size
    reason = NO_VARIATION if expected <= 0.0 else None
    return UnitizedDisagreement(observed, expected, continua.docs, segments, reason)


def _coder_indices(
    spans: pd.DataFrame, coders_by_doc: Mapping[Doc, Collection[Hashable]] | None
) -> tuple[IntArray, dict[Hashable, int]]:
    """Integer coder ids for the spans, and the id of every coder seen (spans or mapping)."""
    span_coder, labels = pd.factorize(spans["coder"].to_numpy())
    if (span_coder < 0).any():
        raise ValueError("a span has no coder")
    ids: dict[Hashable, int] = {label: i for i, label in enumerate(labels)}
    for coders in (coders_by_doc or {}).values():
        for coder in coders:
            ids.setdefault(coder, len(ids))
    return span_coder.astype(np.int64), ids


def _slot_keys(
    span_doc: IntArray,
    span_coder: IntArray,
    coder_ids: dict[Hashable, int],
    lengths: Mapping[Doc, int],
    coders_by_doc: Mapping[Doc, Collection[Hashable]] | None,
) -> IntArray:
    """Sorted keys ``doc * n_coders + coder`` of the (document, coder) pairs that count."""
    n_coders = len(coder_ids)
    if coders_by_doc is None:
        known = span_doc >= 0
        keys = span_doc[known] * n_coders + span_coder[known]
    else:
        position = {doc: i for i, doc in enumerate(lengths)}
        keys = np.array([position[doc] * n_coders + coder_ids[coder]
                         for doc, coders in coders_by_doc.items() if doc in position
                         for coder in coders], dtype=np.int64)
    return np.unique(keys)


def _continua(slot_key: IntArray, doc_length: IntArray, n_coders: int) -> _Continua | None:
    """The slots of documents with two or more coders and a positive length, and their pairs."""
    slot_doc = slot_key // max(n_coders, 1)
    coders = np.bincount(slot_doc, minlength=doc_length.size)
    keep = (coders[slot_doc] >= 2) & (doc_length[slot_doc] > 0)
    slot_key, slot_doc = slot_key[keep], slot_doc[keep]
    if not slot_key.size:
        return None
    coders = np.bincount(slot_doc, minlength=doc_length.size)
    first = np.searchsorted(slot_doc, np.arange(doc_length.size))
    pairs_a, pairs_b, weights = [], [], []
    for m in np.unique(coders[coders >= 2]).tolist():
        firsts = first[coders == m]
        for a in range(m):
            for b in range(m):
                if a != b:
                    pairs_a.append(firsts + a)
                    pairs_b.append(firsts + b)
                    weights.append(np.full(firsts.size, 1.0 / (m - 1)))
    entering = coders >= 2
    return _Continua(
        slot_key=slot_key,
        slot_doc=slot_doc,
        slot_length=doc_length[slot_doc],
        doc_coders=coders,
        pair_a=np.concatenate(pairs_a),
        pair_b=np.concatenate(pairs_b),
        pair_weight=np.concatenate(weights),
        docs=int(entering.sum()),
        total_length=float(doc_length[entering].sum()),
        big=int(doc_length.max()) + 1,
    )


def _slot_of(keys: IntArray, slot_key: IntArray) -> IntArray:
    """The slot index of each key, -1 where the (document, coder) pair does not enter."""
    index = np.minimum(np.searchsorted(slot_key, keys), slot_key.size - 1)
    return np.where(slot_key[index] == keys, index, -1)


def _offsets(spans: pd.DataFrame, enter: npt.NDArray[np.bool_],
             length: IntArray) -> tuple[IntArray, IntArray]:
    """Integer ``start``/``end`` of the entering spans, checked against their document."""
    bounds = []
    for column in ("start", "end"):
        values = pd.to_numeric(spans[column].to_numpy()[enter], errors="coerce")
        as_float = np.asarray(values, dtype=np.float64)
        if not np.all(np.isfinite(as_float)) or np.any(as_float != np.round(as_float)):
            raise ValueError(f"span {column} offsets must be integers")
        bounds.append(as_float.astype(np.int64))
    start, end = bounds
    bad = (start < 0) | (end <= start) | (end > length)
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise ValueError(f"span [{start[i]}, {end[i]}) is empty or outside [0, {length[i]})")
    return start, end


def _units_by_code(code_index: IntArray, slot: IntArray, start: IntArray, end: IntArray,
                   big: int) -> list[_Units]:
    """Each code's units, a coder's overlapping spans of the code merged into one unit."""
    order = np.lexsort((end, start, slot, code_index))
    code_index, slot, start, end = code_index[order], slot[order], start[order], end[order]
    bounds = np.flatnonzero(np.diff(code_index)) + 1
    result = []
    for s, b, e in zip(np.split(slot, bounds), np.split(start, bounds), np.split(end, bounds),
                       strict=True):
        # A span begins a new unit unless it starts before the furthest end so far of its
        # slot; keying by slot * big keeps the running maximum from crossing slots.
        reach = np.maximum.accumulate(s * big + e)
        new = np.ones(s.size, dtype=np.bool_)
        new[1:] = s[1:] * big + b[1:] >= reach[:-1]
        heads = np.flatnonzero(new)
        result.append(_Units(s[heads], b[heads], np.maximum.reduceat(e, heads)))
    return result


def _gap_lengths(units: _Units, continua: _Continua) -> IntArray:
    """Lengths of all gaps: before each unit, after each slot's last unit, and empty slots."""
    slot, start, end = units.slot, units.start, units.end
    same = np.zeros(slot.size, dtype=np.bool_)
    same[1:] = slot[1:] == slot[:-1]
    before = start.copy()
    before[1:] -= np.where(same[1:], end[:-1], 0)
    last = np.ones(slot.size, dtype=np.bool_)
    last[:-1] = ~same[1:]
    after = continua.slot_length[slot[last]] - end[last]
    unused = np.bincount(slot, minlength=continua.slot_length.size) == 0
    gaps = np.concatenate((before, after, continua.slot_length[unused]))
    return gaps[gaps > 0]


def _disagreement_2004(units: _Units, gaps: IntArray, continua: _Continua) -> tuple[float, float]:
    """``(D_o, D_e)`` of one code, Krippendorff (2004)."""
    n, total = continua.pairable, continua.total_length
    length = (units.end - units.start).astype(np.float64)
    observed = _observed_2004(units, continua)
    # For a unit of length l: sum over gaps with l_h >= l of (l_h - l + 1) placements.
    ordered = np.sort(gaps).astype(np.float64)
    tail = np.concatenate((np.cumsum(ordered[::-1])[::-1], [0.0]))
    at = np.searchsorted(ordered, length, side="left")
    placements = tail[at] - (length - 1.0) * (ordered.size - at)
    within = (length.size - 1) * (2.0 * length**3 - 3.0 * length**2 + length) / 3.0
    chance = 2.0 * float(np.sum(within + length**2 * placements))
    denominator = n * (n - 1.0) - float(np.sum(length * (length - 1.0)))
    return observed / (n * total), chance / (total * denominator)


def _observed_2004(units: _Units, continua: _Continua) -> float:
    """``sum_{i != j} sum_{g, h} d2(g, h)``, pairs weighted ``1 / (m_d - 1)``.

    Per directed pair (a, b): the overlapping unit pairs once, and twice each unit of a inside a
    gap of b (overlapping no unit of b); over (a, b) and (b, a) that is every nonzero d2.
    """
    big = continua.big
    count = np.bincount(units.slot, minlength=continua.slot_length.size)
    first = np.searchsorted(units.slot, np.arange(count.size))
    pair, g = _ragged(first[continua.pair_a], count[continua.pair_a])
    weight = continua.pair_weight[pair]
    other = continua.pair_b[pair] * big
    # Units of one slot do not overlap, so both their starts and ends ascend: the units of b
    # overlapping g are the run from the first ending after g starts to the last starting
    # before g ends.
    low = np.searchsorted(units.slot * big + units.end, other + units.start[g], side="right")
    high = np.searchsorted(units.slot * big + units.start, other + units.end[g], side="left")
    overlaps = high - low
    alone = overlaps == 0
    length = (units.end[g] - units.start[g]).astype(np.float64)
    inside_gap = float(np.sum(2.0 * weight[alone] * length[alone] ** 2))
    row, h = _ragged(low, overlaps)
    gi = g[row]
    begin = (units.start[gi] - units.start[h]).astype(np.float64)
    finish = (units.end[gi] - units.end[h]).astype(np.float64)
    return inside_gap + float(np.sum(weight[row] * (begin**2 + finish**2)))


def _disagreement_2016(units: _Units, gaps: IntArray, continua: _Continua) -> tuple[float, float]:
    """``(D_o, D_e)`` of one code, the binary |u-alpha of Krippendorff et al. (2016)."""
    n = continua.pairable
    length = (units.end - units.start).astype(np.float64)
    doc = np.concatenate((continua.slot_doc[units.slot],) * 2)
    offset = np.concatenate((units.start, units.end))
    step = np.concatenate((np.ones(length.size), -np.ones(length.size)))
    order = np.lexsort((offset, doc))
    doc, offset, step = doc[order], offset[order], step[order]
    # Between consecutive events of one document, k of its m coders cover every point:
    # 2 k (m - k) ordered pairs of coders disagree there.
    covered = np.cumsum(step)[:-1]
    width = np.where(doc[1:] == doc[:-1], np.diff(offset), 0).astype(np.float64)
    m = continua.doc_coders[doc[:-1]].astype(np.float64)
    observed = float(np.sum(2.0 * covered * (m - covered) / (m - 1.0) * width))
    n_1 = float(length.sum())
    n_0 = n - n_1
    denominator = n * n - float(np.sum(length**2)) - n_0
    expected = 2.0 * n_0 * n_1 / denominator if denominator > 0 else 0.0
    return observed / n, expected


def _ragged(first: IntArray, count: IntArray) -> tuple[IntArray, IntArray]:
    """For runs ``first[i] .. first[i] + count[i] - 1``: each element's run and its value."""
    owner = np.repeat(np.arange(count.size), count)
    offset = np.arange(owner.size) - np.repeat(np.cumsum(count) - count, count)
    return owner, first[owner] + offset
