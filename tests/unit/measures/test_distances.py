"""Tests for wordprint.measures.distances: hand-computed values, properties, and parity with stylo."""


import numpy as np
import pytest
from scipy.spatial.distance import cdist

from wordprint.measures.distances import (
    MEASURES,
    binarize,
    clamp,
    cross_distances,
    distance_matrix,
    eder_weights,
    l1,
    l2,
    laplace_spread,
    ternarize,
    z_score,
)


# Toy table: 3 documents (a, b, c) x 4 words. Each column is (m - s, m, m + s) in some order, so
# its mean is m, its sd (ddof=1) is sqrt((s^2 + 0 + s^2) / 2) = s, and its z-scores are -1/0/+1:
#   word 1: .10 .20 .30  m=.20 s=.10  z = -1  0 +1
#   word 2: .15 .05 .10  m=.10 s=.05  z = +1 -1  0
#   word 3: .04 .06 .02  m=.04 s=.02  z =  0 +1 -1
#   word 4: .00 .01 .02  m=.01 s=.01  z = -1  0 +1
# z-rows: a = (-1, 1, 0, -1), b = (0, -1, 1, 0), c = (1, 0, -1, 1).
TOY = np.array(
    [
        [0.10, 0.15, 0.04, 0.00],
        [0.20, 0.05, 0.06, 0.01],
        [0.30, 0.10, 0.02, 0.02],
    ]
)
SQ = np.sqrt(TOY)
LOG2 = np.log(TOY + 2)
# stylo's entropy: shares of (x + 1) down each column; word 1: 1.1, 1.2, 1.3 over 3.6.
SHARES = np.array(
    [
        [11 / 36, 12 / 36, 13 / 36],  # word 1
        [1.15 / 3.3, 1.05 / 3.3, 1.10 / 3.3],  # word 2
        [1.04 / 3.12, 1.06 / 3.12, 1.02 / 3.12],  # word 3
        [1.00 / 3.03, 1.01 / 3.03, 1.02 / 3.03],  # word 4
    ]
)
H = -(SHARES * np.log(SHARES)).sum(axis=1)  # ~ 1.096295, 1.097923, 1.098489, 1.098580

# Expected (a-b, a-c, b-c) for every measure, computed by hand from the table above.
EXPECTED = {
    # |z| differences: a-b 1+2+1+1 = 5, a-c 2+1+1+2 = 6, b-c 1+1+2+1 = 5; divided by 4 words.
    "burrows": (5 / 4, 6 / 4, 5 / 4),
    # Laplace spreads (mean |x - median|): word 1 .2/3, word 2 .1/3, word 3 .04/3, word 4 .02/3.
    # a-b: .1/(.2/3) + .1/(.1/3) + .02/(.04/3) + .01/(.02/3) = 1.5 + 3 + 1.5 + 1.5 = 7.5
    # a-c: 3 + 1.5 + 1.5 + 3 = 9;  b-c: 1.5 + 1.5 + 3 + 1.5 = 7.5
    "argamon_linear": (7.5, 9.0, 7.5),
    # squared z differences: a-b 1+4+1+1 = 7, a-c 4+1+1+4 = 10, b-c 1+1+4+1 = 7; sqrt / 4.
    "argamon_quadratic": (np.sqrt(7) / 4, np.sqrt(10) / 4, np.sqrt(7) / 4),
    # weights (5, 4, 3, 2) / 4. a-b: 1*1.25 + 2*1 + 1*.75 + 1*.5 = 4.5
    # a-c: 2*1.25 + 1*1 + 1*.75 + 2*.5 = 5.25;  b-c: 1*1.25 + 1*1 + 2*.75 + 1*.5 = 4.25
    "eder": (4.5, 5.25, 4.25),
    # sum |sqrt(x) - sqrt(y)|; a-b = .130986 + .163691 + .044949 + .1 = .439626
    "eder_simple": tuple(np.abs(SQ[i] - SQ[j]).sum() for i, j in [(0, 1), (0, 2), (1, 2)]),
    # |a|^2 = 3, |b|^2 = 2, |c|^2 = 3; a.b = -1, a.c = -2, b.c = -1.
    # 1 - (-1/sqrt(6)) = 1.408248, 1 - (-2/3) = 5/3, 1 + 1/sqrt(6)
    "cosine_delta": (1 + 1 / np.sqrt(6), 5 / 3, 1 + 1 / np.sqrt(6)),
    # a-b .1+.1+.02+.01 = .23;  a-c .2+.05+.02+.02 = .29;  b-c .1+.05+.04+.01 = .20
    "manhattan": (0.23, 0.29, 0.20),
    # a-b sqrt(.01 + .01 + .0004 + .0001), a-c sqrt(.04 + .0025 + .0004 + .0004),
    # b-c sqrt(.01 + .0025 + .0016 + .0001)
    "euclidean": (np.sqrt(0.0205), np.sqrt(0.0433), np.sqrt(0.0142)),
    # |a|^2 = .0341, |b|^2 = .0462, |c|^2 = .1008; a.b = .0299, a.c = .0458, b.c = .0664
    "cosine": (
        1 - 0.0299 / np.sqrt(0.0341 * 0.0462),
        1 - 0.0458 / np.sqrt(0.0341 * 0.1008),
        1 - 0.0664 / np.sqrt(0.0462 * 0.1008),
    ),
    # a-b: .1/.3 + .1/.2 + .02/.10 + .01/.01 = 1/3 + .5 + .2 + 1 = 2.0333
    # a-c: .2/.4 + .05/.25 + .02/.06 + .02/.02 = .5 + .2 + 1/3 + 1 = 2.0333
    # b-c: .1/.5 + .05/.15 + .04/.08 + .01/.03 = .2 + 1/3 + .5 + 1/3 = 1.3667
    "canberra": (2 + 1 / 30, 2 + 1 / 30, 1 + 11 / 30),
    # a-b: 1 - (.1+.05+.04+0)/(.2+.15+.06+.01) = 1 - .19/.42;  a-c: 1 - .22/.51;  b-c: 1 - .28/.48
    "minmax": (1 - 0.19 / 0.42, 1 - 0.22 / 0.51, 1 - 0.28 / 0.48),
    # sum |log(x+2) - log(y+2)| / H; a-b = .042434 + .043380 + .008881 + .004540 = .099235
    "entropy": tuple((np.abs(LOG2[i] - LOG2[j]) / H).sum() for i, j in [(0, 1), (0, 2), (1, 2)]),
}


