"""What needs adjudicating: pure rules over plain data (no database, no Qt).

A post enters adjudication when two or more *person* coders marked it done (its
*finishers*; unfinished work is never compared, as in the agreement report). For each
such post, every span code and every post-level variable that at least one finisher used
gives an :class:`Entry` holding each finisher's version:

* a span code: the coder's set of exact ``[start, end)`` spans (code points);
* a variable: the coder's value (``None`` = no value).

An entry is *agreed* when every finisher has exactly the same version (the same span set,
or equal values); otherwise it is an *item*, a disagreement to decide. A code applied by
only some finishers is an item (the others' version is "no spans"). Agreed entries are
copied to the gold layer by the explicit "seed agreed" step; items are decided one by one.

An entry counts as decided (or, when agreed, seeded) once the decision log holds a decision
for its post and code; the latest decision is the one in force.  A post's gold status is
``done`` when all its items are decided and all its agreed entries seeded, ``in_progress``
once any decision exists for it, and unset before.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from annotator.core.model import Code, PostStatus
from annotator.core.spans import Span

SEED_NOTE = "agreed by all coders"
"""The note of the decisions that seed agreed entries."""


class Action(StrEnum):
    """What a decision did to the gold layer for one post and code."""

    ACCEPT = "accept"
    """Took one coder's version (or, when seeding, the version all coders agree on)."""
    ACCEPT_BOTH = "accept_both"
    """Took the union of several coders' spans (or levels of a multiple-choice variable)."""
    EDIT = "edit"
    """Set spans or a value given by the adjudicator."""
    REJECT = "reject"
    """No spans or no value."""


SpanSet = tuple[Span, ...]
"""Distinct spans in text order."""


def span_set(spans: Collection[Span]) -> SpanSet:
    """``spans`` without duplicates, sorted by start then end."""
    return tuple(sorted(set(spans)))


@dataclass(frozen=True, slots=True)
class Entry:
    """What the finishers of one post did with one code.

    ``coders`` are the post's finishers in name order; ``spans`` (span codes) or ``values``
    (variables) hold each one's version in the same order; the other tuple is empty.
    """

    post_id: int
    code_id: int
    is_variable: bool
    coders: tuple[int, ...]
    spans: tuple[SpanSet, ...] = ()
    values: tuple[Any, ...] = ()

    @property
    def agreed(self) -> bool:
        """Whether every finisher has exactly the same version."""
        versions = self.values if self.is_variable else self.spans
        return all(version == versions[0] for version in versions[1:])

    def spans_of(self, coder_id: int) -> SpanSet:
        return self.spans[self.coders.index(coder_id)] if not self.is_variable else ()

    def value_of(self, coder_id: int) -> Any:
        return self.values[self.coders.index(coder_id)] if self.is_variable else None

    def agreed_version(self) -> SpanSet | Any:
        """The version every finisher has (only meaningful when :attr:`agreed`)."""
        return self.values[0] if self.is_variable else self.spans[0]


@dataclass(frozen=True, slots=True)
class Decision:
    """One logged decision; ``before``/``after`` are the gold layer's spans (as
    ``[[start, end], ...]``) or value for the post and code; ``sources`` are coder uuids."""

    id: int
    uuid: str
    post_id: int
    code_id: int
    adjudicator_id: int
    adjudicator: str
    action: Action
    sources: tuple[str, ...]
    before: Any
    after: Any
    note: str
    at: datetime

    @property
    def seeded(self) -> bool:
        """Whether this decision copied a version all coders agreed on."""
        return self.action is Action.ACCEPT and self.note == SEED_NOTE


@dataclass(frozen=True, slots=True)
class Item:
    """An entry and the decision in force for it (``None``: open, or not yet seeded)."""

    entry: Entry
    decision: Decision | None

    @property
    def decided(self) -> bool:
        return self.decision is not None

    @property
    def agreed(self) -> bool:
        return self.entry.agreed


@dataclass(frozen=True, slots=True)
class PostProgress:
    """Adjudication progress of one post: ``total`` items (disagreements), ``decided`` of
    them, ``agreed`` entries and ``seeded`` of them."""

    post_id: int
    label: str
    total: int
    decided: int
    agreed: int
    seeded: int

    @property
    def open(self) -> int:
        return self.total - self.decided

    @property
    def complete(self) -> bool:
        return self.decided == self.total and self.seeded == self.agreed


