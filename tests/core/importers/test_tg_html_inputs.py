"""Tests for the ``tg-html`` importer's inputs: whole-account exports, detection, errors,
cancellation and malformed pages. Fixtures: see ``test_tg_html``."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.errors import InputFileError
from annotator.core.importers.base import ImportOptions, ParsedPost, Sample
from annotator.core.progress import Cancelled, CancelToken, no_progress
from tests.core.importers.test_tg_html import (
    ACCOUNT,
    CHANNEL,
    DATA,
    IMPORTER,
    TITLE,
    WEB,
    by_id,
    parse,
    utc,
)

# --- whole-account exports --------------------------------------------------------------


def test_account_export_with_several_chats_needs_a_choice() -> None:
    with pytest.raises(InputFileError) as caught:
        IMPORTER.parse(ACCOUNT, ImportOptions(), no_progress, None)
    message = str(caught.value)
    assert "2 chats" in message
    assert "chat_001 (Study Group)" in message and "chat_002 (Tech News)" in message


@pytest.mark.parametrize("path", [ACCOUNT, ACCOUNT / "export_results.html", ACCOUNT / "chats"])
def test_account_chats_chosen_by_name_or_folder(path: Path) -> None:
    source, posts = parse(path, "Study Group", "chat_002")
    assert list(source.channels) == ["Study Group", "Tech News"]
    assert source.channels["Study Group"].metadata == {"export_folder": "chat_001"}
    assert [(p.channel, p.identity) for p in posts] == [
        ("Study Group", "2"),
        ("Study Group", "3"),
        ("Study Group", "4"),
        ("Study Group", "5"),
        ("Tech News", "7"),
    ]
    group = by_id(posts[:4])
    assert group["3"].author == "Ann Lee" and group["3"].metadata["joined"] is True
    assert group["4"].author == "Bob Stone" and group["4"].metadata["via_bot"] == "@gif"
    assert group["4"].metadata["media"]["type"] == "animation"
    assert group["5"].author == "Bob Stone" and group["5"].metadata["reply_to"] == "2"
    assert group["2"].date == utc(2024, 3, 3, 17, 0)
    assert posts[0].metadata["source_file"] == "chats/chat_001/messages.html"
    assert source.skipped == {"date separator": 2, "service message": 1}


def test_account_unknown_chat_lists_the_chats() -> None:
    with pytest.raises(InputFileError, match=r"no chat named 'Nope'.*chat_001 \(Study Group\)"):
        parse(ACCOUNT, "Nope")


def test_a_chat_folder_inside_an_account_export_is_one_chat() -> None:
    source, posts = parse(ACCOUNT / "chats" / "chat_002")
    assert list(source.channels) == ["Tech News"]
    assert [p.text for p in posts] == ["Release day"]


# --- detection and errors -----------------------------------------------------------------


def sample(path: Path) -> Sample:
    if path.is_dir():
        return Sample(path, b"", None)
    head = path.read_bytes()[:65536]
    return Sample(path, head, head.decode("utf-8", "replace"))


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (CHANNEL, True),
        (CHANNEL / "messages2.html", True),
        (ACCOUNT, True),
        (ACCOUNT / "export_results.html", True),
        (ACCOUNT / "chats" / "chat_001", True),
        (ACCOUNT / "lists" / "chats.html", False),
        (CHANNEL / "css" / "style.css", False),
        (WEB, False),
        (WEB / "dailydigest-page1.html", False),
        (DATA / "tg-web-preview-sample.txt", False),
    ],
)
def test_sniff(path: Path, expected: bool) -> None:
    assert IMPORTER.sniff(sample(path)) is expected


def test_missing_input_and_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="no such file"):
        parse(tmp_path / "nope")
    with pytest.raises(InputFileError, match=r"no messages\*\.html"):
        parse(tmp_path)


def test_a_foreign_page_is_refused_before_any_post(tmp_path: Path) -> None:
    page = tmp_path / "messages.html"
    page.write_text("<html><body><p>hello</p></body></html>", encoding="utf-8")
    with pytest.raises(InputFileError, match="no Telegram Desktop export markup") as caught:
        IMPORTER.parse(tmp_path, ImportOptions(), no_progress, None)
    assert caught.value.path == page


def test_a_later_page_without_history_fails_while_reading(tmp_path: Path) -> None:
    shutil.copy(CHANNEL / "messages.html", tmp_path / "messages.html")
    (tmp_path / "messages2.html").write_text("<html><body>oops</body></html>", encoding="utf-8")
    source = IMPORTER.parse(tmp_path, ImportOptions(), no_progress, None)
    with pytest.raises(InputFileError, match="no div.history"):
        list(source.posts)


def test_joined_message_at_page_start_warns(tmp_path: Path) -> None:
    text = (CHANNEL / "messages.html").read_text(encoding="utf-8")
    start = text.index('\n     <div class="message default clearfix" id="message2">')
    end = text.index('\n     <div class="message default clearfix joined" id="message3">')
    page = tmp_path / "messages.html"
    page.write_text(text[:start] + text[end:], encoding="utf-8")
    source, posts = parse(page)
    assert posts[0].identity == "3" and posts[0].author is None
    assert posts[1].author is None  # still no sender: the chain never started
    codes = [(w.code, w.post, w.line) for w in source.warnings]
    assert codes[:2] == [
        ("joined_without_sender", 0, posts[0].line),
        ("joined_without_sender", 1, posts[1].line),
    ]
    assert posts[3].author == TITLE  # a full message restarts the chain


def test_duplicate_message_ids_are_kept_once(tmp_path: Path) -> None:
    shutil.copy(CHANNEL / "messages.html", tmp_path / "messages.html")
    shutil.copy(CHANNEL / "messages.html", tmp_path / "messages2.html")
    source, posts = parse(tmp_path)
    assert len(posts) == 6
    assert source.skipped["duplicate message"] == 6
    assert {w.code for w in source.warnings} == {"duplicate_message"}


def test_legacy_encoding_is_decoded_and_reported(tmp_path: Path) -> None:
    russian = "Только реакции, без текста и без картинок, но с длинным русским предложением"
    text = (CHANNEL / "messages10.html").read_text(encoding="utf-8")
    text = text.replace("Reactions only custom", russian).replace("✨", "*").replace("👋", "?")
    (tmp_path / "messages.html").write_bytes(text.encode("cp1251"))
    source, posts = parse(tmp_path)
    assert posts[1].text == russian
    assert any(w.code == "encoding" and w.file == "messages.html" for w in source.warnings)


def test_cancel_from_progress_raises_cancelled() -> None:
    token = CancelToken()
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        calls.append((done, total))
        if len(calls) == 2:
            token.cancel()

    source = IMPORTER.parse(CHANNEL, ImportOptions(), progress, token)
    with pytest.raises(Cancelled):
        list(source.posts)
    assert calls[0][0] == 0 and calls[0][1] > 0


def test_progress_reaches_the_total() -> None:
    calls: list[tuple[int, int]] = []
    source = IMPORTER.parse(CHANNEL, ImportOptions(), lambda d, t: calls.append((d, t)), None)
    list(source.posts)
    assert calls[-1][0] == calls[-1][1] > 0
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


# --- robustness ---------------------------------------------------------------------------

PAGE = (CHANNEL / "messages.html").read_bytes()


def consume(path: Path) -> list[Any]:
    try:
        source = IMPORTER.parse(path, ImportOptions(), no_progress, None)
        return list(source.posts)
    except InputFileError:
        return []


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    cut=st.integers(0, len(PAGE)),
    flips=st.lists(st.tuples(st.integers(0, len(PAGE) - 1), st.integers(0, 255)), max_size=20),
)
def test_truncated_or_corrupted_pages_parse_or_raise_input_file_error(
    tmp_path: Path, cut: int, flips: list[tuple[int, int]]
) -> None:
    data = bytearray(PAGE)
    for index, value in flips:
        data[index] = value
    page = tmp_path / "messages.html"
    page.write_bytes(bytes(data[:cut]))
    for post in consume(page):
        assert isinstance(post, ParsedPost)


MUTATIONS = [
    ('id="message', 'id="messageX'),
    ('title="', 'title="99.'),
    ("UTC+03:00", "UTC+99:99"),
    ('class="body"', 'class="bod"'),
    ('class="from_name"', 'class="x"'),
    ('class="count"', 'class="emoji"'),
    ("<br>", "<br><strong><em>"),
    ("</div>", ""),
    ("joined", "joined service"),
    ("go_to_message", "go_to_message99999999999999999999999"),
    ("12", "1" * 5000),
    ('class="media_wrap clearfix"', 'class="media_wrap"><div class="media_poll"'),
]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.tuples(st.sampled_from(MUTATIONS), st.integers(0, 30)), max_size=6))
def test_mutated_structures_parse_or_raise_input_file_error(
    tmp_path: Path, mutations: list[tuple[tuple[str, str], int]]
) -> None:
    text = PAGE.decode("utf-8")
    for (old, new), nth in mutations:
        at = -1
        for _ in range(nth + 1):
            at = text.find(old, at + 1)
            if at < 0:
                break
        if at >= 0:
            text = text[:at] + new + text[at + len(old) :]
    page = tmp_path / "messages.html"
    page.write_text(text, encoding="utf-8")
    for post in consume(page):
        for entity in post.metadata.get("entities", []):
            assert 0 <= entity["start"] < entity["end"] <= len(post.text)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=2000))
def test_random_bytes_parse_or_raise_input_file_error(tmp_path: Path, data: bytes) -> None:
    page = tmp_path / "messages.html"
    page.write_bytes(data)
    consume(page)
