"""The robustness map: hand-built distance structures whose answers flip in known settings."""

import numpy as np
import pytest

from tests.support import quoting_corpus
from wordprint.corpus.samples import samples
from wordprint.features.mfw import feature_table
from wordprint.plot import robustness_figure
from wordprint.evaluate.robustness import (
    ALONE,
    COLUMNS,
    answer_text,
    figure_rows,
    grid_settings,
    jaccard,
    robustness_map,
    robustness_rows,
    setting_answers,
)


def matrix(names, pairs):
    """A symmetric distance matrix from {"a-b": distance} (every pair given)."""
    index = {n: i for i, n in enumerate(names)}
    D = np.zeros((len(names), len(names)))
    for pair, d in pairs.items():
        i, j = (index[n] for n in pair.split("-"))
        D[i, j] = D[j, i] = d
    assert np.count_nonzero(D) == len(names) * (len(names) - 1)
    return D


NAMES = ["a", "b", "c", "d", "e"]
LABELS = ["A", "A", "B", "B", "E"]
FAR = {"a-e": 10, "b-e": 11, "c-e": 12, "d-e": 13}
# a's nearest is b; average linkage merges a-b (1), c-d (1.5), then e last: {a,b} {c,d} {e}.
USUAL = matrix(NAMES, {"a-b": 1, "a-c": 2, "a-d": 3, "b-c": 4, "b-d": 5, "c-d": 1.5, **FAR})
# a's nearest is c; merges a-c (1), then b-d (2 < 3.25 and 4): {a,c} {b,d} {e}.
FLIPPED = matrix(NAMES, {"a-b": 3, "a-c": 1, "a-d": 4, "b-c": 5, "b-d": 2, "c-d": 2.5, **FAR})


def answers(D, names=NAMES, labels=LABELS, **kw):
    kw.setdefault("k", 3)
    return setting_answers(D, documents=names, labels=labels, linkage="average", **kw)


def by(rows, document, conclusion):
    row = next(r for r in rows if r[0] == document and r[2] == conclusion)
    return dict(zip(COLUMNS, row))


def test_setting_answers_of_the_designed_structures():
    usual, flipped = answers(USUAL), answers(FLIPPED)
    assert usual["nearest"] == ["A", "A", "B", "B", "A"]
    assert usual["cluster"] == [{"b"}, {"a"}, {"d"}, {"c"}, set()]
    assert flipped["nearest"] == ["B", "B", "A", "A", "A"]
    assert flipped["cluster"] == [{"c"}, {"d"}, {"a"}, {"b"}, set()]


def test_a_finding_flipping_in_one_of_four_settings_holds_in_three_quarters():
    ref = answers(USUAL)
    grid = [ref, answers(USUAL), answers(USUAL), answers(FLIPPED)]
    header, rows = robustness_rows(ref, grid, documents=NAMES, views=["full"] * 5, labels=LABELS)
    assert header == list(COLUMNS)
    a = by(rows, "a", "nearest")
    assert (a["reference"], a["holds"], a["settings"], a["share"]) == ("A", 3, 4, 0.75)
    assert a["status"] == "robust" and a["alternative"] == "B"  # 0.75 is not below 0.75
    cluster = by(rows, "a", "cluster")
    assert (cluster["reference"], cluster["share"], cluster["alternative"]) == ("b", 0.75, "c")
    # e is always alone and always nearest to a: 1.0, and no alternative.
    e = by(rows, "e", "cluster")
    assert (e["reference"], e["share"], e["status"], e["alternative"]) == (ALONE, 1.0, "robust", "")
    assert by(rows, "e", "nearest")["share"] == 1.0
    # A stricter threshold turns 3 of 4 into a fragile finding.
    _, strict = robustness_rows(ref, grid, documents=NAMES, views=["full"] * 5, labels=LABELS,
                                threshold=0.8)
    assert by(strict, "a", "nearest")["status"] == "fragile"
    assert by(strict, "e", "nearest")["status"] == "robust"


