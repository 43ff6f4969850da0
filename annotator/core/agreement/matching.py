"""Segment units: coders' spans of one code matched across coders by overlap (Jaccard index).

This is the segment comparison of MAXQDA and QDA Miner: two coded segments "agree" when
they overlap enough, and every matched group or unmatched segment is one unit.  The rule,
precisely (docs and codes never mix):

1. **Segments.**  A coder's spans of the code that overlap (share a code point) are merged
   into one segment, their union; adjacent spans (one ends where the next begins) stay
   separate segments.  Overlapping spans of one coder are a double marking, not two
   statements, and would otherwise be counted as a disagreement of the coder with
   themselves.  The segment's *representative* row is its longest span (then the earliest
   start, then the smallest index label), so callers can show a quote.
2. **Candidates.**  Segments ``A`` and ``B`` of different coders match when their Jaccard
   index ``|A & B| / |A | B|`` (in code points) is at least ``threshold``, in ``(0, 1]``.
3. **Groups, greedy by Jaccard.**  Every segment starts as a group of its own.  Candidate
   pairs are taken by descending Jaccard index, ties by the position of the pair (segments
   ranked by doc in ``coded_by`` order, start, end, coder in ``coders`` order; the pair by
   its earlier, then its later segment).  A pair joins its two groups when they hold no
   coder in common and *every* pair of segments across them is a candidate, so a group holds
   at most one segment per coder and all its segments match pairwise (no chains).  For two
   coders this is the usual greedy one-to-one matching by highest Jaccard index.

The result depends only on the spans' contents, not on their row order.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from annotator.core.agreement.data import MISSING, IntArray, WeightedData
from annotator.core.agreement.span_units import BINARY, EnteredSpans, entered_spans

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class MatchedSegments:
    """Segment units and, aligned row for row, which segments formed each of them.

    ``data.codes[i]`` is unit ``i``: 1 = that coder has a segment in the group, 0 = the
    coder finished the doc and has none there, ``MISSING`` = the coder did not finish it.
    All weights are 1 so rows stay aligned with ``groups``;
    :func:`~annotator.core.agreement.span_units.pool` merges equal patterns.
    ``groups.iloc[i]`` holds the unit's ``doc`` and, in one column per coder (named by the
    coder key), the index label in ``spans`` of that coder's representative span, or -1.
    Units are ordered by doc (``coded_by`` order), then position.

    Every unit has at least one "present" value; joint absences are not units.  Percent
    agreement is then the share of matched segment values, and chance-corrected
    coefficients on this unit are of limited meaning: their expected agreement is computed
    without the text nobody coded.
    """

    data: WeightedData
    groups: pd.DataFrame


@dataclass(frozen=True)
class _Segments:
    """Merged segments, sorted by (doc, start, end, coder): the rank used for every tie."""

    doc: IntArray
    coder: IntArray
    start: IntArray
    end: IntArray
    label: IntArray


def _order(*keys: IntArray) -> IntArray:
    """Indices sorting by ``keys[0]``, then ``keys[1]``, ... (all keys >= 0).

    Packs the keys into one integer when they fit, because an argsort of one integer key
    is an order of magnitude faster than ``np.lexsort``.
    """
    packed = np.zeros(keys[0].size, dtype=np.int64)
    room = 1
    for key in keys:
        size = int(key.max()) + 1 if key.size else 1
        room *= size
        if room >= 1 << 62:
            return np.lexsort(keys[::-1])
        packed = packed * size + key
    return np.argsort(packed)


def _segments(entered: EnteredSpans, labels: IntArray) -> _Segments:
    """Merge each coder's overlapping spans; keep the representative span's label."""
    n_coders = entered.n_coders
    owner = entered.doc * n_coders + entered.coder
    label_rank = np.empty(labels.size, dtype=np.int64)
    label_rank[np.argsort(labels)] = np.arange(labels.size)
    order = _order(owner, entered.start, entered.end, label_rank)
    owner, start, end = owner[order], entered.start[order], entered.end[order]
    labels = labels[order]
    stride = int(end.max()) + 1
    # Running maximum of (owner, end) packed in one integer: owners ascend, so the maximum
    # never leaks from one owner's spans into the next one's.
    reach = np.maximum.accumulate(owner * stride + end)
    opens = np.ones(start.size, dtype=np.bool_)
    opens[1:] = start[1:] >= reach[:-1] - owner[1:] * stride
    firsts = np.flatnonzero(opens)
    member = np.cumsum(opens) - 1
    seg_end = np.maximum.reduceat(end, firsts)
    # Representative: the longest span, then the earliest start, then the smallest label;
    # in this order that is the first span of the segment with the segment's longest length.
    length = end - start
    longest = np.flatnonzero(length == np.maximum.reduceat(length, firsts)[member])
    representative = labels[longest[np.flatnonzero(np.diff(member[longest], prepend=-1))]]
    seg_owner, seg_start = owner[firsts], start[firsts]
    doc, coder = seg_owner // n_coders, seg_owner % n_coders
    rank = _order(doc, seg_start, seg_end, coder)
    return _Segments(doc[rank], coder[rank], seg_start[rank], seg_end[rank], representative[rank])


def _candidates(segments: _Segments, threshold: float) -> tuple[IntArray, IntArray, FloatArray]:
    """Pairs ``i < j`` of overlapping segments with Jaccard >= threshold, and the index."""
    stride = int(segments.end.max()) + 1
    first = segments.doc * stride + segments.start
    last = segments.doc * stride + segments.end
    # In rank order, the segments overlapping segment i from later ranks are exactly those
    # starting before i ends (same doc, since offsets stay below the stride).
    reach = np.searchsorted(first, last, side="left")
    counts = reach - np.arange(first.size) - 1
    left = np.repeat(np.arange(first.size, dtype=np.int64), counts)
    step = np.arange(left.size, dtype=np.int64) - np.repeat(np.cumsum(counts) - counts, counts)
    right = left + 1 + step
    inter = np.minimum(segments.end[left], segments.end[right]) - segments.start[right]
    union = np.maximum(segments.end[left], segments.end[right]) - segments.start[left]
    # Integer division to float is correctly rounded, so a ratio equal to a decimal
    # threshold (3/10 and 0.3) compares as equal.
    jaccard = inter / union
    keep = jaccard >= threshold
    return left[keep], right[keep], jaccard[keep]


def _components(n: int, left: IntArray, right: IntArray) -> IntArray:
    """Each node's component, named by its smallest node (label propagation)."""
    label = np.arange(n, dtype=np.int64)
    while True:
        lowered = label.copy()
        np.minimum.at(lowered, left, label[right])
        np.minimum.at(lowered, right, label[left])
        lowered = lowered[lowered]
        if np.array_equal(lowered, label):
            return label
        label = lowered


