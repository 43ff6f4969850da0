"""Where two coders differ: the rows of the report's disagreement list.

For span units a post and code are listed for a pair of coders when the unit tells them
apart: for *presence* when only one of them applied the code; for *character* and
*unitized* when the characters they covered differ; for *segment* when a segment of one
has no match in the other's (the caller passes those posts and codes).  For variables, when
both gave a value and the values differ.  Each row shows everything both coders did there.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Mapping, Sequence
from itertools import combinations
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from annotator.core.agreement.report import Disagreement, UnitKind

Interval = tuple[int, int]
Key = tuple[int, int]
"""(post id, code id)."""


def covered(spans: Sequence[Interval]) -> tuple[Interval, ...]:
    """The union of ``spans`` as sorted, disjoint intervals (touching ones joined)."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((start, end) for start, end in merged)


def span_disagreements(
    spans: pd.DataFrame,
    unit: UnitKind,
    coded_by: Mapping[int, frozenset[int]],
    names: Mapping[int, str],
    labels: Mapping[int, str],
    paths: Mapping[int, str],
    unmatched: Collection[tuple[int, int, int, int]] | None = None,
) -> list[Disagreement]:
    """Disagreements on span codes ``paths`` (code id -> path) between pairs of ``names``.

    ``unmatched`` holds, for the segment unit, the (doc, code, coder a, coder b) where a
    segment of either coder has no match in the other's.  Rows come in post, code (in the
    order of ``paths``) and coder-name order.  Coverage is compared through a 64-bit hash
    of each coder's merged intervals (a collision, about 2^-64 per comparison, would hide
    one difference), so that tens of thousands of posts take a fraction of a second.
    """
    spans = spans[spans["code"].isin(list(paths))]
    if spans.empty or len(names) < 2:
        return []
    doc = spans["doc"].to_numpy(np.int64)
    code = spans["code"].to_numpy(np.int64)
    coder = spans["coder"].to_numpy(np.int64)
    start = spans["start"].to_numpy(np.int64)
    end = spans["end"].to_numpy(np.int64)
    coders = list(names)
    column = {c: i for i, c in enumerate(coders)}
    width = int(code.max()) + 1
    packed, group = np.unique(doc * width + code, return_inverse=True)
    keys = np.stack([packed // width, packed % width])
    group = group.reshape(-1)
    coder_col = np.asarray([column.get(int(c), -1) for c in coder], dtype=np.int64)
    known = coder_col >= 0
    signature = np.zeros((keys.shape[1], len(coders)), dtype=np.uint64)
    has = np.zeros((keys.shape[1], len(coders)), dtype=np.bool_)
    has[group[known], coder_col[known]] = True
    if unit is UnitKind.PRESENCE:
        signature[has] = 1
    else:
        _coverage_signatures(signature, group[known], coder_col[known], start[known], end[known])
    finished = np.zeros_like(has)
    for g, d in enumerate(keys[0]):
        for c in coded_by.get(int(d), ()):
            if c in column:
                finished[g, column[c]] = True
    flagged: list[tuple[int, int, int]] = []
    order = sorted(range(len(coders)), key=lambda i: (names[coders[i]].casefold(), coders[i]))
    if unit is UnitKind.SEGMENT:
        where = {(int(d), int(k)): g for g, (d, k) in enumerate(keys.T)}
        rank = {coders[i]: r for r, i in enumerate(order)}
        for d, k, a, b in unmatched or ():
            found = where.get((d, k))
            if found is not None and a in rank and b in rank and rank[a] < rank[b] \
                    and finished[found, column[a]] and finished[found, column[b]]:
                flagged.append((found, column[a], column[b]))
    else:
        for x, y in combinations(order, 2):
            both = finished[:, x] & finished[:, y]
            differ = signature[:, x] != signature[:, y]
            flagged += [(int(g), x, y) for g in np.flatnonzero(both & differ)]
    return _rows(spans, keys, group, coder_col, flagged, coders, names, labels, paths)


def _coverage_signatures(
    signature: npt.NDArray[np.uint64],
    group: npt.NDArray[np.int64],
    coder: npt.NDArray[np.int64],
    start: npt.NDArray[np.int64],
    end: npt.NDArray[np.int64],
) -> None:
    """Fill ``signature[group, coder]`` with a hash of the union of that coder's spans."""
    order = np.lexsort((end, start, coder, group))
    g, c, s, e = group[order], coder[order], start[order], end[order]
    first = np.ones(len(g), dtype=np.bool_)
    first[1:] = (g[1:] != g[:-1]) | (c[1:] != c[:-1])
    owner = np.cumsum(first) - 1
    reach = pd.Series(e).groupby(owner).cummax().to_numpy()
    previous = np.empty_like(reach)
    previous[0] = -1
    previous[1:] = reach[:-1]
    opens = first | (s > previous)
    merged_end = np.maximum.reduceat(e, np.flatnonzero(opens))
    merged_start = s[opens]
    mixed = _mix((merged_start.astype(np.uint64) << np.uint64(32))
                 ^ merged_end.astype(np.uint64))
    per_owner = np.add.reduceat(mixed, np.flatnonzero(np.r_[True, np.diff(owner[opens]) != 0]))
    signature[g[first], c[first]] = per_owner


def _mix(values: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    """splitmix64's finaliser: a well-spread 64-bit hash of each value (wrapping)."""
    with np.errstate(over="ignore"):
        z = values + np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return z ^ (z >> np.uint64(31))


def _rows(
    spans: pd.DataFrame,
    keys: npt.NDArray[np.int64],
    group: npt.NDArray[np.int64],
    coder_col: npt.NDArray[np.int64],
    flagged: list[tuple[int, int, int]],
    coders: Sequence[int],
    names: Mapping[int, str],
    labels: Mapping[int, str],
    paths: Mapping[int, str],
) -> list[Disagreement]:
    """The rows of ``flagged`` (group, coder column a, coder column b), with both coders' spans."""
    wanted = np.zeros(keys.shape[1], dtype=np.bool_)
    wanted[[g for g, _, _ in flagged]] = True
    pick = np.flatnonzero(wanted[group] & (coder_col >= 0))
    by_owner: dict[tuple[int, int], list[tuple[int, int, str]]] = {}
    for g, c, s, e, q in zip(group[pick].tolist(), coder_col[pick].tolist(),
                             spans["start"].to_numpy()[pick].tolist(),
                             spans["end"].to_numpy()[pick].tolist(),
                             spans["quote"].to_numpy()[pick].tolist(), strict=True):
        by_owner.setdefault((g, c), []).append((s, e, q))
    position = {code: i for i, code in enumerate(paths)}
    flagged.sort(key=lambda f: (int(keys[0, f[0]]), position[int(keys[1, f[0]])], f[1], f[2]))
    rows = []
    for g, x, y in flagged:
        doc, code = int(keys[0, g]), int(keys[1, g])
        mine = sorted(by_owner.get((g, x), []))
        theirs = sorted(by_owner.get((g, y), []))
        rows.append(Disagreement(
            post_id=doc, post_label=labels.get(doc, str(doc)), code_id=code,
            code_path=paths[code], coder_a=names[coders[x]], coder_b=names[coders[y]],
            a=_describe(mine), b=_describe(theirs), start=_first_difference(mine, theirs),
            a_spans=tuple(mine), b_spans=tuple(theirs)))
    return rows


def value_disagreements(
    values: pd.DataFrame,
    code_id: int,
    path: str,
    coded_by: Mapping[int, frozenset[int]],
    names: Mapping[int, str],
    labels: Mapping[int, str],
    show: Callable[[Any], str],
) -> list[Disagreement]:
    """Posts where two coders both set variable ``code_id`` to different values."""
    own = values[values["code"] == code_id]
    by_doc: dict[int, dict[int, Any]] = {}
    for coder, doc, value in zip(own["coder"], own["doc"], own["value"], strict=True):
        by_doc.setdefault(doc, {})[coder] = value
    rows: list[Disagreement] = []
    for doc in sorted(by_doc, key=lambda d: (labels.get(d, ""), d)):
        given = by_doc[doc]
        finished = sorted(coded_by.get(doc, ()), key=lambda c: (names[c].casefold(), c))
        for a, b in combinations([c for c in finished if c in given], 2):
            if given[a] != given[b]:
                rows.append(Disagreement(
                    post_id=doc, post_label=labels.get(doc, str(doc)), code_id=code_id,
                    code_path=path, coder_a=names[a], coder_b=names[b],
                    a=show(given[a]), b=show(given[b])))
    return rows


def _describe(spans: Sequence[tuple[int, int, str]]) -> str:
    return "\n".join(f'[{start}, {end}) "{quote.replace(chr(10), "⏎")}"'
                     for start, end, quote in sorted(spans))


def _first_difference(
    mine: Sequence[tuple[int, int, str]], theirs: Sequence[tuple[int, int, str]]
) -> int | None:
    """Where the first span that only one of the two coders has begins."""
    a = {(s, e) for s, e, _ in mine}
    b = {(s, e) for s, e, _ in theirs}
    only = sorted(a ^ b)
    return only[0][0] if only else None


def level_names(display: Mapping[Hashable, str]) -> Callable[[Any], str]:
    """How a stored variable value reads in the list (level names, yes/no, lists)."""
    def show(value: Any) -> str:
        if isinstance(value, list):
            return ", ".join(display.get(item, str(item)) for item in value)
        if isinstance(value, bool | str):
            return display.get(value, str(value))
        return str(value)
    return show
