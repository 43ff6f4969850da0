"""The Excel writer: reopened cell by cell with openpyxl and read as raw sheet XML.

Safety first: hostile text is stored as text (never a formula), characters XML forbids are
replaced, over-long text is cut, long tables continue on numbered sheets.  Then the
layout (header, frozen pane, autofilter, widths, formats), the Agreement extras, cancel,
and an end-to-end export of the coded demo project.
"""

from __future__ import annotations

import re
import tempfile
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree
from openpyxl import load_workbook
from openpyxl.worksheet import _writer as openpyxl_writer

from annotator.core.export.excel import write_workbook
from annotator.core.export.excel_cells import (
    EXCEL_TEXT_LIMIT,
    ILLEGAL_XML,
    fit_excel,
    needs_quote,
    utf16_length,
)
from annotator.core.export.model import AgreementSheet, ColumnKind, ExportTables, Table
from annotator.core.export.options import ExportOptions
from annotator.core.export.tables import build_tables
from annotator.core.progress import Cancelled, CancelToken
from annotator.core.project import Project
from tests.core.agreement.coding import code_demo

K = ColumnKind
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
HOSTILE = ['=HYPERLINK("http://evil","x")', "=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx",
           "#N/A", "#DIV/0!", "- a bullet", "=", "-"]
WORLD = ["🇷🇺🇺🇦 флаги", "👨‍👩‍👧 family", "مرحبا بالعالم", "שלום עולם", "a\tb\nc\rd", " padded  "]
ORDER = ["About", "Posts", "Annotations", "Variables", "Matrix", "Agreement", "Codebook"]


def _table(name: str, columns: dict[str, list[object]], kinds: dict[str, ColumnKind]
           | None = None) -> Table:
    return Table(name, pd.DataFrame(columns), kinds or {}, f"{name} for a test.")


def _tables(posts: Table | None = None, annotations: Table | None = None,
            agreement: AgreementSheet | None = None) -> ExportTables:
    empty = {"post_id": []}
    return ExportTables(
        about=[("Project file", "test.annot"), ("Filter", '=cmd|"/c calc"!A1')],
        posts=posts or _table("Posts", {"post_id": [1], "text": ["hello"]}),
        annotations=annotations or _table("Annotations", empty),
        variables=_table("Variables", empty), matrix=_table("Matrix", empty),
        codebook=_table("Codebook", {"code_path": ["A/B"], "definition": ["long"]},
                        {"definition": K.LONG_TEXT}),
        agreement=agreement)


def _write(tmp_path: Path, tables: ExportTables, **kwargs: int) -> tuple[Path, list[str]]:
    path = tmp_path / "out.xlsx"
    notes = write_workbook(tables, path, **kwargs)
    return path, notes


def _sheet_xml(path: Path) -> dict[str, etree._Element]:
    """Sheet title -> parsed worksheet XML, resolved through the workbook's relations."""
    with zipfile.ZipFile(path) as archive:
        book = etree.fromstring(archive.read("xl/workbook.xml"))
        rels = etree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
        targets = {rel.get("Id"): rel.get("Target") for rel in rels}
        rid = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
        out = {}
        for sheet in book.iterfind("m:sheets/m:sheet", NS):
            target = targets[sheet.get(rid)].lstrip("/")
            target = target if target.startswith("xl/") else f"xl/{target}"
            out[sheet.get("name")] = etree.fromstring(archive.read(target))
        return out


def _xml_cell(sheet: etree._Element, ref: str) -> etree._Element:
    found = sheet.find(f"m:sheetData/m:row/m:c[@r='{ref}']", NS)
    assert found is not None, ref
    return found


def _no_formulas(path: Path) -> None:
    for title, sheet in _sheet_xml(path).items():
        assert sheet.find(".//m:f", NS) is None, title


# --- safety: formulas --------------------------------------------------------------------

