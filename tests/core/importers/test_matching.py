"""How imports match channels and posts: ids, usernames, titles, and text versions."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest

from annotator.core.errors import InputFileError
from annotator.core.importers import registry
from annotator.core.importers.base import (
    ImportOptions,
    ImportWarning,
    ParsedChannel,
    ParsedPost,
    ParsedSource,
    Sample,
)
from annotator.core.progress import Cancelled, CancelToken, Progress, check_cancel
from annotator.core.project import Project
from annotator.core.spans import Span
from annotator.core.storage.schema import PostRow


class ListImporter:
    """Reads ``{"channel": {...}, "posts": [{"id": ..., "text": ...}], "skipped": {...}}``."""

    format_id: ClassVar[str] = "test-list"
    label: ClassVar[str] = "test list"

    def sniff(self, sample: Sample) -> bool:
        return sample.text is not None and '"test-list"' in sample.text

    def parse(
        self, path: Path, options: ImportOptions, progress: Progress, cancel: CancelToken | None
    ) -> ParsedSource:
        data = json.loads(path.read_text(encoding="utf-8"))
        channel = ParsedChannel(key="c", title=data["channel"]["title"],
                                telegram_id=data["channel"].get("id"),
                                username=data["channel"].get("username"))
        source = ParsedSource("test-list", {"c": channel}, [],
                              skipped=Counter(data.get("skipped", {})))

        def posts() -> Iterator[ParsedPost]:
            for i, item in enumerate(data["posts"]):
                check_cancel(cancel)
                if item.get("bad"):
                    raise InputFileError(path, "bad item", json_line(i))
                if item.get("warn"):
                    odd = ImportWarning("odd", "odd item", json_path=f"posts[{i}]")
                    source.warnings.append(odd)
                key = str(item["id"])
                yield ParsedPost("c", key, item["text"], external_id=key)

        source.posts = posts()
        return source


def json_line(index: int) -> int:
    return index + 2


@pytest.fixture(autouse=True)
def _list_importer(monkeypatch: pytest.MonkeyPatch) -> None:
    real = registry.importers
    monkeypatch.setattr(registry, "importers", lambda: [ListImporter(), *real()])


def write(tmp_path: Path, name: str, channel: dict[str, Any], posts: list[dict[str, Any]],
          **extra: Any) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps({"kind": "test-list", "channel": channel, "posts": posts, **extra}),
                    encoding="utf-8")
    return path


def texts(project: Project) -> list[tuple[str, str, int]]:
    with project.sessions() as session:
        rows = session.query(PostRow).order_by(PostRow.id)
        return [(r.identity, r.text, r.version) for r in rows]


def test_changed_text_becomes_a_new_version_and_annotations_stay(
    project: Project, tmp_path: Path
) -> None:
    channel = {"title": "Chan", "id": 1001}
    first = write(tmp_path, "a.json", channel, [{"id": 1, "text": "🇷🇺 Hello world"},
                                                 {"id": 2, "text": "Second"}])
    project.import_file(first)
    coder, _ = project.coders.create("Alice")
    code, _ = project.codes.add("Topic")
    post_id = project.posts.find("1").id
    annotation, _ = project.annotations.add(post_id, code.id, coder.id, Span(3, 8))
    assert annotation.quote == "Hello"

    edited = write(tmp_path, "b.json", channel, [
        {"id": 1, "text": "🇷🇺 Hi, changed world"},
        {"id": 2, "text": "Second\u00a0"},  # invisible difference: not a new version
        {"id": 3, "text": "Third"},
    ])
    report = project.import_file(edited)
    assert (report.added, report.duplicates, len(report.versions)) == (2, 1, 1)
    [note] = report.versions
    assert (note.identity, note.previous_id, note.version) == ("1", post_id, 2)
    assert any("changed text: 1" in line for line in report.lines())
    assert texts(project) == [("1", "🇷🇺 Hello world", 1), ("2", "Second", 1),
                              ("1", "🇷🇺 Hi, changed world", 2), ("3", "Third", 1)]
    [kept] = project.annotations.for_post(post_id)
    assert kept.quote == "Hello" == project.posts.get(post_id).text[3:8]
    again = project.import_file(edited)
    assert (again.added, again.duplicates, again.versions) == (0, 3, ())


def test_channels_match_by_id_then_username_then_title(project: Project, tmp_path: Path) -> None:
    project.import_file(write(tmp_path, "html.json", {"title": "News"}, [{"id": 1, "text": "a"}]))
    project.import_file(write(tmp_path, "json.json", {"title": "News", "id": 77},
                              [{"id": 1, "text": "a"}, {"id": 2, "text": "b"}]))
    project.import_file(write(tmp_path, "web.json", {"title": "News (renamed)", "id": 77,
                                                     "username": "NewsChan"},
                              [{"id": 3, "text": "c"}]))
    project.import_file(write(tmp_path, "web2.json", {"title": "Other title",
                                                      "username": "newschan"},
                              [{"id": 4, "text": "d"}]))
    [channel] = project.posts.channels()
    assert (channel.key, channel.title) == ("tg:77", "Other title")
    assert project.info().posts == 4
    project.import_file(write(tmp_path, "twin.json", {"title": "Other title", "id": 99},
                              [{"id": 1, "text": "a"}]))
    assert len(project.posts.channels()) == 2  # same title, different id: another channel


def test_report_counts_skipped_items_and_warnings(project: Project, tmp_path: Path) -> None:
    path = write(tmp_path, "s.json", {"title": "C"}, [{"id": 1, "text": "x", "warn": True}],
                 skipped={"service message": 3})
    report = project.import_file(path)
    assert report.skipped == {"service message": 3}
    assert "skipped: service message 3" in report.lines()
    [warning] = report.warnings
    assert str(warning) == "posts[0]: odd item"
    [source] = project.sources.list()
    assert source.metadata["skipped"] == {"service message": 3}
    assert source.warnings == ("posts[0]: odd item",)


def test_an_error_while_streaming_rolls_everything_back(project: Project, tmp_path: Path) -> None:
    good = write(tmp_path, "good.json", {"title": "C"}, [{"id": 1, "text": "x"}])
    bad = write(tmp_path, "bad.json", {"title": "D"},
                [{"id": i, "text": f"t{i}"} for i in range(1200)] + [{"id": 0, "bad": True,
                                                                       "text": ""}])
    with pytest.raises(InputFileError, match="bad item"):
        project.import_files([good, bad])
    assert project.info().posts == 0 and project.info().channels == 0


def test_cancel_while_streaming_rolls_back(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    token = CancelToken()
    path = write(tmp_path, "big.json", {"title": "C"},
                 [{"id": i, "text": f"t{i}"} for i in range(3000)])
    original = ListImporter.parse

    def cancelling_parse(self: ListImporter, *args: Any) -> ParsedSource:
        parsed = original(self, *args)
        items = iter(parsed.posts)

        def posts() -> Iterator[ParsedPost]:
            for i, post in enumerate(items):
                if i == 2000:
                    token.cancel()
                yield post

        parsed.posts = posts()
        return parsed

    monkeypatch.setattr(ListImporter, "parse", cancelling_parse)
    with pytest.raises(Cancelled):
        project.import_file(path, cancel=token)
    assert project.info().posts == 0
