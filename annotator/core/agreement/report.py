"""The agreement report's result dataclasses: what entered, the numbers, and where coders differ.

Pure data: computed by :mod:`annotator.core.agreement.compute`, rendered by the CLI
(text or JSON via :meth:`AgreementReport.to_json`) and by the GUI's agreement view.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

from annotator.core.agreement.result import AgreementResult


class UnitKind(StrEnum):
    PRESENCE = "presence"
    """Post x code: did the coder apply the code anywhere in the post (1/0)."""
    VARIABLE = "variable"
    """Post: the coder's value of a post-level variable."""
    CHARACTER = "character"
    """Every code point of a double-coded post, per code (covered 1/0)."""
    SEGMENT = "segment"
    """Segments matched across coders by overlap (Jaccard >= threshold)."""
    UNITIZED = "unitized"
    """Krippendorff's unitized alpha on the spans themselves."""


@dataclass(frozen=True)
class Interval:
    """A bootstrap percentile confidence interval."""

    low: float
    high: float
    level: float
    """Coverage, e.g. 0.95."""
    resamples: int
    """Resamples that gave a defined value (of the ones drawn)."""


@dataclass(frozen=True)
class Measure:
    """One coefficient for one code, with its interval when one was computed."""

    key: str
    """Stable id: "percent", "alpha", "kappa", "pi", "ac1", "bp", "unitized_alpha" (Krippendorff
    2004) or "unitized_alpha_2016" (the binary u-alpha of Krippendorff et al. 2016)."""
    result: AgreementResult
    interval: Interval | None = None


@dataclass(frozen=True)
class CodeAgreement:
    """One row of the per-code x measure table (``code_id`` ``None`` = all codes pooled)."""

    code_id: int | None
    code_path: str
    units: float
    """Units that entered (characters for the character unit)."""
    prevalence: float | None
    """Share of the pairable values that are "present" (binary units) or the most frequent
    category (variables); ``None`` when there is no value."""
    measures: tuple[Measure, ...]
    paradox: str | None = None
    """Plain-words warning when agreement is high but kappa is low (the kappa paradox)."""

    def measure(self, key: str) -> Measure | None:
        return next((m for m in self.measures if m.key == key), None)


@dataclass(frozen=True)
class PairAgreement:
    """Agreement of two coders, pooled over the selected codes."""

    coder_a: str
    coder_b: str
    units: float
    percent: float | None
    alpha: float | None


@dataclass(frozen=True)
class Disagreement:
    """One post and code on which two coders differ, with what each of them did."""

    post_id: int
    post_label: str
    """External id, or the post's position when there is none."""
    code_id: int
    code_path: str
    coder_a: str
    coder_b: str
    a: str
    """Coder A's spans as ``[start, end) "quote"`` lines (line breaks inside a quote shown
    as ``⏎``), or A's value; "" when none."""
    b: str
    start: int | None = None
    """Where the first differing span begins, to scroll the post there."""
    a_spans: tuple[tuple[int, int, str], ...] = ()
    """Coder A's spans as (start, end, quote), exactly; empty for variables."""
    b_spans: tuple[tuple[int, int, str], ...] = ()


@dataclass(frozen=True)
class Scope:
    """What entered the computation, stated in the report."""

    unit: UnitKind
    posts: int
    """Posts finished by at least two of the selected coders."""
    coders: tuple[str, ...]
    codes: int
    codebook_version: int | None
    threshold: float | None
    """Jaccard threshold of the segment unit."""
    resamples: int
    seed: int
    excluded: dict[str, int] = field(default_factory=dict)
    """Why other posts, codes or annotations were left out, with how many."""


@dataclass(frozen=True)
class AgreementReport:
    scope: Scope
    rows: tuple[CodeAgreement, ...]
    pairwise: tuple[PairAgreement, ...]
    disagreements: tuple[Disagreement, ...]
    notes: tuple[str, ...]
    """The "how to read this" paragraphs."""

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict; floats as they are, undefined values as ``null`` + reason."""
        data = asdict(self)
        data["scope"]["unit"] = str(self.scope.unit)
        listed: dict[str, Any] = _lists(data)
        return listed


def _lists(value: Any) -> Any:
    """Tuples as lists, recursively, so the dict equals its own JSON round trip."""
    if isinstance(value, dict):
        return {key: _lists(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_lists(item) for item in value]
    return value
