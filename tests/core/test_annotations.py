"""Annotations: the service and the CSV/JSON table format."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from annotator.core.annotations import table
from annotator.core.errors import Conflict, InputFileError, InvalidSpan, NotFound, RowsInvalid
from annotator.core.project import Project
from annotator.core.spans import Span


def first_post_after_flags(project: Project) -> tuple[int, str]:
    post = project.posts.get(project.posts.ids()[0])
    assert post.text.startswith("🇷🇺🇧🇾")
    return post.id, post.text


def test_add_stores_code_point_offsets_and_the_quote(demo_project: Project) -> None:
    coder, _ = demo_project.coders.create("Alice")
    code = demo_project.codes.by_path("Framing/Friendship and alliance")
    post_id, text = first_post_after_flags(demo_project)
    start = text.index("June 25")
    annotation, changes = demo_project.annotations.add(
        post_id, code.id, coder.id, Span(start, start + 7), memo="date"
    )
    assert start == 5  # two flags are four code points (eight UTF-16 units) plus a space
    assert annotation.quote == "June 25"
    assert changes.posts == {post_id} and changes.annotations == {annotation.id}
    [stored] = demo_project.annotations.for_post(post_id)
    assert stored == annotation
    assert stored.created.tzinfo is not None


def test_add_refuses_bad_input(demo_project: Project) -> None:
    coder, _ = demo_project.coders.create("Alice")
    code = demo_project.codes.by_path("Legitimation/Official voice")
    post_id, text = first_post_after_flags(demo_project)
    with pytest.raises(InvalidSpan):
        demo_project.annotations.add(post_id, code.id, coder.id, Span(0, len(text) + 1))
    with pytest.raises(NotFound):
        demo_project.annotations.add(99999, code.id, coder.id, Span(0, 1))
    with pytest.raises(NotFound):
        demo_project.annotations.add(post_id, 99999, coder.id, Span(0, 1))
    demo_project.annotations.add(post_id, code.id, coder.id, Span(0, 1))
    with pytest.raises(Conflict):
        demo_project.annotations.add(post_id, code.id, coder.id, Span(0, 1))
    assert demo_project.annotations.count() == 1


def test_delete(demo_project: Project) -> None:
    coder, _ = demo_project.coders.create("Alice")
    code = demo_project.codes.by_path("Legitimation/Official voice")
    post_id, _ = first_post_after_flags(demo_project)
    annotation, _ = demo_project.annotations.add(post_id, code.id, coder.id, Span(0, 4))
    demo_project.annotations.delete(annotation.id)
    assert demo_project.annotations.count() == 0
    with pytest.raises(NotFound):
        demo_project.annotations.delete(annotation.id)


def write_csv(path: Path, rows: list[dict[str, object]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_load_then_dump_round_trip(demo_project: Project, tmp_path: Path) -> None:
    post_id, text = first_post_after_flags(demo_project)
    start = text.index("Belarus")
    rows: list[dict[str, object]] = [
        {"post": post_id, "coder": "Alice", "code": "Framing/Threat", "start": 0, "end": 4,
         "memo": "flags"},
        {"post": post_id, "coder": "Bob", "code": "Framing / Friendship and alliance",
         "start": start, "end": start + 7, "memo": ""},
    ]
    assert table.load(write_csv(tmp_path / "in.csv", rows), demo_project.sessions)[0] == 2
    assert [c.name for c in demo_project.coders.list()] == ["Alice", "Bob"]
    quotes = [a.quote for a in demo_project.annotations.for_post(post_id)]
    assert quotes == ["🇷🇺🇧🇾", "Belarus"]

    out_csv, out_json = tmp_path / "out.csv", tmp_path / "out.json"
    assert table.dump(out_csv, demo_project.sessions) == 2
    assert table.dump(out_json, demo_project.sessions) == 2
    dumped = json.loads(out_json.read_text(encoding="utf-8"))
    assert dumped[0]["quote"] == "🇷🇺🇧🇾" and dumped[0]["code"] == "Framing/Threat"
    with out_csv.open(encoding="utf-8", newline="") as handle:
        assert list(csv.DictReader(handle))[1]["quote"] == "Belarus"

    # A fresh project gets the same annotations from either dump.
    for dump in (out_csv, out_json):
        other = Project.create(tmp_path / f"other-{dump.suffix[1:]}.annot")
        other.import_file(Path(__file__).parents[1] / "data" / "tg-web-preview-sample.txt")
        other.codes.add_tree([{"name": "Framing", "children": [
            {"name": "Threat"}, {"name": "Friendship and alliance"}]}])
        assert table.load(dump, other.sessions)[0] == 2
        assert [(a.span, a.quote, a.memo) for a in other.annotations.all()] == [
            (a.span, a.quote, a.memo) for a in demo_project.annotations.all()
        ]
        other.close()


def test_load_reports_every_bad_row_and_writes_nothing(
    demo_project: Project, tmp_path: Path
) -> None:
    post_id, text = first_post_after_flags(demo_project)
    start = text.index("June")
    good = {"post": post_id, "coder": "Alice", "code": "Legitimation/Official voice",
            "start": 0, "end": 2}
    rows: list[dict[str, object]] = [
        good,
        {**good, "post": "no-such-post"},
        {**good, "code": "Framing/Nope"},
        {**good, "end": len(text) + 5},
        {**good, "start": 5, "end": 5},
        {**good, "start": "x"},
        {**good, "coder": "  "},
        good,
    ]
    with pytest.raises(RowsInvalid) as caught:
        table.load(write_csv(tmp_path / "bad.csv", rows), demo_project.sessions)
    problems = caught.value.problems
    assert sorted({p.row for p in problems}) == [2, 3, 4, 5, 6, 7, 8]
    assert {p.column for p in problems if p.row in (2, 3, 4)} == {"post", "code", "end"}
    assert demo_project.annotations.count() == 0
    assert demo_project.coders.list() == []

    utf16 = [{**good, "start": start + 4, "end": start + 4 + 7, "quote": "June 25"}]
    with pytest.raises(RowsInvalid, match="UTF-16"):
        table.load(write_csv(tmp_path / "utf16.csv", utf16), demo_project.sessions)


def test_load_refuses_bad_files(demo_project: Project, tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="missing column"):
        table.load(write_csv(tmp_path / "cols.csv", [{"post": 1, "coder": "A"}]),
                   demo_project.sessions)
    with pytest.raises(InputFileError, match="unknown column"):
        table.load(write_csv(tmp_path / "cols2.csv", [{"post": 1, "coder": "A", "code": "x",
                                                       "start": 0, "end": 1, "colour": "red"}]),
                   demo_project.sessions)
    bad_json = tmp_path / "bad.json"
    bad_json.write_text('[{"post": 1,]', encoding="utf-8")
    with pytest.raises(InputFileError, match="invalid JSON") as caught:
        table.load(bad_json, demo_project.sessions)
    assert caught.value.line == 1
    with pytest.raises(InputFileError, match=r"\.csv or \.json"):
        table.load(tmp_path / "x.xlsx", demo_project.sessions)
