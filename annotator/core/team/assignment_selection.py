"""Choosing the posts to assign: by filter, by position range, by random sample.

The steps apply in this order, each to what the previous kept:

1. the filter (a :class:`~annotator.core.posts.service.PostFilter`: search text, channel,
   status, code), listed in post order (its sort is ignored);
2. the range: 1-based positions in that list ("1-500": its first 500 posts; "501-": the
   rest), so with no filter the numbers are those of the post list's ``#`` column;
3. the sample: N posts drawn at random from what is left, seeded, kept in post order.

The sample draws from its own generator (seeded from the seed's text), so it never
correlates with the planner's draws made from the same seed.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from annotator.core.posts.service import PostFilter, PostService
from annotator.core.team.assignment_plan import InvalidPlan

_RANGE = re.compile(r"^\s*(\d+)\s*(?:(-)\s*(\d*))?\s*$")


@dataclass(frozen=True, slots=True)
class PostRange:
    """Positions ``first`` to ``last`` (1-based, inclusive; ``None``: to the end)."""

    first: int
    last: int | None = None

    def __post_init__(self) -> None:
        if self.first < 1 or (self.last is not None and self.last < self.first):
            raise InvalidPlan(f"the range {self} must run from 1 upwards, low to high")

    @classmethod
    def parse(cls, text: str) -> PostRange:
        """``"1-500"``, ``"501-"`` (to the end) or ``"17"`` (one post)."""
        match = _RANGE.match(text)
        if match is None:
            raise InvalidPlan(f"a range of posts looks like 1-500 or 501-, not {text.strip()!r}")
        first = int(match.group(1))
        if match.group(2) is None:
            return cls(first, first)
        return cls(first, int(match.group(3)) if match.group(3) else None)

    def __str__(self) -> str:
        return f"{self.first}-{'' if self.last is None else self.last}"


@dataclass(frozen=True, slots=True)
class PostChoice:
    """Which posts to assign (see the module docstring); all fields empty: every post."""

    where: PostFilter | None = None
    range: PostRange | None = None
    sample: int | None = None


def narrow(post_ids: Sequence[int], span: PostRange | None = None, sample: int | None = None,
           seed: int = 0) -> list[int]:
    """Steps 2 and 3 on ``post_ids`` (in post order); raises :class:`InvalidPlan` for a
    range past the end or a sample larger than the posts left."""
    chosen = list(post_ids)
    if span is not None:
        if span.first > len(chosen):
            raise InvalidPlan(f"the range {span} starts after the last of the "
                              f"{len(chosen)} posts")
        chosen = chosen[span.first - 1:span.last]
    if sample is not None:
        if sample < 1:
            raise InvalidPlan(f"a random sample needs at least one post, not {sample}")
        if sample > len(chosen):
            raise InvalidPlan(f"cannot draw a sample of {sample} posts from {len(chosen)}")
        drawn = set(random.Random(f"sample:{seed}").sample(chosen, sample))
        chosen = [p for p in chosen if p in drawn]
    return chosen


def choose_posts(posts: PostService, choice: PostChoice, seed: int = 0) -> list[int]:
    """The posts ``choice`` keeps, in post order (every step of the module docstring)."""
    where = None if choice.where is None else replace(choice.where, sort="position",
                                                      descending=False)
    return narrow(posts.ids(where), choice.range, choice.sample, seed)