@pytest.mark.parametrize("dtype", [object, "str"])
@pytest.mark.parametrize("kind", [K.TEXT, K.LONG_TEXT])
def test_hostile_text_is_stored_as_quoted_text_never_a_formula(
        tmp_path: Path, kind: ColumnKind, dtype: object) -> None:
    posts = _table("Posts", {"post_id": list(range(len(HOSTILE))),
                             "text": pd.Series(HOSTILE, dtype=dtype),
                             "number": [-2] * len(HOSTILE)},
                   {"post_id": K.INTEGER, "text": kind, "number": K.INTEGER})
    path, _ = _write(tmp_path, _tables(posts))
    _no_formulas(path)
    sheet = load_workbook(path)["Posts"]
    xml = _sheet_xml(path)["Posts"]
    for row, text in enumerate(HOSTILE, start=2):
        cell = sheet.cell(row, 2)
        assert (cell.value, cell.data_type, cell.quotePrefix) == (text, "s", True)
        raw = _xml_cell(xml, f"B{row}")
        assert raw.get("t") == "inlineStr"
        assert raw.findtext("m:is/m:t", namespaces=NS) == text
        number = sheet.cell(row, 3)  # numbers stay numbers, negative ones too
        assert (number.value, number.data_type, number.quotePrefix) == (-2, "n", False)


def test_hostile_headers_and_about_values_are_text(tmp_path: Path) -> None:
    matrix = _table("Matrix", {"post_id": [1], "=SUM(A1)": [1], "-Negative": [0]},
                    {"post_id": K.INTEGER, "=SUM(A1)": K.FLAG, "-Negative": K.FLAG})
    tables = _tables()
    tables = ExportTables(tables.about, tables.posts, tables.annotations, tables.variables,
                          matrix, tables.codebook)
    path, _ = _write(tmp_path, tables)
    _no_formulas(path)
    book = load_workbook(path)
    header = [book["Matrix"].cell(1, column) for column in (2, 3)]
    assert [(c.value, c.data_type, c.quotePrefix) for c in header] == [
        ("=SUM(A1)", "s", True), ("-Negative", "s", True)]
    about = book["About"]
    assert (about["B3"].value, about["B3"].data_type) == ('=cmd|"/c calc"!A1', "s")
    assert about["B3"].quotePrefix


def test_plain_text_is_kept_exactly_and_empty_text_is_an_empty_cell(tmp_path: Path) -> None:
    texts = [*WORLD, "", "42", "0012", "x" * 100]
    posts = _table("Posts", {"text": texts, "memo": texts}, {"memo": K.LONG_TEXT})
    path, notes = _write(tmp_path, _tables(posts))
    sheet = load_workbook(path)["Posts"]
    for row, text in enumerate(texts, start=2):
        for column in (1, 2):
            cell = sheet.cell(row, column)
            assert cell.value == (text or None)
            assert cell.data_type == ("s" if text else "n")
            assert not cell.quotePrefix
    assert notes == []


_ANY_TEXT = st.builds(
    lambda prefix, points: prefix + "".join(map(chr, points)),
    st.sampled_from(["", "", "=", "+", "-", "@", "\t", "\r", "#N/A"]),
    # Code points, not st.text(): Hypothesis's text never holds lone surrogates.
    st.lists(st.one_of(st.integers(0, 0x10FFFF), st.sampled_from(
        [0, 0x1F, 0xFFFE, 0xFFFF, 0xD800, 0xDFFF, 9, 10, 13, 0x1F1F7, 0x200D])), max_size=30))
"""Any text, surrogates and control characters included, often with a hostile start."""


