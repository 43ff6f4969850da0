"""The reliability sample of a project: double-finished posts, their coders, spans and values.

Reads the project into plain DataFrames so that :mod:`annotator.core.agreement` stays a
set of pure functions.  A post enters when at least two of the selected coders marked it
done; a coder's work on a post they have not finished is left out (and counted), because
an unfinished post says nothing about what the coder would have coded.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from annotator.core.codebook.service import tree
from annotator.core.codebook.versions import current_version
from annotator.core.model import Code, PostStatus
from annotator.core.storage.reads import read_frame
from annotator.core.storage.schema import (
    AnnotationRow,
    CoderRow,
    PostRow,
    PostStatusRow,
    PostValueRow,
)

SPAN_COLUMNS = ("annotation_id", "coder", "doc", "start", "end", "code", "quote")
VALUE_COLUMNS = ("coder", "doc", "code", "value")
_BATCH = 900


@dataclass(frozen=True)
class ReliabilitySample:
    """What enters an agreement computation, as plain data.

    ``spans`` has the columns of :data:`SPAN_COLUMNS` (``doc`` = post id, ``coder`` = coder
    id, ``code`` = code id) and ``values`` those of :data:`VALUE_COLUMNS`; both hold only
    work of selected coders on posts they finished.
    """

    coders: dict[int, str]
    """Selected coder id -> name, in name order."""
    codes: tuple[Code, ...]
    """Every code of the codebook, in tree order (the caller picks by kind)."""
    coded_by: dict[int, frozenset[int]]
    """Post id -> the selected coders who finished it (two or more)."""
    lengths: dict[int, int]
    """Post id -> text length in code points."""
    labels: dict[int, str]
    """Post id -> external id, or ``#position`` when it has none."""
    spans: pd.DataFrame
    values: pd.DataFrame
    codebook_version: int
    """The project's current codebook version."""
    excluded: dict[str, int] = field(default_factory=dict)


def load_sample(
    session: Session,
    coder_ids: tuple[int, ...] | None,
    codebook_version: int | None,
) -> ReliabilitySample:
    """Read the reliability sample; unknown coder ids raise ``ValueError``.

    ``coder_ids`` ``None`` means every person; the adjudicated (gold) layer enters only
    when chosen, e.g. to compare it with each coder.
    """
    all_coders = dict(session.execute(select(CoderRow.id, CoderRow.name)).all())
    if coder_ids is not None:
        unknown = sorted(set(coder_ids) - set(all_coders))
        if unknown:
            raise ValueError(f"no coder with id {', '.join(map(str, unknown))}")
    done = session.execute(
        select(PostStatusRow.post_id, PostStatusRow.coder_id).where(
            PostStatusRow.status == PostStatus.DONE.value
        )
    ).all()
    people = set(session.scalars(select(CoderRow.id).where(CoderRow.kind == "person")))
    chosen = people if coder_ids is None else set(coder_ids)
    finishers: dict[int, set[int]] = {}
    for post_id, coder_id in done:
        if coder_id in chosen:
            finishers.setdefault(post_id, set()).add(coder_id)
    coded_by = {p: frozenset(c) for p, c in finishers.items() if len(c) >= 2}
    active = sorted(set().union(*coded_by.values()) if coded_by else set(),
                    key=lambda c: (all_coders[c].casefold(), c))
    coders = {c: all_coders[c] for c in active}
    excluded: Counter[str] = Counter()
    total_posts = session.scalar(select(func.count(PostRow.id))) or 0
    if total_posts - len(coded_by):
        excluded["posts not finished by two or more of the selected coders"] = (
            total_posts - len(coded_by))
    if coder_ids is None:
        idle = len(people) - len(coders)
        if idle:
            excluded["coders with no post finished together with another coder"] = idle
    spans = _spans(session, coded_by, codebook_version, excluded)
    values = _values(session, coded_by, codebook_version, excluded)
    posts = _posts(session, sorted(coded_by))
    lengths = {post_id: int(length) for post_id, length, _, _ in posts}
    labels = {post_id: external or f"#{position + 1}" for post_id, _, external, position in posts}
    return ReliabilitySample(
        coders=coders,
        codes=tuple(tree(session)),
        coded_by=coded_by,
        lengths=lengths,
        labels=labels,
        spans=spans,
        values=values,
        codebook_version=current_version(session),
        excluded=dict(excluded),
    )


def _posts(session: Session, post_ids: list[int]) -> list[tuple[int, int, str | None, int]]:
    """Id, length in code points, external id and position of ``post_ids``, in batches
    (backends limit the number of bound parameters of one statement)."""
    found: list[tuple[int, int, str | None, int]] = []
    for first in range(0, len(post_ids), _BATCH):
        batch = post_ids[first:first + _BATCH]
        found.extend(session.execute(
            select(PostRow.id, func.length(PostRow.text), PostRow.external_id,
                   PostRow.position).where(PostRow.id.in_(batch))))
    return found


def _keep(
    frame: pd.DataFrame,
    coded_by: Mapping[int, frozenset[int]],
    codebook_version: int | None,
    what: str,
    excluded: Counter[str],
) -> pd.DataFrame:
    """Rows by a coder who finished the post, made under ``codebook_version`` if given."""
    if frame.empty:
        return frame
    finished = pd.Series(
        [coder in coded_by.get(doc, ()) for doc, coder in zip(frame["doc"], frame["coder"],
                                                              strict=True)],
        index=frame.index, dtype=bool)
    unfinished = int((~finished).sum())
    if unfinished:
        excluded[f"{what} on posts their coder had not finished with another coder"] = unfinished
    frame = frame[finished]
    if codebook_version is not None:
        other = frame["version"] != codebook_version
        if int(other.sum()):
            excluded[f"{what} made under another codebook version"] = int(other.sum())
        frame = frame[~other]
    return frame.drop(columns="version").reset_index(drop=True)


def _spans(
    session: Session,
    coded_by: Mapping[int, frozenset[int]],
    codebook_version: int | None,
    excluded: Counter[str],
) -> pd.DataFrame:
    frame = read_frame(session, select(
        AnnotationRow.id, AnnotationRow.coder_id, AnnotationRow.post_id, AnnotationRow.start,
        AnnotationRow.end, AnnotationRow.code_id, AnnotationRow.quote,
        AnnotationRow.codebook_version), [*SPAN_COLUMNS, "version"])
    frame = _keep(frame, coded_by, codebook_version, "annotations", excluded)
    for column in ("annotation_id", "coder", "doc", "start", "end", "code"):
        frame[column] = frame[column].astype("int64")
    return frame


def _values(
    session: Session,
    coded_by: Mapping[int, frozenset[int]],
    codebook_version: int | None,
    excluded: Counter[str],
) -> pd.DataFrame:
    rows = session.execute(select(
        PostValueRow.coder_id, PostValueRow.post_id, PostValueRow.code_id, PostValueRow.value,
        PostValueRow.codebook_version)).all()
    frame = pd.DataFrame(rows, columns=[*VALUE_COLUMNS, "version"])
    return _keep(frame, coded_by, codebook_version, "variable values", excluded)
