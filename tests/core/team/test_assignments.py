"""Assignments: the pure planner's rules, post selection, and the service in a real project."""

from __future__ import annotations

from collections import Counter
from fractions import Fraction
from itertools import combinations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.errors import Conflict, NotFound
from annotator.core.model import PostStatus
from annotator.core.posts.service import PostFilter
from annotator.core.project import Project
from annotator.core.team.assignment_operations import AssignPosts, RemoveAssignments
from annotator.core.team.assignment_plan import (
    AssignmentPlan,
    InvalidPlan,
    Overlap,
    plan,
)
from annotator.core.team.assignment_selection import (
    PostChoice,
    PostRange,
    choose_posts,
    narrow,
)

# The planner, property by property


@st.composite
def requests(draw: st.DrawFn) -> dict[str, object]:
    """A valid planning request: posts, coders, an optional overlap and strata."""
    posts = draw(st.lists(st.integers(1, 10_000), min_size=1, max_size=120, unique=True))
    coders = draw(st.lists(st.integers(1, 50), min_size=1, max_size=7, unique=True))
    overlap: Overlap | None = None
    per_post: int | None = None
    if len(coders) >= 2 and draw(st.booleans()):
        if draw(st.booleans()):
            overlap = Overlap.share(draw(st.integers(0, 100)))
        else:
            overlap = Overlap.posts(draw(st.integers(0, len(posts))))
        if draw(st.booleans()):
            per_post = draw(st.integers(2, len(coders)))
    strata = None
    if draw(st.booleans()):
        names = draw(st.lists(st.sampled_from("abcde"), min_size=len(posts),
                              max_size=len(posts)))
        strata = dict(zip(posts, names, strict=True))
    return {"post_ids": posts, "coder_ids": coders, "overlap": overlap,
            "overlap_coders": per_post, "strata": strata,
            "seed": draw(st.integers(0, 2**31 - 1))}


def workloads(made: AssignmentPlan) -> Counter[int]:
    return Counter({c: len(made.posts[c]) for c in made.coders})


@given(requests())
def test_every_post_is_assigned_and_only_the_sample_more_than_once(request):
    made = plan(**request)
    coders_of: dict[int, list[int]] = {}
    for post, coder, reliable in made.rows():
        coders_of.setdefault(post, []).append(coder)
        assert reliable == (post in made.reliability)
    assert set(coders_of) == set(request["post_ids"]) == set(made.planned)
    expected_k = request["overlap_coders"] or len(request["coder_ids"])
    for post, coders in coders_of.items():
        if post in made.reliability:
            assert len(coders) == len(set(coders)) == expected_k == made.overlap_coders
            assert sorted(coders) == sorted(made.reliability[post])
        else:
            assert len(coders) == 1
    overlap = request["overlap"]
    expected_size = overlap.count(len(request["post_ids"])) if overlap else 0
    assert len(made.reliability) == expected_size


@given(requests())
def test_workloads_differ_by_at_most_one_post(request):
    made = plan(**request)
    loads = workloads(made)
    assert max(loads.values()) - min(loads.values()) <= 1
    reliability = Counter(c for who in made.reliability.values() for c in who)
    shares = [reliability[c] for c in made.coders]
    assert max(shares) - min(shares) <= 1
    assert made.assignments == sum(loads.values())


@given(requests())
def test_strata_get_proportional_samples_and_even_splits(request):
    strata = request["strata"]
    made = plan(**request)
    if strata is None:
        assert made.strata == ()
        return
    total, sample = len(made.planned), len(made.reliability)
    sizes = Counter(strata[p] for p in made.planned)
    drawn = Counter(strata[p] for p in made.reliability)
    assert [s.stratum for s in made.strata] == sorted(sizes)
    for share in made.strata:
        exact = Fraction(sample * sizes[share.stratum], total)
        assert share.posts == sizes[share.stratum]
        assert share.reliability == drawn[share.stratum]
        assert abs(share.reliability - exact) < 1  # floor or ceiling of the exact share
    assert sum(s.reliability for s in made.strata) == sample
    for stratum in sizes:
        singles = [sum(1 for p in made.posts[c] if strata[p] == stratum
                       and p not in made.reliability) for c in made.coders]
        assert max(singles) - min(singles) <= 1


