"""Reading a ``project.qde`` document into plain data, leniently (README §7).

Elements are matched on local names in any ``urn:QDA-XML`` namespace or none; GUIDs
in any case, with or without braces (kept as canonical lower-case uuids; an id that
is not a GUID is kept as written, so references to it still resolve). What the
reader meets and Annotator cannot hold is noted in the :class:`Report` with the XML
path of the element, e.g. ``/Project/Sources/PictureSource[2]``.

Memos arrive in several encodings and are gathered per selection: its
``Description``, the ``Note``\\ s its ``NoteRef``\\ s name, NVivo's ``Link`` between a
``Note`` and the selection, and Quirkos/QualCoder notes that carry their own
``PlainTextSelection`` with the span of a source that names them with a ``NoteRef``.
A ``PDFSource`` with a plain-text ``Representation`` is read as a text source.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from annotator.core.refi.codes import CodeTree, read_code_tree
from annotator.core.refi.guids import normalise_guid
from annotator.core.refi.report import Report
from annotator.core.refi.xml import (
    Element,
    attribute,
    child,
    children,
    is_element,
    local_name,
    other_children,
    text_content,
)

NOT_TEXT = "sources that are not text were not imported"
PDF_AS_TEXT = "PDF sources read from their plain-text representation"
PDF_SELECTIONS = "selections on PDF pages or pictures were not imported"
BAD_POSITIONS = "selections whose positions are not whole numbers were dropped"
BAD_TIMES = "times that could not be read were left out"
NAIVE_TIMES = "times without a time zone read as UTC"
NOT_KEPT = "parts of the project Annotator has no place for were not imported"
CASES = "cases read as post metadata (the posts they name)"
SPAN_MEMOS = "memos on spans that carry no code were not imported (Annotator memos need a code)"
UNUSED_NOTES = "notes that are no memo of an imported selection were not imported"

LoadText = Callable[[str, str], str | None]
"""``load(path attribute, xml path)``: a note's text file, or ``None`` when absent."""


@dataclass(frozen=True, slots=True)
class UserIn:
    key: str
    """The canonical GUID, or the id as written when it is not a GUID."""
    uuid: str | None
    name: str
    where: str


@dataclass(frozen=True, slots=True)
class CodingIn:
    code: str | None
    """The ``CodeRef@targetGUID`` as written."""
    user: str | None
    """The ``creatingUser`` as written, or ``None``."""
    created: datetime | None
    guid: str | None
    where: str


@dataclass(slots=True)
class SelectionIn:
    guid: str | None
    start: int
    end: int
    name: str | None
    user: str | None
    created: datetime | None
    modified: datetime | None
    codings: list[CodingIn]
    memos: list[str]
    where: str


@dataclass(slots=True)
class SourceIn:
    guid: str | None
    raw_guid: str
    name: str
    plain_path: str | None
    content: str | None
    rich_path: str | None
    created: datetime | None
    selections: list[SelectionIn]
    whole: list[CodingIn]
    """Codings of the whole source (``TextSource/Coding``)."""
    metadata: dict[str, object]
    where: str


@dataclass(slots=True)
class DocumentIn:
    name: str | None
    origin: str | None
    description: str
    users: list[UserIn] = field(default_factory=list)
    codes: CodeTree = field(default_factory=CodeTree)
    sources: list[SourceIn] = field(default_factory=list)


def key_of(reference: str | None) -> str | None:
    """How a reference (``creatingUser``, ``targetGUID``...) is compared: canonical if a GUID."""
    if reference is None or not reference.strip():
        return None
    return normalise_guid(reference) or reference.strip()


def read_document(
    root: Element, report: Report, load: LoadText, *, annotator: bool
) -> DocumentIn:
    """Read the ``Project`` element ``root``; ``annotator`` decodes Annotator's code fields."""
    doc = DocumentIn(attribute(root, "name"), attribute(root, "origin"),
                     _description(root))
    for user, where in _indexed(child(root, "Users"), "User", "/Project/Users"):
        raw = (attribute(user, "guid") or "").strip()
        doc.users.append(UserIn(key_of(raw) or raw, normalise_guid(raw),
                                " ".join((attribute(user, "name") or "").split()), where))
    book = child(root, "CodeBook")
    codes = None if book is None else child(book, "Codes")
    if codes is not None:
        doc.codes = read_code_tree(codes, report, annotator=annotator)
    reader = _Reader(root, report, load)
    doc.sources = reader.sources()
    for part in other_children(root, {"Users", "CodeBook", "Variables", "Cases", "Sources",
                                      "Notes", "Links", "Description"}):
        report.add(NOT_KEPT, f"/Project/{local_name(part)}")
    return doc


