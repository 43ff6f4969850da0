"""REFI-QDA codebook exchange (.qdc): vendor variants in, schema-valid files out, round trips."""

from __future__ import annotations

import dataclasses
import itertools
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from annotator.core.codebook import qdc
from annotator.core.codebook.exchange import apply_spec, export_spec
from annotator.core.codebook.qdc import (
    ORIGIN,
    CodeSet,
    EmptyCodebook,
    InvalidExport,
    read_qdc,
    write_qdc,
)
from annotator.core.codebook.spec import (
    CodebookSpec,
    CodeKind,
    CodeSpec,
    Level,
    Removal,
    VariableType,
    walk,
)
from annotator.core.errors import InputFileError
from annotator.core.project import Project
from annotator.core.refi import code_text
from annotator.core.refi.colours import ColourChange, export_colour, read_colour
from annotator.core.refi.guids import export_guid, normalise_guid

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "tests" / "data" / "qdc"
SCHEMAS = ROOT / "schemas" / "refi-qda"
SHARED = ROOT.parent / "shared" / "refi-qda"
NS = "urn:QDA-XML:codebook:1.0"
FAST = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

CODEBOOK_XSD = etree.XMLSchema(etree.parse(str(SCHEMAS / "Codebook.xsd")))
CATEGORIES = (
    'categories (isCodable="false") read as ordinary codes (every Annotator code can be applied)'
)
SCHEMA_NOTE = "not valid against the REFI-QDA schema Codebook.xsd (read anyway)"


def assert_schema_valid(path: Path) -> etree._Element:
    """Validate with lxml against the vendored XSD, independently of the module's helper."""
    document = etree.parse(str(path))
    assert CODEBOOK_XSD.validate(document), CODEBOOK_XSD.error_log
    return document.getroot()


def tree(codes: tuple[CodeSpec, ...]) -> list[tuple[str, str | None, str | None, str]]:
    """Paths, uuids, colours and descriptions: what every round trip must keep."""
    return [("/".join(p), c.uuid, c.colour, c.description) for p, c in walk(codes)]


# --------------------------------------------------------------------- vendor files


def test_atlasti_code_groups_become_sets() -> None:
    result = read_qdc(DATA / "atlasti-23.qdc")
    assert result.spec.origin == "ATLAS.ti 23.4.0.29360"
    assert result.spec.name == "atlasti-23"
    assert tree(result.spec.codes) == [
        ("Emotion", "0b6f7a8e-3e5b-4c43-8a06-0c5e1e6b2f11", "#ff8000",
         "Posts that express a feeling of the author."),
        ("Emotion/Anger", "1d0c2a9b-5f7e-4b1a-9c3d-2e4f6a8b0c12", "#c00000",
         "Explicit anger: insults, threats, shouting (ALL CAPS)."),
        ("Emotion/Joy", "2e1d3b0c-6a8f-4c2b-8d4e-3f5a7b9c1d13", None, ""),
        ("Mobilisation", "3f2e4c1d-7b9a-4d3c-9e5f-4a6b8c0d2e14", "#0070c0",
         "Calls to act: sign, share, come to a rally."),
        ("Source: state media", "4a3f5d2e-8c0b-4e4d-8f6a-5b7c9d1e3f15", "#7030a0", ""),
    ]
    assert all(c.kind is CodeKind.SPAN for _, c in walk(result.spec.codes))
    assert result.not_codable == frozenset()
    assert result.sets == (
        CodeSet("5b4a6e3f-9d1c-4f5e-9a7b-6c8d0e2f4a16", "Affect", "Code group: every emotion code.",
                ("1d0c2a9b-5f7e-4b1a-9c3d-2e4f6a8b0c12", "2e1d3b0c-6a8f-4c2b-8d4e-3f5a7b9c1d13")),
        CodeSet("6c5b7f4a-0e2d-4a6f-8b8c-7d9e1f3a5b17", "Action", "",
                ("3f2e4c1d-7b9a-4d3c-9e5f-4a6b8c0d2e14",)),
    )
    assert result.notes == (
        "code sets not imported (Annotator has no code groups) (2): 'Affect' (2 codes); "
        "'Action' (1 code)",
    )


def test_atlasti_26_old_namespace_0_4() -> None:
    result = read_qdc(DATA / "atlasti-26-namespace-0-4.qdc")
    assert tree(result.spec.codes) == [
        ("Frames", "8e7d9b6c-2a4f-4c8b-9d0e-9f1a3b5c7d19", None, ""),
        ("Frames/Threat", "9f8e0c7d-3b5a-4d9c-8e1f-0a2b4c6d8e20", "#ff0000",
         "The out-group is presented as a danger."),
        ("Frames/Victimhood", "a09f1d8e-4c6b-4e0d-9f2a-1b3c5d7e9f21", "#ffc000", ""),
        ("Irony", "b1a02e9f-5d7c-4f1e-8a3b-2c4d6e8f0a22", "#00b050", ""),
    ]
    assert result.notes == (
        "namespace 'urn:QDA-XML:codebook:0:4' is not the standard 'urn:QDA-XML:codebook:1.0'; "
        "read as the standard",
    )


