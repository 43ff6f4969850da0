"""The Telegram Desktop JSON importer (``result.json``) on hand-checked fixtures."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.errors import InputFileError
from annotator.core.importers.base import ImportOptions, ParsedPost, ParsedSource, Sample
from annotator.core.importers.json_repair import repair_escapes
from annotator.core.importers.tg_json import TgJsonImporter
from annotator.core.importers.tg_json_chats import ChatSummary, list_chats
from annotator.core.progress import Cancelled, CancelToken, no_progress
from annotator.core.project import Project

DATA = Path(__file__).parents[2] / "data" / "tg_json"
CHANNEL = DATA / "channel" / "result.json"
ACCOUNT = DATA / "account" / "result.json"
OLD = DATA / "old" / "result.json"
PLACEHOLDER = "(File not included. Change data exporting settings to download.)"


def parse(path: Path, *chats: str) -> tuple[ParsedSource, dict[str, ParsedPost]]:
    source = TgJsonImporter().parse(path, ImportOptions(chats=chats), no_progress, None)
    posts: dict[str, ParsedPost] = {}
    for post in source.posts:
        assert post.channel in source.channels  # announced before its first post
        posts[f"{post.channel}/{post.identity}"] = post
    return source, posts


def sample(path: Path) -> Sample:
    head = path.read_bytes()[:65536]
    return Sample(path, head, None)


def entity_texts(post: ParsedPost) -> list[tuple[str, str]]:
    text = post.text
    out = []
    for entity in post.metadata.get("entities", []):
        assert 0 <= entity["start"] < entity["end"] <= len(text)
        out.append((entity["type"], text[entity["start"] : entity["end"]]))
    return out


@pytest.fixture(scope="module")
def channel() -> tuple[ParsedSource, dict[str, ParsedPost]]:
    source, posts = parse(CHANNEL)
    return source, {key.split("/")[1]: post for key, post in posts.items()}


# --- detection --------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [CHANNEL, ACCOUNT, OLD])
def test_sniff_accepts_exports(path: Path) -> None:
    assert TgJsonImporter().sniff(sample(path))


def test_sniff_accepts_a_head_cut_mid_file(tmp_path: Path) -> None:
    chat = json.loads(repair_escapes(CHANNEL.read_bytes())[0])
    chat["messages"] = chat["messages"] * 200
    path = tmp_path / "result.json"
    path.write_text(json.dumps(chat, ensure_ascii=False, indent=1), encoding="utf-8")
    assert path.stat().st_size > 65536
    assert TgJsonImporter().sniff(sample(path))


@pytest.mark.parametrize(
    "content",
    [
        b'{"foo": 1, "bar": [1, 2]}',
        b'[{"id": 1, "type": "message"}]',
        b'{"_": "Message", "id": 5, "message": "hi"}',
        b'{"name": "x", "rows": []}',
        b'{"name": "x", "type": "table", "id": 3, "data": []}',
        b"Channel title\n3.46K subscribers\nDownload Telegram\n",
        b"",
    ],
)
def test_sniff_rejects_other_content(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "x.json"
    assert not TgJsonImporter().sniff(Sample(path, content, None))


# --- a public channel -------------------------------------------------------------------------


def test_channel_is_described(channel: tuple[ParsedSource, dict[str, ParsedPost]]) -> None:
    source, _ = channel
    assert source.format == "tg-json"
    (only,) = source.channels.values()
    assert only.key == "1987654321"
    assert only.telegram_id == 1987654321
    assert only.title == "МИД России 🇷🇺"
    assert only.metadata == {"type": "public_channel"}
    assert "reaction" in source.metadata["edited_caveat"]


def test_channel_texts_are_exact(channel: tuple[ParsedSource, dict[str, ParsedPost]]) -> None:
    _, posts = channel
    assert {key: post.text for key, post in posts.items()} == {
        "2": "Добро пожаловать в официальный канал!",
        "3": "🇷🇺🇧🇾 Заявление МИД России о переговорах #новости — подробнее @MID_Russia "
             "👨\u200d👩\u200d👧 🔥",
        "5": "Как вы оцениваете итоги встречи?",
        "6": "",
        "7": "Брифинг официального представителя",
        "8": "Текст заявления Министерства.",
        "9": "Пересланное сообщение из скрытого источника.",
        "10": "Дополнение к заявлению ⬆️",
        "11": "Сообщение из старой выгрузки без date_unixtime.",
        "13": "Строка\x0bс табуляцией, путь C:\\xfiles и \\\x0b конец",
        "14": "Пример кода: print('привет')\nx = 1\ny = 2\nИсточник: https://mid.ru Иван",
        "15": "",
    }
    for key, post in posts.items():
        assert post.identity == post.external_id == key
        assert post.channel == "1987654321"


def test_skipped_items_are_counted(channel: tuple[ParsedSource, dict[str, ParsedPost]]) -> None:
    source, _ = channel
    assert source.skipped == {"service message": 2, "unsupported message": 1}


def test_entities_are_code_point_offsets_of_the_joined_text(
    channel: tuple[ParsedSource, dict[str, ParsedPost]],
) -> None:
    _, posts = channel
    post = posts["3"]
    assert entity_texts(post) == [
        ("bold", "МИД России"),
        ("hashtag", "#новости"),
        ("text_link", "подробнее"),
        ("mention", "@MID_Russia"),
        ("custom_emoji", "🔥"),
    ]
    entities = post.metadata["entities"]
    assert entities[0] == {"type": "bold", "start": 15, "end": 25}
    utf16_start = len("🇷🇺🇧🇾 Заявление ".encode("utf-16-le")) // 2
    assert utf16_start == 19  # the flags make UTF-16 offsets differ from code points
    assert entities[2]["url"] == "https://mid.ru/ru/foreign_policy/news/1"
    assert "document_id" not in entities[4]  # "" when stickers were not exported
    assert entity_texts(posts["14"]) == [
        ("code", "print('привет')"),
        ("pre", "x = 1\ny = 2"),
        ("link", "https://mid.ru"),
        ("mention_name", "Иван"),
    ]
    pre, link, mention = posts["14"].metadata["entities"][1:]
    assert pre["language"] == "python"
    assert link["url"] == "https://mid.ru"
    assert mention["user_id"] == 42
    for key in ("2", "7", "13"):
        assert "entities" not in posts[key].metadata


def test_dates_are_utc(channel: tuple[ParsedSource, dict[str, ParsedPost]]) -> None:
    source, posts = channel
    # date_unixtime wins over the exporter-local "date" (UTC+3 here)
    assert posts["2"].date == datetime(2021, 3, 1, 9, 5, tzinfo=UTC)
    assert posts["3"].date == datetime(2021, 3, 2, 7, 15, 30, tzinfo=UTC)
    assert posts["3"].metadata["edited"] == "2021-03-02T07:20:00+00:00"
    # no date_unixtime: the local "date" read as UTC, and one warning for the file
    assert posts["11"].date == datetime(2021, 3, 5, 18, 30, tzinfo=UTC)
    (warning,) = [w for w in source.warnings if w.code == "date_local_time"]
    assert warning.json_path == "messages[10].date"
    assert warning.message.startswith("1 message(s)")
    assert warning.post == list(posts).index("11")


def test_authors_forwards_replies_and_bots(
    channel: tuple[ParsedSource, dict[str, ParsedPost]],
) -> None:
    _, posts = channel
    assert posts["3"].author == "Мария Захарова"
    assert posts["3"].metadata["signature"] == "Мария Захарова"
    assert posts["2"].author == "МИД России 🇷🇺"
    assert posts["2"].metadata == {"from": "МИД России 🇷🇺", "from_id": "channel1987654321"}
    assert posts["8"].forwarded_from == "Russian MFA 🇷🇺"
    assert posts["8"].metadata["forwarded"] is True
    assert "forwarded_from_unknown" not in posts["8"].metadata
    assert posts["9"].forwarded_from is None
    assert posts["9"].metadata["forwarded"] is True
    assert posts["9"].metadata["forwarded_from_unknown"] is True
    assert posts["10"].metadata["reply_to"] == "3"
    assert posts["14"].metadata["via_bot"] == "@like"
    assert posts["2"].forwarded_from is None
    assert "forwarded" not in posts["2"].metadata


def test_reactions_are_structured_without_recent(
    channel: tuple[ParsedSource, dict[str, ParsedPost]],
) -> None:
    _, posts = channel
    assert posts["3"].metadata["reactions"] == [
        {"type": "emoji", "emoji": "👍", "count": 431},
        {"type": "custom_emoji", "emoji": None, "count": 12},
        {"type": "paid", "emoji": None, "count": 5},
    ]


def test_media_and_polls(channel: tuple[ParsedSource, dict[str, ParsedPost]]) -> None:
    _, posts = channel
    photo = posts["6"].metadata
    assert photo["flags"] == ["media_only"]
    assert photo["media"] == {"type": "photo", "downloaded": False, "file_note": PLACEHOLDER,
                              "file_size": 183456, "width": 1280, "height": 853}
    video = posts["7"].metadata["media"]
    assert video["type"] == "video_file"
    assert video["downloaded"] is True
    assert video["file"] == "video_files/briefing_2021-03-03.mp4"
    assert video["file_name"] == "briefing_2021-03-03.mp4"
    assert video["mime_type"] == "video/mp4"
    assert video["duration_seconds"] == 95
    assert "flags" not in posts["7"].metadata
    sticker = posts["15"].metadata["media"]
    assert sticker["type"] == "sticker"
    assert sticker["downloaded"] is False
    assert "file" not in sticker and "thumbnail" not in sticker
    assert sticker["file_name"] == "sticker.webp"
    assert sticker["sticker_emoji"] == "😂"
    poll = posts["5"].metadata
    assert poll["flags"] == ["poll"]
    assert poll["poll"] == {
        "question": "Как вы оцениваете итоги встречи?",
        "answers": [
            {"text": "Положительно", "voters": 1000},
            {"text": "Отрицательно", "voters": 320},
            {"text": "Затрудняюсь ответить", "voters": 200},
        ],
        "total_voters": 1520,
        "closed": False,
    }


def test_invalid_escapes_are_repaired_and_counted(
    channel: tuple[ParsedSource, dict[str, ParsedPost]],
) -> None:
    source, posts = channel
    assert "\\x" in posts["13"].text and "\x0b" in posts["13"].text
    (warning,) = [w for w in source.warnings if w.code == "escapes_repaired"]
    assert warning.message.startswith("4 ")


def test_posts_stream_lazily() -> None:
    source = TgJsonImporter().parse(CHANNEL, ImportOptions(), no_progress, None)
    assert not isinstance(source.posts, list | tuple)
    assert source.skipped == {}  # nothing is read before the posts are consumed
    first = next(iter(source.posts))
    assert first.identity == "2"


# --- old exports ------------------------------------------------------------------------------


def test_old_export_with_bare_int_ids_and_local_dates() -> None:
    source, posts = parse(OLD)
    assert [p.identity for p in posts.values()] == ["101", "102", "103"]
    hello, reply, deleted = posts.values()
    assert hello.metadata["from_id"] == "42"
    assert hello.author == "Иван Петров"
    assert hello.date == datetime(2020, 4, 1, 12, 0, tzinfo=UTC)
    assert reply.text == "Привет, @ivan! Смотри #история"
    assert entity_texts(reply) == [("mention", "@ivan"), ("hashtag", "#история")]
    assert reply.metadata["edited"] == "2020-04-01T12:04:00+00:00"
    assert reply.metadata["reply_to"] == "101"
    assert deleted.author is None
    assert "from" not in deleted.metadata
    (warning,) = [w for w in source.warnings if w.code == "date_local_time"]
    assert warning.message.startswith("3 message(s)")
    assert warning.json_path == "messages[1].date"
    assert source.skipped == {"service message": 1}


# --- whole-account exports --------------------------------------------------------------------


def test_list_chats_streams_a_summary_of_each_chat() -> None:
    assert list_chats(ACCOUNT) == [
        ChatSummary("Новости 🇷🇺", 1987654321, "public_channel", 3),
        ChatSummary("Иван Петров", 42, "personal_chat", 2),
        ChatSummary("Старый канал", 1500000001, "private_channel", 2, left=True),
    ]
    assert list_chats(CHANNEL) == [ChatSummary("МИД России 🇷🇺", 1987654321, "public_channel", 15)]
    assert list_chats(OLD)[0].messages == 4


def test_account_without_a_choice_lists_its_chats() -> None:
    importer = TgJsonImporter()
    with pytest.raises(InputFileError) as caught:
        importer.parse(ACCOUNT, ImportOptions(), no_progress, None)
    reason = caught.value.reason
    assert "3 chats" in reason
    assert "Новости 🇷🇺 (1987654321, public_channel, 3 messages)" in reason
    assert "Иван Петров (42, personal_chat, 2 messages)" in reason
    assert "Старый канал (1500000001, private_channel, 2 messages, left)" in reason


@pytest.mark.parametrize("choice", ["Новости 🇷🇺", "новости 🇷🇺", "1987654321", "-1001987654321"])
def test_account_chat_chosen_by_name_or_id(choice: str) -> None:
    source, posts = parse(ACCOUNT, choice)
    assert list(source.channels) == ["1987654321"]
    assert list(posts) == ["1987654321/2", "1987654321/3"]
    first, second = posts.values()
    assert first.text == "Первый пост канала."
    assert second.text == "🇷🇺 Важно: второй пост."
    assert entity_texts(second) == [("bold", "Важно")]
    assert second.forwarded_from == "РИА Новости"
    assert source.skipped == {"service message": 1}


def test_account_several_chats_and_a_left_one() -> None:
    source, posts = parse(ACCOUNT, "42", "Старый канал")
    assert list(posts) == ["42/501", "42/502", "1500000001/7", "1500000001/8"]
    personal = source.channels["42"]
    assert (personal.title, personal.telegram_id, personal.metadata) == (
        "Иван Петров", 42, {"type": "personal_chat"})
    left = source.channels["1500000001"]
    assert left.metadata == {"type": "private_channel", "left": True}
    assert posts["42/501"].author == "Иван Петров"
    assert posts["42/502"].author == "Анна"
    assert posts["42/502"].metadata["reply_to"] == "501"
    photo = posts["1500000001/8"].metadata["media"]
    assert photo["file"] == "photos/photo_8@02-05-2020_10-00-00.jpg"
    assert photo["downloaded"] is True


def test_account_choice_that_matches_nothing_fails_while_streaming() -> None:
    source = TgJsonImporter().parse(
        ACCOUNT, ImportOptions(chats=("42", "Nobody")), no_progress, None)
    with pytest.raises(InputFileError, match="no chat matches 'Nobody'.*Иван Петров"):
        list(source.posts)


def test_account_with_one_chat_imports_it_and_says_so(tmp_path: Path) -> None:
    account = json.loads(ACCOUNT.read_text(encoding="utf-8"))
    account["chats"]["list"] = account["chats"]["list"][:1]
    del account["left_chats"]
    path = tmp_path / "result.json"
    path.write_text(json.dumps(account, ensure_ascii=False, indent=1), encoding="utf-8")
    source, posts = parse(path)
    assert list(posts) == ["1987654321/2", "1987654321/3"]
    (warning,) = [w for w in source.warnings if w.code == "chat_chosen"]
    assert "Новости 🇷🇺 (1987654321, public_channel, 3 messages)" in warning.message


def test_single_chat_export_with_a_choice_that_does_not_match() -> None:
    with pytest.raises(InputFileError, match="no chat matches Other"):
        TgJsonImporter().parse(CHANNEL, ImportOptions(chats=("Other",)), no_progress, None)
    source, posts = parse(CHANNEL, "1987654321")
    assert len(posts) == 12


def test_saved_messages_and_ambiguous_names(tmp_path: Path) -> None:
    account = {"about": "x", "chats": {"about": "y", "list": [
        {"type": "saved_messages", "id": 5000001, "messages": [
            {"id": 9, "type": "message", "date_unixtime": "1600000000", "from": "Анна",
             "from_id": "user5000001", "saved_from": "Новости 🇷🇺", "text": "сохранено"}]},
        {"name": "Иван", "type": "personal_chat", "id": 42, "messages": [
            {"id": 1, "type": "message", "date_unixtime": "1600000000", "text": "a"}]},
        {"name": "иван", "type": "bot_chat", "id": 43, "messages": [
            {"id": 1, "type": "message", "date_unixtime": "1600000000", "text": "b",
             "place_name": "Кремль", "address": "Москва",
             "location_information": {"latitude": 55.75, "longitude": 37.62}}]},
    ]}}
    path = write(tmp_path, json.dumps(account, ensure_ascii=False))
    assert list_chats(path)[0].label() == "Saved Messages (5000001, saved_messages, 1 messages)"
    source, posts = parse(path, "5000001", "Иван")
    assert source.channels["5000001"].title == "Saved Messages"
    assert posts["5000001/9"].metadata["saved_from"] == "Новости 🇷🇺"
    assert [key for key in posts] == ["5000001/9", "42/1", "43/1"]
    venue = posts["43/1"].metadata["media"]
    assert venue["type"] == "venue"
    assert venue["location_information"] == {"latitude": 55.75, "longitude": 37.62}
    assert posts["43/1"].metadata.get("flags") is None
    (warning,) = [w for w in source.warnings if w.code == "chat_choice_ambiguous"]
    assert "'Иван' matches 2 chats" in warning.message


def test_a_single_string_as_the_choice_is_one_chat() -> None:
    options = ImportOptions(chats="42")  # type: ignore[arg-type]
    source = TgJsonImporter().parse(ACCOUNT, options, no_progress, None)
    assert [post.identity for post in source.posts] == ["501", "502"]


def test_import_into_a_project_detects_and_is_atomic(project: Project) -> None:
    report = project.import_file(CHANNEL)
    assert (report.format, report.added) == ("tg-json", 12)
    assert report.skipped == {"service message": 2, "unsupported message": 1}
    assert project.posts.find("13").text == "Строка\x0bс табуляцией, путь C:\\xfiles и \\\x0b конец"
    assert project.import_file(CHANNEL).duplicates == 12
    with pytest.raises(InputFileError, match="3 chats"):
        project.import_file(ACCOUNT)
    with pytest.raises(InputFileError, match="no chat matches 'Nobody'"):
        project.import_file(ACCOUNT, options=ImportOptions(chats=("42", "Nobody")))
    assert len(list(project.posts.iter_posts())) == 12  # rolled back
    added = project.import_file(ACCOUNT, options=ImportOptions(chats=("42",)))
    assert (added.added, added.channels) == (2, ("Иван Петров",))


# --- broken input -----------------------------------------------------------------------------


def write(tmp_path: Path, content: str | bytes) -> Path:
    path = tmp_path / "result.json"
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def consume(path: Path, *chats: str) -> ParsedSource:
    source = TgJsonImporter().parse(path, ImportOptions(chats=chats), no_progress, None)
    for _ in source.posts:
        pass
    return source


def test_truncated_file_names_its_last_line_and_message(tmp_path: Path) -> None:
    data = CHANNEL.read_bytes()
    cut = data.index(b'"id": 7,')
    path = write(tmp_path, data[:cut])
    with pytest.raises(InputFileError) as caught:
        consume(path)
    assert caught.value.line == data[:cut].count(b"\n") + 1
    assert "ends too early" in caught.value.reason
    assert "messages[5]" in caught.value.reason  # the last message read completely


def test_malformed_json_names_the_line(tmp_path: Path) -> None:
    lines = CHANNEL.read_text(encoding="utf-8").split("\n")
    bad = next(i for i, line in enumerate(lines) if '"Брифинг' in line)
    lines[bad] = lines[bad].replace('"text": "', '"text": ')
    with pytest.raises(InputFileError) as caught:
        consume(write(tmp_path, "\n".join(lines)))
    assert caught.value.line == bad + 1
    assert "invalid JSON" in caught.value.reason


def test_malformed_json_in_an_account_names_the_line(tmp_path: Path) -> None:
    lines = ACCOUNT.read_text(encoding="utf-8").split("\n")
    bad = next(i for i, line in enumerate(lines) if "Пост старого канала" in line)
    lines[bad] = lines[bad] + "}"
    with pytest.raises(InputFileError) as caught:
        consume(write(tmp_path, "\n".join(lines)), "Старый канал")
    assert caught.value.line == bad + 1
    with pytest.raises(InputFileError) as caught:
        list_chats(write(tmp_path, "\n".join(lines)))
    assert caught.value.line == bad + 1


@pytest.mark.parametrize(
    ("content", "match"),
    [
        ("", "ends too early"),
        ("[1, 2]", "does not start with a JSON object; expected a Telegram"),
        ('{"rows": []}', "first key is 'rows'"),
        ('{"name": "x", "type": "public_channel", "id": 1, "messages": null}', "expected an array"),
        ('{"name": "x", "type": "public_channel", "id": 1}', 'no "messages" array'),
        ('{"about": "x", "chats": {"list": []}}', "holds no chats"),
    ],
)
def test_not_an_export(tmp_path: Path, content: str, match: str) -> None:
    with pytest.raises(InputFileError, match=match):
        consume(write(tmp_path, content))


def test_a_lone_surrogate_escape_is_an_input_error(tmp_path: Path) -> None:
    content = '{"name": "x", "type": "public_channel", "id": 1, "messages": [\n'
    content += '{"id": 1, "type": "message", "text": "a\\udc00"}]}'
    with pytest.raises(InputFileError, match="invalid character") as caught:
        consume(write(tmp_path, content))
    assert caught.value.line == 2


def test_account_messages_that_are_not_an_array(tmp_path: Path) -> None:
    content = '{"about": "x", "chats": {"list": [{"name": "a", "id": 1, "messages": {}}]}}'
    with pytest.raises(InputFileError, match=r"chats.list\[0\].messages: expected an array"):
        consume(write(tmp_path, content), "a")


def test_a_malformed_message_is_skipped_with_one_warning(tmp_path: Path) -> None:
    chat = {"name": "c", "type": "public_channel", "id": 5, "messages": [
        {"id": 1, "type": "message", "date_unixtime": "1600000000", "text": 12},
        {"id": 2, "type": "message", "date_unixtime": "1600000000", "text": ["a", {"x": 1}]},
        {"id": "3", "type": "message", "date_unixtime": "1600000000", "text": "id as text"},
        {"id": 4, "type": "message", "date_unixtime": "1600000000", "text": "fine"},
        {"id": 5, "type": "giveaway_start", "text": ""},
    ]}
    source, posts = parse(write(tmp_path, json.dumps(chat)))
    assert [p.text for p in posts.values()] == ["fine"]
    assert source.skipped == {"malformed message": 3, "unknown message type": 1}
    codes = {w.code: w for w in source.warnings}
    assert codes["malformed_message"].json_path == "messages[0]"
    assert codes["malformed_message"].message.startswith("3 message(s)")
    assert "'giveaway_start'" in codes["unknown_message_type"].message


def test_text_entities_that_do_not_match_the_text_fall_back_to_the_array(
    tmp_path: Path,
) -> None:
    chat = {"name": "c", "type": "public_channel", "id": 5, "messages": [
        {"id": 1, "type": "message", "date_unixtime": "1600000000",
         "text": ["🇷🇺 ", {"type": "italic", "text": "да"}],
         "text_entities": [{"type": "plain", "text": "🇷🇺"}, {"type": "italic", "text": "да"}]},
    ]}
    source, posts = parse(write(tmp_path, json.dumps(chat, ensure_ascii=False)))
    (post,) = posts.values()
    assert entity_texts(post) == [("italic", "да")]
    assert [w.code for w in source.warnings] == ["entities_mismatch"]


# --- progress and cancel ----------------------------------------------------------------------


def test_progress_counts_bytes_up_to_the_file_size() -> None:
    seen: list[tuple[int, int]] = []
    source = TgJsonImporter().parse(
        CHANNEL, ImportOptions(), lambda done, total: seen.append((done, total)), None)
    list(source.posts)
    size = CHANNEL.stat().st_size
    assert seen[-1] == (size, size)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_account_progress_without_a_choice_goes_through_both_passes(tmp_path: Path) -> None:
    account = json.loads(ACCOUNT.read_text(encoding="utf-8"))
    del account["left_chats"]
    account["chats"]["list"] = account["chats"]["list"][1:]
    path = write(tmp_path, json.dumps(account, ensure_ascii=False))
    seen: list[int] = []
    source = TgJsonImporter().parse(
        path, ImportOptions(), lambda done, total: seen.append(done * 100 // total), None)
    list(source.posts)
    assert seen == sorted(seen)
    assert seen[0] <= 50 and seen[-1] == 100


@pytest.mark.parametrize(("path", "chats"), [(CHANNEL, ()), (ACCOUNT, ("42",))])
def test_cancel_from_the_progress_callback(path: Path, chats: tuple[str, ...]) -> None:
    token = CancelToken()
    source = TgJsonImporter().parse(
        path, ImportOptions(chats=chats), lambda done, total: token.cancel(), token)
    with pytest.raises(Cancelled):
        list(source.posts)


def test_cancel_before_parsing() -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        TgJsonImporter().parse(CHANNEL, ImportOptions(), no_progress, token)


# --- robustness: mutated input either parses or raises InputFileError ------------------------

FIXTURES = [CHANNEL.read_bytes(), ACCOUNT.read_bytes(), OLD.read_bytes()]


def parses_or_refuses(content: bytes, chats: Iterable[str] = ()) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "result.json"
        path.write_bytes(content)
        importer = TgJsonImporter()
        importer.sniff(Sample(path, content[:65536], None))
        try:
            source = importer.parse(path, ImportOptions(chats=tuple(chats)), no_progress, None)
            for post in source.posts:
                assert isinstance(post.text, str)
                assert post.author is None or isinstance(post.author, str)
                assert post.forwarded_from is None or isinstance(post.forwarded_from, str)
                assert post.date is None or post.date.tzinfo is not None
                json.dumps(post.metadata)
            list_chats(path)
        except InputFileError:
            pass


ROBUST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@ROBUST
@given(st.binary(max_size=300))
def test_random_bytes(content: bytes) -> None:
    parses_or_refuses(content)
    parses_or_refuses(b'{"name": "x", "type": "public_channel", "id": 1, "messages": [' + content)


@ROBUST
@given(st.sampled_from(range(len(FIXTURES))), st.floats(0, 1))
def test_truncated_fixtures(which: int, fraction: float) -> None:
    data = FIXTURES[which]
    parses_or_refuses(data[: int(len(data) * fraction)], ("42", "Старый канал"))


@ROBUST
@given(st.sampled_from(range(len(FIXTURES))), st.data())
def test_mutated_bytes(which: int, data: st.DataObject) -> None:
    content = bytearray(FIXTURES[which])
    for _ in range(data.draw(st.integers(1, 5))):
        pos = data.draw(st.integers(0, len(content) - 1))
        action = data.draw(st.sampled_from(["flip", "insert", "delete"]))
        byte = data.draw(st.sampled_from(list(b'\\xudc"{}[],:0 \n\xff\xc3a')))
        if action == "flip":
            content[pos] = byte
        elif action == "insert":
            content.insert(pos, byte)
        else:
            del content[pos]
    parses_or_refuses(bytes(content), ("Новости 🇷🇺", "42"))


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats(allow_nan=False)
    | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner,
                                                                max_size=3),
    max_leaves=6,
)


def _nodes(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            out.extend(_nodes(item, (*path, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            out.extend(_nodes(item, (*path, index)))
    return out


@ROBUST
@given(st.sampled_from(range(len(FIXTURES))), st.data())
def test_mutated_structure(which: int, data: st.DataObject) -> None:
    document = json.loads(repair_escapes(FIXTURES[which])[0])
    for _ in range(data.draw(st.integers(1, 3))):
        nodes = _nodes(document)[1:]
        target = data.draw(st.sampled_from(nodes))
        parent = document
        for step in target[:-1]:
            parent = parent[step]
        parent[target[-1]] = data.draw(JSON_VALUES)
    parses_or_refuses(json.dumps(document, ensure_ascii=False).encode("utf-8"),
                      ("Новости 🇷🇺", "42", "Старый канал"))


def test_text_entities_alone_give_the_text(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    path.write_text(
        '{"name": "C", "type": "public_channel", "id": 5, "messages": [{"id": 3, '
        '"type": "message", "date": "2024-01-01T00:00:00", "date_unixtime": "1704067200", '
        '"text_entities": [{"type": "plain", "text": "only "}, {"type": "bold", '
        '"text": "entities"}]}]}', encoding="utf-8")
    [post] = list(TgJsonImporter().parse(path, ImportOptions(), no_progress, None).posts)
    assert post.text == "only entities"
    assert post.metadata["entities"][0]["type"] == "bold"
    assert "media_only" not in post.metadata.get("flags", [])


def test_a_repeated_message_id_keeps_the_first(tmp_path: Path) -> None:
    message = ('{{"id": 9, "type": "message", "date": "2024-01-01T00:00:00", '
               '"date_unixtime": "1704067200", "text": "{}"}}')
    path = tmp_path / "result.json"
    path.write_text('{"name": "C", "type": "public_channel", "id": 5, "messages": ['
                    + message.format("first") + ", " + message.format("second") + "]}",
                    encoding="utf-8")
    source = TgJsonImporter().parse(path, ImportOptions(), no_progress, None)
    assert [p.text for p in source.posts] == ["first"]
    assert source.skipped["repeated message id"] == 1
    assert [w.code for w in source.warnings] == ["duplicate_message"]
