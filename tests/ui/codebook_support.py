"""Helpers for the codebook UI tests: scripted answers instead of modal dialogs."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from annotator.core.codebook.service import Usage
from annotator.core.model import Annotation, Code
from annotator.core.project import Project
from annotator.core.spans import Span
from annotator.ui.views.codebook_prompts import CodebookPrompts


class ScriptedPrompts(CodebookPrompts):
    """Answers from ``answers`` (by method name) and records what was asked.

    ``confirm_delete`` is inherited: its message box is recorded by the
    ``message_boxes`` fixture, which answers Ok (= Delete).
    """

    def __init__(self, prompts: CodebookPrompts) -> None:
        super().__init__(prompts._parent)
        self.answers: dict[str, Any] = {}
        self.asked: list[tuple[str, tuple[Any, ...]]] = []

    def _answer(self, name: str, *args: Any) -> Any:
        self.asked.append((name, args))
        return self.answers.get(name)

    def code_name(self, title: str, parent_path: str | None) -> str | None:
        return self._answer("code_name", title, parent_path)

    def colour(self, code: Code) -> str | None:
        return self._answer("colour", code)

    def shortcut(self, code: Code, taken: Mapping[str, str]) -> str | None:
        return self._answer("shortcut", code, dict(taken))

    def definition(self, code: Code) -> dict[str, Any] | None:
        return self._answer("definition", code)

    def merge_target(self, code: Code, candidates: Sequence[Code], own: Usage) -> int | None:
        return self._answer("merge_target", code, list(candidates), own)


def annotate(project: Project, code_path: str, post_index: int, start: int, end: int,
             coder: str = "Alice") -> Annotation:
    """Add one annotation of ``code_path`` on the demo post at ``post_index``."""
    coder_id = project.coders.get_or_create(coder).id
    post_id = project.posts.ids()[post_index]
    annotation, _ = project.annotations.add(
        post_id, project.codes.by_path(code_path).id, coder_id, Span(start, end))
    return annotation


def code_ids_of(project: Project) -> dict[int, int]:
    """Annotation id → code id, for every annotation in the project."""
    return {a.id: a.code_id for a in project.annotations.all()}


def tree_paths(project: Project) -> list[str]:
    return [c.path_text for c in project.codes.list()]
