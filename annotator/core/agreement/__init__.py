"""Inter-coder agreement, Qt-free: coefficients on reliability data (units x coders), units
of analysis built from coders' spans and values, bootstrap intervals, and the report."""

from annotator.core.agreement.alpha import Level, krippendorff_alpha
from annotator.core.agreement.bootstrap import bootstrap_interval
from annotator.core.agreement.coefficients import (
    Weights,
    brennan_prediger,
    cohen_kappa,
    fleiss_kappa,
    gwet_ac1,
    percent_agreement,
    scott_pi,
)
from annotator.core.agreement.data import WeightedData, compress, encode
from annotator.core.agreement.interpretation import (
    HOW_TO_READ,
    paradox_warning,
    prevalence,
    unit_note,
)
from annotator.core.agreement.matching import MatchedSegments, match_segments
from annotator.core.agreement.measures import (
    MEASURE_NAMES,
    MEASURES,
    NEEDS_TWO_CODERS,
    compute_measure,
)
from annotator.core.agreement.options import ReportOptions
from annotator.core.agreement.report import AgreementReport, UnitKind
from annotator.core.agreement.result import (
    FEWER_THAN_TWO_CODERS,
    NO_COMPLETE_UNIT,
    NO_DATA,
    ONE_CATEGORY,
    AgreementResult,
)
from annotator.core.agreement.span_units import character_units, pool, presence_units
from annotator.core.agreement.unitized import NO_VARIATION, unitized_alpha

__all__ = [
    "FEWER_THAN_TWO_CODERS",
    "HOW_TO_READ",
    "MEASURES",
    "MEASURE_NAMES",
    "NEEDS_TWO_CODERS",
    "NO_COMPLETE_UNIT",
    "NO_DATA",
    "NO_VARIATION",
    "ONE_CATEGORY",
    "AgreementReport",
    "AgreementResult",
    "Level",
    "MatchedSegments",
    "ReportOptions",
    "UnitKind",
    "WeightedData",
    "Weights",
    "bootstrap_interval",
    "brennan_prediger",
    "character_units",
    "cohen_kappa",
    "compress",
    "compute_measure",
    "encode",
    "fleiss_kappa",
    "gwet_ac1",
    "krippendorff_alpha",
    "match_segments",
    "paradox_warning",
    "percent_agreement",
    "pool",
    "presence_units",
    "prevalence",
    "scott_pi",
    "unit_note",
    "unitized_alpha",
]
