"""Tests for wordprint.plot: the figures (saving them is tests/unit/io/test_figures.py)."""

from __future__ import annotations

from itertools import combinations

import matplotlib as mpl
import numpy as np
import pytest
from matplotlib.figure import Figure
from scipy.cluster.hierarchy import leaves_list, linkage
from scipy.spatial.distance import pdist, squareform

from wordprint import plot
from wordprint.plot.attribution import _author_styles
from wordprint.plot.labels import place_labels
from wordprint.plot.style import LINE_MARKERS, _relative_luminance, sorted_groups, text_colour
from wordprint.io.figures import save_figure

SIZES = (3, 30, 250)
GROUPS = ("Democratic", "Republican", "essay")


def corpus(n: int, *, seed: int = 0, n_groups: int = 3):
    """Seeded fake corpus: labels, groups, 20-d features clustered by group."""
    rng = np.random.default_rng(seed)
    names = list(GROUPS) if n_groups == 3 else [f"group {i:02d}" for i in range(n_groups)]
    groups = [names[i % n_groups] for i in range(n)]
    labels = [f"{1961 + i}-Author{i % 7}-{i // 7 + 1}" for i in range(n)]
    centres = rng.normal(size=(n_groups, 20)) * 2
    x = np.array([centres[names.index(g)] for g in groups]) + rng.normal(size=(n, 20))
    return labels, groups, x


def legend_entries(fig: Figure) -> list[str]:
    assert len(fig.legends) == 1
    return [t.get_text() for t in fig.legends[0].get_texts()]


def overlapping_pairs(boxes, tol: float = 0.5) -> list[tuple[int, int]]:
    """Pairs of display boxes that overlap by more than ``tol`` pixels both ways."""
    return [
        (i, j)
        for (i, a), (j, b) in combinations(enumerate(boxes), 2)
        if min(a.x1, b.x1) - max(a.x0, b.x0) > tol and min(a.y1, b.y1) - max(a.y0, b.y0) > tol
    ]


# ---------------------------------------------------------------------------------------------
# Style
# ---------------------------------------------------------------------------------------------


def test_group_colours_largest_groups_take_okabe_ito_in_order():
    colours = plot.group_colours(["essay", "Republican", "Democratic", "essay", "Republican"])
    # sizes: essay 2, Republican 2, Democratic 1; ties by name ("Republican" < "essay")
    assert colours == {
        "Republican": plot.OKABE_ITO[0],
        "essay": plot.OKABE_ITO[1],
        "Democratic": plot.OKABE_ITO[2],
    }
    assert plot.group_colours(["Democratic", "essay", "Republican", "Republican", "essay"]) == colours


def test_okabe_ito_palette_is_the_published_eight():
    # Okabe & Ito (2008) / Wong (2011), Nature Methods 8:441.
    published = {"#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00",
                 "#CC79A7"}
    assert set(plot.OKABE_ITO) == published and len(plot.OKABE_ITO) == 8


@pytest.mark.parametrize("k", [1, 8, 9, 20, 64])
def test_every_group_gets_a_distinct_colour_and_marker_pair(k):
    names = [f"g{i:02d}" for i in range(k)]
    colours, markers = plot.group_colours(names), plot.group_markers(names)
    pairs = {(colours[g], markers[g]) for g in names}
    assert len(pairs) == k
    if k <= 8:  # shapes only change once colours repeat
        assert set(markers.values()) == {"o"}


def test_text_colour_keeps_dark_colours_and_darkens_light_ones():
    # WCAG relative luminance of #0072B2: G = ((114/255 + .055)/1.055)^2.4 = 0.1683,
    # B = ((178/255 + .055)/1.055)^2.4 = 0.4451; L = .7152*.1683 + .0722*.4451 = 0.1525;
    # contrast with white = 1.05 / (0.1525 + 0.05) = 5.19 >= 4.5, so it is kept.
    assert text_colour("#0072B2") == "#0072B2"
    for colour in plot.OKABE_ITO:
        rgb = mpl.colors.to_rgb(text_colour(colour))
        assert 1.05 / (_relative_luminance(rgb) + 0.05) >= 4.5
    assert text_colour("#F0E442") != "#F0E442"  # yellow on white is too faint


def test_building_a_figure_leaves_global_rcparams_alone():
    before = dict(mpl.rcParams)
    labels, groups, x = corpus(5)
    plot.mds_figure(x[:, :2], labels, groups, title="t", axis_labels=("a", "b"))
    assert dict(mpl.rcParams) == before


# ---------------------------------------------------------------------------------------------
# Dendrogram
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("n", SIZES)
def test_dendrogram_labels_every_leaf_in_leaf_order(n):
    labels, groups, x = corpus(n)
    z = linkage(x, "ward")
    fig = plot.dendrogram_figure(
        z, labels, groups, title="Delta", distance_label="Cosine Delta (Ward.D linkage)"
    )
    assert isinstance(fig, Figure)
    tree, strip = fig.axes[:2]
    ticks = [t.get_text() for t in strip.get_yticklabels()]
    assert len(ticks) == n
    assert ticks == [labels[i] for i in leaves_list(z)]  # top-to-bottom = leaf order
    assert tree.get_xlabel() == "Cosine Delta (Ward.D linkage)"
    assert legend_entries(fig) == sorted(set(groups))
    # Each label is drawn in (a legible shade of) its group's colour.
    colours = plot.group_colours(groups)
    for tick, i in zip(strip.get_yticklabels(), leaves_list(z)):
        assert tick.get_color() == text_colour(colours[groups[i]])


@pytest.mark.parametrize("n", [30, 250])
def test_dendrogram_leaf_labels_never_overlap(n):
    labels, groups, x = corpus(n)
    fig = plot.dendrogram_figure(linkage(x, "average"), labels, groups, title="",
                                 distance_label="Euclidean (average linkage)")
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in fig.axes[1].get_yticklabels()]
    assert overlapping_pairs(boxes, tol=0.0) == []
    assert all(t.get_fontsize() >= 5 for t in fig.axes[1].get_yticklabels())


