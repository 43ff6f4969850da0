"""ORM rows of the project file (schema version :data:`SCHEMA_VERSION`).

Private to ``annotator.core``: services turn rows into frozen DTOs before they
leave a session. Constraints live in the database, with stable names.
"""

from __future__ import annotations

import uuid as uuid_module
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from annotator.core.storage.types import UTCDateTime, utc_now

SCHEMA_VERSION = 6
"""The schema this code writes; see :mod:`annotator.core.storage.migrations`."""

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

POST_STATUSES = ("not_started", "in_progress", "done")
CODER_KINDS = ("person", "gold")
PROJECT_KINDS = ("project", "package")
DECISION_ACTIONS = ("accept", "accept_both", "edit", "reject")


def new_uuid() -> str:
    """A random UUID4 in canonical lower-case text form."""
    return str(uuid_module.uuid4())


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON, datetime: UTCDateTime}


class SourceRow(Base):
    """One import of one file."""

    __tablename__ = "source"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    file_name: Mapped[str] = mapped_column(Text)
    format: Mapped[str] = mapped_column(String(32))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    imported_at: Mapped[datetime] = mapped_column(default=utc_now)
    n_posts: Mapped[int] = mapped_column(Integer)
    n_added: Mapped[int] = mapped_column(Integer)
    n_duplicates: Mapped[int] = mapped_column(Integer)
    warnings: Mapped[list[Any]] = mapped_column(default=list)
    meta: Mapped[dict[str, Any]] = mapped_column("metadata", default=dict)


