"""Reading and writing REFI-QDA ``Code`` trees (the same shape in ``.qdc`` and ``.qde``).

Reading turns ``Codes`` into :class:`CodeSpec` trees that Annotator's codebook accepts,
and reports in a :class:`Report` what it changed:

* GUIDs become canonical lower-case uuids. A code whose id is not a GUID (``c001``)
  or repeats an earlier GUID gets a new random uuid; references to the id (set
  members) still resolve, a repeated GUID to its first code.
* Names lose surrounding blanks; ``/`` (Annotator's path separator) becomes ``∕``
  (U+2215); an empty name becomes ``Unnamed code``; a name that repeats among
  siblings gets `` (2)``, `` (3)``...
* ``isCodable="false"`` (a category or folder) is kept: such codes' uuids are listed
  in :attr:`CodeTree.not_codable`, because :class:`CodeSpec` has no field for it.
* Colours become ``#rrggbb`` (see :mod:`.colours`); a missing colour is ``None``.
* In files written by Annotator, the fields that :mod:`.code_text` carries in the
  description are decoded, and child codes marked ``Level of`` become levels.

Writing is the inverse; every code and level must already have a uuid (see
:func:`assign_uuids`). A code with levels (a choice variable) is written with
``isCodable="false"`` and its levels as codable child codes before its children.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field

from lxml import etree

from annotator.core.codebook.spec import CodeSpec, Level
from annotator.core.refi import code_text
from annotator.core.refi.colours import ColourChange, export_colour, read_colour
from annotator.core.refi.guids import export_guid, new_uuid, normalise_guid
from annotator.core.refi.report import Report, quoted
from annotator.core.refi.xml import (
    Element,
    attribute,
    child,
    children,
    line_of,
    local_name,
    other_children,
    strip_illegal,
    text_content,
)

PATH_SEPARATOR = "/"
"""Code names may not contain it (``annotator.core.codebook.service.PATH_SEPARATOR``)."""
SEPARATOR_STAND_IN = "\u2215"
UNNAMED = "Unnamed code"

_CODE_ATTRIBUTES = {"guid", "name", "iscodable", "color"}
_CODE_CHILDREN = {"Description", "Code"}

NOT_A_GUID = "codes whose id is not a GUID were given a new one"
REPEATED_GUID = "codes that repeat an earlier code's GUID were given a new one"
SLASH_REPLACED = (
    f"'/' in code names replaced by '{SEPARATOR_STAND_IN}' (Annotator's path separator)"
)
BLANKS_STRIPPED = "blanks around code names removed"
UNNAMED_CODES = f"codes without a name named '{UNNAMED}'"
NAMES_NUMBERED = "codes with the name of an earlier sibling renamed"
CATEGORIES = (
    'categories (isCodable="false") read as ordinary codes '
    "(every Annotator code can be applied)"
)
BAD_CODABLE = "codes with a missing or unreadable isCodable read as codable"
COLOUR_NOTES = {
    ColourChange.EXPANDED: "colours in #RGB form expanded to #RRGGBB",
    ColourChange.ALPHA_DROPPED: "colours with transparency: transparency dropped",
    ColourChange.CONVERTED: "colours converted to #RRGGBB",
    ColourChange.UNREADABLE: "colours not understood and dropped",
}
IGNORED_ELEMENTS = "elements of codes ignored (no place for them in Annotator's codebook)"
IGNORED_ATTRIBUTES = "attributes of codes ignored"
EXTRA_DESCRIPTIONS = "codes with several descriptions: only the first was read"
BAD_BLOCK = "Annotator fields that could not be read, kept as description text"
STRAY_LEVELS = "levels outside a code read as codes"


@dataclass(slots=True)
class CodeTree:
    """Codes read from a ``Codes`` element, and what the file said about them."""

    codes: tuple[CodeSpec, ...] = ()
    not_codable: frozenset[str] = frozenset()
    """Uuids of codes marked ``isCodable="false"`` (categories, folders)."""
    ids: dict[str, str] = field(default_factory=dict)
    """Every id as the file writes it (stripped) and its canonical GUID → the code's uuid."""

    def resolve(self, reference: str | None) -> str | None:
        """The uuid of the code a reference (``MemberCode@guid``, ``CodeRef``...) names."""
        if reference is None:
            return None
        canonical = normalise_guid(reference)
        if canonical is not None and canonical in self.ids:
            return self.ids[canonical]
        return self.ids.get(reference.strip())