@given(requests())
def test_the_same_seed_gives_the_same_plan(request):
    first, second = plan(**request), plan(**request)
    assert first == second
    assert first.batch != second.batch  # each plan is its own batch
    assert first.seed == request["seed"]


def test_different_seeds_give_different_plans():
    posts, coders = list(range(1, 201)), [1, 2, 3]
    plans = [plan(posts, coders, "20%", seed=seed) for seed in range(5)]
    assert len({tuple(sorted(p.reliability)) for p in plans}) == 5
    assert len({p.posts[1] for p in plans}) == 5


def test_a_missing_seed_is_drawn_and_repeats_the_plan():
    made = plan(list(range(50)), [1, 2], "10%")
    again = plan(list(range(50)), [1, 2], "10%", seed=made.seed)
    assert made == again


def test_posts_keep_post_order_per_coder():
    posts = [9, 3, 7, 1, 5, 8, 2]
    made = plan(posts, [1, 2], 2, seed=4)
    for coder in made.coders:
        assert list(made.posts[coder]) == [p for p in posts if p in made.posts[coder]]
    assert made.planned == tuple(posts)


def test_k_of_m_coders_compares_every_pair_about_equally():
    made = plan(list(range(300)), [1, 2, 3, 4], "20%", overlap_coders=2, seed=11)
    assert len(made.reliability) == 60
    pairs = Counter(tuple(who) for who in made.reliability.values())
    assert set(pairs) == set(combinations([1, 2, 3, 4], 2))
    assert max(pairs.values()) - min(pairs.values()) <= 1
    loads = Counter(c for who in made.reliability.values() for c in who)
    assert set(loads.values()) == {30}


def test_already_assigned_posts_are_skipped_unless_replaced():
    posts = list(range(1, 21))
    made = plan(posts, [1, 2], seed=1, existing={3, 4, 99})
    assert made.skipped == (3, 4)
    assert made.replaced == ()
    assert set(made.planned) == set(posts) - {3, 4}
    replaced = plan(posts, [1, 2], seed=1, existing={3, 4, 99}, replace=True)
    assert replaced.replaced == (3, 4)
    assert replaced.skipped == ()
    assert set(replaced.planned) == set(posts)


@pytest.mark.parametrize(("text", "posts", "expected"), [
    ("20%", 18, 4),        # 3.6 rounds to 4
    ("12.5%", 4, 1),       # 0.5: halves round up
    ("1%", 10, 1),         # above 0%: at least one post
    ("0%", 10, 0),
    ("100 %", 7, 7),
    ("12,5%", 8, 1),
    ("5", 10, 5),
])
def test_overlap_sizes(text, posts, expected):
    assert Overlap.parse(text).count(posts) == expected


@pytest.mark.parametrize(("text", "message"), [
    ("abc", "a percentage such as 20%"),
    ("150%", "from 0% to 100%"),
    ("2.5", "whole number of posts"),
    ("-3", "a percentage such as 20%"),
])
def test_bad_overlaps_are_refused(text, message):
    with pytest.raises(InvalidPlan, match=message):
        Overlap.parse(text)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"coder_ids": []}, "at least one coder"),
    ({"post_ids": []}, "no posts are chosen"),
    ({"coder_ids": [1], "overlap": "20%"}, "at least two coders"),
    ({"overlap": "20%", "overlap_coders": 1}, "at least two coders, not 1"),
    ({"overlap": "20%", "overlap_coders": 4}, "4 coders per reliability post with only 3"),
    ({"overlap": 11}, r"sample \(11 posts\) is larger than the 10 posts"),
    ({"overlap_coders": 2}, "need a reliability overlap"),
    ({"existing": range(1, 11)}, "all 10 chosen posts are already assigned"),
    ({"strata": {1: "a"}}, "post 2 has no stratum"),
    ({"seed": -1}, "the seed must be from 0"),
])
def test_impossible_requests_are_refused(kwargs, message):
    request = {"post_ids": list(range(1, 11)), "coder_ids": [1, 2, 3], "seed": 1} | kwargs
    with pytest.raises(InvalidPlan, match=message) as caught:
        plan(**request)
    assert isinstance(caught.value, ValueError)


# Choosing the posts


