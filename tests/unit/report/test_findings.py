"""The report's findings (wordprint.report.findings), against hand-computed values."""

import numpy as np
import pytest

from wordprint.report.findings import findings

# a1 and a2 are close, b1 and b2 are close; q (questioned) sits by the b texts; "a1 (own)" is a
# second view of a1.
IDS = ["a1", "a1 (own)", "a2", "b1", "b2", "q"]
LABELS = ["A", "A", "A", "B", "B", "?"]
D = np.array([
    [0, 0.1, 1, 5, 5, 6],
    [0.1, 0, 1.5, 5, 4.5, 6],
    [1, 1.5, 0, 5, 6, 6],
    [5, 5, 5, 0, 2, 1],
    [5, 4.5, 6, 2, 0, 3],
    [6, 6, 6, 1, 3, 0],
], dtype=float)
KNOWN = [True, True, True, True, True, False]


def test_scores_count_whole_known_texts_only():
    f = findings(IDS, LABELS, [1, 1, 1, 2, 2, 2], D, known=KNOWN)
    # a1, a2, b1, b2: the own view and the questioned text are left out
    assert (f.documents, f.labels) == (4, 2)
    assert f.ari == pytest.approx(1.0)
    assert f.same_label == 4 and f.strays == []


def test_a_text_nearest_another_label_is_a_stray():
    D2 = D.copy()
    D2[4, 2] = D2[2, 4] = 1.5  # b2 now nearest a2 (1.5 < 2)
    f = findings(IDS, LABELS, [1, 1, 1, 2, 1, 2], D2, known=KNOWN)
    assert f.strays == [("b2", "B", "a2", "A", 1.5)]
    assert f.same_label == 3
    # clusters {a1, a2, b2} and {b1}: ARI of [A, A, B, B] against [1, 1, 2, 1]
    assert f.ari == pytest.approx(0.0)


def test_highlighted_texts_get_their_three_nearest_whole_texts():
    f = findings(IDS, LABELS, [1, 1, 1, 2, 2, 2], D, known=KNOWN, highlight=["q", "a1"])
    by_text = {}
    for text, rank, neighbour, label, distance in f.highlighted:
        by_text.setdefault(text, []).append((rank, neighbour, label, distance))
    assert by_text["q"] == [(1, "b1", "B", 1.0), (2, "b2", "B", 3.0), (3, "a1", "A", 6.0)]
    # a1's own view is a sample of a1: never its neighbour; a1 (own) is highlighted too
    assert [n for _, n, _, _ in by_text["a1"]] == ["a2", "b1", "b2"]
    assert [n for _, n, _, _ in by_text["a1 (own)"]] == ["a2", "b2", "b1"]


def test_one_label_gives_no_ari():
    f = findings(["x", "y", "z"], ["A", "A", "A"], [1, 1, 2], D[:3, :3], known=[True] * 3)
    assert f.ari is None and f.labels == 1