class ChannelRow(Base):
    """A channel or chat, matched across imports by Telegram id, then username, then title.

    ``key`` is the best identifier known (the id, else the username, else the title).
    """

    __tablename__ = "channel"
    __table_args__ = (
        Index("uq_channel_telegram_id", "telegram_id", unique=True),
        Index("uq_channel_username", "username", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    key: Mapped[str] = mapped_column(Text, unique=True)
    title: Mapped[str] = mapped_column(Text)
    meta: Mapped[dict[str, Any]] = mapped_column("metadata", default=dict)
    telegram_id: Mapped[int | None] = mapped_column(BigInteger)
    """The bare peer id (added in schema version 3)."""
    username: Mapped[str | None] = mapped_column(Text)
    """Lower case, without ``@`` (added in schema version 3)."""


class PostRow(Base):
    """A post. ``text`` is immutable after import (a trigger enforces it on SQLite).

    A message whose text changed in a later export is a new row with the same
    identity and the next ``version``, so annotations of the old text never shift.
    """

    __tablename__ = "post"
    __table_args__ = (UniqueConstraint("channel_id", "identity", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    source_id: Mapped[int] = mapped_column(
        ForeignKey("source.id", ondelete="RESTRICT"), index=True
    )
    channel_id: Mapped[int] = mapped_column(
        ForeignKey("channel.id", ondelete="RESTRICT"), index=True
    )
    identity: Mapped[str] = mapped_column(Text)
    external_id: Mapped[str | None] = mapped_column(Text, index=True)
    author: Mapped[str | None] = mapped_column(Text)
    forwarded_from: Mapped[str | None] = mapped_column(Text)
    date: Mapped[datetime | None] = mapped_column(index=True)
    text: Mapped[str] = mapped_column(Text)
    text_sha256: Mapped[str] = mapped_column(String(64))
    meta: Mapped[dict[str, Any]] = mapped_column("metadata", default=dict)
    position: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer, default=1)
    comparison_sha256: Mapped[str] = mapped_column(String(64))
    """Hash of :func:`annotator.core.textnorm.comparison_key` of the text."""


class CoderRow(Base):
    __tablename__ = "coder"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    name: Mapped[str] = mapped_column(Text, unique=True)
    created: Mapped[datetime] = mapped_column(default=utc_now)
    kind: Mapped[str] = mapped_column(
        String(16), CheckConstraint("kind IN ('person', 'gold')", name="kind_known"),
        default="person", server_default="person")
    """``person``, or ``gold``: the adjudicated layer, stored like a coder (schema 6)."""


class CodeRow(Base):
    """A code of the codebook tree; names are unique among siblings."""

    __tablename__ = "code"
    __table_args__ = (
        UniqueConstraint("parent_id", "name"),
        Index(
            "uq_code_root_name",
            "name",
            unique=True,
            sqlite_where=text("parent_id IS NULL"),
            postgresql_where=text("parent_id IS NULL"),
        ),
        CheckConstraint("length(name) > 0", name="name_not_empty"),
        CheckConstraint("colour IS NULL OR length(colour) = 7", name="colour_length"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("code.id", ondelete="RESTRICT"), index=True
    )
    name: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")
    colour: Mapped[str | None] = mapped_column(String(7))
    shortcut: Mapped[str | None] = mapped_column(String(16), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    # Added in schema version 4 (columns appended, with database defaults):
    kind: Mapped[str] = mapped_column(String(16), default="span", server_default="span")
    """``span`` or ``variable`` (a post-level variable)."""
    variable_type: Mapped[str | None] = mapped_column(String(16))
    inclusion: Mapped[str] = mapped_column(Text, default="", server_default="")
    exclusion: Mapped[str] = mapped_column(Text, default="", server_default="")
    examples: Mapped[list[Any]] = mapped_column(default=list, server_default="[]")
    memo: Mapped[str] = mapped_column(Text, default="", server_default="")
    levels: Mapped[list[Any]] = mapped_column(default=list, server_default="[]")
    """Levels of a choice or ordinal variable, in order: ``[{uuid, name, description}]``."""


class AnnotationRow(Base):
    """One span × code × coder. Offsets are code points of the post's text."""

    __tablename__ = "annotation"
    __table_args__ = (
        CheckConstraint("0 <= start AND start < \"end\"", name="span"),
        UniqueConstraint("post_id", "code_id", "coder_id", "start", "end"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    post_id: Mapped[int] = mapped_column(ForeignKey("post.id", ondelete="CASCADE"), index=True)
    code_id: Mapped[int] = mapped_column(ForeignKey("code.id", ondelete="RESTRICT"), index=True)
    coder_id: Mapped[int] = mapped_column(
        ForeignKey("coder.id", ondelete="RESTRICT"), index=True
    )
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text)
    memo: Mapped[str] = mapped_column(Text, default="")
    created: Mapped[datetime] = mapped_column(default=utc_now)
    updated: Mapped[datetime] = mapped_column(default=utc_now)
    codebook_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    """The codebook version the annotation was made under (schema version 4)."""


class PostStatusRow(Base):
    """Where one coder stands with one post (added in schema version 2)."""

    __tablename__ = "post_status"
    __table_args__ = (
        CheckConstraint(
            "status IN ('not_started', 'in_progress', 'done')", name="status_known"
        ),
    )

    post_id: Mapped[int] = mapped_column(
        ForeignKey("post.id", ondelete="CASCADE"), primary_key=True
    )
    coder_id: Mapped[int] = mapped_column(
        ForeignKey("coder.id", ondelete="RESTRICT"), primary_key=True, index=True
    )
    status: Mapped[str] = mapped_column(String(16))
    updated: Mapped[datetime] = mapped_column(default=utc_now)


class CodebookRow(Base):
    """The codebook's name, description and version: one row (schema version 4)."""

    __tablename__ = "codebook"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    name: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)


class CodebookChangeRow(Base):
    """One recorded codebook change: what, who, when, and the version it produced."""

    __tablename__ = "codebook_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(Integer, index=True)
    at: Mapped[datetime] = mapped_column(default=utc_now)
    author: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(String(32))
    summary: Mapped[str] = mapped_column(Text)
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)


class PostValueRow(Base):
    """One coder's value of one post-level variable for one post (schema version 4).

    ``value`` is JSON: a level uuid (single, ordinal), a list of level uuids
    (multiple), a boolean, a number or a string.
    """

    __tablename__ = "post_value"

    post_id: Mapped[int] = mapped_column(
        ForeignKey("post.id", ondelete="CASCADE"), primary_key=True
    )
    code_id: Mapped[int] = mapped_column(
        ForeignKey("code.id", ondelete="RESTRICT"), primary_key=True, index=True
    )
    coder_id: Mapped[int] = mapped_column(
        ForeignKey("coder.id", ondelete="RESTRICT"), primary_key=True, index=True
    )
    value: Mapped[Any] = mapped_column(JSON)
    codebook_version: Mapped[int] = mapped_column(Integer)
    created: Mapped[datetime] = mapped_column(default=utc_now)
    updated: Mapped[datetime] = mapped_column(default=utc_now)


class ProjectInfoRow(Base):
    """The file's identity: one row (schema version 6).

    A coder package is a project file of kind ``package`` that names the project it was
    cut from (``origin_uuid``) and the coder it was made for.
    """

    __tablename__ = "project_info"
    __table_args__ = (
        CheckConstraint("kind IN ('project', 'package')", name="kind_known"),
        CheckConstraint("id = 1", name="single_row"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    kind: Mapped[str] = mapped_column(String(16), default="project")
    origin_uuid: Mapped[str | None] = mapped_column(String(36))
    package_coder_id: Mapped[int | None] = mapped_column(
        ForeignKey("coder.id", ondelete="RESTRICT"))
    created: Mapped[datetime] = mapped_column(default=utc_now)


class AssignmentRow(Base):
    """A post assigned to a coder (schema version 6); ``reliability`` marks the overlap
    sample that several coders code, ``batch`` the assignment run it came from."""

    __tablename__ = "assignment"

    post_id: Mapped[int] = mapped_column(
        ForeignKey("post.id", ondelete="CASCADE"), primary_key=True
    )
    coder_id: Mapped[int] = mapped_column(
        ForeignKey("coder.id", ondelete="RESTRICT"), primary_key=True, index=True
    )
    reliability: Mapped[bool] = mapped_column(default=False, server_default=text("0"))
    batch: Mapped[str] = mapped_column(String(36), index=True)
    created: Mapped[datetime] = mapped_column(default=utc_now)


class DecisionRow(Base):
    """One adjudication decision on a post and code (schema version 6).

    ``sources`` lists the uuids of the coders whose version was taken; ``before`` and
    ``after`` hold the gold layer's spans or value before and after the decision.
    """

    __tablename__ = "decision"
    __table_args__ = (
        CheckConstraint(
            "action IN ('accept', 'accept_both', 'edit', 'reject')", name="action_known"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    post_id: Mapped[int] = mapped_column(ForeignKey("post.id", ondelete="CASCADE"), index=True)
    code_id: Mapped[int] = mapped_column(ForeignKey("code.id", ondelete="RESTRICT"), index=True)
    adjudicator_id: Mapped[int] = mapped_column(ForeignKey("coder.id", ondelete="RESTRICT"))
    action: Mapped[str] = mapped_column(String(16))
    sources: Mapped[list[Any]] = mapped_column(default=list)
    before: Mapped[Any] = mapped_column(JSON)
    after: Mapped[Any] = mapped_column(JSON)
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    at: Mapped[datetime] = mapped_column(default=utc_now)


class MergeRow(Base):
    """One merge of a coder package into this project (schema version 6), for the record."""

    __tablename__ = "merge_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    package_uuid: Mapped[str] = mapped_column(String(36), index=True)
    coder_id: Mapped[int | None] = mapped_column(ForeignKey("coder.id", ondelete="RESTRICT"))
    file_name: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(default=utc_now)
    summary: Mapped[dict[str, Any]] = mapped_column(default=dict)
