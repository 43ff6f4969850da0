"""Adjudication: settling coders' disagreements into the gold layer, with a decision log.

The gold layer is the project's coder of kind ``gold`` (``project.coders.gold()``); its
annotations and values are ordinary rows of that coder, so exports and the agreement
report read it like any coder.  What needs deciding and when a post is complete are the
rules of :mod:`.adjudication_items`; this service reads them from the project and writes
decisions.  Each write is one transaction that replaces the gold layer's version for one
post and code (re-deciding replaces it again; the log keeps every decision) and returns a
:class:`~.adjudication_gold.GoldChange` that :meth:`AdjudicationService.revert` and
:meth:`~AdjudicationService.replay` undo and redo exactly (see
:mod:`.adjudication_operations`).

Decisions on a span code:

* ``accept(coder)``: gold := that coder's spans (quotes taken afresh from the post text);
* ``accept_all(coders)``: gold := the union of their spans; a span several of them marked
  is kept once, overlapping but different spans are all kept as they are (the gold layer
  may overlap itself, as a coder's may);
* ``edit(spans)``: gold := the given spans, checked against the text;
* ``reject``: gold := no spans of that code on that post.

On a variable: ``accept`` one coder's value, ``accept_all`` merges the levels of a
multiple-choice variable (other types only when the values are equal), ``edit`` sets a
value the variable takes, ``reject`` leaves no value.

Decisions are refused (:class:`~annotator.core.errors.Conflict`, nothing written) on a post
fewer than two person coders finished, when the adjudicator is not a person coder, and
when an accepted coder did not finish the post.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from annotator.core.changes import Changes
from annotator.core.codebook.spec import VariableType
from annotator.core.coders.service import ensure_gold
from annotator.core.errors import Conflict, NotFound
from annotator.core.model import Coder, Post, PostStatus
from annotator.core.posts.values import normalise_value
from annotator.core.spans import Span
from annotator.core.storage import convert
from annotator.core.storage.schema import (
    AnnotationRow,
    ChannelRow,
    CodeRow,
    CoderRow,
    PostRow,
    PostStatusRow,
    PostValueRow,
)
from annotator.core.team import adjudication_gold as gold_rows
from annotator.core.team.adjudication_data import Loaded, decisions, load
from annotator.core.team.adjudication_gold import GoldChange, GoldStep
from annotator.core.team.adjudication_items import (
    SEED_NOTE,
    Action,
    Decision,
    Item,
    PostProgress,
    Progress,
    SpanSet,
    progress_of,
    span_set,
)


@dataclass(frozen=True)
class PostAdjudication:
    """Everything the adjudication view shows for one post."""

    post: Post
    coders: tuple[Coder, ...]
    """The post's finishers, in name order."""
    items: tuple[Item, ...]
    """Every entry of the post (disagreements and agreed ones), in codebook order."""
    gold_spans: dict[int, SpanSet]
    """Code id -> the gold layer's spans on this post."""
    gold_values: dict[int, Any]
    """Variable code id -> the gold layer's value on this post."""
    gold_status: PostStatus | None
    progress: PostProgress

    def item(self, code_id: int) -> Item | None:
        return next((i for i in self.items if i.entry.code_id == code_id), None)