def test_dendrogram_grows_taller_with_more_leaves():
    heights = []
    for n in SIZES:
        labels, groups, x = corpus(n)
        fig = plot.dendrogram_figure(linkage(x, "ward"), labels, groups, title="",
                                     distance_label="d")
        heights.append(fig.get_figheight())
    assert heights[0] < heights[1] < heights[2]


def test_dendrogram_rejects_mismatched_labels_and_bad_linkage():
    labels, groups, x = corpus(5)
    z = linkage(x, "ward")
    with pytest.raises(ValueError, match="labels"):
        plot.dendrogram_figure(z, labels[:4], groups, title="", distance_label="d")
    with pytest.raises(ValueError, match="linkage_matrix"):
        plot.dendrogram_figure(z[:, :3], labels, groups, title="", distance_label="d")
    with pytest.raises(ValueError, match="column"):
        plot.dendrogram_figure(z, labels, groups, title="", distance_label="d", column="wide")


# ---------------------------------------------------------------------------------------------
# MDS map
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("n", SIZES)
def test_mds_figure_axes_legend_and_labels(n):
    labels, groups, x = corpus(n)
    fig = plot.mds_figure(x[:, :2], labels, groups, title="MDS",
                          axis_labels=("Dimension 1", "Dimension 2"))
    ax = fig.axes[0]
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("Dimension 1", "Dimension 2")
    assert legend_entries(fig) == sorted(set(groups))
    texts = [t.get_text() for t in ax.texts]
    if n <= 40:
        assert sorted(texts) == sorted(labels)
    else:  # large maps show groups only (documented)
        assert texts == []
    assert sum(len(c.get_offsets()) for c in ax.collections) == n


@pytest.mark.parametrize("column", ["double", "single"])
def test_mds_point_labels_do_not_overlap_each_other(column):
    labels, groups, x = corpus(30, seed=3)
    fig = plot.mds_figure(x[:, :2], labels, groups, title="", axis_labels=("a", "b"),
                          column=column)
    renderer = fig.canvas.get_renderer()
    # The text alone: an annotation's own extent also covers its leader line.
    boxes = [mpl.text.Text.get_window_extent(t, renderer) for t in fig.axes[0].texts]
    assert len(boxes) == 30
    assert overlapping_pairs(boxes) == []


def test_label_placement_is_deterministic_and_avoids_a_crowd():
    # Nine points on a tight 3 x 3 grid (10 px apart), labels 40 x 10 px: the labels must
    # spread out without overlapping, and the same input gives the same placement.
    pts = np.array([[100.0 + 10 * i, 100.0 + 10 * j] for i in range(3) for j in range(3)])
    sizes = np.full((9, 2), [40.0, 10.0])
    a = place_labels(pts, sizes, radius=3.0, bounds=(0, 0, 400, 400))
    b = place_labels(pts, sizes, radius=3.0, bounds=(0, 0, 400, 400))
    assert a == b
    boxes = []
    for (px, py), (dx, dy, ha, va, _ring) in zip(pts, a):
        x0 = px + dx - {"left": 0, "right": 40, "center": 20}[ha]
        y0 = py + dy - {"bottom": 0, "top": 10, "center": 5}[va]
        boxes.append(mpl.transforms.Bbox([[x0, y0], [x0 + 40, y0 + 10]]))
    assert overlapping_pairs(boxes, tol=0.0) == []


def test_mds_groups_get_convex_hulls_when_they_have_an_area():
    xy = [[0, 0], [1, 0], [0, 1],  # a: a triangle
          [5, 5], [6, 6], [7, 7],  # b: three points on one line, no area
          [9, 0], [9, 1]]  # c: two points
    groups = ["a"] * 3 + ["b"] * 3 + ["c"] * 2
    fig = plot.mds_figure(xy, list("abcdefgh"), groups, title="", axis_labels=("x", "y"))
    patches = fig.axes[0].patches
    assert len(patches) == 2  # the fill and the outline of a's hull only
    corners = np.unique(np.round(patches[0].get_xy(), 9), axis=0)
    assert corners.tolist() == [[0, 0], [0, 1], [1, 0]]
    assert patches[1].get_edgecolor()[:3] == pytest.approx(mpl.colors.to_rgb(
        plot.group_colours(["a", "b", "c"])["a"]))
    bare = plot.mds_figure(xy, list("abcdefgh"), groups, title="", axis_labels=("x", "y"),
                           hulls=False)
    assert len(bare.axes[0].patches) == 0


def test_label_placement_keeps_labels_off_lines_when_it_can():
    # One point; then a line through the middle of where its label went.
    pts = np.array([[100.0, 100.0]])
    sizes = np.array([[40.0, 10.0]])
    bounds = (0, 0, 400, 400)

    def left_edge(placement):
        dx, _, ha, _, _ = placement[0]
        return 100 + dx - {"left": 0, "right": 40, "center": 20}[ha]

    x0 = left_edge(place_labels(pts, sizes, radius=3.0, bounds=bounds))
    line = np.array([[x0 + 20, 0.0, x0 + 20, 400.0]])
    moved = left_edge(place_labels(pts, sizes, radius=3.0, bounds=bounds, lines=line))
    assert not (moved < x0 + 20 < moved + 40)  # the label no longer straddles the line


def test_mds_rejects_bad_coords():
    with pytest.raises(ValueError, match="coords"):
        plot.mds_figure(np.zeros((3, 3)), ["a", "b", "c"], ["x"] * 3, title="",
                        axis_labels=("a", "b"))
    with pytest.raises(ValueError, match="finite"):
        plot.mds_figure([[0, np.nan], [1, 1]], ["a", "b"], ["x"] * 2, title="",
                        axis_labels=("a", "b"))


