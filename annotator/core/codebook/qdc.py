"""REFI-QDA codebook exchange: reading and writing ``.qdc`` files.

:func:`read_qdc` is lenient (README of the REFI-QDA research note, §0 and §7): it
matches elements on their local name in any ``urn:QDA-XML`` namespace or none,
accepts a REFI-QDA project file (root ``Project``) by reading its codebook, and
never refuses a file only because the schema rejects it; the schema's complaints
become notes. What it changes or cannot carry is said in :attr:`QdcResult.notes`
(spec §7); see :mod:`annotator.core.refi.codes` for the rules on GUIDs, names,
colours and ``isCodable``.

:func:`write_qdc` is strict: namespace ``urn:QDA-XML:codebook:1.0``, upper-case GUIDs,
``#RRGGBB`` colours, a UTF-8 declaration, pretty printed, validated against the
vendored ``schemas/refi-qda/Codebook.xsd`` before an atomic write.

What REFI-QDA cannot hold is carried so that Annotator gets it back exactly:

* inclusion, exclusion, examples, memo, shortcut and kind/variable type of a code go
  to a structured block at the end of its ``Description``
  (:mod:`annotator.core.refi.code_text`), which other tools show as text;
* a post variable's levels become child codes (``isCodable="true"``) before its
  children, and a variable with levels is itself ``isCodable="false"``;
* the codebook's name, version, description and uuid go to an
  ``<?annotator-codebook {json}?>`` processing instruction before the root element.

These are decoded only when the file's ``origin`` is Annotator's (``Annotator`` or
``Annotator <version>``), so ``read_qdc(write_qdc(spec))`` gives ``spec`` back with
every uuid filled in (see :attr:`QdcWritten.spec`). ``isCodable="false"`` codes and
code sets (ATLAS.ti code groups) have no place in :class:`CodebookSpec`: they come
back beside it (:attr:`QdcResult.not_codable`, :attr:`QdcResult.sets`) and
:func:`write_qdc` takes them, so a third-party file read and written again keeps them.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from annotator import __version__
from annotator.core.atomic_file import atomic_write_bytes
from annotator.core.codebook.spec import CodebookSpec, CodeKind, CodeSpec, walk
from annotator.core.errors import AnnotatorError, InputFileError
from annotator.core.refi.codes import (
    CodeTree,
    assign_uuids,
    iter_uuids,
    read_code_tree,
    write_code_tree,
)
from annotator.core.refi.guids import export_guid, new_uuid, normalise_guid
from annotator.core.refi.report import Report, quoted
from annotator.core.refi.xml import (
    CODEBOOK_NAMESPACE,
    PROJECT_NAMESPACE,
    Element,
    attribute,
    child,
    children,
    line_of,
    local_name,
    namespace,
    other_children,
    parse_file,
    parser,
    schema_problems,
    strip_illegal,
    text_content,
)

SUFFIX = ".qdc"
ORIGIN = f"Annotator {__version__}"
"""The ``origin`` Annotator writes; files whose origin starts with ``Annotator`` are ours."""
METADATA_TARGET = "annotator-codebook"
"""Target of the processing instruction that carries the codebook's own details."""

_EXPECTED = "a REFI-QDA codebook (.qdc)"
_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'

# Notes of the reader (grouped by these headlines; see Report).
PROJECT_FILE = "this is a REFI-QDA project file (root <Project>): only its codebook was read"
NO_CODES = "the codebook holds no codes"
SETS_IGNORED = "code sets not imported (Annotator has no code groups)"
SET_ID_REPLACED = "sets whose id is not a GUID, or repeats one, were given a new one"
MEMBERS_DROPPED = "set members that name no code were dropped"
IGNORED_PARTS = "parts of the file ignored"
BAD_METADATA = "Annotator's codebook details (name, version, description) could not be read"
SCHEMA_PROBLEMS = "not valid against the REFI-QDA schema {schema} (read anyway)"

# Notes of the writer.
MINTED = "codes without a uuid were given a new one"
VARIABLES_AS_CODES = (
    "post variables written as codes, their levels as sub-codes "
    "(other tools see ordinary codes)"
)
FIELDS_AS_TEXT = (
    "inclusion/exclusion criteria, examples, memos and shortcuts written as a text block "
    "at the end of code descriptions (only Annotator reads them back)"
)
DESCRIPTION_FOR_ANNOTATOR = (
    "the codebook's description is kept for Annotator only "
    "(a REFI-QDA codebook has no place for it)"
)
REMOVALS_NOT_WRITTEN = "removals are not part of a REFI-QDA codebook and were not written"
MEMBERS_NOT_WRITTEN = "set members that name no code of the codebook were not written"