def test_nvivo_bom_colon_namespace_braced_lower_case_guids() -> None:
    assert (DATA / "nvivo-12-mac.qdc").read_bytes().startswith(b"\xef\xbb\xbf")
    result = read_qdc(DATA / "nvivo-12-mac.qdc")
    assert tree(result.spec.codes) == [
        ("Themes", "4d2c9a1e-6b3f-4e8a-9c7d-1f2e3a4b5c6d", None, ""),
        ("Themes/Trust in institutions", "5e3dab2f-7c4a-4f9b-8d8e-2a3b4c5d6e7f", "#1e90ff",
         "Any statement about trusting courts, police or parliament."),
        ("Themes/Trust in institutions/Distrust", "6f4ebc3a-8d5b-4a0c-9e9f-3b4c5d6e7f80",
         "#dc143c", ""),
        ("Themes/Conspiracy", "7a5fcd4b-9e6c-4b1d-8f0a-4c5d6e7f8091", None, ""),
        ("Humour", "8b60de5c-af7d-4c2e-9a1b-5d6e7f8091a2", "#ffd700", ""),
    ]
    assert result.notes == (
        "namespace 'urn:QDA-XML:codebook:1:0' is not the standard 'urn:QDA-XML:codebook:1.0'; "
        "read as the standard",
    )


def test_maxqda_crlf_schema_location_and_non_ascii() -> None:
    result = read_qdc(DATA / "maxqda-2022.qdc")
    assert result.spec.origin == "MAXQDA 2022 (Release 22.7.0)"
    assert tree(result.spec.codes) == [
        ("Actors", "c2b13fa0-6e8d-4a2f-9b4c-3d5e7f9a1b23", "#5b9bd5",
         "Who speaks or is spoken about.\nCode the first mention in a post."),
        ("Actors/Government", "d3c240b1-7f9e-4b3a-8c5d-4e6f8a0b2c24", "#ed7d31", ""),
        ("Actors/Opposition", "e4d351c2-8a0f-4c4b-9d6e-5f7a9b1c3d25", "#a5a5a5", ""),
        ("Telegram-specific", "f5e462d3-9b1a-4d5c-8e7f-6a8b0c2d4e26", "#70ad47", ""),
        ("Telegram-specific/Forwarded post", "06f573e4-ac2b-4e6d-9f8a-7b9c1d3e5f27", "#70ad47",
         "The post is a forward (“Forwarded from…”)."),
    ]
    assert result.notes == ()


def test_qualcoder_categories_are_kept_as_not_codable() -> None:
    result = read_qdc(DATA / "qualcoder.qdc")
    assert tree(result.spec.codes) == [
        ("Sentiment", "a1f2e3d4-c5b6-4a79-8810-9a0b1c2d3e4f", None,
         "Category: overall tone of the post"),
        ("Sentiment/Positive", "b2e3f4a5-d6c7-4b80-9921-0b1c2d3e4f50", "#81f781",
         "Praise, hope, gratitude"),
        ("Sentiment/Negative", "c3f4a5b6-e7d8-4c91-8a32-1c2d3e4f5061", "#f78181", ""),
        ("Sentiment/Sarcasm", "d4a5b6c7-f8e9-4da2-9b43-2d3e4f506172", None, ""),
        ("Sentiment/Sarcasm/Obvious sarcasm", "e5b6c7d8-09fa-4eb3-8c54-3e4f50617283",
         "#da81f5", ""),
        ("Off topic", "f6c7d8e9-1a0b-4fc4-9d65-4f5061728394", "#f5da81", ""),
    ]
    assert result.not_codable == {
        "a1f2e3d4-c5b6-4a79-8810-9a0b1c2d3e4f", "d4a5b6c7-f8e9-4da2-9b43-2d3e4f506172"
    }
    assert result.notes == (f"{CATEGORIES} (2): 'Sentiment'; 'Sentiment/Sarcasm'",)


def test_qualcoder_categories_stay_categories_on_export(tmp_path: Path) -> None:
    result = read_qdc(DATA / "qualcoder.qdc")
    written = write_qdc(result.spec, tmp_path / "out.qdc", not_codable=result.not_codable)
    root = assert_schema_valid(written.path)
    codable = {c.get("name"): c.get("isCodable") for c in root.iter(f"{{{NS}}}Code")}
    assert codable == {
        "Sentiment": "false", "Positive": "true", "Negative": "true", "Sarcasm": "false",
        "Obvious sarcasm": "true", "Off topic": "true",
    }
    assert read_qdc(written.path).not_codable == result.not_codable


def test_taguette_slash_names_and_empty_sets() -> None:
    result = read_qdc(DATA / "taguette.qdc")
    assert [c.name for c in result.spec.codes] == [
        "interesting", "people\u2215politicians", "people\u2215journalists"
    ]
    assert result.sets == ()
    assert result.notes == (
        "'/' in code names replaced by '\u2215' (Annotator's path separator) (2): "
        "'people\u2215politicians'; 'people\u2215journalists'",
        f"{SCHEMA_NOTE} (1): line 10: Element 'Sets': Missing child element(s). "
        "Expected is ( Set ).",
    )


def test_no_namespace_hand_made_names() -> None:
    result = read_qdc(DATA / "no-namespace.qdc")
    assert result.spec.origin is None
    assert tree(result.spec.codes) == [
        ("Propaganda", "3d9a7f80-5c4e-4d6f-9a0b-2c3d4e5f6071", "#123456",
         "  Keeps its blanks.  "),
        ("Propaganda/Whataboutism", "4ea08091-6d5f-4e70-8b1c-3d4e5f607182", None, ""),
        ("Propaganda/Whataboutism (2)", "5fb19102-7e60-4f81-9c2d-4e5f60718293", None, ""),
        ("Unnamed code", "60c2a213-8f71-4092-8d3e-5f60718293a4", None, ""),
    ]
    assert result.not_codable == {"5fb19102-7e60-4f81-9c2d-4e5f60718293"}
    assert result.notes == (
        "the file has no namespace; read as 'urn:QDA-XML:codebook:1.0'",
        "blanks around code names removed (1): 'Propaganda'",
        "codes with the name of an earlier sibling renamed (1): "
        "'Propaganda/Whataboutism' → 'Whataboutism (2)'",
        f"{CATEGORIES} (1): 'Propaganda/Whataboutism (2)'",
        "codes without a name named 'Unnamed code' (1): line 10",
    )