# ---------------------------------------------------------------------------------------------
# Heatmap
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("n", SIZES)
def test_heatmap_orders_rows_and_labels_axes(n):
    labels, groups, x = corpus(n)
    d = squareform(pdist(x, "cityblock"))
    order = leaves_list(linkage(x, "ward"))
    fig = plot.heatmap_figure(d, labels, groups, order=order, title="Delta",
                              measure_label="Burrows's Delta")
    ax, left, top, cax = fig.axes[:4]
    np.testing.assert_array_equal(ax.images[0].get_array(), d[np.ix_(order, order)])
    assert ax.images[0].get_cmap().name == "viridis"
    # The zero diagonal is masked (grey) and out of the colour scale: it spans the documents'
    # distances to each other only.
    off = d[~np.eye(n, dtype=bool)]
    assert ax.images[0].get_clim() == pytest.approx((off.min(), off.max()))
    assert ax.images[0].get_array().mask.diagonal().all()
    assert cax.get_ylabel() == "Burrows's Delta"
    assert ax.get_xlabel() and left.get_ylabel()
    assert legend_entries(fig) == sorted(set(groups))
    rows = [t.get_text() for t in left.get_yticklabels()]
    cols = [t.get_text() for t in ax.get_xticklabels()]
    if n <= 60:
        assert rows == cols == [labels[i] for i in order]
    else:  # only the group strips identify documents
        assert rows == cols == []
    # The strips hold one cell per document, coloured by group.
    assert top.collections[0].get_array().size == n


def test_heatmap_rejects_an_order_that_is_not_a_permutation():
    d = np.zeros((3, 3))
    with pytest.raises(ValueError, match="order"):
        plot.heatmap_figure(d, list("abc"), list("xyz"), order=[0, 0, 1], title="",
                            measure_label="m")
    with pytest.raises(ValueError, match="square"):
        plot.heatmap_figure(np.zeros((3, 2)), list("abc"), list("xyz"), order=[0, 1, 2],
                            title="", measure_label="m")


# ---------------------------------------------------------------------------------------------
# Vocabulary statistics
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("n", SIZES)
def test_vocabulary_small_multiples(n):
    labels, groups, _ = corpus(n)
    rng = np.random.default_rng(1)
    stats = {
        "MATTR (window 500)": rng.normal(0.7, 0.03, n),
        "MTLD": rng.normal(90, 15, n),
        "Yule's K": rng.normal(120, 20, n),
        "Mean sentence length (words)": rng.normal(22, 5, n),
    }
    fig = plot.vocabulary_figure(labels, groups, stats, title="Vocabulary")
    panels = [ax for ax in fig.axes if ax.get_visible()]
    assert [ax.get_xlabel().replace("\n", " ") for ax in panels] == list(stats)
    assert legend_entries(fig) == sorted(set(groups))
    ticks = [t.get_text() for t in panels[0].get_yticklabels()]
    if n <= 60:  # one row per document, sorted by group then id
        expected = [labels[i] for i in sorted(range(n), key=lambda i: (groups[i], labels[i]))]
        assert ticks == expected
    else:  # strip plot: one band per group
        assert ticks == sorted(set(groups))
    dots = sum(len(c.get_offsets()) for c in panels[0].collections)
    assert dots == n


def test_vocabulary_skips_missing_values_and_checks_lengths():
    fig = plot.vocabulary_figure(["a", "b", "c"], ["x", "x", "y"],
                                 {"MTLD": [1.0, float("nan"), 2.0]}, title="")
    assert sum(len(c.get_offsets()) for c in fig.axes[0].collections) == 2
    with pytest.raises(ValueError, match="MTLD"):
        plot.vocabulary_figure(["a", "b"], ["x", "y"], {"MTLD": [1.0]}, title="")
    with pytest.raises(ValueError, match="stats"):
        plot.vocabulary_figure(["a"], ["x"], {}, title="")


def test_vocabulary_intervals_are_whiskers_of_the_dots():
    stats = {"MTLD": [10.0, 20.0, 30.0], "MATTR": [0.5, 0.6, 0.7]}
    intervals = {"MTLD": ([8.0, None, 27.0], [12.0, None, 35.0])}
    fig = plot.vocabulary_figure(["a", "b", "c"], ["x", "x", "y"], stats, title="",
                                 intervals=intervals, note="whiskers: 95% intervals")
    mtld, mattr = fig.axes[0], fig.axes[1]
    whiskers = [c for c in mtld.collections if isinstance(c, mpl.collections.LineCollection)]
    assert len(whiskers) == 1
    ends = sorted(tuple(seg[:, 0]) for seg in whiskers[0].get_segments())
    assert ends == [(8.0, 12.0), (27.0, 35.0)]  # b has none
    assert mtld.get_xlim()[1] >= 35.0  # the axis takes the whiskers in
    assert not [c for c in mattr.collections if isinstance(c, mpl.collections.LineCollection)]
    assert fig.get_supxlabel() == "whiskers: 95% intervals"
    with pytest.raises(ValueError, match="names no statistic"):
        plot.vocabulary_figure(["a"], ["x"], {"MTLD": [1.0]}, title="",
                               intervals={"TTR": ([0.5], [0.6])})


def test_figures_refuse_an_empty_corpus():
    with pytest.raises(ValueError, match="at least one document"):
        plot.mds_figure(np.zeros((0, 2)), [], [], title="", axis_labels=("a", "b"))
    with pytest.raises(ValueError, match="at least one document"):
        plot.vocabulary_figure([], [], {"MTLD": []}, title="")


# ---------------------------------------------------------------------------------------------
# PCA biplot
# ---------------------------------------------------------------------------------------------


def biplot_data(n: int, words: int = 30, seed: int = 0):
    labels, groups, x = corpus(n, seed=seed)
    rng = np.random.default_rng(seed + 1)
    loadings = rng.normal(size=(words, 2)) * np.linspace(1.0, 0.1, words)[:, None]
    names = [f"w{i:02d}" for i in range(words)]
    return labels, groups, x[:, :2], loadings, names


def bar_words(ax) -> list[str]:
    return [t.get_text() for t in ax.get_yticklabels()]


