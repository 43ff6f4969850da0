"""Correctness of the agreement coefficients against published examples and reference packages."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from annotator.core.agreement import (
    FEWER_THAN_TWO_CODERS,
    NO_COMPLETE_UNIT,
    NO_DATA,
    ONE_CATEGORY,
    AgreementResult,
    Level,
    Weights,
    brennan_prediger,
    cohen_kappa,
    fleiss_kappa,
    gwet_ac1,
    krippendorff_alpha,
    percent_agreement,
    scott_pi,
)

NAN = math.nan

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C:
# 4 observers x 12 units, missing values.
KRIPPENDORFF_2011 = pd.DataFrame(
    {
        "A": [1, 2, 3, 3, 2, 1, 4, 1, 2, NAN, NAN, NAN],
        "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NAN, 3],
        "C": [NAN, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, NAN],
        "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NAN],
    }
)

# Fleiss' kappa worked example (Wikipedia "Fleiss' kappa"): 10 subjects, 14 raters,
# 5 categories; P-bar = 0.378, P_e = 0.213, kappa = 0.210.
FLEISS_COUNTS = np.array(
    [
        [0, 0, 0, 0, 14],
        [0, 2, 6, 4, 2],
        [0, 0, 3, 5, 6],
        [0, 3, 9, 2, 0],
        [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0],
        [3, 2, 6, 3, 0],
        [2, 5, 3, 2, 2],
        [6, 5, 2, 1, 0],
        [0, 2, 2, 3, 7],
    ]
)


# Fleiss (1971), "Measuring nominal scale agreement among many raters", Psychological
# Bulletin 76(5), 378-382: psychiatric diagnoses of 30 patients by 6 raters each (data of
# Sandifer et al. 1968), as the count table Fleiss gives (patients x diagnoses: depression,
# personality disorder, schizophrenia, neurosis, other).  The same data is R irr's
# `diagnoses`; transcribed from the per-patient ratings in statsmodels'
# stats/tests/test_inter_rater.py, whose rows agree with the irr rows shown by head().
FLEISS_1971_DIAGNOSES = np.array(
    [
        [0, 0, 0, 6, 0], [0, 3, 0, 0, 3], [0, 1, 4, 0, 1], [0, 0, 0, 0, 6], [0, 3, 0, 3, 0],
        [2, 0, 4, 0, 0], [0, 0, 4, 0, 2], [2, 0, 3, 1, 0], [2, 0, 0, 4, 0], [0, 0, 0, 0, 6],
        [1, 0, 0, 5, 0], [1, 1, 0, 4, 0], [0, 3, 3, 0, 0], [1, 0, 0, 5, 0], [0, 2, 0, 3, 1],
        [0, 0, 5, 0, 1], [3, 0, 0, 1, 2], [5, 1, 0, 0, 0], [0, 2, 0, 4, 0], [1, 0, 2, 0, 3],
        [0, 0, 0, 0, 6], [0, 1, 0, 5, 0], [0, 2, 0, 1, 3], [2, 0, 0, 4, 0], [1, 0, 0, 4, 1],
        [0, 5, 0, 1, 0], [4, 0, 0, 0, 2], [0, 2, 0, 4, 0], [1, 0, 5, 0, 0], [0, 0, 0, 0, 6],
    ]
)


def counts_to_frame(counts: np.ndarray) -> pd.DataFrame:
    """Reliability data (units x coders) from a units x categories count table."""
    rows = [np.repeat(np.arange(1, counts.shape[1] + 1), row) for row in counts]
    return pd.DataFrame(rows)


def table_to_frame(table: np.ndarray, categories: list[str]) -> pd.DataFrame:
    """Two coders' codes from a contingency table (rows = coder A, columns = coder B)."""
    a: list[str] = []
    b: list[str] = []
    for i, j in np.ndindex(table.shape):
        a += [categories[i]] * int(table[i, j])
        b += [categories[j]] * int(table[i, j])
    return pd.DataFrame({"A": a, "B": b})


# Cohen's kappa textbook table (Wikipedia "Cohen's kappa"): yes/yes 20, yes/no 5, no/yes 10,
# no/no 15; p_o = 0.7, p_e = 0.5, kappa = 0.4.
COHEN_TABLE = np.array([[20, 5], [10, 15]])
COHEN_FRAME = table_to_frame(COHEN_TABLE, ["yes", "no"])


