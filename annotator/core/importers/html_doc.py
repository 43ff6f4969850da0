"""Reading HTML input files with lxml, and the small DOM queries the HTML importers share.

:func:`load_html` decodes a file with :func:`annotator.core.textfile.decode` (so BOMs,
UTF-16 and legacy encodings are handled like every other text input) and parses it with
libxml2's forgiving HTML parser (``huge_tree`` so that very long messages are not cut).
Elements keep ``sourceline`` (1-based, in the decoded file), which warnings report.

Class tests follow HTML semantics: ``class`` is a whitespace-separated token list, so
``has_class(el, "joined")`` is true for ``class="message default clearfix joined"``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from annotator.core.errors import InputFileError
from annotator.core.importers.base import ImportWarning
from annotator.core.textfile import decode, read_bytes

Element = etree._Element
"""An lxml element of an HTML tree."""

_SPACE_RUN = re.compile(r"[ \t\n\r\f]+")
_DIGIT_RUN = re.compile(r"([0-9]+)")


@dataclass(frozen=True, slots=True)
class HtmlFile:
    """A parsed HTML file: its root element and what decoding noticed."""

    path: Path
    root: Element
    warnings: tuple[ImportWarning, ...]
    size: int


def load_html(path: Path, expected: str) -> HtmlFile:
    """Read, decode and parse ``path``; ``expected`` names the format in error messages.

    Raises :class:`InputFileError` for a missing, empty, binary or undecodable file and for
    content in which the parser finds no document at all.
    """
    data = read_bytes(path)
    decoded = decode(path, data)
    parser = etree.HTMLParser(encoding="utf-8", huge_tree=True, remove_pis=True)
    try:
        # Re-encoding the decoded text gives libxml2 one known encoding whatever the file
        # declared, and avoids lxml's refusal of str input that carries an XML declaration.
        root = etree.fromstring(decoded.text.encode("utf-8", "surrogatepass"), parser)
    except (etree.LxmlError, ValueError, UnicodeError) as exc:
        raise InputFileError(
            path, f"cannot parse the file as HTML ({exc}); expected {expected}"
        ) from exc
    if root is None:
        raise InputFileError(path, f"the file holds no HTML; expected {expected}")
    return HtmlFile(path, root, decoded.warnings, len(data))


def is_element(node: object) -> bool:
    """Whether ``node`` is a real element (not a comment or processing instruction)."""
    return isinstance(node, etree._Element) and isinstance(node.tag, str)


def natural_key(name: str) -> list[Any]:
    """A sort key that orders digit runs by value: ``chat_2`` before ``chat_10``."""
    return [int(part) if part.isdigit() else part.lower() for part in _DIGIT_RUN.split(name)]


def line_of(el: Element) -> int | None:
    """The 1-based line where ``el`` starts in the decoded file, when lxml knows it."""
    line = getattr(el, "sourceline", None)
    return line if isinstance(line, int) else None


def classes(el: Element) -> list[str]:
    """The class tokens of ``el``."""
    value = el.get("class")
    return value.split() if value else []


def has_class(el: Element, name: str) -> bool:
    return name in classes(el)


def class_test(name: str) -> str:
    """An XPath predicate body true for elements whose class list contains ``name``."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


@functools.lru_cache(maxsize=256)
def _compiled(xpath: str) -> etree.XPath:
    return etree.XPath(xpath)


def find_all(el: Element, xpath: str) -> list[Element]:
    """Elements selected by ``xpath`` from ``el`` (other results are ignored)."""
    result = _compiled(xpath)(el)
    if not isinstance(result, list):
        return []
    return [node for node in result if is_element(node)]  # type: ignore[misc]


def find_first(el: Element, xpath: str) -> Element | None:
    found = find_all(el, xpath)
    return found[0] if found else None


def descendants_with_class(el: Element, name: str, tag: str = "*") -> list[Element]:
    return find_all(el, f".//{tag}[{class_test(name)}]")


def first_with_class(el: Element, name: str, tag: str = "*") -> Element | None:
    return find_first(el, f".//{tag}[{class_test(name)}]")


def child_with_class(el: Element, name: str, tag: str = "*") -> Element | None:
    """The first child element of ``el`` (of ``tag``, or any) whose classes include ``name``."""
    for child in el:
        if is_element(child) and tag in ("*", child.tag) and name in classes(child):
            return child
    return None


def element_children(el: Element) -> Iterator[Element]:
    for child in el:
        if is_element(child):
            yield child


def text_of(el: Element, skip: frozenset[str] = frozenset()) -> str:
    """All text inside ``el`` in document order, leaving out the subtrees of descendants
    that carry one of the classes in ``skip`` (their tails are kept)."""
    parts: list[str] = []
    # An explicit stack: mutated input can nest deeper than Python's recursion limit.
    stack: list[tuple[Element, bool]] = [(el, False)]
    while stack:
        node, tail_only = stack.pop()
        if tail_only:
            parts.append(node.tail or "")
            continue
        parts.append(node.text or "" if isinstance(node.tag, str) else "")
        for child in reversed(list(node)):
            stack.append((child, True))
            if is_element(child) and not skip.intersection(classes(child)):
                stack.append((child, False))
    return "".join(parts)


def squash(text: str) -> str:
    """``text`` with HTML whitespace runs (not NBSP) folded to one space and the ends
    trimmed; for labels such as names and counters, never for post text."""
    return _SPACE_RUN.sub(" ", text).strip(" ")


def peek(path: Path, size: int) -> str:
    """The first ``size`` bytes of ``path`` as text (UTF-8, bad bytes replaced), for sniffing.

    Raises :class:`InputFileError` when the file cannot be read.
    """
    try:
        with path.open("rb") as handle:
            return handle.read(size).decode("utf-8", "replace")
    except OSError as exc:
        raise InputFileError(path, f"cannot read the file: {exc.strerror or exc}") from exc


def file_size(path: Path) -> int:
    """The size of ``path`` in bytes, 0 when it cannot be known (for progress only)."""
    try:
        return path.stat().st_size
    except OSError:
        return 0
