"""Building a REFI-QDA ``project.qde`` document from plain export data (no database).

The writer is strict (README §6): default namespace ``urn:QDA-XML:project:1.0``,
elements in the schema's sequence order, no empty containers, upper-case GUIDs,
UTC ``YYYY-MM-DDThh:mm:ssZ`` times, ``#RRGGBB`` colours, and only characters XML
can hold in attributes and element text (the ``.txt`` files keep every character,
so offsets never move). Every ``creatingUser``/``modifyingUser`` and every
``targetGUID`` names an element of the same document.

One ``PlainTextSelection`` per annotation (README §6.3): its ``creatingUser`` is the
coder, so attribution survives tools that ignore ``Coding@creatingUser``
(QualCoder); its ``name`` is the quote; the memo is its ``Description``, which
QualCoder, ATLAS.ti and MAXQDA read as the segment's comment, and whose author is the
selection's creator anyway.
"""

from __future__ import annotations

import uuid as uuid_module
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from lxml import etree

from annotator.core.codebook.spec import CodeSpec
from annotator.core.refi.codes import write_code_tree
from annotator.core.refi.guids import export_guid
from annotator.core.refi.qdpx_archive import INTERNAL
from annotator.core.refi.report import Report
from annotator.core.refi.xml import PROJECT_NAMESPACE, Element, strip_illegal

DERIVED_NAMESPACE = uuid_module.UUID("5d1f3c2e-9a47-4b8e-8f0d-6a2c7e41b903")
"""Namespace of the uuid5 GUIDs Annotator derives for elements it has no row for
(codings, variables): the same project exported twice gives the same GUIDs."""

ILLEGAL_IN_TEXT = "characters that XML cannot hold were left out of the document"


def derived_uuid(*parts: str) -> str:
    """A stable GUID for an element derived from Annotator entities (``parts``)."""
    return str(uuid_module.uuid5(DERIVED_NAMESPACE, "/".join(parts)))


def refi_time(moment: datetime) -> str:
    """``YYYY-MM-DDThh:mm:ssZ`` in UTC; a naive time is taken as UTC."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True, slots=True)
class UserOut:
    uuid: str
    name: str


@dataclass(frozen=True, slots=True)
class VariableOut:
    """A document variable; ``kind`` is a REFI ``typeOfVariable`` (``Text``, ``Boolean``...)."""

    uuid: str
    name: str
    kind: str
    description: str = ""


@dataclass(frozen=True, slots=True)
class ValueOut:
    """One ``VariableValue``; ``element`` is ``TextValue``, ``BooleanValue``, ... ."""

    variable: str
    element: str
    text: str


@dataclass(frozen=True, slots=True)
class SelectionOut:
    """One annotation; ``start``/``end`` are code points of the source's text."""

    uuid: str
    start: int
    end: int
    quote: str
    code: str
    coder: str
    memo: str
    created: datetime
    updated: datetime


@dataclass(frozen=True, slots=True)
class SourceOut:
    uuid: str
    name: str
    file_name: str
    created: datetime | None
    selections: tuple[SelectionOut, ...] = ()
    values: tuple[ValueOut, ...] = ()


@dataclass(frozen=True, slots=True)
class DocumentOut:
    """Everything ``project.qde`` says; uuids are Annotator's (canonical lower case)."""

    name: str
    origin: str
    created: datetime
    users: tuple[UserOut, ...] = ()
    codes: tuple[CodeSpec, ...] = ()
    variables: tuple[VariableOut, ...] = ()
    sources: tuple[SourceOut, ...] = ()


class _Builder:
    def __init__(self, report: Report) -> None:
        self.report = report

    def sub(self, parent: Element, tag: str, /, **attributes: str) -> Element:
        el = etree.SubElement(parent, f"{{{PROJECT_NAMESPACE}}}{tag}")
        for key, value in attributes.items():
            el.set(key, value)
        return el

    def clean(self, value: str, where: str) -> str:
        text, changed = strip_illegal(value)
        if changed:
            self.report.add(ILLEGAL_IN_TEXT, where)
        return text

    def text_element(self, parent: Element, name: str, value: str, where: str) -> None:
        if value:
            self.sub(parent, name).text = self.clean(value, where)

    def project(self, doc: DocumentOut) -> Element:
        nsmap: Any = {None: PROJECT_NAMESPACE}  # lxml-stubs do not allow the default prefix
        root = etree.Element(f"{{{PROJECT_NAMESPACE}}}Project", nsmap=nsmap)
        root.set("name", self.clean(doc.name, "the project name"))
        root.set("origin", self.clean(doc.origin, "the origin"))
        root.set("creationDateTime", refi_time(doc.created))
        if doc.users:
            users = self.sub(root, "Users")
            for user in doc.users:
                self.sub(users, "User", guid=export_guid(user.uuid),
                         name=self.clean(user.name, f"coder {user.name!r}"))
        if doc.codes:
            codes = self.sub(self.sub(root, "CodeBook"), "Codes")
            write_code_tree(codes, doc.codes, PROJECT_NAMESPACE, self.report)
        if doc.variables:
            variables = self.sub(root, "Variables")
            for variable in doc.variables:
                el = self.sub(variables, "Variable", guid=export_guid(variable.uuid),
                              name=self.clean(variable.name, f"variable {variable.name!r}"),
                              typeOfVariable=variable.kind)
                self.text_element(el, "Description", variable.description,
                                  f"variable {variable.name!r}")
        if doc.sources:
            sources = self.sub(root, "Sources")
            for source in doc.sources:
                self.source(sources, source)
        return root

    def source(self, parent: Element, source: SourceOut) -> None:
        el = self.sub(parent, "TextSource", guid=export_guid(source.uuid),
                      name=self.clean(source.name, f"source {source.name!r}"),
                      plainTextPath=f"{INTERNAL}{source.file_name}")
        if source.created is not None:
            el.set("creationDateTime", refi_time(source.created))
        for selection in source.selections:
            self.selection(el, selection, source.name)
        for value in source.values:
            holder = self.sub(el, "VariableValue")
            self.sub(holder, "VariableRef", targetGUID=export_guid(value.variable))
            self.sub(holder, value.element).text = self.clean(
                value.text, f"a variable value of {source.name!r}")

    def selection(self, parent: Element, selection: SelectionOut, source: str) -> None:
        where = f"{source!r} [{selection.start}, {selection.end})"
        coder = export_guid(selection.coder)
        el = self.sub(parent, "PlainTextSelection", guid=export_guid(selection.uuid),
                      name=self.clean(selection.quote, f"the quote of {where}"),
                      startPosition=str(selection.start), endPosition=str(selection.end),
                      creatingUser=coder, creationDateTime=refi_time(selection.created),
                      modifyingUser=coder, modifiedDateTime=refi_time(selection.updated))
        self.text_element(el, "Description", selection.memo, f"the memo of {where}")
        coding = self.sub(el, "Coding", guid=export_guid(derived_uuid("coding", selection.uuid)),
                          creatingUser=coder, creationDateTime=refi_time(selection.created))
        self.sub(coding, "CodeRef", targetGUID=export_guid(selection.code))


def build_document(doc: DocumentOut, report: Report) -> Element:
    """The ``Project`` element for ``doc``; what had to change goes to ``report``.

    Raises ``ValueError`` for a uuid that is not one (a bug of the caller).
    """
    return _Builder(report).project(doc)