def test_reference_outside_the_grid_does_not_count():
    ref = answers(USUAL)
    _, rows = robustness_rows(ref, [answers(FLIPPED)], documents=NAMES, views=["full"] * 5,
                              labels=LABELS)
    a = by(rows, "a", "nearest")
    assert (a["reference"], a["share"], a["settings"], a["status"]) == ("A", 0.0, 1, "fragile")


def test_jaccard_of_cluster_mates():
    assert jaccard({"b", "c"}, {"b"}) == 0.5
    assert jaccard({"b", "c"}, {"b", "d"}) == pytest.approx(1 / 3)
    assert jaccard(set(), set()) == 1.0 and jaccard(set(), {"x"}) == 0.0
    ref = {"nearest": ["A"], "cluster": [frozenset({"b", "c"})]}
    grid = [{"nearest": ["A"], "cluster": [frozenset(m)]} for m in ({"b"}, {"b", "d"}, {"b", "c"})]
    _, rows = robustness_rows(ref, grid, documents=["a"], views=["full"], labels=["A"])
    cluster = by(rows, "a", "cluster")
    # {b} shares half of the company (holds); {b, d} a third (does not).
    assert (cluster["holds"], cluster["settings"], cluster["alternative"]) == (2, 3, "b; d")
    _, rows = robustness_rows(ref, grid, documents=["a"], views=["full"], labels=["A"],
                              min_jaccard=1.0)
    assert by(rows, "a", "cluster")["holds"] == 1


def test_views_a_document_lacks_are_not_counted_and_other_views_are_not_neighbours():
    # a has its full text and its own words; b, c, d only full texts.
    names = ["a", "a (own)", "b", "c", "d"]
    documents, views = ["a", "a", "b", "c", "d"], ["full", "own", "full", "full", "full"]
    labels = ["A", "A", "A", "B", "B"]
    # Average linkage merges a (own)-c (0.5), a-b (1), then d joins a (own) and c (1.75).
    D = matrix(names, {
        "a-a (own)": 6, "a-b": 1, "a-c": 5, "a-d": 5,
        "a (own)-b": 6, "a (own)-c": 0.5, "a (own)-d": 2,
        "b-c": 6, "b-d": 6, "c-d": 1.5,
    })
    full = [v == "full" for v in views]
    got = setting_answers(D, documents=documents, labels=labels, candidates=full, k=2,
                          linkage="average")
    # a's own words are nearest to c; c is nearest to d, not to the own-words sample of a,
    # and a's own words are nobody's cluster-mate.
    assert got["nearest"] == ["A", "B", "A", "B", "B"]
    assert got["cluster"] == [{"b"}, {"c", "d"}, {"a"}, {"d"}, {"c"}]
    _, rows = robustness_rows(got, [got], documents=documents, views=views, labels=labels)
    a, b = by(rows, "a", "nearest"), by(rows, "b", "nearest")
    assert (a["settings"], a["views"], a["holds"], a["share"], a["status"]) == (
        2, "full, own", 1, 0.5, "fragile")
    assert (b["settings"], b["views"], b["share"]) == (1, "full", 1.0)
    # Without a full view a document has no reference answer and gets no row.
    _, rows = robustness_rows(got, [got], documents=documents, views=views, labels=labels,
                              reference_view="own")
    assert {r[0] for r in rows} == {"a"}


def test_a_questioned_label_is_never_a_nearest_answer():
    # Issue #19: q (questioned, label "?") is a's nearest text, but "?" is no author: a's
    # nearest known text is b. q is still clustered (a's cluster-mate) and gets its answers.
    names, labels = ["a", "b", "c", "d", "q"], ["A", "A", "B", "B", "?"]
    D = matrix(names, {"a-b": 1, "a-c": 4, "a-d": 4, "a-q": 0.5, "b-c": 4, "b-d": 4,
                       "b-q": 1.2, "c-d": 1, "c-q": 4, "d-q": 4})
    assert answers(D, names, labels, k=2)["nearest"][0] == "?"  # labels all known
    got = answers(D, names, labels, k=2, known=[True] * 4 + [False])
    assert got["nearest"] == ["A", "A", "B", "B", "A"]
    assert got["cluster"][0] == {"b", "q"}