def _greedy(
    group: IntArray, coder: IntArray, left: IntArray, right: IntArray, jaccard: FloatArray
) -> None:
    """Join groups along candidate pairs by descending Jaccard (the module's rule 3), in place.

    The pairs come in (left, right) order, the tie order; every node they touch must start
    alone (``group[i] == i``).  Groups are named by their smallest node.
    """
    n = group.size
    candidates = set((left * n + right).tolist())
    touched = np.zeros(n, dtype=np.bool_)
    touched[left] = touched[right] = True
    nodes = np.flatnonzero(touched)
    root = dict(zip(nodes.tolist(), nodes.tolist(), strict=True))
    members = {node: [node] for node in root}
    coders = dict(zip(root, (1 << coder[nodes]).tolist(), strict=True))
    order = np.argsort(-jaccard, kind="stable")
    for a, b in zip(left[order].tolist(), right[order].tolist(), strict=True):
        root_a, root_b = root[a], root[b]
        if root_a == root_b or coders[root_a] & coders[root_b]:
            continue
        in_a, in_b = members[root_a], members[root_b]
        if (len(in_a) > 1 or len(in_b) > 1) and not all(
            (x * n + y if x < y else y * n + x) in candidates for x in in_a for y in in_b
        ):
            continue
        keep, drop = (root_a, root_b) if root_a < root_b else (root_b, root_a)
        members[keep] = in_a + in_b
        coders[keep] |= coders.pop(drop)
        for node in members.pop(drop):
            root[node] = keep
    group[np.fromiter(root.keys(), dtype=np.int64)] = np.fromiter(root.values(), dtype=np.int64)


