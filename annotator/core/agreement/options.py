"""What the user chose for an agreement report: unit, coders, codes, version, resampling."""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.agreement.report import UnitKind


@dataclass(frozen=True)
class ReportOptions:
    unit: UnitKind = UnitKind.PRESENCE
    coders: tuple[int, ...] | None = None
    """Coder ids; ``None`` = every coder who finished a post."""
    codes: tuple[int, ...] | None = None
    """Code ids; ``None`` = every code the unit applies to (span codes or variables)."""
    codebook_version: int | None = None
    """Only annotations and values made under this codebook version; ``None`` = all."""
    threshold: float = 0.5
    """Jaccard index two segments need to match (segment unit), in (0, 1]."""
    resamples: int = 1000
    """Bootstrap resamples of units for the intervals; 0 = no intervals."""
    seed: int = 1
    confidence: float = 0.95

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError("the overlap threshold must be in (0, 1]")
        if self.resamples < 0:
            raise ValueError("the number of resamples cannot be negative")
        if not 0.0 < self.confidence < 1.0:
            raise ValueError("the confidence level must be between 0 and 1")
        if self.coders is not None and len(set(self.coders)) < 2:
            raise ValueError("agreement needs at least two coders")
