"""The post list's current filter as an export scope: its posts, and the filter in words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from annotator.core.errors import NotFound
from annotator.core.model import PostStatus
from annotator.core.posts.service import PostFilter
from annotator.core.project import Project
from annotator.ui.dialogs.export_dialog import FilterScope
from annotator.ui.models.post_table import PostTableModel


def filter_scope(project: Project, model: PostTableModel) -> FilterScope | None:
    """The posts ``model`` shows under its filter, in list order; ``None`` when unfiltered."""
    where = model.post_filter()
    if where is None:
        return None
    return FilterScope(tuple(model.post_ids()), describe_filter(project, where))


def describe_filter(project: Project, where: PostFilter) -> str:
    """``where`` in words for the export's About sheet, e.g.
    ``channel: MID; text contains "NATO"``. Names that are gone show as their ids."""
    parts: list[str] = []
    if where.text:
        parts.append(QCoreApplication.translate(
            "export_scope", "text contains “{text}”").format(text=where.text))
    if where.channel is not None:
        titles = {c.key: c.title for c in project.posts.channels()}
        parts.append(QCoreApplication.translate("export_scope", "channel: {title}").format(
            title=titles.get(where.channel, where.channel)))
    if where.has_code is not None:
        try:
            code = project.codes.get(where.has_code).path_text
        except NotFound:
            code = f"#{where.has_code}"
        parts.append(QCoreApplication.translate("export_scope", "has code: {code}").format(
            code=code))
    if where.status is not None and where.coder_id is not None:
        try:
            coder = project.coders.get(where.coder_id).name
        except NotFound:
            coder = f"#{where.coder_id}"
        parts.append(QCoreApplication.translate(
            "export_scope", "status of {coder}: {status}").format(
            coder=coder, status=_status_name(where.status)))
    return "; ".join(parts)


def _status_name(status: PostStatus) -> str:
    match status:
        case PostStatus.NOT_STARTED:
            return QCoreApplication.translate("export_scope", "not started")
        case PostStatus.IN_PROGRESS:
            return QCoreApplication.translate("export_scope", "in progress")
        case PostStatus.DONE:
            return QCoreApplication.translate("export_scope", "done")