class EmptyCodebook(AnnotatorError):
    """A REFI-QDA codebook needs at least one code."""

    def __str__(self) -> str:
        return "the codebook has no codes; a REFI-QDA codebook needs at least one"


class InvalidExport(RuntimeError):
    """The document :func:`write_qdc` built does not validate: a bug, never a user error."""


@dataclass(frozen=True, slots=True)
class CodeSet:
    """A REFI-QDA ``Set`` of codes (an ATLAS.ti code group); ``members`` are code uuids."""

    uuid: str
    name: str
    description: str = ""
    members: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class QdcResult:
    """What :func:`read_qdc` found.

    ``not_codable`` holds the uuids of codes marked ``isCodable="false"`` (categories,
    folders), except choice variables written by Annotator; ``sets`` the file's code
    sets with members resolved to code uuids; ``notes`` what was changed or dropped.
    """

    spec: CodebookSpec
    notes: tuple[str, ...] = ()
    not_codable: frozenset[str] = frozenset()
    sets: tuple[CodeSet, ...] = ()


@dataclass(frozen=True, slots=True)
class QdcWritten:
    """What :func:`write_qdc` wrote.

    ``spec`` is the codebook as written: every code and level has a uuid, new ones
    (random, version 4) where the input had ``None``. Callers persist them so the next
    export reuses them. ``path`` has the ``.qdc`` suffix.
    """

    path: Path
    spec: CodebookSpec
    notes: tuple[str, ...] = ()


def is_annotator_origin(origin: str | None) -> bool:
    return origin is not None and (origin == "Annotator" or origin.startswith("Annotator "))


# ----------------------------------------------------------------------------- reading


def read_qdc(path: Path) -> QdcResult:
    """Read a REFI-QDA codebook from ``path``.

    Raises :class:`InputFileError` (with the line when known) for a missing or empty
    file, a file that is not well-formed XML, a root other than ``CodeBook`` or
    ``Project``, and a codebook without ``Codes``.
    """
    root = parse_file(path, _EXPECTED)
    report = Report()
    kind = local_name(root)
    if kind == "CodeBook":
        book, schema_name, standard = root, "Codebook.xsd", CODEBOOK_NAMESPACE
    elif kind == "Project":
        found = child(root, "CodeBook")
        if found is None:
            raise InputFileError(
                path, "this REFI-QDA project file holds no codebook", line=line_of(root)
            )
        book, schema_name, standard = found, "Project.xsd", PROJECT_NAMESPACE
    else:
        raise InputFileError(
            path, f"the root element is <{kind}>, not <CodeBook>; expected {_EXPECTED}",
            line=line_of(root),
        )
    _note_namespace(root, standard, report)
    if kind == "Project":
        report.add(PROJECT_FILE)
        for part in other_children(root, {"CodeBook", "Sets"}):
            report.add(IGNORED_PARTS, f"<{local_name(part)}>")
    codes_elements = children(book, "Codes")
    if not codes_elements:
        raise InputFileError(path, "the codebook has no <Codes> element", line=line_of(book))
    for extra in codes_elements[1:] + other_children(book, {"Codes", "Sets"}):
        report.add(IGNORED_PARTS, f"<{local_name(extra)}> at line {line_of(extra)}")
    origin = attribute(root, "origin")
    ours = is_annotator_origin(origin)
    tree = read_code_tree(codes_elements[0], report, annotator=ours)
    for extra in other_children(codes_elements[0], {"Code"}):
        report.add(IGNORED_PARTS, f"<{local_name(extra)}> at line {line_of(extra)}")
    if not tree.codes:
        report.add(NO_CODES)
    sets_owner = root if kind == "Project" else book
    sets = _read_sets(sets_owner, tree, report)
    metadata = _read_metadata(root, report) if ours else {}
    for line, message in schema_problems(root, schema_name, standard):
        shown = f"line {line}: {message}" if line is not None else message
        report.add(SCHEMA_PROBLEMS.format(schema=schema_name), shown)
    spec = CodebookSpec(
        name=metadata.get("name", path.stem),
        version=metadata.get("version"),
        description=metadata.get("description", ""),
        codes=tree.codes,
        uuid=metadata.get("uuid"),
        origin=origin,
    )
    return QdcResult(spec, tuple(report.notes()), tree.not_codable, sets)