def test_full_findings_are_those_of_a_run_of_the_full_view_alone(small_corpus):
    # Issue #19: with views [full, own] the full samples were z-scored and clustered with the
    # own ones (and their MFW ranked on both): a document without own words got other
    # findings than in a run of full texts only. Two documents here have their own words.
    docs, profiles = quoting_corpus(small_corpus)
    corpus = [s for s in samples(docs, profiles, views=["full", "own"])
              if s.view == "full" or s.document.id in ("Ames_One", "Birch_Two")]
    full = [s for s in corpus if s.view == "full"]

    def table(chosen):
        return feature_table([s.counts for s in chosen], totals=[s.tokens for s in chosen],
                             n=50)[1]

    grid = dict(settings=grid_settings([10, 20, 50], ["burrows", "cosine_delta"], ["none", "l2"]),
                reference=(10, "burrows", "none"), k=3, linkage="ward.D")
    header, alone = robustness_map(table(full), documents=[s.document.id for s in full],
                                   views=["full"] * len(full),
                                   labels=[s.document.author for s in full], **grid)
    header, both = robustness_map(table(corpus), reference_table=table(full),
                                  documents=[s.document.id for s in corpus],
                                  views=[s.view for s in corpus],
                                  labels=[s.document.author for s in corpus], **grid)
    reference = header.index("reference")
    assert [r[reference] for r in both] == [r[reference] for r in alone]
    assert [r for r in both if r[0] not in ("Ames_One", "Birch_Two")] == [
        r for r in alone if r[0] not in ("Ames_One", "Birch_Two")]
    owners = [r for r in both if r[0] == "Ames_One"]
    assert {r[header.index("views")] for r in owners} == {"full, own"}


def test_samples_of_one_document_are_never_its_neighbours_and_each_counts():
    names = ["a [1]", "a [2]", "b", "c"]
    documents, labels = ["a", "a", "b", "c"], ["A", "A", "B", "C"]
    D = matrix(names, {"a [1]-a [2]": 0.1, "a [1]-b": 1, "a [1]-c": 2, "a [2]-b": 2,
                       "a [2]-c": 1, "b-c": 3})
    got = setting_answers(D, documents=documents, labels=labels, k=1, linkage="average")
    assert got["nearest"] == ["B", "C", "A", "A"]
    _, rows = robustness_rows(got, [got], documents=documents, views=["full"] * 4, labels=labels)
    a = by(rows, "a", "nearest")
    # Tie between the segments' answers: the first segment's; each segment is a setting.
    assert (a["reference"], a["holds"], a["settings"], a["alternative"]) == ("B", 1, 2, "C")


def test_grid_settings_skip_normalisations_a_measure_cannot_take():
    assert grid_settings([100], ["minmax", "burrows"], ["none", "clamp"]) == [
        (100, "minmax", "none"), (100, "burrows", "none"), (100, "burrows", "clamp")]


def test_robustness_map_of_a_feature_table():
    # Two clear authors: every setting agrees, so every finding holds everywhere.
    X = np.array([[0.30, 0.10, 0.20, 0.05], [0.31, 0.11, 0.19, 0.06],
                  [0.10, 0.30, 0.21, 0.15], [0.11, 0.31, 0.22, 0.14]])
    settings = grid_settings([2, 4], ["burrows", "cosine_delta"], ["none", "l2"])
    header, rows = robustness_map(X, settings=settings, reference=(3, "cosine_delta", "none"),
                                  documents=list("wxyz"), views=["full"] * 4,
                                  labels=list("AABB"), k=2)
    assert len(rows) == 8
    assert {r[header.index("settings")] for r in rows} == {8}  # the reference is not one of them
    assert {r[header.index("share")] for r in rows} == {1.0}
    assert by(rows, "w", "cluster")["reference"] == "x"
    with pytest.raises(ValueError, match="no settings"):
        robustness_map(X, settings=[], reference=(3, "burrows", "none"), documents=list("wxyz"),
                       views=["full"] * 4, labels=list("AABB"), k=2)


