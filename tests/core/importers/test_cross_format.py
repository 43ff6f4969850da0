"""One channel from three formats: each message is stored once, changed texts as versions.

The fixtures in ``tests/data/cross`` describe the same channel as a Telegram
Desktop JSON export (which knows the channel id), a Desktop HTML export (title
only) and a saved t.me/s page (username and title; message 12 edited since,
message 13 new).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from annotator.core.project import Project
from tests.conftest import DATA

CROSS = DATA / "cross"
HELLO = "🇷🇺 Hello world!\nSecond line #news"


def test_json_then_html_then_web_page(project: Project) -> None:
    first = project.import_file(CROSS / "result.json")
    assert (first.format, first.added, first.skipped) == ("tg-json", 3, {"service message": 1})
    html = project.import_file(CROSS / "html")
    assert html.format == "tg-html"
    assert (html.added, html.duplicates, html.versions) == (0, 3, ())
    web = project.import_file(CROSS / "tme-examplenews.html")
    assert web.format == "tg-web"
    assert (web.added, web.duplicates, len(web.versions)) == (2, 1, 1)
    assert web.versions[0].identity == "12"

    [channel] = project.posts.channels()
    assert channel.key == "tg:1987654321"
    posts = {(p.external_id, p.text) for p in project.posts.iter_posts()}
    assert posts == {
        ("10", HELLO),
        ("11", "Statement of the Ministry: we took note."),
        ("12", "Plain post with a signature & an ampersand."),
        ("12", "Plain post with a signature & an ampersand, edited later."),
        ("13", "A newer post only the web page has."),
    }
    hello = project.posts.find("10")
    assert hello.date == datetime(2024, 6, 25, 12, 0, tzinfo=UTC)
    link = next(e for e in hello.metadata["entities"] if e["type"] == "text_link")
    assert hello.text[link["start"] : link["end"]] == "world"
    assert link["url"] == "https://example.org/"


def test_html_first_then_json_matches_by_title_and_adds_the_id(project: Project) -> None:
    assert project.import_file(CROSS / "html").added == 3
    again = project.import_file(CROSS / "result.json")
    assert (again.added, again.duplicates) == (0, 3)
    [channel] = project.posts.channels()
    assert channel.key == "tg:1987654321"
    forwarded = project.posts.find("11")
    assert forwarded.forwarded_from == "Russian MFA 🇷🇺"
    assert project.posts.find("12").author == "Anna K."


def test_bulk_inserted_values_are_stored_as_the_orm_stores_them(project: Project) -> None:
    project.import_file(CROSS / "result.json")
    with project.sessions() as session:
        raw = session.connection().exec_driver_sql(
            "SELECT date, metadata FROM post WHERE external_id = '10'"
        ).one()
    assert raw[0] == "2024-06-25 12:00:00.000000"  # SQLAlchemy's SQLite DateTime format
    assert json.loads(raw[1])["entities"][0]["type"] == "text_link"
