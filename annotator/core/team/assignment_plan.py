"""Planning who codes which posts: a pure, seeded split with a reliability sample.

:func:`plan` never touches a database; :class:`~.assignments.AssignmentService` stores
what it returns. The rules, in order (the tests check each):

1. **Candidates.** The posts given, in the order given (post order; repeats dropped). Posts
   in ``existing`` (already assigned to anyone) are left out and listed in
   :attr:`AssignmentPlan.skipped`, unless ``replace``: then they are planned like the others
   and listed in :attr:`AssignmentPlan.replaced`, and applying the plan first drops their
   earlier assignments (to every coder; coding already done stays).
2. **Reliability sample size.** ``overlap`` is a share of the candidates ("20%": rounded to
   the nearest post, halves up, and at least one post when above 0%) or a number of posts.
   It needs two coders or more and cannot exceed the candidates.
3. **Which posts.** Drawn at random. With ``strata`` (post id -> e.g. its channel), every
   stratum gives a share proportional to its size; the quotas are rounded by largest
   remainder (ties: the larger stratum, then the stratum's name) so they add up exactly.
4. **Who codes them.** Every chosen coder, or ``overlap_coders`` = k of them (2 <= k <=
   coders). With k, each sampled post (in post order) goes to the k coders with the fewest
   reliability posts so far; among equals first to those who have shared the fewest posts
   with the coders already picked for it (so every pair of coders is compared about equally
   often), then to those with the fewest reliability posts of the post's stratum, then at
   random. Each coder thus codes ⌊Rk/m⌋ or ⌈Rk/m⌉ of the R sampled posts.
5. **The other posts** go to one coder each, stratum by stratum (in name order): of a
   stratum's u posts every coder gets ⌊u/m⌋, and the u mod m left over go to the coders
   with the smallest workload so far (reliability and other posts; ties at random); which
   posts go to whom is random. Hence the coders' workloads differ by at most one post, and
   so do their shares of each stratum's other posts.
6. **Randomness** comes only from ``random.Random(seed)``: the same inputs and seed give
   the same plan. Without a seed one is drawn and recorded in the plan, to repeat it.
"""

from __future__ import annotations

import math
import random
import re
import uuid
from collections import Counter, defaultdict
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from fractions import Fraction
from types import MappingProxyType

from annotator.core.errors import Conflict

SEED_LIMIT = 2**31 - 1
"""Seeds run from 0 to this (they fit a 32-bit spin box)."""

_OVERLAP = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*(%?)\s*$")


class InvalidPlan(Conflict, ValueError):
    """The assignment cannot be planned as asked; ``str()`` says why, in one line."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def new_seed() -> int:
    """A fresh random seed (recorded in the plan, so the plan can be repeated)."""
    return random.SystemRandom().randint(0, SEED_LIMIT)


def new_batch() -> str:
    """A fresh batch uuid: every applied plan is one batch, removable as a whole."""
    return str(uuid.uuid4())


@dataclass(frozen=True, slots=True)
class Overlap:
    """The size of the reliability sample: ``amount`` percent of the posts, or posts."""

    amount: Fraction
    percent: bool

    def __post_init__(self) -> None:
        if self.amount < 0 or (self.percent and self.amount > 100):
            raise InvalidPlan(f"the overlap must be from 0% to 100%, not {self}")
        if not self.percent and self.amount.denominator != 1:
            raise InvalidPlan(f"the overlap must be a whole number of posts, not {self}")

    @classmethod
    def share(cls, percent: float | str | Fraction) -> Overlap:
        """``percent`` of the posts (0 to 100)."""
        return cls(Fraction(str(percent)) if isinstance(percent, float) else
                   Fraction(percent), True)

    @classmethod
    def posts(cls, count: int) -> Overlap:
        """``count`` posts."""
        return cls(Fraction(count), False)

    @classmethod
    def parse(cls, text: str) -> Overlap:
        """``"20%"`` or ``"12.5 %"`` (a share of the posts) or ``"50"`` (a number of posts)."""
        match = _OVERLAP.match(text)
        if match is None:
            raise InvalidPlan(f"the overlap must be a percentage such as 20% or a number of "
                              f"posts such as 50, not {text.strip()!r}")
        number, percent = match.group(1).replace(",", "."), bool(match.group(2))
        if not percent and "." in number:
            raise InvalidPlan(f"the overlap must be a whole number of posts (or add %), "
                              f"not {text.strip()!r}")
        return cls(Fraction(number), percent)

    def count(self, candidates: int) -> int:
        """How many of ``candidates`` posts the sample holds (see rule 2 of the module)."""
        if not self.percent:
            return int(self.amount)
        if self.amount == 0 or candidates == 0:
            return 0
        return max(1, math.floor(candidates * self.amount / 100 + Fraction(1, 2)))

    def __str__(self) -> str:
        if self.percent:
            return f"{float(self.amount):g}%"
        return f"{int(self.amount)} post{'' if self.amount == 1 else 's'}"


@dataclass(frozen=True, slots=True)
class CoderShare:
    """One coder's part of a plan: ``posts`` in all, ``reliability`` of them in the sample."""

    coder_id: int
    posts: int
    reliability: int


