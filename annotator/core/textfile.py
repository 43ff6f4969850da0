"""Reading input text files: missing, empty, binary and foreign-encoded files.

UTF-8 (with or without BOM), UTF-16/32 with BOM and BOM-less UTF-16 are read
exactly; other encodings (cp1251, latin-1, ...) are detected and reported in a
warning. Problems raise :class:`InputFileError` naming the file and, where it
helps, the line.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from charset_normalizer import from_bytes

from annotator.core.errors import InputFileError
from annotator.core.importers.base import ImportWarning

BOMS = (  # the longest first: a UTF-32 LE BOM starts like UTF-16 LE
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BINARY_MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or an .xlsx/.docx file)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"SQLite format 3\x00": "an SQLite database",
    b"GIF8": "a GIF image",
}
_CONTROL_OK = {"\t", "\n", "\r", "\f", "\v"}


@dataclass(frozen=True, slots=True)
class DecodedText:
    """The decoded content of a file, the encoding used and what was noticed."""

    text: str
    encoding: str
    warnings: tuple[ImportWarning, ...] = ()


def read_bytes(path: Path) -> bytes:
    """The file's bytes; a missing, unreadable or empty file raises :class:`InputFileError`."""
    try:
        if not path.exists():
            raise InputFileError(path, "no such file")
        if path.is_dir():
            raise InputFileError(path, "is a folder, not a file")
        data = path.read_bytes()
    except OSError as exc:
        raise InputFileError(path, f"cannot read the file: {exc.strerror or exc}") from exc
    if not data.strip():
        raise InputFileError(path, "the file is empty")
    return data


def read_text(path: Path) -> DecodedText:
    return decode(path, read_bytes(path))


def decode(path: Path, data: bytes) -> DecodedText:
    """Decode ``data`` (the content of ``path``) as described in the module docstring."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _strict(path, data, encoding)
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise InputFileError(path, f"this is {what}, not a text file")
    utf16 = bomless_utf16(data)
    if utf16:
        decoded = _strict(path, data, utf16)
        note = ImportWarning("encoding", f"read as {utf16.upper()} without a byte-order mark")
        return DecodedText(decoded.text, utf16, (note,))
    if b"\x00" in data:
        raise InputFileError(path, "this is a binary file, not text (it contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _not_utf8(path, data, exc)
    _refuse_control_heavy(path, text)
    return DecodedText(text, "utf-8")


def _strict(path: Path, data: bytes, encoding: str) -> DecodedText:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        label = encoding.replace("-sig", "").upper()
        raise InputFileError(
            path, f"not valid {label} text (undecodable bytes at byte offset {exc.start})"
        ) from exc
    _refuse_control_heavy(path, text)
    return DecodedText(text, encoding)


def bomless_utf16(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when ``data`` has the NUL pattern of mostly-ASCII UTF-16."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd_nul = sample[1::2].count(0) / max(1, len(sample[1::2]))
    if odd_nul > 0.3 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.3 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _not_utf8(path: Path, data: bytes, exc: UnicodeDecodeError) -> DecodedText:
    if exc.reason == "unexpected end of data" and exc.end == len(data):
        text = data[: exc.start].decode("utf-8")
        note = ImportWarning(
            "truncated",
            "the file ends in the middle of a character; the file may be truncated",
            _line_of(data, exc.start),
        )
        return DecodedText(text, "utf-8", (note,))
    matches = from_bytes(data)
    best = _western_default(list(matches), matches.best())
    if best is None or best.encoding in ("utf_8", "ascii"):
        raise InputFileError(
            path,
            f"not UTF-8 text (invalid byte 0x{data[exc.start]:02x}) and no other encoding fits; "
            "save the file as UTF-8",
            _line_of(data, exc.start),
        )
    text = str(best)
    _refuse_control_heavy(path, text)
    name = best.encoding.replace("_", "-")
    others = [m.encoding.replace("_", "-") for m in matches
              if m.encoding != best.encoding and m.chaos <= best.chaos + _CLOSE][:3]
    also = f"; {', '.join(others)} would also fit" if others else ""
    note = ImportWarning(
        "encoding",
        f"the file is not UTF-8; read as {name} (detected, first non-UTF-8 byte on line "
        f"{_line_of(data, exc.start)}{also}); check that the text looks right",
    )
    return DecodedText(text, name, (note,))


_CLOSE = 0.05
"""Chaos scores this close are a tie between encodings."""
_WESTERN = ("cp1252", "latin_1", "iso8859_15")
_NON_LATIN = ("cp1251", "koi8_r", "koi8_u", "mac_cyrillic", "cp866", "iso8859_5", "cp1253",
              "iso8859_7", "cp1255", "iso8859_8", "cp1256", "iso8859_6")


def _western_default(matches: list[Any], best: Any) -> Any:
    """Break ties towards Windows-1252, the encoding Excel writes in Western locales.

    charset-normalizer often scores cp1250 or cp1257 as well as cp1252 on French,
    German or Spanish text, and picking them silently garbles accented letters.
    Clearly non-Latin guesses (Cyrillic, Greek...) are kept.
    """
    if best is None or best.encoding in _NON_LATIN:
        return best
    for name in _WESTERN:
        for match in matches:
            if (match.encoding == name and match.chaos <= best.chaos + _CLOSE
                    and match.coherence >= best.coherence - _CLOSE):
                return match
    return best


def _refuse_control_heavy(path: Path, text: str) -> None:
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in _CONTROL_OK)
    if sample and controls / len(sample) > 0.05:
        raise InputFileError(path, "this looks like a binary file, not text")


def decode_head(head: bytes, path: Path | None = None) -> str | None:
    """Decode the first bytes of a file for format detection; ``None`` when it is not text.

    A character cut at the end of ``head`` is dropped. With ``path`` given, a head
    that is not text raises the :class:`InputFileError` that says why instead.
    """
    for bom, encoding in BOMS:
        if head.startswith(bom) and encoding in ("utf-16", "utf-32"):
            unit = 2 if encoding == "utf-16" else 4
            head = head[: len(head) - len(head) % unit]
    try:
        return decode(path or Path("<sample>"), head).text
    except InputFileError:
        if path is not None:
            raise
        return None