@pytest.mark.parametrize("n", SIZES)
def test_biplot_points_and_the_words_of_each_axis(n):
    labels, groups, scores, loadings, words = biplot_data(n)
    fig = plot.pca_biplot_figure(scores, loadings, words, labels, groups,
                                 explained=[0.231, 0.11, 0.05], n_loadings=8, title="PCA")
    ax, pc1, pc2 = fig.axes[:3]
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("PC1 (23.1 %)", "PC2 (11.0 %)")
    assert sorted(legend_entries(fig)) == sorted(set(groups))
    assert sum(len(c.get_offsets()) for c in ax.collections) == n
    documents = [t.get_text() for t in ax.texts if t.get_text()]
    assert sorted(documents) == (sorted(labels) if n <= 40 else [])
    # Each component's 4 words with the largest absolute loadings, as bars of their loading,
    # in order of the loading (negative at the bottom).
    for k, panel in enumerate((pc1, pc2)):
        strongest = np.argsort(-np.abs(loadings[:, k]))[:4]
        expected = sorted(strongest, key=lambda i: loadings[i, k])
        assert bar_words(panel) == [words[i] for i in expected]
        np.testing.assert_allclose([b.get_width() for b in panel.patches],
                                   loadings[expected, k])
        assert panel.get_title(loc="left") == f"Words that make PC{k + 1}"


@pytest.mark.parametrize("column", ["double", "single"])
def test_biplot_labels_do_not_overlap(column):
    labels, groups, scores, loadings, words = biplot_data(18, seed=2)
    fig = plot.pca_biplot_figure(scores, loadings, words, labels, groups,
                                 explained=[0.3, 0.2], n_loadings=10, column=column)
    renderer = fig.canvas.get_renderer()
    texts = [t for t in fig.axes[0].texts if t.get_text()]
    assert len(texts) == 18  # 18 documents (<= 20 even in a single column)
    boxes = [mpl.text.Text.get_window_extent(t, renderer) for t in texts]
    assert overlapping_pairs(boxes) == []
    # the word panels sit apart from the documents' panel
    panels = [a.get_window_extent(renderer) for a in fig.axes[:3]]
    assert overlapping_pairs(panels) == []


def test_biplot_single_column_labels_fewer_documents():
    labels, groups, scores, loadings, words = biplot_data(30)
    fig = plot.pca_biplot_figure(scores, loadings, words, labels, groups,
                                 explained=[0.3, 0.2], n_loadings=4, column="single")
    texts = [t.get_text() for t in fig.axes[0].texts if t.get_text()]
    assert texts == []  # 30 > 20 documents: groups only
    assert len(bar_words(fig.axes[1])) == 3  # at least three words per component


def test_biplot_without_words_is_one_panel():
    labels, groups, scores, loadings, words = biplot_data(6)
    fig = plot.pca_biplot_figure(scores, loadings, words, labels, groups,
                                 explained=[0.3, 0.2], n_loadings=0)
    assert len(fig.axes) == 1


def test_biplot_checks_its_arguments():
    labels, groups, scores, loadings, words = biplot_data(5)
    with pytest.raises(ValueError, match="loadings"):
        plot.pca_biplot_figure(scores, loadings, words[:-1], labels, groups, explained=[1, 0])
    with pytest.raises(ValueError, match="explained"):
        plot.pca_biplot_figure(scores, loadings, words, labels, groups, explained=[1.0])
    with pytest.raises(ValueError, match="scores"):
        plot.pca_biplot_figure(scores[:, :1], loadings, words, labels, groups, explained=[1, 0])
    with pytest.raises(ValueError, match="n_loadings"):
        plot.pca_biplot_figure(scores, loadings, words, labels, groups, explained=[1, 0],
                               n_loadings=-1)


# ---------------------------------------------------------------------------------------------
# Consensus tree
# ---------------------------------------------------------------------------------------------


def support_texts(fig) -> list[str]:
    return sorted(t.get_text() for t in fig.axes[0].texts)


def test_consensus_tree_rooted_by_hand():
    # ((a,b)67,(c,d,e)100) with (d,e)80: leaves in ladderised depth-first order.
    fig = plot.consensus_tree_figure(
        [[0, 1], [2, 3, 4], [3, 4]], [2 / 3, 1.0, 0.8], list("abcde"), list("xxyyz"),
        rooted=True, note="Cosine Delta, 100-1000 MFW",
    )
    tree, strip = fig.axes[:2]
    assert [t.get_text() for t in strip.get_yticklabels()] == list("abcde")
    assert support_texts(fig) == ["100", "67", "80"]
    assert tree.get_xlabel().startswith("Cosine Delta, 100-1000 MFW\n")
    colours = plot.group_colours(list("xxyyz"))
    for tick, g in zip(strip.get_yticklabels(), "xxyyz"):
        assert tick.get_color() == text_colour(colours[g])
    assert sorted(legend_entries(fig)) == ["x", "y", "z"]


def test_consensus_tree_unrooted_is_drawn_from_its_most_balanced_split():
    # Splits over 6 leaves (side without leaf 0): {4, 5} 90 %, {3, 4, 5} 60 %. The most
    # balanced is {3,4,5} | {0,1,2}: it becomes the root, its 60 written there, once.
    fig = plot.consensus_tree_figure([[3, 4, 5], [4, 5]], [0.6, 0.9], list("abcdef"),
                                     list("xxxyyy"))
    assert support_texts(fig) == ["60", "90"]
    ticks = [t.get_text() for t in fig.axes[1].get_yticklabels()]
    assert set(ticks[:3]) == set("abc") and set(ticks[3:]) == set("def")
    assert "unrooted" in fig.axes[0].get_xlabel()


