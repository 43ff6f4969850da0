"""Which encoding a CSV file is in, decided before its rows are streamed.

A BOM decides (UTF-8, UTF-16, UTF-32); so does the NUL pattern of BOM-less UTF-16. Else the
whole file is checked for UTF-8 in 1 MiB chunks (bounded memory; an invalid byte deep in a
large file must not surface halfway through an import), and a file that is not UTF-8 gets
the legacy encoding :func:`annotator.core.textfile.decode` detects on its non-ASCII lines,
with a warning, as for other text inputs.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from annotator.core.errors import InputFileError
from annotator.core.importers.base import ImportWarning
from annotator.core.textfile import BOMS, bomless_utf16, decode

_LEGACY_SAMPLE = 262_144
_LINE_BACK = 65_536
_CHUNK = 1 << 20
def detect_encoding(path: Path, head: bytes) -> tuple[str, str, list[ImportWarning]]:
    """(codec, error handler, warnings) for the whole file whose first bytes are ``head``.

    The error handler is ``"ignore"`` only for a UTF-8 file cut inside its last character
    (reported as ``truncated``); a NUL byte outside UTF-16 raises :class:`InputFileError`.
    """
    for bom, name in BOMS:
        if head.startswith(bom):
            return name, "strict", []
    utf16 = bomless_utf16(head)
    if utf16:
        note = f"read as {utf16.upper()} without a byte-order mark"
        return utf16, "strict", [ImportWarning("encoding", note)]
    if b"\x00" in head:
        raise InputFileError(path, "this is a binary file, not text (it contains NUL bytes)")
    bad = _first_non_utf8(path)
    if bad is None:
        return "utf-8", "strict", []
    offset, at_end = bad
    line = _line_at(path, offset)
    if at_end:
        note = "the file ends in the middle of a character; the file may be truncated"
        return "utf-8", "ignore", [ImportWarning("truncated", note, line)]
    legacy = _legacy(path, offset)
    note = (
        f"the file is not UTF-8; read as {legacy} (detected, first non-UTF-8 byte on line "
        f"{line}); check that the text looks right"
    )
    return legacy, "strict", [ImportWarning("encoding", note)]


def _first_non_utf8(path: Path) -> tuple[int, bool] | None:
    """Offset of the first byte that is not UTF-8 (streamed), and whether the file ends
    inside a character there; ``None`` when the whole file is UTF-8."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    done = 0
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            pending = len(decoder.getstate()[0])  # bytes of a character cut by the last chunk
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                return done - pending + exc.start, False
            done += len(chunk)
        pending = len(decoder.getstate()[0])
        if pending:
            return done - pending, True
    return None


def _line_at(path: Path, offset: int) -> int:
    lines, done = 1, 0
    with path.open("rb") as stream:
        while done < offset and (chunk := stream.read(min(_CHUNK, offset - done))):
            lines += chunk.count(b"\n")
            done += len(chunk)
    return lines


def _legacy(path: Path, offset: int) -> str:
    """The legacy encoding of a non-UTF-8 file, detected on its non-ASCII lines from the
    one holding the first non-UTF-8 byte (whole lines, so no character is cut; ASCII lines
    would only dilute the evidence)."""
    sample = bytearray()
    with path.open("rb") as stream:
        start = max(0, offset - _LINE_BACK)
        stream.seek(start)
        before = stream.read(offset - start)
        stream.seek(start + before.rfind(b"\n") + 1)
        while len(sample) < _LEGACY_SAMPLE and (line := stream.readline(_LINE_BACK)):
            if max(line) >= 0x80:
                sample += line if line.endswith(b"\n") else line + b"\n"
    encoding = decode(path, bytes(sample)).encoding
    if encoding.startswith("utf"):
        raise InputFileError(
            path, "not UTF-8 text and no other encoding fits; save the file as UTF-8",
            _line_at(path, offset),
        )
    return encoding
