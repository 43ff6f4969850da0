"""Adjudication on real projects: the items found, each decision's effect on the gold rows
and the log, exact undo and redo, seeding, progress, variables, gold status, agreement."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from annotator.core.agreement.options import ReportOptions
from annotator.core.agreement.report import UnitKind
from annotator.core.agreement_service import agreement_report
from annotator.core.errors import Conflict, InvalidSpan, NotFound
from annotator.core.model import PostStatus
from annotator.core.project import Project
from annotator.core.spans import Span
from annotator.core.team.adjudication import AdjudicationService
from annotator.core.team.adjudication_items import SEED_NOTE, Action, describe_value
from annotator.core.team.adjudication_operations import Decide, SeedAgreed
from tests.conftest import SAMPLE
from tests.core.agreement.coding import CODERS, SPAN_CODES, Plan, code_demo
from tests.core.export.small import TEXTS, Small, make_small

STANCE = "Stance toward the West"
TABLES = {
    "annotation": "SELECT * FROM annotation ORDER BY id",
    "decision": "SELECT * FROM decision ORDER BY id",
    "post_status": "SELECT * FROM post_status ORDER BY post_id, coder_id",
    "post_value": "SELECT * FROM post_value ORDER BY post_id, code_id, coder_id",
}


@pytest.fixture
def coded(demo_project: Project) -> tuple[Project, Plan]:
    return demo_project, code_demo(demo_project)


@pytest.fixture
def small(tmp_path: Path) -> Iterator[Small]:
    made = make_small(tmp_path / "small.annot")
    with made.project:
        yield made


def dump(project: Project) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the tables adjudication writes, exactly as stored."""
    with project.sessions() as session:
        return {name: [tuple(row) for row in session.execute(text(sql))]
                for name, sql in TABLES.items()}


def gold_rows(project: Project, post_id: int, code_id: int) -> list[tuple[int, int, str]]:
    gold = project.coders.gold().id
    return [(a.span.start, a.span.end, a.quote) for a in project.annotations.for_post(post_id)
            if a.coder_id == gold and a.code_id == code_id]


def expected(project: Project, plan: Plan) -> dict[tuple[int, int], bool]:
    """(post, code) -> agreed, worked out from the plan alone."""
    stance = project.codes.by_path(STANCE).id
    found: dict[tuple[int, int], bool] = {}
    for post, who in plan.finished.items():
        if len(who) < 2:
            continue
        for path in SPAN_CODES:
            versions = [frozenset(plan.spans.get((post, path, c), ())) for c in sorted(who)]
            if any(versions):
                found[(post, plan.code_ids[path])] = len(set(versions)) == 1
        found[(post, stance)] = len({plan.stance[(post, c)] for c in who}) == 1
    return found


def supervisor(project: Project) -> int:
    return project.coders.create("Supervisor")[0].id


# What needs deciding


def test_items_are_the_differences_between_finishers(coded: tuple[Project, Plan]) -> None:
    project, plan = coded
    service = AdjudicationService(project.sessions)
    items = service.items(agreed=True)
    assert {(i.entry.post_id, i.entry.code_id): i.agreed for i in items} == expected(
        project, plan)
    names = {c.id: c.name for c in project.coders.list()}
    for item in items:
        entry = item.entry
        assert [names[c] for c in entry.coders] == sorted(plan.finished[entry.post_id])
        assert not item.decided
        for coder in entry.coders:
            if entry.is_variable:
                level = describe_value(project.codes.get(entry.code_id), entry.value_of(coder))
                assert level == plan.stance[(entry.post_id, names[coder])]
            else:
                path = next(p for p, c in plan.code_ids.items() if c == entry.code_id)
                assert entry.spans_of(coder) == tuple(
                    Span(s, e) for s, e in sorted(plan.spans.get(
                        (entry.post_id, path, names[coder]), ())))
    open_items = service.items()
    assert open_items == [i for i in items if not i.agreed]


def test_unfinished_work_is_left_out(coded: tuple[Project, Plan]) -> None:
    project, plan = coded
    post = project.posts.ids()[1]  # finished by Ann and Ben; Cy annotated without finishing
    assert plan.finished[post] == {"Ann", "Ben"}
    view = AdjudicationService(project.sessions).post(post)
    assert [c.name for c in view.coders] == ["Ann", "Ben"]
    assert all(plan.coder_ids["Cy"] not in i.entry.coders for i in view.items)
    single = next(p for p, who in plan.finished.items() if len(who) == 1)
    with pytest.raises(Conflict, match="two or more coders"):
        AdjudicationService(project.sessions).post(single)


