"""``annotator-cli``: the parser, exit statuses, projects, ``posts`` and ``info``."""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path

import pytest

from annotator import __version__
from annotator.core.project import Project
from annotator.core.storage.schema import SCHEMA_VERSION
from tests.cli.harness import Run, assert_one_line_error, sample_texts, sha256
from tests.conftest import SAMPLE, make_v1_project

MFA = "Russian MFA 🇷🇺"
COMMANDS = ["init", "demo", "import", "posts", "info", "annotations"]


def test_version(cli: Run) -> None:
    result = cli("--version")
    assert result.code == 0
    assert result.out.strip() == f"annotator-cli {__version__}"


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_every_command_has_help(cli: Run, command: str | None) -> None:
    result = cli(*([command] if command else []), "--help")
    assert result.code == 0
    assert result.out.startswith("usage: annotator-cli")
    assert result.err == ""


@pytest.mark.parametrize(
    ("argv", "mentions"),
    [
        ([], ["required: COMMAND", "(see annotator-cli --help)"]),
        (["frobnicate"], ["invalid choice: 'frobnicate'", "(see annotator-cli --help)"]),
        (["init"], ["required: PROJECT", "(see annotator-cli init --help)"]),
        (["import", "x.annot"], ["required: FILE", "(see annotator-cli import --help)"]),
        (["import", "x.annot", "f.txt", "--format", "pdf"], ["--format", "invalid choice"]),
        (["info", "x.annot", "--bogus"], ["unrecognized arguments: --bogus",
                                          "(see annotator-cli info --help)"]),
        (["annotations", "x.annot"], ["one of the arguments --load --dump is required"]),
        (["annotations", "x.annot", "--load", "a.csv", "--dump", "b.csv"], ["not allowed"]),
    ],
)
def test_bad_command_lines_are_one_line_errors(
    cli: Run, argv: list[str], mentions: list[str]
) -> None:
    result = cli(*argv)
    assert_one_line_error(result, *mentions)
    assert "usage:" not in result.err
    assert result.out == ""


