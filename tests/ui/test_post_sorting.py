"""Sorting the post list by its columns: the core's order, with filters, selection kept."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from annotator.core.posts.service import PostFilter
from annotator.core.project import Project
from annotator.ui.models.post_table import Column, PostTableModel
from tests.ui.test_post_filter import search


def click_header(window, qtbot, column: Column) -> None:  # type: ignore[no-untyped-def]
    header = window.post_list.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))


def test_model_sorts_by_the_columns_key(qtmodeltester, demo_project: Project) -> None:
    model = PostTableModel()
    model.set_source(demo_project.posts)
    by_length = demo_project.posts.ids(PostFilter(sort="length"))
    assert by_length != demo_project.posts.ids()
    model.sort(Column.LENGTH)
    assert model.post_ids() == by_length
    assert model.sort_order() == ("length", False)
    model.sort(Column.CHANNEL, Qt.SortOrder.DescendingOrder)
    assert model.post_ids() == demo_project.posts.ids(PostFilter(sort="channel", descending=True))
    model.sort(Column.TEXT)  # not sortable: nothing changes
    assert model.sort_order() == ("channel", True)
    qtmodeltester.check(model, force_py=True)
    model.sort(Column.NUMBER)
    assert model.post_ids() == demo_project.posts.ids()


def test_the_list_starts_sorted_by_number_ascending(demo_window) -> None:  # type: ignore[no-untyped-def]
    view = demo_window.post_list
    assert view.isSortingEnabled()
    header = view.horizontalHeader()
    assert header.sortIndicatorSection() == Column.NUMBER
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert demo_window.post_model.post_ids() == demo_window.project.posts.ids()


def test_clicking_length_sorts_ascending_then_descending(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = demo_window
    click_header(window, qtbot, Column.LENGTH)
    assert window.post_model.post_ids() == window.project.posts.ids(PostFilter(sort="length"))
    click_header(window, qtbot, Column.LENGTH)
    assert window.post_model.post_ids() == window.project.posts.ids(
        PostFilter(sort="length", descending=True)
    )
    header = window.post_list.horizontalHeader()
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_clicking_the_text_column_keeps_the_sort(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = demo_window
    click_header(window, qtbot, Column.LENGTH)
    before = window.post_model.post_ids()
    click_header(window, qtbot, Column.TEXT)
    assert window.post_model.post_ids() == before
    assert window.post_list.horizontalHeader().sortIndicatorSection() == Column.LENGTH


def test_the_shown_post_stays_selected_after_sorting(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = demo_window
    chosen = window.project.posts.ids()[4]
    window.post_list.select_post(chosen)
    assert window.reading_pane.post.id == chosen
    click_header(window, qtbot, Column.LENGTH)
    assert window.post_model.row_of(chosen) != 4
    assert window.post_list.current_post_id() == chosen
    assert window.post_list.currentIndex().row() == window.post_model.row_of(chosen)
    assert window.reading_pane.post.id == chosen


def test_sort_and_search_combine(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = demo_window
    click_header(window, qtbot, Column.LENGTH)
    click_header(window, qtbot, Column.LENGTH)  # descending
    search(window, qtbot, "war")
    expected = window.project.posts.ids(PostFilter(text="war", sort="length", descending=True))
    assert 1 < len(expected) < 18
    assert window.post_model.post_ids() == expected
    # Sorting again within the search keeps the search.
    click_header(window, qtbot, Column.NUMBER)
    assert window.post_model.post_ids() == window.project.posts.ids(PostFilter(text="war"))
    click_header(window, qtbot, Column.LENGTH)
    search(window, qtbot, "")
    assert window.post_model.post_ids() == window.project.posts.ids(PostFilter(sort="length"))
