"""The Codebook table: the chosen codes in tree order with their definitions and use."""

from __future__ import annotations

import pandas as pd

from annotator.core.export.columns import LIST_SEPARATOR, level_columns, table
from annotator.core.export.model import ColumnKind, Table
from annotator.core.export.snapshot import Snapshot

CODEBOOK_DESCRIPTION = (
    "One row per exported code in tree order (parents before children): its path split "
    "into levels, kind (span code or post-level variable), variable type and levels, "
    "definitions, colour, shortcut, uuid, and how often it was used in this export.")


def codebook_table(snapshot: Snapshot, depth: int) -> Table:
    """One row per chosen code (see :data:`CODEBOOK_DESCRIPTION`).

    ``n_uses`` counts the exported annotations of a span code or the exported values of a
    variable (so it follows the coder and post choice); ``n_posts`` and ``n_coders`` count
    the distinct posts and coders among them.
    """
    codes = list(snapshot.codes)
    used = pd.concat([snapshot.annotations[["code_id", "post_id", "coder_id"]],
                      snapshot.values[["code_id", "post_id", "coder_id"]]], ignore_index=True)
    grouped = used.groupby("code_id")
    uses = grouped.size()
    posts = grouped["post_id"].nunique()
    coders = grouped["coder_id"].nunique()
    ids = pd.Series([code.id for code in codes], dtype="int64")
    frame = pd.DataFrame({
        "code_path": [code.path_text for code in codes],
        **level_columns(ids, codes, depth),
        "depth": [len(code.path) for code in codes],
        "kind": [code.kind for code in codes],
        "variable_type": [code.variable_type for code in codes],
        "levels": [LIST_SEPARATOR.join(level.name for level in code.levels) or None
                   for code in codes],
        "description": [code.description for code in codes],
        "inclusion": [code.inclusion for code in codes],
        "exclusion": [code.exclusion for code in codes],
        "examples": ["\n".join(code.examples) for code in codes],
        "memo": [code.memo for code in codes],
        "colour": [code.colour for code in codes],
        "shortcut": [code.shortcut for code in codes],
        "code_uuid": [code.uuid for code in codes],
        "n_uses": ids.map(uses).fillna(0).astype("int64"),
        "n_posts": ids.map(posts).fillna(0).astype("int64"),
        "n_coders": ids.map(coders).fillna(0).astype("int64"),
    })
    kinds = {
        "depth": ColumnKind.INTEGER,
        **dict.fromkeys(("description", "inclusion", "exclusion", "examples", "memo"),
                        ColumnKind.LONG_TEXT),
        **dict.fromkeys(("n_uses", "n_posts", "n_coders"), ColumnKind.INTEGER),
    }
    return table("Codebook", frame, kinds, CODEBOOK_DESCRIPTION)
