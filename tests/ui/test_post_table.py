"""The post table model: Qt's model contract, lazy chunked loading, narrow refreshes."""

from __future__ import annotations

import time
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from annotator.core.changes import Changes
from annotator.core.model import PostStatus
from annotator.core.posts.service import PostSummary
from annotator.core.project import Project
from annotator.core.spans import Span
from annotator.ui.models.post_table import CHUNK, MAX_CACHED, Column, PostTableModel, Role


def test_model_passes_qtmodeltester_on_the_demo(qtmodeltester, demo_project: Project) -> None:
    model = PostTableModel()
    model.set_source(demo_project.posts)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 18
    assert model.columnCount() == len(Column)


def test_model_passes_qtmodeltester_empty_and_unset(qtmodeltester, project: Project) -> None:
    model = PostTableModel()
    qtmodeltester.check(model, force_py=True)
    model.set_source(project.posts)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 0


def test_rows_show_the_summaries_in_reading_order(demo_project: Project) -> None:
    model = PostTableModel()
    model.set_source(demo_project.posts)
    ids = demo_project.posts.ids()
    summaries = demo_project.posts.summaries(ids)
    for row, summary in enumerate(summaries):
        assert model.data(model.index(row, Column.NUMBER)) == str(row + 1)
        assert model.data(model.index(row, Column.CHANNEL)) == summary.channel
        assert model.data(model.index(row, Column.FORWARDED_FROM)) == (
            summary.forwarded_from or ""
        )
        assert model.data(model.index(row, Column.LENGTH)) == str(summary.length)
        assert model.data(model.index(row, Column.DATE)) == "–"  # the demo has no dates
        shown = model.data(model.index(row, Column.TEXT))
        assert "\n" not in shown and shown == " ".join(summary.preview.split())
        assert model.data(model.index(row, 0), Role.POST_ID) == summary.id
        assert model.data(model.index(row, 2), Qt.ItemDataRole.ToolTipRole) == summary.preview


def test_annotation_change_updates_only_that_row(qtbot, demo_project: Project) -> None:
    model = PostTableModel()
    model.set_source(demo_project.posts)
    post_id = demo_project.posts.ids()[3]
    assert model.data(model.index(3, Column.ANNOTATIONS)) == ""
    coder, _ = demo_project.coders.create("Alice")
    _, changes = demo_project.annotations.add(post_id, 2, coder.id, Span(0, 5))
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged) as sig:
        model.apply(changes)
    top, bottom = sig.args[0], sig.args[1]
    assert (top.row(), bottom.row()) == (3, 3)
    assert model.data(model.index(3, Column.ANNOTATIONS)) == "1"


class FakePosts:
    """A post service stand-in with many ids, counting what the model asks for."""

    def __init__(self, count: int) -> None:
        self._ids = list(range(1, count + 1))
        self.requested: list[int] = []

    def ids(self) -> list[int]:
        return list(self._ids)

    def summaries(self, post_ids: Sequence[int]) -> list[PostSummary]:
        self.requested.extend(post_ids)
        return [
            PostSummary(i, i - 1, None, "Channel", None, 100 + i % 7, 0, f"post {i}")
            for i in post_ids
        ]


def test_100k_posts_load_lazily_in_chunks(qtbot) -> None:
    fake = FakePosts(100_000)
    model = PostTableModel()
    started = time.perf_counter()
    model.set_source(fake)
    assert model.rowCount() == 100_000
    assert fake.requested == []  # nothing but the ids at load time

    assert model.data(model.index(50_000, Column.CHANNEL)) == "Channel"
    assert model.fetches == 1
    assert len(fake.requested) == CHUNK
    assert 50_001 in fake.requested  # id of row 50,000
    chunk_start = 50_000 - 50_000 % CHUNK
    for row in range(chunk_start, chunk_start + CHUNK):
        model.data(model.index(row, Column.LENGTH))
    assert model.fetches == 1  # the row's chunk served its neighbours

    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.verticalHeader().setSectionResizeMode(view.verticalHeader().ResizeMode.Fixed)
    view.resize(600, 400)
    view.show()
    for row in (0, 99_999, 25_000, 75_000, 10):
        view.scrollTo(model.index(row, 0))
        qtbot.wait(1)
    assert time.perf_counter() - started < 5
    assert len(fake.requested) < 20 * CHUNK
    assert model.cached_rows() <= MAX_CACHED


def test_cache_is_bounded_while_scrolling_everything() -> None:
    fake = FakePosts(30_000)
    model = PostTableModel()
    model.set_source(fake)
    for row in range(0, 30_000, 50):
        model.data(model.index(row, Column.LENGTH))
    assert model.cached_rows() <= MAX_CACHED
    assert model.fetches == 30_000 // CHUNK


def test_status_column_fetches_the_coders_statuses_by_chunk(qtmodeltester) -> None:
    fake = FakePosts(1_000)
    model = PostTableModel()
    model.set_source(fake)
    asked: list[list[int]] = []

    def lookup(post_ids: Sequence[int]) -> dict[int, PostStatus]:
        asked.append(list(post_ids))
        return {p: PostStatus.DONE for p in post_ids if p % 2} | {4: PostStatus.IN_PROGRESS}

    assert model.data(model.index(0, Column.STATUS)) is None  # no coder: no statuses
    model.set_statuses(lookup)
    qtmodeltester.check(model, force_py=True)
    asked.clear()
    texts = [model.data(model.index(row, Column.STATUS)) for row in range(6)]
    assert texts == ["done", "", "done", "in progress", "done", ""]
    assert len(asked) == 1 and len(asked[0]) == CHUNK
    model.apply(Changes(posts=frozenset({3})))  # a changed post is asked again
    model.data(model.index(2, Column.STATUS))
    assert len(asked) == 2
    model.set_statuses(None)
    assert model.data(model.index(2, Column.STATUS)) is None