def test_consensus_tree_star_and_real_consensus():
    fig = plot.consensus_tree_figure([], [], list("abcd"), list("xyxy"))
    assert support_texts(fig) == []
    labels, groups, x = corpus(30)
    trees = [linkage(x[:, : k + 5], "average") for k in range(5)]
    from wordprint.clustering.consensus import consensus_tree

    tree = consensus_tree(trees, labels)
    fig = plot.consensus_tree_figure([sorted(c.members) for c in tree.clades],
                                     [c.support for c in tree.clades], labels, groups)
    assert len(fig.axes[0].texts) == len(tree.clades)
    assert sorted(t.get_text() for t in fig.axes[1].get_yticklabels()) == sorted(labels)


def test_consensus_tree_labels_never_overlap_and_the_figure_grows():
    heights = []
    for n in (30, 250):
        labels, groups, x = corpus(n)
        fig = plot.consensus_tree_figure([[0, 1], [0, 1, 2]], [0.7, 0.9], labels, groups,
                                         rooted=True)
        renderer = fig.canvas.get_renderer()
        boxes = [t.get_window_extent(renderer) for t in fig.axes[1].get_yticklabels()]
        assert overlapping_pairs(boxes, tol=0.0) == []
        heights.append(fig.get_figheight())
    assert heights[0] < heights[1]


def test_consensus_tree_refuses_conflicting_clades():
    with pytest.raises(ValueError, match="overlap"):
        plot.consensus_tree_figure([[0, 1], [1, 2]], [0.6, 0.6], list("abcd"), list("xxyy"),
                                   rooted=True)
    with pytest.raises(ValueError, match="support"):
        plot.consensus_tree_figure([[0, 1]], [0.6, 0.7], list("abcd"), list("xxyy"))


# ---------------------------------------------------------------------------------------------
# Scores against MFW
# ---------------------------------------------------------------------------------------------

MEASURE_NAMES = ["burrows", "cosine_delta", "eder", "manhattan", "argamon_quadratic",
                 "canberra", "minmax", "euclidean", "cosine", "eder_simple", "entropy",
                 "argamon_linear"]


def scores_table(measures, mfws=(100, 200, 500, 1000, 2000), seed=0):
    rng = np.random.default_rng(seed)
    rows = [(m, f, float(rng.uniform(0, 1))) for m in measures for f in reversed(mfws)]
    return {"measure": [r[0] for r in rows], "mfw": [r[1] for r in rows],
            "ari": [r[2] for r in rows]}


def test_score_figure_one_line_per_measure_in_table_order():
    table = scores_table(["cosine_delta", "burrows", "eder"])
    fig = plot.score_by_mfw_figure(table, measure_labels={"cosine_delta": "Cosine Delta"},
                                   title="ARI")
    ax = fig.axes[0]
    assert legend_entries(fig) == ["Cosine Delta", "burrows", "eder"]
    assert len(ax.lines) == 3
    xs, ys = ax.lines[0].get_data()
    expected = sorted(zip(table["mfw"][:5], table["ari"][:5]))
    # the first of three lines is dodged left by a fortieth of a decade
    np.testing.assert_allclose(xs, [e[0] * 10 ** (-1 / 40) for e in expected])
    assert list(ys) == [e[1] for e in expected]
    assert ax.get_xscale() == "log"  # 100 to 2000 spans more than a factor 10
    assert [t.get_text() for t in ax.get_xticklabels()] == ["100", "200", "500", "1000", "2000"]
    assert ax.get_ylabel() == "Adjusted Rand index"
    assert ax.get_ylim()[1] == pytest.approx(1.03)


def test_score_figure_lines_are_told_apart_without_colour():
    fig = plot.score_by_mfw_figure(scores_table(MEASURE_NAMES), column="single")
    lines = fig.axes[0].lines
    assert len({(l.get_color(), l.get_marker(), str(l.get_linestyle())) for l in lines}) == 12
    assert len({l.get_marker() for l in lines}) == 12  # a distinct shape on every line
    for line in lines:  # at least 3:1 contrast with white (WCAG 2.1 non-text contrast)
        rgb = mpl.colors.to_rgb(line.get_color())
        assert 1.05 / (_relative_luminance(rgb) + 0.05) >= 3.0


def test_score_figure_linear_axis_and_other_scores():
    table = scores_table(["burrows"], mfws=(100, 300, 500))
    table["v_measure"] = table.pop("ari")
    fig = plot.score_by_mfw_figure(table, score="v_measure")
    assert fig.axes[0].get_xscale() == "linear"
    assert fig.axes[0].get_ylabel() == "V-measure"


def test_score_figure_refuses_bad_tables():
    with pytest.raises(ValueError, match="filter"):
        plot.score_by_mfw_figure({"measure": ["a", "a"], "mfw": [100, 100], "ari": [0.1, 0.2]})
    with pytest.raises(ValueError, match="purity"):
        plot.score_by_mfw_figure(scores_table(["a"]), score="purity")
    with pytest.raises(ValueError, match="positive"):
        plot.score_by_mfw_figure({"measure": ["a"], "mfw": [0], "ari": [0.5]})


# ---------------------------------------------------------------------------------------------
# Comparison figures: keyness bars, Zeta map, vocabulary growth
# ---------------------------------------------------------------------------------------------

KEY_TERMS = ["trotsky", "revolution", "stalin", "party", "we", "our", "americans", "you"]
KEY_RATIOS = [11.9, 7.0, 10.2, 4.8, -3.7, -3.8, -4.1, -5.1]
KEY_SIGNS = [1, 1, 1, 1, -1, -1, -1, -1]
KEY_SIGNIFICANT = [True, True, True, False, True, True, False, True]


def keyness_demo(**kw):
    return plot.keyness_figure(KEY_TERMS, KEY_RATIOS, KEY_SIGNS, KEY_SIGNIFICANT,
                               target_label="essay", reference_label="the addresses", **kw)