# Decisions


def first_item(service: AdjudicationService, *, variable: bool = False) -> Any:
    return next(i.entry for i in service.items() if i.entry.is_variable == variable)


def test_accept_takes_one_coders_spans_and_logs_the_decision(
        coded: tuple[Project, Plan]) -> None:
    project, _ = coded
    service = AdjudicationService(project.sessions)
    boss = supervisor(project)
    entry = next(e for e in (i.entry for i in service.items())
                 if not e.is_variable and len({len(s) for s in e.spans}) > 1)
    coder = max(entry.coders, key=lambda c: len(entry.spans_of(c)))
    before = datetime.now(UTC)
    change = service.accept(entry.post_id, entry.code_id, coder, boss, "  clearest  ")
    text_of = project.posts.get(entry.post_id).text
    assert gold_rows(project, entry.post_id, entry.code_id) == [
        (s.start, s.end, text_of[s.start:s.end]) for s in entry.spans_of(coder)]
    (decision,) = service.decisions()
    assert decision == change.decisions[0]
    assert (decision.post_id, decision.code_id, decision.adjudicator, decision.action,
            decision.note) == (entry.post_id, entry.code_id, "Supervisor", Action.ACCEPT,
                               "clearest")
    assert decision.sources == (project.coders.get(coder).uuid,)
    assert decision.before == []
    assert decision.after == [[s.start, s.end] for s in entry.spans_of(coder)]
    assert decision.at.tzinfo is UTC and before <= decision.at <= datetime.now(UTC)
    assert change.changes.posts == {entry.post_id}


def test_accept_both_keeps_identical_spans_once_and_overlaps_as_they_are(
        project: Project) -> None:
    project.import_file(SAMPLE)
    post = project.posts.ids()[0]
    code = project.codes.add("Threat")[0].id
    ann, ben = (project.coders.create(n)[0].id for n in ("Ann", "Ben"))
    for coder, spans in ((ann, [(0, 10), (20, 30)]), (ben, [(0, 10), (25, 40)])):
        for start, end in spans:
            project.annotations.add(post, code, coder, Span(start, end))
        project.statuses.set(post, coder, PostStatus.DONE)
    service = AdjudicationService(project.sessions)
    change = service.accept_all(post, code, [ann, ben], supervisor(project))
    assert [(s, e) for s, e, _ in gold_rows(project, post, code)] == [(0, 10), (20, 30),
                                                                       (25, 40)]
    assert change.decisions[0].action is Action.ACCEPT_BOTH
    assert set(change.decisions[0].sources) == {project.coders.get(c).uuid for c in (ann, ben)}
    with pytest.raises(Conflict, match="two or more"):
        service.accept_all(post, code, [ann], project.coders.by_name("Supervisor").id)


def test_edit_checks_spans_and_takes_quotes_in_code_points(small: Small) -> None:
    project = small.project
    service = AdjudicationService(project.sessions)
    boss = supervisor(project)
    first = small.posts[0]
    state = dump(project)
    with pytest.raises(InvalidSpan):
        service.edit(first, small.blame, [Span(0, 2), Span(0, len(TEXTS[0]) + 1)], boss)
    assert dump(project) == state  # all or nothing
    flags = Span(0, 2)  # two regional-indicator pairs: four code points are two flags
    family = Span(TEXTS[0].index("👨"), TEXTS[0].index("👨") + 5)
    service.edit(first, small.blame, [family, flags, flags], boss, "both")
    assert gold_rows(project, first, small.blame) == [(0, 2, "🇷🇺"), (family.start, family.end,
                                                                        "👨‍👩‍👧")]
    decision = service.decisions()[-1]
    assert (decision.action, decision.sources, decision.after) == (
        Action.EDIT, (), [[0, 2], [family.start, family.end]])


def test_reject_and_redeciding_replace_the_gold_version(small: Small) -> None:
    project = small.project
    service = AdjudicationService(project.sessions)
    boss = supervisor(project)
    first = small.posts[0]
    service.accept(first, small.blame, small.ann, boss)
    assert len(gold_rows(project, first, small.blame)) == 1
    service.reject(first, small.blame, boss, "not blame")
    assert gold_rows(project, first, small.blame) == []
    service.accept(first, small.blame, small.ann, boss)
    log = service.decisions()
    assert [d.action for d in log] == [Action.ACCEPT, Action.REJECT, Action.ACCEPT]
    assert [(d.before, d.after) for d in log] == [
        ([], [[34, 39]]), ([[34, 39]], []), ([], [[34, 39]])]
    view = service.post(first)
    item = view.item(small.blame)
    assert item is not None and item.decision == log[-1]


