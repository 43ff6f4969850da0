"""Helpers for the coder package and merge tests: a team project, coding, table dumps."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from annotator.core.demo import create_demo
from annotator.core.model import Coder, PostStatus
from annotator.core.project import Project
from annotator.core.spans import Span
from annotator.core.storage.schema import AssignmentRow

THREAT = "Framing/Threat"
VICTIM = "Framing/Victimhood"
STANCE = "Stance toward the West"


@dataclass
class Team:
    """A demo project with coders Ann and Ben (assigned posts 1-8 and 5-12; 5-8 overlap)
    and Cy (no assignment)."""

    project: Project
    ann: Coder
    ben: Coder
    cy: Coder
    posts: list[int]

    @property
    def path(self) -> Path:
        return self.project.path


def assign(project: Project, coder_id: int, post_ids: list[int], reliability: bool = False
           ) -> None:
    """Insert assignment rows directly (the assignments service is someone else's)."""
    with project.sessions.begin() as session:
        session.execute(insert(AssignmentRow), [
            {"post_id": p, "coder_id": coder_id, "reliability": reliability, "batch": "b1"}
            for p in post_ids])


def team_project(path: Path) -> Team:
    project = create_demo(path)
    ann, _ = project.coders.create("Ann")
    ben, _ = project.coders.create("Ben")
    cy, _ = project.coders.create("Cy")
    posts = project.posts.ids()
    assign(project, ann.id, posts[0:8])
    assign(project, ben.id, posts[4:12])
    return Team(project, ann, ben, cy, posts)


def code(project: Project, post_id: int, path: str, coder_id: int, start: int, end: int,
         memo: str = "") -> int:
    """Add one annotation; returns its id."""
    annotation, _ = project.annotations.add(post_id, project.codes.by_path(path).id, coder_id,
                                            Span(start, end), memo)
    return annotation.id


def stance(project: Project, post_id: int, coder_id: int, level: int) -> None:
    variable = project.codes.by_path(STANCE)
    project.values.set(post_id, variable.id, coder_id, variable.levels[level].name)


def done(project: Project, post_id: int, coder_id: int) -> None:
    project.statuses.set(post_id, coder_id, PostStatus.DONE)


def work_of(project: Project, coder_name: str) -> dict[str, Any]:
    """A coder's work by uuids and paths: comparable between a package and its project."""
    coder = project.coders.by_name(coder_name)
    posts = {p: project.posts.get(p).uuid for p in project.posts.ids()}
    codes = {c.id: c.path_text for c in project.codes.list()}
    variable = project.codes.by_path(STANCE)
    levels = {level.uuid: level.name for level in variable.levels}
    statuses = project.statuses.for_posts(list(posts), coder.id)
    return {
        "annotations": {(a.uuid, posts[a.post_id], codes[a.code_id], a.span.start, a.span.end,
                         a.memo, a.quote) for a in project.annotations.all()
                        if a.coder_id == coder.id},
        "values": {(posts[p], levels[value]) for p in posts
                   if (value := project.values.get(p, variable.id, coder.id)) is not None},
        "statuses": {(posts[p], s.value) for p, s in statuses.items()
                     if s is not PostStatus.NOT_STARTED},
    }


def dump(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the coding tables of the file at ``path``, as stored."""
    tables = ("coder", "code", "annotation", "post_value", "post_status", "merge_log",
              "assignment", "post")
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        return {table: sorted(conn.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
                for table in tables}


def sql(path: Path, statement: str, *params: Any) -> None:
    """Run one statement on the file directly (to tamper with a package in tests)."""
    with closing(sqlite3.connect(path)) as conn:
        conn.execute(statement, params)
        conn.commit()