def test_keyness_figure_two_sides_log_ratio_bars_and_open_bars_when_not_significant():
    fig = keyness_demo(title="Key terms", note="ranked by G2")
    ax = fig.axes[0]
    assert ax.get_xlabel() == "Log Ratio (log2 of the ratio of relative frequencies)\nranked by G2"
    assert legend_entries(fig) == ["key in essay", "key in the addresses", "not significant"]
    bars = ax.patches
    assert len(bars) == len(KEY_TERMS)
    # Target terms first (top rows), bars to the right; reference terms below, to the left.
    assert [round(b.get_width(), 1) for b in bars] == KEY_RATIOS
    tops = [b.get_y() for b in bars]
    assert tops == sorted(tops)  # rows in the order given (y axis inverted: first on top)
    assert ax.get_ylim()[0] > ax.get_ylim()[1]
    fills = [mpl.colors.to_hex(b.get_facecolor()) for b in bars]
    assert fills[3] == "#ffffff" and fills[6] == "#ffffff"  # not significant: open
    assert fills[0] == plot.SIDE_COLOURS[0].lower() and fills[4] == plot.SIDE_COLOURS[1].lower()


def test_keyness_figure_terms_fit_beside_their_bars():
    fig = keyness_demo()
    ax = fig.axes[0]
    renderer = fig.canvas.get_renderer()
    box = ax.get_window_extent(renderer)
    texts = [t for t in ax.texts if t.get_text() in KEY_TERMS]
    assert sorted(t.get_text() for t in texts) == sorted(KEY_TERMS)
    for t in texts:
        extent = t.get_window_extent(renderer)
        assert box.x0 - 0.5 <= extent.x0 and extent.x1 <= box.x1 + 0.5, t.get_text()


def test_keyness_figure_refuses_bad_input():
    with pytest.raises(ValueError, match="at least one term"):
        plot.keyness_figure([], [], [], [], target_label="a", reference_label="b")
    with pytest.raises(ValueError, match="sign has 1 entries, expected 2"):
        plot.keyness_figure(["a", "b"], [1, -1], [1], [True, True], target_label="a",
                            reference_label="b")
    with pytest.raises(ValueError, match="finite"):
        plot.keyness_figure(["a"], [np.inf], [1], [True], target_label="a", reference_label="b")


def test_keyness_figure_whiskers_and_terms_beyond_them():
    low = [11.5, 5.0, 9.0, None, -5.5, -4.5, -4.4, -5.3]
    high = [12.3, 9.5, 11.0, None, -2.0, -3.0, -3.9, -4.9]
    fig = keyness_demo(low=low, high=high)
    ax = fig.axes[0]
    whiskers = [line for line in ax.lines if len(line.get_xdata()) == 2
                and mpl.colors.to_hex(line.get_color()) == "#222222"]
    spans = sorted(tuple(line.get_xdata()) for line in whiskers)
    assert spans == sorted((lo, hi) for lo, hi in zip(low, high) if lo is not None)
    renderer = fig.canvas.get_renderer()
    box = ax.get_window_extent(renderer)
    to_px = ax.transData.transform
    for term, lr, lo, hi in zip(KEY_TERMS, KEY_RATIOS, low, high):
        text = next(t for t in ax.texts if t.get_text() == term)
        extent = text.get_window_extent(renderer)
        assert box.x0 - 0.5 <= extent.x0 and extent.x1 <= box.x1 + 0.5, term
        if lo is None:
            continue
        if lr > 0:  # the term starts right of the whisker's end, not on it
            assert extent.x0 >= to_px((hi, 0))[0], term
        else:
            assert extent.x1 <= to_px((lo, 0))[0], term
    with pytest.raises(ValueError, match="low has 1 entries"):
        keyness_demo(low=[1.0], high=high)


def test_keyness_figure_is_deterministic(tmp_path):
    one = save_figure(keyness_demo(), tmp_path / "one" / "k", metadata={"Title": "Keyness"})
    two = save_figure(keyness_demo(), tmp_path / "two" / "k", metadata={"Title": "Keyness"})
    assert [p.read_bytes() for p in one] == [p.read_bytes() for p in two]


def zeta_demo(n: int = 400, seed: int = 3):
    rng = np.random.default_rng(seed)
    x, y = rng.integers(0, 9, n) / 8, rng.integers(0, 41, n) / 40
    zeta = x - y
    labelled = np.zeros(n, dtype=bool)
    order = np.argsort(-zeta, kind="stable")
    labelled[order[:10]] = labelled[order[-10:]] = True
    return [f"word{i}" for i in range(n)], x, y, labelled


def test_zeta_figure_axes_name_the_sides_and_labels_do_not_overlap():
    terms, x, y, labelled = zeta_demo()
    fig = plot.zeta_figure(terms, x, y, labelled=labelled, target_label="essay",
                           reference_label="Trotsky", segments=(8, 40), title="Zeta")
    ax = fig.axes[0]
    assert ax.get_xlabel() == "Share of 8 essay segments containing the word"
    assert ax.get_ylabel() == "Share of 40 Trotsky segments containing the word"
    assert legend_entries(fig) == ["marks essay", "marks Trotsky"]
    labels = [t for t in ax.texts if t.get_text().startswith("word")]
    assert sorted(t.get_text() for t in labels) == sorted(np.array(terms)[labelled])
    renderer = fig.canvas.get_renderer()
    # The text alone: an annotation's own extent also covers its leader line.
    boxes = [mpl.text.Text.get_window_extent(t, renderer) for t in labels]
    assert overlapping_pairs(boxes) == []
    # Labelled words are coloured by the side they mark (x > y: the target).
    marked = ax.collections[-1]
    colours = {mpl.colors.to_hex(c) for c in marked.get_facecolors()}
    assert colours == {plot.SIDE_COLOURS[0].lower(), plot.SIDE_COLOURS[1].lower()}


def test_zeta_figure_refuses_bad_input():
    with pytest.raises(ValueError, match="one entry per term"):
        plot.zeta_figure(["a", "b"], [0.5], [0.5, 0.1], labelled=[True, False],
                         target_label="a", reference_label="b")
    with pytest.raises(ValueError, match="proportions"):
        plot.zeta_figure(["a"], [1.5], [0.5], labelled=[True], target_label="a",
                         reference_label="b")


