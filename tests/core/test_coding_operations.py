"""Coding actions as undoable operations, and post-level variable values."""

from __future__ import annotations

import pytest

from annotator.core.annotations.operations import (
    AddAnnotation,
    DeleteAnnotation,
    UpdateAnnotation,
)
from annotator.core.errors import Conflict
from annotator.core.posts.values import SetPostValue
from annotator.core.project import Project
from annotator.core.spans import Span


@pytest.fixture
def coder(demo_project: Project) -> int:
    return demo_project.coders.create("Ann")[0].id


def state(project: Project) -> list[tuple[object, ...]]:
    return [(a.id, a.uuid, a.code_id, a.span, a.quote, a.memo)
            for a in project.annotations.all()]


def test_add_delete_update_undo_and_redo(demo_project: Project, coder: int) -> None:
    post = demo_project.posts.get(demo_project.posts.ids()[0])
    threat = demo_project.codes.by_path("Framing/Threat").id
    victim = demo_project.codes.by_path("Framing/Victimhood").id
    add = AddAnnotation(post.id, threat, coder, Span(5, 12))
    add.apply(demo_project)
    assert add.created is not None and add.created.quote == "June 25"
    after_add = state(demo_project)
    add.revert(demo_project)
    assert state(demo_project) == []
    add.apply(demo_project)
    assert state(demo_project) == after_add  # same id and uuid again

    update = UpdateAnnotation(add.created.id, code_id=victim, span=Span(5, 9), memo="date")
    update.apply(demo_project)
    [changed] = demo_project.annotations.all()
    assert (changed.code_id, changed.quote, changed.memo) == (victim, "June", "date")
    update.revert(demo_project)
    assert state(demo_project) == after_add

    delete = DeleteAnnotation(add.created.id)
    delete.apply(demo_project)
    assert state(demo_project) == []
    delete.revert(demo_project)
    assert state(demo_project) == after_add


def test_boundary_nudges_fold_into_one_step(demo_project: Project, coder: int) -> None:
    threat = demo_project.codes.by_path("Framing/Threat").id
    created, _ = demo_project.annotations.add(demo_project.posts.ids()[0], threat, coder,
                                              Span(5, 12))
    first = UpdateAnnotation(created.id, span=Span(5, 13))
    first.apply(demo_project)
    second = UpdateAnnotation(created.id, span=Span(5, 14))
    second.apply(demo_project)
    assert first.merge_key == second.merge_key
    folded = first.merged(second)
    folded.revert(demo_project)
    assert demo_project.annotations.get(created.id).span == Span(5, 12)


def test_updates_keep_the_rules(demo_project: Project, coder: int) -> None:
    post = demo_project.posts.ids()[0]
    threat = demo_project.codes.by_path("Framing/Threat").id
    stance = demo_project.codes.by_path("Stance toward the West").id
    one, _ = demo_project.annotations.add(post, threat, coder, Span(0, 4))
    two, _ = demo_project.annotations.add(post, threat, coder, Span(5, 12))
    with pytest.raises(Conflict, match="already has this code"):
        demo_project.annotations.update(two.id, span=Span(0, 4))
    with pytest.raises(Conflict, match="post-level variable"):
        demo_project.annotations.update(one.id, code_id=stance)
    assert demo_project.annotations.get(two.id).span == Span(5, 12)


def test_post_values_by_type(demo_project: Project, coder: int) -> None:
    post = demo_project.posts.ids()[0]
    codes = {c.name: c for c in demo_project.codes.list() if c.is_variable}
    stance = codes["Stance toward the West"]
    countries = codes["Mentioned countries"]
    call = codes["Call to action"]
    values = demo_project.values
    values.set(post, stance.id, coder, stance.levels[0].name)  # by name
    assert values.get(post, stance.id, coder) == stance.levels[0].uuid
    chosen = [countries.levels[2].uuid, countries.levels[0].uuid, countries.levels[2].uuid]
    values.set(post, countries.id, coder, chosen)
    assert values.get(post, countries.id, coder) == [countries.levels[0].uuid,
                                                     countries.levels[2].uuid]
    values.set(post, call.id, coder, True)
    with pytest.raises(Conflict, match="yes or no"):
        values.set(post, call.id, coder, "yes")
    with pytest.raises(Conflict, match="has no level"):
        values.set(post, stance.id, coder, "nonsense")
    op = SetPostValue(post, call.id, coder, None)
    op.apply(demo_project)
    assert values.get(post, call.id, coder) is None
    op.revert(demo_project)
    assert values.get(post, call.id, coder) is True
    assert set(values.for_post(post, coder)) == {stance.id, countries.id, call.id}