@given(st.lists(_ANY_TEXT, min_size=1, max_size=40))
def test_any_text_is_written_as_text_with_forbidden_characters_replaced(
        texts: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        posts = _table("Posts", {"text": texts, "memo": texts}, {"memo": K.LONG_TEXT})
        path, notes = _write(Path(folder), _tables(posts))
        sheet = load_workbook(path)["Posts"]
        for row, text in enumerate(texts, start=2):
            expected = ILLEGAL_XML.sub("\ufffd", text) or None
            for column in (1, 2):
                cell = sheet.cell(row, column)
                assert cell.value == expected
                if expected is not None:
                    assert cell.data_type == "s"
                    assert cell.quotePrefix == needs_quote(expected)
        replaced = sum(len(ILLEGAL_XML.findall(text)) for text in texts)
        assert any("replaced by U+FFFD" in note for note in notes) == (replaced > 0)


# --- safety: characters and lengths ------------------------------------------------------

def test_forbidden_characters_are_replaced_one_for_one_and_noted(tmp_path: Path) -> None:
    texts = ["a\x00b\x1fc", "\ufffe\uffff", "lone \ud800 surrogate", "\x0b\x0c ok"]
    posts = _table("Posts", {"text": texts}, {"text": K.LONG_TEXT})
    path, notes = _write(tmp_path, _tables(posts))
    sheet = load_workbook(path)["Posts"]
    assert [sheet.cell(row, 1).value for row in range(2, 6)] == [
        "a\ufffdb\ufffdc", "\ufffd\ufffd", "lone \ufffd surrogate", "\ufffd\ufffd ok"]
    assert notes == ["Posts, column 'text': 7 character(s) that Excel files cannot hold "
                     "(control characters, U+FFFE, U+FFFF, lone surrogates) replaced by "
                     "U+FFFD in 4 cell(s)"]
    about = load_workbook(path)["About"]
    assert [about.cell(row, 2).value for row in range(1, about.max_row + 1)][-1] == notes[0]


def test_text_longer_than_excel_allows_is_cut_and_noted(tmp_path: Path) -> None:
    ascii_text, emoji_text = "x" * 40_000, "🇷🇺" * 10_000  # 40,000 UTF-16 units
    posts = _table("Posts", {"text": ["short", ascii_text, emoji_text], "n": [1, 2, 3]},
                   {"text": K.LONG_TEXT, "n": K.INTEGER})
    path, notes = _write(tmp_path, _tables(posts))
    sheet = load_workbook(path)["Posts"]
    assert sheet["A3"].value == "x" * EXCEL_TEXT_LIMIT
    cut = sheet["A4"].value
    assert emoji_text.startswith(cut) and utf16_length(cut) == EXCEL_TEXT_LIMIT - 1
    assert notes == ["Posts, column 'text': 2 cell(s) cut to Excel's limit of 32,767 "
                     "characters (row(s) 3, 4)"]


def test_fit_excel_never_splits_a_character() -> None:
    for text in ["a" * 32_766 + "😀", "😀" * 20_000, "a" * 32_767, "é" * 40_000]:
        cut = fit_excel(text)
        assert text.startswith(cut)
        assert EXCEL_TEXT_LIMIT - 1 <= utf16_length(cut) <= EXCEL_TEXT_LIMIT


# --- values and formats ------------------------------------------------------------------

def test_every_kind_is_written_with_its_type_and_format(tmp_path: Path) -> None:
    moscow = timezone(timedelta(hours=3))
    posts = _table("Posts", {
        "post_id": [1, 2, 3],
        "views": [1.0, np.nan, 3.0],
        "score": [0.5, np.nan, np.inf],
        "share": [0.25, None, 1.0],
        "flag": [True, False, True],
        "date_utc": pd.to_datetime(["2024-06-25 12:00:00", None, "2024-06-26 08:30:15"]),
        "created_utc": [datetime(2024, 6, 25, 15, tzinfo=moscow), None,
                        datetime(1899, 12, 31)],
        "updated_utc": pd.to_datetime(["2024-06-25 15:00", None, "2024-06-25 16:00"]
                                      ).tz_localize("Europe/Moscow"),
        "text": ["a", None, np.nan],
    }, {"post_id": K.INTEGER, "views": K.INTEGER, "score": K.NUMBER, "share": K.PERCENT,
        "flag": K.FLAG, "date_utc": K.DATETIME, "created_utc": K.DATETIME,
        "updated_utc": K.DATETIME, "text": K.LONG_TEXT})
    path, notes = _write(tmp_path, _tables(posts))
    sheet = load_workbook(path)["Posts"]
    rows = [[(c.value, c.number_format) for c in row] for row in sheet.iter_rows(min_row=2)]
    date = "yyyy-mm-dd hh:mm:ss"
    noon = (datetime(2024, 6, 25, 12), date)
    assert rows[0] == [(1, "0"), (1, "0"), (0.5, "0.000"), (0.25, "0.0%"), (1, "General"),
                       noon, noon, noon, ("a", "General")]
    assert [value for value, _ in rows[1]] == [2, None, None, None, 0, None, None, None, None]
    assert rows[2][:3] == [(3, "0"), (3, "0"), (None, "General")]
    assert rows[2][5:7] == [(datetime(2024, 6, 26, 8, 30, 15), date),
                            ("1899-12-31 00:00:00", date)]
    assert all(isinstance(sheet.cell(2, column).value, int) for column in (1, 2, 5))
    assert sheet["F2"].is_date
    assert sheet["I2"].alignment.wrap_text
    assert notes == ["Posts, column 'created_utc': 1 date(s) before 1900-03-01 written as "
                     "text (Excel cannot show them as dates)"]
    _no_formulas(path)


def test_layout_header_frozen_pane_autofilter_and_widths(tmp_path: Path) -> None:
    posts = _table("Posts", {
        "post_id": [1, 2], "channel": ["Russian MFA 🇷🇺 channel", "x"],
        "text": ["t " * 300, "short"],
        "date_utc": pd.to_datetime(["2024-06-25", "2024-06-26"]),
        "a rather long column name that wraps": [0, 1]},
        {"post_id": K.INTEGER, "text": K.LONG_TEXT, "date_utc": K.DATETIME,
         "a rather long column name that wraps": K.FLAG})
    path, _ = _write(tmp_path, _tables(posts))
    book = load_workbook(path)
    assert book.sheetnames == ["About", *ORDER[1:5], "Codebook"]
    for title in book.sheetnames[1:]:
        sheet = book[title]
        assert sheet.freeze_panes == "A2"
        last = sheet.cell(1, sheet.max_column).column_letter
        assert sheet.auto_filter.ref == f"A1:{last}{max(sheet.max_row, 1)}"
        for cell in sheet[1]:
            assert cell.font.b and cell.fill.fgColor.rgb.endswith("DDEBF7")
            assert cell.border.bottom.style == "thin" and cell.alignment.wrap_text
    widths = {letter: book["Posts"].column_dimensions[letter].width for letter in "ABCDE"}
    assert widths["A"] < widths["B"] < widths["C"] <= 80  # id < channel < wrapped text
    assert widths["D"] >= 21  # "yyyy-mm-dd hh:mm:ss" fits
    assert widths["E"] <= 22  # a long header wraps instead of widening its 0/1 column
    assert book["Posts"]["C2"].alignment.wrap_text


def test_sheet_titles_are_valid_unique_and_short(tmp_path: Path) -> None:
    posts = _table("Posts: [draft] */?\\ with a very long name indeed", {"a": [1]})
    annotations = _table("posts: [draft] */?\\ with a very long name indeed", {"a": [2]})
    path, _ = _write(tmp_path, _tables(posts, annotations))
    names = load_workbook(path).sheetnames
    assert names[1:3] == ["Posts_ _draft_ ____ with a very", "posts_ _draft_ ____ with a ve~2"]
    assert all(len(name) <= 31 and not re.search(r"[\[\]:*?/\\]", name) for name in names)


# --- long tables -------------------------------------------------------------------------

def test_a_long_table_continues_on_numbered_sheets_with_notes(tmp_path: Path) -> None:
    ids = list(range(1, 8))
    annotations = _table("Annotations", {"post_id": ids, "quote": [f"q{i}" for i in ids]},
                         {"post_id": K.INTEGER, "quote": K.LONG_TEXT})
    path, notes = _write(tmp_path, _tables(annotations=annotations), max_rows=4)
    assert notes == ["Annotations continued on sheet 'Annotations (2)' after 3 rows",
                     "Annotations continued on sheet 'Annotations (3)' after 6 rows"]
    book = load_workbook(path)
    parts = [book[name] for name in ("Annotations", "Annotations (2)", "Annotations (3)")]
    assert book.sheetnames.index("Annotations (3)") + 1 == book.sheetnames.index("Variables")
    got = []
    for sheet in parts:
        assert [cell.value for cell in sheet[1]] == ["post_id", "quote"]
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == f"A1:B{sheet.max_row}"
        assert sheet.max_row <= 4
        got.extend(row for row in sheet.iter_rows(min_row=2, values_only=True))
    assert got == [(i, f"q{i}") for i in ids]
    about = [row for row in book["About"].iter_rows(values_only=True)]
    assert about[-2:] == [("Note", notes[0]), ("Note", notes[1])]


def test_max_rows_must_leave_room_for_data(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="max_rows"):
        write_workbook(_tables(), tmp_path / "x.xlsx", max_rows=1)


# --- agreement ---------------------------------------------------------------------------

def _agreement() -> AgreementSheet:
    frame = {"code_path": ["Framing/Threat", "=Framing/Blame", "Rhetoric", "All codes"],
             "units": [12.0, 12.0, 12.0, 36.0], "alpha": [0.91, 0.70, np.nan, -0.25],
             "alpha_ci_low": [0.8, 0.5, np.nan, -0.5], "kappa": [0.9, 0.6, 0.85, np.nan],
             "warning": [None, None, "alpha undefined: one value", None]}
    kinds = {name: K.NUMBER for name in ("units", "alpha", "alpha_ci_low", "kappa")}
    return AgreementSheet(_table("Agreement", frame, kinds), "alpha", "code_path")


def test_agreement_sheet_has_colour_bands_and_a_native_bar_chart(tmp_path: Path) -> None:
    path, _ = _write(tmp_path, _tables(agreement=_agreement()))
    book = load_workbook(path)
    assert book.sheetnames == ORDER
    sheet = book["Agreement"]
    assert sheet["C4"].value is None and sheet["C5"].value == -0.25  # undefined: empty
    assert sheet["A3"].data_type == "s" and sheet["A3"].quotePrefix
    xml = _sheet_xml(path)["Agreement"]
    ranges = {cf.get("sqref"): [rule.findtext("m:formula", namespaces=NS)
                                for rule in cf.iterfind("m:cfRule", NS)]
              for cf in xml.iterfind("m:conditionalFormatting", NS)}
    assert set(ranges) == {"C2:C5", "D2:D5", "E2:E5"}  # alpha, its bound, kappa
    assert ranges["C2:C5"] == ["AND(ISNUMBER(C2),C2<0.667)",
                               "AND(ISNUMBER(C2),AND(C2>=0.667,C2<0.8))",
                               "AND(ISNUMBER(C2),C2>=0.8)"]
    with zipfile.ZipFile(path) as archive:
        chart = etree.fromstring(archive.read("xl/charts/chart1.xml"))
        drawing = etree.fromstring(archive.read("xl/drawings/drawing1.xml"))
    c = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
         "x": "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"}
    assert chart.find(".//c:barChart/c:barDir", c).get("val") == "bar"
    refs = [f.text for f in chart.iterfind(".//c:ser//c:f", c)]
    assert "'Agreement'!$C$2:$C$5" in refs and "'Agreement'!$A$2:$A$5" in refs
    assert [d.get("val") for d in chart.iterfind(".//c:delete", c)] == ["0", "0"]
    anchor = drawing.find("x:oneCellAnchor/x:from", c)
    assert (anchor.findtext("x:col", namespaces=c), anchor.findtext("x:row", namespaces=c)) \
        == ("7", "1")  # at H2, beside the table (A:F)