@dataclass(frozen=True, slots=True)
class StratumShare:
    """One stratum of a stratified plan: its planned posts and how many are in the sample."""

    stratum: str
    posts: int
    reliability: int


@dataclass(frozen=True)
class AssignmentPlan:
    """Who codes which posts; made by :func:`plan`, stored by ``AssignmentService.apply``."""

    coders: tuple[int, ...]
    """The chosen coders, in the order given."""
    posts: Mapping[int, tuple[int, ...]]
    """Coder id -> the posts they code, in post order (their reliability posts included)."""
    reliability: Mapping[int, tuple[int, ...]]
    """Post id -> the coders of that post of the reliability sample (sample in post order)."""
    planned: tuple[int, ...]
    """Every post the plan assigns, in post order."""
    seed: int
    overlap: Overlap | None
    overlap_coders: int
    """Coders per reliability post (0 without a sample)."""
    skipped: tuple[int, ...] = ()
    """Chosen posts left out because they were already assigned (rule 1)."""
    replaced: tuple[int, ...] = ()
    """Chosen posts already assigned that the plan assigns anew (``replace``)."""
    strata: tuple[StratumShare, ...] = ()
    """Per stratum, in name order; empty when the plan is not stratified."""
    batch: str = field(default_factory=new_batch, compare=False)
    """The uuid of the batch of rows this plan becomes (not part of plan equality)."""

    def rows(self) -> Iterator[tuple[int, int, bool]]:
        """``(post id, coder id, reliability)`` for every assignment, coder by coder."""
        for coder in self.coders:
            for post in self.posts[coder]:
                yield post, coder, post in self.reliability

    def shares(self) -> tuple[CoderShare, ...]:
        """Each coder's workload, in the order of :attr:`coders`."""
        return tuple(
            CoderShare(c, len(self.posts[c]), sum(p in self.reliability for p in self.posts[c]))
            for c in self.coders
        )

    def with_coders(self, ids: Mapping[int, int]) -> AssignmentPlan:
        """The same plan (and batch) with coder ids renamed by ``ids`` (others kept): for
        placeholders of new coders, once they exist."""
        def rename(coders: tuple[int, ...]) -> tuple[int, ...]:
            return tuple(ids.get(c, c) for c in coders)

        return replace(
            self, coders=rename(self.coders),
            posts=MappingProxyType({ids.get(c, c): p for c, p in self.posts.items()}),
            reliability=MappingProxyType({p: rename(c) for p, c in self.reliability.items()}))

    @property
    def assignments(self) -> int:
        """How many (post, coder) assignments the plan makes."""
        return sum(len(posts) for posts in self.posts.values())


def plan(
    post_ids: Sequence[int],
    coder_ids: Sequence[int],
    overlap: Overlap | str | int | None = None,
    overlap_coders: int | None = None,
    seed: int | None = None,
    strata: Mapping[int, str] | None = None,
    existing: Collection[int] = (),
    replace: bool = False,
    batch: str | None = None,
) -> AssignmentPlan:
    """Split ``post_ids`` among ``coder_ids`` by the rules of this module.

    ``overlap`` is an :class:`Overlap`, its text (``"20%"``, ``"50"``) or a number of posts;
    ``existing`` holds the ids of posts already assigned. Raises :class:`InvalidPlan`
    (a ``ValueError``) when the request cannot be met; nothing else is checked here (the
    service checks that posts and coders exist).
    """
    coders = tuple(dict.fromkeys(coder_ids))
    chosen = list(dict.fromkeys(post_ids))
    size = Overlap.parse(overlap) if isinstance(overlap, str) else \
        Overlap.posts(overlap) if isinstance(overlap, int) else overlap
    if not coders:
        raise InvalidPlan("choose at least one coder")
    if not chosen:
        raise InvalidPlan("no posts are chosen")
    taken = frozenset(existing)
    already = tuple(p for p in chosen if p in taken)
    candidates = chosen if replace else [p for p in chosen if p not in taken]
    if not candidates:
        raise InvalidPlan(f"all {len(chosen)} chosen posts are already assigned; replace their "
                          "assignments to plan them anew")
    sample_size, per_post = _sample_size(size, overlap_coders, len(coders), len(candidates))
    if seed is None:
        seed = new_seed()
    elif not 0 <= seed <= SEED_LIMIT:
        raise InvalidPlan(f"the seed must be from 0 to {SEED_LIMIT}, not {seed}")
    rng = random.Random(seed)
    groups = _groups(candidates, strata)
    quotas = _quotas(groups, sample_size)
    sample: set[int] = set()
    for name, members in groups.items():
        sample.update(rng.sample(members, quotas[name]))
    stratum_of = {p: name for name, members in groups.items() for p in members}
    reliability = _reliability_coders([p for p in candidates if p in sample], coders, per_post,
                                      stratum_of, rng)
    assigned = _split_the_rest(groups, sample, reliability, coders, rng)
    order = {p: i for i, p in enumerate(candidates)}
    return AssignmentPlan(
        coders=coders,
        posts=MappingProxyType({c: tuple(sorted(assigned[c], key=order.__getitem__))
                                for c in coders}),
        reliability=MappingProxyType(reliability),
        planned=tuple(candidates),
        seed=seed,
        overlap=size if sample_size else None,
        overlap_coders=per_post if sample_size else 0,
        skipped=() if replace else already,
        replaced=already if replace else (),
        strata=tuple(StratumShare(name, len(members), quotas[name])
                     for name, members in groups.items()) if strata is not None else (),
        batch=batch or new_batch(),
    )


