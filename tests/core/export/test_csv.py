"""The tidy CSV export: files, format, round trips through pandas, reliability files that
``krippendorff`` reads, and file names that every operating system accepts."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import krippendorff
import numpy as np
import pandas as pd
import pytest

from annotator.core.export.csv_files import (
    RELIABILITY_FOLDER,
    reliability_file_names,
    table_files,
    write_csv,
)
from annotator.core.export.model import ColumnKind, ExportTables, Table
from annotator.core.export.options import ExportOptions
from annotator.core.export.tables import build_tables
from annotator.core.progress import Cancelled, CancelToken, no_progress
from annotator.core.project import Project
from tests.core.agreement.coding import code_demo
from tests.core.export.small import Small, make_small

TABLE_FILES = ["about.csv", "posts.csv", "annotations.csv", "variables.csv", "matrix.csv",
               "agreement.csv", "codebook.csv"]
AWKWARD = ['=cmd|" /C calc"!A0', "NA", "", "  padded  ", "line\r\nbreak", "lone\rcr",
           'say "hi", then\nleave', "🇷🇺🇧🇾 👨‍👩‍👧", "0012", "null", "a;b", "\t=tab"]


@pytest.fixture
def small(tmp_path: Path) -> Iterator[Small]:
    made = make_small(tmp_path / "small.annot")
    with made.project:
        yield made


def read_back(path: Path, table: Table) -> pd.DataFrame:
    """``path`` read with pandas as the README says: text columns as text, only empty
    fields missing, dates parsed."""
    text = [c for c in table.frame.columns
            if table.kinds.get(c, ColumnKind.TEXT) in (ColumnKind.TEXT, ColumnKind.LONG_TEXT)]
    return pd.read_csv(path, keep_default_na=False, na_values=[""],
                       dtype=dict.fromkeys(text, str), encoding="utf-8")


def assert_same(written: pd.DataFrame, table: Table) -> None:
    """Every column read back equals the table's, by kind (missing equals missing)."""
    frame = table.frame
    assert [str(c) for c in written.columns] == [str(c) for c in frame.columns]
    for column in frame.columns:
        kind = table.kinds.get(column, ColumnKind.TEXT)
        got, want = written[column], frame[column]
        if kind is ColumnKind.DATETIME:
            parsed = pd.to_datetime(got, utc=True, format="ISO8601").dt.tz_localize(None)
            assert parsed.astype("datetime64[us]").equals(want.astype("datetime64[us]")), column
        elif kind in (ColumnKind.TEXT, ColumnKind.LONG_TEXT):
            assert [None if pd.isna(v) or v == "" else v for v in got] == \
                [None if pd.isna(v) or v == "" else v for v in want], column
        else:
            left = pd.to_numeric(got).astype("float64").to_numpy()
            right = pd.to_numeric(want).astype("float64").to_numpy()
            assert np.array_equal(left, right, equal_nan=True), column


def test_every_table_round_trips_through_pandas(small: Small, tmp_path: Path) -> None:
    tables = build_tables(small.project, ExportOptions(resamples=30))
    folder = tmp_path / "out"
    folder.mkdir()
    written = write_csv(tables, folder, no_progress, None)
    assert [p.name for p in written[:7]] == TABLE_FILES
    for name, table in table_files(tables):
        assert_same(read_back(folder / name, table), table)
    about = pd.read_csv(folder / "about.csv", keep_default_na=False, dtype=str)
    assert list(zip(about["field"], about["value"], strict=True)) == tables.about
    posts = read_back(folder / "posts.csv", tables.posts)
    assert posts["text"][1] == "=SUM(A1) NA\nsecond, line"
    assert posts["external_id"].tolist() == ["10", "11", "12"]


def test_awkward_texts_survive_exactly(tmp_path: Path) -> None:
    frame = pd.DataFrame({
        "post_id": np.arange(len(AWKWARD), dtype=np.int64),
        "text": pd.array(AWKWARD, dtype="str"),
        "views": pd.array([None, *range(1, len(AWKWARD))], dtype="Int64"),
        "share": [math.nan, 0.1, 1 / 3, *([0.5] * (len(AWKWARD) - 3))],
        "date_utc": pd.to_datetime(["2024-01-01 10:00:00", None,
                                    *(["2024-02-29 23:59:59"] * (len(AWKWARD) - 2))]),
    })
    kinds = {"post_id": ColumnKind.INTEGER, "text": ColumnKind.LONG_TEXT,
             "views": ColumnKind.INTEGER, "share": ColumnKind.NUMBER,
             "date_utc": ColumnKind.DATETIME}
    posts = Table("Posts", frame, kinds, "Awkward posts.")
    empty = Table("Empty", pd.DataFrame({"a": pd.array([], dtype="str")}), {}, "Nothing.")
    tables = ExportTables(about=[("Project file", "x.annot")], posts=posts,
                          annotations=empty, variables=empty, matrix=empty, codebook=empty)
    folder = tmp_path / "out"
    folder.mkdir()
    write_csv(tables, folder, no_progress, None)
    back = read_back(folder / "posts.csv", posts)
    texts = [None if pd.isna(v) else v for v in back["text"]]
    # An empty text and a missing value are the same empty field; everything else is exact.
    assert texts == [None if v == "" else v for v in AWKWARD]
    assert back["views"].isna()[0] and back["views"][1:].tolist() == list(range(1, 12))
    assert back["share"][2] == 1 / 3
    raw = (folder / "posts.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert raw.split(b"\r\n")[0] == b"post_id,text,views,share,date_utc"
    assert b'"line\r\nbreak"' in raw and b'"lone\rcr"' in raw
    assert b'"say ""hi"", then\nleave"' in raw
    assert b",2024-01-01T10:00:00Z\r\n" in raw and b",2024-02-29T23:59:59Z\r\n" in raw
    assert (folder / "annotations.csv").read_bytes() == b"a\r\n"


def test_dates_keep_one_form_per_column(small: Small, tmp_path: Path) -> None:
    tables = build_tables(small.project, ExportOptions(resamples=0))
    folder = tmp_path / "out"
    folder.mkdir()
    write_csv(tables, folder, no_progress, None)
    raw = pd.read_csv(folder / "annotations.csv", dtype=str, keep_default_na=False)
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", v)
               for v in raw["created_utc"])
    assert raw["date_utc"].tolist()[0] == "2024-06-25T12:00:00Z"