def test_three_digit_colours_are_expanded() -> None:
    result = read_qdc(DATA / "three-digit-colours.qdc")
    assert [c.colour for c in result.spec.codes] == ["#ff0000", "#00aabb", "#777777"]
    assert result.notes == (
        "colours in #RGB form expanded to #RRGGBB (2): 'Red' '#F00' → #ff0000; "
        "'Teal' '#0aB' → #00aabb",
    )


def test_missing_colours_are_none() -> None:
    result = read_qdc(DATA / "missing-colours.qdc")
    assert [c.colour for c in result.spec.codes] == [None, None, "#336699"]
    assert result.notes == (
        f"{SCHEMA_NOTE} (1): line 5: Element 'Code', attribute 'color': [facet 'pattern'] "
        "The value '' is not accepted.",
    )


def test_vendor_colour_forms() -> None:
    result = read_qdc(DATA / "vendor-colours.qdc")
    assert [c.colour for c in result.spec.codes] == ["#ff0000", "#0080ff", "#00ff7f", None]
    assert result.notes[:3] == (
        "colours with transparency: transparency dropped (1): 'Alpha' '#FF000080' → #ff0000",
        "colours converted to #RRGGBB (2): 'Function' 'rgb(0, 128, 255)' → #0080ff; "
        "'Bare' '00FF7F' → #00ff7f",
        "colours not understood and dropped (1): 'Named' 'red' → dropped",
    )
    assert result.notes[3].startswith(f"{SCHEMA_NOTE} (3): line 5: ")


def test_non_guid_and_repeated_ids_get_new_guids() -> None:
    result = read_qdc(DATA / "non-guid-ids.qdc")
    calm, relieved, tense, angry, bored = (c for _, c in walk(result.spec.codes))
    assert (calm.name, relieved.name, tense.name, angry.name, bored.name) == (
        "Calm", "Relieved", "Tense", "Angry", "Bored"
    )
    assert tense.uuid == "1b7d5dce-3a2c-4b4d-98f9-0a1b2c3d4e5f"
    minted = [calm.uuid, relieved.uuid, angry.uuid, bored.uuid]
    for uuid in minted:
        assert uuid is not None and normalise_guid(uuid) == uuid
    assert len({*minted, tense.uuid}) == 5
    (low,) = result.sets
    assert low.name == "Low arousal" and low.members == (calm.uuid, relieved.uuid)
    assert result.notes[:5] == (
        f"codes whose id is not a GUID were given a new one (3): 'Calm' (id 'c001') → "
        f"{calm.uuid}; 'Calm/Relieved' (id 'c002') → {relieved.uuid}; 'Bored' (no id) → "
        f"{bored.uuid}",
        f"codes that repeat an earlier code's GUID were given a new one (1): 'Angry' "
        f"1b7d5dce-3a2c-4b4d-98f9-0a1b2c3d4e5f → {angry.uuid}",
        f"sets whose id is not a GUID, or repeats one, were given a new one (1): "
        f"'Low arousal' ('s1') → {low.uuid}",
        "set members that name no code were dropped (1): 'Low arousal': 'c999'",
        "code sets not imported (Annotator has no code groups) (1): 'Low arousal' (2 codes)",
    )
    schema_note = result.notes[5]
    assert schema_note.startswith(f"{SCHEMA_NOTE} (7): line 4: Element 'Code', attribute "
                                  "'guid': [facet 'pattern'] The value 'c001' is not accepted.")
    assert "line 9: Element 'Code': The attribute 'guid' is required but missing." in schema_note
    assert len(result.notes) == 6


def test_project_file_codebook_is_read() -> None:
    result = read_qdc(DATA / "project-root.qdc")
    assert tree(result.spec.codes) == [
        ("Emotion", "83a6e58c-21c4-4cc6-9fcc-ec04e9def1ca", None, ""),
        ("Emotion/Joy", "b494e876-12b8-48b2-ba7c-b68061289016", "#2e7d32", ""),
        ("Emotion/Anger", "d20eae1f-b37d-429c-b34c-0b3947ae9608", "#c62828",
         "Explicit expressions of anger, incl. emoji"),
    ]
    assert result.sets == (CodeSet("509445a9-f76e-4602-97fc-c75e31a8eaba", "Affect codes", "",
                                   ("d20eae1f-b37d-429c-b34c-0b3947ae9608",)),)
    assert result.notes == (
        "this is a REFI-QDA project file (root <Project>): only its codebook was read",
        "parts of the file ignored (3): <Users>; <Notes>; <Set> 'Sample A' (not a set of codes)",
        f"{CATEGORIES} (1): 'Emotion'",
        "elements of codes ignored (no place for them in Annotator's codebook) (1): "
        "<NoteRef> in 'Emotion/Anger'",
        "code sets not imported (Annotator has no code groups) (1): 'Affect codes' (1 code)",
    )


def test_readme_example_reads_without_notes_beyond_sets_and_categories(tmp_path: Path) -> None:
    text = (DATA / "project-root.qdc").read_text(encoding="utf-8")
    codebook = text[text.index("<CodeBook>"):text.index("</CodeBook>") + len("</CodeBook>")]
    path = tmp_path / "readme.qdc"
    path.write_text(codebook.replace("<CodeBook>", f'<CodeBook xmlns="{NS}">')
                    .replace('<NoteRef targetGUID="BD0D10D6-2B3B-46A9-ADC9-31B738EB439F"/>', ""),
                    encoding="utf-8")
    assert read_qdc(path).notes == (f"{CATEGORIES} (1): 'Emotion'",)


