"""Importing files into a project: identity, de-duplication, atomicity, bad input."""

from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

import pytest

from annotator.core.errors import InputFileError, UnknownFormat
from annotator.core.importers.tg_text import parse_text
from annotator.core.progress import Cancelled, CancelToken, no_progress
from annotator.core.project import Project
from tests.conftest import SAMPLE

HEADER_LINES = 10
NEW_POSTS = (
    "Forwarded from\u00a0Russian MFA 🇷🇺\n"
    "🇷🇺 A brand new statement about the 🇬🇧 UK.\n"
    "👍7🔥2\n"
    "Our own new post, second line\n\nwith a blank line inside.\n"
    "12👍3\n"
)


def sample_lines() -> list[str]:
    return SAMPLE.read_text(encoding="utf-8").split("\n")


def expected_texts() -> list[str]:
    parsed = parse_text(SAMPLE, SAMPLE.read_text(encoding="utf-8"), no_progress, None)
    return [p.text for p in parsed.posts]


def counts(project: Project) -> tuple[int, int, int]:
    info = project.info()
    return info.sources, info.channels, info.posts


def test_sample_gives_the_18_posts_verbatim(project: Project) -> None:
    report = project.import_file(SAMPLE)
    assert (report.format, report.encoding) == ("tg-text", "utf-8")
    assert (report.posts_in_file, report.added, report.duplicates) == (18, 18, 0)
    assert report.sha256 == hashlib.sha256(SAMPLE.read_bytes()).hexdigest()
    posts = project.posts.get_many(project.posts.ids())
    assert [p.text for p in posts] == expected_texts()
    assert sum(p.forwarded_from == "Russian MFA 🇷🇺" for p in posts) == 16
    assert sum(p.forwarded_from is None for p in posts) == 2
    assert all(p.date is None and p.external_id is None for p in posts)
    assert all(p.text_sha256 == hashlib.sha256(p.text.encode()).hexdigest() for p in posts)
    assert [p.position for p in posts] == list(range(18))
    assert posts[0].metadata["reactions_raw"] == "5👏5🥰2👍1🔥1"
    channel = project.posts.channels()[0]
    assert channel.title == "Russian Embassy to the UK"
    assert channel.metadata["counters"]["subscribers"] == "3.46K"
    assert "Официальный" in channel.metadata["description"]
    warnings = [w for w in report.warnings if w.code == "reactions_ambiguous"]
    assert len(warnings) == 6 and all(w.line for w in warnings)
    [source] = project.sources.list()
    assert (source.file_name, source.n_added, source.format) == (SAMPLE.name, 18, "tg-text")
    assert len(source.warnings) == 6
    assert source.warnings[0].startswith("line ")
    assert source.imported_at.tzinfo is not None
    assert source.sha256 == report.sha256


def test_same_file_again_adds_nothing(project: Project) -> None:
    project.import_file(SAMPLE)
    before = counts(project)
    again = project.import_file(SAMPLE)
    assert (again.added, again.duplicates, again.source_id) == (0, 18, None)
    assert counts(project) == before


def test_later_overlapping_copy_adds_only_new_posts(project: Project, tmp_path: Path) -> None:
    project.import_file(SAMPLE)
    lines = sample_lines()
    newer = "\n".join(lines[:HEADER_LINES]) + "\n" + NEW_POSTS + "\n".join(lines[HEADER_LINES:])
    newer = newer.replace("3.46K subscribers", "3.51K subscribers")
    path = tmp_path / "later.txt"
    path.write_text(newer, encoding="utf-8")
    report = project.import_file(path)
    assert (report.posts_in_file, report.added, report.duplicates) == (20, 2, 18)
    texts = {p.text for p in project.posts.get_many(report.added_ids)}
    assert texts == {
        "🇷🇺 A brand new statement about the 🇬🇧 UK.",
        "Our own new post, second line\n\nwith a blank line inside.",
    }
    assert project.info().posts == 20
    assert project.posts.channels()[0].metadata["counters"]["subscribers"] == "3.51K"


def test_identical_bodies_are_distinct_posts_and_stay_deduplicated(
    project: Project, tmp_path: Path
) -> None:
    header = "Test channel\n10 subscribers\nA description\nDownload Telegram\n"
    post = "Same words 🇷🇺\n👍3\n"
    path = tmp_path / "twice.txt"
    path.write_text(header + post + post, encoding="utf-8")
    assert project.import_file(path).added == 2
    path.write_text(header + "New on top\n👍9\n" + post + post + post, encoding="utf-8")
    report = project.import_file(path)
    assert (report.added, report.duplicates) == (2, 2)


