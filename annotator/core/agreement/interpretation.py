"""Reading aids for the agreement report: prevalence, the kappa-paradox flag, and the
"how to read this" text.

The text goes into reports defended to reviewers: every statement here is meant to be
accurate for the coefficients as :mod:`.coefficients` and :mod:`.alpha` compute them.
"""

from __future__ import annotations

import numpy as np

from annotator.core.agreement.coefficients import entering
from annotator.core.agreement.data import WeightedData

PARADOX_AGREEMENT = 0.85
"""Observed agreement at or above which a low or undefined kappa is flagged."""
PARADOX_KAPPA = 0.60
"""Kappa below which high observed agreement is flagged (Landis & Koch's "moderate")."""


def prevalence(data: WeightedData) -> float | None:
    """How skewed the values are, over the values of the pairable units (>= 2 values).

    Binary data (categories ``(0, 1)``, e.g. absent/present): the share of values that are
    1.  Otherwise: the share of the most frequent category.  ``None`` when no unit has two
    values.
    """
    mask = entering(data, "pairable")
    totals = data.weights[mask] @ data.counts()[mask].astype(np.float64)
    total = float(totals.sum())
    if total <= 0.0:
        return None
    if tuple(data.categories) == (0, 1):
        return float(totals[1]) / total
    return float(totals.max()) / total


def paradox_warning(
    percent: float | None, kappa: float | None, prevalence: float | None
) -> str | None:
    """A plain-words warning when agreement is high but kappa low or undefined, else ``None``.

    Flags observed agreement >= :data:`PARADOX_AGREEMENT` together with kappa below
    :data:`PARADOX_KAPPA` or undefined: the kappa paradox of Feinstein & Cicchetti (1990),
    where a skewed prevalence makes chance agreement so high that kappa stays low although
    the coders mostly agree.  ``prevalence`` (as from :func:`prevalence`) is quoted when
    known.
    """
    if percent is None or percent < PARADOX_AGREEMENT:
        return None
    if kappa is not None and kappa >= PARADOX_KAPPA:
        return None
    skew = "" if prevalence is None else f" with a prevalence of {prevalence:.1%}"
    if kappa is None and prevalence in (0.0, 1.0):
        return (
            "Every value on the double-coded posts is the same category (prevalence "
            f"{prevalence:.0%}), so chance-corrected coefficients are undefined and the "
            f"{percent:.0%} agreement says nothing about how reliably the category is told "
            "apart; sample posts where it occurs."
        )
    if kappa is None:
        finding = f"Coders agree on {percent:.1%} of pairs{skew}, but kappa is undefined"
        cause = (
            "kappa is undefined when the coders used a single category throughout, leaving "
            "no variation to tell agreement from chance"
        )
    else:
        finding = f"Coders agree on {percent:.1%} of pairs{skew}, but kappa is only {kappa:.3f}"
        cause = (
            "when one category dominates, the agreement expected by chance is itself high, "
            "so kappa stays low although the coders mostly agree"
        )
    return (
        f"{finding}: {cause} (the kappa paradox, Feinstein & Cicchetti 1990).  This is a "
        "property of the data, not a computing error; read the prevalence and Gwet's AC1 "
        "alongside kappa, and look at how the coders handle the rare category."
    )


HOW_TO_READ: tuple[str, ...] = (
    "Percent agreement is the share of coder pairs that agree, averaged over units.  It "
    "does not correct for agreement expected by chance, so it looks good whenever one "
    "category dominates or there are few categories.",
    "Cohen's kappa (two coders) corrects for chance using each coder's own distribution of "
    "categories.  Scott's pi (two coders) and Fleiss' kappa (two or more) use the coders' "
    "pooled distribution, treating coders as interchangeable; when coders use a category "
    "at different rates, pi is lower than Cohen's kappa.  Kappa on ordinal, interval or "
    "ratio variables with two coders is quadratic-weighted; Fleiss' kappa is nominal.",
    "Krippendorff's alpha works with any number of coders and with missing values (units "
    "with a single value are left out), at the nominal, ordinal, interval or ratio level, "
    "and includes a small-sample correction.  With complete data at the nominal level and "
    "many units, it is close to Scott's pi and Fleiss' kappa.",
    "Gwet's AC1 and Brennan-Prediger depend on the number of categories in the codebook: "
    "Brennan-Prediger takes chance agreement as 1 / number of categories, and AC1's chance "
    "agreement falls as one category comes to dominate.  Both are much less affected by "
    "skewed prevalence than kappa, pi and alpha, but change when categories are added to or "
    "removed from the codebook, even unused ones.",
    "The unit of analysis matters: the same annotations give different numbers per post, "
    "per character, per matched segment or for the spans themselves (unitized alpha).  "
    "Compare coefficients only across reports with the same unit.",
    "Thresholds: Krippendorff (2004) recommends relying on data with alpha >= 0.800 and "
    "using 0.667 <= alpha < 0.800 only for tentative conclusions.  For kappa, Landis & Koch "
    "(1977) called values below 0 poor, 0.00-0.20 slight, 0.21-0.40 fair, 0.41-0.60 moderate, "
    "0.61-0.80 substantial and 0.81-1.00 almost perfect agreement; they described these "
    "bands as arbitrary, and they are conventions, not tests.",
    "Intervals are percentile bootstrap intervals from resampling units with replacement "
    "(seeded, so they are reproducible).  They reflect the sampling of units, not of "
    "coders, and resamples on which a coefficient is undefined are left out.  With few "
    "units, intervals are wide and only approximate, and a point value alone says little.",
    "A coefficient that cannot be computed (for example, every value in one category) is "
    "reported as undefined with the reason, never as 0 or 1.  High percent agreement with "
    "low or undefined kappa usually means one category dominates (the kappa paradox, "
    "Feinstein & Cicchetti 1990): read the prevalence and AC1 alongside kappa.",
)
"""The "how to read this" paragraphs of the agreement report."""

_UNIT_NOTES: dict[str, str] = {
    "presence": (
        "Unit of analysis: one post and code; for each coder, whether the code was applied "
        "anywhere in the post (present or absent)."
    ),
    "variable": "Unit of analysis: one post; each coder's value of the post-level variable.",
    "character": (
        "Unit of analysis: every character of the posts finished by at least two coders, "
        "per code, covered by the coder's spans or not, so long posts weigh more and the "
        "many uncoded characters raise percent agreement."
    ),
    "segment": (
        "Unit of analysis: coded segments, matched across coders when their overlap "
        "(Jaccard index) is at least {threshold}; each matched group or unmatched segment "
        "is one unit, and a segment without a match counts as absent for the other coders."
    ),
    "unitized": (
        "Unit of analysis: the spans themselves; Krippendorff's alpha for unitizing "
        "compares where the coders' spans begin and end along the text, so partial "
        "overlaps count as partial disagreement."
    ),
}


def unit_note(unit: str, threshold: float | None = None) -> str:
    """One sentence stating the unit of analysis, for a ``UnitKind`` value.

    ``threshold`` is the Jaccard threshold of the segment unit (ignored for the others).
    Raises ``ValueError`` for an unknown unit.
    """
    try:
        note = _UNIT_NOTES[str(unit)]
    except KeyError:
        raise ValueError(f"unknown unit of analysis {unit!r}") from None
    shown = "the chosen threshold" if threshold is None else f"{threshold:.2f}"
    return note.format(threshold=shown)
