"""The shape of a codebook tree (children by parent id) and the single edit between two shapes.

:class:`~annotator.ui.models.code_tree.CodeTreeModel` compares the tree before
and after a change to tell views "one row inserted/removed/moved" instead of
resetting. Plain Python; codebooks are small, so the checks are simple.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass

from annotator.core.model import Code

Children = dict[int | None, tuple[int, ...]]


@dataclass(frozen=True)
class Structure:
    """Codes by id and the ordered children of every code (``None``: the top level)."""

    codes: dict[int, Code]
    children: Children

    @classmethod
    def of(cls, codes: Iterable[Code]) -> Structure:
        """From codes in tree order (as ``CodeService.list`` returns them)."""
        listed = list(codes)
        children: dict[int | None, list[int]] = {None: []}
        for code in listed:
            children.setdefault(code.id, [])
        for code in listed:
            children.setdefault(code.parent_id, []).append(code.id)
        return cls({c.id: c for c in listed}, {k: tuple(v) for k, v in children.items()})

    def parent_of(self, code_id: int) -> int | None:
        return self.codes[code_id].parent_id

    def row_of(self, code_id: int) -> int:
        return self.children[self.parent_of(code_id)].index(code_id)

    def ordered(self) -> list[Code]:
        """Every code, depth first."""
        found: list[Code] = []

        def walk(parent: int | None) -> None:
            for child in self.children.get(parent, ()):
                found.append(self.codes[child])
                walk(child)

        walk(None)
        return found

    def subtree(self, code_id: int) -> list[int]:
        """``code_id`` and its descendants, parents first."""
        found = [code_id]
        for current in found:
            found.extend(self.children.get(current, ()))
        return found

    def ancestors_and_self(self, code_id: int) -> list[int]:
        found: list[int] = []
        current: int | None = code_id
        while current is not None:
            found.append(current)
            current = self.parent_of(current)
        return found

    def shown_differently(self, old: Structure) -> set[int]:
        """Codes present in both whose shown data differ (the sibling position aside)."""
        return {
            code_id for code_id, code in self.codes.items()
            if code_id in old.codes
            and dataclasses.replace(code, position=0)
            != dataclasses.replace(old.codes[code_id], position=0)
        }

    # The single edit that turns ``old`` into ``self``, if that is what happened.

    def single_insert(self, old: Structure) -> int | None:
        """The root of the one subtree added to ``old``, else ``None``."""
        return old.single_removal(self)

    def single_removal(self, old: Structure) -> int | None:
        """The root of the one subtree removed from ``old``, else ``None``."""
        removed = old.codes.keys() - self.codes.keys()
        if not removed or not self.codes.keys() <= old.codes.keys():
            return None
        roots = [i for i in removed if old.parent_of(i) not in removed]
        if len(roots) != 1 or set(old.subtree(roots[0])) != removed:
            return None
        return roots[0] if _without(old.children, old.subtree(roots[0])) == self.children \
            else None

    def single_move(self, old: Structure) -> int | None:
        """The one code (with its subtree) moved elsewhere in ``old``, else ``None``."""
        if self.codes.keys() != old.codes.keys():
            return None
        candidates = [i for i in self.codes if self.parent_of(i) != old.parent_of(i)]
        if not candidates:
            changed = [p for p, kids in self.children.items() if old.children.get(p) != kids]
            candidates = [i for p in changed for i in self.children[p]]
        for code_id in candidates:
            mine = _without(self.children, [code_id], keep_own=True)
            if mine == _without(old.children, [code_id], keep_own=True):
                return code_id
        return None


def _without(children: Children, ids: list[int], *, keep_own: bool = False) -> Children:
    """``children`` with ``ids`` taken out of their parents' lists (and their own
    entries dropped unless ``keep_own``)."""
    gone = set(ids)
    return {
        parent: tuple(i for i in kids if i not in gone)
        for parent, kids in children.items()
        if keep_own or parent not in gone
    }