VENDOR_FILES = sorted(
    p.name for p in DATA.glob("*.qdc")
    if p.name not in {"broken.qdc", "wrong-root.qdc", "no-codes.qdc"}
)


@pytest.mark.parametrize("name", VENDOR_FILES)
def test_third_party_file_read_and_written_again_keeps_everything(
    name: str, tmp_path: Path
) -> None:
    first = read_qdc(DATA / name)
    written = write_qdc(first.spec, tmp_path / name, not_codable=first.not_codable,
                        sets=first.sets)
    assert written.notes == ()
    assert written.spec == first.spec
    root = assert_schema_valid(written.path)
    for code in root.iter(f"{{{NS}}}Code"):
        guid = code.get("guid", "")
        assert guid == guid.upper() and not guid.startswith("{")
        assert re.fullmatch(r"#[0-9A-F]{6}", code.get("color", "#000000"))
    again = read_qdc(written.path)
    assert again.spec.codes == first.spec.codes
    assert again.not_codable == first.not_codable
    assert again.sets == first.sets
    assert again.spec.name == first.spec.name
    kept = (CATEGORIES, "code sets not imported")  # what only the project drops
    assert again.notes == tuple(n for n in first.notes if n.startswith(kept))


# --------------------------------------------------------------------- errors


def test_broken_xml_names_the_line() -> None:
    with pytest.raises(InputFileError) as caught:
        read_qdc(DATA / "broken.qdc")
    assert caught.value.line == 6
    assert "not well-formed XML (Opening and ending tag mismatch" in caught.value.reason
    assert str(caught.value).startswith(f"{DATA / 'broken.qdc'}:6: ")


def test_wrong_root_names_the_line() -> None:
    with pytest.raises(InputFileError) as caught:
        read_qdc(DATA / "wrong-root.qdc")
    assert caught.value.line == 3
    assert caught.value.reason == (
        "the root element is <codebook>, not <CodeBook>; expected a REFI-QDA codebook (.qdc)"
    )


def test_codebook_without_codes_element() -> None:
    with pytest.raises(InputFileError) as caught:
        read_qdc(DATA / "no-codes.qdc")
    assert (caught.value.line, caught.value.reason) == (
        2, "the codebook has no <Codes> element"
    )


def test_project_without_codebook(tmp_path: Path) -> None:
    path = tmp_path / "p.qdc"
    path.write_text('<?xml version="1.0"?>\n\n<Project xmlns="urn:QDA-XML:project:1.0" '
                    'name="x"/>\n', encoding="utf-8")
    with pytest.raises(InputFileError) as caught:
        read_qdc(path)
    assert (caught.value.line, caught.value.reason) == (
        3, "this REFI-QDA project file holds no codebook"
    )


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "the file is empty"),
        (b"Calm\nTense\n", "not well-formed XML (Start tag expected, '<' not found"),
    ],
)
def test_not_a_codebook(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "x.qdc"
    path.write_bytes(content)
    with pytest.raises(InputFileError) as caught:
        read_qdc(path)
    assert caught.value.reason.startswith(reason)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="no such file"):
        read_qdc(tmp_path / "absent.qdc")


def test_a_qdpx_archive_is_named(tmp_path: Path) -> None:
    path = tmp_path / "project.qdc"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", "<Project/>")
    with pytest.raises(InputFileError, match=r"ZIP archive \(a \.qdpx project\?\)"):
        read_qdc(path)


def test_empty_codes_is_read_with_notes(tmp_path: Path) -> None:
    path = tmp_path / "empty.qdc"
    path.write_text(f'<CodeBook xmlns="{NS}"><Codes/></CodeBook>', encoding="utf-8")
    result = read_qdc(path)
    assert result.spec.codes == ()
    assert result.notes == (
        "the codebook holds no codes",
        f"{SCHEMA_NOTE} (1): line 1: Element 'Codes': Missing child element(s). "
        "Expected is ( Code ).",
    )


def test_external_entities_are_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET", encoding="utf-8")
    path = tmp_path / "xxe.qdc"
    path.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE CodeBook [<!ENTITY x SYSTEM "{secret.as_uri()}">]>\n'
        f'<CodeBook xmlns="{NS}"><Codes><Code guid="{"1" * 8}-1111-1111-1111-{"1" * 12}" '
        'name="A" isCodable="true"><Description>&x;</Description></Code></Codes></CodeBook>',
        encoding="utf-8",
    )
    with pytest.raises(InputFileError) as caught:
        read_qdc(path)
    assert caught.value.line == 3
    assert "Entity 'x' not defined" in caught.value.reason
    assert "SECRET" not in str(caught.value)


def test_internal_entities_are_resolved(tmp_path: Path) -> None:
    path = tmp_path / "entities.qdc"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE CodeBook [<!ENTITY org "REFI">]>\n'
        f'<CodeBook xmlns="{NS}"><Codes><Code guid="{"1" * 8}-1111-1111-1111-{"1" * 12}" '
        'name="A &org;" isCodable="true"><Description>By &org; &amp; co</Description></Code>'
        "</Codes></CodeBook>",
        encoding="utf-8",
    )
    code = read_qdc(path).spec.codes[0]
    assert (code.name, code.description) == ("A REFI", "By REFI & co")


# --------------------------------------------------------------------- writing