class AdjudicationService:
    """Reads adjudication state and writes decisions; one transaction per call."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    # Reading

    def progress(self) -> Progress:
        """Items and agreed entries, decided and seeded, per post and overall."""
        with self._sessions() as session:
            loaded = load(session)
        return progress_of(loaded.post_order, loaded.labels, loaded.items())

    def items(self, *, open_only: bool = False, agreed: bool = False) -> list[Item]:
        """The disagreements of every post (with ``agreed``, the agreed entries too), in
        reading order then codebook order; ``open_only`` drops decided ones."""
        with self._sessions() as session:
            found = load(session).items()
        return [i for i in found if (agreed or not i.agreed)
                and not (open_only and i.decided)]

    def post(self, post_id: int) -> PostAdjudication:
        """One post's finishers, entries and gold layer; :class:`NotFound` for an unknown
        post, :class:`Conflict` when fewer than two person coders finished it."""
        with self._sessions() as session:
            row = session.get(PostRow, post_id)
            if row is None:
                raise NotFound("post", post_id)
            loaded = _eligible(load(session, [post_id]), post_id)
            post = convert.post(row, session.get_one(ChannelRow, row.channel_id))
            status = None
            if loaded.gold_id is not None:
                status = session.scalar(select(PostStatusRow.status).where(
                    PostStatusRow.post_id == post_id, PostStatusRow.coder_id == loaded.gold_id))
        items = tuple(loaded.items())
        return PostAdjudication(
            post=post,
            coders=tuple(loaded.coders[c] for c in loaded.finishers[post_id]),
            items=items,
            gold_spans={code: s for (p, code), s in loaded.gold_spans.items() if p == post_id},
            gold_values={code: v for (p, code), v in loaded.gold_values.items()
                         if p == post_id},
            gold_status=PostStatus(status) if status else None,
            progress=progress_of([post_id], loaded.labels, items).posts[0],
        )

    def decisions(self, post_ids: Collection[int] | None = None) -> list[Decision]:
        """The decision log (of ``post_ids``, or all), oldest first."""
        with self._sessions() as session:
            coders = {r.id: convert.coder(r) for r in session.scalars(select(CoderRow))}
            return decisions(session, coders, post_ids)

    # Deciding

    def accept(self, post_id: int, code_id: int, coder_id: int, adjudicator_id: int,
               note: str = "") -> GoldChange:
        """Gold := coder ``coder_id``'s version of ``code_id`` on ``post_id``."""
        return self._decide(post_id, code_id, adjudicator_id, note, Action.ACCEPT, [coder_id],
                            None)

    def accept_all(self, post_id: int, code_id: int, coder_ids: Sequence[int],
                   adjudicator_id: int, note: str = "") -> GoldChange:
        """Gold := the union of two or more coders' versions (see the module docstring)."""
        if len(set(coder_ids)) < 2:
            raise Conflict("accepting several versions needs two or more coders")
        return self._decide(post_id, code_id, adjudicator_id, note, Action.ACCEPT_BOTH,
                            list(dict.fromkeys(coder_ids)), None)

    def edit(self, post_id: int, code_id: int, version: Sequence[Span] | Any,
             adjudicator_id: int, note: str = "") -> GoldChange:
        """Gold := ``version``: spans (code points) for a span code, a value for a variable
        (as ``project.values.set`` takes it; ``None`` = no value)."""
        return self._decide(post_id, code_id, adjudicator_id, note, Action.EDIT, [],
                            (version,))

    def reject(self, post_id: int, code_id: int, adjudicator_id: int,
               note: str = "") -> GoldChange:
        """Gold := nothing for ``code_id`` on ``post_id``."""
        return self._decide(post_id, code_id, adjudicator_id, note, Action.REJECT, [],
                            (None,))

    def seed_agreed(self, adjudicator_id: int) -> GoldChange:
        """Copy every agreed entry not yet seeded into the gold layer, each logged as
        ``accept`` with the note :data:`SEED_NOTE`, and bring every post's gold status up
        to date (a post with nothing to decide becomes done). One transaction."""
        with self._sessions.begin() as session:
            gold = ensure_gold(session).id
            _adjudicator(session, adjudicator_id)
            loaded = load(session)
            steps: list[GoldStep] = []
            for item in loaded.items():
                entry = item.entry
                if not entry.agreed or item.decided:
                    continue
                post = session.get_one(PostRow, entry.post_id)
                code = session.get_one(CodeRow, entry.code_id)
                sources = [loaded.coders[c].uuid for c in entry.coders]
                if entry.is_variable:
                    steps.append(gold_rows.write_value(
                        session, gold, post, code, adjudicator_id, Action.ACCEPT, sources,
                        entry.agreed_version(), SEED_NOTE))
                else:
                    steps.append(gold_rows.write_spans(
                        session, gold, post, code, adjudicator_id, Action.ACCEPT, sources,
                        entry.agreed_version(), SEED_NOTE))
            statuses = gold_rows.follow_statuses(session, gold, loaded.post_order)
            return GoldChange(gold, tuple(steps), tuple(statuses))

    # Undo

    def revert(self, change: GoldChange) -> Changes:
        """Undo ``change`` exactly (one transaction); :class:`NotFound` when its rows
        changed meanwhile (then nothing is written)."""
        with self._sessions.begin() as session:
            gold_rows.revert(session, change)
        return change.changes

    def replay(self, change: GoldChange) -> Changes:
        """Redo ``change`` after :meth:`revert`, with the same rows and decisions."""
        with self._sessions.begin() as session:
            gold_rows.replay(session, change)
        return change.changes

    # Internals

    def _decide(self, post_id: int, code_id: int, adjudicator_id: int, note: str,
                action: Action, coder_ids: list[int], given: tuple[Any] | None) -> GoldChange:
        """One decision; ``given`` holds the edited version (edit, reject), else the
        version comes from ``coder_ids``."""
        with self._sessions.begin() as session:
            post = session.get(PostRow, post_id)
            if post is None:
                raise NotFound("post", post_id)
            code = session.get(CodeRow, code_id)
            if code is None:
                raise NotFound("code", code_id)
            _adjudicator(session, adjudicator_id)
            loaded = _eligible(load(session, [post_id]), post_id)
            gold = ensure_gold(session).id
            for coder in coder_ids:
                if coder not in loaded.finishers[post_id]:
                    name = loaded.coders[coder].name if coder in loaded.coders else coder
                    raise Conflict(f"{name} has not finished post {loaded.labels[post_id]}; "
                                   "only the versions of coders who finished it can be "
                                   "accepted")
            sources = [loaded.coders[c].uuid for c in coder_ids]
            cleaned = note.strip()
            if code.kind == "variable":
                value = (normalise_value(code, given[0]) if given is not None
                         else _merged_value(session, code, post_id, coder_ids))
                step = gold_rows.write_value(session, gold, post, code, adjudicator_id,
                                             action, sources, value, cleaned)
            else:
                spans = (_given_spans(given[0]) if given is not None
                         else _merged_spans(session, post_id, code_id, coder_ids))
                step = gold_rows.write_spans(session, gold, post, code, adjudicator_id,
                                             action, sources, spans, cleaned)
            statuses = gold_rows.follow_statuses(session, gold, [post_id])
            return GoldChange(gold, (step,), tuple(statuses))