def test_files_readme_and_reliability(tmp_path: Path, demo_project: Project) -> None:
    code_demo(demo_project)
    tables = build_tables(demo_project, ExportOptions(resamples=0))
    folder = tmp_path / "out"
    folder.mkdir()
    seen: list[tuple[int, int]] = []
    written = write_csv(tables, folder, lambda done, total: seen.append((done, total)),
                        None)
    on_disk = sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())
    assert on_disk == sorted(str(p.relative_to(folder)) for p in written)
    assert seen[-1] == (len(written), len(written))
    assert {p.name for p in written if p.parent == folder} == {*TABLE_FILES, "README.txt"}
    readme = (folder / "README.txt").read_text(encoding="utf-8")
    for name, table in table_files(tables):
        assert name in readme
        for column in table.frame.columns:
            assert str(column) in readme
    assert "kripp.alpha(t(as.matrix(m[, -1]))" in readme
    assert "krippendorff.alpha(reliability_data=m.T.to_numpy()" in readme
    index = pd.read_csv(folder / RELIABILITY_FOLDER / "index.csv", dtype=str)
    assert index["code_path"].tolist() == list(tables.reliability)
    agreement = tables.agreement
    assert agreement is not None
    alphas = agreement.table.frame.set_index("code_path")["alpha"]
    checked = 0
    for file_name, path in zip(index["file"], index["code_path"], strict=True):
        matrix = pd.read_csv(folder / RELIABILITY_FOLDER / file_name, index_col="post_id")
        pd.testing.assert_frame_equal(matrix, tables.reliability[path], check_names=False,
                                      check_dtype=False)
        if not math.isnan(alphas[path]):
            ours = krippendorff.alpha(reliability_data=matrix.T.to_numpy(),
                                      level_of_measurement="nominal")
            assert ours == pytest.approx(alphas[path], abs=1e-12)
            checked += 1
    assert checked >= 2
    first = (folder / RELIABILITY_FOLDER / index["file"][1]).read_bytes().decode("utf-8")
    assert first.startswith("post_id,Ann,Ben,Cy\r\n") and ".0" not in first


WINDOWS_FORBIDDEN = set('<>:"/\\|?*')
WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)),
                    *(f"lpt{n}" for n in range(1, 10))}


def test_reliability_file_names_are_safe_and_unique() -> None:
    paths = ["Frames/Threat", "frames/threat", "FRAMES/THREAT", "Frames__Threat",
             "Time: 10/20?", 'a<b>"c"|d*e\\f', "🇷🇺 Russia/👍 like", "CON", "com1/x",
             "Con.txt", "index", "INDEX", ".hidden", "trailing. ", "tab\there\nline",
             "Caf\u00e9", "Cafe\u0301", "x" * 300, "🇷🇺" * 100, "...", "nul"]
    names = reliability_file_names(paths)
    assert list(names) == paths
    files = list(names.values())
    keys = [unicodedata.normalize("NFC", f).casefold() for f in files]
    assert len(set(keys)) == len(files)
    assert "index.csv" not in keys
    for name in files:
        stem = name.removesuffix(".csv")
        assert name.endswith(".csv") and stem
        assert not WINDOWS_FORBIDDEN & set(name)
        assert not any(ord(ch) < 32 for ch in name)
        assert stem[0] not in ". " and stem[-1] not in ". "
        assert stem.split(".")[0].casefold().rstrip() not in WINDOWS_RESERVED
        assert len(name.encode("utf-8")) <= 255
    assert names["Frames/Threat"] == "Frames__Threat.csv"
    assert names["frames/threat"] == "frames__threat (2).csv"
    assert names["🇷🇺 Russia/👍 like"] == "🇷🇺 Russia__👍 like.csv"
    assert names["index"] == "index (2).csv"
    assert names["CON"] == "CON_.csv"
    assert names["Cafe\u0301"] == "Caf\u00e9 (2).csv"


def test_cancel_raises_cancelled(small: Small, tmp_path: Path) -> None:
    tables = build_tables(small.project, ExportOptions(resamples=0))
    folder = tmp_path / "out"
    folder.mkdir()
    token = CancelToken()

    def cancel_after_two(done: int, total: int) -> None:
        if done == 2:
            token.cancel()

    with pytest.raises(Cancelled):
        write_csv(tables, folder, cancel_after_two, token)
    assert not (folder / "README.txt").exists()
