"""REFI-QDA project import (.qdpx): vendor variants, bad input, all or nothing, round trips."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.errors import InputFileError
from annotator.core.progress import Cancelled, CancelToken
from annotator.core.project import Project
from annotator.core.refi.qdpx_export import write_qdpx
from annotator.core.refi.qdpx_import import ProjectNotEmpty, QdpxImportReport, read_qdpx
from annotator.core.refi.qdpx_text import Offsets, Reading, SourceText, decode_source
from annotator.core.spans import Utf16Index
from tests.core.agreement.coding import code_demo
from tests.core.export.small import make_small

DATA = Path(__file__).resolve().parents[2] / "data" / "qdpx"

ATLAS_TEXT = "Sanctions again!\r\nThey will not go unanswered.\r\nShame on you 😠! Really.\r\n"
NVIVO_TEXT = "Line one\r\nWe demand peace.\r\nNo more 🇺🇦 war.\r\n"
QUALCODER_TEXT = "Great news! 🎉 The vote passed.\nSome are not happy 😠 though.\n"
UTF16_TEXT = "🔥🔥 Breaking: 🇷🇺 troops moved. 👍 Stay safe.\n"

VARIANTS: dict[str, dict[str, bytes | str]] = {
    "atlasti": {
        "Trial.qde": "atlasti-23.qde",
        "sources/F0E1D2C3-B4A5-4968-8776-655443322110.txt": ATLAS_TEXT.encode(),
        "sources/E1D2C3B4-A596-4877-8665-544332211009.txt":
            "Café au lait – très cher.".encode("cp1252"),
        "sources/D2C3B4A5-9687-4766-9554-433221100998.jpg": b"\xff\xd8\xff\xe0",
    },
    "nvivo": {
        "project.qde": "nvivo-12.qde",
        "Sources/0c3d4e5f-6071-4c8d-8e9f-1a2b3c4d5e6f.txt": NVIVO_TEXT.encode(),
        "Sources/0c3d4e5f-6071-4c8d-8e9f-1a2b3c4d5e6f.docx": b"PK\x03\x04 not read",
        "Sources/51829304-b5c6-41d2-93e4-6f708192a3b4.docx": b"PK\x03\x04 not read",
    },
    "maxqda": {
        "project.qde": "maxqda-2022.qde",
        "sources/04152637-4859-46A7-A2B3-C4D5E6F70819.txt":
            b"Respondent 1: I trust the courts, not parliament.\n",
        "sources/AEBFC0D1-E2F3-4041-8C5D-6E7F8091A2B4.txt":
            b"Report, page one. Sanctions hurt farmers.\n",
    },
    "qualcoder": {
        "project.qde": "qualcoder.qde",
        "sources/7B63E0FC-D3A2-40CC-98D1-33678039E8DB.txt":
            b"\xef\xbb\xbf" + QUALCODER_TEXT.encode(),
    },
    "utf16": {
        "project.qde": "utf16-offsets.qde",
        "sources/3D4E5F60-7182-4394-B5A6-B7C8D9EAFB0C.txt": UTF16_TEXT.encode(),
    },
    "transana": {"project.qde": "transana.qde"},
    "handmade": {
        "export/project.qde": "handmade.qde",
        "export/sources/board.txt": b"Hello board, we meet at noon.\n",
    },
}

Row = tuple[str, str, str, int, int, str, str]


def build(folder: Path, variant: str, **changes: bytes | str | None) -> Path:
    """Zip a variant; ``changes`` (member names with ``/`` as ``__``) replace or drop members."""
    members = dict(VARIANTS[variant])
    for key, value in changes.items():
        name = key.replace("__", "/")
        if value is None:
            members.pop(name, None)
        else:
            members[name] = value
    path = folder / f"{variant}.qdpx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            data = (DATA / content).read_bytes() if name.endswith(".qde") and isinstance(
                content, str) else content
            archive.writestr(name, data)
    return path


def fresh(folder: Path, name: str = "new") -> Project:
    return Project.create(folder / f"{name}.annot")


def rows(project: Project) -> set[Row]:
    """(post name or text, code path, coder, start, end, quote, memo) of every annotation."""
    coders = {c.id: c.name for c in project.coders.list()}
    codes = {c.id: c.path_text for c in project.codes.list()}
    posts = {p.id: str(p.metadata.get("refi_name", p.text)) for p in project.posts.iter_posts()}
    return {(posts[a.post_id], codes[a.code_id], coders[a.coder_id], a.span.start, a.span.end,
             a.quote, a.memo) for a in project.annotations.all()}


def imported(tmp_path: Path, variant: str) -> tuple[Project, QdpxImportReport]:
    project = fresh(tmp_path)
    return project, read_qdpx(build(tmp_path, variant), project)


def warned(report: QdpxImportReport, start: str) -> str:
    found = [w for w in report.warnings if w.startswith(start)]
    assert len(found) == 1, report.warnings
    return found[0]


# ----------------------------------------------------------------------------- vendors


def test_atlasti_crlf_counted_once_cp1252_pseudo_user(tmp_path: Path) -> None:
    project, report = imported(tmp_path, "atlasti")
    assert (report.sources, report.codes, report.users, report.selections) == (2, 3, 3, 3)
    assert report.lines()[:5] == [
        "imported atlasti.qdpx as REFI-QDA (made by ATLAS.ti 23.2.3.27778 (2023-08-17))",
        "texts: 2", "codes: 3", "coders: 3", "coded segments: 3"]
    assert report.lines()[5:] == [f"warning: {w}" for w in report.warnings]
    assert rows(project) == {
        ("Embassy statement", "Threat", "Anna", 17, 45, "They will not go unanswered.",
         "Retaliation threat."),
        ("Embassy statement", "Emotion/Anger", "Bert", 46, 69, "Shame on you 😠! Really.", ""),
        ("Café review", "Emotion", "Anna", 15, 24, "très cher", ""),
    }
    texts = [p.text for p in project.posts.iter_posts()]
    assert texts == [ATLAS_TEXT.replace("\r\n", "\n"), "Café au lait – très cher."]
    assert [c.name for c in project.coders.list()] == ["ATLAS.ti", "Anna", "Bert"]
    assert [c.colour for c in project.codes.list()] == ["#ff0000", None, "#c00000"]
    assert "CRLF counted as one position (2 of 2 names match)" in warned(
        report, "sources whose offsets were read another way")
    assert warned(report, "selections outside the text, or empty").endswith(
        "/Project/Sources/TextSource[1]/PlainTextSelection[3] [5, 5) in 0..70")
    assert "/Project/Sources/TextSource[2]" in warned(report, "source files that are not UTF-8")
    assert "/Project/Sources/PictureSource 'Poster'" in warned(report, "sources that are not text")
    assert "/Project/Sets" in warned(report, "parts of the project Annotator has no place for")
    post = project.posts.get(project.posts.ids()[0])
    assert post.uuid == "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"
    assert post.channel == "Trial"
    source = project.sources.list()[0]
    assert (source.format, source.file_name, source.n_posts) == ("refi-qda", "atlasti.qdpx", 2)


def test_nvivo_colon_namespace_braces_capital_sources_linked_note(tmp_path: Path) -> None:
    project, report = imported(tmp_path, "nvivo")
    # No selection names: the offsets are taken as written, CRLF counting two positions.
    assert rows(project) == {
        ("Speech", "Demands/Peace", "Chris Doe", 9, 25, "We demand peace.",
         "Check the thread this answers."),
        ("Speech", "Demands", "Chris Doe", 26, 41, "No more 🇺🇦 war.", ""),
    }
    assert project.coders.list()[0].uuid == "5e2a7c10-4b1d-4e2f-9a3b-6c7d8e9f0a1b"
    assert project.posts.get(project.posts.ids()[0]).uuid == (
        "0c3d4e5f-6071-4c8d-8e9f-1a2b3c4d5e6f")
    assert report.warnings == (
        "namespace 'urn:QDA-XML:project:1:0' read as the standard 'urn:QDA-XML:project:1.0'",
        "sources without a plain text (only a rich-text file, or nothing) were not imported "
        "(1): /Project/Sources/TextSource[2] 'Scanned letter'",
    )


def test_maxqda_comment_selection_variables_audio_and_pdf_text(tmp_path: Path) -> None:
    project, report = imported(tmp_path, "maxqda")
    assert rows(project) == {
        ("Respondent 1", "Trust/Courts", "Dana", 14, 32, "I trust the courts", ""),
        ("Report", "Economy", "Dana", 18, 32, "Sanctions hurt", ""),
    }
    respondent = project.posts.get(project.posts.ids()[0])
    assert respondent.metadata["refi_variables"] == {"Age group": "30-39", "Wave": "2"}
    assert warned(report, "selections without a code (comments)").endswith(
        "/Project/Sources/TextSource/PlainTextSelection[2]")
    assert "/Project/Sources/VideoSource 'Interview audio'" in warned(
        report, "sources that are not text")
    assert warned(report, "PDF sources read from their plain-text representation")
    assert warned(report, "selections on PDF pages or pictures were not imported")
    assert warned(report, "cases read as post metadata")


def test_qualcoder_bom_not_counted_two_coders_note_with_span(tmp_path: Path) -> None:
    project, report = imported(tmp_path, "qualcoder")
    note = "Sarcasm? Check thread context."
    assert rows(project) == {
        ("post_0001.txt", "Politics", "alice", 14, 30, "The vote passed.",
         "Key event of the thread."),
        ("post_0001.txt", "Emotion/Anger", "bob", 40, 51, "not happy 😠", note),
        ("post_0001.txt", "Emotion/Anger", "alice", 40, 51, "not happy 😠", note),
    }
    assert project.posts.get(project.posts.ids()[0]).text == QUALCODER_TEXT
    assert warned(report, "byte order marks removed")
    assert "'Emotion'" in warned(report, 'categories (isCodable="false")')
    annotation = project.annotations.all()[0]
    assert annotation.uuid == "ad252f92-d6ff-41b4-b4d8-94bafcaef733"
    assert annotation.created.isoformat() == "2024-05-02T10:15:00+00:00"


def test_utf16_offsets_found_from_selection_names(tmp_path: Path) -> None:
    project, report = imported(tmp_path, "utf16")
    assert rows(project) == {
        ("Alert", "Military", "Eve", 16, 29, "troops moved.", ""),
        ("Alert", "Appeal", "Eve", 32, 42, "Stay safe.", ""),
    }
    assert "UTF-16 code units (1 of 2 names match)" in warned(
        report, "sources whose offsets were read another way")
    assert warned(report, "selections whose name is not the text").endswith(
        "PlainTextSelection[2]")


def test_transana_draft_namespace_inline_text_times_without_zone(tmp_path: Path) -> None:
    project, report = imported(tmp_path, "transana")
    assert rows(project) == {
        ("Interview", "Distrust", "Omar", 12, 36, "قال إنه لا يثق بالمحكمة.", ""),
    }
    assert project.annotations.all()[0].created.isoformat() == "2019-03-02T09:30:00+00:00"
    assert warned(report, "namespace 'urn:QDA-XML:project:0:10'")
    assert warned(report, "times without a time zone read as UTC")


def test_handmade_file_is_repaired_and_every_repair_reported(tmp_path: Path) -> None:
    project, report = imported(tmp_path, "handmade")
    assert rows(project) == {
        ("Minutes", "Greeting", "Finn", 0, 5, "Hello", ""),
        ("Minutes", "Meeting", "Finn", 0, 30, "Hello board, we meet at noon.\n", ""),
        ("Minutes", "Meeting", "Finn", 6, 12, "board,", ""),
        ("Minutes", "Meeting", "Unknown user U9", 13, 20, "we meet", ""),
        ("Minutes", "Meeting", "handmade", 21, 23, "at", ""),
        ("Minutes", "Meeting", "Finn", 24, 30, "noon.\n", ""),
    }
    where = "/Project/Sources/TextSource/PlainTextSelection"
    expected = {
        "selections with start after end": f"{where}[2] [12, 6)",
        "selections reaching past the text were clipped": f"{where}[3] [24, 99) → [24, 30)",
        "selections outside the text, or empty": f"{where}[4] [40, 50) in 0..30",
        "codings of codes the codebook does not hold": f"{where}[5]/Coding (c999)",
        "selections by users the file does not declare": f"{where}[6]/Coding (u9)",
        "selections without a user attributed": f"{where}[7]/Coding",
        "codings repeating another": f"{where}[8]/Coding",
        "selections whose positions are not whole numbers": f"{where}[9]",
        "codings of a whole source": "/Project/Sources/TextSource/Coding",
        "source paths without internal://": "/Project/Sources/TextSource 'board.txt'",
        "parts of the project Annotator has no place for": "/Project/Graphs",
        "codes whose id is not a GUID": "'Greeting' (id 'c001')",
        "not valid against the REFI-QDA schema": "The value 'u1' is not accepted",
    }
    for start, item in expected.items():
        assert item in warned(report, start)
    assert project.posts.get(project.posts.ids()[0]).metadata["refi_guid"] == "s1"


def test_source_file_outside_sources_folder_is_found_by_its_name(tmp_path: Path) -> None:
    name = "7B63E0FC-D3A2-40CC-98D1-33678039E8DB.txt"
    moved = build(tmp_path, "qualcoder", **{f"sources__{name}": None,
                                            f"texts__{name.lower()}": QUALCODER_TEXT.encode()})
    project = fresh(tmp_path)
    report = read_qdpx(moved, project)
    assert report.selections == 3
    assert warned(report, "source files found outside the sources/ folder").endswith(
        f"/Project/Sources/TextSource 'internal://{name}'")


# ----------------------------------------------------------------------------- bad input


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


QDE = (DATA / "qualcoder.qde").read_bytes()


@pytest.mark.parametrize(("members", "message"), [
    (None, "not a ZIP archive"),
    ({"readme.txt": b"x"}, "holds no .qde document"),
    ({"a.qde": QDE, "b.qde": QDE}, "several .qde documents (a.qde, b.qde)"),
    ({"project.qde": b"<Project name='x'><Users>"}, "project.qde: not well-formed XML"),
    ({"project.qde": b"<CodeBook/>"}, "project.qde: the root element is <CodeBook>"),
    ({"project.qde": QDE}, "/Project/Sources/TextSource/@plainTextPath: "
                           "'internal://7B63E0FC-D3A2-40CC-98D1-33678039E8DB.txt' is not in"),
    ({"project.qde": QDE, "../evil.txt": b"x"}, "unsafe archive member name '../evil.txt'"),
])
def test_bad_input_names_file_and_place_and_changes_nothing(
    tmp_path: Path, members: dict[str, bytes] | None, message: str
) -> None:
    path = tmp_path / "bad.qdpx"
    if members is None:
        path.write_text("just text", encoding="utf-8")
    else:
        _zip(path, members)
    project = fresh(tmp_path)
    with pytest.raises(InputFileError) as raised:
        read_qdpx(path, project)
    assert raised.value.path == path
    assert message in str(raised.value)
    info = project.info()
    assert (info.sources, info.posts, info.codes, info.coders, info.annotations) == (0,) * 5


def test_malformed_xml_gives_the_line(tmp_path: Path) -> None:
    path = _zip(tmp_path / "bad.qdpx", {"project.qde": b"<Project name='x'>\n<Users>\n</Code>"})
    with pytest.raises(InputFileError) as raised:
        read_qdpx(path, fresh(tmp_path))
    assert raised.value.line == 3


def test_refuses_a_project_that_is_not_empty(tmp_path: Path) -> None:
    project = fresh(tmp_path)
    project.coders.create("Someone")
    with pytest.raises(ProjectNotEmpty):
        read_qdpx(build(tmp_path, "qualcoder"), project)


class _CancelOnLastCheck(CancelToken):
    """Cancels at the last check of an import: after the codebook is in the transaction."""

    def __init__(self, checks: int) -> None:
        super().__init__()
        self.left = checks

    def check(self) -> None:
        self.left -= 1
        if self.left == 0:
            self.cancel()
        super().check()


def test_cancel_while_storing_rolls_back_codes_and_coders(tmp_path: Path) -> None:
    # One check per source while reading, one per batch of posts and one at the end.
    token = _CancelOnLastCheck(checks=3)
    project = fresh(tmp_path)
    with pytest.raises(Cancelled):
        read_qdpx(build(tmp_path, "qualcoder"), project, cancel=token)
    info = project.info()
    assert (info.sources, info.posts, info.codes, info.coders, info.annotations) == (0,) * 5
    assert project.codes.version() == 1
    assert read_qdpx(build(tmp_path, "qualcoder"), project).selections == 3


# ----------------------------------------------------------------------------- offsets


_TEXT = st.lists(st.sampled_from(["a", "b", " ", "\r\n", "\n", "😠", "🇺🇦", "é"]),
                 max_size=30).map("".join)


@settings(max_examples=200, deadline=None)
@given(_TEXT, st.data(), st.booleans(), st.booleans(), st.booleans())
def test_every_reading_maps_its_own_positions_back(
    raw: str, data: st.DataObject, crlf_once: bool, utf16: bool, bom: bool
) -> None:
    source = decode_source((b"\xef\xbb\xbf" if bom else b"") + raw.encode("utf-8"))
    assert source.raw == raw
    assert source.text == raw.replace("\r\n", "\n")
    stored = data.draw(st.integers(0, len(source.text)))
    reading = Reading(crlf_once=crlf_once, utf16=utf16, bom_counted=bom)
    # Where a tool counting that way puts the stored offset:
    counted = source.text if crlf_once else raw
    index = stored if crlf_once else _raw_index(raw, stored)
    position = Utf16Index(counted).to_qt(index) if utf16 else index
    assert Offsets(source, reading).offset(position + bom) == stored


def _raw_index(raw: str, stored: int) -> int:
    """The raw offset of stored offset ``stored`` (a CRLF pair is one stored character)."""
    seen = 0
    for index, char in enumerate(raw):
        if seen == stored:
            return index
        if not (char == "\r" and raw[index + 1 : index + 2] == "\n"):
            seen += 1
    return len(raw)


def test_text_decoding_fallbacks() -> None:
    assert decode_source("Grüße".encode("utf-16")) == SourceText(
        "Grüße", "Grüße", bom=True, encoding="utf-16")
    assert decode_source(b"caf\xe9 \x81").encoding == "cp1252"
    assert decode_source(b"caf\xe9 \x81").text == "café \x81"


# ----------------------------------------------------------------------------- round trip


def test_round_trip_keeps_texts_codes_spans_coders_and_memos(
    demo_project: Project, tmp_path: Path
) -> None:
    plan = code_demo(demo_project)
    annotations = demo_project.annotations.all()
    memos = {annotations[0].id: "Sarcasm? 😠\r\nSee the thread.",
             annotations[5].id: 'memo with "quotes" & <tags>',
             annotations[-1].id: "\u0627\u0644\u0645\u062d\u0643\u0645\u0629 🇷🇺🇧🇾"}
    for annotation_id, memo in memos.items():
        demo_project.annotations.update(annotation_id, memo=memo)
    path = tmp_path / "round.qdpx"
    write_qdpx(demo_project, path)
    copy = fresh(tmp_path, "copy")
    report = read_qdpx(path, copy)

    def texts(project: Project) -> set[tuple[str, str]]:
        return {(p.uuid, p.text) for p in project.posts.iter_posts()}

    def codes(project: Project) -> set[tuple[object, ...]]:
        return {(c.path, c.uuid, c.colour, c.description, c.kind, c.variable_type, c.levels,
                 c.inclusion, c.exclusion, c.examples, c.memo, c.shortcut)
                for c in project.codes.list()}

    def spans(project: Project) -> set[tuple[object, ...]]:
        coders = {c.id: c.name for c in project.coders.list()}
        paths = {c.id: c.path for c in project.codes.list()}
        posts = {p.id: p.text for p in project.posts.iter_posts()}
        # REFI-QDA times are written to the second, as ATLAS.ti, NVivo and MAXQDA write them.
        return {(a.uuid, posts[a.post_id], paths[a.code_id], coders[a.coder_id], a.span.start,
                 a.span.end, a.quote, a.memo, a.created.replace(microsecond=0),
                 a.updated.replace(microsecond=0))
                for a in project.annotations.all()}

    assert texts(copy) == texts(demo_project)
    assert codes(copy) == codes(demo_project)
    assert spans(copy) == spans(demo_project)
    assert {(c.uuid, c.name) for c in copy.coders.list()} == {
        (c.uuid, c.name) for c in demo_project.coders.list()}
    assert {a.memo for a in copy.annotations.all()} - {""} == set(memos.values())
    assert report.warnings == ()
    assert report.selections == len(annotations) == sum(len(s) for s in plan.spans.values()) + 1
    # Emoji and flags come before coded spans, so code points and UTF-16 units differ there.
    assert any(Utf16Index(text).to_qt(a.span.start) != a.span.start
               for a in copy.annotations.all() for text in [copy.posts.get(a.post_id).text])
    forwarded = {p.forwarded_from for p in copy.posts.iter_posts()}
    assert forwarded == {p.forwarded_from for p in demo_project.posts.iter_posts()}


def test_round_trip_brings_back_post_details_and_keeps_values_as_metadata(
    tmp_path: Path,
) -> None:
    small = make_small(tmp_path / "small.annot")
    path = tmp_path / "small.qdpx"
    write_qdpx(small.project, path)
    copy = fresh(tmp_path, "copy")
    read_qdpx(path, copy)

    def details(project: Project) -> list[tuple[object, ...]]:
        return [(p.uuid, p.text, p.external_id, p.author, p.forwarded_from, p.date)
                for p in project.posts.iter_posts()]

    assert details(copy) == details(small.project)
    assert [(c.path, c.kind, c.variable_type, c.levels) for c in copy.codes.list()] == [
        (c.path, c.kind, c.variable_type, c.levels) for c in small.project.codes.list()]
    first = copy.posts.get(copy.posts.ids()[0])
    assert first.metadata["refi_variables"] == {
        "Tone [Ann]": "negative", "Topics [Ann]": "war; economy", "Sarcastic [Ann]": "true",
        "Sarcastic [Ben]": "false", "Intensity [Ann]": "high", "Score [Ann]": "2.5",
        "Note [Ann]": "a note\nover two lines",
    }
    assert {p.channel for p in copy.posts.iter_posts()} == {"small"}