@pytest.mark.parametrize(
    ("level", "expected"),
    [("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849), ("ratio", 0.797)],
)
def test_krippendorff_2011_example(level: Level, expected: float) -> None:
    """Krippendorff (2011) "Computing Krippendorff's Alpha-Reliability", section C: the
    4 coders x 12 units example with missing data; published alphas 0.743 (nominal),
    0.815 (ordinal), 0.849 (interval), 0.797 (ratio).  Unit 12 has a single value and is
    not pairable, so 11 units and n = 40 pairable values enter."""
    result = krippendorff_alpha(KRIPPENDORFF_2011, level=level)
    assert result.value == pytest.approx(expected, abs=5e-4)
    assert (result.units, result.pairable, result.reason) == (11, 40, None)


def test_fleiss_kappa_published_example() -> None:
    """Fleiss (1971) kappa, worked example of Wikipedia "Fleiss' kappa" (10 subjects,
    14 raters, 5 categories): kappa = 0.210; also equals statsmodels' fleiss_kappa."""
    from statsmodels.stats.inter_rater import fleiss_kappa as sm_fleiss

    result = fleiss_kappa(counts_to_frame(FLEISS_COUNTS))
    assert result.value == pytest.approx(0.210, abs=5e-4)
    assert result.value == pytest.approx(sm_fleiss(FLEISS_COUNTS, method="fleiss"))
    assert (result.units, result.pairable) == (10, 140)


def test_fleiss_1971_diagnoses() -> None:
    """Fleiss (1971) worked example, 30 patients x 6 raters x 5 diagnoses: kappa = 0.430
    (R irr kappam.fleiss(diagnoses): 0.4302445, as quoted in statsmodels' tests), and the
    category kappas of kappam.fleiss(diagnoses, detail = TRUE): 0.245, 0.245, 0.520, 0.471,
    0.566, which are Fleiss' kappa on each diagnosis against the rest."""
    frame = counts_to_frame(FLEISS_1971_DIAGNOSES)
    assert FLEISS_1971_DIAGNOSES.sum(axis=1).tolist() == [6] * 30
    result = fleiss_kappa(frame)
    assert result.value == pytest.approx(0.4302445, abs=5e-8)
    assert (result.units, result.pairable) == (30, 180)
    for diagnosis, expected in enumerate([0.245, 0.245, 0.520, 0.471, 0.566], start=1):
        assert fleiss_kappa((frame == diagnosis).astype(int)).value == pytest.approx(
            expected, abs=5e-4)


def test_cohen_kappa_textbook_table() -> None:
    """Cohen (1960) kappa on the textbook 2x2 table 20/5/10/15 (Wikipedia "Cohen's kappa"):
    p_o = 35/50 = 0.7, p_e = 0.5*0.6 + 0.5*0.4 = 0.5, kappa = 0.4."""
    result = cohen_kappa(COHEN_FRAME)
    assert result.value == pytest.approx(0.4)
    assert (result.units, result.pairable) == (50, 100)
    assert percent_agreement(COHEN_FRAME).value == pytest.approx(0.7)


def test_scott_pi_by_hand() -> None:
    """Scott (1955) pi on the 20/5/10/15 table: pooled shares yes = 55/100, no = 45/100,
    p_e = 0.55^2 + 0.45^2 = 0.505, pi = (0.7 - 0.505) / 0.495 = 0.39394."""
    assert scott_pi(COHEN_FRAME).value == pytest.approx(0.195 / 0.495)


@pytest.mark.parametrize("weights", ["linear", "quadratic"])
def test_weighted_kappa_against_statsmodels(weights: Weights) -> None:
    """Cohen (1968) weighted kappa on a 3x3 table, checked against
    statsmodels.stats.inter_rater.cohens_kappa(wt=...) (independent implementation)."""
    from statsmodels.stats.inter_rater import cohens_kappa as sm_kappa

    table = np.array([[11, 3, 1], [2, 9, 4], [0, 3, 7]])
    frame = table_to_frame(table, ["low", "mid", "high"])
    result = cohen_kappa(frame, categories=["low", "mid", "high"], weights=weights)
    assert result.value == pytest.approx(sm_kappa(table, wt=weights).kappa)


def test_weighted_kappa_linear_by_hand() -> None:
    """Cohen (1968) linear-weighted kappa, hand computation on 2 coders x 4 units with the
    codebook 1..3: pairs (1,1),(1,2),(2,3),(3,3) -> observed disagreement
    (0 + 0.5 + 0.5 + 0) / 4 = 0.25; marginals A = (2,1,1)/4, B = (1,1,2)/4, expected
    disagreement sum_ij a_i b_j |i-j|/2 = (2*1*0.5 + 2*2*1 + 1*1*0.5 + 1*2*0.5 + 1*1*1
    + 1*1*0.5) / 16 = 8/16 -> kappa = 1 - 0.25/0.5 = 0.5."""
    frame = pd.DataFrame({"A": [1, 1, 2, 3], "B": [1, 2, 3, 3]})
    assert cohen_kappa(frame, weights="linear").value == pytest.approx(0.5)


def test_gwet_ac1_and_brennan_prediger_by_hand() -> None:
    """Gwet (2008) AC1 and Brennan & Prediger (1981) on the 20/5/10/15 table, by hand:
    p_a = 0.7; AC1: pi_yes = 0.55, pi_no = 0.45, p_e = (0.55*0.45 + 0.45*0.55)/(2-1) = 0.495,
    AC1 = (0.7 - 0.495)/(1 - 0.495) = 0.40594.  BP: p_e = 1/2 -> (0.7 - 0.5)/0.5 = 0.4;
    with a 3-value codebook p_e = 1/3 -> (0.7 - 1/3)/(2/3) = 0.55, and AC1's
    p_e = (0.2475 + 0.2475 + 0)/2 = 0.2475 -> (0.7 - 0.2475)/0.7525."""
    assert gwet_ac1(COHEN_FRAME).value == pytest.approx(0.205 / 0.505)
    assert brennan_prediger(COHEN_FRAME).value == pytest.approx(0.4)
    codebook = ["yes", "no", "maybe"]
    assert brennan_prediger(COHEN_FRAME, categories=codebook).value == pytest.approx(0.55)
    assert gwet_ac1(COHEN_FRAME, categories=codebook).value == pytest.approx(0.4525 / 0.7525)


def test_multi_coder_percent_agreement_and_ac1_by_hand() -> None:
    """Pairwise observed agreement with 3 coders (Fleiss 1971 P-bar), by hand: units
    (a,a,a) -> 1, (a,a,b) -> 2/6, (a,b,b) -> 2/6, (b,b,b) -> 1, mean 2/3.  Gwet (2008) AC1:
    pi_a = pi_b = 1/2, p_e = 0.5 -> (2/3 - 1/2)/(1/2) = 1/3."""
    frame = pd.DataFrame({"c1": list("aaab"), "c2": list("aabb"), "c3": list("abbb")})
    assert percent_agreement(frame).value == pytest.approx(2 / 3)
    assert gwet_ac1(frame).value == pytest.approx(1 / 3)
    assert fleiss_kappa(frame).value == pytest.approx(1 / 3)


def random_frame(seed: int, units: int, coders: int, k: int, missing: float) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    truth = rng.integers(1, k + 1, size=(units, 1))
    noise = rng.integers(1, k + 1, size=(units, coders))
    values = np.where(rng.random((units, coders)) < 0.6, truth, noise).astype(float)
    values[rng.random(values.shape) < missing] = np.nan
    return pd.DataFrame(values)


@pytest.mark.parametrize("level", ["nominal", "ordinal", "interval", "ratio"])
@pytest.mark.parametrize("seed", range(5))
def test_alpha_matches_krippendorff_package(level: Level, seed: int) -> None:
    """Krippendorff's alpha on random data with 20% missing values equals the
    `krippendorff` package (Castro), all four levels."""
    import krippendorff

    frame = random_frame(seed, units=60, coders=4, k=5, missing=0.2)
    expected = krippendorff.alpha(
        reliability_data=frame.to_numpy().T, level_of_measurement=level
    )
    assert krippendorff_alpha(frame, level=level).value == pytest.approx(expected)


def test_ordinal_alpha_uses_codebook_order() -> None:
    """Ordinal alpha with a codebook order differing from the sorted order equals the
    `krippendorff` package on the data re-coded to the codebook positions."""
    import krippendorff

    frame = random_frame(7, units=40, coders=3, k=4, missing=0.1)
    order = [3, 1, 4, 2]
    positions = frame.replace({v: i for i, v in enumerate(order)}).to_numpy().T
    expected = krippendorff.alpha(reliability_data=positions, level_of_measurement="ordinal")
    result = krippendorff_alpha(frame, level="ordinal", categories=order)
    assert result.value == pytest.approx(expected)


@pytest.mark.parametrize("seed", range(5))
def test_fleiss_and_cohen_match_statsmodels(seed: int) -> None:
    """Fleiss' kappa and Cohen's kappa (unweighted, linear, quadratic) on random complete
    data equal statsmodels.stats.inter_rater; Scott's pi equals Fleiss' kappa for 2 coders."""
    from statsmodels.stats.inter_rater import aggregate_raters, cohens_kappa
    from statsmodels.stats.inter_rater import fleiss_kappa as sm_f

    frame = random_frame(seed, units=80, coders=5, k=4, missing=0.0)
    table, _ = aggregate_raters(frame.to_numpy().astype(int))
    assert fleiss_kappa(frame).value == pytest.approx(sm_f(table, method="fleiss"))
    pair = frame.iloc[:, :2]
    codes = pair.to_numpy().astype(int) - 1
    contingency = np.zeros((4, 4))
    np.add.at(contingency, (codes[:, 0], codes[:, 1]), 1)
    cats = [1, 2, 3, 4]
    assert cohen_kappa(pair, cats).value == pytest.approx(cohens_kappa(contingency).kappa)
    for wt in ("linear", "quadratic"):
        ours = cohen_kappa(pair, cats, weights=wt).value
        assert ours == pytest.approx(cohens_kappa(contingency, wt=wt).kappa)
    assert scott_pi(pair).value == pytest.approx(sm_f(aggregate_raters(codes)[0]))


ALL = [percent_agreement, cohen_kappa, scott_pi, fleiss_kappa, gwet_ac1, brennan_prediger,
       krippendorff_alpha]


@pytest.mark.parametrize("coefficient", ALL)
def test_empty_data_is_undefined(coefficient: object) -> None:
    """No data (no rows, or every value missing) gives value None and the reason."""
    for frame in (pd.DataFrame({"A": [], "B": []}), pd.DataFrame({"A": [None], "B": [None]})):
        result = coefficient(frame)  # type: ignore[operator]
        assert isinstance(result, AgreementResult)
        assert (result.value, result.reason, result.units) == (None, NO_DATA, 0)


@pytest.mark.parametrize("coefficient", ALL)
def test_one_coder_is_undefined(coefficient: object) -> None:
    """A single coder, or no unit with two values, gives value None, not a crash."""
    for frame in (pd.DataFrame({"A": [1, 2, 3]}),
                  pd.DataFrame({"A": [1, NAN, 2], "B": [NAN, 3, NAN]})):
        result = coefficient(frame)  # type: ignore[operator]
        assert result.value is None
        assert result.reason == FEWER_THAN_TWO_CODERS


@pytest.mark.parametrize(
    "coefficient", [cohen_kappa, scott_pi, fleiss_kappa, gwet_ac1, brennan_prediger,
                    krippendorff_alpha]
)
def test_single_category_is_undefined(coefficient: object) -> None:
    """Every coder used the same single category: chance-corrected agreement is 0/0, so the
    value is None with reason 'only one category' (never a made-up 0 or 1)."""
    frame = pd.DataFrame({"A": ["x"] * 4, "B": ["x", "x", None, "x"]})
    result = coefficient(frame)  # type: ignore[operator]
    assert (result.value, result.reason) == (None, ONE_CATEGORY)
    assert result.units == 3


def test_single_category_with_wider_codebook() -> None:
    """With a 2-value codebook, AC1 and Brennan-Prediger are defined (p_e < 1): all units
    agree, so both are 1; kappa, pi and alpha stay undefined (p_e = 1).  Percent agreement
    is a plain observation and is 1."""
    frame = pd.DataFrame({"A": ["x"] * 3, "B": ["x"] * 3})
    codebook = ["x", "y"]
    assert gwet_ac1(frame, codebook).value == pytest.approx(1.0)
    assert brennan_prediger(frame, codebook).value == pytest.approx(1.0)
    assert cohen_kappa(frame, codebook).value is None
    assert krippendorff_alpha(frame, categories=codebook).value is None
    assert percent_agreement(frame).value == 1.0


def test_units_entering() -> None:
    """Kappa-family coefficients use units coded by all coders; alpha and percent agreement
    use every unit with at least two values."""
    frame = pd.DataFrame({"A": [1, 2, NAN, 1], "B": [1, 2, 2, NAN], "C": [1, NAN, 2, 2]})
    assert fleiss_kappa(frame).units == 1
    assert krippendorff_alpha(frame).units == 4
    assert percent_agreement(frame).pairable == 9
    no_complete = pd.DataFrame({"A": [1, NAN], "B": [1, 2], "C": [NAN, 1]})
    assert fleiss_kappa(no_complete).reason == NO_COMPLETE_UNIT


def test_bad_input_raises() -> None:
    """Programming errors raise ValueError: unknown values, three coders for Cohen's kappa,
    non-numeric categories for interval alpha."""
    with pytest.raises(ValueError, match="not in categories"):
        cohen_kappa(pd.DataFrame({"A": ["x"], "B": ["z"]}), categories=["x", "y"])
    with pytest.raises(ValueError, match="exactly two coders"):
        cohen_kappa(pd.DataFrame({"A": [1], "B": [1], "C": [1]}))
    with pytest.raises(ValueError, match="numeric"):
        krippendorff_alpha(pd.DataFrame({"A": ["x"], "B": ["y"]}), level="interval")
