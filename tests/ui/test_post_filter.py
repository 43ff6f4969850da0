"""The filter bar above the post list: search, status, channel and code filters, go to post #,
and the search hits marked in the reading pane."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.core.model import PostStatus
from annotator.core.posts.service import PostFilter, hit_spans
from annotator.core.posts.status import SetPostStatus
from annotator.core.spans import Utf16Index
from tests.ui.coding_support import add_annotation, show_post

ALL = 18


def bar(window):  # type: ignore[no-untyped-def]
    return window.coding.filtering.bar


def search(window, qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    field = bar(window).search
    field.clear()
    qtbot.keyClicks(field, text)
    bar(window).apply_now()


def test_typing_filters_to_the_search_hits(demo_window, qtbot):
    window = demo_window
    field = bar(window).search
    qtbot.keyClicks(field, "ukraine")
    expected = window.project.posts.ids(PostFilter(text="ukraine"))
    assert 0 < len(expected) < ALL
    # Applied after the pause in typing, without apply_now.
    qtbot.waitUntil(lambda: window.post_model.post_ids() == expected, timeout=2000)
    assert bar(window).count_label.text() == f"{len(expected)} of {ALL} posts"
    assert window.reading_pane.post is not None
    assert window.reading_pane.post.id in expected


def test_esc_clears_the_search_and_restores_every_post(demo_window, qtbot):
    window = demo_window
    search(window, qtbot, "war")
    assert len(window.post_model.post_ids()) < ALL
    field = bar(window).search
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert field.text() == ""
    bar(window).apply_now()
    assert window.post_model.post_ids() == window.project.posts.ids()
    assert window.post_model.rowCount() == ALL
    assert bar(window).count_label.text() == ""


def test_the_shown_post_stays_selected_when_kept(demo_window, qtbot):
    window = demo_window
    expected = window.project.posts.ids(PostFilter(text="russia"))
    kept = expected[3]
    window.post_list.select_post(kept)
    search(window, qtbot, "russia")
    assert window.post_list.current_post_id() == kept
    assert window.reading_pane.post.id == kept


def test_hits_are_marked_in_the_reading_pane(demo_window, qtbot):
    window = demo_window
    search(window, qtbot, "ukraine")
    pane = window.reading_pane
    text = pane.post.text
    expected = hit_spans(text, "ukraine")
    assert expected
    index = Utf16Index(text)
    marked = pane.text_view.hits()
    assert marked == [index.span_to_qt(s) for s in expected]
    assert [text[index.from_qt(a):index.from_qt(b)].casefold() for a, b in marked] == [
        text[s.start:s.end].casefold() for s in expected]
    assert all(t.casefold().startswith("ukrain") for t in (text[s.start:s.end] for s in expected))
    # Other posts shown while searching are marked too; no search, no marks.
    window.post_list.select_row(1)
    assert pane.text_view.hits() == [
        Utf16Index(pane.post.text).span_to_qt(s) for s in hit_spans(pane.post.text, "ukraine")]
    search(window, qtbot, "")
    assert pane.text_view.hits() == []


def test_status_filter_follows_the_coder(coding_window, qtbot):
    window = coding_window
    coder = window.coding.coder
    first, second = window.project.posts.ids()[:2]
    window.history.perform(SetPostStatus(first, coder.id, PostStatus.DONE))
    window.history.perform(SetPostStatus(second, coder.id, PostStatus.IN_PROGRESS))
    combo = bar(window).status_combo
    assert combo.isEnabled()
    for status in (PostStatus.DONE, PostStatus.IN_PROGRESS, PostStatus.NOT_STARTED):
        combo.setCurrentIndex(combo.findData(status.value))
        assert window.post_model.post_ids() == window.project.posts.ids(
            PostFilter(coder_id=coder.id, status=status))
    assert window.post_model.post_ids() == window.project.posts.ids()[2:]
    combo.setCurrentIndex(0)
    assert window.post_model.rowCount() == ALL


def test_status_filter_is_disabled_without_a_coder(demo_window):
    assert demo_window.coding.coder is None
    assert not bar(demo_window).status_combo.isEnabled()


def test_channel_and_code_filters(coding_window, qtbot):
    window = coding_window
    channels = window.project.posts.channels()
    combo = bar(window).channel_combo
    assert [combo.itemText(i) for i in range(1, combo.count())] == [c.title for c in channels]
    combo.setCurrentIndex(1)
    assert window.post_model.post_ids() == window.project.posts.ids(
        PostFilter(channel=channels[0].key))
    assert bar(window).count_label.text() == f"{ALL} of {ALL} posts"

    post_id = show_post(window, 4)
    add_annotation(window, "Framing/Threat", window.reading_pane.post.text.split()[0])
    code = next(c for c in window.project.codes.list() if c.path_text == "Framing/Threat")
    codes = bar(window).code_combo
    assert codes.itemText(0) == "Any code"
    assert all(not c.is_variable for c in window.project.codes.list()
               if codes.findData(c.id) >= 0)
    codes.setCurrentIndex(codes.findData(code.id))
    assert window.post_model.post_ids() == [post_id]
    assert window.post_model.post_ids() == window.project.posts.ids(
        PostFilter(channel=channels[0].key, has_code=code.id))
    assert bar(window).count_label.text() == f"1 of {ALL} posts"
    assert window.reading_pane.post.id == post_id


def test_ctrl_g_goes_to_a_row(coding_window, qtbot):
    window = coding_window
    qtbot.keyClick(window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    spin = bar(window).go_to
    qtbot.waitUntil(spin.hasFocus, timeout=2000)
    qtbot.keyClicks(spin.lineEdit(), "7")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert window.post_list.currentIndex().row() == 6
    assert window.reading_pane.post.id == window.project.posts.ids()[6]


def test_ctrl_f_focuses_the_search(coding_window, qtbot):
    window = coding_window
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(bar(window).search.hasFocus, timeout=2000)