def test_narrow_takes_the_range_then_a_seeded_sample_in_post_order():
    posts = [10, 20, 30, 40, 50, 60]
    assert narrow(posts, PostRange.parse("2-4")) == [20, 30, 40]
    assert narrow(posts, PostRange.parse("5-")) == [50, 60]
    assert narrow(posts, PostRange.parse("3")) == [30]
    assert narrow(posts, PostRange(4, 99)) == [40, 50, 60]
    sample = narrow(posts, None, 3, seed=8)
    assert len(sample) == 3 and sample == sorted(sample)
    assert narrow(posts, None, 3, seed=8) == sample
    assert {tuple(narrow(posts, None, 3, seed=s)) for s in range(10)} != {tuple(sample)}


@pytest.mark.parametrize(("call", "message"), [
    (lambda: PostRange.parse("x"), "looks like 1-500"),
    (lambda: PostRange.parse("5-2"), "low to high"),
    (lambda: PostRange.parse("0-2"), "from 1 upwards"),
    (lambda: narrow([1, 2], PostRange(3, 4)), "starts after the last of the 2 posts"),
    (lambda: narrow([1, 2], None, 3), "sample of 3 posts from 2"),
    (lambda: narrow([1, 2], None, 0), "at least one post"),
])
def test_bad_choices_are_refused(call, message):
    with pytest.raises(InvalidPlan, match=message):
        call()


def test_choose_posts_filters_in_post_order_whatever_the_sort(demo_project: Project):
    every = demo_project.posts.ids()
    hits = demo_project.posts.ids(PostFilter(text="ukraine"))
    assert 2 < len(hits) < len(every)
    where = PostFilter(text="ukraine", sort="length", descending=True)
    assert choose_posts(demo_project.posts, PostChoice(where)) == hits
    assert choose_posts(demo_project.posts, PostChoice(where, PostRange(2, 3))) == hits[1:3]
    assert choose_posts(demo_project.posts, PostChoice(range=PostRange(1, 5))) == every[:5]


# The service


def coders(project: Project, *names: str) -> list[int]:
    return [project.coders.create(name)[0].id for name in names]


def test_apply_stores_one_batch_and_reads_it_back(demo_project: Project):
    project = demo_project
    ann, ben, cy = coders(project, "Ann", "Ben", "Cy")
    posts = project.posts.ids()
    made = plan(posts, [ann, ben, cy], "20%", seed=5)
    changes = project.assignments.apply(made)
    assert changes.posts == frozenset(posts)
    rows = project.assignments.records()
    assert {(r.post_id, r.coder_id, r.reliability) for r in rows} == set(made.rows())
    assert {r.batch for r in rows} == {made.batch}
    for coder in (ann, ben, cy):
        assert project.assignments.for_coder(coder) == list(made.posts[coder])
    assert project.assignments.reliability_posts() == dict(made.reliability)
    assert project.assignments.assigned_posts() == frozenset(posts)
    (batch,) = project.assignments.batches()
    assert (batch.batch, batch.posts, batch.assignments, batch.reliability_posts) == (
        made.batch, len(posts), made.assignments, len(made.reliability))
    assert batch.coder_ids == tuple(sorted([ann, ben, cy]))
    assert project.posts.ids(PostFilter(assigned_to=ben)) == list(made.posts[ben])
    with pytest.raises(Conflict, match="already applied"):
        project.assignments.apply(made)


def test_progress_counts_the_coders_own_statuses_of_assigned_posts(demo_project: Project):
    project = demo_project
    ann, ben = coders(project, "Ann", "Ben")
    posts = project.posts.ids()
    made = plan(posts[:10], [ann, ben], seed=2)
    project.assignments.apply(made)
    mine = made.posts[ann]
    project.statuses.set(mine[0], ann, PostStatus.DONE)
    project.statuses.set(mine[1], ann, PostStatus.DONE)
    project.statuses.set(mine[2], ann, PostStatus.IN_PROGRESS)
    project.statuses.set(made.posts[ben][0], ann, PostStatus.DONE)  # not Ann's assignment
    project.statuses.set(mine[3], ben, PostStatus.DONE)  # Ben's status of Ann's post
    progress = project.assignments.progress(ann)
    assert (progress.assigned, progress.done, progress.in_progress) == (5, 2, 1)
    assert progress.not_started == 2 and progress.percent_done == 40
    summary = {s.coder.name: s for s in project.assignments.summary()}
    assert (summary["Ann"].assigned, summary["Ann"].done, summary["Ann"].in_progress) == (5, 2, 1)
    assert (summary["Ben"].assigned, summary["Ben"].done) == (5, 0)
    assert project.assignments.progress(project.coders.create("Nobody")[0].id).assigned == 0