def test_agreement_without_rows_or_with_a_missing_column(tmp_path: Path) -> None:
    empty = AgreementSheet(_table("Agreement", {"code_path": [], "alpha": []},
                                  {"alpha": K.NUMBER}), "alpha", "code_path")
    path, _ = _write(tmp_path, _tables(agreement=empty))
    with zipfile.ZipFile(path) as archive:
        assert not [n for n in archive.namelist() if n.startswith("xl/charts/")]
    wrong = AgreementSheet(empty.table, "kappa", "code_path")
    with pytest.raises(ValueError, match="kappa"):
        write_workbook(_tables(agreement=wrong), tmp_path / "wrong.xlsx")


# --- progress and cancel -----------------------------------------------------------------

def _big(rows: int) -> ExportTables:
    annotations = _table("Annotations", {"post_id": list(range(rows)),
                                         "quote": ["q"] * rows}, {"post_id": K.INTEGER})
    return _tables(annotations=annotations)


def test_progress_counts_rows_up_to_the_total(tmp_path: Path) -> None:
    reports: list[tuple[int, int]] = []
    write_workbook(_big(12_000), tmp_path / "out.xlsx",
                   lambda done, total: reports.append((done, total)))
    total = 2 + 1 + 12_000 + 1  # about, posts, annotations, codebook
    assert reports[-1] == (total, total)
    assert [done for done, _ in reports] == sorted(done for done, _ in reports)
    assert len(reports) >= 4


