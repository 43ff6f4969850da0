"""XML for REFI-QDA: safe parsing, namespace-tolerant lookup and schema diagnostics.

Readers match elements on their local name, so any ``urn:QDA-XML:*`` namespace
(``1.0``, NVivo's ``1:0``, ATLAS.ti's ``0:4``, Transana's ``0:10``) or none works.
Attributes are unqualified in both schemas; lookups also tolerate a different
letter case. Parsing resolves internal entities only (an external one is an error) and never
touches the network (XXE).

Schema diagnostics validate a copy of the document whose elements were moved to
the canonical namespace (README §7.3), against the copies in ``schemas/refi-qda/``.
"""

from __future__ import annotations

import copy
import re
import threading
from functools import cache
from pathlib import Path
from typing import Any

from lxml import etree

from annotator.assets import schema
from annotator.core.errors import InputFileError
from annotator.core.textfile import read_bytes

Element = etree._Element

QDA_PREFIX = "urn:QDA-XML:"
CODEBOOK_NAMESPACE = "urn:QDA-XML:codebook:1.0"
PROJECT_NAMESPACE = "urn:QDA-XML:project:1.0"

_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NAMESPACE_IN_MESSAGE = re.compile(r"\{urn:QDA-XML:[^}]*\}")
_PATTERN_IN_MESSAGE = re.compile(r" by the pattern '[^']*'")
_VALIDATION_LOCK = threading.Lock()


def parser() -> etree.XMLParser:
    """A parser that resolves only internal entities, loads no DTD and never uses the network."""
    internal_only: Any = "internal"  # lxml >= 5; lxml-stubs only know booleans
    return etree.XMLParser(
        resolve_entities=internal_only, no_network=True, load_dtd=False, huge_tree=False
    )


def parse_file(path: Path, expected: str) -> Element:
    """The root element of the XML file ``path``; ``expected`` names the format in errors.

    A missing, empty or malformed file raises :class:`InputFileError` (with the line
    of the first XML error). A byte order mark and the declared encoding are honoured.
    """
    data = read_bytes(path)
    if data.startswith(b"PK\x03\x04"):
        raise InputFileError(
            path, f"this is a ZIP archive (a .qdpx project?), not {expected}", line=None
        )
    try:
        root = etree.fromstring(data, parser())
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if isinstance(exc.lineno, int) and exc.lineno > 0 else None
        raise InputFileError(
            path, f"not well-formed XML ({exc.msg}); expected {expected}", line=line
        ) from exc
    if root is None:  # pragma: no cover - lxml raises for a document without a root
        raise InputFileError(path, f"the file holds no XML element; expected {expected}")
    return root


def is_element(node: object) -> bool:
    """Whether ``node`` is an element (not a comment, processing instruction or entity)."""
    return isinstance(node, etree._Element) and isinstance(node.tag, str)


def local_name(el: Element) -> str:
    return etree.QName(el).localname


def namespace(el: Element) -> str | None:
    return etree.QName(el).namespace


def children(el: Element, name: str) -> list[Element]:
    """The child elements of ``el`` whose local name is ``name``, in document order."""
    return [c for c in el if is_element(c) and local_name(c) == name]


def child(el: Element, name: str) -> Element | None:
    found = children(el, name)
    return found[0] if found else None


def other_children(el: Element, known: set[str]) -> list[Element]:
    """The child elements whose local name is not in ``known``."""
    return [c for c in el if is_element(c) and local_name(c) not in known]


def attribute(el: Element, name: str) -> str | None:
    """The attribute ``name``; failing that, one whose local name matches in any case."""
    value = el.get(name)
    if value is not None:
        return value
    wanted = name.lower()
    for key, found in el.attrib.items():
        if etree.QName(key).localname.lower() == wanted:
            return str(found)
    return None


def text_content(el: Element) -> str:
    """The text inside ``el`` and its descendants, without comments or instructions."""
    parts = [el.text or ""]
    for sub in el:
        if is_element(sub):
            parts.append(text_content(sub))
        parts.append(sub.tail or "")
    return "".join(parts)


def xml_path(el: Element) -> str:
    """Where ``el`` is, by local names: ``/Project/Sources/TextSource[3]/PlainTextSelection[1]``.

    An index counts the element among its parent's children of the same local name
    (from 1) and is written only when there are several.
    """
    steps: list[str] = []
    node: Element | None = el
    while node is not None:
        name = local_name(node)
        parent = node.getparent()
        if parent is not None:
            same = children(parent, name)
            if len(same) > 1:
                name = f"{name}[{same.index(node) + 1}]"
        steps.append(name)
        node = parent
    return "/" + "/".join(reversed(steps))


def line_of(el: Element) -> int | None:
    line = el.sourceline
    return line if isinstance(line, int) and line > 0 else None


def strip_illegal(text: str) -> tuple[str, bool]:
    """``text`` without the characters XML 1.0 forbids, and whether any were removed."""
    clean = _ILLEGAL_XML.sub("", text)
    return clean, clean != text


@cache
def _schema(name: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(schema(f"refi-qda/{name}")), parser()))


def schema_problems(
    root: Element, schema_name: str, target: str | None = None
) -> list[tuple[int | None, str]]:
    """What ``schema_name`` (``Codebook.xsd`` or ``Project.xsd``) finds wrong with ``root``.

    With a ``target`` namespace, the elements of a copy are moved to it first, so a
    file in another ``urn:QDA-XML`` namespace or none is judged on its structure
    (readers); without, ``root`` is validated as it is (writers). Messages lose the
    namespace and the long GUID/colour patterns; lines are the file's.
    """
    checked = root
    if target is not None:
        checked = copy.deepcopy(root)
        for el in checked.iter():
            if is_element(el):
                el.tag = f"{{{target}}}{local_name(el)}"
    xsd = _schema(schema_name)
    with _VALIDATION_LOCK:
        try:
            xsd.validate(checked)
        except etree.Error as exc:  # pragma: no cover - libxml2 internal errors
            return [(None, f"the schema check could not run ({exc})")]
        log: Any = xsd.error_log  # lxml-stubs do not declare the log iterable
        errors = [(int(e.line), str(e.message)) for e in log]
    problems: list[tuple[int | None, str]] = []
    for line, message in errors:
        clean = _PATTERN_IN_MESSAGE.sub("", _NAMESPACE_IN_MESSAGE.sub("", message))
        problems.append((line if line > 0 else None, clean))
    return problems