FULL = CodebookSpec(
    name="Telegram frames",
    version=4,
    description="Frames in pro-government channels.",
    uuid="0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0",
    codes=(
        CodeSpec(
            name="Emotion",
            uuid="11111111-2222-4333-8444-555555555555",
            description="Feelings the author expresses.",
            inclusion="Explicit words or emoji.\nAlso ALL CAPS.",
            exclusion="Quoted feelings of others.",
            examples=("Shame on you!!", "😡😡😡"),
            colour="#c62828",
            shortcut="e",
            memo="Check agreement after 50 posts.",
            children=(
                CodeSpec(name="Anger", uuid="21111111-2222-4333-8444-555555555555",
                         colour="#ff0000"),
                CodeSpec(name="Joy", description="[Annotator]\nMemo:\n    not a field"),
            ),
        ),
        CodeSpec(
            name="Stance",
            uuid="31111111-2222-4333-8444-555555555555",
            kind=CodeKind.VARIABLE,
            variable_type=VariableType.ORDINAL,
            description="Stance of the post towards the government.",
            levels=(
                Level("against", "41111111-2222-4333-8444-555555555555", "Critical."),
                Level("neutral"),
                Level("for", "51111111-2222-4333-8444-555555555555"),
            ),
        ),
        CodeSpec(name="Forwarded", uuid="71111111-2222-4333-8444-555555555555",
                 kind=CodeKind.VARIABLE, variable_type=VariableType.BOOLEAN, shortcut="f"),
    ),
)


def test_full_annotator_codebook_round_trips_exactly(tmp_path: Path) -> None:
    written = write_qdc(FULL, tmp_path / "frames.qdc")
    assert written.path == tmp_path / "frames.qdc"
    assert_schema_valid(written.path)
    joy = written.spec.codes[0].children[1]
    neutral = written.spec.codes[1].levels[1]
    assert joy.uuid is not None and neutral.uuid is not None
    assert written.spec == dataclasses.replace(FULL, codes=(
        dataclasses.replace(FULL.codes[0], children=(
            FULL.codes[0].children[0], dataclasses.replace(FULL.codes[0].children[1],
                                                           uuid=joy.uuid))),
        dataclasses.replace(FULL.codes[1], levels=(
            FULL.codes[1].levels[0], Level("neutral", neutral.uuid), FULL.codes[1].levels[2])),
        FULL.codes[2],
    ))
    assert written.notes == (
        "codes without a uuid were given a new one (2): 'Emotion/Joy'; 'Stance': 'neutral'",
        "post variables written as codes, their levels as sub-codes (other tools see ordinary "
        "codes) (2): 'Stance'; 'Forwarded'",
        "inclusion/exclusion criteria, examples, memos and shortcuts written as a text block at "
        "the end of code descriptions (only Annotator reads them back) (2): 'Emotion'; "
        "'Forwarded'",
        "the codebook's description is kept for Annotator only (a REFI-QDA codebook has no "
        "place for it)",
    )
    back = read_qdc(written.path)
    assert back.spec == written.spec
    assert back.spec.origin == ORIGIN
    assert back.notes == ()
    assert back.not_codable == frozenset()


def test_written_file_format(tmp_path: Path) -> None:
    written = write_qdc(FULL, tmp_path / "frames.qdc")
    data = written.path.read_bytes()
    lines = data.decode("utf-8").split("\n")
    assert lines[0] == '<?xml version="1.0" encoding="UTF-8"?>'
    assert lines[1].startswith("<?annotator-codebook {")
    assert lines[2] == f'<CodeBook xmlns="{NS}" origin="{ORIGIN}">'
    assert lines[3] == "  <Codes>"
    assert lines[4] == ('    <Code guid="11111111-2222-4333-8444-555555555555" name="Emotion" '
                        'isCodable="true" color="#C62828">')
    assert data.endswith(b"</CodeBook>\n") and b"\r" not in data
    emotion = data.decode("utf-8").split("<Description>")[1].split("</Description>")[0]
    assert emotion == (
        "Feelings the author expresses.\n\n[Annotator]\nInclusion:\n    Explicit words or "
        "emoji.\n    Also ALL CAPS.\nExclusion:\n    Quoted feelings of others.\nExample:\n"
        "    Shame on you!!\nExample:\n    😡😡😡\nMemo:\n    Check agreement after 50 posts.\n"
        "Shortcut:\n    e"
    )
    root = assert_schema_valid(written.path)
    stance = next(c for c in root.iter(f"{{{NS}}}Code") if c.get("name") == "Stance")
    assert stance.get("isCodable") == "false"
    assert [c.get("name") for c in stance.findall(f"{{{NS}}}Code")] == [
        "against", "neutral", "for"
    ]
    assert stance.findall(f"{{{NS}}}Code")[0].findtext(f"{{{NS}}}Description") == (
        "Critical.\n\n[Annotator]\nLevel of:\n    Stance"
    )
    assert not list(tmp_path.glob("*.part"))


def test_annotator_fields_are_only_decoded_for_annotator_files(tmp_path: Path) -> None:
    written = write_qdc(FULL, tmp_path / "frames.qdc", origin="Other tool 1.0")
    back = read_qdc(written.path)
    emotion = back.spec.codes[0]
    assert emotion.inclusion == "" and emotion.shortcut is None
    assert emotion.description.startswith("Feelings the author expresses.\n\n[Annotator]\n")
    assert [c.name for c in back.spec.codes[1].children] == ["against", "neutral", "for"]
    assert back.spec.name == "frames"


def test_suffix_is_added_and_existing_file_replaced(tmp_path: Path) -> None:
    target = tmp_path / "codebook.qdc"
    target.write_text("old", encoding="utf-8")
    assert write_qdc(FULL, tmp_path / "codebook").path == target
    assert write_qdc(FULL, tmp_path / "x.QDC").path == tmp_path / "x.QDC"
    assert write_qdc(FULL, tmp_path / "x.xml").path == tmp_path / "x.xml.qdc"
    assert read_qdc(target).spec.name == "Telegram frames"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["codebook.qdc", "x.QDC", "x.xml.qdc"]