def _eligible(loaded: Loaded, post_id: int) -> Loaded:
    if post_id not in loaded.finishers:
        raise Conflict(f"post {post_id} was not finished by two or more coders; there is "
                       "nothing to adjudicate")
    return loaded


def _adjudicator(session: Session, coder_id: int) -> None:
    row = session.get(CoderRow, coder_id)
    if row is None:
        raise NotFound("coder", coder_id)
    if row.kind != "person":
        raise Conflict("the adjudicated layer cannot adjudicate; choose a person")


def _given_spans(version: Any) -> SpanSet:
    if version is None:
        return ()
    if not isinstance(version, Sequence) or not all(isinstance(s, Span) for s in version):
        raise Conflict("a span code takes a list of spans")
    return span_set(version)


def _merged_spans(session: Session, post_id: int, code_id: int,
                  coder_ids: Sequence[int]) -> SpanSet:
    found = session.execute(select(AnnotationRow.start, AnnotationRow.end).where(
        AnnotationRow.post_id == post_id, AnnotationRow.code_id == code_id,
        AnnotationRow.coder_id.in_(list(coder_ids))))
    return span_set([Span(start, end) for start, end in found])


def _merged_value(session: Session, code: CodeRow, post_id: int,
                  coder_ids: Sequence[int]) -> Any:
    found: dict[int, Any] = {
        coder: value for coder, value in session.execute(
            select(PostValueRow.coder_id, PostValueRow.value).where(
                PostValueRow.post_id == post_id, PostValueRow.code_id == code.id,
                PostValueRow.coder_id.in_(list(coder_ids))))}
    chosen = [found.get(coder) for coder in coder_ids]
    if len(chosen) == 1 or all(value == chosen[0] for value in chosen):
        return chosen[0]
    if code.variable_type == VariableType.MULTIPLE:
        levels = {level for value in chosen for level in value or ()}
        return normalise_value(code, sorted(levels))
    raise Conflict(f"{code.name!r} takes one value; accept one coder's value or edit it")
