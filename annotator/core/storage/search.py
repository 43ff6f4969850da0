"""Full-text search over post texts: SQLite FTS5 behind a small, portable interface.

The index is an external-content FTS5 table. Imports do not wait for it: new
posts are indexed when a search next runs (or when the app asks for it after an
import, off the GUI thread), which :func:`bring_up_to_date` does by indexing
posts above the last indexed id (post text never changes; deletes are kept in
step by a trigger). Users
type words; :func:`fts_query` turns them into a safe FTS5 query (every word a
prefix, all words required, "quoted phrases" kept). Other databases (later,
PostgreSQL) fall back to a case-insensitive substring match.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Select, select, text
from sqlalchemy.orm import Session

from annotator.core.storage.schema import PostRow

FTS_STATEMENTS = (
    "CREATE VIRTUAL TABLE post_fts USING fts5(text, content='post', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TABLE post_fts_state (id INTEGER NOT NULL PRIMARY KEY, "
    "indexed_upto INTEGER NOT NULL)",
    "INSERT INTO post_fts_state (id, indexed_upto) VALUES (1, 0)",
    "CREATE TRIGGER post_fts_delete AFTER DELETE ON post "
    "WHEN old.id <= (SELECT indexed_upto FROM post_fts_state WHERE id = 1) BEGIN "
    "INSERT INTO post_fts(post_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
)
"""The index, created with the post table (fresh files) or by the schema-5 upgrade."""

_TOKEN = re.compile(r'"([^"]+)"|(\S+)')
_WORD = re.compile(r"\w+", re.UNICODE)


def query_terms(query: str) -> list[str]:
    """The phrases and words of a user's query, in order (quotes keep phrases)."""
    terms = []
    for phrase, word in _TOKEN.findall(query):
        words = _WORD.findall(phrase or word)
        if words:
            terms.append(" ".join(words))
    return terms


def fts_query(query: str) -> str | None:
    """An FTS5 query requiring every term (words as prefixes); ``None`` when empty."""
    parts = []
    for term in query_terms(query):
        quoted = '"' + term.replace('"', '""') + '"'
        parts.append(quoted if " " in term else quoted + "*")
    return " AND ".join(parts) or None


def bring_up_to_date(session: Session) -> int:
    """Index the posts added since the last call (inside the caller's transaction).

    Returns how many posts were indexed; cheap when there are none.
    """
    if session.get_bind().dialect.name != "sqlite":
        return 0
    conn = session.connection()
    done = int(conn.exec_driver_sql(
        "SELECT indexed_upto FROM post_fts_state WHERE id = 1").scalar() or 0)
    newest = int(conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM post").scalar() or 0)
    if newest <= done:
        return 0
    added = conn.exec_driver_sql(
        "INSERT INTO post_fts(rowid, text) SELECT id, text FROM post WHERE id > ?", (done,))
    conn.exec_driver_sql("UPDATE post_fts_state SET indexed_upto = ? WHERE id = 1", (newest,))
    return int(added.rowcount or 0)


def matching_posts(session: Session, query: str) -> Select[Any]:
    """A select of the ids of posts matching ``query`` (every term), for filtering.

    The index must be up to date (:func:`bring_up_to_date`) in the same transaction.
    """
    terms = query_terms(query)
    if session.get_bind().dialect.name == "sqlite":
        match = fts_query(query)
        return select(text("rowid")).select_from(text("post_fts")).where(
            text("post_fts MATCH :match")).params(match=match or '""')
    condition = select(PostRow.id)
    for term in terms:
        condition = condition.where(PostRow.text.icontains(term))
    return condition