def test_every_registered_measure_has_a_hand_computed_case():
    assert set(EXPECTED) == set(MEASURES)


@pytest.mark.parametrize("measure", sorted(EXPECTED))
def test_hand_computed_values(measure):
    D = distance_matrix(TOY, measure=measure)
    assert (D[0, 1], D[0, 2], D[1, 2]) == pytest.approx(EXPECTED[measure], rel=1e-9)


def test_entropy_hand_value_in_digits():
    # The sum written out above, as digits: .042434 + .043380 + .008881 + .004540.
    assert distance_matrix(TOY, measure="entropy")[0, 1] == pytest.approx(0.0992354, abs=1e-7)


def test_toy_z_scores():
    assert z_score(TOY) == pytest.approx(
        np.array([[-1, 1, 0, -1], [0, -1, 1, 0], [1, 0, -1, 1]], dtype=float), abs=1e-12
    )


def test_canberra_skips_zero_zero_terms_and_rescales_as_r():
    # Word 2 is 0 in both: R drops it, sums .25/.75 + .25/1.25 = 1/3 + 1/5 = 8/15 over the 2
    # used words and rescales by 3/2: 8/15 * 3/2 = 0.8. scipy alone would give 8/15.
    X = np.array([[0.5, 0.0, 0.5], [0.25, 0.0, 0.75]])
    assert distance_matrix(X, measure="canberra")[0, 1] == pytest.approx(0.8)


# --- properties on random data ------------------------------------------------------------


def _random_table(seed: int, n_docs: int = 9, n_words: int = 40) -> np.ndarray:
    rng = np.random.default_rng(seed)
    counts = rng.poisson(rng.gamma(0.6, 30, size=n_words), size=(n_docs, n_words))
    totals = counts.sum(axis=1, keepdims=True) + rng.integers(50, 500, size=(n_docs, 1))
    return counts / totals  # relative frequencies with some zeros, rows summing below 1


@pytest.mark.parametrize("measure", sorted(MEASURES))
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_matrix_properties(measure, seed):
    X = _random_table(seed)
    D = distance_matrix(X, measure=measure)
    assert D.shape == (len(X), len(X))
    assert np.isfinite(D).all()
    assert np.array_equal(D, D.T)
    assert np.all(np.diag(D) == 0)
    assert np.all(D >= 0)
    # distinct documents are at a positive distance
    assert np.all(D[~np.eye(len(X), dtype=bool)] > 0)
    # reordering the documents reorders the matrix, nothing else
    perm = np.random.default_rng(seed + 10).permutation(len(X))
    assert distance_matrix(X[perm], measure=measure) == pytest.approx(D[np.ix_(perm, perm)])


@pytest.mark.parametrize("measure", sorted(MEASURES))
def test_cross_distances_of_a_table_with_itself_match_the_matrix(measure):
    X = _random_table(3)
    C = cross_distances(X, X, measure=measure)
    D = distance_matrix(X, measure=measure)
    off = ~np.eye(len(X), dtype=bool)
    assert C[off] == pytest.approx(D[off])


