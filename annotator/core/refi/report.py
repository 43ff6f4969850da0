"""Notes for the user about what an import or export changed or could not carry.

REFI-QDA §7 asks importers to say which elements they discarded, in as much detail
as possible, and exporters to warn about data loss. Notes of one kind are grouped
into one line that counts them and lists the first few, so that a codebook of 500
codes with upper-case colours does not produce 500 lines.
"""

from __future__ import annotations


class Report:
    """Collects notes in the order their kinds first occur.

    ``add(headline)`` records a single note; ``add(headline, item)`` adds an item to
    the group ``headline``, which becomes ``"headline (n): item; item; ..."``.
    """

    SHOWN = 10
    """Items listed per group; the rest are counted."""

    def __init__(self) -> None:
        self._groups: dict[str, list[str]] = {}

    def add(self, headline: str, item: str | None = None) -> None:
        items = self._groups.setdefault(headline, [])
        if item is not None:
            items.append(item)

    def __bool__(self) -> bool:
        return bool(self._groups)

    def notes(self) -> list[str]:
        found: list[str] = []
        for headline, items in self._groups.items():
            if not items:
                found.append(headline)
                continue
            shown = "; ".join(items[: self.SHOWN])
            more = len(items) - self.SHOWN
            tail = f"; and {more} more" if more > 0 else ""
            found.append(f"{headline} ({len(items)}): {shown}{tail}")
        return found


def quoted(path: tuple[str, ...] | str) -> str:
    """A code path for a note: ``'Parent/Child'``."""
    text = path if isinstance(path, str) else "/".join(path)
    return repr(text) if "'" in text else f"'{text}'"
