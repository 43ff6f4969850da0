"""Qt Linguist files without Qt: reads ``.ts`` translation sources and writes ``.qm`` files.

The writer reproduces what ``lrelease`` (in its default mode) writes, byte for byte, for
the languages in :data:`NUMERUS_RULES`, so a ``.qm`` can be built where ``lrelease`` is
missing: in a hatch build environment (which has no PySide6), in a PyInstaller bundle, or
at run time after a ``.ts`` changed. The format follows Qt's ``qm.cpp`` (the writer) and
``qtranslator.cpp`` (the reader): a magic number, then tagged blocks (language, a hash
table of ``(hash, offset)`` pairs, the messages, the plural rules).

This module imports no Qt, so ``hatch_build.py`` loads it by path without PySide6.
"""

from __future__ import annotations

import os
import struct
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
"""The first 16 bytes of every ``.qm`` file."""

_TAG_END, _TAG_TRANSLATION, _TAG_SOURCE, _TAG_CONTEXT, _TAG_COMMENT = 1, 3, 6, 7, 8
_BLOCK_HASHES, _BLOCK_MESSAGES, _BLOCK_NUMERUS, _BLOCK_LANGUAGE = 0x42, 0x69, 0x88, 0xA7

# Plural rule opcodes of qtranslator_p.h.
_EQ, _BETWEEN, _NOT, _MOD_10, _MOD_100 = 0x01, 0x04, 0x08, 0x10, 0x20
_AND, _NEWRULE = 0xFD, 0xFF

_ENGLISH_STYLE = bytes([_EQ, 1])
_RUSSIAN_STYLE = bytes([
    _MOD_10 | _EQ, 1, _AND, _MOD_100 | _NOT | _EQ, 11, _NEWRULE,
    _MOD_10 | _BETWEEN, 2, 4, _AND, _MOD_100 | _NOT | _BETWEEN, 10, 19,
])

NUMERUS_RULES: dict[str, tuple[bytes, int]] = {
    "en": (_ENGLISH_STYLE, 2),
    "ru": (_RUSSIAN_STYLE, 3),
    "uk": (_RUSSIAN_STYLE, 3),
    "be": (_RUSSIAN_STYLE, 3),
}
"""Language (ISO 639-1) -> (Qt's plural rules as lrelease stores them, number of forms).
A language missing here cannot be compiled: add it from Qt's ``numerus.cpp``."""

FINISHED, UNFINISHED, VANISHED, OBSOLETE = "finished", "unfinished", "vanished", "obsolete"


class TsError(ValueError):
    """A ``.ts`` file this module cannot read or compile; the message names the problem."""


@dataclass(frozen=True, slots=True)
class Message:
    """One ``<message>`` of a ``.ts`` file."""

    context: str
    source: str
    comment: str
    """The disambiguation (``tr(source, comment)``), empty when none."""
    translations: tuple[str, ...]
    """One string, or one per plural form for a numerus message."""
    numerus: bool
    state: str
    """:data:`FINISHED`, :data:`UNFINISHED`, :data:`VANISHED` or :data:`OBSOLETE`."""

    @property
    def active(self) -> bool:
        """Whether the message is still in the code (not vanished or obsolete)."""
        return self.state in (FINISHED, UNFINISHED)


@dataclass(frozen=True, slots=True)
class TsFile:
    language: str
    """The target language, e.g. ``"ru"`` or ``"ru_RU"``; empty when the file has none."""
    source_language: str
    messages: tuple[Message, ...]


def read_ts(path: Path) -> TsFile:
    """Parse the ``.ts`` file at ``path``; raises :class:`TsError` or ``OSError``."""
    return parse_ts(Path(path).read_bytes())