def test_burrows_is_manhattan_on_z_scores_over_the_number_of_words():
    X = _random_table(4)
    Z = z_score(X)
    expected = cdist(Z, Z, "cityblock") / X.shape[1]
    assert distance_matrix(X, measure="burrows") == pytest.approx(expected)


def test_cosine_delta_is_one_minus_cosine_similarity_of_z_scores():
    X = _random_table(5)
    Z = z_score(X)
    norms = np.linalg.norm(Z, axis=1)
    similarity = (Z @ Z.T) / np.outer(norms, norms)
    D = distance_matrix(X, measure="cosine_delta")
    off = ~np.eye(len(X), dtype=bool)
    assert D[off] == pytest.approx(1 - similarity[off])


def test_scale_free_measures_ignore_units():
    # z-score Deltas, cosine, canberra and minmax give the same values on percentages.
    X = _random_table(6)
    for measure in ["burrows", "eder", "cosine_delta", "cosine", "canberra", "minmax"]:
        assert distance_matrix(100 * X, measure=measure) == pytest.approx(
            distance_matrix(X, measure=measure)
        )


def test_cross_distances_z_score_test_rows_with_training_parameters():
    X = _random_table(7)
    train, test = X[:6], X[6:]
    mean, std = train.mean(axis=0), train.std(axis=0, ddof=1)
    expected = cdist(z_score(test, mean=mean, std=std), z_score(train), "cityblock") / X.shape[1]
    assert cross_distances(test, train, measure="burrows") == pytest.approx(expected)
    # explicit parameters are used as given
    both = np.vstack([train, test])
    m2, s2 = both.mean(axis=0), both.std(axis=0, ddof=1)
    expected2 = cdist(z_score(test, mean=m2, std=s2), z_score(train, mean=m2, std=s2), "cityblock")
    got = cross_distances(test, train, measure="burrows", mean=m2, std=s2)
    assert got == pytest.approx(expected2 / X.shape[1])


# --- normalisations -----------------------------------------------------------------------


def test_z_score_uses_ddof_1_and_zeroes_constant_columns():
    # column 1: 1, 2, 6: mean 3, deviations -2 -1 3, sd = sqrt((4+1+9)/2) = sqrt(7)
    X = np.array([[1.0, 0.5], [2.0, 0.5], [6.0, 0.5]])
    Z = z_score(X)
    assert Z[:, 0] == pytest.approx(np.array([-2, -1, 3]) / np.sqrt(7))
    assert np.array_equal(Z[:, 1], np.zeros(3))  # constant column: 0, not NaN


def test_z_score_with_training_parameters_zeroes_columns_constant_in_training():
    # word 2 never varies in training, so a test value off its mean still gets z = 0
    Z = z_score(np.array([[4.0, 9.0]]), mean=np.array([2.0, 1.0]), std=np.array([2.0, 0.0]))
    assert Z.tolist() == [[1.0, 0.0]]


def test_eder_weights_as_stylo():
    # stylo: (1 + n:1) / n; n = 3 gives (4, 3, 2) / 3
    assert eder_weights(3) == pytest.approx([4 / 3, 1.0, 2 / 3])


def test_laplace_spread():
    # column .1 .2 .3: median .2, |dev| .1 0 .1, mean .2/3
    assert laplace_spread(TOY)[0] == pytest.approx(0.2 / 3)


def test_vector_normalisations():
    X = np.array([[3.0, 4.0, 0.0], [0.0, 0.0, 0.0]])
    assert l1(X) == pytest.approx(np.array([[3 / 7, 4 / 7, 0.0], [0, 0, 0]]))
    assert l2(X) == pytest.approx(np.array([[0.6, 0.8, 0.0], [0, 0, 0]]))
    assert binarize(X).tolist() == [[1.0, 1.0, 0.0], [0.0, 0.0, 0.0]]


def test_clamp_and_ternarize():
    Z = np.array([-2.0, -0.44, -0.43, 0.0, 0.42, 0.5, 3.0])
    assert clamp(Z).tolist() == [-1.0, -0.44, -0.43, 0.0, 0.42, 0.5, 1.0]
    assert ternarize(Z).tolist() == [-1.0, -1.0, 0.0, 0.0, 0.0, 1.0, 1.0]


# --- errors -------------------------------------------------------------------------------


def test_unknown_measure_lists_the_registered_names():
    with pytest.raises(ValueError, match="unknown measure 'delta'.*burrows.*entropy"):
        distance_matrix(TOY, measure="delta")