class _Reader:
    def __init__(self, report: Report, annotator: bool) -> None:
        self.report = report
        self.annotator = annotator
        self.not_codable: set[str] = set()
        self.ids: dict[str, str] = {}
        self.used: set[str] = set()

    def codes(self, elements: list[Element], parent: tuple[str, ...]) -> list[CodeSpec]:
        found: list[CodeSpec] = []
        names: set[str] = set()
        for el in elements:
            code = self.code(el, parent, names)
            names.add(code.name)
            found.append(code)
        return found

    def code(self, el: Element, parent: tuple[str, ...], siblings: set[str]) -> CodeSpec:
        name = self.name(attribute(el, "name"), parent, siblings, el)
        path = (*parent, name)
        uuid = self.uuid(attribute(el, "guid"), path)
        codable = self.codable(attribute(el, "isCodable"), path)
        colour = self.colour(attribute(el, "color"), path)
        self.ignored(el, path)
        description, fields = self.description(el, path)
        levels: list[Level] = []
        child_elements: list[Element] = []
        for sub in children(el, "Code"):
            level = self.level(sub, path) if self.annotator else None
            if level is None:
                child_elements.append(sub)
            else:
                levels.append(level)
        if not codable and not levels:
            self.not_codable.add(uuid)
            self.report.add(CATEGORIES, quoted(path))
        return CodeSpec(
            name=name,
            uuid=uuid,
            kind=fields.kind,
            description=description,
            inclusion=fields.inclusion,
            exclusion=fields.exclusion,
            examples=fields.examples,
            colour=colour,
            shortcut=fields.shortcut,
            memo=fields.memo,
            variable_type=fields.variable_type,
            levels=tuple(levels),
            children=tuple(self.codes(child_elements, path)),
        )

    def level(self, el: Element, parent: tuple[str, ...]) -> Level | None:
        text = self.description_text(el)
        decoded = code_text.decompose(text) if text else None
        if decoded is None or decoded[1].level_of is None:
            return None
        name = attribute(el, "name") or ""
        path = (*parent, name)
        for sub in children(el, "Code"):
            self.report.add(IGNORED_ELEMENTS, f"<{local_name(sub)}> in {quoted(path)}")
        return Level(name=name, uuid=self.uuid(attribute(el, "guid"), path),
                     description=decoded[0])

    def name(
        self, raw: str | None, parent: tuple[str, ...], siblings: set[str], el: Element
    ) -> str:
        original = raw or ""
        name = original.strip()
        where = f"line {line_of(el)}" if line_of(el) else "a code"
        if name != original and name:
            self.report.add(BLANKS_STRIPPED, quoted((*parent, name)))
        if PATH_SEPARATOR in name:
            name = name.replace(PATH_SEPARATOR, SEPARATOR_STAND_IN)
            self.report.add(SLASH_REPLACED, quoted((*parent, name)))
        if not name:
            name = UNNAMED
            self.report.add(UNNAMED_CODES, f"{where} in {quoted(parent)}" if parent else where)
        if name in siblings:
            number = 2
            while f"{name} ({number})" in siblings:
                number += 1
            renamed = f"{name} ({number})"
            self.report.add(NAMES_NUMBERED, f"{quoted((*parent, name))} → {quoted(renamed)}")
            name = renamed
        return name

    def uuid(self, raw: str | None, path: tuple[str, ...]) -> str:
        canonical = normalise_guid(raw)
        if canonical is not None and canonical not in self.used:
            self.used.add(canonical)
            self.ids.setdefault(canonical, canonical)
            return canonical
        uuid = new_uuid()
        self.used.add(uuid)
        if canonical is not None:
            self.report.add(REPEATED_GUID, f"{quoted(path)} {canonical} → {uuid}")
        else:
            shown = "no id" if raw is None else f"id {raw.strip()!r}"
            self.report.add(NOT_A_GUID, f"{quoted(path)} ({shown}) → {uuid}")
            if raw is not None and raw.strip():
                self.ids.setdefault(raw.strip(), uuid)
        return uuid

    def codable(self, raw: str | None, path: tuple[str, ...]) -> bool:
        value = (raw or "").strip().lower()
        if value in {"true", "1"}:
            return True
        if value in {"false", "0"}:
            return False
        shown = "missing" if raw is None else repr(raw)
        self.report.add(BAD_CODABLE, f"{quoted(path)} ({shown})")
        return True

    def colour(self, raw: str | None, path: tuple[str, ...]) -> str | None:
        reading = read_colour(raw)
        if reading.change is not None:
            result = reading.value or "dropped"
            self.report.add(COLOUR_NOTES[reading.change], f"{quoted(path)} {raw!r} → {result}")
        return reading.value

    def ignored(self, el: Element, path: tuple[str, ...]) -> None:
        for key in el.attrib:
            local = etree.QName(key).localname
            if local.lower() not in _CODE_ATTRIBUTES:
                self.report.add(IGNORED_ATTRIBUTES, f"{quoted(path)} @{local}")
        for sub in other_children(el, _CODE_CHILDREN):
            self.report.add(IGNORED_ELEMENTS, f"<{local_name(sub)}> in {quoted(path)}")
        if len(children(el, "Description")) > 1:
            self.report.add(EXTRA_DESCRIPTIONS, quoted(path))

    @staticmethod
    def description_text(el: Element) -> str:
        found = child(el, "Description")
        return "" if found is None else text_content(found)

    def description(self, el: Element, path: tuple[str, ...]) -> tuple[str, code_text.CodeFields]:
        text = self.description_text(el)
        if not self.annotator or code_text.MARKER not in text:
            return text, code_text.CodeFields()
        decoded = code_text.decompose(text)
        if decoded is None:
            self.report.add(BAD_BLOCK, quoted(path))
            return text, code_text.CodeFields()
        description, fields = decoded
        if fields.level_of is not None:
            self.report.add(STRAY_LEVELS, quoted(path))
            fields = dataclasses.replace(fields, level_of=None)
        return description, fields