def test_replacing_drops_the_earlier_assignments_and_undo_restores_them(
        demo_project: Project):
    project = demo_project
    ann, ben, cy = coders(project, "Ann", "Ben", "Cy")
    posts = project.posts.ids()
    first = plan(posts[:8], [ann, ben], seed=1)
    project.assignments.apply(first)
    before = project.assignments.records()
    second = plan(posts[4:12], [cy], seed=1, existing=project.assignments.assigned_posts(),
                  replace=True)
    op = AssignPosts(second)
    op.apply(project)
    after = {(r.post_id, r.coder_id) for r in project.assignments.records()}
    assert after == {(p, c) for p, c, _ in first.rows() if p not in posts[4:8]} | {
        (p, cy) for p in posts[4:12]}
    op.revert(project)
    assert project.assignments.records() == before
    op.apply(project)  # redo
    assert {(r.post_id, r.coder_id) for r in project.assignments.records()} == after


def test_posts_assigned_after_planning_are_not_overwritten(demo_project: Project):
    project = demo_project
    ann, ben = coders(project, "Ann", "Ben")
    posts = project.posts.ids()
    stale = plan(posts, [ann], seed=1, existing=project.assignments.assigned_posts())
    project.assignments.apply(plan(posts[:3], [ben], seed=1))
    with pytest.raises(Conflict, match="3 of the planned posts were assigned since"):
        project.assignments.apply(stale)
    assert project.assignments.for_coder(ann) == []


def test_bad_plans_change_nothing(demo_project: Project):
    project = demo_project
    (ann,) = coders(project, "Ann")
    posts = project.posts.ids()
    gold = project.coders.gold()
    with pytest.raises(Conflict, match="adjudicated layer"):
        project.assignments.apply(plan(posts, [ann, gold.id], seed=1))
    with pytest.raises(NotFound, match="coder"):
        project.assignments.apply(plan(posts, [ann, 999], seed=1))
    with pytest.raises(NotFound, match="post"):
        project.assignments.apply(plan([*posts, 10_000], [ann], seed=1))
    with pytest.raises(Conflict, match="already exists"):
        project.assignments.apply(plan(posts, [ann, -1], seed=1), {-1: "Ann"})
    assert project.assignments.records() == []
    assert [c.name for c in project.coders.list()] == ["Ann"]


def test_new_coders_are_created_with_their_assignments(demo_project: Project):
    project = demo_project
    (ann,) = coders(project, "Ann")
    made = plan(project.posts.ids(), [ann, -1], "10%", seed=3)
    changes = project.assignments.apply(made, {-1: "  Dora "})
    dora = project.coders.by_name("Dora")
    assert changes.coders == frozenset({dora.id})
    assert project.assignments.for_coder(dora.id) == list(made.posts[-1])


def test_remove_a_batch_or_clear_a_coder_undoably(demo_project: Project):
    project = demo_project
    ann, ben = coders(project, "Ann", "Ben")
    posts = project.posts.ids()
    one = plan(posts[:6], [ann, ben], 2, seed=1)
    two = plan(posts[6:], [ann, ben], seed=1)
    project.assignments.apply(one)
    project.assignments.apply(two)
    everything = project.assignments.records()
    remove = RemoveAssignments(batch=one.batch)
    assert remove.apply(project).posts == frozenset(posts[:6])
    assert {r.batch for r in project.assignments.records()} == {two.batch}
    remove.revert(project)
    assert project.assignments.records() == everything
    clear = RemoveAssignments(coder_id=ann)
    clear.apply(project)
    assert project.assignments.for_coder(ann) == []
    assert project.assignments.for_coder(ben) == list(one.posts[ben]) + list(two.posts[ben])
    clear.revert(project)
    assert project.assignments.records() == everything
    with pytest.raises(NotFound, match="batch"):
        project.assignments.remove("nope")
    with pytest.raises(ValueError, match="not both"):
        RemoveAssignments(batch="x", coder_id=ann)


def test_channel_strata_name_every_post(demo_project: Project):
    strata = demo_project.assignments.channel_strata()
    assert set(strata) == set(demo_project.posts.ids())
    assert set(strata.values()) == {c.key for c in demo_project.posts.channels()}