def test_mean_and_std_only_for_z_score_measures():
    with pytest.raises(ValueError, match="only to measures using z-scores"):
        distance_matrix(TOY, measure="manhattan", mean=TOY.mean(0), std=TOY.std(0))
    with pytest.raises(ValueError, match="together"):
        distance_matrix(TOY, measure="burrows", mean=TOY.mean(0))
    with pytest.raises(ValueError, match="one value per feature"):
        distance_matrix(TOY, measure="burrows", mean=np.zeros(3), std=np.ones(3))


@pytest.mark.parametrize(
    "table, message",
    [
        (np.array([0.1, 0.2]), "2-D"),
        (np.array([[0.1, -0.2], [0.3, 0.1]]), "non-negative"),
        (np.array([[0.1, np.nan], [0.3, 0.1]]), "finite"),
    ],
)
def test_bad_tables_are_rejected(table, message):
    with pytest.raises(ValueError, match=message):
        distance_matrix(table, measure="manhattan")


def test_cross_distances_need_the_same_features():
    with pytest.raises(ValueError, match="same features"):
        cross_distances(TOY[:, :3], TOY, measure="manhattan")


# --- parity with stylo on its `lee` data set -----------------------------------------------


def _macro_scores(expected: list[str], predicted: list[str]) -> tuple[float, float, float]:
    # macro precision, recall and F1 averaged over every class expected or predicted (a class
    # never predicted counts precision 0); this reproduces the numbers published for stylo.
    precisions, recalls, f1s = [], [], []
    for c in sorted(set(expected) | set(predicted)):
        tp = sum(e == c and p == c for e, p in zip(expected, predicted))
        n_pred, n_true = predicted.count(c), expected.count(c)
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_true if n_true else 0.0
        f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
        precisions.append(precision)
        recalls.append(recall)
        f1s.append(f1)
    return float(np.mean(precisions)), float(np.mean(recalls)), float(np.mean(f1s))


@pytest.mark.parametrize("z_scores_from", ["stylo_crossv", "training_set"])
def test_lee_leave_one_out_classic_delta_reproduces_stylo(lee, z_scores_from):
    # Eder, stylo blog 2021-07-27 "performance measures": crossv(training.set = lee,
    # cv.mode = "leaveoneout"), Classic Delta, 3000 MFW -> accuracy 0.9285714 (26/28), macro
    # precision 0.94375, recall 0.9333333, F1 0.9293651; Capote recall 0.8, McCullers 0.667.
    # stylo's crossv() passes the left-out text twice as the test set and perform.delta()
    # z-scores training + test rows together (z.scores.both.sets = TRUE); "training_set" is
    # our cross_distances default (z-scores from the 27 training texts). Both give 26/28.
    ids, X = lee
    authors = [i.split("_")[0] for i in ids]
    predicted = []
    for i in range(len(ids)):
        train = np.delete(np.arange(len(ids)), i)
        test = X[[i]]
        stats = {}
        if z_scores_from == "stylo_crossv":
            stack = np.vstack([X[train], test, test])
            stats = {"mean": stack.mean(axis=0), "std": stack.std(axis=0, ddof=1)}
        d = cross_distances(test, X[train], measure="burrows", **stats)[0]
        predicted.append(authors[train[np.argmin(d)]])
    wrong = {ids[i]: p for i, p in enumerate(predicted) if p != authors[i]}
    assert wrong == {"Capote_Voices_1948": "Styron", "McCullers_HeartIsaLo_1940": "OConnor"}
    assert (len(ids) - len(wrong)) / len(ids) == pytest.approx(0.9285714, abs=1e-7)
    assert _macro_scores(authors, predicted) == pytest.approx(
        (0.94375, 0.9333333, 0.9293651), abs=1e-7
    )


def test_lee_one_text_per_author_100_mfw_reproduces_stylo_classify(lee):
    # Same post: training rows c(1, 6, 11, 14, 16, 19, 22, 26) (one text per author), the other
    # 20 as test set, 100 MFW, classify() defaults (Classic Delta, z-scores from the training
    # set) -> accuracy 0.7 (14/20), macro precision 0.6625, recall 0.7395833, F1 0.6402778.
    ids, X = lee
    X = X[:, :100]
    authors = np.array([i.split("_")[0] for i in ids])
    train = np.array([1, 6, 11, 14, 16, 19, 22, 26]) - 1
    test = np.setdiff1d(np.arange(len(ids)), train)
    D = cross_distances(X[test], X[train], measure="burrows")
    predicted = authors[train][D.argmin(axis=1)]
    assert (predicted == authors[test]).sum() == 14
    assert _macro_scores(list(authors[test]), list(predicted)) == pytest.approx(
        (0.6625, 0.7395833, 0.6402778), abs=1e-7
    )
