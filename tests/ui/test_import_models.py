"""The import dialog's item models pass the Qt model tester and show what they hold."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt

from annotator.core.errors import InputFileError
from annotator.core.importers.base import ParsedPost
from annotator.core.importers.chats import ChatChoice
from annotator.core.importers.table_posts import read_preview
from annotator.ui.import_inputs import InputDetails, InputState, detect
from annotator.ui.models.chat_list import ChatListModel
from annotator.ui.models.import_inputs import Column, InputListModel
from annotator.ui.models.post_preview import PostPreviewModel
from annotator.ui.models.table_preview import TablePreviewModel, one_line
from tests.conftest import DATA, SAMPLE

CHATS = [
    ChatChoice("1", "News (1, public_channel, 3 messages)", 3, False),
    ChatChoice("2", "Friend (2, personal_chat, 2 messages)", 2, True),
]


def test_input_list_model(qapp, qtmodeltester):
    model = InputListModel()
    model.add(detect(SAMPLE))
    model.add(InputState(Path("/nowhere/x.txt"), error=InputFileError("/nowhere/x.txt", "gone")))
    model.add(InputState(DATA / "cross", "tg-html", folder=True, reading=True, done=1, total=4))
    qtmodeltester.check(model)
    assert model.index(0, Column.FORMAT).data() == "Telegram web preview (text copy)"
    assert model.index(1, Column.DETAILS).data() == "Cannot import “/nowhere/x.txt”: gone."
    assert model.index(1, Column.FORMAT).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(2, Column.DETAILS).data() == "Reading… 25%"
    model.replace(InputState(DATA / "cross", "tg-html", folder=True,
                             details=InputDetails(tuple(CHATS))))
    assert model.index(2, Column.DETAILS).data() == "2 chats: choose below"
    model.remove(0)
    assert model.paths() == [Path("/nowhere/x.txt"), DATA / "cross"]
    qtmodeltester.check(model)


def test_chat_list_model(qapp, qtmodeltester):
    model = ChatListModel()
    model.set_chats(CHATS)
    qtmodeltester.check(model)
    assert model.ticked_keys() == ("1",)
    model.set_all_ticked(True)
    assert model.ticked_keys() == ("1", "2")
    assert model.setData(model.index(0), Qt.CheckState.Unchecked.value,
                         Qt.ItemDataRole.CheckStateRole)
    assert model.ticked_keys() == ("2",)
    assert not model.setData(model.index(0), "x", Qt.ItemDataRole.EditRole)


def test_table_preview_model(qapp, qtmodeltester):
    model = TablePreviewModel()
    qtmodeltester.check(model)
    preview = read_preview(DATA / "tables" / "4cat-telegram.csv")
    model.set_preview(preview)
    qtmodeltester.check(model)
    assert model.columnCount() == len(preview.headers)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "id"
    assert model.headerData(0, Qt.Orientation.Vertical) == str(preview.row_numbers[0])
    assert "⏎" in model.index(0, preview.headers.index("body")).data()
    assert one_line("a" * 200).endswith("…") and len(one_line("a" * 200)) == 120


def test_post_preview_model(qapp, qtmodeltester):
    model = PostPreviewModel()
    post = ParsedPost("c", "7", "Line one\nline two", external_id="7", author="Anna",
                      date=datetime(2024, 3, 1, 14, 30, tzinfo=UTC))
    model.set_posts([post, ParsedPost("c", "h", "No date")], {"c": "Channel C"})
    qtmodeltester.check(model)
    assert [model.index(0, c).data() for c in range(5)] == [
        "Line one ⏎ line two", "7", "2024-03-01 14:30:00 UTC", "Anna", "Channel C"]
    assert model.index(1, 2).data() == "–"
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "Line one\nline two"