def test_refusals_change_nothing(small: Small) -> None:
    project = small.project
    service = AdjudicationService(project.sessions)
    boss = supervisor(project)
    first, _, third = small.posts
    gold = project.coders.gold().id
    state = dump(project)
    with pytest.raises(Conflict, match="two or more coders"):
        service.reject(third, small.blame, boss)
    with pytest.raises(Conflict, match="person"):
        service.reject(first, small.blame, gold)
    cy = project.coders.create("Cy")[0].id
    with pytest.raises(Conflict, match="has not finished"):
        service.accept(first, small.blame, cy, boss)
    with pytest.raises(NotFound):
        service.reject(first, 9999, boss)
    with pytest.raises(Conflict, match="no level"):
        service.edit(first, small.variables["Tone"], "furious", boss)
    assert dump(project) == state


# Undo and redo


def test_undo_and_redo_restore_exactly(small: Small) -> None:
    project = small.project
    boss = supervisor(project)
    first = small.posts[0]
    steps: list[Decide | SeedAgreed] = [
        Decide(first, small.blame, Action.ACCEPT, boss, (small.ann,), note="n"),
        Decide(first, small.blame, Action.EDIT, boss, version=[Span(0, 2)]),
        Decide(first, small.variables["Sarcastic"], Action.ACCEPT, boss, (small.ben,)),
        Decide(first, small.variables["Sarcastic"], Action.EDIT, boss, version=True),
        SeedAgreed(boss),
        Decide(first, small.military, Action.REJECT, boss),
    ]
    states = [dump(project)]
    for step in steps:
        step.apply(project)
        states.append(dump(project))
    assert len({repr(s) for s in states}) == len(states)  # every step changed something
    for number in range(len(steps), 0, -1):
        steps[number - 1].revert(project)
        assert dump(project) == states[number - 1]
    for number, step in enumerate(steps, start=1):
        step.apply(project)
        assert dump(project) == states[number]  # same ids, uuids and timestamps


def test_undo_refuses_when_the_rows_changed_meanwhile(small: Small) -> None:
    project = small.project
    boss = supervisor(project)
    step = Decide(small.posts[0], small.blame, Action.ACCEPT, boss, (small.ann,))
    step.apply(project)
    service = AdjudicationService(project.sessions)
    service.reject(small.posts[0], small.blame, boss)  # behind the step's back
    state = dump(project)
    with pytest.raises(NotFound):
        step.revert(project)
    assert dump(project) == state


# Seeding, progress and gold status


def test_seed_agreed_copies_agreed_entries_once(coded: tuple[Project, Plan]) -> None:
    project, plan = coded
    service = AdjudicationService(project.sessions)
    boss = supervisor(project)
    agreed = {key for key, same in expected(project, plan).items() if same}
    change = service.seed_agreed(boss)
    assert {(d.post_id, d.code_id) for d in change.decisions} == agreed
    assert all(d.action is Action.ACCEPT and d.note == SEED_NOTE for d in change.decisions)
    finishers = {d.post_id: d.sources for d in change.decisions}
    for post, sources in finishers.items():
        assert set(sources) == {project.coders.by_name(n).uuid for n in plan.finished[post]}
    stance = project.codes.by_path(STANCE)
    gold = project.coders.gold().id
    for post, code in agreed:
        if code == stance.id:
            (coder, *_) = plan.finished[post]
            value = project.values.get(post, code, gold)
            assert describe_value(stance, value) == plan.stance[(post, coder)]
        else:
            path = next(p for p, c in plan.code_ids.items() if c == code)
            (coder, *_) = plan.finished[post]
            assert [(s, e) for s, e, _ in gold_rows(project, post, code)] == sorted(
                plan.spans[(post, path, coder)])
    progress = service.progress()
    assert (progress.agreed, progress.seeded, progress.decided) == (len(agreed),
                                                                    len(agreed), 0)
    again = service.seed_agreed(boss)
    assert again.steps == () and again.statuses == ()