def test_init_creates_and_refuses_to_overwrite(cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "corpus.annot"
    created = cli("init", path)
    assert created.code == 0
    assert str(path) in created.out
    assert created.err == ""
    before = sha256(path)
    again = cli("init", path)
    assert_one_line_error(again, str(path), "already exists")
    assert sha256(path) == before
    info = cli("info", path, "--json").json()
    assert info["posts"] == info["codes"] == info["annotations"] == 0
    assert info["schema_version"] == SCHEMA_VERSION


def test_init_suggests_the_extension(cli: Run, tmp_path: Path) -> None:
    result = cli("init", tmp_path / "corpus")
    assert result.code == 0
    assert (tmp_path / "corpus").is_file()
    assert ".annot" in result.err


def test_init_in_a_missing_folder(cli: Run, tmp_path: Path) -> None:
    assert_one_line_error(cli("init", tmp_path / "nowhere" / "x.annot"), "no such folder")


def test_demo_posts_json_are_the_sample(cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "demo.annot"
    made = cli("demo", path)
    assert made.code == 0
    assert str(path) in made.out
    assert "18 posts" in made.out
    assert "1, 2, 3, 4, 5, 6, 7, 8, 9" in made.out
    assert cli("demo", path).code == 2

    posts = cli("posts", path, "--json").json()
    assert len(posts) == 18
    assert [post["text"] for post in posts] == sample_texts()
    assert posts[0]["text"].startswith("🇷🇺🇧🇾 June 25")
    assert sum(post["forwarded_from"] == MFA for post in posts) == 16
    keys = {"id", "uuid", "external_id", "channel", "author", "forwarded_from", "date", "text",
            "metadata", "position", "source_id"}
    for post in posts:
        assert set(post) == keys
        assert isinstance(post["metadata"], dict)
        assert post["date"] is None or re.fullmatch(r"\d{4}-\d\d-\d\dT.*(Z|\+00:00)", post["date"])
    assert posts[0]["channel"] == "Russian Embassy to the UK"
    assert [post["position"] for post in posts] == list(range(18))


def test_posts_table(cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "demo.annot"
    cli("demo", path)
    result = cli("posts", path)
    assert result.code == 0
    lines = result.out.splitlines()
    assert len(lines) == 19  # a header and one line per post
    first = lines[1].split()
    assert first[0] == "1"
    assert first[1] == "-"  # the sample has no dates
    assert MFA in lines[1]
    assert "🇷🇺🇧🇾 June 25" in lines[1]
    assert sum(MFA in line for line in lines) == 16
    assert all(len(line) < 200 for line in lines)


def test_posts_table_marks_newlines(cli: Run, tmp_path: Path) -> None:
    source = tmp_path / "short.txt"
    source.write_text("Chan\n12 subscribers\nAbout\nDownload Telegram\n"
                      "first line\nsecond line\n👍3\n", encoding="utf-8")
    path = tmp_path / "p.annot"
    cli("init", path)
    assert cli("posts", path).out.strip() == "(no posts)"
    assert cli("posts", path, "--json").json() == []
    assert cli("import", path, source).code == 0
    lines = cli("posts", path).out.splitlines()
    assert len(lines) == 2
    assert lines[1].endswith("first line⏎second line")


def test_info(cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "demo.annot"
    cli("demo", path)
    info = cli("info", path, "--json").json()
    assert info.pop("codebook_version") >= 1
    assert info == {"path": str(path), "schema_version": SCHEMA_VERSION, "sources": 1,
                    "channels": 1, "posts": 18, "coders": 0, "codes": 19, "annotations": 0}
    text = cli("info", path)
    assert text.code == 0
    assert "posts: 18" in text.out.splitlines()
    assert f"schema version: {SCHEMA_VERSION}" in text.out.splitlines()
    assert f"path: {path}" in text.out.splitlines()


def test_missing_project(cli: Run, tmp_path: Path) -> None:
    for command in (["info"], ["posts"], ["import"], ["annotations", "--dump", "x.csv"]):
        argv = [command[0], tmp_path / "none.annot", *command[1:]]
        if command[0] == "import":
            argv.append(SAMPLE)
        assert_one_line_error(cli(*argv), "none.annot", "no such file")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"just some notes\n", "not an Annotator project"),
        (b"", "empty"),
        (None, "an SQLite database, but not an Annotator project"),
    ],
)
def test_foreign_files_are_refused_untouched(
    cli: Run, tmp_path: Path, content: bytes | None, reason: str
) -> None:
    path = tmp_path / "foreign.annot"
    if content is None:
        with sqlite3.connect(path) as db:
            db.execute("CREATE TABLE t (x INTEGER)")
            db.execute("INSERT INTO t VALUES (1)")
        db.close()
    else:
        path.write_bytes(content)
    before = sha256(path)
    for argv in (["info", path], ["posts", path, "--json"], ["import", path, SAMPLE]):
        assert_one_line_error(cli(*argv), str(path), reason)
    assert sha256(path) == before
    assert [p.name for p in tmp_path.iterdir()] == ["foreign.annot"]


def test_a_folder_is_not_a_project(cli: Run, tmp_path: Path) -> None:
    assert_one_line_error(cli("info", tmp_path), "not a file")


def _set_user_version(path: Path, version: int) -> None:
    db = sqlite3.connect(path)
    try:
        db.execute(f"PRAGMA user_version = {version}")
        db.commit()
    finally:
        db.close()


def test_newer_schema_is_refused(cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "new.annot"
    cli("init", path)
    _set_user_version(path, SCHEMA_VERSION + 7)
    before = sha256(path)
    assert_one_line_error(cli("info", path), "newer Annotator", str(SCHEMA_VERSION + 7))
    assert sha256(path) == before


def test_older_schema_is_upgraded_with_a_note(cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "old.annot"
    make_v1_project(path)
    result = cli("info", path, "--json")
    assert result.code == 0
    assert result.json()["schema_version"] == SCHEMA_VERSION
    assert result.json()["posts"] == 1
    match = re.fullmatch(
        rf"note: upgraded {re.escape(str(path))} from schema version 1 to {SCHEMA_VERSION}; "
        r"backup at (.+)\n",
        result.err,
    )
    assert match, result.err
    assert Path(match.group(1)).is_file()
    assert cli("info", path).err == ""  # upgraded once


def test_internal_error_is_logged(
    cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "p.annot"
    cli("init", path)

    def broken(self: Project) -> None:
        raise RuntimeError("the counter broke\nbadly")

    monkeypatch.setattr(Project, "info", broken)
    result = cli("info", path)
    assert result.code == 1
    assert result.out == ""
    assert len(result.err_lines) == 1
    match = re.fullmatch(
        r"internal error: RuntimeError: the counter broke badly; details written to (.+)",
        result.err_lines[0],
    )
    assert match, result.err
    log = Path(match.group(1))
    assert log.parent == Path(os.environ["ANNOTATOR_LOG_DIR"])
    assert re.fullmatch(r"annotator-cli-\d{8}T\d{6}Z(-\d+)?\.log", log.name)
    details = log.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in details
    assert "RuntimeError: the counter broke" in details
    assert "in broken" in details

    second = cli("info", path)  # a second crash in the same second gets its own file
    assert second.code == 1
    assert second.err_lines[0].split("details written to ")[1] != str(log)


def test_keyboard_interrupt_is_exit_130(
    cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "p.annot"
    cli("init", path)

    def interrupted(self: Project) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(Project, "info", interrupted)
    result = cli("info", path)
    assert (result.code, result.out, result.err) == (130, "", "cancelled\n")


def test_unusable_paths_are_user_errors(cli: Run, tmp_path: Path) -> None:
    too_long = tmp_path / ("x" * 300 + ".annot")
    assert_one_line_error(cli("info", too_long), "File name too long")
    project = tmp_path / "p.annot"
    cli("init", project)
    assert_one_line_error(cli("import", project, tmp_path / ("y" * 300)), "File name too long")


def test_internal_error_without_a_log_folder(
    cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "p.annot"
    cli("init", path)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("ANNOTATOR_LOG_DIR", str(blocker))

    def broken(self: Project) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(Project, "info", broken)
    result = cli("info", path)
    assert result.code == 1
    assert len(result.err_lines) == 1
    assert result.err.startswith("internal error: RuntimeError: boom; could not write details to")
