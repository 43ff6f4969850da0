"""Tests for the Telegram Desktop HTML export importer (``tg-html``).

Fixtures under ``tests/data/tg_html/`` follow the writer's markup described in
``shared/formats/telegram-exports.md`` (b): every block tag on its own line with one space of
indentation per level, attributes sorted, ``&apos;`` escaping, ``<br>`` line breaks.
``channel/`` is a single-chat export of a channel in three pages (``messages.html``,
``messages2.html``, ``messages10.html``); ``account/`` is a whole-account export with two chats.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from annotator.core.importers.base import ImportOptions, ParsedPost, ParsedSource
from annotator.core.importers.tg_html import TgHtmlImporter, message_pages, page_number
from annotator.core.importers.tg_html_messages import parse_date_title, split_via
from annotator.core.progress import no_progress

DATA = Path(__file__).resolve().parents[2] / "data"
CHANNEL = DATA / "tg_html" / "channel"
ACCOUNT = DATA / "tg_html" / "account"
WEB = DATA / "tg_web" / "dailydigest"
TITLE = "Daily Digest ✨"
IMPORTER = TgHtmlImporter()


def parse(path: Path, *chats: str) -> tuple[ParsedSource, list[ParsedPost]]:
    source = IMPORTER.parse(path, ImportOptions(chats=chats), no_progress, None)
    return source, list(source.posts)


def by_id(posts: list[ParsedPost]) -> dict[str, ParsedPost]:
    return {post.identity: post for post in posts}


def spans(post: ParsedPost) -> list[tuple[str, str]]:
    result = []
    for entity in post.metadata.get("entities", []):
        assert 0 <= entity["start"] < entity["end"] <= len(post.text)
        result.append((entity["type"], post.text[entity["start"] : entity["end"]]))
    return result


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.fixture(scope="module")
def channel() -> tuple[ParsedSource, list[ParsedPost]]:
    return parse(CHANNEL)


# --- pages and order -------------------------------------------------------------------


def test_pages_are_read_in_numeric_order_and_assets_ignored() -> None:
    assert [p.name for p in message_pages(CHANNEL)] == [
        "messages.html",
        "messages2.html",
        "messages10.html",
    ]
    assert page_number(Path("messages.html")) == 1
    assert page_number(Path("messages12.html")) == 12
    assert page_number(Path("style.css")) is None


def test_channel_export_posts_in_page_order(channel: tuple[ParsedSource, list[ParsedPost]]) -> None:
    source, posts = channel
    assert [p.identity for p in posts] == [
        "2",
        "3",
        "4",
        "5",
        "6",
        "7",
        "9",
        "10",
        "12",
        "13",
        "20",
        "21",
    ]
    assert all(p.external_id == p.identity and p.channel == TITLE for p in posts)
    assert source.format == "tg-html"
    assert list(source.channels) == [TITLE]
    only = source.channels[TITLE]
    assert (only.title, only.telegram_id, only.username) == (TITLE, None, None)
    assert source.skipped == {"date separator": 3, "service message": 2, "unsupported message": 1}
    assert source.metadata == {"chats": [TITLE], "pages": 3}
    assert posts[0].metadata["source_file"] == "messages.html"
    assert posts[-1].metadata["source_file"] == "messages10.html"
    assert posts[0].line == 54  # the line of <div class="message default clearfix" id="message2">


def test_text_entities_and_escapes(channel: tuple[ParsedSource, list[ParsedPost]]) -> None:
    post = by_id(channel[1])["2"]
    assert post.text == (
        "🇺🇦 Breaking: it's R&D day! Quiet start for @durov #news\n"
        "Numbers: x < y && y > z, see https://example.com/a?b=1&c=2 or read more. Secret 🔥"
    )
    assert spans(post) == [
        ("bold", "Breaking"),
        ("italic", "Quiet"),
        ("mention", "@durov"),
        ("hashtag", "#news"),
        ("code", "x < y && y > z"),
        ("link", "https://example.com/a?b=1&c=2"),
        ("text_link", "read more"),
        ("spoiler", "Secret"),
        ("custom_emoji", "🔥"),
    ]
    entities = post.metadata["entities"]
    assert entities[0] == {"type": "bold", "start": 3, "end": 11}  # the flag is 2 code points
    assert entities[6]["url"] == "https://example.org/page"


def test_channel_post_author_signature_and_reactions(
    channel: tuple[ParsedSource, list[ParsedPost]],
) -> None:
    post = by_id(channel[1])["2"]
    assert post.author == "Anna K."
    assert post.metadata["signature"] == "Anna K."
    assert post.metadata["from"] == TITLE  # "Daily Digest ✨ " in the file: trailing space
    assert post.date == utc(2023, 2, 24, 7, 0)  # 10:00 at UTC+03:00
    assert post.metadata["reactions"] == [
        {"type": "emoji", "emoji": "👍", "count": 12},
        {"type": "paid", "emoji": None, "count": 3},
        {"type": "custom_emoji", "emoji": None, "count": 5},
    ]
    last = by_id(channel[1])["21"]
    assert last.metadata["reactions"] == [
        {"type": "custom_emoji", "emoji": None, "count": 2, "document_id": "stickers/sticker.webp"}
    ]


def test_joined_messages_inherit_the_sender(channel: tuple[ParsedSource, list[ParsedPost]]) -> None:
    posts = by_id(channel[1])
    joined = posts["3"]
    assert joined.metadata["joined"] is True
    assert joined.author == TITLE and joined.metadata["from"] == TITLE
    assert joined.metadata["reply_to"] == "2"
    assert joined.text == (
        '  Two leading spaces kept. Under gone\n\ndef f():\n    return 1\nA quote "inside" '
        "🇩🇪 desk@example.com"
    )
    assert spans(joined) == [
        ("underline", "Under"),
        ("strikethrough", "gone"),
        ("pre", "def f():\n    return 1"),
        ("blockquote", 'A quote "inside"'),
        ("email", "desk@example.com"),
    ]
    assert "joined" not in posts["2"].metadata


def test_joined_chain_restarts_on_a_new_page_and_carries_via_bot(
    channel: tuple[ParsedSource, list[ParsedPost]],
) -> None:
    posts = by_id(channel[1])
    first = posts["9"]
    assert first.author == TITLE
    assert first.metadata["via_bot"] == "@digestbot"
    assert first.date == utc(2023, 2, 25, 14, 0)  # 09:00 at UTC-05:00
    joined = posts["10"]
    assert joined.author == TITLE and joined.metadata["via_bot"] == "@digestbot"
    assert joined.metadata["reply_to"] == "5"  # href="messages.html#go_to_message5"


def test_forward_keeps_its_reply_text_and_signature_inside(
    channel: tuple[ParsedSource, list[ParsedPost]],
) -> None:
    post = by_id(channel[1])["5"]
    assert post.forwarded_from == "Source Channel"
    assert post.metadata["forwarded_date"] == "2023-02-23T18:30:00+00:00"
    assert post.metadata["reply_to"] == "3"
    assert post.text == "Forwarded text with bold & more"
    assert spans(post) == [("bold", "bold")]
    assert post.author == "Source Editor"
    assert post.metadata["from"] == TITLE


def test_media_only_poll_and_captioned_media(
    channel: tuple[ParsedSource, list[ParsedPost]],
) -> None:
    posts = by_id(channel[1])
    photo = posts["4"]
    assert photo.text == ""
    assert photo.metadata["flags"] == ["media_only"]
    assert photo.metadata["media"] == {
        "type": "photo",
        "title": "Photo",
        "description": "Not included, change data exporting settings to download.",
        "status": "1280x853, 179.9 KB",
        "width": 1280,
        "height": 853,
    }
    poll = posts["6"]
    assert poll.text == "Which topic next?"
    assert poll.metadata["flags"] == ["poll"]
    assert poll.metadata["poll"] == {
        "question": "Which topic next?",
        "answers": [
            {"text": "Economy", "voters": 7},
            {"text": "Sports & games", "voters": 1, "chosen": True},
            {"text": "Culture", "voters": 0},
        ],
        "total_voters": 8,
        "closed": False,
    }
    video = posts["7"]
    assert video.text == "Video caption"
    assert "flags" not in video.metadata
    assert video.metadata["media"]["type"] == "video_file"
    assert video.metadata["media"]["duration_seconds"] == 65
    document = posts["13"]
    assert document.metadata["media"] == {
        "type": "file",
        "title": "report.pdf",
        "status": "2.0 KB",
        "file": "files/report.pdf",
        "file_name": "report.pdf",
    }


def test_date_without_offset_is_utc_with_a_located_warning(
    channel: tuple[ParsedSource, list[ParsedPost]],
) -> None:
    source, posts = channel
    post = by_id(posts)["12"]
    assert post.date == utc(2023, 2, 25, 10, 0)
    [warning] = source.warnings
    assert warning.code == "date_no_offset"
    assert (warning.file, warning.line, warning.post) == ("messages2.html", post.line, 8)
    assert str(warning).startswith("messages2.html, line 118: ")
    assert post.text == "👨‍👩‍👧 family bold and 🇫🇷 flag end"
    assert spans(post) == [("bold", "bold"), ("italic", "🇫🇷 flag")]


def test_one_page_file_has_no_source_file_and_its_own_chain() -> None:
    source, posts = parse(CHANNEL / "messages2.html")
    assert [p.identity for p in posts] == ["9", "10", "12", "13"]
    assert all("source_file" not in p.metadata for p in posts)
    assert posts[1].author == TITLE
    assert source.channels[TITLE].title == TITLE


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("24.02.2023 10:00:00 UTC+03:00", (utc(2023, 2, 24, 7, 0), True)),
        ("25.02.2023 09:00:00 UTC-05:00", (utc(2023, 2, 25, 14, 0), True)),
        ("01.01.1971 00:00:00 UTC+00:00", (utc(1971, 1, 1), True)),
        ("05.06.2024 23:30:00 UTC+05:30", (utc(2024, 6, 5, 18, 0), True)),
        ("05.06.2024 23:30:00 UTC", (utc(2024, 6, 5, 23, 30), True)),
        ("05.06.2024 23:30:00", (utc(2024, 6, 5, 23, 30), False)),
        ("31.04.2024 10:00:00 UTC+01:00", (None, False)),
        ("05.06.2024 10:00:00 UTC+25:00", (None, False)),
        ("01.01.0001 00:00:00 UTC+05:00", (None, False)),
        ("yesterday", (None, False)),
    ],
)
def test_date_titles(title: str, expected: tuple[datetime | None, bool]) -> None:
    assert parse_date_title(title) == expected


def test_split_via() -> None:
    assert split_via("\nAnn Lee via @gif_bot\n  ") == ("Ann Lee", "@gif_bot")
    assert split_via("Daily Digest ✨ ") == ("Daily Digest ✨", None)
    assert split_via("Route via Rome") == ("Route via Rome", None)