def growth_curve(n: int, rate: float):
    tokens = np.arange(100, n + 1, 100)
    return tokens, np.round(rate * tokens**0.7)


def test_growth_figure_colours_follow_the_run_palette_and_axes_switch_to_log():
    curves = [growth_curve(4000, 3.0), growth_curve(5000, 2.5), growth_curve(6000, 2.4)]
    labels, groups = ["essay", "essay (own)", "1961-Kennedy-1"], ["essay", "essay", "Democratic"]
    palette = ["Democratic", "Republican", "essay", "Republican"]
    fig = plot.growth_figure(curves, labels, groups, dashed=[False, True, False],
                             palette=palette, title="Growth")
    ax = fig.axes[0]
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("Tokens read", "Types (distinct words)")
    assert ax.get_xscale() == "linear"  # lengths within a factor of 10
    expected = plot.group_colours(sorted_groups(palette))
    assert [mpl.colors.to_hex(l.get_color()) for l in ax.lines] == [
        expected["essay"].lower(), expected["essay"].lower(), expected["Democratic"].lower()]
    assert ax.lines[1].get_linestyle() != "-"  # another view: dashed
    # Only the groups drawn are in the legend, in the palette's order, plus the dashed style.
    assert legend_entries(fig) == ["Republican", "Democratic", "essay",
                                   "other views (own words, quotations)"][1:]
    assert sorted(t.get_text() for t in ax.texts) == sorted(labels)
    long = plot.growth_figure([growth_curve(500, 3.0), growth_curve(60000, 2.0)], ["a", "b"],
                              ["x", "y"])
    assert long.axes[0].get_xscale() == "log" and long.axes[0].get_yscale() == "log"


def test_growth_figure_labels_only_small_groups_when_crowded():
    curves = [growth_curve(3000 + 100 * i, 2.5) for i in range(20)]
    groups = ["sotu"] * 19 + ["essay"]
    fig = plot.growth_figure(curves, [f"t{i}" for i in range(20)], groups, max_labels=5)
    assert [t.get_text() for t in fig.axes[0].texts] == ["t19"]


def test_growth_figure_refuses_bad_curves():
    with pytest.raises(ValueError, match="positive"):
        plot.growth_figure([([0, 100], [0, 50])], ["a"], ["x"])
    with pytest.raises(ValueError, match="equal length"):
        plot.growth_figure([([100, 200], [50])], ["a"], ["x"])
    with pytest.raises(ValueError, match="dashed has 2 entries"):
        plot.growth_figure([growth_curve(500, 2.0)], ["a"], ["x"], dashed=[True, False])


# --- attribution figures ------------------------------------------------------------------------


def test_attribution_figure_stacks_shares_and_marks_the_grey_zone():
    samples = ["no. 49", "no. 50", "no. 55"]
    shares = {"Madison": [1.0, 0.75, 0.5], "Hamilton": [0.0, 0.25, 0.5]}
    fig = plot.attribution_figure(samples, shares, settings=16,
                                  verification={"Hamilton": [0.2, 0.4, np.nan],
                                                "Madison": [0.9, 0.7, 0.6]},
                                  grey_zone=(0.45, 0.8), palette=["Hamilton", "Madison", "Jay"])
    bars, dots = fig.axes
    assert [t.get_text() for t in bars.get_yticklabels()] == samples
    assert "16" in bars.get_xlabel()
    # Each bar stack adds up to the whole: one rectangle per author and sample.
    widths = np.array([p.get_width() for p in bars.patches]).reshape(2, 3)
    assert widths.sum(axis=0).tolist() == [1.0, 1.0, 1.0]
    # The grey zone spans p1 to p2; NaN scores are not drawn.
    zone = dots.patches[0]
    assert (zone.get_x(), zone.get_x() + zone.get_width()) == pytest.approx((0.45, 0.8))
    assert [len(line.get_xdata()) for line in dots.lines] == [2, 3]
    # Colours follow the run's palette, so an author keeps its colour across figures.
    colours = _author_styles(["Madison", "Hamilton"], ["Hamilton", "Madison"])[0]
    assert colours["Hamilton"] == text_colour(plot.OKABE_ITO[0], min_contrast=3.0)
    assert mpl.colors.to_hex(bars.patches[0].get_facecolor()) == colours["Madison"].lower()
    assert legend_entries(fig) == ["Madison", "Hamilton"]


def test_attribution_figure_without_verification_and_bad_input():
    fig = plot.attribution_figure(["q"], {"A": [0.5], "B": [0.5]})
    assert len(fig.axes) == 1
    with pytest.raises(ValueError, match="at least one questioned text"):
        plot.attribution_figure([], {"A": []})
    with pytest.raises(ValueError, match=r"shares\['A'\] has 2 values, expected 1"):
        plot.attribution_figure(["q"], {"A": [0.5, 0.5]})
    with pytest.raises(ValueError, match="between 0 and 1"):
        plot.attribution_figure(["q"], {"A": [1.5]})
    with pytest.raises(ValueError, match="grey_zone"):
        plot.attribution_figure(["q"], {"A": [1.0]}, verification={"A": [0.5]},
                                grey_zone=(0.8, 0.2))


def test_author_colours_never_repeat_among_the_authors_drawn():
    palette = [f"author {i:02d}" for i in range(12)]
    # author 08 would share author 00's colour by position; drawn together, it takes a free one
    colours, markers = _author_styles(["author 00", "author 08"], palette)
    assert colours["author 00"] != colours["author 08"]
    assert markers["author 08"] == LINE_MARKERS[8]
    alone = _author_styles(["author 08"], palette)[0]
    assert alone["author 08"] == colours["author 00"]


