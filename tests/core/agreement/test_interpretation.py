"""Prevalence, the kappa-paradox flag and the report's reading notes."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from annotator.core.agreement.data import MISSING, WeightedData, compress, encode
from annotator.core.agreement.interpretation import (
    HOW_TO_READ,
    paradox_warning,
    prevalence,
    unit_note,
)
from annotator.core.agreement.measures import compute_measure


def two_by_two(a: int, b: int, c: int, d: int) -> WeightedData:
    """Two coders' present (1) / absent (0) codes from a 2x2 table: a = both present,
    b = only coder A, c = only coder B, d = both absent."""
    codes = np.array([[1, 1], [1, 0], [0, 1], [0, 0]])
    return WeightedData(codes, np.array([a, b, c, d], dtype=np.float64), (0, 1))


def test_feinstein_cicchetti_tables() -> None:
    """Feinstein & Cicchetti (1990), "High agreement but low kappa: I. The problems of two
    paradoxes", J Clin Epidemiol 43(6): two 2x2 tables with the same observed agreement
    p_o = 0.85.  Table 40/9/6/45: p_e = 0.49*0.46 + 0.51*0.54 = 0.5008, kappa = 0.70.
    Table 80/10/5/5: p_e = 0.90*0.85 + 0.10*0.15 = 0.78, kappa = 0.07/0.22 = 0.32.  Only
    the second, skewed one (prevalence of "present" 0.875) is flagged."""
    balanced, skewed = two_by_two(40, 9, 6, 45), two_by_two(80, 10, 5, 5)
    readings = []
    for data in (balanced, skewed):
        percent = compute_measure("percent", data).value
        kappa = compute_measure("kappa", data).value
        assert percent == pytest.approx(0.85)
        readings.append((percent, kappa, prevalence(data)))
    assert readings[0][1] == pytest.approx(0.3492 / 0.4992)
    assert readings[1][1] == pytest.approx(0.07 / 0.22)
    assert readings[1][2] == pytest.approx((2 * 80 + 10 + 5) / 200)
    assert paradox_warning(*readings[0]) is None
    warning = paradox_warning(*readings[1])
    assert warning is not None
    for shown in ("85.0%", "0.318", "87.5%", "Feinstein & Cicchetti 1990", "AC1"):
        assert shown in warning


def test_paradox_flag_thresholds() -> None:
    """Flagged: agreement >= 0.85 with kappa < 0.60, or with kappa undefined.  Not flagged:
    lower agreement, kappa >= 0.60, or no agreement value."""
    assert paradox_warning(0.85, 0.59, 0.9) is not None
    assert paradox_warning(0.99, None, 1.0) is not None
    assert "undefined" in (paradox_warning(0.99, None, 1.0) or "")
    assert paradox_warning(0.849, 0.1, 0.95) is None
    assert paradox_warning(0.95, 0.60, 0.9) is None
    assert paradox_warning(None, None, None) is None
    no_prevalence = paradox_warning(0.9, 0.2, None)
    assert no_prevalence is not None and "prevalence of" not in no_prevalence


def test_prevalence_binary_counts_pairable_values() -> None:
    """Binary data: the share of 1s among the values of units with at least two values.
    Units (1,1) x 2, (0,1) x 1, (0,0) x 5, (1, missing) x 3 -> the last is not pairable;
    values: 1s = 4 + 1 = 5 of 16."""
    data = WeightedData(np.array([[1, 1], [0, 1], [0, 0], [1, MISSING]]),
                        np.array([2.0, 1, 5, 3]), (0, 1))
    assert prevalence(data) == pytest.approx(5 / 16)


def test_prevalence_of_categories_is_most_frequent_share() -> None:
    """Not binary: the share of the most frequent category ("b": 5 of 8 values)."""
    frame = pd.DataFrame({"A": ["a", "b", "b", "c"], "B": ["a", "b", "b", "b"]})
    assert prevalence(compress(encode(frame))) == pytest.approx(5 / 8)
    one_category = pd.DataFrame({"A": [0, 0], "B": [0, 0]})
    assert prevalence(compress(encode(one_category))) == 1.0
    assert prevalence(compress(encode(one_category, categories=[0, 1]))) == 0.0


def test_prevalence_none_without_pairable_values() -> None:
    """No unit with two values: no prevalence (not 0)."""
    single = WeightedData(np.array([[1, MISSING]]), np.array([4.0]), (0, 1))
    empty = WeightedData(np.zeros((0, 2), dtype=np.int64), np.zeros(0), (0, 1))
    assert prevalence(single) is None
    assert prevalence(empty) is None


def test_how_to_read_states_thresholds_and_assumptions() -> None:
    """The reading notes name each measure's assumption, the Krippendorff and Landis & Koch
    thresholds and the caveats, one short paragraph each."""
    text = " ".join(HOW_TO_READ)
    for needed in ("chance", "own distribution", "pooled", "missing", "small-sample",
                   "number of categories", "unit of analysis", "0.800", "0.667",
                   "Landis & Koch (1977)", "arbitrary", "resampling units", "paradox"):
        assert needed in text, needed
    assert all(len(paragraph) < 600 for paragraph in HOW_TO_READ)


@pytest.mark.parametrize("unit", ["presence", "variable", "character", "segment", "unitized"])
def test_unit_note_is_one_sentence(unit: str) -> None:
    """Each unit of analysis gets one sentence saying what a unit is."""
    note = unit_note(unit, 0.5)
    assert note.startswith("Unit of analysis:")
    assert note.endswith(".") and note.count(". ") == 0


def test_unit_note_threshold_and_unknown_unit() -> None:
    """The segment note quotes the Jaccard threshold; an unknown unit raises ValueError."""
    assert "0.75" in unit_note("segment", 0.75)
    assert "threshold" in unit_note("segment")
    with pytest.raises(ValueError, match="unit"):
        unit_note("paragraph")


def test_a_single_category_is_not_called_a_paradox() -> None:
    """A code nobody applied (prevalence 0) has 100% agreement and undefined kappa: the note
    says there is no variation rather than naming the kappa paradox."""
    note = paradox_warning(1.0, None, 0.0)
    assert note is not None
    assert "same category" in note and "paradox" not in note
    assert "paradox" in (paradox_warning(0.95, None, 0.03) or "")