def _note_namespace(root: Element, standard: str, report: Report) -> None:
    found = namespace(root)
    if found == standard:
        return
    if found is None:
        report.add(f"the file has no namespace; read as {standard!r}")
    else:
        report.add(f"namespace {found!r} is not the standard {standard!r}; read as the standard")


def _read_sets(owner: Element, tree: CodeTree, report: Report) -> tuple[CodeSet, ...]:
    used = {uuid for uuid in iter_uuids(tree.codes) if uuid is not None}
    found: list[CodeSet] = []
    for sets_el in children(owner, "Sets"):
        for set_el in children(sets_el, "Set"):
            members_el = children(set_el, "MemberCode")
            name = attribute(set_el, "name") or ""
            if not members_el and other_children(set_el, {"Description", "MemberCode"}):
                # A set of documents or notes (in a project file): not a code set.
                report.add(IGNORED_PARTS, f"<Set> {quoted(name)} (not a set of codes)")
                continue
            raw = attribute(set_el, "guid")
            uuid = normalise_guid(raw)
            if uuid is None or uuid in used:
                uuid = new_uuid()
                shown = "no id" if raw is None else repr(raw)
                report.add(SET_ID_REPLACED, f"{quoted(name)} ({shown}) → {uuid}")
            used.add(uuid)
            members: list[str] = []
            for member in members_el:
                reference = attribute(member, "guid") or attribute(member, "targetGUID")
                code = tree.resolve(reference)
                if code is None:
                    report.add(MEMBERS_DROPPED, f"{quoted(name)}: {reference!r}")
                elif code not in members:
                    members.append(code)
            description_el = child(set_el, "Description")
            description = "" if description_el is None else text_content(description_el)
            found.append(CodeSet(uuid, name, description, tuple(members)))
            count = len(members)
            report.add(SETS_IGNORED, f"{quoted(name)} ({count} code{'s' if count != 1 else ''})")
    return tuple(found)


def _read_metadata(root: Element, report: Report) -> dict[str, Any]:
    for node in root.itersiblings(preceding=True):
        if isinstance(node, etree._ProcessingInstruction) and node.target == METADATA_TARGET:
            return _decode_metadata(node.text or "", report)
    return {}


def _decode_metadata(text: str, report: Report) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except ValueError:
        data = None
    if not isinstance(data, dict):
        report.add(BAD_METADATA)
        return {}
    found: dict[str, Any] = {}
    name, description = data.get("name", ""), data.get("description", "")
    version, uuid = data.get("version"), data.get("uuid")
    if isinstance(name, str):
        found["name"] = name
    if isinstance(description, str):
        found["description"] = description
    if version is None or (isinstance(version, int) and not isinstance(version, bool)):
        found["version"] = version
    if uuid is None or normalise_guid(str(uuid)) is not None:
        found["uuid"] = None if uuid is None else normalise_guid(str(uuid))
    if len(found) < 4:
        report.add(BAD_METADATA)
    return found


# ----------------------------------------------------------------------------- writing


