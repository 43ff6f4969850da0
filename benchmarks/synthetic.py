"""Synthetic projects for the benchmarks: a codebook of groups and codes, and posts inserted
in bulk (one executemany), so building 20,000 posts takes seconds, not minutes."""

from __future__ import annotations

import random
import uuid as uuid_module
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from annotator.core.project import Project
from annotator.core.storage.schema import ChannelRow, PostRow, SourceRow

WORDS = ["заявление", "министерство", "санкции", "переговоры", "the", "statement", "🇷🇺",
         "👍", "брифинг", "позиция", "security", "talks", "👨‍👩‍👧", "регион", "🇺🇦", "🔥"]


def add_codebook(project: Project, codes: int) -> list[int]:
    """Five groups of ``codes // 5`` span codes each; the ids of the codes (not the groups)."""
    project.codes.add_tree([{"name": f"Group {g}", "children": [
        {"name": f"Code {g}.{c}"} for c in range(codes // 5)]} for g in range(5)])
    return [c.id for c in project.codes.list() if c.parent_id is not None]


def texts(rng: random.Random, posts: int) -> list[str]:
    """``posts`` texts of 20-120 words with Cyrillic, emoji and flags."""
    return [" ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 120)))
            for _ in range(posts)]


def insert_posts(
    session: Session,
    bodies: Sequence[str],
    dates: Sequence[datetime],
    metadata: Sequence[dict[str, Any]] | None = None,
) -> list[int]:
    """One source, one channel and a post per text, in one executemany; the post ids."""
    source = SourceRow(file_name="bench.json", format="tg-json", sha256="0" * 64,
                       n_posts=len(bodies), n_added=len(bodies), n_duplicates=0)
    channel = ChannelRow(key="bench", title="Bench 🇷🇺")
    session.add_all([source, channel])
    session.flush()
    session.execute(PostRow.__table__.insert(), [
        {"uuid": str(uuid_module.uuid4()), "source_id": source.id, "channel_id": channel.id,
         "identity": str(i), "external_id": str(i), "date": dates[i], "text": text,
         "text_sha256": "0" * 64, "metadata": metadata[i] if metadata else {},
         "position": i, "version": 1, "comparison_sha256": "0" * 64}
        for i, text in enumerate(bodies)])
    table = PostRow.__table__
    return list(session.scalars(table.select().with_only_columns(table.c.id)
                                .order_by(table.c.id)))
