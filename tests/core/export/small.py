"""A small hand-made project for the export tests: emoji, flags, quotes and line breaks.

Three posts of one Telegram channel, two coders, a three-level span code, one variable of
every type; :class:`Small` keeps the ids so tests can state the exact rows they expect.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from annotator.core.model import PostStatus
from annotator.core.project import Project
from annotator.core.spans import Span

TEXTS = (
    '🇷🇺🇧🇾 Statement, "quoted"\nline two 👨‍👩‍👧 end',
    "=SUM(A1) NA\nsecond, line",
    "0012 plain",
)
DATES = ("2024-06-25T12:00:00", "2024-06-26T08:30:00", "2024-06-27T08:30:00")
UNIX = ("1719316800", "1719390600", "1719477000")


@dataclass
class Small:
    project: Project
    posts: list[int]
    ann: int
    ben: int
    military: int
    blame: int
    frames: int
    variables: dict[str, int]


def telegram_export(folder: Path) -> Path:
    """A Telegram Desktop JSON export of :data:`TEXTS` in channel "MID 🇷🇺"."""
    messages = []
    for number, (text, date, unix) in enumerate(zip(TEXTS, DATES, UNIX, strict=True)):
        message = {"id": 10 + number, "type": "message", "date": date, "date_unixtime": unix,
                   "from": "MID 🇷🇺", "from_id": "channel42", "text": text}
        if number == 0:
            message["forwarded_from"] = "Ministry 🇧🇾"
            message["reactions"] = [
                {"type": "emoji", "count": 5, "emoji": "👍"},
                {"type": "custom_emoji", "count": 2, "document_id": "x"}]
        messages.append(message)
    path = folder / "result.json"
    path.write_text(json.dumps({"name": "MID 🇷🇺", "type": "public_channel", "id": 42,
                                "messages": messages}, ensure_ascii=False), encoding="utf-8")
    return path


def make_small(path: Path) -> Small:
    """Create and code the small project at ``path`` (see the module docstring)."""
    project = Project.create(path)
    project.import_file(telegram_export(path.parent), "tg-json")
    posts = project.posts.ids()
    ann = project.coders.create("Ann")[0].id
    ben = project.coders.create("Ben")[0].id
    project.codes.add_tree([
        {"name": "Frames", "children": [
            {"name": "Threat", "children": [{"name": "Military"}]},
            {"name": "Blame"}]},
        {"name": "Tone", "kind": "variable", "variable_type": "single",
         "levels": [{"name": "positive"}, {"name": "negative"}]},
        {"name": "Topics", "kind": "variable", "variable_type": "multiple",
         "levels": [{"name": "war"}, {"name": "economy"}, {"name": "culture"}]},
        {"name": "Sarcastic", "kind": "variable", "variable_type": "boolean"},
        {"name": "Intensity", "kind": "variable", "variable_type": "ordinal",
         "levels": [{"name": "low"}, {"name": "mid"}, {"name": "high"}]},
        {"name": "Score", "kind": "variable", "variable_type": "number"},
        {"name": "Note", "kind": "variable", "variable_type": "text"},
    ])
    codes = {code.path_text: code.id for code in project.codes.list()}
    small = Small(project, posts, ann, ben, codes["Frames/Threat/Military"],
                  codes["Frames/Blame"], codes["Frames"],
                  {name: codes[name] for name in
                   ("Tone", "Topics", "Sarcastic", "Intensity", "Score", "Note")})
    first, second, third = posts
    statement = TEXTS[0].index("Statement")
    family = TEXTS[0].index("👨")
    project.annotations.add(first, small.military, ann, Span(statement, statement + 9),
                            memo='memo, with "quotes"\nand a line')
    project.annotations.add(first, small.blame, ann, Span(family, family + 5))
    project.annotations.add(first, small.military, ben, Span(statement, statement + 9))
    tail = TEXTS[1].index("second")
    project.annotations.add(second, small.blame, ben, Span(tail, len(TEXTS[1])))
    for post in (first, second):
        for coder in (ann, ben):
            project.statuses.set(post, coder, PostStatus.DONE)
    project.statuses.set(third, ann, PostStatus.IN_PROGRESS)
    values = small.variables
    project.values.set(first, values["Tone"], ann, "negative")
    project.values.set(first, values["Topics"], ann, ["economy", "war"])
    project.values.set(first, values["Sarcastic"], ann, True)
    project.values.set(first, values["Intensity"], ann, "high")
    project.values.set(first, values["Score"], ann, 2.5)
    project.values.set(first, values["Note"], ann, "a note\nover two lines")
    project.values.set(first, values["Sarcastic"], ben, False)
    return small