def test_several_files_are_all_or_nothing(project: Project, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(InputFileError, match="empty"):
        project.import_files([SAMPLE, empty])
    assert counts(project) == (0, 0, 0)


def test_cancel_leaves_the_project_unchanged(project: Project) -> None:
    token = CancelToken()
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)
        if done >= 50:
            token.cancel()

    with pytest.raises(Cancelled):
        project.import_file(SAMPLE, progress=progress, cancel=token)
    assert counts(project) == (0, 0, 0)
    assert seen and max(seen) <= 100


def test_progress_reaches_completion(project: Project) -> None:
    seen: list[tuple[int, int]] = []
    project.import_file(SAMPLE, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (1, 1)
    assert all(0 <= d <= t for d, t in seen)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x00\x01binary\x00\x02" * 50, "binary"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG"),
        (b"PK\x03\x04" + bytes(64), "ZIP"),
        (b'{"name": "chat", "messages": []}', "not in a format"),
        (b"Dear diary,\nnothing happened today.\n", "not in a format|no posts"),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(
    project: Project, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputFileError, match=message) as caught:
        project.import_file(path)
    assert str(path) in str(caught.value)
    assert counts(project) == (0, 0, 0)


def test_missing_file(project: Project, tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="no such file"):
        project.import_file(tmp_path / "missing.txt")


def test_unknown_format_name(project: Project) -> None:
    with pytest.raises(InputFileError, match="unknown format 'nope'"):
        project.import_file(SAMPLE, "nope")
    with pytest.raises(UnknownFormat):
        project.import_file(Path(__file__))


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig", "utf-16-le", "utf-32"])
def test_unicode_encodings_give_the_same_posts(
    project: Project, tmp_path: Path, encoding: str
) -> None:
    path = tmp_path / f"sample-{encoding}.txt"
    path.write_bytes(SAMPLE.read_text(encoding="utf-8").encode(encoding))
    report = project.import_file(path)
    assert report.added == 18
    assert [p.text for p in project.posts.get_many(project.posts.ids())] == expected_texts()
    assert codecs.lookup(report.encoding).name.startswith(codecs.lookup(encoding).name[:6])


def test_cp1251_is_detected_and_reported(project: Project, tmp_path: Path) -> None:
    text = (
        "Новости канала\n1.2K subscribers\nОфициальный канал\nDownload Telegram\n"
        "Сегодня министр иностранных дел провёл переговоры с коллегами.\n"
        "Стороны обсудили вопросы двусторонней торговли и безопасности.\n12\n"
        "Forwarded from МИД России\n"
        "Второе сообщение канала о визите делегации в столицу.\n7\n"
    )
    path = tmp_path / "cp1251.txt"
    path.write_bytes(text.encode("cp1251"))
    report = project.import_file(path)
    assert report.added == 2
    assert report.encoding == "cp1251"
    assert any(w.code == "encoding" and "cp1251" in w.message for w in report.warnings)
    first = project.posts.get(project.posts.ids()[0])
    assert first.text.startswith("Сегодня министр")


def test_truncated_file_imports_with_a_warning(project: Project, tmp_path: Path) -> None:
    data = SAMPLE.read_bytes()
    cut = data.index("🔥42👍2".encode()) + 2  # inside the 🔥 of the third reactions line
    path = tmp_path / "cut.txt"
    path.write_bytes(data[:cut])
    report = project.import_file(path)
    assert report.added == 3
    codes = {w.code for w in report.warnings}
    assert "reactions_missing" in codes
    assert "truncated" in codes
    assert any("truncated" in w.message for w in report.warnings)


def test_line_ends_are_stored_as_newlines(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Chan\r\n3 subscribers\r\nDownload Telegram\r\none\r\ntwo\rthree\r\n5\r\n")
    project.import_file(path)
    [post] = project.posts.get_many(project.posts.ids())
    assert post.text == "one\ntwo\nthree"
    assert post.channel_title == "Chan"


def test_western_european_legacy_text_is_read_as_windows_1252(tmp_path: Path) -> None:
    from annotator.core.textfile import read_text

    phrases = ["Déjà vu: l’été est arrivé à Paris – très chaud!", "El niño comió piñata año",
               "Ça coûte 5 €", "naïve café crème brûlée"]
    lines = [f"{i};{phrases[i % 4]} #{i};2024-06-25 12:00:00;1987654321;examplenews"
             for i in range(40)]
    path = tmp_path / "excel.csv"
    header = "msg_id;message;date;channel_id;channel_name\n"
    path.write_bytes((header + "\n".join(lines) + "\n").encode("cp1252"))
    decoded = read_text(path)
    assert decoded.encoding == "cp1252"
    assert decoded.text.splitlines()[1] == lines[0]
    assert "would also fit" in decoded.warnings[0].message