def _groups(segments: _Segments, n_coders: int, threshold: float) -> IntArray:
    """Each segment's group, named by its first segment in rank order."""
    n = segments.doc.size
    left, right, jaccard = _candidates(segments, threshold)
    group = _components(n, left, right)
    size = np.bincount(group, minlength=n)
    pairs = np.bincount(group[left], minlength=n)
    repeated = np.bincount(group * n_coders + segments.coder, minlength=n * n_coders) > 1
    # A component whose segments all match pairwise, one per coder, ends up as one group
    # whatever the order; only the others need the sequential greedy rule.
    settled = (pairs == size * (size - 1) // 2) & ~repeated.reshape(n, n_coders).any(axis=1)
    open_pairs = ~settled[group[left]]
    loose = np.flatnonzero(~settled[group])
    group[loose] = loose
    _greedy(group, segments.coder, left[open_pairs], right[open_pairs], jaccard[open_pairs])
    return group


def match_segments(
    spans: pd.DataFrame,
    coders: Sequence[Hashable],
    coded_by: Mapping[Any, Collection[Any]],
    code: Hashable,
    threshold: float = 0.5,
) -> MatchedSegments:
    """Match the coders' segments of ``code`` doc by doc (rule in the module docstring).

    ``spans``, ``coders`` and ``coded_by`` are as in
    :mod:`~annotator.core.agreement.span_units`; the index of ``spans`` must hold unique
    integer labels (the default RangeIndex does), which ``groups`` points at.
    ``ValueError`` for a threshold outside ``(0, 1]``, a coder named "doc", or invalid spans.
    """
    if not 0.0 < threshold <= 1.0:
        raise ValueError("the overlap threshold must be in (0, 1]")
    labelled = pd.api.types.is_integer_dtype(spans.index.dtype) and spans.index.is_unique
    if len(spans.index) and not labelled:
        raise ValueError("spans must have unique integer index labels (e.g. a RangeIndex)")
    if "doc" in list(coders):
        raise ValueError('a coder cannot be named "doc": that is the groups\' doc column')
    entered = entered_spans(spans, coders, coded_by, code)
    n_coders = entered.n_coders
    if entered.doc.size == 0:
        empty = np.zeros((0, n_coders), dtype=np.int64)
        return MatchedSegments(
            WeightedData(empty, np.zeros(0, dtype=np.float64), BINARY),
            _frame([], empty, coders),
        )
    labels = spans.index.to_numpy(dtype=np.int64)[entered.row]
    segments = _segments(entered, labels)
    group = _groups(segments, n_coders, threshold)
    # Groups are named by their first segment, so the heads are the segments naming
    # themselves and the units come out in rank order.
    heads = np.flatnonzero(group == np.arange(group.size))
    unit = (np.cumsum(group == np.arange(group.size)) - 1)[group]
    rows = np.full((heads.size, n_coders), -1, dtype=np.int64)
    rows[unit, segments.coder] = segments.label
    unit_doc = segments.doc[heads]
    absent = np.where(entered.finished[unit_doc], 0, MISSING)
    codes = np.where(rows >= 0, 1, absent).astype(np.int64)
    data = WeightedData(codes, np.ones(heads.size, dtype=np.float64), BINARY)
    return MatchedSegments(data, _frame([entered.docs[i] for i in unit_doc.tolist()], rows, coders))


def _frame(docs: list[Hashable], rows: IntArray, coders: Sequence[Hashable]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=pd.Index(list(coders), tupleize_cols=False))
    frame.insert(0, "doc", pd.Series(docs, dtype=object))
    return frame