def test_writer_refuses_what_cannot_be_a_codebook(tmp_path: Path) -> None:
    with pytest.raises(EmptyCodebook):
        write_qdc(CodebookSpec(name="empty"), tmp_path / "e.qdc")
    twice = CodeSpec("A", uuid="11111111-2222-4333-8444-555555555555")
    with pytest.raises(ValueError, match="used twice"):
        write_qdc(CodebookSpec(codes=(twice, dataclasses.replace(twice, name="B"))),
                  tmp_path / "d.qdc")
    with pytest.raises(ValueError, match="not a uuid"):
        write_qdc(CodebookSpec(codes=(CodeSpec("A", uuid="c001"),)), tmp_path / "n.qdc")
    assert list(tmp_path.iterdir()) == []


def test_writer_notes_what_it_drops(tmp_path: Path) -> None:
    spec = CodebookSpec(
        codes=(
            CodeSpec("Bell\x07", uuid="11111111-2222-4333-8444-555555555555",
                     description="a\x00b", colour="red"),
            CodeSpec("Teal", uuid="21111111-2222-4333-8444-555555555555", colour="#0AB"),
        ),
        removals=(Removal("Old", delete=True),),
    )
    members = ("11111111-2222-4333-8444-555555555555", "41111111-2222-4333-8444-555555555555")
    sets = [CodeSet("31111111-2222-4333-8444-555555555555", "Group", "Two codes", members)]
    written = write_qdc(spec, tmp_path / "x.qdc", sets=sets)
    assert written.notes == (
        "removals are not part of a REFI-QDA codebook and were not written",
        "characters that XML cannot hold were removed (2): 'Bell' (name); 'Bell' (description)",
        "colours that are not #RRGGBB were not written (1): 'Bell' 'red'",
        "set members that name no code of the codebook were not written (1): "
        "'Group': '41111111-2222-4333-8444-555555555555'",
    )
    back = read_qdc(written.path)
    assert [(c.name, c.description, c.colour) for c in back.spec.codes] == [
        ("Bell", "ab", None), ("Teal", "", "#00aabb")
    ]
    assert back.sets == (CodeSet("31111111-2222-4333-8444-555555555555", "Group", "Two codes",
                                 ("11111111-2222-4333-8444-555555555555",)),)


def test_invalid_export_is_a_bug_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(qdc, "schema_problems", lambda *args: [(3, "broken on purpose")])
    with pytest.raises(InvalidExport, match="broken on purpose"):
        write_qdc(FULL, tmp_path / "x.qdc")
    assert list(tmp_path.iterdir()) == []


def test_unreadable_annotator_fields_stay_text(tmp_path: Path) -> None:
    guid = "11111111-2222-4333-8444-555555555555"
    path = tmp_path / "hand-edited.qdc"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<?annotator-codebook {"name": 3}?>\n'
        f'<CodeBook xmlns="{NS}" origin="Annotator 0.0.9"><Codes>\n'
        f'<Code guid="{guid}" name="A" isCodable="true">'
        "<Description>Text\n\n[Annotator]\nColour:\n    red</Description></Code>\n"
        f'<Code guid="{guid[:-1]}6" name="B" isCodable="true">'
        "<Description>[Annotator]\nLevel of:\n    Nothing</Description></Code>\n"
        f'<Code guid="{guid[:-1]}7" name="C" isCodable="true">'
        "<Description>Edited\n\n[Annotator]\nMemo:\n    line 1\n\n    line 3\n"
        "Shortcut:\n    c\n</Description></Code>\n"
        "</Codes></CodeBook>\n",
        encoding="utf-8",
    )
    result = read_qdc(path)
    a, b, c = result.spec.codes
    assert a.description == "Text\n\n[Annotator]\nColour:\n    red"
    assert (b.description, b.levels) == ("", ())
    assert (c.description, c.memo, c.shortcut) == ("Edited", "line 1\n\nline 3", "c\n")
    assert result.spec.name == "hand-edited"
    assert result.notes == (
        "Annotator fields that could not be read, kept as description text (1): 'A'",
        "levels outside a code read as codes (1): 'B'",
        "Annotator's codebook details (name, version, description) could not be read",
    )


# --------------------------------------------------------------------- through a project


@pytest.mark.parametrize("name", VENDOR_FILES)
def test_qdc_to_project_to_qdc_keeps_names_hierarchy_colours_descriptions_guids(
    name: str, project: Project, tmp_path: Path
) -> None:
    first = read_qdc(DATA / name)
    apply_spec(project.sessions, first.spec, lambda: "tester")
    exported = export_spec(project.sessions)
    written = write_qdc(exported, tmp_path / "out.qdc", not_codable=first.not_codable,
                        sets=first.sets)
    assert written.notes == ()
    assert_schema_valid(written.path)
    again = read_qdc(written.path)
    assert tree(again.spec.codes) == tree(first.spec.codes)
    assert again.spec.codes == first.spec.codes
    assert (again.not_codable, again.sets) == (first.not_codable, first.sets)


def test_annotator_codebook_through_a_project_is_unchanged(
    project: Project, tmp_path: Path
) -> None:
    first = read_qdc(write_qdc(FULL, tmp_path / "in.qdc").path)
    apply_spec(project.sessions, first.spec, lambda: "tester")
    again = read_qdc(write_qdc(export_spec(project.sessions), tmp_path / "out.qdc").path)
    assert again.spec.codes == first.spec.codes
    assert (again.spec.name, again.spec.description) == (FULL.name, FULL.description)