def test_rolling_figure_spans_the_text_shades_quotations_and_marks_the_nearest():
    x = [500, 600, 700, 800]
    fig = plot.rolling_figure(x, {"B": [1.2, 1.0, 0.8, 0.7], "A": [1.0, 0.9, 1.1, 1.2]},
                              spans=[(40, 90), (1200, 1290)], window=1000, length=1300,
                              measure_label="Classic Delta", palette=["A", "B"])
    ax, strip = fig.axes
    assert strip.get_xlim() == (0.0, 1300.0)  # the whole text, not only the windows
    # Legend in palette order, the shading last.
    assert legend_entries(fig) == ["A", "B", "quotation"]
    assert "lower is closer" in ax.get_ylabel() and "1,000 tokens" in strip.get_xlabel()
    # Two shaded spans in each panel; the strip has one cell per window, coloured by the
    # nearest author: A, A, B, B.
    assert len(ax.patches) == 2
    cells = strip.patches[2:]
    colours = _author_styles(["A", "B"], ["A", "B"])[0]
    assert [mpl.colors.to_hex(c.get_facecolor()) for c in cells] == [
        colours[a].lower() for a in "AABB"]


def test_rolling_figure_refuses_bad_input():
    with pytest.raises(ValueError, match="at least one window"):
        plot.rolling_figure([], {"A": []})
    with pytest.raises(ValueError, match="at least one author"):
        plot.rolling_figure([1.0], {})
    with pytest.raises(ValueError, match="must hold 2 finite values"):
        plot.rolling_figure([1.0, 2.0], {"A": [1.0, np.nan]})
    with pytest.raises(ValueError, match="start <= end"):
        plot.rolling_figure([1.0], {"A": [1.0]}, spans=[(5, 2)])


def test_attribution_figures_are_deterministic(tmp_path):
    def draw():
        return plot.rolling_figure([500, 600], {"A": [1.0, 0.9], "B": [0.8, 1.1]},
                                   spans=[(10, 40)], window=1000, length=1100)

    save_figure(draw(), tmp_path / "one")
    save_figure(draw(), tmp_path / "two")
    for ext in ("png", "svg"):
        assert (tmp_path / f"one.{ext}").read_bytes() == (tmp_path / f"two.{ext}").read_bytes()


def test_a_ward_tree_is_labelled_by_merge_height_not_distance():
    assert plot.merge_height_label("Classic Delta", "ward.D") == (
        "Ward merge height (Classic Delta, ward.D)")
    assert plot.merge_height_label("Classic Delta", "ward.D2").startswith("Ward merge height")
    assert plot.merge_height_label("Classic Delta", "complete") == "Classic Delta (complete linkage)"


def test_mds_hulls_only_when_the_groups_separate():
    apart = np.array([[0, 0], [1, 0], [0, 1], [5, 5], [6, 5], [5, 6]], dtype=float)
    mixed = np.array([[0, 0], [1, 0], [0, 1], [0.4, 0.4], [6, 5], [5, 6]], dtype=float)
    groups = list("aaabbb")
    drawn = plot.mds_figure(apart, list("uvwxyz"), groups, title="", axis_labels=("1", "2"))
    assert len(drawn.axes[0].patches) == 4  # each of two hulls: a fill and an outline
    hidden = plot.mds_figure(mixed, list("uvwxyz"), groups, title="", axis_labels=("1", "2"))
    assert len(hidden.axes[0].patches) == 0
    assert plot.groups_separate(apart, groups) and not plot.groups_separate(mixed, groups)


def test_equal_scores_of_two_measures_stay_visible_side_by_side():
    t = {"measure": ["burrows"] * 3 + ["cosine_delta"] * 3, "mfw": [100, 1000, 5000] * 2,
         "ari": [0.5, 1.0, 1.0] * 2}
    fig = plot.score_by_mfw_figure(t, title="ARI against the catalog's 'author'")
    first, second = [line for line in fig.axes[0].get_lines() if len(line.get_xdata()) == 3]
    np.testing.assert_array_equal(first.get_ydata(), second.get_ydata())
    assert np.all(first.get_xdata() < second.get_xdata())  # dodged apart
    # by a fortieth of a decade each way at most: the ticks keep the true MFW
    assert np.allclose(np.log10(second.get_xdata() / first.get_xdata()), 1 / 40)
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["100", "1000", "5000"]


def test_comparison_sides_take_their_groups_colours():
    groups = ["Hamilton"] * 5 + ["Madison"] * 3 + ["Jay"] * 2
    palette = plot.group_colours(groups)
    assert plot.side_colours(["Madison"], ["Hamilton", "Hamilton"], groups) == (
        palette["Madison"], palette["Hamilton"])
    # the rest of the corpus is several groups: grey
    assert plot.side_colours(["Jay"], ["Hamilton", "Madison"], groups)[1] == "#666666"
    # two sides of one look fall back to the comparison colours
    assert plot.side_colours(["Jay", "Madison"], ["Hamilton", "Madison"], groups) == (
        plot.SIDE_COLOURS)
    fig = plot.keyness_figure(["a", "b"], [1.0, -1.0], [1, -1], [True, True],
                              target_label="Madison", reference_label="Hamilton",
                              colours=(palette["Madison"], palette["Hamilton"]))
    bars = fig.axes[0].patches
    assert {mpl.colors.to_hex(b.get_facecolor()) for b in bars} == {
        palette["Madison"].lower(), palette["Hamilton"].lower()}


def test_many_growth_curves_put_the_labelled_texts_in_front():
    rng = np.random.default_rng(3)
    n = 20  # more than max_labels (12): the 18 texts of two big groups fade, the two apart stand
    groups = ["a"] * 9 + ["b"] * 9 + ["essay", "other"]
    curves = [(np.arange(1, 51) * 100.0, np.cumsum(rng.integers(1, 60, 50)) + 1.0)
              for _ in range(n)]
    fig = plot.growth_figure(curves, [f"t{i}" for i in range(n)], groups)
    lines = fig.axes[0].get_lines()
    front = [line for line in lines if line.get_linewidth() == 1.4]
    back = [line for line in lines if line.get_linewidth() == 0.6]
    assert len(front) == 2 and len(back) == 18
    assert all(line.get_alpha() == 0.35 for line in back)
    assert sorted(t.get_text() for t in fig.axes[0].texts if t.get_text()) == ["t18", "t19"]
