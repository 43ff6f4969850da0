"""What a mutation touched, by entity id, so views refresh only what they show."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Changes:
    """Ids of the entities a core operation created, changed or deleted.

    It names data, never screens; ``structure`` is set when many things changed
    at once (an import) and views should reload.
    """

    posts: frozenset[int] = field(default_factory=frozenset)
    annotations: frozenset[int] = field(default_factory=frozenset)
    codes: frozenset[int] = field(default_factory=frozenset)
    coders: frozenset[int] = field(default_factory=frozenset)
    sources: frozenset[int] = field(default_factory=frozenset)
    structure: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            posts=self.posts | other.posts,
            annotations=self.annotations | other.annotations,
            codes=self.codes | other.codes,
            coders=self.coders | other.coders,
            sources=self.sources | other.sources,
            structure=self.structure or other.structure,
        )

    @property
    def empty(self) -> bool:
        return not (
            self.posts or self.annotations or self.codes or self.coders or self.sources
            or self.structure
        )
