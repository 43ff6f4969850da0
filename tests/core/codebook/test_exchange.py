"""Exporting a project's codebook and applying a codebook to a project."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from annotator.core.codebook.exchange import RemovalRefused, apply_spec, export_spec
from annotator.core.codebook.spec import CodebookSpec, CodeKind, CodeSpec, Level, Removal
from annotator.core.codebook.spec import VariableType as VT
from annotator.core.project import Project
from annotator.core.spans import Span

STANCE = CodeSpec("Stance", kind=CodeKind.VARIABLE, variable_type=VT.ORDINAL,
                  levels=(Level("hostile"), Level("neutral"), Level("positive")))


def spec_of(project: Project) -> CodebookSpec:
    return export_spec(project.sessions)


def apply(project: Project, spec: CodebookSpec, **kwargs: object) -> object:
    diff, _ = apply_spec(project.sessions, spec, lambda: "tester", **kwargs)  # type: ignore[arg-type]
    return diff


def test_export_then_apply_to_an_empty_project_reproduces_it(
    demo_project: Project, tmp_path: Path
) -> None:
    apply(demo_project, replace(spec_of(demo_project), name="Demo",
                                codes=(*spec_of(demo_project).codes, STANCE)))
    original = spec_of(demo_project)
    with Project.create(tmp_path / "other.annot") as other:
        diff = apply(other, original)
        assert len(diff.added) == len(demo_project.codes.list())  # type: ignore[attr-defined]
        copied = spec_of(other)
    assert copied.codes == original.codes  # uuids, levels, order, everything
    assert (copied.name, copied.version) == ("Demo", original.version)


def test_renames_moves_and_changes_are_matched_by_uuid(demo_project: Project) -> None:
    spec = spec_of(demo_project)
    framing, rhetoric, *rest = spec.codes
    threat = replace(framing.children[0], name="Danger", colour="#000000")
    irony = next(c for c in rhetoric.children if c.name == "Irony and scare quotes")
    new_framing = replace(framing, children=(threat, *framing.children[1:], irony))
    new_rhetoric = replace(rhetoric, children=tuple(c for c in rhetoric.children if c != irony))
    diff = apply(demo_project, replace(spec, codes=(new_framing, new_rhetoric, *rest)))
    assert diff.renamed == (("Framing/Threat", "Framing/Danger"),)  # type: ignore[attr-defined]
    assert diff.moved == (  # type: ignore[attr-defined]
        ("Rhetoric/Irony and scare quotes", "Framing/Irony and scare quotes"),)
    assert ("Framing/Danger", ("colour",)) in diff.changed  # type: ignore[attr-defined]
    assert demo_project.codes.by_path("Framing/Irony and scare quotes").uuid == irony.uuid
    assert demo_project.codes.changelog()[-1].action == "load"


def test_removing_coded_work_needs_a_decision(demo_project: Project) -> None:
    coder, _ = demo_project.coders.create("Ann")
    post = demo_project.posts.ids()[0]
    irony = demo_project.codes.by_path("Rhetoric/Irony and scare quotes")
    demo_project.annotations.add(post, irony.id, coder.id, Span(0, 4))
    spec = spec_of(demo_project)
    rhetoric = spec.codes[1]
    without = replace(spec, codes=(spec.codes[0], replace(rhetoric, children=(
        rhetoric.children[0], rhetoric.children[2])), spec.codes[2]))
    before = demo_project.codes.version()
    with pytest.raises(RemovalRefused, match=r"Rhetoric/Irony and scare quotes \(1 annotation"):
        apply(demo_project, without)
    assert demo_project.codes.version() == before  # nothing written
    diff = apply(demo_project, without, merge_into="Rhetoric/Whataboutism")
    assert diff.removed[0].fate == "merged into Rhetoric/Whataboutism"  # type: ignore[attr-defined]
    [annotation] = demo_project.annotations.all()
    assert annotation.code_id == demo_project.codes.by_path("Rhetoric/Whataboutism").id


def test_the_file_can_say_to_delete(demo_project: Project) -> None:
    coder, _ = demo_project.coders.create("Ann")
    irony = demo_project.codes.by_path("Rhetoric/Irony and scare quotes")
    demo_project.annotations.add(demo_project.posts.ids()[0], irony.id, coder.id, Span(0, 4))
    spec = spec_of(demo_project)
    rhetoric = spec.codes[1]
    without = replace(spec, codes=(spec.codes[0], replace(rhetoric, children=(
        rhetoric.children[0], rhetoric.children[2])), spec.codes[2]),
        removals=(Removal(irony.uuid, delete=True),))
    diff = apply(demo_project, without)
    assert diff.removed[0].fate == "deleted"  # type: ignore[attr-defined]
    assert demo_project.annotations.count() == 0


def test_dry_run_writes_nothing(demo_project: Project) -> None:
    before = (spec_of(demo_project), demo_project.codes.version())
    spec = replace(spec_of(demo_project), codes=(STANCE,), removals=())
    diff = apply(demo_project, spec, delete_removed=True, dry_run=True)
    assert diff.added == ("Stance",)  # type: ignore[attr-defined]
    assert (spec_of(demo_project), demo_project.codes.version()) == before