def _indexed(parent: Element | None, name: str, prefix: str) -> list[tuple[Element, str]]:
    """``(element, xml path)`` of ``parent``'s children called ``name``."""
    found = [] if parent is None else children(parent, name)
    if len(found) == 1:
        return [(found[0], f"{prefix}/{name}")]
    return [(el, f"{prefix}/{name}[{i}]") for i, el in enumerate(found, start=1)]


def _description(el: Element) -> str:
    found = child(el, "Description")
    return "" if found is None else text_content(found)


class _Reader:
    def __init__(self, root: Element, report: Report, load: LoadText) -> None:
        self.root = root
        self.report = report
        self.load = load
        self.notes = self._notes()
        self.used_notes: set[str] = set()
        self.links = self._links()
        declared = child(root, "Variables")
        self.variables = {key_of(attribute(v, "guid")): attribute(v, "name") or ""
                          for v in ([] if declared is None else children(declared, "Variable"))}

    def _notes(self) -> dict[str, tuple[str, Element, str]]:
        """Note key -> (text, element, xml path)."""
        found: dict[str, tuple[str, Element, str]] = {}
        for note, where in _indexed(child(self.root, "Notes"), "Note", "/Project/Notes"):
            key = key_of(attribute(note, "guid"))
            content = child(note, "PlainTextContent")
            path = attribute(note, "plainTextPath")
            text = text_content(content) if content is not None else (
                self.load(path, where) if path else None)
            if key is not None:
                found[key] = ((text or _description(note)).strip(), note, where)
        return found

    def _links(self) -> dict[str, list[str]]:
        """Selection key -> keys of the notes NVivo links to it (either direction)."""
        found: dict[str, list[str]] = {}
        for link, where in _indexed(child(self.root, "Links"), "Link", "/Project/Links"):
            ends = [key_of(attribute(link, "originGUID")), key_of(attribute(link, "targetGUID"))]
            notes = [end for end in ends if end in self.notes]
            others = [end for end in ends if end is not None and end not in self.notes]
            if len(notes) == 1 and len(others) == 1:
                found.setdefault(others[0], []).append(notes[0])
            else:
                self.report.add(NOT_KEPT, where)
        return found

    def note_texts(self, owner: Element) -> list[str]:
        texts = []
        for ref in children(owner, "NoteRef"):
            key = key_of(attribute(ref, "targetGUID"))
            if key in self.notes and self.notes[key][0]:
                texts.append(self.notes[key][0])
                self.used_notes.add(key)
        return texts

    def sources(self) -> list[SourceIn]:
        found: list[SourceIn] = []
        sources = child(self.root, "Sources")
        counts: dict[str, int] = {}
        elements = [] if sources is None else [el for el in sources if is_element(el)]
        totals = {name: sum(1 for el in elements if local_name(el) == name)
                  for name in {local_name(el) for el in elements}}
        for el in elements:
            kind = local_name(el)
            counts[kind] = counts.get(kind, 0) + 1
            where = f"/Project/Sources/{kind}" + (f"[{counts[kind]}]" if totals[kind] > 1 else "")
            if kind == "TextSource":
                found.append(self.text_source(el, el, where))
            elif kind == "PDFSource" and child(el, "Representation") is not None:
                self.report.add(PDF_AS_TEXT, where)
                for sub in children(el, "PDFSelection"):
                    self.report.add(PDF_SELECTIONS, f"{where}/PDFSelection "
                                    f"{attribute(sub, 'guid') or ''}".rstrip())
                representation = child(el, "Representation")
                assert representation is not None
                found.append(self.text_source(representation, el, f"{where}/Representation"))
            else:
                self.report.add(NOT_TEXT, f"{where} {attribute(el, 'name') or ''!r}")
        self._cases(found)
        for key, (_, _, where) in self.notes.items():
            if key not in self.used_notes:
                self.report.add(UNUSED_NOTES, where)
        return found

    def text_source(self, el: Element, owner: Element, where: str) -> SourceIn:
        raw_guid = (attribute(owner, "guid") or attribute(el, "guid") or "").strip()
        content = child(el, "PlainTextContent")
        metadata: dict[str, object] = {"refi_guid": raw_guid}
        variables = self._values(owner)
        if variables:
            metadata["refi_variables"] = variables
        source = SourceIn(
            guid=normalise_guid(raw_guid), raw_guid=raw_guid,
            name=attribute(owner, "name") or attribute(el, "name") or "",
            plain_path=attribute(el, "plainTextPath"),
            content=None if content is None else text_content(content),
            rich_path=attribute(el, "richTextPath"),
            created=self.time(owner, "creationDateTime", where),
            selections=[], whole=[], metadata=metadata, where=where)
        for sub, sub_where in _indexed(el, "PlainTextSelection", where):
            selection = self.selection(sub, sub_where)
            if selection is not None:
                source.selections.append(selection)
        for coding, coding_where in _indexed(owner, "Coding", where):
            source.whole.append(self.coding(coding, None, coding_where))
        memos = [text for text in [_description(owner).strip(), *self.source_notes(owner, source)]
                 if text]
        if memos:
            metadata["refi_memo"] = "\n\n".join(memos)
        return source

    def source_notes(self, owner: Element, source: SourceIn) -> list[str]:
        """The texts of the source's notes; a note that carries a span of the source
        (Quirkos, QualCoder) goes to the selections with that span instead."""
        texts: list[str] = []
        for ref in children(owner, "NoteRef"):
            key = key_of(attribute(ref, "targetGUID"))
            if key is None or key not in self.notes or not self.notes[key][0]:
                continue
            text, note, where = self.notes[key]
            self.used_notes.add(key)
            spans = children(note, "PlainTextSelection")
            if not spans:
                texts.append(text)
            for span in spans:
                bounds = (attribute(span, "startPosition"), attribute(span, "endPosition"))
                targets = [s for s in source.selections
                           if (str(s.start), str(s.end)) == tuple(b and b.strip() for b in bounds)]
                for target in targets:
                    target.memos.append(text)
                if not targets:
                    self.report.add(SPAN_MEMOS, f"{where} [{bounds[0]}, {bounds[1]})")
        return texts

    def selection(self, el: Element, where: str) -> SelectionIn | None:
        try:
            start = int((attribute(el, "startPosition") or "").strip())
            end = int((attribute(el, "endPosition") or "").strip())
        except ValueError:
            self.report.add(BAD_POSITIONS, where)
            return None
        guid = key_of(attribute(el, "guid"))
        user = attribute(el, "creatingUser")
        memos = [text for text in [_description(el).strip(), *self.note_texts(el)] if text]
        for note in self.links.get(guid or "", []):
            self.used_notes.add(note)
            memos.append(self.notes[note][0])
        return SelectionIn(
            guid=normalise_guid(attribute(el, "guid")), start=start, end=end,
            name=attribute(el, "name"), user=user,
            created=self.time(el, "creationDateTime", where),
            modified=self.time(el, "modifiedDateTime", where),
            codings=[self.coding(c, user, w) for c, w in _indexed(el, "Coding", where)],
            memos=memos, where=where)

    def coding(self, el: Element, user: str | None, where: str) -> CodingIn:
        ref = child(el, "CodeRef")
        return CodingIn(code=None if ref is None else attribute(ref, "targetGUID"),
                        user=attribute(el, "creatingUser") or user,
                        created=self.time(el, "creationDateTime", where),
                        guid=normalise_guid(attribute(el, "guid")), where=where)

    def time(self, el: Element, name: str, where: str) -> datetime | None:
        raw = attribute(el, name)
        if raw is None or not raw.strip():
            return None
        try:
            moment = datetime.fromisoformat(raw.strip())
        except ValueError:
            self.report.add(BAD_TIMES, f"{where}/@{name} {raw!r}")
            return None
        if moment.tzinfo is None:
            self.report.add(NAIVE_TIMES)
            return moment.replace(tzinfo=UTC)
        return moment.astimezone(UTC)

    def _values(self, owner: Element) -> dict[str, str]:
        values: dict[str, str] = {}
        for value in children(owner, "VariableValue"):
            ref = child(value, "VariableRef")
            name = self.variables.get(key_of(None if ref is None else attribute(
                ref, "targetGUID")))
            held = [sub for sub in value if is_element(sub) and local_name(sub) != "VariableRef"]
            if name and held:
                values[name] = text_content(held[0]).strip()
        return values

    def _cases(self, sources: list[SourceIn]) -> None:
        by_key = {key_of(s.raw_guid): s for s in sources}
        for case, where in _indexed(child(self.root, "Cases"), "Case", "/Project/Cases"):
            members = [by_key.get(key_of(attribute(ref, "targetGUID")))
                       for ref in children(case, "SourceRef")]
            values = self._values(case)
            name = attribute(case, "name") or ""
            for source in (m for m in members if m is not None):
                variables = source.metadata.setdefault("refi_variables", {})
                assert isinstance(variables, dict)
                variables.update({k: v for k, v in values.items() if k not in variables})
                if name:
                    cases = source.metadata.setdefault("refi_cases", [])
                    assert isinstance(cases, list)
                    cases.append(name)
            self.report.add(CASES, f"{where} {name!r}")
