"""REFI-QDA project export (.qdpx): schema-valid, semantically sound, stable, filtered."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from annotator.core.export.options import ExportOptions
from annotator.core.progress import Cancelled, CancelToken
from annotator.core.project import Project
from annotator.core.refi.qdpx_checks import document_problems
from annotator.core.refi.qdpx_export import write_qdpx
from annotator.core.spans import Span
from tests.core.agreement.coding import code_demo
from tests.core.export.small import make_small

ROOT = Path(__file__).resolve().parents[3]
PROJECT_XSD = etree.XMLSchema(etree.parse(str(ROOT / "schemas" / "refi-qda" / "Project.xsd")))
NS = "urn:QDA-XML:project:1.0"
Q = f"{{{NS}}}"
GUID = re.compile(r"[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}")


def export(project: Project, path: Path, options: ExportOptions | None = None) -> list[str]:
    return write_qdpx(project, path, options or ExportOptions())


def opened(path: Path) -> tuple[etree._Element, dict[str, bytes]]:
    """The validated project.qde root and the source files (name -> bytes) of an archive."""
    with zipfile.ZipFile(path) as archive:
        document = archive.read("project.qde")
        files = {name.removeprefix("sources/"): archive.read(name)
                 for name in archive.namelist() if name != "project.qde"}
    assert document.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n')
    tree = etree.fromstring(document)
    assert PROJECT_XSD.validate(tree), PROJECT_XSD.error_log
    assert document_problems(tree, files.get) == []
    return tree, files


@pytest.fixture
def coded(demo_project: Project) -> Project:
    code_demo(demo_project)
    first = demo_project.annotations.all()[0]
    demo_project.annotations.update(first.id, memo="Sarcasm? 😠\nCheck the thread.")
    return demo_project


def test_demo_export_is_schema_valid_and_semantically_sound(coded: Project, tmp_path: Path) -> None:
    path = tmp_path / "demo.qdpx"
    export(coded, path)
    root, files = opened(path)
    assert root.get("origin", "").startswith("Annotator ")
    assert root.get("name") == "demo"
    guids = [el.get("guid") for el in root.iter() if el.get("guid") is not None]
    assert all(GUID.fullmatch(str(g)) for g in guids)
    assert len(guids) == len(set(guids))
    users = {u.get("guid"): u.get("name") for u in root.iter(f"{Q}User")}
    assert sorted(users.values()) == ["Ann", "Ben", "Cy"]
    assert {g.lower() for g in users} == {c.uuid for c in coded.coders.list()}


def test_archive_holds_the_document_and_one_exact_text_per_post(
    coded: Project, tmp_path: Path
) -> None:
    path = tmp_path / "demo.qdpx"
    export(coded, path)
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
    posts = list(coded.posts.iter_posts())
    assert names == ["project.qde", *(f"sources/{p.uuid.upper()}.txt" for p in posts)]
    root, files = opened(path)
    for post, source in zip(posts, root.iter(f"{Q}TextSource"), strict=True):
        assert source.get("guid") == post.uuid.upper()
        assert source.get("plainTextPath") == f"internal://{post.uuid.upper()}.txt"
        assert "creatingUser" not in source.attrib
        data = files[f"{post.uuid.upper()}.txt"]
        assert data == post.text.encode("utf-8")
        assert not data.startswith(b"\xef\xbb\xbf") and b"\r" not in data
    assert len({s.get("name") for s in root.iter(f"{Q}TextSource")}) == len(posts)


def test_one_selection_per_annotation_with_coder_quote_and_memo(
    coded: Project, tmp_path: Path
) -> None:
    path = tmp_path / "demo.qdpx"
    export(coded, path)
    root, files = opened(path)
    coders = {c.id: c.uuid.upper() for c in coded.coders.list()}
    codes = {c.id: c.uuid.upper() for c in coded.codes.list()}
    selections = {s.get("guid"): s for s in root.iter(f"{Q}PlainTextSelection")}
    annotations = coded.annotations.all()
    assert len(selections) == len(annotations)
    for annotation in annotations:
        selection = selections[annotation.uuid.upper()]
        text = files[f"{coded.posts.get(annotation.post_id).uuid.upper()}.txt"].decode()
        start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
        assert (start, end) == (annotation.span.start, annotation.span.end)
        assert text[start:end] == selection.get("name") == annotation.quote
        assert selection.get("creatingUser") == coders[annotation.coder_id]
        [coding] = selection.findall(f"{Q}Coding")
        assert coding.get("creatingUser") == coders[annotation.coder_id]
        assert coding.find(f"{Q}CodeRef").get("targetGUID") == codes[annotation.code_id]
        description = selection.find(f"{Q}Description")
        assert (description.text if description is not None else "") == annotation.memo


def test_same_project_gives_the_same_document_apart_from_the_export_time(
    coded: Project, tmp_path: Path
) -> None:
    documents = []
    for name in ("one.qdpx", "two.qdpx"):
        export(coded, tmp_path / name)
        with zipfile.ZipFile(tmp_path / name) as archive:
            documents.append(archive.read("project.qde").decode())
    stamp = re.compile(r'(<Project [^>]*creationDateTime=")[^"]+"')
    assert len(stamp.findall(documents[0])) == 1
    assert stamp.sub(r"\1T", documents[0]) == stamp.sub(r"\1T", documents[1])


def test_small_project_variables_details_and_warnings(tmp_path: Path) -> None:
    small = make_small(tmp_path / "small.annot")
    path = tmp_path / "small.qdpx"
    warnings = export(small.project, path)
    root, _ = opened(path)
    variables = {v.get("guid"): (v.get("name"), v.get("typeOfVariable"))
                 for v in root.iter(f"{Q}Variable")}
    assert list(variables.values()) == [
        ("channel", "Text"), ("external id", "Text"), ("date", "DateTime"), ("author", "Text"),
        ("forwarded from", "Text"),
        ("Tone [Ann]", "Text"), ("Topics [Ann]", "Text"), ("Sarcastic [Ann]", "Boolean"),
        ("Sarcastic [Ben]", "Boolean"), ("Intensity [Ann]", "Text"), ("Score [Ann]", "Float"),
        ("Note [Ann]", "Text"),
    ]
    first = next(root.iter(f"{Q}TextSource"))
    assert first.get("name") == "MID 🇷🇺 10"
    values = [(variables[v.find(f"{Q}VariableRef").get("targetGUID")][0],
               etree.QName(v[1]).localname, v[1].text) for v in first.findall(f"{Q}VariableValue")]
    assert values == [
        ("channel", "TextValue", "MID 🇷🇺"), ("external id", "TextValue", "10"),
        ("date", "DateTimeValue", "2024-06-25T12:00:00Z"), ("author", "TextValue", "MID 🇷🇺"),
        ("forwarded from", "TextValue", "Ministry 🇧🇾"),
        ("Tone [Ann]", "TextValue", "negative"), ("Topics [Ann]", "TextValue", "war; economy"),
        ("Sarcastic [Ann]", "BooleanValue", "true"), ("Sarcastic [Ben]", "BooleanValue", "false"),
        ("Intensity [Ann]", "TextValue", "high"), ("Score [Ann]", "FloatValue", "2.5"),
        ("Note [Ann]", "TextValue", "a note\nover two lines"),
    ]
    codable = {c.get("name"): c.get("isCodable") for c in root.iter(f"{Q}Code")}
    assert codable["Tone"] == "false" and codable["negative"] == "true"
    assert warnings[0].startswith("post variables written as codes, their levels as sub-codes")
    assert warnings[1:] == [
        "the codebook's name, description and version, and the codebook version of each "
        "annotation, are not part of a REFI-QDA project",
        "post-level variable values written as document variables, one per variable and coder "
        "(a REFI-QDA value has no coder)",
        "post metadata fields not exported (REFI-QDA has no place for them) (4): forwarded; "
        "from; from_id; reactions",
        "coders' post statuses (in progress, done) are not part of REFI-QDA",
    ]


def test_options_choose_coders_codes_and_posts(tmp_path: Path) -> None:
    small = make_small(tmp_path / "small.annot")
    path = tmp_path / "part.qdpx"
    export(small.project, path, ExportOptions(coders=(small.ben,), codes=(small.military,),
                                              post_ids=(small.posts[0],)))
    root, files = opened(path)
    assert [u.get("name") for u in root.iter(f"{Q}User")] == ["Ben"]
    assert [c.get("name") for c in root.iter(f"{Q}Code")] == ["Frames", "Threat", "Military"]
    assert [s.get("name") for s in root.iter(f"{Q}TextSource")] == ["MID 🇷🇺 10"]
    assert [s.get("name") for s in root.iter(f"{Q}PlainTextSelection")] == ["Statement"]
    assert len(files) == 1
    assert not [v.get("name") for v in root.iter(f"{Q}Variable") if "[" in str(v.get("name"))]


def test_characters_xml_cannot_hold_stay_in_the_text_file_only(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "ctl.annot")
    text = "Bell \x07 and tab\x0b here: 🇷🇺 end"
    export_file = tmp_path / "result.json"
    export_file.write_text(json.dumps({"name": "C", "type": "public_channel", "id": 7,
                                       "messages": [{"id": 1, "type": "message", "text": text,
                                                     "date": "2024-06-25T12:00:00"}]}),
                           encoding="utf-8")
    project.import_file(export_file, "tg-json")
    post = project.posts.get(project.posts.ids()[0])
    coder = project.coders.create("Ann")[0].id
    code = project.codes.add("Noise")[0].id
    project.annotations.add(post.id, code, coder, Span(0, 12), memo="memo \x01 here")
    path = tmp_path / "ctl.qdpx"
    warnings = export(project, path)
    root, files = opened(path)
    assert files[f"{post.uuid.upper()}.txt"].decode() == post.text
    selection = next(root.iter(f"{Q}PlainTextSelection"))
    assert selection.get("name") == post.text[:12].replace("\x07", "").replace("\x0b", "")
    assert selection.find(f"{Q}Description").text == "memo  here"
    assert "characters that XML cannot hold were left out of the document (2)" in "\n".join(
        warnings)


def test_checks_find_what_the_schema_lets_through() -> None:
    user, code, other = ("DD7F5092-A8EE-4150-8040-58F32215D655",
                         "40CCBF11-14AA-4FBD-99C4-6CA89645C6D9",
                         "83A6E58C-21C4-4CC6-9FCC-EC04E9DEF1CA")
    document = f"""<Project xmlns="{NS}" name="x">
      <Users><User guid="{user}" name="a"/><User guid="{user.lower()}" name=" "/></Users>
      <CodeBook><Codes>
        <Code guid="{code}" name="C" isCodable="true" color="#11223344"/>
        <Code guid="{other}" name="Folder" isCodable="false"/>
      </Codes></CodeBook>
      <Sources>
        <TextSource guid="C202478F-F907-446D-A86B-9E2772C55300" name="s" plainTextPath="a.txt"/>
        <TextSource guid="C202478F-F907-446D-A86B-9E2772C55301" name="s"
                    plainTextPath="internal://b.txt">
          <PlainTextSelection guid="AD252F92-D6FF-41B4-B4D8-94BAFCAEF733" startPosition="-1"
                              endPosition="3"/>
          <PlainTextSelection guid="AD252F92-D6FF-41B4-B4D8-94BAFCAEF734" name="bc"
                              startPosition="0" endPosition="2" creatingUser="{other}">
            <Coding guid="AD252F92-D6FF-41B4-B4D8-94BAFCAEF735">
              <CodeRef targetGUID="{other}"/>
            </Coding>
          </PlainTextSelection>
        </TextSource>
      </Sources>
    </Project>"""
    root = etree.fromstring(document)
    assert PROJECT_XSD.validate(root), PROJECT_XSD.error_log
    problems = document_problems(root, {"b.txt": b"\xef\xbb\xbfabc\r\n"}.get)
    expected = [
        "/Project/Users/User[2]: GUID 'dd7f5092-a8ee-4150-8040-58f32215d655' is not canonical",
        "/Project/Users/User[2]: empty name",
        "colour '#11223344' is not #RRGGBB",
        "source name 's' is used 2 times",
        "plainTextPath 'a.txt' does not start with internal://",
        "internal://b.txt starts with a byte order mark",
        "internal://b.txt has CR line ends",
        "[-1, 3) is not inside the text",
        "PlainTextSelection[2]/@creatingUser: 83A6E58C-21C4-4CC6-9FCC-EC04E9DEF1CA names no User",
        "PlainTextSelection[2]: name is not the selected text",
        "PlainTextSelection[2]/Coding: codes no codable code",
    ]
    for item in expected:
        assert any(item in problem for problem in problems), (item, problems)


def test_cancel_stops_the_export(coded: Project, tmp_path: Path) -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        write_qdpx(coded, tmp_path / "x.qdpx", ExportOptions(), cancel=token)
    assert not (tmp_path / "x.qdpx").exists()


def test_progress_reaches_the_end(coded: Project, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    write_qdpx(coded, tmp_path / "x.qdpx", ExportOptions(), lambda d, t: seen.append((d, t)))
    assert seen[-1][0] == seen[-1][1] > 0
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