def read_code_tree(codes: Element, report: Report, *, annotator: bool = False) -> CodeTree:
    """The codes under a ``Codes`` element; ``annotator`` decodes Annotator's own fields."""
    reader = _Reader(report, annotator)
    found = reader.codes(children(codes, "Code"), ())
    return CodeTree(tuple(found), frozenset(reader.not_codable), reader.ids)


def assign_uuids(codes: tuple[CodeSpec, ...]) -> tuple[tuple[CodeSpec, ...], list[str]]:
    """``codes`` with a new uuid on every code and level that has none.

    Also returns, for a note, the paths (``Parent/Child``, a level as ``Variable: level``)
    that were given one.
    """
    minted: list[str] = []

    def fill(code: CodeSpec, parent: tuple[str, ...]) -> CodeSpec:
        path = (*parent, code.name)
        uuid = code.uuid
        if uuid is None:
            minted.append(quoted(path))
            uuid = new_uuid()
        levels = []
        for level in code.levels:
            if level.uuid is None:
                minted.append(f"{quoted(path)}: {level.name!r}")
            levels.append(
                level if level.uuid is not None else dataclasses.replace(level, uuid=new_uuid())
            )
        return dataclasses.replace(
            code,
            uuid=uuid,
            levels=tuple(levels),
            children=tuple(fill(c, path) for c in code.children),
        )

    return tuple(fill(code, ()) for code in codes), minted


def iter_uuids(codes: tuple[CodeSpec, ...]) -> Iterator[str | None]:
    """The uuid of every code and level, depth first."""
    for code in codes:
        yield code.uuid
        for level in code.levels:
            yield level.uuid
        yield from iter_uuids(code.children)


ILLEGAL_CHARACTERS = "characters that XML cannot hold were removed"
BAD_COLOUR = "colours that are not #RRGGBB were not written"


class _Writer:
    def __init__(self, ns: str, not_codable: Collection[str], report: Report) -> None:
        self.ns = ns
        self.not_codable = {normalise_guid(u) or u for u in not_codable}
        self.report = report

    def text(self, value: str, where: tuple[str, ...], field: str) -> str:
        clean, changed = strip_illegal(value)
        if changed:
            self.report.add(ILLEGAL_CHARACTERS, f"{shown(where)} ({field})")
        return clean

    def code(self, parent: Element, code: CodeSpec, path: tuple[str, ...]) -> None:
        if code.uuid is None:
            raise ValueError(f"code {'/'.join(path)!r} has no uuid")
        codable = not code.levels and normalise_guid(code.uuid) not in self.not_codable
        el = etree.SubElement(parent, f"{{{self.ns}}}Code")
        el.set("guid", export_guid(code.uuid))
        el.set("name", self.text(code.name, path, "name"))
        el.set("isCodable", "true" if codable else "false")
        if code.colour is not None:
            colour = export_colour(code.colour)
            if colour is None:
                self.report.add(BAD_COLOUR, f"{shown(path)} {code.colour!r}")
            else:
                el.set("color", colour)
        fields = code_text.CodeFields(
            inclusion=code.inclusion,
            exclusion=code.exclusion,
            examples=code.examples,
            memo=code.memo,
            shortcut=code.shortcut,
            kind=code.kind,
            variable_type=code.variable_type,
        )
        self.description(el, code_text.compose(code.description, fields), path)
        for level in code.levels:
            self.level(el, level, code.name, path)
        for sub in code.children:
            self.code(el, sub, (*path, sub.name))

    def level(self, parent: Element, level: Level, variable: str, path: tuple[str, ...]) -> None:
        if level.uuid is None:
            raise ValueError(f"level {level.name!r} of {'/'.join(path)!r} has no uuid")
        where = (*path, level.name)
        el = etree.SubElement(parent, f"{{{self.ns}}}Code")
        el.set("guid", export_guid(level.uuid))
        el.set("name", self.text(level.name, where, "name"))
        el.set("isCodable", "true")
        fields = code_text.CodeFields(level_of=variable)
        self.description(el, code_text.compose(level.description, fields), where)

    def description(self, el: Element, text: str, path: tuple[str, ...]) -> None:
        if text:
            description = self.text(text, path, "description")
            etree.SubElement(el, f"{{{self.ns}}}Description").text = description


def shown(path: tuple[str, ...]) -> str:
    """A code path for a note, without characters that a note cannot show either."""
    return quoted(strip_illegal("/".join(path))[0])


def write_code_tree(
    codes_el: Element,
    codes: tuple[CodeSpec, ...],
    namespace: str,
    report: Report,
    *,
    not_codable: Collection[str] = frozenset(),
) -> None:
    """Append a ``Code`` element for every code of ``codes`` to ``codes_el``."""
    writer = _Writer(namespace, not_codable, report)
    for code in codes:
        writer.code(codes_el, code, (code.name,))
