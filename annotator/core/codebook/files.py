"""Codebook files by extension: ``.yaml``/``.yml``/``.json`` (Annotator's format) and ``.qdc``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from annotator import __version__
from annotator.core.codebook import io, qdc
from annotator.core.codebook.spec import CodebookSpec
from annotator.core.errors import InputFileError

SUFFIXES = (".yaml", ".yml", ".json", ".qdc")


@dataclass(frozen=True, slots=True)
class ReadCodebook:
    """A codebook read from a file, with notes on what the format could not carry."""

    spec: CodebookSpec
    notes: tuple[str, ...] = ()


def _suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputFileError(path, f"use a codebook file ending in {', '.join(SUFFIXES)}")
    return suffix


def read_codebook(path: Path) -> ReadCodebook:
    """Read and validate a codebook file (all problems at once, see :mod:`.io`)."""
    if _suffix(path) == ".qdc":
        result = qdc.read_qdc(path)
        return ReadCodebook(result.spec, result.notes)
    return ReadCodebook(io.load_codebook(path))


def write_codebook(spec: CodebookSpec, path: Path) -> tuple[str, ...]:
    """Write ``spec`` to ``path`` atomically; returns notes on what the format dropped."""
    if _suffix(path) == ".qdc":
        return qdc.write_qdc(spec, path, origin=f"Annotator {__version__}").notes
    io.dump_codebook(spec, path)
    return ()
