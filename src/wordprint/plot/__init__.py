"""Publication figures: one style for every figure of a run.

Every figure function builds and returns a :class:`matplotlib.figure.Figure` (object API, Agg
canvas, no pyplot state); saving lives in :mod:`wordprint.io.figures`. The style, the group
colours and markers are set once, in :mod:`wordprint.plot.style`. The modules, by what they
draw:

- :mod:`~wordprint.plot.style`: the figure style, group colours and markers, the group legend
  and colour strip, figure creation;
- :mod:`~wordprint.plot.labels`: point labels placed off each other, markers and leader lines;
- :mod:`~wordprint.plot.trees`: the dendrogram (:func:`dendrogram` for a notebook's tree) and the
  bootstrap consensus tree;
- :mod:`~wordprint.plot.maps`: the MDS map (with group hulls) and the PCA biplot;
- :mod:`~wordprint.plot.heatmap`: the distance heatmap;
- :mod:`~wordprint.plot.vocabulary`: vocabulary statistics per document;
- :mod:`~wordprint.plot.scores`: a score against the number of MFW, the robustness map;
- :mod:`~wordprint.plot.keywords`: keyness bars and the Zeta map of two sides of a corpus;
- :mod:`~wordprint.plot.growth`: vocabulary growth curves;
- :mod:`~wordprint.plot.attribution`: attribution shares and verification, rolling Delta.
"""

from wordprint.plot.attribution import attribution_figure, rolling_figure
from wordprint.plot.growth import growth_figure
from wordprint.plot.heatmap import heatmap_figure
from wordprint.plot.keywords import SIDE_COLOURS, keyness_figure, side_colours, zeta_figure
from wordprint.plot.maps import groups_separate, mds_figure, pca_biplot_figure
from wordprint.plot.scores import SCORE_LABELS, robustness_figure, score_by_mfw_figure
from wordprint.plot.style import (
    COLUMN_WIDTHS,
    MARKERS,
    OKABE_ITO,
    STYLE,
    apply_style,
    group_colours,
    group_markers,
    style_context,
)
from wordprint.plot.trees import (
    consensus_tree_figure,
    dendrogram,
    dendrogram_figure,
    merge_height_label,
)
from wordprint.plot.vocabulary import vocabulary_figure

__all__ = [
    "COLUMN_WIDTHS",
    "MARKERS",
    "OKABE_ITO",
    "SCORE_LABELS",
    "SIDE_COLOURS",
    "STYLE",
    "apply_style",
    "attribution_figure",
    "consensus_tree_figure",
    "dendrogram",
    "dendrogram_figure",
    "group_colours",
    "group_markers",
    "groups_separate",
    "growth_figure",
    "heatmap_figure",
    "keyness_figure",
    "mds_figure",
    "merge_height_label",
    "pca_biplot_figure",
    "robustness_figure",
    "rolling_figure",
    "score_by_mfw_figure",
    "side_colours",
    "style_context",
    "vocabulary_figure",
    "zeta_figure",
]