def test_bad_arguments_are_refused():
    ref = answers(USUAL)
    with pytest.raises(ValueError, match="between 0 and 1"):
        robustness_rows(ref, [ref], documents=NAMES, views=["full"] * 5, labels=LABELS,
                        threshold=1.5)
    with pytest.raises(ValueError, match="6 'nearest' answers"):
        robustness_rows(ref, [ref], documents=NAMES[:4] + ["x", "y"], views=["full"] * 6,
                        labels=LABELS + ["Y"])
    with pytest.raises(ValueError, match="square"):
        setting_answers(USUAL[:4], documents=NAMES, labels=LABELS, k=2)


def test_answer_text():
    assert answer_text(frozenset({"b", "a"})) == "a; b"
    assert answer_text(frozenset()) == ALONE and answer_text("Madison") == "Madison"


def test_figure_rows_put_the_least_robust_first():
    header = ["document", "conclusion", "share", "settings"]
    rows = [["a", "nearest", 1.0, 8], ["a", "cluster", 0.5, 8],
            ["b", "nearest", 0.5, 16], ["b", "cluster", 0.75, 16],
            ["c", "nearest", 1.0, 8], ["c", "cluster", 1.0, 8]]
    order, shares, settings = figure_rows(header, rows)
    assert order == ["b", "a", "c"]  # lowest share 0.5 for both: b's mean is lower
    assert shares == {"nearest": [0.5, 1.0, 1.0], "cluster": [0.75, 0.5, 1.0]}
    assert settings == [16, 8, 8]


def open_markers(ax):
    """Points drawn open (white inside): the fragile findings."""
    return sum(len(c.get_offsets()) for c in ax.collections
               if len(c.get_facecolors()) and np.allclose(c.get_facecolors()[0][:3], 1.0))


def test_robustness_figure_marks_fragile_findings():
    fig = robustness_figure(["a", "b", "c"], ["x", "y", "x"],
                            {"Nearest author": [0.25, 0.75, 1.0], "Cluster-mates": [0.5, 1.0, 1.0]},
                            settings=[8, 16, 8], threshold=0.75)
    left, right = fig.axes[:2]
    assert left.get_title() == "Nearest author: 1 of 3 fragile"  # 0.75 is robust
    assert right.get_title() == "Cluster-mates: 1 of 3 fragile"
    assert open_markers(left) == 1 and open_markers(right) == 1
    labels = left.get_yticklabels()
    assert [t.get_text() for t in labels] == ["a", "b", "c"]
    assert [t.get_fontweight() for t in labels] == ["bold", "normal", "normal"]
    assert left.get_xlabel().startswith("Share of settings (8-16 per document)")


def test_robustness_figure_of_a_large_corpus_shows_group_bands():
    n = 120
    groups = ["Whig" if i % 3 else "Federalist" for i in range(n)]
    shares = np.where(np.arange(n) % 10 == 0, 0.5, 1.0)
    fig = robustness_figure([f"d{i}" for i in range(n)], groups, {"Nearest author": shares},
                            settings=[8] * n)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Whig (80)", "Federalist (40)"]
    assert ax.get_title() == "Nearest author: 12 of 120 fragile"
    assert open_markers(ax) == 12
    assert ax.get_xlabel().startswith("Share of the 8 settings")


def test_robustness_figure_refuses_bad_shares():
    with pytest.raises(ValueError, match="expected"):
        robustness_figure(["a", "b"], ["x", "y"], {"Nearest author": [0.5]})
    with pytest.raises(ValueError, match="between 0 and 1"):
        robustness_figure(["a"], ["x"], {"Nearest author": [1.5]})
