"""Tests for the ``tg-web`` importer's inputs: channel choice, counts, detection, errors,
cancellation and malformed pages. Fixtures: see ``test_tg_web``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.errors import InputFileError
from annotator.core.importers.base import ImportOptions, Sample
from annotator.core.importers.tg_web_posts import parse_count
from annotator.core.progress import Cancelled, CancelToken, no_progress
from tests.core.importers.test_tg_web import (
    DATA,
    DESKTOP,
    IMPORTER,
    PAGE1,
    TITLE,
    WEB,
    parse,
)


def test_choose_channel_by_username_or_title() -> None:
    assert list(parse(WEB, "@DailyDigest")[0].channels) == ["dailydigest"]
    assert len(parse(WEB, TITLE)[1]) == 13
    with pytest.raises(InputFileError, match=r"no channel named 'other'.*dailydigest"):
        parse(WEB, "other")


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("2", 2),
        ("874", 874),
        ("4.85K", 4850),
        ("1.2K", 1200),
        ("3.1M", 3_100_000),
        ("436.6K", 436_600),
        ("2 345", 2345),
        ("1,1K", 1100),
        ("", None),
        ("many", None),
        ("1" * 40, None),
    ],
)
def test_parse_count(raw: str, value: int | None) -> None:
    assert parse_count(raw) == value


def sample(path: Path) -> Sample:
    if path.is_dir():
        return Sample(path, b"", None)
    head = path.read_bytes()[:65536]
    return Sample(path, head, head.decode("utf-8", "replace"))


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (WEB, True),
        (PAGE1, True),
        (DESKTOP, False),
        (DESKTOP / "messages.html", False),
        (DATA / "tg-web-preview-sample.txt", False),
    ],
)
def test_sniff(path: Path, expected: bool) -> None:
    assert IMPORTER.sniff(sample(path)) is expected


def test_inputs_without_previews_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="no such file"):
        parse(tmp_path / "missing.html")
    with pytest.raises(InputFileError, match=r"no \.html files"):
        parse(tmp_path)
    other = tmp_path / "other.html"
    other.write_text("<html><body><p>Hello</p></body></html>", encoding="utf-8")
    with pytest.raises(InputFileError, match="no t.me/s posts"):
        parse(other)
    with pytest.raises(InputFileError, match="no t.me/s posts"):
        parse(tmp_path)


def test_foreign_pages_in_a_folder_are_skipped_with_a_warning(tmp_path: Path) -> None:
    shutil.copy(PAGE1, tmp_path / "1.html")
    (tmp_path / "2.html").write_text("<html><body>saved elsewhere</body></html>", encoding="utf-8")
    (tmp_path / "1_files").mkdir()  # a browser's asset folder
    source, posts = parse(tmp_path)
    assert len(posts) == 7
    assert [(w.code, w.file) for w in source.warnings] == [("not_a_preview_page", "2.html")]


def test_cancel_from_progress_raises_cancelled() -> None:
    token = CancelToken()

    def progress(done: int, total: int) -> None:
        token.cancel()

    with pytest.raises(Cancelled):
        IMPORTER.parse(WEB, ImportOptions(), progress, token)


PAGE = PAGE1.read_bytes()


def consume(path: Path) -> None:
    try:
        source = IMPORTER.parse(path, ImportOptions(), no_progress, None)
    except InputFileError:
        return
    for post in source.posts:
        for entity in post.metadata.get("entities", []):
            assert 0 <= entity["start"] < entity["end"] <= len(post.text)


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
    page = tmp_path / "page.html"
    page.write_bytes(bytes(data[:cut]))
    consume(page)


MUTATIONS = [
    ('data-post="dailydigest/', 'data-post="dailydigest/x'),
    ('data-post="dailydigest/', 'data-post="other_chan/'),
    ('datetime="', 'datetime="0001-01-01T00:00:00+05:00" x="'),
    ("tgme_widget_message_bubble", "tgme_widget_message_bubbl"),
    ("tgme_widget_message_text", "tgme_widget_message_reply"),
    ("tgme_reaction", "tgme_reaction tgme_reaction_paid"),
    ("</div>", ""),
    ("<b>", "<b><tg-emoji><i>"),
    (">1.2K<", ">" + "9" * 5000 + "K<"),
    ("service_message", ""),
    ("tgme_channel_info", "tgme_channel_inf"),
    ("tgme_widget_message_grouped_wrap", "tgme_widget_message_poll"),
]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.tuples(st.sampled_from(MUTATIONS), st.integers(0, 20)), max_size=6))
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
    page = tmp_path / "page.html"
    page.write_text(text, encoding="utf-8")
    consume(page)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=2000))
def test_random_bytes_parse_or_raise_input_file_error(tmp_path: Path, data: bytes) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(data)
    consume(page)