@dataclass(frozen=True, slots=True)
class Progress:
    """Adjudication progress over the project; ``posts`` in reading order."""

    posts: tuple[PostProgress, ...]

    @property
    def total(self) -> int:
        return sum(p.total for p in self.posts)

    @property
    def decided(self) -> int:
        return sum(p.decided for p in self.posts)

    @property
    def agreed(self) -> int:
        return sum(p.agreed for p in self.posts)

    @property
    def seeded(self) -> int:
        return sum(p.seeded for p in self.posts)

    @property
    def open(self) -> int:
        return self.total - self.decided

    @property
    def complete_posts(self) -> int:
        return sum(1 for p in self.posts if p.complete)


def find_entries(
    post_order: Sequence[int],
    finishers: Mapping[int, Collection[int]],
    coder_order: Sequence[int],
    span_codes: Sequence[int],
    variables: Sequence[int],
    spans: Mapping[tuple[int, int, int], Collection[Span]],
    values: Mapping[tuple[int, int, int], Any],
) -> list[Entry]:
    """Every entry of the posts of ``post_order`` with two or more finishers.

    ``spans`` and ``values`` are keyed by ``(post id, code id, coder id)``; codes follow
    ``span_codes`` then ``variables`` (each in codebook order), coders ``coder_order``.
    A code no finisher used gives no entry.
    """
    rank = {coder: number for number, coder in enumerate(coder_order)}
    entries: list[Entry] = []
    for post in post_order:
        who = finishers.get(post, ())
        if len(who) < 2:
            continue
        coders = tuple(sorted(who, key=lambda c: (rank.get(c, len(rank)), c)))
        for code in span_codes:
            versions = tuple(span_set(spans.get((post, code, c), ())) for c in coders)
            if any(versions):
                entries.append(Entry(post, code, False, coders, spans=versions))
        for code in variables:
            chosen = tuple(values.get((post, code, c)) for c in coders)
            if any(value is not None for value in chosen):
                entries.append(Entry(post, code, True, coders, values=chosen))
    return entries


def items_of(entries: Sequence[Entry], latest: Mapping[tuple[int, int], Decision]) -> list[Item]:
    """Each entry with the decision in force for its post and code."""
    return [Item(e, latest.get((e.post_id, e.code_id))) for e in entries]


def progress_of(
    post_order: Sequence[int], labels: Mapping[int, str], items: Sequence[Item]
) -> Progress:
    """Per-post counts of ``items`` for the posts of ``post_order`` (each listed, even
    without entries)."""
    counts: dict[int, list[int]] = {post: [0, 0, 0, 0] for post in post_order}
    for item in items:
        row = counts.setdefault(item.entry.post_id, [0, 0, 0, 0])
        offset = 2 if item.agreed else 0
        row[offset] += 1
        row[offset + 1] += item.decided
    return Progress(tuple(
        PostProgress(post, labels.get(post, f"post {post}"), *row)
        for post, row in counts.items()))


def gold_status(post_items: Sequence[Item], any_decision: bool) -> PostStatus | None:
    """The gold layer's status for a post with these items (see the module docstring);
    ``None`` means "no status row"."""
    if all(item.decided for item in post_items):
        return PostStatus.DONE
    return PostStatus.IN_PROGRESS if any_decision else None


def spans_json(spans: SpanSet) -> list[list[int]]:
    """Spans as stored in a decision's ``before``/``after``."""
    return [[span.start, span.end] for span in spans]


def spans_from_json(stored: Any) -> SpanSet:
    """The inverse of :func:`spans_json` (``None`` = no spans)."""
    return span_set([Span(int(s), int(e)) for s, e in stored or ()])


def describe_value(code: Code, value: Any) -> str:
    """A stored variable value in words: level names (several joined by "; "), yes/no, the
    number or the text; "no value" for ``None``."""
    if value is None:
        return "no value"
    names = {level.uuid: level.name for level in code.levels}
    if isinstance(value, list):
        return "; ".join(names.get(item, str(item)) for item in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        return names.get(value, value)
    return repr(value)
