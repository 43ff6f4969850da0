"""Colours in REFI-QDA files (``RGBType``): lenient reading, ``#RRGGBB`` writing.

The schema allows ``#RRGGBB`` and ``#RGB`` in either case. Tools also emit
``#RRGGBBAA``, ``rgb()``/``rgba()`` and bare hex digits (RE-QDA/requal #176), and
libxml2 lets ``#RRGGBBAA`` pass the schema, so our own checks decide. Annotator keeps
``#rrggbb`` in lower case (see ``annotator.core.codebook.service.normalise_colour``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

_HEX6 = re.compile(r"#?([0-9a-fA-F]{6})")
_HEX3 = re.compile(r"#([0-9a-fA-F]{3})")
_HEX8 = re.compile(r"#([0-9a-fA-F]{6})[0-9a-fA-F]{2}")
_RGB_FUNCTION = re.compile(
    r"rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,\s*[0-9.]+%?\s*)?\)",
    re.IGNORECASE,
)
_EXPORTABLE = re.compile(r"#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3}")


class ColourChange(StrEnum):
    """How a colour read from a file differs from the file's text (beyond letter case)."""

    EXPANDED = "expanded"
    """``#RGB`` became ``#RRGGBB``."""
    ALPHA_DROPPED = "alpha dropped"
    """``#RRGGBBAA`` or ``rgba()``: the transparency was dropped."""
    CONVERTED = "converted"
    """``rgb()`` or hex digits without ``#``."""
    UNREADABLE = "unreadable"
    """Not a colour we understand; dropped."""


@dataclass(frozen=True, slots=True)
class ColourReading:
    value: str | None
    """``#rrggbb`` in lower case, or ``None``."""
    change: ColourChange | None = None


def read_colour(text: str | None) -> ColourReading:
    """Read a colour attribute; a missing or blank one is ``None`` without a change."""
    if text is None or not text.strip():
        return ColourReading(None)
    value = text.strip()
    if (match := _HEX6.fullmatch(value)) is not None:
        change = None if value.startswith("#") else ColourChange.CONVERTED
        return ColourReading("#" + match.group(1).lower(), change)
    if (match := _HEX3.fullmatch(value)) is not None:
        digits = match.group(1).lower()
        return ColourReading("#" + "".join(d * 2 for d in digits), ColourChange.EXPANDED)
    if (match := _HEX8.fullmatch(value)) is not None:
        return ColourReading("#" + match.group(1).lower(), ColourChange.ALPHA_DROPPED)
    if (match := _RGB_FUNCTION.fullmatch(value)) is not None:
        channels = [int(group) for group in match.groups()]
        if all(channel <= 255 for channel in channels):
            change = (
                ColourChange.ALPHA_DROPPED
                if value.lower().startswith("rgba")
                else ColourChange.CONVERTED
            )
            return ColourReading("#" + "".join(f"{c:02x}" for c in channels), change)
    return ColourReading(None, ColourChange.UNREADABLE)


def export_colour(colour: str) -> str | None:
    """``#RRGGBB`` in upper case for ``#rrggbb`` or ``#rgb`` (any case); ``None`` otherwise."""
    value = colour.strip()
    if not _EXPORTABLE.fullmatch(value):
        return None
    digits = value[1:]
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return "#" + digits.upper()