def test_progress_counts_per_post_and_overall(coded: tuple[Project, Plan]) -> None:
    project, plan = coded
    service = AdjudicationService(project.sessions)
    boss = supervisor(project)
    want = expected(project, plan)
    progress = service.progress()
    double = [p for p in project.posts.ids() if len(plan.finished[p]) >= 2]
    assert [p.post_id for p in progress.posts] == double
    assert progress.total == sum(1 for same in want.values() if not same)
    for post in progress.posts:
        assert post.total == sum(1 for (p, _), same in want.items() if p == post.post_id
                                 and not same)
        assert post.decided == 0 and post.open == post.total
    chosen = service.items()[:3]
    for item in chosen:
        service.reject(item.entry.post_id, item.entry.code_id, boss)
    service.reject(chosen[0].entry.post_id, chosen[0].entry.code_id, boss)  # again: once
    after = service.progress()
    assert (after.decided, after.open) == (3, progress.total - 3)
    per_post = {p.post_id: p.decided for p in after.posts}
    for post_id in {i.entry.post_id for i in chosen}:
        assert per_post[post_id] == sum(1 for i in chosen if i.entry.post_id == post_id)


def test_gold_status_follows_the_items(coded: tuple[Project, Plan]) -> None:
    project, _ = coded
    service = AdjudicationService(project.sessions)
    boss = supervisor(project)
    gold = project.coders.gold().id
    post = next(p.post_id for p in service.progress().posts if p.total >= 2 and p.agreed)
    items = [i.entry for i in service.post(post).items if not i.agreed]
    assert project.statuses.get(post, gold) is PostStatus.NOT_STARTED
    service.accept(post, items[0].code_id, items[0].coders[0], boss)
    assert project.statuses.get(post, gold) is PostStatus.IN_PROGRESS
    for entry in items[1:]:
        service.accept(post, entry.code_id, entry.coders[-1], boss)
    assert project.statuses.get(post, gold) is PostStatus.IN_PROGRESS  # agreed not seeded
    change = service.seed_agreed(boss)
    assert project.statuses.get(post, gold) is PostStatus.DONE
    assert service.post(post).progress.complete
    service.revert(change)
    assert project.statuses.get(post, gold) is PostStatus.IN_PROGRESS


# Variables


def test_variable_decisions(small: Small) -> None:
    project = small.project
    service = AdjudicationService(project.sessions)
    boss = supervisor(project)
    first = small.posts[0]
    gold = project.coders.gold().id
    topics, sarcastic = small.variables["Topics"], small.variables["Sarcastic"]
    project.values.set(first, topics, small.ben, ["culture", "war"])
    service.accept(first, sarcastic, small.ben, boss)
    assert project.values.get(first, sarcastic, gold) is False
    service.accept_all(first, topics, [small.ann, small.ben], boss)
    code = project.codes.get(topics)
    assert describe_value(code, project.values.get(first, topics, gold)) == \
        "war; economy; culture"
    service.edit(first, topics, ["economy"], boss)
    assert describe_value(code, project.values.get(first, topics, gold)) == "economy"
    service.reject(first, topics, boss)
    assert project.values.get(first, topics, gold) is None
    with pytest.raises(Conflict, match="takes one value"):
        service.accept_all(first, sarcastic, [small.ann, small.ben], boss)
    log = service.decisions()
    assert [(d.action, d.after) for d in log][-3:] == [
        (Action.ACCEPT_BOTH, [level.uuid for level in code.levels]),
        (Action.EDIT, [code.levels[1].uuid]), (Action.REJECT, None)]


# The gold layer in the agreement report


def test_agreement_compares_the_gold_layer_with_a_coder(coded: tuple[Project, Plan]) -> None:
    project, _ = coded
    service = AdjudicationService(project.sessions)
    boss = supervisor(project)
    ann = project.coders.by_name("Ann").id
    service.seed_agreed(boss)
    for item in service.items():
        service.accept(item.entry.post_id, item.entry.code_id, ann, boss)
    assert service.progress().complete_posts == len(service.progress().posts)
    gold = project.coders.gold()
    report = agreement_report(project, ReportOptions(unit=UnitKind.PRESENCE, resamples=0,
                                                     coders=(gold.id, ann)))
    assert set(report.scope.coders) == {"Ann", gold.name}
    assert report.scope.posts == len(service.progress().posts)  # Ann finished them all
    measures = [row.measure("percent") for row in report.rows]
    assert measures and all(m is not None and m.result.value == 1.0 for m in measures)
    assert report.disagreements == ()
    default = agreement_report(project, ReportOptions(unit=UnitKind.PRESENCE, resamples=0))
    assert set(default.scope.coders) == set(CODERS)


def test_seed_needs_a_person(small: Small) -> None:
    gold = small.project.coders.gold().id
    with pytest.raises(Conflict):
        AdjudicationService(small.project.sessions).seed_agreed(gold)