@pytest.mark.parametrize("when", [0, 1])
def test_cancel_stops_without_a_file_or_temporary_files(tmp_path: Path, when: int) -> None:
    token = CancelToken()
    if when == 0:
        token.cancel()
    before = set(openpyxl_writer.ALL_TEMP_FILES)
    with pytest.raises(Cancelled):
        write_workbook(_big(12_000), tmp_path / "out.xlsx",
                       lambda done, total: token.cancel(), token)
    assert not (tmp_path / "out.xlsx").exists()
    leftover = set(openpyxl_writer.ALL_TEMP_FILES) - before
    assert not [name for name in leftover if Path(name).exists()]


# --- end to end --------------------------------------------------------------------------

def test_demo_project_export_end_to_end(demo_project: Project, tmp_path: Path) -> None:
    code_demo(demo_project)
    tables = build_tables(demo_project, ExportOptions(resamples=50))
    assert tables.agreement is not None
    path, notes = _write(tmp_path, tables)
    assert notes == []
    _no_formulas(path)
    book = load_workbook(path)
    assert book.sheetnames == ORDER
    about = list(book["About"].iter_rows(min_row=2, values_only=True))
    assert about == [(field, value or None) for field, value in tables.about]
    for table in tables.tables():
        sheet = book[table.name]
        assert [c.value for c in sheet[1]] == [str(c) for c in table.frame.columns]
        assert sheet.max_row == len(table.frame) + 1
    annotations = tables.annotations.frame
    sheet = book["Annotations"]
    column = {c.value: c.column for c in sheet[1]}
    for row, record in enumerate(annotations.itertuples(index=False), start=2):
        assert sheet.cell(row, column["quote"]).value == (record.quote or None)
        assert sheet.cell(row, column["start"]).value == record.start
        created = sheet.cell(row, column["created_utc"])
        assert created.is_date and created.value.tzinfo is None
        assert abs(created.value - record.created_utc.to_pydatetime()) < timedelta(
            milliseconds=1)
    matrix = book["Matrix"]
    assert {c.value for row in matrix.iter_rows(min_row=2, min_col=6) for c in row} == {0, 1}
    with zipfile.ZipFile(path) as archive:
        assert "xl/charts/chart1.xml" in archive.namelist()
