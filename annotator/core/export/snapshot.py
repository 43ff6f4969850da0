"""What an export reads: one consistent snapshot of a project, narrowed to the chosen work.

Everything is read in one read transaction (so coding may go on meanwhile and the tables
still agree with each other), through the driver's cursor into plain DataFrames: the
export of 200,000 annotations must not build 200,000 ORM objects.  The table builders
(:mod:`.table_posts`, :mod:`.table_coding`, :mod:`.table_codebook`) are pure functions of a
:class:`Snapshot`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import pandas as pd
from sqlalchemy import select

from annotator.core.agreement_sample import ReliabilitySample, load_sample
from annotator.core.codebook.service import tree
from annotator.core.errors import NotFound
from annotator.core.export.options import ExportOptions
from annotator.core.model import Code
from annotator.core.storage import reads
from annotator.core.storage.schema import CoderRow

if TYPE_CHECKING:
    from annotator.core.project import Project


@dataclass(frozen=True)
class GoldLayer:
    """The adjudicated (gold) layer's rows, narrowed like the coders' (same columns)."""

    coder_id: int
    name: str
    annotations: pd.DataFrame
    statuses: pd.DataFrame
    values: pd.DataFrame


@dataclass(frozen=True)
class Snapshot:
    """The project's data that an export writes, already narrowed to the options.

    Frames hold only chosen posts, coders and codes; ``posts`` is in reading order and
    its ``date`` column, like every timestamp here, is timezone-naive UTC ``datetime64``.
    """

    project_name: str
    schema_version: int
    codebook_name: str
    codebook_version: int
    coders: dict[int, str]
    """Chosen person coder id -> name, in name order (case-insensitive)."""
    codes: tuple[Code, ...]
    """Chosen codes in tree order (parents before children)."""
    posts: pd.DataFrame
    """Columns of :data:`~annotator.core.storage.reads.POST_COLUMNS`; ``metadata`` parsed."""
    n_posts_total: int
    annotations: pd.DataFrame
    """Columns of :data:`~annotator.core.storage.reads.ANNOTATION_COLUMNS`."""
    statuses: pd.DataFrame
    """``post_id``, ``coder_id``, ``status``."""
    values: pd.DataFrame
    """Columns of :data:`~annotator.core.storage.reads.VALUE_COLUMNS`; ``value`` parsed."""
    sample: ReliabilitySample | None
    """What enters agreement (posts finished by two or more chosen coders, narrowed to the
    chosen posts); ``None`` when fewer than two coders are chosen."""
    gold: GoldLayer | None = None
    """The adjudicated layer, when the project has one and it is chosen (it is part of
    "every coder"); its work is kept out of ``coders``, ``annotations``, ``statuses`` and
    ``values``, so counts of coders and uses stay about people."""

    @property
    def span_codes(self) -> tuple[Code, ...]:
        return tuple(code for code in self.codes if not code.is_variable)

    @property
    def variables(self) -> tuple[Code, ...]:
        return tuple(code for code in self.codes if code.is_variable)


def read_snapshot(project: Project, options: ExportOptions) -> Snapshot:
    """Read and narrow the project; unknown coder, code or post ids raise :class:`NotFound`."""
    with project.sessions() as session:
        all_coders = dict(session.execute(select(CoderRow.id, CoderRow.name)).all())
        gold_id = session.scalar(select(CoderRow.id).where(CoderRow.kind == "gold"))
        coder_ids = _chosen("coder", options.coders, all_coders)
        codes = tuple(tree(session))
        code_ids = _chosen("code", options.codes, [code.id for code in codes])
        name, version = reads.codebook_header(session)
        posts = reads.post_frame(session)
        post_ids = _chosen("post", options.post_ids, posts["post_id"].tolist())
        annotations = reads.annotation_frame(session)
        statuses = reads.status_frame(session)
        values = reads.value_frame(session)
        # The agreement sample is read in the same transaction, so it matches the tables.
        sample = load_sample(session, options.coders, None) if len(coder_ids) >= 2 else None
    n_posts_total = len(posts)
    posts = _only(posts, "post_id", post_ids)
    posts["date"] = reads.stored_datetimes(posts["date"])
    posts["metadata"] = reads.stored_json(posts["metadata"])
    annotations = _only(_only(_only(annotations, "post_id", post_ids), "coder_id", coder_ids),
                        "code_id", code_ids)
    for column in ("created", "updated"):
        annotations[column] = reads.stored_datetimes(annotations[column])
    statuses = _only(_only(statuses, "post_id", post_ids), "coder_id", coder_ids)
    values = _only(_only(_only(values, "post_id", post_ids), "coder_id", coder_ids),
                   "code_id", code_ids)
    values["value"] = reads.stored_json(values["value"])
    values["updated"] = reads.stored_datetimes(values["updated"])
    gold = None
    if gold_id is not None and gold_id in coder_ids:
        coder_ids.discard(gold_id)
        gold = GoldLayer(gold_id, str(all_coders[gold_id]),
                         _only(annotations, "coder_id", {gold_id}),
                         _only(statuses, "coder_id", {gold_id}),
                         _only(values, "coder_id", {gold_id}))
        annotations, statuses, values = (_only(frame, "coder_id", coder_ids)
                                         for frame in (annotations, statuses, values))
    chosen_coders = sorted(coder_ids, key=lambda c: (str(all_coders[c]).casefold(), c))
    return Snapshot(
        project_name=project.path.name,
        schema_version=project.schema_version(),
        codebook_name=name,
        codebook_version=version,
        coders={c: str(all_coders[c]) for c in chosen_coders},
        codes=tuple(code for code in codes if code.id in code_ids),
        posts=posts,
        n_posts_total=n_posts_total,
        annotations=annotations,
        statuses=statuses,
        values=values,
        sample=None if sample is None else _narrowed(sample, post_ids, n_posts_total),
        gold=gold,
    )


def _narrowed(sample: ReliabilitySample, post_ids: set[int], n_posts: int) -> ReliabilitySample:
    """``sample`` without the posts outside ``post_ids`` (and coders left without a post)."""
    if len(post_ids) == n_posts:
        return sample
    coded_by = {post: who for post, who in sample.coded_by.items() if post in post_ids}
    active = set().union(*coded_by.values()) if coded_by else set()
    excluded = dict(sample.excluded)
    outside = len(sample.coded_by) - len(coded_by)
    if outside:
        excluded["double-coded posts outside the exported posts"] = outside
    return replace(
        sample,
        coders={c: name for c, name in sample.coders.items() if c in active},
        coded_by=coded_by,
        lengths={p: n for p, n in sample.lengths.items() if p in coded_by},
        labels={p: label for p, label in sample.labels.items() if p in coded_by},
        spans=_only(sample.spans, "doc", coded_by),
        values=_only(sample.values, "doc", coded_by),
        excluded=excluded,
    )


def _chosen(kind: str, wanted: Iterable[int] | None, known: Iterable[int]) -> set[int]:
    """``wanted`` (``None`` = all of ``known``), checked against ``known``."""
    known_ids = set(known)
    if wanted is None:
        return known_ids
    chosen = set(wanted)
    unknown = sorted(chosen - known_ids)
    if unknown:
        raise NotFound(kind, unknown[0])
    return chosen


def _only(frame: pd.DataFrame, column: str, ids: Collection[int]) -> pd.DataFrame:
    """Rows whose ``column`` is one of ``ids``, re-indexed from 0 (a new frame)."""
    keep = frame[column].isin(list(ids)).to_numpy()
    return frame[keep].reset_index(drop=True) if not keep.all() else frame.copy()
