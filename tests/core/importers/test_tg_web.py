"""Tests for the saved ``t.me/s`` web page importer (``tg-web``).

``tests/data/tg_web/dailydigest/`` holds two overlapping pages of one channel, saved newest
first (``page1``: posts 9-22, ``page2``: posts 1-10), written after the markup in
``shared/formats/telegram-exports.md`` (c) and the captured pages it cites. The channel is
the one of the Desktop fixture ``tests/data/tg_html/channel`` (same ids, same texts).
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from annotator.core.importers.base import ImportOptions, ParsedPost, ParsedSource
from annotator.core.importers.tg_html import TgHtmlImporter
from annotator.core.importers.tg_web import TgWebImporter
from annotator.core.progress import no_progress

DATA = Path(__file__).resolve().parents[2] / "data"
WEB = DATA / "tg_web" / "dailydigest"
PAGE1 = WEB / "dailydigest-page1.html"
PAGE2 = WEB / "dailydigest-page2.html"
DESKTOP = DATA / "tg_html" / "channel"
TITLE = "Daily Digest ✨"
IMPORTER = TgWebImporter()


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


@pytest.fixture(scope="module")
def folder() -> tuple[ParsedSource, list[ParsedPost]]:
    return parse(WEB)


def test_overlapping_pages_give_each_post_once_in_id_order(
    folder: tuple[ParsedSource, list[ParsedPost]],
) -> None:
    source, posts = folder
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
        "15",
        "20",
        "22",
    ]
    assert all(p.external_id == p.identity and p.channel == "dailydigest" for p in posts)
    assert source.skipped == {"service message": 2, "duplicate post": 2}
    assert source.warnings == []
    assert source.metadata == {"pages": 2}
    posts_by_id = by_id(posts)
    # the first page in name order wins: page1 is the newest capture (1.2K, not 1.1K views)
    assert posts_by_id["9"].metadata["views_raw"] == "1.2K"
    assert posts_by_id["9"].metadata["source_file"] == "dailydigest-page1.html"
    assert posts_by_id["2"].metadata["source_file"] == "dailydigest-page2.html"


def test_channel_header(folder: tuple[ParsedSource, list[ParsedPost]]) -> None:
    [channel] = folder[0].channels.values()
    assert (channel.key, channel.username, channel.title, channel.telegram_id) == (
        "dailydigest",
        "dailydigest",
        TITLE,
        None,
    )
    assert channel.metadata == {
        "counters": {
            "subscribers": "3.46K",
            "photos": "120",
            "videos": "15",
            "files": "2",
            "links": "48",
        },
        "counters_parsed": {
            "subscribers": 3460,
            "photos": 120,
            "videos": 15,
            "files": 2,
            "links": 48,
        },
        "description": "Morning news & analysis.\nAds: @digest_ads",
    }


def test_text_entities_emoji_and_custom_emoji(
    folder: tuple[ParsedSource, list[ParsedPost]],
) -> None:
    post = by_id(folder[1])["2"]
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
    assert post.metadata["entities"][-1]["emoji_id"] == "5368324170671202286"
    assert post.date == datetime(2023, 2, 24, 7, 0, tzinfo=UTC)
    assert post.author == "Anna K." and post.metadata["signature"] == "Anna K."
    assert post.metadata["from"] == TITLE
    assert (post.metadata["views_raw"], post.metadata["views"]) == ("3.1M", 3_100_000)


def test_reply_text_is_not_the_quoted_text(folder: tuple[ParsedSource, list[ParsedPost]]) -> None:
    post = by_id(folder[1])["3"]
    assert post.metadata["reply_to"] == "2"
    assert "reply_to_peer" not in post.metadata
    assert post.text.startswith("  Two leading spaces kept.")
    assert "Breaking" not in post.text
    assert spans(post)[2:4] == [
        ("pre", "def f():\n    return 1"),
        ("blockquote", 'A quote "inside"'),
    ]
    assert post.metadata["entities"][3]["collapsed"] is True


def test_forwards_named_linked_and_hidden(folder: tuple[ParsedSource, list[ParsedPost]]) -> None:
    posts = by_id(folder[1])
    linked = posts["5"]
    assert linked.forwarded_from == "Source Channel"
    assert linked.metadata["forwarded_from_url"] == "https://t.me/sourcechannel/77"
    assert linked.metadata["reply_to"] == "3"
    assert linked.text == "Forwarded text with bold & more"
    assert linked.author == "Source Editor"
    hidden = posts["15"]
    assert hidden.forwarded_from == "Hidden Person"
    assert "forwarded_from_url" not in hidden.metadata
    assert hidden.text == "From someone who hides their account"


def test_edited_views_and_reactions_of_every_kind(
    folder: tuple[ParsedSource, list[ParsedPost]],
) -> None:
    posts = by_id(folder[1])
    assert posts["9"].metadata["edited"] is True
    assert "edited" not in posts["10"].metadata
    assert (posts["22"].metadata["views_raw"], posts["22"].metadata["views"]) == ("4.85K", 4850)
    assert posts["13"].metadata["views"] == 874
    assert posts["12"].metadata["reactions"] == [
        {"type": "paid", "emoji": None, "count": 1500},
        {"type": "emoji", "emoji": "👍", "count": 55200},
        {"type": "custom_emoji", "emoji": None, "count": 7, "emoji_id": "5445284980978621387"},
        {"type": "custom_emoji", "emoji": "🎉", "count": 4, "emoji_id": "5382322671679708881"},
    ]
    assert posts["12"].text == "👨‍👩‍👧 family bold and 🇫🇷 flag end"
    assert spans(posts["12"]) == [("bold", "bold"), ("italic", "🇫🇷 flag")]


def test_album_media_and_poll(folder: tuple[ParsedSource, list[ParsedPost]]) -> None:
    posts = by_id(folder[1])
    album = posts["22"]
    assert album.text == "Album caption with three items"
    assert spans(album) == [("bold", "three")]
    assert album.metadata["flags"] == ["album"]
    assert album.metadata["album_size"] == 3
    assert album.metadata["media"] == {
        "type": "album",
        "item_types": ["photo", "photo", "video_file"],
    }
    assert album.metadata["reactions"] == [{"type": "emoji", "emoji": "🔥", "count": 9}]
    photo = posts["4"]
    assert (photo.text, photo.metadata["media"], photo.metadata["flags"]) == (
        "",
        {"type": "photo"},
        ["media_only"],
    )
    video = posts["7"]
    assert video.text == "Video caption"
    assert video.metadata["media"] == {"type": "video_file", "duration_seconds": 65}
    assert posts["13"].metadata["media"] == {
        "type": "file",
        "title": "report.pdf",
        "status": "2.0 KB",
    }
    poll = posts["6"]
    assert poll.text == "Which topic next?"
    assert poll.metadata["flags"] == ["poll"]
    assert poll.metadata["poll"] == {
        "question": "Which topic next?",
        "answers": [
            {"text": "Economy", "percent": 88},
            {"text": "Sports & games", "percent": 12},
            {"text": "Culture", "percent": 0},
        ],
        "closed": False,
        "type": "Anonymous poll",
        "total_voters": 8,
    }


def test_same_message_ids_give_the_same_identity_as_the_desktop_export(
    folder: tuple[ParsedSource, list[ParsedPost]],
) -> None:
    desktop = TgHtmlImporter().parse(DESKTOP, ImportOptions(), no_progress, None)
    desktop_posts = by_id(list(desktop.posts))
    web_posts = by_id(folder[1])
    common = sorted(set(desktop_posts) & set(web_posts), key=int)
    assert common == ["2", "3", "4", "5", "6", "7", "9", "10", "12", "13", "20"]
    for identity in common:
        ours, theirs = web_posts[identity], desktop_posts[identity]
        assert (ours.identity, ours.external_id) == (theirs.identity, theirs.external_id)
        assert ours.text == theirs.text
        assert ours.forwarded_from == theirs.forwarded_from
        assert spans(ours) == spans(theirs)
    # Desktop HTML has only the title: the channels meet on it.
    [web_channel] = folder[0].channels.values()
    [desktop_channel] = desktop.channels.values()
    assert web_channel.title == desktop_channel.title == TITLE
    # Same instants: Desktop titles carry the exporter's offset, t.me/s shows UTC.
    assert web_posts["9"].date == desktop_posts["9"].date
    assert web_posts["2"].date == desktop_posts["2"].date


def test_single_page_newest_first_is_sorted_and_has_no_source_file() -> None:
    source, posts = parse(PAGE1)
    assert [p.identity for p in posts] == ["9", "10", "12", "13", "15", "20", "22"]
    assert all("source_file" not in p.metadata for p in posts)
    assert source.skipped == {"service message": 1}


def test_a_later_copy_with_another_text_is_reported(tmp_path: Path) -> None:
    shutil.copy(PAGE1, tmp_path / "a.html")
    text = PAGE2.read_text(encoding="utf-8").replace(
        "Joined after a page break</div>", "Joined after a page break (older)</div>"
    )
    (tmp_path / "b.html").write_text(text, encoding="utf-8")
    source, posts = parse(tmp_path)
    assert by_id(posts)["10"].text == "Joined after a page break"
    [warning] = source.warnings
    assert (warning.code, warning.file, warning.post) == ("duplicate_differs", "b.html", None)
    assert warning.line is not None and "dailydigest/10" in warning.message


def test_unreadable_counts_and_dates_warn_with_post_index(tmp_path: Path) -> None:
    text = PAGE1.read_text(encoding="utf-8")
    text = text.replace(">1.9K<", ">lots<").replace("2023-02-26T08:00:00+00:00", "soon")
    (tmp_path / "p.html").write_text(text, encoding="utf-8")
    source, posts = parse(tmp_path / "p.html")
    found = {(w.code, w.post) for w in source.warnings}
    assert found == {("views_unreadable", 4), ("date_unreadable", 5)}
    assert posts[4].metadata["views_raw"] == "lots" and "views" not in posts[4].metadata
    assert posts[5].date is None
