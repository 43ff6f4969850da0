"""Undoable adjudication steps: one decision, or seeding the agreed entries.

Like :mod:`annotator.core.annotations.operations`, each keeps what its first application
wrote (a :class:`~.adjudication_gold.GoldChange`), so undo restores the gold layer, its
status and the decision log exactly, and redo brings back the very same rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from annotator.core.changes import Changes
from annotator.core.team.adjudication import AdjudicationService
from annotator.core.team.adjudication_gold import GoldChange
from annotator.core.team.adjudication_items import Action

if TYPE_CHECKING:
    from annotator.core.project import Project

_TEXTS = {
    Action.ACCEPT: "accept a coder's version",
    Action.ACCEPT_BOTH: "accept several versions",
    Action.EDIT: "edit the adjudicated version",
    Action.REJECT: "reject",
}


@dataclass
class Decide:
    """Decide one post and code: ``coder_ids`` name the accepted coders (accept: one,
    accept_both: several), ``version`` the edited spans or value (edit)."""

    post_id: int
    code_id: int
    action: Action
    adjudicator_id: int
    coder_ids: Sequence[int] = ()
    version: Any = None
    note: str = ""
    change: GoldChange | None = None

    @property
    def text(self) -> str:
        return _TEXTS[self.action]

    def apply(self, project: Project) -> Changes:
        service = AdjudicationService(project.sessions)
        if self.change is not None:  # redo
            return service.replay(self.change)
        self.change = self._first(service)
        return self.change.changes

    def revert(self, project: Project) -> Changes:
        assert self.change is not None, "revert before apply"
        return AdjudicationService(project.sessions).revert(self.change)

    def _first(self, service: AdjudicationService) -> GoldChange:
        post, code, who, note = self.post_id, self.code_id, self.adjudicator_id, self.note
        if self.action is Action.ACCEPT:
            (coder,) = self.coder_ids
            return service.accept(post, code, coder, who, note)
        if self.action is Action.ACCEPT_BOTH:
            return service.accept_all(post, code, self.coder_ids, who, note)
        if self.action is Action.EDIT:
            return service.edit(post, code, self.version, who, note)
        return service.reject(post, code, who, note)


@dataclass
class SeedAgreed:
    """Copy every agreed, not yet seeded entry into the gold layer (one step)."""

    adjudicator_id: int
    change: GoldChange | None = None

    @property
    def text(self) -> str:
        return "adopt what all coders agree on"

    def apply(self, project: Project) -> Changes:
        service = AdjudicationService(project.sessions)
        if self.change is not None:
            return service.replay(self.change)
        self.change = service.seed_agreed(self.adjudicator_id)
        return self.change.changes

    def revert(self, project: Project) -> Changes:
        assert self.change is not None, "revert before apply"
        return AdjudicationService(project.sessions).revert(self.change)