def parse_ts(data: bytes | str) -> TsFile:
    """Parse ``.ts`` XML; raises :class:`TsError` when it is not a translation source."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise TsError(f"not well-formed XML: {exc}") from exc
    if root.tag != "TS":
        raise TsError(f"the root element is <{root.tag}>, not <TS>")
    messages = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        messages += [_message(name, element) for element in context.iter("message")]
    return TsFile(root.get("language", ""), root.get("sourcelanguage", ""), tuple(messages))


def _message(context: str, element: ET.Element) -> Message:
    source = element.find("source")
    if source is None:
        raise TsError(f"a message of context {context!r} has no <source>")
    translation = element.find("translation")
    numerus = element.get("numerus") == "yes"
    if translation is None:
        texts: tuple[str, ...] = ()
        state = UNFINISHED
    else:
        state = translation.get("type") or FINISHED
        if numerus:
            forms = translation.findall("numerusform")
            if any(form.get("variants") == "yes" for form in forms):
                raise TsError(f"length variants are not supported ({source.text!r})")
            texts = tuple(form.text or "" for form in forms)
        elif translation.get("variants") == "yes":
            raise TsError(f"length variants are not supported ({source.text!r})")
        else:
            texts = (translation.text or "",)
    return Message(context, source.text or "", element.findtext("comment") or "", texts,
                   numerus, state)


def language_code(language: str) -> str:
    """The ISO 639 part of a ``.ts`` language: ``"ru_RU"`` -> ``"ru"``."""
    return language.replace("-", "_").split("_")[0].lower()


def compile_qm(ts: TsFile) -> bytes:
    """The ``.qm`` file for ``ts``, as ``lrelease`` writes it by default.

    Vanished, obsolete and untranslated messages are left out, as lrelease does;
    unfinished messages that have a translation are kept. Raises :class:`TsError` when the
    file has plural forms but its language is not in :data:`NUMERUS_RULES`.
    """
    code = language_code(ts.language)
    rules, forms = NUMERUS_RULES.get(code, (b"", 1))
    if code not in NUMERUS_RULES and any(m.numerus for m in ts.messages if m.active):
        raise TsError(f"no plural rules for language {ts.language!r}")

    without_comment = {(m.context, m.source) for m in ts.messages if not m.comment}
    entries: dict[tuple[bytes, bytes, bytes], tuple[str | None, ...]] = {}
    for message in ts.messages:
        if not message.active or (message.state == UNFINISHED and not _first(message)):
            continue
        count = forms if message.numerus else 1
        # lrelease pads missing plural forms with null strings and drops extra ones.
        texts = (message.translations + (None,) * count)[:count]
        context, source = message.context.encode(), message.source.encode()
        # lrelease drops a disambiguation while (context, source) alone is unambiguous, so
        # the lookup does not depend on it; the first message of a key wins.
        comment = message.comment.encode()
        if (comment and context and (message.context, message.source) not in without_comment
                and (context, source, b"") not in entries):
            comment = b""
        entries.setdefault((context, source, comment), texts)

    offsets: list[tuple[int, int]] = []
    body = bytearray()
    for (context, source, comment), texts in sorted(entries.items()):
        offsets.append((_elf_hash(source + comment), len(body)))
        for text in texts:
            body += bytes([_TAG_TRANSLATION]) + _qstring(text)
        for tag, value in ((_TAG_COMMENT, comment), (_TAG_SOURCE, source),
                           (_TAG_CONTEXT, context)):
            body += bytes([tag]) + struct.pack(">I", len(value)) + value
        body.append(_TAG_END)

    out = bytearray(MAGIC)
    if ts.language:
        out += _block(_BLOCK_LANGUAGE, ts.language.encode())
    if offsets:
        out += _block(_BLOCK_HASHES, b"".join(struct.pack(">II", h, o)
                                              for h, o in sorted(offsets)))
        out += _block(_BLOCK_MESSAGES, bytes(body))
    if rules:
        out += _block(_BLOCK_NUMERUS, rules)
    return bytes(out)


def compile_file(ts_path: Path, qm_path: Path) -> None:
    """Compile ``ts_path`` into ``qm_path`` (see :func:`write_qm`); raises :class:`TsError`
    or ``OSError``."""
    write_qm(Path(qm_path), compile_qm(read_ts(ts_path)))


def write_qm(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (a reader never sees a half-written file),
    readable by all like a file from a wheel; creates the folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.chmod(temporary, 0o644)  # mkstemp makes the file private
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _first(message: Message) -> str:
    return message.translations[0] if message.translations else ""


def _qstring(text: str | None) -> bytes:
    """QDataStream's QString: byte length (0xffffffff for null), then UTF-16 big-endian."""
    if text is None:
        return b"\xff\xff\xff\xff"
    data = text.encode("utf-16-be")
    return struct.pack(">I", len(data)) + data


def _block(tag: int, data: bytes) -> bytes:
    return bytes([tag]) + struct.pack(">I", len(data)) + data


def _elf_hash(data: bytes) -> int:
    """Qt's ``elfHash`` of the bytes up to the first NUL; never 0."""
    h = 0
    for byte in data.split(b"\0", 1)[0]:
        h = ((h << 4) + byte) & 0xFFFFFFFF
        g = h & 0xF0000000
        if g:
            h ^= g >> 24
        h &= ~g & 0xFFFFFFFF
    return h or 1