def write_qdc(
    spec: CodebookSpec,
    path: Path,
    *,
    origin: str = ORIGIN,
    not_codable: Collection[str] = frozenset(),
    sets: Sequence[CodeSet] = (),
) -> QdcWritten:
    """Write ``spec`` as a REFI-QDA codebook; ``.qdc`` is appended to another suffix.

    ``not_codable`` (uuids) are written ``isCodable="false"``; ``sets`` become code sets
    (members that are not codes of ``spec`` are dropped with a note). Raises
    :class:`EmptyCodebook` for a codebook without codes, ``ValueError`` for uuids that
    are malformed or repeated (bugs of the caller) and :class:`InvalidExport` if the
    document fails the schema (a bug here). The file is replaced atomically.
    """
    if path.suffix.lower() != SUFFIX:
        path = path.with_name(path.name + SUFFIX)
    if not spec.codes:
        raise EmptyCodebook()
    report = Report()
    codes, minted = assign_uuids(spec.codes)
    for item in minted:
        report.add(MINTED, item)
    written = dataclasses.replace(spec, codes=codes)
    code_uuids = _unique_uuids(list(iter_uuids(codes)))
    _unique_uuids([*code_uuids, *(code_set.uuid for code_set in sets)])
    _note_losses(written, report)

    nsmap: Any = {None: CODEBOOK_NAMESPACE}  # lxml-stubs do not allow the default prefix
    root = etree.Element(f"{{{CODEBOOK_NAMESPACE}}}CodeBook", nsmap=nsmap)
    root.set("origin", strip_illegal(origin)[0])
    codes_el = etree.SubElement(root, f"{{{CODEBOOK_NAMESPACE}}}Codes")
    write_code_tree(codes_el, codes, CODEBOOK_NAMESPACE, report, not_codable=not_codable)
    if sets:
        _write_sets(root, sets, code_uuids, report)
    document = etree.ElementTree(root)
    if is_annotator_origin(origin):
        root.addprevious(etree.ProcessingInstruction(METADATA_TARGET, _encode_metadata(spec)))
    data = _DECLARATION + etree.tostring(document, encoding="UTF-8", pretty_print=True)

    problems = schema_problems(etree.fromstring(data, parser()), "Codebook.xsd")
    if problems:
        raise InvalidExport(f"the codebook written to {path} does not validate: {problems}")
    atomic_write_bytes(path, data)
    return QdcWritten(path, written, tuple(report.notes()))


def _unique_uuids(uuids: list[str | None]) -> set[str]:
    seen: set[str] = set()
    for uuid in uuids:
        canonical = normalise_guid(uuid)
        if canonical is None:
            raise ValueError(f"not a uuid: {uuid!r}")
        if canonical in seen:
            raise ValueError(f"uuid {canonical} is used twice in the codebook")
        seen.add(canonical)
    return seen


def _note_losses(spec: CodebookSpec, report: Report) -> None:
    for path, code in walk(spec.codes):
        if code.kind is CodeKind.VARIABLE or code.levels:
            report.add(VARIABLES_AS_CODES, quoted(path))
    for path, code in walk(spec.codes):
        if _has_fields(code):
            report.add(FIELDS_AS_TEXT, quoted(path))
    if spec.description:
        report.add(DESCRIPTION_FOR_ANNOTATOR)
    if spec.removals:
        report.add(REMOVALS_NOT_WRITTEN)


def _has_fields(code: CodeSpec) -> bool:
    return bool(
        code.inclusion or code.exclusion or code.examples or code.memo
        or code.shortcut is not None
    )


def _write_sets(
    root: Element, sets: Sequence[CodeSet], codes: set[str], report: Report
) -> None:
    sets_el = etree.SubElement(root, f"{{{CODEBOOK_NAMESPACE}}}Sets")
    for code_set in sets:
        set_el = etree.SubElement(sets_el, f"{{{CODEBOOK_NAMESPACE}}}Set")
        set_el.set("guid", export_guid(code_set.uuid))
        set_el.set("name", strip_illegal(code_set.name)[0])
        if code_set.description:
            description = etree.SubElement(set_el, f"{{{CODEBOOK_NAMESPACE}}}Description")
            description.text = strip_illegal(code_set.description)[0]
        for member in code_set.members:
            canonical = normalise_guid(member)
            if canonical is None or canonical not in codes:
                report.add(MEMBERS_NOT_WRITTEN, f"{quoted(code_set.name)}: {member!r}")
                continue
            member_el = etree.SubElement(set_el, f"{{{CODEBOOK_NAMESPACE}}}MemberCode")
            member_el.set("guid", export_guid(canonical))


def _encode_metadata(spec: CodebookSpec) -> str:
    data = {
        "name": spec.name,
        "version": spec.version,
        "description": spec.description,
        "uuid": None if spec.uuid is None else export_guid(spec.uuid),
    }
    # ASCII JSON holds no character XML forbids; "?>" would end the instruction.
    return json.dumps(data, ensure_ascii=True).replace("?>", "?\\u003e")


__all__ = [
    "ORIGIN",
    "SUFFIX",
    "CodeSet",
    "EmptyCodebook",
    "InvalidExport",
    "QdcResult",
    "QdcWritten",
    "is_annotator_origin",
    "read_qdc",
    "write_qdc",
]
