"""Semantic checks of a REFI-QDA project document: what the schema cannot see (README §9).

The XSD accepts a bare file name as a path, a negative offset, a dangling reference,
a repeated GUID and, under libxml2, ``#RRGGBBAA``. :func:`document_problems` checks
what our writer promises beyond the schema:

* the namespace is exactly ``urn:QDA-XML:project:1.0``;
* GUIDs are canonical (upper case, no braces) and unique in the document;
* every ``creatingUser``/``modifyingUser`` names a ``User`` and every
  ``CodeRef``/``NoteRef``/``VariableRef``/``SourceRef``/``SelectionRef``/``Member*``
  names an element of the right kind;
* names are present and not blank; source names are unique;
* colours are ``#RRGGBB``;
* a ``TextSource`` has ``plainTextPath`` or ``PlainTextContent``, not both; a path is
  ``internal://<file>``, the file exists, is UTF-8 without a BOM and has LF line ends;
* selections satisfy ``0 <= start < end <= len(text)``, their ``name`` is the selected
  text (minus characters XML cannot hold) and their codings name codable codes.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from annotator.core.refi.qdpx_archive import INTERNAL
from annotator.core.refi.xml import (
    PROJECT_NAMESPACE,
    Element,
    attribute,
    child,
    children,
    is_element,
    local_name,
    namespace,
    strip_illegal,
    xml_path,
)

_CANONICAL_GUID = re.compile(r"[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}")
_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
_REFERENCES = {
    "CodeRef": "Code", "MemberCode": "Code", "NoteRef": "Note", "MemberNote": "Note",
    "VariableRef": "Variable", "SourceRef": "source", "MemberSource": "source",
    "SelectionRef": "selection",
}
_SOURCES = {"TextSource", "PictureSource", "PDFSource", "AudioSource", "VideoSource"}
_SELECTIONS = {"PlainTextSelection", "PictureSelection", "PDFSelection", "AudioSelection",
               "VideoSelection"}
_NAMED = {"Project", "Code", "User", "TextSource", "Variable", "Set"}

Reader = Callable[[str], bytes | None]
"""The bytes of a file of the archive's ``sources/`` folder by name; ``None`` if absent."""


def document_problems(root: Element, read: Reader) -> list[str]:
    """Everything wrong with ``root`` beyond the schema (see the module docstring)."""
    problems: list[str] = []
    elements = [el for el in root.iter() if is_element(el)]
    for el in elements:
        if namespace(el) != PROJECT_NAMESPACE:
            problems.append(f"{xml_path(el)}: namespace {namespace(el)!r}")
    kinds = _declared(elements, problems)
    for el in elements:
        _check_element(el, kinds, problems)
    names = Counter(attribute(el, "name") for el in elements if local_name(el) in _SOURCES)
    problems += [f"source name {name!r} is used {count} times"
                 for name, count in names.items() if count > 1]
    codable = {el.get("guid") for el in elements
               if local_name(el) == "Code" and el.get("isCodable") in ("true", "1")}
    for source in (el for el in elements if local_name(el) == "TextSource"):
        _check_text_source(source, codable, read, problems)
    return problems


def _declared(elements: list[Element], problems: list[str]) -> dict[str, str]:
    """GUID -> kind of every element that declares one; duplicates and bad forms noted."""
    kinds: dict[str, str] = {}
    for el in elements:
        guid = attribute(el, "guid")
        name = local_name(el)
        if guid is None or name in _REFERENCES:
            continue
        if not _CANONICAL_GUID.fullmatch(guid):
            problems.append(f"{xml_path(el)}: GUID {guid!r} is not canonical")
        if guid in kinds:
            problems.append(f"{xml_path(el)}: GUID {guid} is used twice")
        kind = "source" if name in _SOURCES else "selection" if name in _SELECTIONS else name
        kinds[guid] = kind
    return kinds


def _check_element(el: Element, kinds: dict[str, str], problems: list[str]) -> None:
    # Paths are computed only for problems: xml_path walks the siblings.
    name = local_name(el)
    for key in ("creatingUser", "modifyingUser", "creatingUserGUID", "modifyingUserGUID"):
        user = el.get(key)
        if user is not None and kinds.get(user) != "User":
            problems.append(f"{xml_path(el)}/@{key}: {user} names no User")
    if name in _REFERENCES:
        target = el.get("targetGUID")
        if target is None or kinds.get(target) != _REFERENCES[name]:
            problems.append(f"{xml_path(el)}: targetGUID {target} names no {_REFERENCES[name]}")
    if name in _NAMED and not (el.get("name") or "").strip():
        problems.append(f"{xml_path(el)}: empty name")
    colour = el.get("color")
    if colour is not None and not _COLOUR.fullmatch(colour):
        problems.append(f"{xml_path(el)}: colour {colour!r} is not #RRGGBB")


def _check_text_source(
    source: Element, codable: set[str | None], read: Reader, problems: list[str]
) -> None:
    path = source.get("plainTextPath")
    content = child(source, "PlainTextContent")
    if (path is None) == (content is None):
        problems.append(f"{xml_path(source)}: needs plainTextPath or PlainTextContent "
                        "(one, not both)")
        return
    if content is not None:
        text = content.text or ""
    else:
        assert path is not None
        decoded = _file_text(path, read, source, problems)
        if decoded is None:
            return
        text = decoded
    for selection in children(source, "PlainTextSelection"):
        _check_selection(selection, text, codable, problems)


def _file_text(path: str, read: Reader, source: Element, problems: list[str]) -> str | None:
    def note(problem: str) -> None:
        problems.append(f"{xml_path(source)}: {problem}")

    if not path.startswith(INTERNAL):
        note(f"plainTextPath {path!r} does not start with {INTERNAL}")
        return None
    data = read(path[len(INTERNAL):])
    if data is None:
        note(f"{path} is not in the archive")
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        note(f"{path} starts with a byte order mark")
    if b"\r" in data:
        note(f"{path} has CR line ends")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        note(f"{path} is not UTF-8")
        return None


def _check_selection(
    selection: Element, text: str, codable: set[str | None], problems: list[str]
) -> None:
    try:
        start = int(selection.get("startPosition") or "")
        end = int(selection.get("endPosition") or "")
    except ValueError:
        problems.append(f"{xml_path(selection)}: positions are not integers")
        return
    if not 0 <= start < end <= len(text):
        problems.append(f"{xml_path(selection)}: [{start}, {end}) is not inside the text "
                        f"(0..{len(text)})")
        return
    name = selection.get("name")
    if name is not None and name != strip_illegal(text[start:end])[0]:
        problems.append(f"{xml_path(selection)}: name is not the selected text")
    for coding in children(selection, "Coding"):
        refs = children(coding, "CodeRef")
        if len(refs) != 1:
            problems.append(f"{xml_path(coding)}: {len(refs)} CodeRefs (exactly 1 needed)")
        elif refs[0].get("targetGUID") not in codable:
            problems.append(f"{xml_path(coding)}: codes no codable code")
