"""Editing the codebook: rules, versions and changelog, merge and delete, undo and redo."""

from __future__ import annotations

import pytest

from annotator.core.codebook.operations import (
    AddCode,
    DeleteCode,
    MergeCodes,
    MoveCode,
    UpdateCode,
)
from annotator.core.errors import Conflict
from annotator.core.project import Project
from annotator.core.spans import Span


def annotate(project: Project, path: str, start: int = 0, end: int = 4, coder: str = "Ann") -> int:
    try:
        coder_id = project.coders.by_name(coder).id
    except Exception:
        coder_id = project.coders.create(coder)[0].id
    post_id = project.posts.ids()[0]
    annotation, _ = project.annotations.add(post_id, project.codes.by_path(path).id, coder_id,
                                            Span(start, end))
    return annotation.id


def test_edits_raise_the_version_and_are_logged(demo_project: Project) -> None:
    demo_project.actor = "Supervisor"
    start = demo_project.codes.version()
    threat = demo_project.codes.by_path("Framing/Threat")
    demo_project.codes.update(threat.id, name="Danger", colour="#ABC", shortcut="Q",
                              inclusion="explicit danger", examples=["a", "b"])
    code = demo_project.codes.get(threat.id)
    assert (code.name, code.colour, code.shortcut, code.examples) == (
        "Danger", "#aabbcc", "q", ("a", "b"))
    assert demo_project.codes.version() == start + 1
    last = demo_project.codes.changelog()[-1]
    assert (last.version, last.author, last.action) == (start + 1, "Supervisor", "edit")
    assert "Framing/Danger" in last.summary
    annotation = annotate(demo_project, "Framing/Danger")
    with demo_project.sessions() as session:
        from annotator.core.storage.schema import AnnotationRow

        assert session.get_one(AnnotationRow, annotation).codebook_version == start + 1


def test_rules_are_enforced(demo_project: Project) -> None:
    threat = demo_project.codes.by_path("Framing/Threat")
    with pytest.raises(Conflict, match="already exists"):
        demo_project.codes.update(threat.id, name="Victimhood")
    with pytest.raises(Conflict, match="shortcut '2' is already used"):
        demo_project.codes.update(threat.id, shortcut="2")
    with pytest.raises(Conflict, match="#RRGGBB"):
        demo_project.codes.update(threat.id, colour="red")
    framing = demo_project.codes.by_path("Framing")
    with pytest.raises(Conflict, match="under itself"):
        demo_project.codes.move(framing.id, threat.id)
    with pytest.raises(Conflict, match="needs levels"):
        demo_project.codes.add("Stance", kind="variable", variable_type="ordinal")
    code, _ = demo_project.codes.add("Stance", kind="variable", variable_type="ordinal",
                                     levels=[{"name": "low"}, {"name": "high"}])
    assert [level.name for level in code.levels] == ["low", "high"]
    assert all(level.uuid for level in code.levels)


def test_move_keeps_positions_dense(demo_project: Project) -> None:
    threat = demo_project.codes.by_path("Framing/Threat")
    rhetoric = demo_project.codes.by_path("Rhetoric")
    demo_project.codes.move(threat.id, rhetoric.id, 0)
    assert demo_project.codes.get(threat.id).path == ("Rhetoric", "Threat")
    for parent in ("Framing", "Rhetoric"):
        parent_id = demo_project.codes.by_path(parent).id
        positions = [c.position for c in demo_project.codes.list() if c.parent_id == parent_id]
        assert positions == list(range(len(positions)))


def test_merge_moves_annotations_and_drops_duplicates(demo_project: Project) -> None:
    kept = annotate(demo_project, "Framing/Threat", 0, 4)
    duplicate = annotate(demo_project, "Framing/Victimhood", 0, 4)
    moved = annotate(demo_project, "Framing/Victimhood", 5, 9)
    source = demo_project.codes.by_path("Framing/Victimhood")
    target = demo_project.codes.by_path("Framing/Threat")
    demo_project.codes.merge(source.id, target.id)
    ids = {a.id: a.code_id for a in demo_project.annotations.all()}
    assert ids == {kept: target.id, moved: target.id}
    assert duplicate not in ids
    with pytest.raises(Conflict):
        demo_project.codes.merge(target.id, target.id)


def test_usage_and_delete(demo_project: Project) -> None:
    annotate(demo_project, "Framing/Threat")
    annotate(demo_project, "Framing/Victimhood")
    framing = demo_project.codes.by_path("Framing")
    usage = demo_project.codes.usage(framing.id)
    assert (usage.codes, usage.annotations, usage.values) == (6, 2, 0)
    demo_project.codes.delete(framing.id)
    assert demo_project.annotations.count() == 0
    assert not any(c.path[0] == "Framing" for c in demo_project.codes.list())


def snapshot_of(project: Project) -> tuple[object, ...]:
    codes = tuple((c.id, c.uuid, c.parent_id, c.name, c.colour, c.shortcut, c.position)
                  for c in project.codes.list())
    annotations = tuple((a.id, a.uuid, a.code_id) for a in project.annotations.all())
    return codes, annotations


@pytest.mark.parametrize("make", [
    lambda p: AddCode("New code", p.codes.by_path("Framing").id, {"colour": "#123456"}),
    lambda p: UpdateCode(p.codes.by_path("Framing/Threat").id, {"name": "Danger",
                                                                 "shortcut": None}),
    lambda p: MoveCode(p.codes.by_path("Framing/Threat").id, None, 0),
    lambda p: DeleteCode(p.codes.by_path("Framing").id),
    lambda p: MergeCodes(p.codes.by_path("Framing/Victimhood").id,
                         p.codes.by_path("Framing/Threat").id),
], ids=["add", "update", "move", "delete", "merge"])
def test_operations_undo_and_redo_exactly(demo_project: Project, make: object) -> None:
    annotate(demo_project, "Framing/Threat", 0, 4)
    annotate(demo_project, "Framing/Victimhood", 0, 4)
    annotate(demo_project, "Framing/Victimhood", 5, 9, coder="Ben")
    before = snapshot_of(demo_project)
    operation = make(demo_project)  # type: ignore[operator]
    operation.apply(demo_project)
    after = snapshot_of(demo_project)
    assert after != before
    operation.revert(demo_project)
    assert snapshot_of(demo_project) == before
    operation.apply(demo_project)
    assert snapshot_of(demo_project) == after
    assert demo_project.integrity_problems() == []


def test_variables_hold_no_subcodes_and_no_spans(demo_project: Project) -> None:
    stance = demo_project.codes.by_path("Stance toward the West")
    threat = demo_project.codes.by_path("Framing/Threat")
    framing = demo_project.codes.by_path("Framing")
    with pytest.raises(Conflict, match="cannot have subcodes"):
        demo_project.codes.add("Sub", stance.id)
    with pytest.raises(Conflict, match="cannot have subcodes"):
        demo_project.codes.move(threat.id, stance.id)
    with pytest.raises(Conflict, match="has subcodes"):
        demo_project.codes.update(framing.id, kind="variable", variable_type="text")
    annotate(demo_project, "Framing/Threat")
    with pytest.raises(Conflict, match="span annotations"):
        demo_project.codes.update(threat.id, kind="variable", variable_type="text")
    coder = demo_project.coders.by_name("Ann")
    with pytest.raises(Conflict, match="post-level variable"):
        demo_project.annotations.add(demo_project.posts.ids()[0], stance.id, coder.id,
                                     Span(0, 2))
