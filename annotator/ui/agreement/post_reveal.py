"""Showing a post in the coding workspace from elsewhere (an agreement disagreement).

The post list may be filtered so that the post is not in it; then the filter is
cleared (the status bar says so), because a silently unselectable post would look
like a broken link.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QStatusBar

from annotator.ui.models.post_table import PostTableModel
from annotator.ui.post_filtering import PostFiltering
from annotator.ui.views.post_list import PostListView
from annotator.ui.views.reading_pane import ReadingPane

STATUS_MESSAGE_MS = 8000


class Revealed(Enum):
    SHOWN = "shown"
    FILTER_CLEARED = "filter cleared"
    """Shown after clearing the post filter, which hid it."""
    MISSING = "missing"
    """The post is not in the project any more."""


def reveal_post(
    filtering: PostFiltering,
    model: PostTableModel,
    post_list: PostListView,
    pane: ReadingPane,
    status_bar: QStatusBar,
    post_id: int,
    start: int | None = None,
) -> Revealed:
    """Select ``post_id`` in the list and put the reading pane's caret at code point
    ``start`` (scrolled into view), clearing a filter that hides the post."""
    outcome = Revealed.SHOWN
    if model.row_of(post_id) is None and model.post_filter() is not None:
        filtering.bar.reset()
        filtering.apply()
        outcome = Revealed.FILTER_CLEARED
    if model.row_of(post_id) is None:
        status_bar.showMessage(QCoreApplication.translate(
            "agreement", "That post is no longer in the project."), STATUS_MESSAGE_MS)
        return Revealed.MISSING
    post_list.select_post(post_id)
    if outcome is Revealed.FILTER_CLEARED:
        status_bar.showMessage(QCoreApplication.translate(
            "agreement", "The post filter hid that post, so it was cleared."), STATUS_MESSAGE_MS)
    post = pane.post
    if post is not None and post.id == post_id and start is not None:
        view = pane.text_view
        cursor = QTextCursor(view.document())
        cursor.setPosition(pane.index.to_qt(max(0, min(start, len(post.text)))))
        view.setTextCursor(cursor)
        view.ensureCursorVisible()
    return outcome
