"""The outcome of one agreement coefficient: a value, or the reason it is undefined."""

from __future__ import annotations

from dataclasses import dataclass

NO_DATA = "no data"
FEWER_THAN_TWO_CODERS = "fewer than two coders on every unit"
NO_COMPLETE_UNIT = "no unit was coded by all coders"
ONE_CATEGORY = "only one category"


@dataclass(frozen=True)
class AgreementResult:
    """One coefficient computed on reliability data.

    ``value`` is ``None`` exactly when the coefficient is undefined for the data; ``reason``
    then says why (one of the module constants, e.g. :data:`ONE_CATEGORY`).  ``units`` is the
    number of units that entered the computation and ``pairable`` the number of values in them.
    """

    coefficient: str
    value: float | None
    units: int
    pairable: int
    reason: str | None = None

    @property
    def defined(self) -> bool:
        return self.value is not None

    @classmethod
    def undefined(
        cls, coefficient: str, reason: str, units: int = 0, pairable: int = 0
    ) -> AgreementResult:
        return cls(coefficient, None, units, pairable, reason)
