"""The Posts table: one row per exported post with its metadata and who coded it.

Per-coder status is given as two lists, ``finished_by`` and ``in_progress_by`` (coder
names joined by "; "), plus ``n_finished``, rather than one ``status_<coder>`` column per
coder: column names then stay the same from one export to the next whoever coded, never
carry user-typed names, and the tidy form (one row per post and coder with its status) is
the Matrix table, which joins on ``post_id``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import pandas as pd

from annotator.core.export.columns import LIST_SEPARATOR, table
from annotator.core.export.model import ColumnKind, Table
from annotator.core.export.snapshot import Snapshot
from annotator.core.model import PostStatus

POSTS_DESCRIPTION = (
    "One row per exported post in reading order: ids, channel, date (UTC), author, text and "
    "its length in characters (Unicode code points, the unit of every start and end), view, "
    "forward and reaction counts when the source had them, the source file, which coders "
    "finished it, and every imported field as JSON (metadata_json).")


def posts_table(snapshot: Snapshot) -> Table:
    """The Posts table of ``snapshot`` (see the module docstring and
    :data:`POSTS_DESCRIPTION`); metadata counts are empty when the source had none."""
    posts = snapshot.posts
    meta: list[Mapping[str, Any]] = [m if isinstance(m, dict) else {} for m in posts["metadata"]]
    finished, in_progress = _coders_by_status(snapshot)
    done = snapshot.statuses[snapshot.statuses["status"] == PostStatus.DONE.value]
    ids = posts["post_id"]
    frame = pd.DataFrame({
        "post_id": ids.astype("int64"),
        "post_uuid": posts["post_uuid"],
        "channel": posts["channel"],
        "channel_username": posts["channel_username"],
        "channel_telegram_id": pd.array(posts["channel_telegram_id"].tolist(), dtype="Int64"),
        "external_id": posts["external_id"],
        "date_utc": posts["date"],
        "author": posts["author"],
        "forwarded_from": posts["forwarded_from"],
        "text": posts["text"],
        "text_length": posts["text"].str.len().astype("int64"),
        "views": pd.array([_count(m.get("views")) for m in meta], dtype="Int64"),
        "forwards": pd.array([_count(m.get("forwards")) for m in meta], dtype="Int64"),
        "reactions_total": pd.array([_reactions_total(m) for m in meta], dtype="Int64"),
        "reactions": [_reactions_text(m) for m in meta],
        "url": [m.get("url") if isinstance(m.get("url"), str) else None for m in meta],
        "source_file": posts["source_file"],
        "finished_by": ids.map(finished),
        "in_progress_by": ids.map(in_progress),
        "n_finished": ids.map(done["post_id"].value_counts()).fillna(0).astype("int64"),
        "metadata_json": [json.dumps(m, ensure_ascii=False, sort_keys=True) if m else None
                          for m in meta],
    })
    kinds = {
        **dict.fromkeys(("post_id", "channel_telegram_id", "text_length", "views", "forwards",
                         "reactions_total", "n_finished"), ColumnKind.INTEGER),
        "date_utc": ColumnKind.DATETIME,
        "text": ColumnKind.LONG_TEXT,
        "metadata_json": ColumnKind.LONG_TEXT,
    }
    return table("Posts", frame, kinds, POSTS_DESCRIPTION)


def _coders_by_status(snapshot: Snapshot) -> tuple[dict[int, str], dict[int, str]]:
    """Post id -> "; "-joined names of the coders who finished it / have it in progress,
    in coder-name order."""
    rank = {coder: number for number, coder in enumerate(snapshot.coders)}
    statuses = snapshot.statuses
    rows = statuses.assign(rank=statuses["coder_id"].map(rank)).sort_values(["post_id", "rank"])
    lists: dict[str, dict[int, list[str]]] = {PostStatus.DONE.value: {},
                                              PostStatus.IN_PROGRESS.value: {}}
    for post, coder, status in zip(rows["post_id"].tolist(), rows["coder_id"].tolist(),
                                   rows["status"].tolist(), strict=True):
        if status in lists:
            lists[status].setdefault(post, []).append(snapshot.coders[coder])
    done, in_progress = (
        {post: LIST_SEPARATOR.join(names) for post, names in lists[status.value].items()}
        for status in (PostStatus.DONE, PostStatus.IN_PROGRESS))
    return done, in_progress


def _count(value: Any) -> int | None:
    """A whole count from metadata, or ``None`` (booleans and text are not counts)."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _reactions_total(meta: Mapping[str, Any]) -> int | None:
    """The sum of the reaction counts, or ``None`` when none were read unambiguously."""
    found = meta.get("reactions")
    if not isinstance(found, list) or not found:
        return None
    counts = [_count(item.get("count")) if isinstance(item, dict) else None for item in found]
    return sum(c for c in counts if c is not None) if None not in counts else None


def _reactions_text(meta: Mapping[str, Any]) -> str | None:
    """``"👍 431; 🔥 1"``; a reaction without a known emoji shows its type (custom_emoji,
    paid) or "?"; the raw text when the source's reactions could not be read unambiguously."""
    found = meta.get("reactions")
    if isinstance(found, list) and found:
        parts = []
        for item in found:
            if not isinstance(item, dict):
                continue
            label = item.get("emoji") or item.get("type") or "?"
            parts.append(f"{label} {item.get('count', '?')}")
        return LIST_SEPARATOR.join(parts) or None
    raw = meta.get("reactions_raw")
    return raw if isinstance(raw, str) and raw else None
