"""Listing the chats of whole-account exports for the GUI chooser."""

from __future__ import annotations

from annotator.core.importers.base import ImportOptions
from annotator.core.importers.chats import list_chats
from annotator.core.project import Project
from tests.conftest import DATA, SAMPLE


def test_json_account_lists_every_chat_and_marks_private_ones() -> None:
    [path] = sorted((DATA / "tg_json" / "account").glob("*.json"))
    chats = list_chats(path, "tg-json")
    assert len(chats) >= 2
    assert any(c.private for c in chats) and any(not c.private for c in chats)
    assert all(c.key and c.label and c.messages is not None for c in chats)


def test_json_single_chat_lists_one() -> None:
    chats = list_chats(DATA / "cross" / "result.json", "tg-json")
    assert [(c.key, c.messages, c.private) for c in chats] == [("1987654321", 4, False)]


def test_html_account_lists_chat_folders_and_each_imports(project: Project) -> None:
    root = DATA / "tg_html" / "account"
    chats = list_chats(root, "tg-html")
    assert len(chats) >= 2
    report = project.import_file(root, options=ImportOptions(chats=(chats[0].key,)))
    assert report.added > 0
    assert len(project.posts.channels()) == 1


def test_formats_without_chats_list_none() -> None:
    assert list_chats(SAMPLE, "tg-text") == []


def test_options_per_input(project: Project) -> None:
    account = DATA / "tg_json" / "account" / "result.json"
    single = DATA / "cross" / "result.json"
    public = [c.key for c in list_chats(account, "tg-json") if not c.private]
    reports = project.import_files(
        [account, single], options={account: ImportOptions(chats=(public[0],))}
    )
    assert [r.added > 0 for r in reports] == [True, True]
    assert project.info().posts == sum(r.added for r in reports)
    # Both fixtures describe channel id 1987654321 (renamed since): one channel.
    [channel] = project.posts.channels()
    assert (channel.key, channel.title) == ("tg:1987654321", "Example News")
