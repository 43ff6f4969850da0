"""The coding tables: Annotations (tidy spans), Variables (tidy values) and Matrix (0/1).

All three are built column-wise from the snapshot's frames with positional look-ups, never
row by row, so 200,000 annotations take a fraction of a second.  Rows follow the posts'
reading order, then the coder's name, then the position in the text and the codebook order.
The adjudicated (gold) layer, when exported, follows the coders within each post: its rows
carry the gold coder's name in ``coder`` and ``adjudicated`` in ``layer`` (``coder`` for
everyone else).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from annotator.core.codebook.spec import VariableType
from annotator.core.export.columns import LIST_SEPARATOR, level_columns, table
from annotator.core.export.model import ColumnKind, Table
from annotator.core.export.snapshot import Snapshot
from annotator.core.model import Code, PostStatus

IntArray = npt.NDArray[np.int64]

ANNOTATIONS_DESCRIPTION = (
    "Tidy: one row per annotation (one span of one code by one coder). start and end are "
    "character offsets into the post's text in Unicode code points, end exclusive, so quote "
    "equals text[start:end] in Python (substr(text, start + 1, end) in R). Join to Posts on "
    "post_id and to Codebook on code_path or code_uuid. layer is \"coder\" for a coder's "
    "work and \"adjudicated\" for the gold layer settled by adjudication (its coder is the "
    "gold layer's name).")
VARIABLES_DESCRIPTION = (
    "Tidy: one row per post, coder and post-level variable. value is the level name (several "
    "levels of a multiple-choice variable joined by \"; \" in codebook order), yes/no, the "
    "number or the text; value_number is the number, 1/0 for yes/no, or the rank of an "
    "ordinal level (1 = first level), and empty otherwise. layer is \"coder\" or "
    "\"adjudicated\" (the gold layer), as in Annotations.")
MATRIX_DESCRIPTION = (
    "One row per post and coder who worked on it (finished it, has it in progress, or "
    "annotated or set a variable on it), with the coder's status and one 0/1 column per span "
    "code (header = code path; a code's own annotations only, not its children's). 1 = the "
    "coder applied the code somewhere in the post. 0 means \"finished without applying it\" "
    "only where status is done; elsewhere 0 means \"not (yet) applied\", not absence. The "
    "adjudicated (gold) layer, when exported, adds one row per post it covers, after the "
    "coders', with layer \"adjudicated\" (\"coder\" otherwise); its status is done once "
    "every disagreement of the post is decided.")
MATRIX_KEYS = ("post_id", "external_id", "coder", "layer", "status")
CODER_LAYER = "coder"
GOLD_LAYER = "adjudicated"
"""Values of the ``layer`` column."""


def _positions(keys: pd.Series, order: Sequence[int]) -> IntArray:
    """The position of each key in ``order`` (-1 for a key not there)."""
    index = pd.Index(list(order))
    return np.asarray(index.get_indexer(keys.to_numpy()), dtype=np.int64)


def _take(values: pd.Series, positions: IntArray) -> Any:
    """``values`` at ``positions`` as a plain array (one C-level gather)."""
    return values.to_numpy(dtype=object)[positions]


def _with_gold(snapshot: Snapshot, frame: pd.DataFrame, gold_frame: pd.DataFrame | None
               ) -> tuple[pd.DataFrame, list[int], npt.NDArray[np.object_]]:
    """The coders' rows followed by the gold layer's (when exported), the coder ids in
    row-order rank (the gold coder last) and their names."""
    ids, names = list(snapshot.coders), list(snapshot.coders.values())
    gold = snapshot.gold
    if gold is not None and gold_frame is not None:
        ids.append(gold.coder_id)
        names.append(gold.name)
        if not gold_frame.empty:  # concatenating an empty frame would upset dtypes
            frame = gold_frame if frame.empty else pd.concat([frame, gold_frame],
                                                             ignore_index=True)
    return frame, ids, np.array(names, dtype=object)


def _layers(snapshot: Snapshot, coder_ids: pd.Series) -> npt.NDArray[np.object_]:
    """The ``layer`` column for rows of ``coder_ids``."""
    gold = snapshot.gold.coder_id if snapshot.gold is not None else None
    return np.where(coder_ids.to_numpy() == gold, GOLD_LAYER, CODER_LAYER).astype(object)


def annotations_table(snapshot: Snapshot, depth: int) -> Table:
    """One row per exported annotation (see :data:`ANNOTATIONS_DESCRIPTION`)."""
    ann, coder_ids, names = _with_gold(
        snapshot, snapshot.annotations,
        snapshot.gold.annotations if snapshot.gold is not None else None)
    posts = snapshot.posts
    codes = list(snapshot.codes)
    post_at = _positions(ann["post_id"], posts["post_id"].tolist())
    coder_at = _positions(ann["coder_id"], coder_ids)
    code_at = _positions(ann["code_id"], [code.id for code in codes])
    start = ann["start"].to_numpy(dtype=np.int64)
    end = ann["end"].to_numpy(dtype=np.int64)
    order = np.lexsort((code_at, end, start, coder_at, post_at))
    frame = pd.DataFrame({
        "annotation_id": ann["annotation_id"].to_numpy(dtype=np.int64),
        "annotation_uuid": ann["annotation_uuid"].to_numpy(dtype=object),
        "post_id": ann["post_id"].to_numpy(dtype=np.int64),
        "external_id": _take(posts["external_id"], post_at),
        "channel": _take(posts["channel"], post_at),
        "date_utc": posts["date"].to_numpy()[post_at],
        "coder": names[coder_at],
        "layer": _layers(snapshot, ann["coder_id"]),
        "code_path": np.array([c.path_text for c in codes], dtype=object)[code_at],
        **level_columns(ann["code_id"], codes, depth),
        "code_uuid": np.array([c.uuid for c in codes], dtype=object)[code_at],
        "start": start,
        "end": end,
        "quote": ann["quote"].to_numpy(dtype=object),
        "memo": ann["memo"].to_numpy(dtype=object),
        "created_utc": ann["created"].to_numpy(),
        "updated_utc": ann["updated"].to_numpy(),
        "codebook_version": ann["codebook_version"].to_numpy(dtype=np.int64),
    }).iloc[order].reset_index(drop=True)
    kinds = {
        **dict.fromkeys(("annotation_id", "post_id", "start", "end", "codebook_version"),
                        ColumnKind.INTEGER),
        **dict.fromkeys(("date_utc", "created_utc", "updated_utc"), ColumnKind.DATETIME),
        "quote": ColumnKind.LONG_TEXT,
        "memo": ColumnKind.LONG_TEXT,
    }
    return table("Annotations", frame, kinds, ANNOTATIONS_DESCRIPTION)


def variables_table(snapshot: Snapshot) -> Table:
    """One row per exported variable value (see :data:`VARIABLES_DESCRIPTION`)."""
    values, coder_ids, names = _with_gold(
        snapshot, snapshot.values, snapshot.gold.values if snapshot.gold is not None else None)
    posts = snapshot.posts
    variables = list(snapshot.variables)
    post_at = _positions(values["post_id"], posts["post_id"].tolist())
    coder_at = _positions(values["coder_id"], coder_ids)
    code_at = _positions(values["code_id"], [code.id for code in variables])
    order = np.lexsort((code_at, coder_at, post_at))
    shown = [_shown(variables[at], value) for at, value in zip(code_at, values["value"],
                                                               strict=True)]
    frame = pd.DataFrame({
        "post_id": values["post_id"].to_numpy(dtype=np.int64),
        "external_id": _take(posts["external_id"], post_at),
        "coder": names[coder_at],
        "layer": _layers(snapshot, values["coder_id"]),
        "variable": np.array([c.path_text for c in variables], dtype=object)[code_at],
        "variable_uuid": np.array([c.uuid for c in variables], dtype=object)[code_at],
        "type": np.array([c.variable_type for c in variables], dtype=object)[code_at],
        "value": [text for text, _ in shown],
        "value_number": np.array([number for _, number in shown], dtype=np.float64),
        "codebook_version": values["codebook_version"].to_numpy(dtype=np.int64),
        "updated_utc": values["updated"].to_numpy(),
    }).iloc[order].reset_index(drop=True)
    kinds = {
        "post_id": ColumnKind.INTEGER,
        "value": ColumnKind.LONG_TEXT,
        "value_number": ColumnKind.NUMBER,
        "codebook_version": ColumnKind.INTEGER,
        "updated_utc": ColumnKind.DATETIME,
    }
    return table("Variables", frame, kinds, VARIABLES_DESCRIPTION)


def _shown(code: Code, value: Any) -> tuple[str | None, float]:
    """A stored value as (text, number); see :data:`VARIABLES_DESCRIPTION`."""
    kind = code.variable_type
    names = {level.uuid: level.name for level in code.levels}
    if kind == VariableType.MULTIPLE and isinstance(value, list):
        return LIST_SEPARATOR.join(names.get(item, str(item)) for item in value), np.nan
    if kind in (VariableType.SINGLE, VariableType.ORDINAL):
        rank = [level.uuid for level in code.levels].index(value) + 1 \
            if value in names else np.nan
        return names.get(value, str(value)), float(rank) if kind == VariableType.ORDINAL \
            else np.nan
    if isinstance(value, bool):
        return ("yes" if value else "no"), float(value)
    if isinstance(value, int | float):
        return repr(value), float(value)
    return (None if value is None else str(value)), np.nan


@dataclass(frozen=True)
class MatrixLayer:
    """One source of rows for the Matrix table.

    ``rows`` has ``post_id``, ``coder`` (the label shown) and ``status``; ``applied`` has
    ``post_id``, ``coder`` and ``code_id`` for every code the layer applied to a post (any
    number of times); ``layer`` is the value of the table's ``layer`` column.  The coders'
    work is one layer (:func:`coder_layer`), the adjudicated layer another
    (:func:`gold_layer`).
    """

    rows: pd.DataFrame
    applied: pd.DataFrame
    layer: str = CODER_LAYER


def coder_layer(snapshot: Snapshot) -> MatrixLayer:
    """The coders' rows: every (post, coder) pair with a status other than not started, an
    annotation or a variable value; a pair without a status row is "not_started"."""
    return _layer(snapshot.statuses, snapshot.annotations, snapshot.values,
                  pd.Series(snapshot.coders, dtype=object), CODER_LAYER)


def gold_layer(snapshot: Snapshot) -> MatrixLayer | None:
    """The adjudicated layer's rows, chosen like a coder's (``None`` when not exported)."""
    gold = snapshot.gold
    if gold is None:
        return None
    return _layer(gold.statuses, gold.annotations, gold.values,
                  pd.Series({gold.coder_id: gold.name}, dtype=object), GOLD_LAYER)


def _layer(statuses: pd.DataFrame, annotations: pd.DataFrame, values: pd.DataFrame,
           names: pd.Series, layer: str) -> MatrixLayer:
    worked = statuses[statuses["status"] != PostStatus.NOT_STARTED.value]
    pairs = pd.concat([
        worked[["post_id", "coder_id"]],
        annotations[["post_id", "coder_id"]],
        values[["post_id", "coder_id"]],
    ], ignore_index=True).drop_duplicates()
    status = pairs.merge(statuses, on=["post_id", "coder_id"], how="left")["status"]
    rows = pd.DataFrame({
        "post_id": pairs["post_id"].to_numpy(dtype=np.int64),
        "coder": pairs["coder_id"].map(names).to_numpy(dtype=object),
        "status": status.fillna(PostStatus.NOT_STARTED.value).to_numpy(dtype=object),
    })
    applied = annotations[["post_id", "coder_id", "code_id"]].drop_duplicates()
    return MatrixLayer(rows, pd.DataFrame({
        "post_id": applied["post_id"].to_numpy(dtype=np.int64),
        "coder": applied["coder_id"].map(names).to_numpy(dtype=object),
        "code_id": applied["code_id"].to_numpy(dtype=np.int64),
    }), layer)


def matrix_table(snapshot: Snapshot, layers: Sequence[MatrixLayer]) -> Table:
    """Post x coder rows of ``layers`` (in that order within a post) with one 0/1 column per
    chosen span code (see :data:`MATRIX_DESCRIPTION`).

    A code path equal to one of :data:`MATRIX_KEYS` gets " (code)" appended to its header.
    """
    posts = snapshot.posts
    codes = list(snapshot.span_codes)
    coder_rank = {name: number for number, name in enumerate(snapshot.coders.values())}
    rows = pd.concat([layer.rows for layer in layers], ignore_index=True)
    layer_of = np.concatenate([np.full(len(layer.rows), n, dtype=np.int64)
                               for n, layer in enumerate(layers)] or [np.zeros(0, np.int64)])
    labels = np.array([layer.layer for layer in layers] or [CODER_LAYER], dtype=object)
    post_at = _positions(rows["post_id"], posts["post_id"].tolist())
    rank = rows["coder"].map(coder_rank).fillna(len(coder_rank)).to_numpy(dtype=np.int64)
    order = np.lexsort((rank, layer_of, post_at))
    rows = rows.iloc[order].reset_index(drop=True)
    post_at = post_at[order]
    layer_of = layer_of[order]
    flags = np.zeros((len(rows), len(codes)), dtype=np.int8)
    applied = pd.concat([layer.applied for layer in layers], ignore_index=True)
    row_at = pd.MultiIndex.from_frame(rows[["post_id", "coder"]]).get_indexer(
        pd.MultiIndex.from_frame(applied[["post_id", "coder"]]))
    code_at = _positions(applied["code_id"], [code.id for code in codes])
    hit = (row_at >= 0) & (code_at >= 0)
    flags[row_at[hit], code_at[hit]] = 1
    frame = pd.DataFrame({
        "post_id": rows["post_id"].to_numpy(dtype=np.int64),
        "external_id": _take(posts["external_id"], post_at),
        "coder": rows["coder"].to_numpy(dtype=object),
        "layer": labels[layer_of],
        "status": rows["status"].to_numpy(dtype=object),
    })
    headers = [_header(code) for code in codes]
    frame = pd.concat([frame, pd.DataFrame(flags, columns=headers)], axis=1)
    kinds = {"post_id": ColumnKind.INTEGER, **dict.fromkeys(headers, ColumnKind.FLAG)}
    return table("Matrix", frame, kinds, MATRIX_DESCRIPTION)


def _header(code: Code) -> str:
    return f"{code.path_text} (code)" if code.path_text in MATRIX_KEYS else code.path_text
