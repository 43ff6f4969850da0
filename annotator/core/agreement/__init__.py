"""Inter-coder agreement coefficients on reliability data (units x coders), Qt-free."""

from annotator.core.agreement.alpha import Level, krippendorff_alpha
from annotator.core.agreement.coefficients import (
    Weights,
    brennan_prediger,
    cohen_kappa,
    fleiss_kappa,
    gwet_ac1,
    percent_agreement,
    scott_pi,
)
from annotator.core.agreement.result import (
    FEWER_THAN_TWO_CODERS,
    NO_COMPLETE_UNIT,
    NO_DATA,
    ONE_CATEGORY,
    AgreementResult,
)

__all__ = [
    "FEWER_THAN_TWO_CODERS",
    "NO_COMPLETE_UNIT",
    "NO_DATA",
    "ONE_CATEGORY",
    "AgreementResult",
    "Level",
    "Weights",
    "brennan_prediger",
    "cohen_kappa",
    "fleiss_kappa",
    "gwet_ac1",
    "krippendorff_alpha",
    "percent_agreement",
    "scott_pi",
]
