"""Codebook files (YAML/JSON): the schema, reading with every problem listed (line, JSON path,
what was expected), normal forms, writing, round trips and the demo codebook.

Fixtures are under ``tests/data/codebooks/``; the demo is ``resources/demo/codebook.yaml``.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from annotator.assets import resource
from annotator.core.codebook.io import (
    CodebookInvalid,
    CodebookProblem,
    codebook_from_dict,
    codebook_problems,
    codebook_schema,
    codebook_to_dict,
    dump_codebook,
    load_codebook,
    render_codebook,
)
from annotator.core.codebook.source_map import format_path, parse_json, parse_yaml
from annotator.core.codebook.spec import (
    CHOICE_TYPES,
    CodebookSpec,
    CodeKind,
    CodeSpec,
    Level,
    Removal,
    VariableType,
    walk,
)
from annotator.core.errors import InputFileError

DATA = Path(__file__).resolve().parents[2] / "data"
CODEBOOKS = DATA / "codebooks"
SAMPLE = DATA / "tg-web-preview-sample.txt"
HEAD = "annotator_codebook: 1\n"
Found = list[tuple[int | None, str, str]]


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def problems_in(folder: Path, text: str, name: str = "book.yaml") -> Found:
    with pytest.raises(CodebookInvalid) as caught:
        load_codebook(write(folder, name, text))
    return [(p.line, p.json_path, p.message) for p in caught.value.problems]


def dict_problems(data: Any) -> list[tuple[str, str]]:
    with pytest.raises(CodebookInvalid) as caught:
        codebook_from_dict(data, "book")
    assert all(p.line is None for p in caught.value.problems)
    return [(p.json_path, p.message) for p in caught.value.problems]


YAML_HINT = (" (YAML reads unquoted yes/no/on/off/true/false as booleans, digits as numbers and "
             "2024-06-25 as a date; put the text in quotes)")

FULL = CodebookSpec(
    name="Framing in diplomatic channels",
    version=3,
    description="Two lines\nof description.\n",
    uuid="6f1c2e4a-0b3d-4e5f-8a9b-0c1d2e3f4a5b",
    codes=(
        CodeSpec("Framing", uuid="0a4d3f4e-1111-4c2b-9d8e-7f6a5b4c3d2e", colour="#4c72b0",
                 children=(
                     CodeSpec("Threat", shortcut="1", colour="#ff0000", description="Danger.",
                              inclusion="Warnings.", exclusion="Mere reports.",
                              examples=("will not go unanswered", "point of no return"),
                              memo="Угроза: see the memo 🇷🇺"),
                     CodeSpec("Irony", shortcut="q"),
                 )),
        CodeSpec("Stance toward the West", kind=CodeKind.VARIABLE, shortcut="?",
                 variable_type=VariableType.ORDINAL,
                 levels=(Level("hostile"),
                         Level("neutral", "9b2c7e10-2222-4d3c-8e9f-0a1b2c3d4e5f", "No evaluation."),
                         Level("positive"))),
        CodeSpec("Call to action", kind=CodeKind.VARIABLE, variable_type=VariableType.BOOLEAN),
        CodeSpec("Group", children=(
            CodeSpec("Topic", kind=CodeKind.VARIABLE, variable_type=VariableType.MULTIPLE,
                     levels=(Level("yes"), Level("no"))),
        )),
    ),
    removals=(
        Removal("Rhetoric/Accusation", merge_into="Framing/Threat"),
        Removal("7d2e0c4b-3333-4a1b-8c2d-3e4f5a6b7c8d", delete=True),
        Removal("Old code", merge_into="0a4d3f4e-1111-4c2b-9d8e-7f6a5b4c3d2e"),
        Removal("Unused"),
    ),
)


# --- the schema ----------------------------------------------------------------------


def test_the_schema_is_valid_2020_12_and_describes_every_key() -> None:
    schema = codebook_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    undocumented: list[str] = []

    def visit(node: Any, where: str) -> None:
        if isinstance(node, dict):
            for key, sub in node.get("properties", {}).items():
                if "description" not in sub:
                    undocumented.append(f"{where}.{key}")
            for key, sub in node.items():
                visit(sub, f"{where}/{key}")
        elif isinstance(node, list):
            for index, sub in enumerate(node):
                visit(sub, f"{where}[{index}]")

    for name, definition in schema["$defs"].items():
        assert "description" in definition, name
    visit(schema, "#")
    # only the if/then conditions (which restate keys) may go without descriptions
    assert all("/allOf" in where for where in undocumented), undocumented


def test_written_dicts_validate_against_the_raw_schema() -> None:
    data = codebook_to_dict(FULL)
    assert list(Draft202012Validator(codebook_schema()).iter_errors(data)) == []


# --- reading valid files -------------------------------------------------------------


@pytest.mark.parametrize("name", ["full.yaml", "full.json"])
def test_every_key_is_read_into_the_spec_in_normal_form(name: str) -> None:
    assert load_codebook(CODEBOOKS / name) == FULL


def test_a_minimal_file(tmp_path: Path) -> None:
    assert load_codebook(write(tmp_path, "a.yml", HEAD)) == CodebookSpec()
    spec = load_codebook(write(tmp_path, "b.yaml", HEAD + "codes:\n  - name: Threat\n"))
    assert spec == CodebookSpec(codes=(CodeSpec("Threat"),))


def test_normal_forms(tmp_path: Path) -> None:
    text = HEAD + (
        "codes:\n"
        "  - {name: ' A ', colour: '#ABC', shortcut: Z,\n"
        "     uuid: '{AAAAAAAA-0000-4000-8000-00000000000A}'}\n"
        "  - {name: B, colour: '#0A0b0C', shortcut: 0}\n"
        "  - {name: C, shortcut: ';'}\n"
        "removed:\n"
        "  - {code: ' X /  Y ', merge_into: ' A '}\n"
        "  - {code: BBBBBBBB-0000-4000-8000-00000000000B}\n"
    )
    spec = load_codebook(write(tmp_path, "n.yaml", text))
    assert [(c.name, c.colour, c.shortcut, c.uuid) for c in spec.codes] == [
        ("A", "#aabbcc", "z", "aaaaaaaa-0000-4000-8000-00000000000a"),
        ("B", "#0a0b0c", "0", None),
        ("C", None, ";", None),
    ]
    assert spec.removals == (Removal("X/Y", merge_into="A"),
                             Removal("bbbbbbbb-0000-4000-8000-00000000000b"))


def test_free_texts_are_kept_exactly(tmp_path: Path) -> None:
    text = HEAD + (
        "codes:\n  - name: A\n    description: |\n      line one\n        indented\n\n"
        "    memo: '  spaced  '\n    examples: ['  a', \"b\\n\"]\n"
    )
    code = load_codebook(write(tmp_path, "t.yaml", text)).codes[0]
    assert (code.description, code.memo, code.examples) == (
        "line one\n  indented\n", "  spaced  ", ("  a", "b\n"))


def test_a_json_version_written_as_float_is_an_integer(tmp_path: Path) -> None:
    path = write(tmp_path, "f.json", '{"annotator_codebook": 1, "version": 2.0, '
                                     '"codes": [{"name": "A", "shortcut": 3.0}]}')
    spec = load_codebook(path)
    assert spec.version == 2 and isinstance(spec.version, int)
    assert spec.codes[0].shortcut == "3"


def test_yaml_anchors_and_aliases_are_read(tmp_path: Path) -> None:
    text = HEAD + ("codes:\n  - name: A\n    examples: &ex [one, two]\n"
                   "  - name: B\n    examples: *ex\n")
    spec = load_codebook(write(tmp_path, "a.yaml", text))
    assert spec.codes[1].examples == ("one", "two")


def test_a_span_code_may_group_variables_and_kind_span_may_be_explicit() -> None:
    spec = codebook_from_dict({"annotator_codebook": 1, "codes": [
        {"name": "Post", "kind": "span", "children": [
            {"name": "Number", "kind": "variable", "type": "number"},
            {"name": "Note", "kind": "variable", "type": "text"}]}]}, "d")
    assert [c.variable_type for _, c in walk(spec.codes)] == [
        None, VariableType.NUMBER, VariableType.TEXT]


def test_origin_is_read_and_not_compared(tmp_path: Path) -> None:
    spec = load_codebook(write(tmp_path, "o.yaml", HEAD + "origin: MAXQDA 2022\n"))
    assert spec.origin == "MAXQDA 2022"
    assert spec == CodebookSpec()


def test_a_schema_key_for_editors_is_ignored() -> None:
    data = {"$schema": "https://annotator.invalid/schemas/codebook.schema.json",
            "annotator_codebook": 1}
    assert codebook_from_dict(data, "d") == CodebookSpec()


# --- encodings -----------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1251"])
@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_bom_utf16_and_legacy_encodings_are_decoded(
        tmp_path: Path, encoding: str, suffix: str) -> None:
    data = {"annotator_codebook": 1, "name": "Кодбук", "codes": [
        {"name": "Угроза", "description": "Представляет действия Запада как угрозу безопасности "
                                           "России и её союзников."}]}
    text = json.dumps(data, ensure_ascii=False) if suffix == ".json" else yaml.safe_dump(
        data, allow_unicode=True)
    spec = load_codebook(write(tmp_path, f"b{suffix}", text, encoding))
    assert (spec.name, spec.codes[0].name) == ("Кодбук", "Угроза")


def test_undecodable_missing_empty_and_binary_files(tmp_path: Path) -> None:
    garbage = tmp_path / "g.yaml"
    garbage.write_bytes(b"annotator_codebook: 1\nname: \xff\xfe\x00\x81\x00\x00\x9d")
    cases = {
        garbage: "binary",
        tmp_path / "missing.yaml": "no such file",
        write(tmp_path, "empty.yaml", "  \n"): "the file is empty",
    }
    for path, reason in cases.items():
        with pytest.raises(InputFileError, match=reason) as caught:
            load_codebook(path)
        assert not isinstance(caught.value, CodebookInvalid)


def test_unsupported_extensions_name_the_supported_ones(tmp_path: Path) -> None:
    for name in ("book.qdc", "book.txt", "book"):
        with pytest.raises(InputFileError) as caught:
            load_codebook(write(tmp_path, name, HEAD))
        assert "use .yaml, .yml or .json" in str(caught.value)
        with pytest.raises(InputFileError):
            dump_codebook(CodebookSpec(), tmp_path / name)
    assert load_codebook(write(tmp_path, "UPPER.YAML", HEAD)) == CodebookSpec()


# --- syntax errors, empty documents --------------------------------------------------


def test_yaml_syntax_errors_give_line_and_column(tmp_path: Path) -> None:
    found = problems_in(tmp_path, HEAD + "codes:\n  - name: A\n   bad: x\n")
    assert found == [(4, "", "not valid YAML at column 4: expected <block end>, but found "
                             "'<block mapping start>' (while parsing a block collection); check "
                             "the indentation (keys of one mapping start in the same column)")]
    found = problems_in(tmp_path, HEAD + "name: a: b\n")
    assert found == [(2, "", "not valid YAML at column 8: mapping values are not allowed here; "
                             "put text that contains ': ' in quotes")]
    found = problems_in(tmp_path, HEAD + "codes: [1, 2\n")
    assert found == [(2, "", "not valid YAML at column 1: expected ',' or ']', but got "
                             "'<stream end>' (while parsing a flow sequence)")]
    found = problems_in(tmp_path, HEAD + "codes:\n\t- name: A\n")
    assert found == [(3, "", "not valid YAML at column 1: found character '\\t' that cannot "
                             "start any token (while scanning for the next token); YAML indents "
                             "with spaces, not tabs")]


def test_json_syntax_errors_give_line_and_column(tmp_path: Path) -> None:
    found = problems_in(tmp_path, '{\n  "annotator_codebook": 1,\n  "codes": [,]\n}', "b.json")
    assert found == [(3, "", "not valid JSON at column 13: Expecting value")]
    found = problems_in(tmp_path, '{"annotator_codebook": 1} {}', "c.json")
    assert found == [(1, "", "not valid JSON at column 27: Extra data")]


def test_characters_yaml_forbids(tmp_path: Path) -> None:
    found = problems_in(tmp_path, HEAD + "name: a\x07b\n")
    assert found == [(2, "", "not valid YAML: the character '\\x07' (#x0007) is not allowed in "
                             "YAML text; remove it or write it as an escape in double quotes")]


@pytest.mark.parametrize(("name", "text", "message"), [
    ("c.yaml", "# only a comment\n", "the file holds no codebook (it is empty or only comments);"
     " expected a mapping of keys such as annotator_codebook, name and codes"),
    ("l.yaml", "- a\n- b\n", "expected a codebook: a mapping of keys such as "
     "annotator_codebook, name and codes; got a list"),
    ("s.json", '"text"', "expected a codebook: a mapping of keys such as annotator_codebook, "
     "name and codes; got 'text'"),
])
def test_documents_that_are_not_a_mapping(tmp_path: Path, name: str, text: str,
                                          message: str) -> None:
    found = problems_in(tmp_path, text, name)
    assert [(path, msg) for _line, path, msg in found] == [("$", message)]


# --- every problem at once, with lines -----------------------------------------------


def test_many_problems_of_a_yaml_file_are_listed_together() -> None:
    with pytest.raises(CodebookInvalid) as caught:
        load_codebook(CODEBOOKS / "many-errors.yaml")
    uuid_msg = "expected a uuid such as 6f1c2e4a-0b3d-4e5f-8a9b-0c1d2e3f4a5b, got 'not-a-uuid'"
    level_msg = "expected a level: a name or an object {name, uuid, description}, got boolean "
    assert [(p.line, p.json_path, p.message) for p in caught.value.problems] == [
        (3, "$.version", "expected a whole number >= 1 (the codebook's own version), got number 0"),
        (4, "$.descripton", "unknown key 'descripton' (did you mean 'description'?)"),
        (7, "$.codes[0].colour", "expected a colour like #1f77b4, got 'red'"),
        (11, "$.codes[0].children[1].name", "name 'Threat' is already used by a sibling (line 9)"),
        (12, "$.codes[0].children[1].shortcut",
         "shortcut '1' is already used by 'Framing/Threat' (line 10)"),
        (13, "$.codes[0].children[1].color", "unknown key 'color' (did you mean 'colour'?)"),
        (14, "$.codes[1]", "missing required key 'levels' (the values a single, multiple or "
                           "ordinal variable takes)"),
        (18, "$.codes[2].type",
         "'type' is not allowed here: only variables have a type (add kind: variable)"),
        (19, "$.codes[2].levels",
         "'levels' is not allowed here: only variables have levels (add kind: variable)"),
        (23, "$.codes[3].levels",
         "'levels' is not allowed here: only single, multiple and ordinal variables have levels"),
        (23, "$.codes[3].levels[0]", level_msg + "True" + YAML_HINT),
        (23, "$.codes[3].levels[1]", level_msg + "False" + YAML_HINT),
        (24, "$.codes[4].name", "expected a non-empty name without '/' (code paths such as "
                                "Framing/Threat use it), got 'A/B'"),
        (25, "$.codes[4].uuid", uuid_msg),
        (27, "$.removed[0]", "give either merge_into or delete: true, not both"),
        (27, "$.removed[0].code", "'Framing/Threat' is still in the codebook (line 9); only "
                                  "codes that are not in the tree can be removed"),
        (28, "$.removed[0].merge_into", "'Nowhere' is not a code of this codebook (merge_into "
         "names the code of this file, by uuid or path, that receives the annotations)"),
    ]
    error = caught.value
    assert error.line == 3 and isinstance(error, InputFileError)
    assert str(error) == (
        f"{CODEBOOKS / 'many-errors.yaml'}: 17 problems in the codebook; the first: line 3: "
        "$.version: expected a whole number >= 1 (the codebook's own version), got number 0")
    assert error.listing()[1] == (f"{CODEBOOKS / 'many-errors.yaml'}:4: $.descripton: "
                                  "unknown key 'descripton' (did you mean 'description'?)")


def test_many_problems_of_a_json_file_are_listed_together() -> None:
    with pytest.raises(CodebookInvalid) as caught:
        load_codebook(CODEBOOKS / "many-errors.json")
    assert [(p.line, p.json_path, p.message) for p in caught.value.problems] == [
        (2, "$.annotator_codebook", "this file is in codebook format 2; this version of "
                                    "Annotator reads format 1 (please update Annotator)"),
        (7, "$.codes[0].colour", "expected a colour like #1f77b4, got '#12345'"),
        (10, "$.codes[0].children[1].name", "name 'Threat' is already used by a sibling (line 9)"),
        (10, "$.codes[0].children[1].shortcut",
         "shortcut '1' is already used by 'Framing/Threat' (line 9)"),
        (17, "$.codes[1].levels[2]", "level 'low' is already in this variable (line 17)"),
        (18, "$.codes[1].children", "'children' is not allowed here: a variable cannot have "
                                    "children (its values are its levels)"),
        (21, "$.codes[2].name", "name 'Stance' is already used by another top-level code "
                                "(line 13)"),
        (22, "$.codes[2].name", "key 'name' is given twice (first on line 21); remove one of them"),
        (25, "$.removed[0].delete", "expected true or false, got 'yes'"),
    ]


def test_one_problem_reads_like_a_compiler_message(tmp_path: Path) -> None:
    path = write(tmp_path, "one.yaml", HEAD + "codes:\n  - name: A\n    colour: red\n")
    with pytest.raises(CodebookInvalid) as caught:
        load_codebook(path)
    assert str(caught.value) == f"{path}: line 4: $.codes[0].colour: expected a colour like " \
                                "#1f77b4, got 'red'"
    assert caught.value.listing() == [
        f"{path}:4: $.codes[0].colour: expected a colour like #1f77b4, got 'red'"]
    assert str(caught.value.problems[0]) == (
        "line 4: $.codes[0].colour: expected a colour like #1f77b4, got 'red'")
    assert str(CodebookProblem(None, "", "bad")) == "bad"


def test_duplicate_yaml_keys_name_both_lines(tmp_path: Path) -> None:
    text = HEAD + "name: A\ncodes:\n  - name: X\n    colour: '#000'\n    colour: '#fff'\nname: B\n"
    assert problems_in(tmp_path, text) == [
        (6, "$.codes[0].colour", "key 'colour' is given twice (first on line 5); "
                                 "remove one of them"),
        (7, "$.name", "key 'name' is given twice (first on line 2); remove one of them"),
    ]


def test_unknown_keys_everywhere_with_suggestions(tmp_path: Path) -> None:
    text = HEAD + (
        "nmae: x\n"
        "codes:\n"
        "  - name: A\n"
        "    hotkey: '1'\n"
        "    subcodes: []\n"
        "    zzz: 1\n"
        "  - name: V\n"
        "    kind: variable\n"
        "    variable_type: single\n"
        "    type: single\n"
        "    levels: [{name: a, descrption: b}]\n"
        "removed:\n"
        "  - {code: Gone, merge: A}\n"
    )
    code_keys = ("name, uuid, kind, type, description, inclusion, exclusion, examples, colour, "
                 "shortcut, memo, levels, children")
    assert problems_in(tmp_path, text) == [
        (2, "$.nmae", "unknown key 'nmae' (did you mean 'name'?)"),
        (5, "$.codes[0].hotkey", "unknown key 'hotkey' (did you mean 'shortcut'?)"),
        (6, "$.codes[0].subcodes", "unknown key 'subcodes' (did you mean 'children'?)"),
        (7, "$.codes[0].zzz", f"unknown key 'zzz'; expected one of: {code_keys}"),
        (10, "$.codes[1].variable_type", "unknown key 'variable_type' (did you mean 'type'?)"),
        (12, "$.codes[1].levels[0].descrption",
         "unknown key 'descrption' (did you mean 'description'?)"),
        (14, "$.removed[0].merge", "unknown key 'merge' (did you mean 'merge_into'?)"),
    ]


def test_variables_and_levels(tmp_path: Path) -> None:
    text = HEAD + (
        "codes:\n"
        "  - {name: A, kind: variable}\n"                                   # 3
        "  - {name: B, kind: variable, type: choice}\n"                     # 4
        "  - {name: C, kind: variable, type: single, levels: []}\n"         # 5
        "  - {name: D, kind: variable, type: ordinal, levels: [' low ', low, {name: high},"
        " {name: ' high'}]}\n"                                              # 6
        "  - name: E\n"                                                     # 7
        "    kind: variable\n"
        "    type: number\n"
        "    levels: [x]\n"                                                 # 10
        "    children: [{name: F}]\n"                                       # 11
        "  - {name: G, kind: varaible}\n"                                   # 12
        "  - {name: H, levels: ['', 1]}\n"                                  # 13
    )
    assert problems_in(tmp_path, text) == [
        (3, "$.codes[0]", "missing required key 'type' (a variable's type: single, multiple, "
                          "ordinal, boolean, number or text)"),
        (4, "$.codes[1].type", "expected one of 'single', 'multiple', 'ordinal', 'boolean', "
                               "'number', 'text', got 'choice'"),
        (5, "$.codes[2].levels", "expected a non-empty list of levels, got an empty list"),
        (6, "$.codes[3].levels[1]", "level 'low' is already in this variable (line 6)"),
        (6, "$.codes[3].levels[3].name", "level 'high' is already in this variable (line 6)"),
        (10, "$.codes[4].levels", "'levels' is not allowed here: only single, multiple and "
                                  "ordinal variables have levels"),
        (11, "$.codes[4].children", "'children' is not allowed here: a variable cannot have "
                                    "children (its values are its levels)"),
        (12, "$.codes[5].kind", "expected one of 'span', 'variable', got 'varaible' "
                                "(did you mean 'variable'?)"),
        (13, "$.codes[6].levels",
         "'levels' is not allowed here: only variables have levels (add kind: variable)"),
        (13, "$.codes[6].levels[0]", "expected a level: a name or an object {name, uuid, "
                                     "description}, got ''"),
        (13, "$.codes[6].levels[1]", "expected a level: a name or an object {name, uuid, "
                                     "description}, got number 1" + YAML_HINT),
    ]


def test_names_shortcuts_colours_uuids(tmp_path: Path) -> None:
    u1 = "0a4d3f4e-1111-4c2b-9d8e-7f6a5b4c3d2e"
    text = HEAD + (
        "codes:\n"
        f"  - {{name: A, shortcut: a, uuid: '{u1}'}}\n"                                  # 3
        f"  - {{name: a, shortcut: A, uuid: '{{{u1.upper()}}}'}}\n"                      # 4
        "  - {name: '   ', shortcut: ab}\n"                                             # 5
        "  - {name: B, shortcut: 10, colour: '#abcd'}\n"                                # 6
        "  - {name: C, shortcut: ' ', colour: 4c72b0}\n"                                # 7
        "  - {name: D, shortcut: yes, uuid: '{0a4d3f4e-1111-4c2b-9d8e-7f6a5b4c3d2e'}\n"  # 8
        f"  - {{name: E, kind: variable, type: single, levels: [{{name: x, uuid: '{u1}'}}]}}\n"
        "  - {name: 1}\n"                                                               # 10
    )
    key = "expected a single key: a digit, a letter a-z or a punctuation character such as " \
          "'1', 'q' or '?', got "
    name = "expected a non-empty name without '/' (code paths such as Framing/Threat use it), got "
    uuid = "expected a uuid such as 6f1c2e4a-0b3d-4e5f-8a9b-0c1d2e3f4a5b, got "
    assert problems_in(tmp_path, text) == [
        (4, "$.codes[1].shortcut", "shortcut 'a' is already used by 'A' (line 3)"),
        (4, "$.codes[1].uuid", f"uuid {u1} is already used by code 'A' (line 3)"),
        (5, "$.codes[2].name", name + "'   '"),
        (5, "$.codes[2].shortcut", key + "'ab'"),
        (6, "$.codes[3].colour", "expected a colour like #1f77b4, got '#abcd'"),
        (6, "$.codes[3].shortcut", key + "number 10" + YAML_HINT),
        (7, "$.codes[4].colour", "expected a colour like #1f77b4, got '4c72b0'"),
        (7, "$.codes[4].shortcut", key + "' '"),
        (8, "$.codes[5].shortcut", key + "boolean True" + YAML_HINT),
        (8, "$.codes[5].uuid", uuid + "'{0a4d3f4e-1111-4c2b-9d8e-7f6a5b4c3d2e'"),
        (9, "$.codes[6].levels[0].uuid", f"uuid {u1} is already used by code 'A' (line 3)"),
        (10, "$.codes[7].name", name + "number 1" + YAML_HINT),
    ]


def test_names_are_compared_exactly_after_trimming() -> None:
    ok = codebook_from_dict({"annotator_codebook": 1, "codes": [
        {"name": "Threat"}, {"name": "threat"},
        {"name": "G", "children": [{"name": "Threat"}]}]}, "d")
    assert [c.name for c in ok.codes] == ["Threat", "threat", "G"]
    assert dict_problems({"annotator_codebook": 1, "codes": [
        {"name": "Threat"}, {"name": " Threat\t"}]}) == [
        ("$.codes[1].name", "name 'Threat' is already used by another top-level code "
                            "($.codes[0])")]


def test_removals(tmp_path: Path) -> None:
    u1, u2 = "0a4d3f4e-1111-4c2b-9d8e-7f6a5b4c3d2e", "1b4d3f4e-1111-4c2b-9d8e-7f6a5b4c3d2e"
    text = HEAD + (
        "codes:\n"
        f"  - {{name: Rhetoric, uuid: '{u1}', children: [{{name: Irony}}]}}\n"         # 3
        "removed:\n"
        "  - {code: Rhetoric / Irony}\n"                                               # 5
        f"  - {{code: '{{{u1.upper()}}}'}}\n"                                           # 6
        "  - {code: Gone, merge_into: Rhetoric/Irony}\n"                               # 7
        "  - {code: Gone}\n"                                                           # 8
        f"  - {{code: {u2}, merge_into: {u2}}}\n"                                      # 9
        "  - {code: A//B, delete: false}\n"                                            # 10
        "  - {code: '  '}\n"                                                           # 11
        "  - {merge_into: Rhetoric}\n"                                                 # 12
        "  - Gone\n"                                                                   # 13
    )
    assert problems_in(tmp_path, text) == [
        (5, "$.removed[0].code", "'Rhetoric/Irony' is still in the codebook (line 3); only "
                                 "codes that are not in the tree can be removed"),
        (6, "$.removed[1].code", f"'{u1}' is still in the codebook (line 3); only codes that "
                                 "are not in the tree can be removed"),
        (8, "$.removed[3].code", "'Gone' is already removed (line 7)"),
        (9, "$.removed[4].merge_into", f"'{u2}' is not a code of this codebook (merge_into "
         "names the code of this file, by uuid or path, that receives the annotations)"),
        (10, "$.removed[5].code", "'A//B' is not a code path: a name between '/' is empty"),
        (11, "$.removed[6].code", "expected a code's uuid or path such as Rhetoric/Irony, "
                                  "got '  '"),
        (12, "$.removed[7]", "missing required key 'code'"),
        (13, "$.removed[8]", "expected a removal: a mapping such as {code: Rhetoric/Irony, "
                             "delete: true}, got 'Gone'"),
    ]


def test_wrong_types_say_what_was_expected(tmp_path: Path) -> None:
    text = HEAD + (
        "name: [a]\n"                     # 2
        "version: '3'\n"                  # 3
        "description:\n"                  # 4
        "codes:\n"                        # 5
        "  - just a name\n"               # 6
        "  - name: A\n"                   # 7
        "    examples: one\n"             # 8
        "    memo: 12\n"                  # 9
        "  - name: B\n"                   # 10
        "    examples: ['', 2]\n"         # 11
        "    children: {name: C}\n"       # 12
        "removed: Gone\n"                 # 13
        "uuid: 2024-06-25\n"              # 14
    )
    assert problems_in(tmp_path, text) == [
        (2, "$.name", "expected text, got a list"),
        (3, "$.version", "expected a whole number >= 1 (the codebook's own version), got '3'"),
        (4, "$.description", "expected text, got nothing (an empty value)"),
        (6, "$.codes[0]", "expected a code: a mapping with at least a name, got 'just a name'"),
        (8, "$.codes[1].examples", "expected a list of example texts, got 'one'"),
        (9, "$.codes[1].memo", "expected text, got number 12" + YAML_HINT),
        (11, "$.codes[2].examples[0]", "expected a non-empty example text, got ''"),
        (11, "$.codes[2].examples[1]", "expected a non-empty example text, got number 2"
         + YAML_HINT),
        (12, "$.codes[2].children", "expected a list of codes, got a mapping"),
        (13, "$.removed", "expected a list of removals such as {code: Rhetoric/Irony, "
                          "merge_into: Rhetoric/Accusation}, got 'Gone'"),
        (14, "$.uuid", "expected a uuid such as 6f1c2e4a-0b3d-4e5f-8a9b-0c1d2e3f4a5b, got date "
                       "2024-06-25" + YAML_HINT),
    ]


def test_missing_format_marker_and_json_values_get_no_yaml_hint(tmp_path: Path) -> None:
    found = problems_in(tmp_path, '{"name": true, "codes": []}', "m.json")
    assert found == [
        (1, "$", "missing required key 'annotator_codebook' (write annotator_codebook: 1 at "
                 "the top of the file)"),
        (1, "$.name", "expected text, got boolean True"),
    ]
    assert problems_in(tmp_path, "annotator_codebook: '1'\n") == [
        (1, "$.annotator_codebook",
         "expected 1 (the version of the codebook file format), got '1'")]


def test_unsupported_yaml_features(tmp_path: Path) -> None:
    text = HEAD + (
        "base: &b {colour: '#000'}\n"        # 2
        "codes:\n"
        "  - <<: *b\n"                       # 4
        "    name: A\n"
        "    description: !!binary aGk=\n"   # 6
        "    memo: !custom x\n"              # 7
        "  - {name: B, examples: !!set {a}}\n"  # 8
        "  - {[x]: 1, name: C, yes: 2}\n"    # 9
    )
    assert problems_in(tmp_path, text) == [
        (2, "$.base", "unknown key 'base'; expected one of: annotator_codebook, name, version, "
                      "uuid, description, origin, codes, removed"),
        (4, "$.codes[0]", "YAML merge keys ('<<') are not supported; write the keys out"),
        (6, "$.codes[0].description", "expected text, got bytes b'hi'"),
        (7, "$.codes[0].memo", "unsupported YAML tag '!custom'; remove the tag"),
        (8, "$.codes[1].examples", "unsupported YAML tag 'tag:yaml.org,2002:set'; remove the tag"),
        (9, "$.codes[2]", "a key must be text, not a list or a mapping"),
        (9, "$.codes[2]", "a key must be text, got boolean True" + YAML_HINT),
    ]


def test_a_recursive_alias_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    found = problems_in(tmp_path, HEAD + "codes: &c\n  - name: A\n    children: *c\n")
    assert (4, "$.codes[0].children",
            "this alias refers to a mapping or list that contains it") in found


def test_json_paths_spell_odd_keys() -> None:
    assert format_path(()) == "$"
    assert format_path(("codes", 2, "colour")) == "$.codes[2].colour"
    assert format_path(("a key", "it's")) == "$['a key'][\"it's\"]"


def test_problems_of_a_dict_have_paths_but_no_lines() -> None:
    problems = codebook_problems({"annotator_codebook": 1, "codes": [{"name": "A"},
                                                                     {"name": "A"}]})
    assert problems == [CodebookProblem(
        None, "$.codes[1].name", "name 'A' is already used by another top-level code ($.codes[0])")]


# --- writing -------------------------------------------------------------------------


def test_yaml_output_is_readable(tmp_path: Path) -> None:
    spec = CodebookSpec(name="Фрейминг", version=2, description="Line one\nline two", codes=(
        CodeSpec("Угроза 🇷🇺", shortcut="1", colour="#d62728", description="One line.",
                 examples=("«цитата»", "two\nlines\n")),
        CodeSpec("Stance", kind=CodeKind.VARIABLE, variable_type=VariableType.ORDINAL,
                 levels=(Level("low"), Level("yes", description="Agrees."))),
    ))
    path = tmp_path / "out.yaml"
    dump_codebook(spec, path)
    text = path.read_text(encoding="utf-8")
    assert text == (
        "# Annotator codebook; every key is described in codebook.schema.json\n"
        "annotator_codebook: 1\n"
        "name: Фрейминг\n"
        "version: 2\n"
        "origin: Annotator 0.1.0\n"
        "description: |-\n"
        "  Line one\n"
        "  line two\n"
        "codes:\n"
        "  - name: Угроза 🇷🇺\n"
        "    shortcut: '1'\n"
        "    colour: '#d62728'\n"
        "    description: One line.\n"
        "    examples:\n"
        "      - «цитата»\n"
        "      - |\n"
        "        two\n"
        "        lines\n"
        "  - name: Stance\n"
        "    kind: variable\n"
        "    type: ordinal\n"
        "    levels:\n"
        "      - low\n"
        "      - name: 'yes'\n"
        "        description: Agrees.\n"
    )
    assert load_codebook(path) == spec


def test_json_output_and_key_order(tmp_path: Path) -> None:
    path = tmp_path / "out.json"
    dump_codebook(FULL, path)
    text = path.read_text(encoding="utf-8")
    assert text.endswith("}\n") and "Угроза" in text and "\\u" not in text
    data = json.loads(text)
    assert list(data) == ["annotator_codebook", "name", "version", "uuid", "origin",
                          "description", "codes", "removed"]
    assert list(data["codes"][1]) == ["name", "kind", "type", "shortcut", "levels"]
    assert list(data["codes"][0]["children"][0]) == [
        "name", "shortcut", "colour", "description", "inclusion", "exclusion", "examples", "memo"]
    assert data["codes"][1]["levels"] == [
        "hostile", {"name": "neutral", "uuid": "9b2c7e10-2222-4d3c-8e9f-0a1b2c3d4e5f",
                    "description": "No evaluation."}, "positive"]
    assert data["removed"][1] == {"code": "7d2e0c4b-3333-4a1b-8c2d-3e4f5a6b7c8d", "delete": True}
    assert load_codebook(path) == FULL


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_a_deep_tree_round_trips_with_lines(tmp_path: Path, suffix: str) -> None:
    code = CodeSpec("Leaf", kind=CodeKind.VARIABLE, variable_type=VariableType.TEXT)
    for depth in range(40):
        code = CodeSpec(f"Level {depth}: «{depth}»", children=(code,))
    spec = CodebookSpec(codes=(code,))
    path = tmp_path / f"deep{suffix}"
    dump_codebook(spec, path)
    assert load_codebook(path) == spec
    broken = path.read_text(encoding="utf-8").replace("Leaf", "Le/af")
    with pytest.raises(CodebookInvalid) as caught:
        load_codebook(write(tmp_path, f"broken{suffix}", broken))
    (problem,) = caught.value.problems
    assert problem.json_path == "$.codes[0]" + ".children[0]" * 40 + ".name"
    assert problem.line == broken.splitlines().index(
        next(line for line in broken.splitlines() if "Le/af" in line)) + 1


def test_codebook_to_dict_leaves_out_empty_values() -> None:
    assert codebook_to_dict(CodebookSpec(codes=(CodeSpec("A"),))) == {
        "annotator_codebook": 1, "codes": [{"name": "A"}]}


def test_an_invalid_spec_is_not_written(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    spec = CodebookSpec(codes=(CodeSpec("A", shortcut="1"), CodeSpec("B", shortcut="1"),
                               CodeSpec("C", levels=(Level("x"),))))
    with pytest.raises(CodebookInvalid) as caught:
        dump_codebook(spec, path)
    assert [(p.json_path, p.message) for p in caught.value.problems] == [
        ("$.codes[1].shortcut", "shortcut '1' is already used by 'A' ($.codes[0].shortcut)"),
        ("$.codes[2].levels",
         "'levels' is not allowed here: only variables have levels (add kind: variable)"),
    ]
    assert not path.exists()


def test_dump_replaces_a_file_atomically(tmp_path: Path) -> None:
    path = write(tmp_path, "book.yml", "old")
    dump_codebook(FULL, path)
    assert load_codebook(path) == FULL
    assert [p.name for p in tmp_path.iterdir()] == ["book.yml"]


def test_render_without_a_file() -> None:
    assert render_codebook(CodebookSpec(), "json") == '{\n  "annotator_codebook": 1\n}\n'


# --- the demo codebook ---------------------------------------------------------------


def test_the_demo_codebook_validates_and_fits_the_sample() -> None:
    path = resource("demo/codebook.yaml")
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert list(Draft202012Validator(codebook_schema()).iter_errors(raw)) == []
    spec = load_codebook(path)
    codes = [code for _path, code in walk(spec.codes)]
    spans = [code for code in codes if code.kind is CodeKind.SPAN]
    variables = [code for code in codes if code.kind is CodeKind.VARIABLE]
    assert sorted(c.shortcut for c in spans if c.shortcut) == [str(n) for n in range(1, 10)]
    assert len(variables) >= 3
    assert {v.variable_type for v in variables} >= {
        VariableType.ORDINAL, VariableType.SINGLE, VariableType.BOOLEAN, VariableType.MULTIPLE}
    assert all(code.colour for code in codes)
    sample = SAMPLE.read_text(encoding="utf-8")
    keyed = [c for c in spans if c.shortcut]
    assert all(c.description and c.inclusion and c.exclusion for c in keyed)
    assert all(len(c.examples) >= 3 for c in keyed)
    quotes = [example for code in codes for example in code.examples]
    assert quotes and [q for q in quotes if q not in sample] == []
    assert resource("demo/tg-web-preview-sample.txt").read_text(encoding="utf-8") == sample


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_the_demo_round_trips(tmp_path: Path, suffix: str) -> None:
    spec = load_codebook(resource("demo/codebook.yaml"))
    path = tmp_path / f"demo{suffix}"
    dump_codebook(spec, path)
    assert load_codebook(path) == spec


# --- round trips of generated codebooks ----------------------------------------------


ODD_NAMES = ["Угроза", "🇷🇺 флаг", "key: value", 'it\'s "quoted"', "yes", "No", "1", "1.5",
             "null", "~", "- dash", "# hash", "line\nbreak", "tab\there", "@at", "*star",
             "&anchor", "!bang", "%pct", "[x]", "{y}", "a  b", "'", '"', "|", ">", "…", "\u200b",
             "é\u0301", "a\u2028b", "x\x85y", "\ufeffbom", "ends with colon:", "--- doc"]
_CHARS = st.characters(exclude_categories=["Cs"])
_TEXT = st.one_of(st.text(_CHARS, max_size=30), st.sampled_from(ODD_NAMES),
                  st.sampled_from(["multi\nline\n", "  lead", "trail\n\n", "\n", "a\r\nb",
                                   "crlf\r", "sp \nx", "\t\n"]))
_NAME_TEXT = st.one_of(st.sampled_from(ODD_NAMES), st.text(_CHARS, min_size=1, max_size=12))
CODE_NAMES = _NAME_TEXT.map(str.strip).filter(lambda n: n != "" and "/" not in n)
LEVEL_NAMES = _NAME_TEXT.map(str.strip).filter(bool)
KEYS = [chr(n) for n in range(33, 127) if not chr(n).isupper()]
COLOURS = st.from_regex(r"#[0-9a-f]{6}", fullmatch=True)


@st.composite
def codebooks(draw: st.DrawFn) -> CodebookSpec:
    used_keys: set[str] = set()
    used_uuids: set[str] = set()
    budget = [draw(st.integers(0, 14))]

    def uuid() -> str | None:
        if draw(st.booleans()):
            value = str(draw(st.uuids()))
            if value not in used_uuids:
                used_uuids.add(value)
                return value
        return None

    def shortcut() -> str | None:
        free = [key for key in KEYS if key not in used_keys]
        if draw(st.booleans()) and free:
            key = draw(st.sampled_from(free))
            used_keys.add(key)
            return key
        return None

    def level(name: str) -> Level:
        return Level(name, uuid(), draw(st.one_of(st.just(""), _TEXT)))

    def code(name: str, depth: int) -> CodeSpec:
        kind = draw(st.sampled_from(CodeKind))
        variable_type = draw(st.sampled_from(VariableType)) if kind is CodeKind.VARIABLE else None
        levels: tuple[Level, ...] = ()
        if variable_type in CHOICE_TYPES:
            names = draw(st.lists(LEVEL_NAMES, min_size=1, max_size=4, unique=True))
            levels = tuple(level(n) for n in names)
        children = codes(depth + 1) if kind is CodeKind.SPAN and depth < 6 else ()
        return CodeSpec(
            name=name, uuid=uuid(), kind=kind, description=draw(_TEXT),
            inclusion=draw(_TEXT), exclusion=draw(_TEXT),
            examples=tuple(draw(st.lists(_TEXT.filter(bool), max_size=3))),
            colour=draw(st.one_of(st.none(), COLOURS)), shortcut=shortcut(), memo=draw(_TEXT),
            variable_type=variable_type, levels=levels, children=children)

    def codes(depth: int) -> tuple[CodeSpec, ...]:
        wanted = min(budget[0], draw(st.integers(0, 3)))
        budget[0] -= wanted
        names = draw(st.lists(CODE_NAMES, min_size=wanted, max_size=wanted, unique=True))
        return tuple(code(name, depth) for name in names)

    tree = codes(0)
    paths = {"/".join(path): code for path, code in walk(tree)}
    targets = [*paths, *(c.uuid for c in paths.values() if c.uuid)]
    removals: list[Removal] = []
    for _ in range(draw(st.integers(0, 3))):
        gone = draw(st.one_of(st.uuids().map(str), st.lists(CODE_NAMES, min_size=1,
                                                            max_size=3).map("/".join)))
        if gone in paths or gone in used_uuids or any(r.code == gone for r in removals):
            continue
        merge = draw(st.one_of(st.none(), st.sampled_from(targets))) if targets else None
        removals.append(Removal(gone, merge, delete=merge is None and draw(st.booleans())))
    return CodebookSpec(
        name=draw(st.one_of(st.just(""), _NAME_TEXT.map(str.strip))),
        version=draw(st.one_of(st.none(), st.integers(1, 10**12))),
        description=draw(_TEXT), codes=tree, removals=tuple(removals), uuid=uuid())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(codebooks(), st.sampled_from([".yaml", ".json"]))
def test_dump_then_load_reproduces_any_codebook(spec: CodebookSpec, suffix: str) -> None:
    assert codebook_problems(codebook_to_dict(spec)) == []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"book{suffix}"
        dump_codebook(spec, path)
        assert load_codebook(path) == spec


@settings(max_examples=60, deadline=None)
@given(codebooks())
def test_yaml_and_json_report_the_same_paths(spec: CodebookSpec) -> None:
    from_yaml = parse_yaml(render_codebook(spec, "yaml"))
    from_json = parse_json(render_codebook(spec, "json"))
    assert from_yaml.data == from_json.data == codebook_to_dict(spec)
    assert set(from_yaml.lines) == set(from_json.lines)
    assert from_yaml.problems == from_json.problems == []