def test_many_notes_of_one_kind_are_one_line(tmp_path: Path) -> None:
    codes = "".join(
        f'<Code guid="{n:08X}-0000-4000-8000-{n:012X}" name="C{n}" isCodable="true" '
        'color="#abc"/>'
        for n in range(1, 13)
    )
    path = tmp_path / "many.qdc"
    path.write_text(f'<CodeBook xmlns="{NS}"><Codes>{codes}</Codes></CodeBook>', encoding="utf-8")
    (note,) = read_qdc(path).notes
    assert note.startswith("colours in #RGB form expanded to #RRGGBB (12): 'C1' '#abc' → #aabbcc; ")
    assert note.endswith("; 'C10' '#abc' → #aabbcc; and 2 more")


# --------------------------------------------------------------------- helpers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{4D2C9A1E-6B3F-4E8A-9C7D-1F2E3A4B5C6D}", "4d2c9a1e-6b3f-4e8a-9c7d-1f2e3a4b5c6d"),
        (" 4d2c9a1e-6b3f-4e8a-9c7d-1f2e3a4b5c6d ", "4d2c9a1e-6b3f-4e8a-9c7d-1f2e3a4b5c6d"),
        ("4D2C9A1E6B3F4E8A9C7D1F2E3A4B5C6D", "4d2c9a1e-6b3f-4e8a-9c7d-1f2e3a4b5c6d"),
        ("34653336-3766-3135-3162-323330393338", "34653336-3766-3135-3162-323330393338"),
        ("c001", None), ("", None), (None, None), ("{4d2c9a1e-6b3f-4e8a-9c7d-1f2e3a4b5c6d", None),
    ],
)
def test_guid_normalisation(text: str | None, expected: str | None) -> None:
    assert normalise_guid(text) == expected


def test_guid_export_form() -> None:
    assert export_guid("{4d2c9a1e-6b3f-4e8a-9c7d-1f2e3a4b5c6d}") == (
        "4D2C9A1E-6B3F-4E8A-9C7D-1F2E3A4B5C6D"
    )
    with pytest.raises(ValueError, match="not a uuid"):
        export_guid("c001")


@pytest.mark.parametrize(
    ("text", "value", "change"),
    [
        ("#2E7D32", "#2e7d32", None), (" #abc ", "#aabbcc", ColourChange.EXPANDED),
        ("#2E7D3280", "#2e7d32", ColourChange.ALPHA_DROPPED),
        ("rgba(1, 2, 3, 0.5)", "#010203", ColourChange.ALPHA_DROPPED),
        ("RGB(255,255,255)", "#ffffff", ColourChange.CONVERTED),
        ("2e7d32", "#2e7d32", ColourChange.CONVERTED), (None, None, None), ("  ", None, None),
        ("rgb(256, 0, 0)", None, ColourChange.UNREADABLE),
        ("#12345", None, ColourChange.UNREADABLE),
    ],
)
def test_colour_reading(text: str | None, value: str | None, change: ColourChange | None) -> None:
    reading = read_colour(text)
    assert (reading.value, reading.change) == (value, change)


def test_colour_export_form() -> None:
    assert export_colour("#2e7d32") == "#2E7D32"
    assert export_colour("#abc") == "#AABBCC"
    assert export_colour("#2e7d3280") is None


def test_schema_copies_are_the_shared_ones_with_licence() -> None:
    copy = etree.parse(str(SCHEMAS / "Codebook.xsd"))
    assert "MIT license" in (SCHEMAS / "Codebook.xsd").read_text(encoding="utf-8")
    assert "MIT license" in (SCHEMAS / "Project.xsd").read_text(encoding="utf-8")
    etree.XMLSchema(etree.parse(str(SCHEMAS / "Project.xsd")))
    if not SHARED.is_dir():
        pytest.skip("the originals in ../shared/refi-qda are only in the development workspace; "
                    "the bundled copies were parsed and checked above")
    shared = etree.parse(str(SHARED / "Codebook.xsd"))
    assert etree.tostring(copy.getroot(), method="c14n") == etree.tostring(
        shared.getroot(), method="c14n"
    )
    assert (SCHEMAS / "Project.xsd").read_bytes() == (SHARED / "Project.xsd").read_bytes()


# --------------------------------------------------------------------- properties

