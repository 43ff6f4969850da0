"""``annotator-cli assign`` and ``assignments``: plans printed, rows stored, errors in one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.demo import create_demo
from annotator.core.model import PostStatus
from annotator.core.posts.service import PostFilter
from annotator.core.project import Project
from annotator.core.team.assignment_plan import plan
from annotator.core.team.assignment_selection import narrow
from tests.cli.harness import assert_one_line_error, sha256

ALL = 18


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    """The demo project with coders Ann, Ben and Cy."""
    path = tmp_path / "demo.annot"
    with create_demo(path) as project:
        for name in ("Ann", "Ben", "Cy"):
            project.coders.create(name)
    return path


def stored(path: Path) -> dict[str, list[int]]:
    with Project.open(path) as project:
        return {c.name: project.assignments.for_coder(c.id) for c in project.coders.list()}


def test_assign_prints_the_plan_and_stores_it(cli, demo):
    result = cli("assign", demo, "--coders", "Ann,ben,Cy", "--overlap", "20%", "--seed", "7")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].startswith(f"plan: {ALL} posts for 3 coders (seed 7, batch ")
    assert lines[1] == "reliability sample: 4 posts (20%), each coded by all 3 coders"
    assert lines[2].split() == ["coder", "posts", "reliability"]
    rows = {line.split()[0]: line.split()[1:] for line in lines[3:6]}
    assert sorted(rows) == ["Ann", "Ben", "Cy"]
    assert sorted(int(r[0]) for r in rows.values()) == [8, 9, 9]  # 18 + 2*4 = 26 assignments
    assert {r[1] for r in rows.values()} == {"4"}
    assert lines[-1].startswith(f"assigned {ALL} posts (26 assignments) to 3 coders in batch ")
    with Project.open(demo) as project:
        ids = {c.name: c.id for c in project.coders.list()}
        expected = plan(project.posts.ids(), [ids["Ann"], ids["Ben"], ids["Cy"]], "20%",
                        seed=7)
    assert stored(demo) == {name: list(expected.posts[ids[name]]) for name in ids}
    assert {name: int(rows[name][0]) for name in rows} == {
        name: len(expected.posts[ids[name]]) for name in ids}


def test_dry_run_writes_nothing_and_json_describes_the_plan(cli, demo):
    before = sha256(demo)
    result = cli("assign", demo, "--coders", "Ann,Ben,Cy", "--overlap", "6",
                 "--overlap-coders", "2", "--seed", "3", "--dry-run", "--json")
    assert result.code == 0, result.err
    record = result.json()
    assert record["applied"] is False
    assert (record["posts"], record["reliability_posts"], record["overlap"]) == (ALL, 6, "6 posts")
    assert record["coders_per_reliability_post"] == 2
    assert [c["reliability"] for c in record["coders"]] == [4, 4, 4]
    assert sum(c["posts"] for c in record["coders"]) == ALL + 6
    assert sha256(demo) == before
    text = cli("assign", demo, "--coders", "Ann,Ben,Cy", "--overlap", "6",
               "--overlap-coders", "2", "--seed", "3", "--dry-run")
    assert "each coded by 2 of the 3 coders" in text.out
    assert text.out.splitlines()[-1] == "dry run: nothing was written"


def test_filter_channel_range_and_sample_choose_the_posts(cli, demo):
    with Project.open(demo) as project:
        hits = project.posts.ids(PostFilter(text="ukraine"))
        channel = project.posts.channels()[0]
    result = cli("assign", demo, "--coders", "Ann,Ben", "--filter", "ukraine", "--channel",
                 channel.title.upper(), "--range", "2-", "--seed", "1")
    assert result.code == 0, result.err
    assert sorted(stored(demo)["Ann"] + stored(demo)["Ben"]) == sorted(hits[1:])
    result = cli("assign", demo, "--coders", "Cy", "--sample", "4", "--seed", "9", "--json")
    assert result.code == 0, result.err
    with Project.open(demo) as project:
        every = project.posts.ids()
    sample = narrow(every, None, 4, seed=9)
    assert stored(demo)["Cy"] == [p for p in sample if p not in hits[1:]]
    assert result.json()["skipped"] == len(set(hits[1:]) & set(sample))


def test_already_assigned_posts_are_skipped_unless_replaced(cli, demo):
    assert cli("assign", demo, "--coders", "Ann", "--range", "1-5", "--seed", "1").code == 0
    result = cli("assign", demo, "--coders", "Ben", "--range", "1-10", "--seed", "1")
    assert "skipped 5 posts already assigned (--replace assigns them anew)" in result.out
    assert len(stored(demo)["Ben"]) == 5
    result = cli("assign", demo, "--coders", "Cy", "--range", "1-10", "--seed", "1",
                 "--replace")
    assert "replacing the earlier assignments of 10 posts" in result.out
    assert (len(stored(demo)["Ann"]), len(stored(demo)["Ben"]), len(stored(demo)["Cy"])) == (
        0, 0, 10)


def test_stratified_plans_name_the_channels(cli, demo):
    result = cli("assign", demo, "--coders", "Ann,Ben", "--overlap", "50%", "--stratify",
                 "channel", "--seed", "2")
    assert result.code == 0, result.err
    with Project.open(demo) as project:
        (channel,) = project.posts.channels()
    assert f"stratified by channel: {channel.title} {ALL} posts (9 reliability)" in result.out
    assert "each coded by both coders" in result.out


def test_create_coders_adds_them_with_the_assignments(cli, demo):
    result = cli("assign", demo, "--coders", "Ann,Dora", "--create-coders", "--seed", "1",
                 "--dry-run")
    assert "Dora (new)" in result.out
    assert "Dora" not in stored(demo)
    result = cli("assign", demo, "--coders", "Ann,Dora", "--create-coders", "--seed", "1")
    assert result.code == 0, result.err
    assert "Dora (new)" not in result.out
    assert len(stored(demo)["Dora"]) == ALL // 2


def test_assignments_lists_progress_and_batches(cli, demo):
    assert cli("assignments", demo).out == "(no assignments)\n"
    cli("assign", demo, "--coders", "Ann,Ben", "--overlap", "2", "--seed", "4")
    with Project.open(demo) as project:
        ann = project.coders.by_name("Ann")
        mine = project.assignments.for_coder(ann.id)
        project.statuses.set(mine[0], ann.id, PostStatus.DONE)
        project.statuses.set(mine[1], ann.id, PostStatus.IN_PROGRESS)
        (batch,) = project.assignments.batches()
    result = cli("assignments", demo)
    lines = result.out.splitlines()
    assert lines[0].split() == ["coder", "assigned", "reliability", "in", "progress", "done",
                                "done", "%"]
    assert lines[1].split() == ["Ann", "10", "2", "1", "1", "10%"]
    assert lines[2].split() == ["Ben", "10", "2", "0", "0", "0%"]
    assert lines[3] == f"{ALL} of {ALL} posts assigned, 2 of them in a reliability sample"
    assert lines[4] == "batches:"
    assert lines[5].strip().startswith(batch.batch)
    assert lines[5].endswith(f"{ALL} posts, 2 reliability; Ann, Ben")
    record = cli("assignments", demo, "--json").json()
    assert (record["posts"], record["assigned_posts"], record["reliability_posts"]) == (
        ALL, ALL, 2)
    assert record["coders"][0] == {"name": "Ann", "uuid": ann.uuid, "assigned": 10,
                                   "reliability": 2, "in_progress": 1, "done": 1}
    assert record["batches"][0]["batch"] == batch.batch
    assert record["batches"][0]["coders"] == ["Ann", "Ben"]


def test_remove_a_batch_or_clear_a_coder(cli, demo):
    cli("assign", demo, "--coders", "Ann,Ben", "--range", "1-6", "--seed", "4")
    cli("assign", demo, "--coders", "Cy", "--range", "7-", "--seed", "4")
    with Project.open(demo) as project:
        first = project.assignments.batches()[0].batch
    result = cli("assignments", demo, "--clear", "Cy")
    assert result.out == "removed 12 assignments of Cy\n"
    result = cli("assignments", demo, "--remove-batch", first)
    assert result.out == f"removed batch {first} (6 posts, 6 assignments)\n"
    assert stored(demo) == {"Ann": [], "Ben": [], "Cy": []}


@pytest.mark.parametrize(("args", "mentions"), [
    (("--coders", "Ann,Dan"), ("no coder named Dan",)),
    (("--coders", "Ann", "--overlap", "20%"), ("at least two coders",)),
    (("--coders", "Ann,Ben", "--overlap", "20%", "--overlap-coders", "3"),
     ("3 coders per reliability post with only 2",)),
    (("--coders", "Ann,Ben", "--overlap", "50"), ("larger than the 18 posts",)),
    (("--coders", "Ann,Ben", "--overlap", "lots"), ("a percentage such as 20%",)),
    (("--coders", "Ann,Ben", "--overlap-coders", "2"), ("--overlap-coders needs --overlap",)),
    (("--coders", "Ann,Ben", "--channel", "nope"), ("no channel 'nope'",)),
    (("--coders", "Ann,Ben", "--filter", "zzzqqq"), ("no posts match the filter",)),
    (("--coders", "Ann,Ben", "--range", "40-50"), ("starts after the last of the 18",)),
    (("--coders", "Ann,Ben", "--range", "x"), ("looks like 1-500",)),
    (("--coders", "Ann,Ben", "--sample", "30"), ("sample of 30 posts from 18",)),
    (("--coders", "Ann,Ben", "--seed", "-4"), ("the seed must be from 0",)),
    (("--coders", "Ann,adjudicated"), ("'Adjudicated' is the adjudicated layer",)),
    (("--coders", ","), ("--coders names no coder",)),
])
def test_bad_requests_fail_in_one_line_and_change_nothing(cli, demo, args, mentions):
    with Project.open(demo) as project:
        project.coders.gold()
        project.posts.index_for_search()  # searching may index posts; that is no change
    before = sha256(demo)
    assert_one_line_error(cli("assign", demo, *args), *mentions)
    assert sha256(demo) == before


def test_everything_assigned_is_an_error(cli, demo):
    cli("assign", demo, "--coders", "Ann", "--seed", "1")
    assert_one_line_error(cli("assign", demo, "--coders", "Ben"),
                          "all 18 chosen posts are already assigned")
    assert_one_line_error(cli("assignments", demo, "--remove-batch", "nope"),
                          "no assignment batch 'nope'")
    assert_one_line_error(cli("assignments", demo, "--clear", "Zed"), "no coder named Zed")
