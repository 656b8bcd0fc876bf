"""What each method of the report computes and the paper it comes from (the report's Methods).

Distance measures carry their own references (:data:`wordprint.measures.distances.MEASURES`); this
module lists every other method, by the stage of the workflow that uses it.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["METHODS", "Method"]


class Method(NamedTuple):
    stage: str  # corpus, vocabulary, distances, comparison, attribution, uncertainty
    name: str
    what: str
    reference: str


METHODS: tuple[Method, ...] = (
    Method("corpus", "Punkt sentence boundaries", "unsupervised sentence splitting, trained on "
           "each document", "Kiss, T. & Strunk, J. (2006). Unsupervised multilingual sentence "
           "boundary detection. Computational Linguistics 32(4), 485-525."),
    Method("vocabulary", "MATTR", "mean type-token ratio of a moving window",
           "Covington, M. A. & McFall, J. D. (2010). Cutting the Gordian knot: the "
           "moving-average type-token ratio (MATTR). Journal of Quantitative Linguistics 17(2), "
           "94-100."),
    Method("vocabulary", "MTLD", "mean length of stretches keeping a type-token ratio above "
           "0.72", "McCarthy, P. M. & Jarvis, S. (2010). MTLD, vocd-D, and HD-D: a validation "
           "study of sophisticated approaches to lexical diversity assessment. Behavior Research "
           "Methods 42(2), 381-392."),
    Method("vocabulary", "Yule's K", "10^4 (sum of i^2 V_i - N) / N^2: repetition of words",
           "Yule, G. U. (1944). The Statistical Study of Literary Vocabulary. Cambridge "
           "University Press."),
    Method("distances", "z-scores of the most frequent words (MFW)", "relative frequencies "
           "standardised by the corpus mean and standard deviation of each word",
           "Burrows, J. (2002). 'Delta': a measure of stylistic difference and a guide to likely "
           "authorship. Literary and Linguistic Computing 17(3), 267-287."),
    Method("distances", "Ward linkage", "hierarchical clustering merging the pair of clusters "
           "that least increases within-cluster variance", "Murtagh, F. & Legendre, P. (2014). "
           "Ward's hierarchical agglomerative clustering method: which algorithms implement "
           "Ward's criterion? Journal of Classification 31, 274-295."),
    Method("distances", "classical MDS", "points in the plane whose distances best keep the "
           "distance matrix", "Torgerson, W. S. (1952). Multidimensional scaling: I. Theory and "
           "method. Psychometrika 17, 401-419."),
    Method("distances", "Adjusted Rand index (ARI)", "agreement of the flat clusters with the "
           "catalog's labels, 0 by chance and 1 when identical", "Hubert, L. & Arabie, P. "
           "(1985). Comparing partitions. Journal of Classification 2, 193-218."),
    Method("distances", "V-measure", "harmonic mean of cluster homogeneity and completeness",
           "Rosenberg, A. & Hirschberg, J. (2007). V-measure: a conditional entropy-based "
           "external cluster evaluation measure. EMNLP-CoNLL, 410-420."),
    Method("distances", "bootstrap consensus tree", "the clades found in at least half of the "
           "trees over MFW and distance settings", "Eder, M. (2017). Visualization in "
           "stylometry: cluster analysis using networks. Digital Scholarship in the Humanities "
           "32(1), 50-64."),
    Method("distances", "sample size warning", "Delta is unreliable below about 5,000 words "
           "per sample", "Eder, M. (2015). Does size matter? Authorship attribution, small "
           "samples, big problem. Digital Scholarship in the Humanities 30(2), 167-182."),
    Method("distances", "robustness map", "share of the MFW x measure x normalisation x view "
           "settings in which a document's nearest author and cluster-mates stay the same",
           "Rybicki, J. & Eder, M. (2011). Deeper Delta across genres and languages: do we "
           "really need the most frequent words? Literary and Linguistic Computing 26(3), "
           "315-321."),
    Method("comparison", "log-likelihood G2", "keyness of a term in a target against a "
           "reference corpus", "Rayson, P. & Garside, R. (2000). Comparing corpora using "
           "frequency profiling. Workshop on Comparing Corpora, ACL, 1-6."),
    Method("comparison", "Log Ratio", "binary log of the ratio of relative frequencies: the "
           "effect size", "Hardie, A. (2014). Log Ratio: an informal introduction. ESRC Centre "
           "for Corpus Approaches to Social Science (CASS)."),
    Method("comparison", "Holm correction", "p-values adjusted for testing every term",
           "Holm, S. (1979). A simple sequentially rejective multiple test procedure. "
           "Scandinavian Journal of Statistics 6(2), 65-70."),
    Method("comparison", "log-odds with Dirichlet prior", "z-scored log-odds ratio of a term, "
           "shrunk towards the corpus", "Monroe, B. L., Colaresi, M. P. & Quinn, K. M. (2008). "
           "Fightin' words: lexical feature selection and evaluation for identifying the "
           "content of political conflict. Political Analysis 16(4), 372-403."),
    Method("comparison", "Zeta", "difference of the shares of segments of each side that use "
           "a word", "Craig, H. & Kinney, A. F. (2009). Shakespeare, Computers, and the Mystery "
           "of Authorship. Cambridge University Press."),
    Method("comparison", "DP", "dispersion: how unevenly a word spreads over the texts",
           "Gries, S. T. (2008). Dispersions and adjusted frequencies in corpora. International "
           "Journal of Corpus Linguistics 13(4), 403-437."),
    Method("attribution", "General Impostors", "share of random feature subsets in which a "
           "candidate is nearer than every impostor", "Koppel, M. & Winter, Y. (2014). "
           "Determining if two documents are written by the same author. JASIST 65(1), "
           "178-187."),
    Method("attribution", "c@1", "accuracy that rewards leaving hard cases unanswered",
           "Peñas, A. & Rodrigo, A. (2011). A simple measure to evaluate question answering "
           "systems that leave questions unanswered. ACL-HLT, 1415-1424."),
    Method("uncertainty", "bootstrap percentile intervals", "statistics recomputed on "
           "resampled segments of each document; the central share of the replicates",
           "Efron, B. & Tibshirani, R. J. (1993). An Introduction to the Bootstrap. Chapman & "
           "Hall."),
    Method("uncertainty", "block bootstrap", "consecutive segments drawn whole, so that word "
           "bursts, MATTR windows and sentences keep their dependence", "Künsch, H. R. (1989). "
           "The jackknife and the bootstrap for general stationary observations. The Annals of "
           "Statistics 17(3), 1217-1241."),
)