ILLEGAL = "".join(chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
xml_chars = st.characters(exclude_categories=("Cs",), exclude_characters=ILLEGAL + "\ufffe\uffff")
plain = st.text(xml_chars, max_size=12)
TRICKY = ["[Annotator]", "", "Memo:", "    indented", "Level of:", "Example:", " ", "\r"]
rich = st.lists(st.one_of(plain, st.sampled_from(TRICKY)), max_size=4).map("\n".join)
names = st.text(xml_chars, min_size=1, max_size=10).map(
    lambda s: s.replace("/", "|").strip()
).filter(bool)
colours = st.one_of(st.none(), st.from_regex(r"#[0-9a-f]{6}", fullmatch=True))
counter = itertools.count(1)


def fresh_uuid() -> str:
    n = next(counter)
    return f"{n:08x}-0000-4000-8000-{n:012x}"


@st.composite
def code_specs(draw: st.DrawFn, depth: int = 0) -> CodeSpec:
    variable = draw(st.booleans())
    levels = tuple(
        Level(name, fresh_uuid() if draw(st.booleans()) else None, draw(rich))
        for name in draw(st.lists(st.text(xml_chars, max_size=6), max_size=3))
    ) if variable else ()
    child_names = draw(st.lists(names, unique=True, max_size=3 if depth < 2 else 0))
    return CodeSpec(
        name="",
        uuid=fresh_uuid() if draw(st.booleans()) else None,
        kind=CodeKind.VARIABLE if variable else draw(st.sampled_from(CodeKind)),
        description=draw(rich),
        inclusion=draw(rich),
        exclusion=draw(rich),
        examples=tuple(draw(st.lists(rich, max_size=2))),
        colour=draw(colours),
        shortcut=draw(st.one_of(st.none(), plain)),
        memo=draw(rich),
        variable_type=draw(st.one_of(st.none(), st.sampled_from(VariableType))),
        levels=levels,
        children=tuple(
            dataclasses.replace(draw(code_specs(depth + 1)), name=name) for name in child_names
        ),
    )


@st.composite
def codebooks(draw: st.DrawFn) -> CodebookSpec:
    top = draw(st.lists(names, unique=True, min_size=1, max_size=4))
    return CodebookSpec(
        name=draw(plain),
        version=draw(st.one_of(st.none(), st.integers(min_value=0))),
        description=draw(rich),
        codes=tuple(dataclasses.replace(draw(code_specs()), name=name) for name in top),
        uuid=draw(st.one_of(st.none(), st.builds(fresh_uuid))),
    )


@FAST
@given(spec=codebooks())
def test_annotator_round_trip_is_exact(
    tmp_path_factory: pytest.TempPathFactory, spec: CodebookSpec
) -> None:
    candidates = [c.uuid for _, c in walk(spec.codes) if c.uuid and not c.levels]
    not_codable = frozenset(u for u in candidates if int(u[:8], 16) % 3 == 0)
    path = tmp_path_factory.mktemp("round") / "book.qdc"
    written = write_qdc(spec, path, not_codable=not_codable)
    assert_schema_valid(written.path)
    for (_, before), (_, after) in zip(walk(spec.codes), walk(written.spec.codes), strict=True):
        assert after.uuid is not None and after.uuid == (before.uuid or after.uuid)
        assert dataclasses.replace(after, uuid=before.uuid, levels=before.levels,
                                   children=before.children) == before
    back = read_qdc(written.path)
    assert back.spec == written.spec
    assert back.not_codable == not_codable


NAMESPACES = [NS, "urn:QDA-XML:codebook:1:0", "urn:QDA-XML:codebook:0:4", None]


@st.composite
def vendor_files(draw: st.DrawFn) -> tuple[bytes, list[tuple[str, str, str | None, str]], set[str]]:
    """A third-party .qdc as bytes, the tree it holds and its categories (lower-case uuids)."""
    namespace = draw(st.sampled_from(NAMESPACES))
    tag = (lambda local: f"{{{namespace}}}{local}") if namespace else (lambda local: local)
    root = etree.Element(tag("CodeBook"), nsmap={None: namespace} if namespace else None)
    root.set("origin", draw(st.sampled_from(["ATLAS.ti 23", "MAXQDA 24", "NVivo 14", "QualCoder"])))
    codes_el = etree.SubElement(root, tag("Codes"))
    expected: list[tuple[str, str, str | None, str]] = []
    categories: set[str] = set()

    def add(parent: etree._Element, prefix: str, depth: int) -> None:
        for name in draw(st.lists(names, unique=True, min_size=0 if depth else 1,
                                  max_size=3 if depth < 3 else 0)):
            uuid = fresh_uuid()
            guid = draw(st.sampled_from([uuid.upper(), uuid, "{" + uuid + "}",
                                         "{" + uuid.upper() + "}"]))
            el = etree.SubElement(parent, tag("Code"), guid=guid, name=name)
            codable = draw(st.booleans())
            el.set("isCodable", draw(st.sampled_from(["true", "1"] if codable else ["false", "0"])))
            if not codable:
                categories.add(uuid)
            digits = draw(st.one_of(st.none(), st.from_regex(r"[0-9a-fA-F]{3}", fullmatch=True),
                                    st.from_regex(r"[0-9a-fA-F]{6}", fullmatch=True)))
            colour = None
            if digits is not None:
                el.set("color", "#" + digits)
                full = digits if len(digits) == 6 else "".join(d * 2 for d in digits)
                colour = "#" + full.lower()
            description = draw(rich)
            if description or draw(st.booleans()):
                etree.SubElement(el, tag("Description")).text = description
            path = f"{prefix}/{name}" if prefix else name
            expected.append((path, uuid, colour, description))
            add(el, path, depth + 1)

    add(codes_el, "", 0)
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return data, expected, categories


@FAST
@given(made=vendor_files())
def test_third_party_trees_survive_read_and_write(
    tmp_path_factory: pytest.TempPathFactory,
    made: tuple[bytes, list[tuple[str, str, str | None, str]], set[str]],
) -> None:
    data, expected, categories = made
    folder = tmp_path_factory.mktemp("vendor")
    (folder / "in.qdc").write_bytes(data)
    first = read_qdc(folder / "in.qdc")
    assert tree(first.spec.codes) == expected
    assert first.not_codable == categories
    written = write_qdc(first.spec, folder / "out.qdc", not_codable=first.not_codable)
    assert written.notes == ()
    assert_schema_valid(written.path)
    again = read_qdc(written.path)
    assert tree(again.spec.codes) == expected
    assert again.spec.codes == first.spec.codes
    assert again.not_codable == categories


@FAST
@given(rich, st.builds(
    code_text.CodeFields,
    inclusion=rich, exclusion=rich, examples=st.lists(rich, max_size=3).map(tuple), memo=rich,
    shortcut=st.one_of(st.none(), plain), kind=st.sampled_from(CodeKind),
    variable_type=st.one_of(st.none(), st.sampled_from(VariableType)),
    level_of=st.one_of(st.none(), plain),
))
def test_description_block_round_trips(description: str, fields: code_text.CodeFields) -> None:
    text = code_text.compose(description, fields)
    if fields == code_text.CodeFields() and code_text.MARKER not in description.split("\n"):
        assert text == description
    else:
        assert code_text.decompose(text) == (description, fields)