def _sample_size(size: Overlap | None, overlap_coders: int | None, coders: int,
                 candidates: int) -> tuple[int, int]:
    """The sample size and the coders per sampled post, after checking the request."""
    if size is None and overlap_coders is not None:
        raise InvalidPlan("coders per reliability post need a reliability overlap")
    if size is None or size.amount == 0:
        return 0, 0
    if coders < 2:
        raise InvalidPlan(f"a reliability overlap needs at least two coders ({coders} chosen)")
    per_post = coders if overlap_coders is None else overlap_coders
    if per_post < 2:
        raise InvalidPlan(f"each reliability post needs at least two coders, not {per_post}")
    if per_post > coders:
        raise InvalidPlan(f"cannot have {per_post} coders per reliability post with only "
                          f"{coders} coders chosen")
    count = size.count(candidates)
    if count > candidates:
        raise InvalidPlan(f"the reliability sample ({count} posts) is larger than the "
                          f"{candidates} posts to assign")
    return count, per_post


def _groups(candidates: list[int], strata: Mapping[int, str] | None) -> dict[str, list[int]]:
    """The candidates by stratum, strata in name order (one unnamed group without strata)."""
    if strata is None:
        return {"": candidates}
    groups: dict[str, list[int]] = defaultdict(list)
    for post in candidates:
        if post not in strata:
            raise InvalidPlan(f"post {post} has no stratum")
        groups[strata[post]].append(post)
    return {name: groups[name] for name in sorted(groups)}


def _quotas(groups: Mapping[str, list[int]], total: int) -> dict[str, int]:
    """Largest-remainder shares of ``total`` proportional to the group sizes."""
    size = sum(len(members) for members in groups.values())
    quotas = {name: total * len(members) // size for name, members in groups.items()}
    left = total - sum(quotas.values())
    by_remainder = sorted(groups, key=lambda name: (-(total * len(groups[name]) % size),
                                                    -len(groups[name]), name))
    for name in by_remainder[:left]:
        quotas[name] += 1
    return quotas


def _reliability_coders(
    sample: list[int],
    coders: tuple[int, ...],
    per_post: int,
    stratum_of: Mapping[int, str],
    rng: random.Random,
) -> dict[int, tuple[int, ...]]:
    """The coders of each sampled post (rule 4), in the coders' given order."""
    load: Counter[int] = Counter()
    stratum_load: dict[str, Counter[int]] = defaultdict(Counter)
    together: Counter[tuple[int, int]] = Counter()
    chosen: dict[int, tuple[int, ...]] = {}
    for post in sample:
        stratum = stratum_load[stratum_of[post]]
        if per_post == len(coders):
            picked = list(coders)
        else:
            ties = {c: rng.random() for c in coders}
            picked = []
            for _ in range(per_post):
                best = min((c for c in coders if c not in picked), key=lambda c: (
                    load[c], sum(together[_pair(c, o)] for o in picked), stratum[c], ties[c]))
                together.update(_pair(best, o) for o in picked)
                picked.append(best)
        load.update(picked)
        stratum.update(picked)
        chosen[post] = tuple(c for c in coders if c in picked)
    return chosen


def _split_the_rest(
    groups: Mapping[str, list[int]],
    sample: set[int],
    reliability: Mapping[int, tuple[int, ...]],
    coders: tuple[int, ...],
    rng: random.Random,
) -> dict[int, list[int]]:
    """Every coder's posts: their reliability posts and a fair part of the rest (rule 5)."""
    assigned: dict[int, list[int]] = {c: [] for c in coders}
    for post, who in reliability.items():
        for coder in who:
            assigned[coder].append(post)
    load = Counter({c: len(posts) for c, posts in assigned.items()})
    for members in groups.values():
        rest = [p for p in members if p not in sample]
        rng.shuffle(rest)
        base, extra = divmod(len(rest), len(coders))
        ties = {c: rng.random() for c in coders}
        lucky = set(sorted(coders, key=lambda c: (load[c], ties[c]))[:extra])
        start = 0
        for coder in coders:
            take = base + (coder in lucky)
            assigned[coder].extend(rest[start:start + take])
            load[coder] += take
            start += take
    return assigned


def _pair(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)
