"""Tests for wordprint.attribute.rolling: windows, rolling Delta, character-to-token spans."""

import numpy as np
import pytest

from wordprint.measures.distances import cross_distances
from wordprint.text.quotes import split_quotations
from wordprint.attribute.rolling import (
    char_spans_to_token_spans,
    rolling_delta,
    token_offsets,
    window_frequencies,
    window_spans,
)
from wordprint.text.tokenize import words


def test_window_spans_as_stylo():
    # starts 0, 3, 6 while start + size <= 11; the tail 9..11 is shorter than a window
    assert window_spans(11, size=4, step=3).tolist() == [[0, 4], [3, 7], [6, 10]]
    assert window_spans(4, size=4, step=1).tolist() == [[0, 4]]
    with pytest.raises(ValueError, match="fewer than one window"):
        window_spans(3, size=4, step=1)
    with pytest.raises(ValueError, match="step"):
        window_spans(10, size=4, step=0)


def test_window_frequencies_hand_computed():
    tokens = "the cat and the dog and the end".split()
    spans, table = window_frequencies(tokens, ["the", "and"], size=4, step=2)
    # windows: [the cat and the] [and the dog and] [dog and the end]
    assert spans.tolist() == [[0, 4], [2, 6], [4, 8]]
    assert table.tolist() == [[2 / 4, 1 / 4], [1 / 4, 2 / 4], [1 / 4, 1 / 4]]


# Reference samples for hand computation with the Manhattan distance:
# author A: (.5, .1) and (.3, .3), centroid (.4, .2); author B: (.1, .5).
REF = np.array([[0.5, 0.1], [0.3, 0.3], [0.1, 0.5]])
REF_LABELS = ["A", "A", "B"]
# windows of 4: "a a a b" -> (.75, .25); "x b b b" -> (0, .75)
TOKENS = "a a a b x b b b".split()


def test_rolling_delta_to_centroids_hand_computed():
    out = rolling_delta(TOKENS, ["a", "b"], REF, REF_LABELS, size=4, step=4, measure="manhattan")
    # window 1: A |.75-.4| + |.25-.2| = .40, B .65 + .25 = .90
    # window 2: A .40 + .55 = .95, B .10 + .25 = .35
    assert out["authors"] == ["A", "B"]
    assert out["distances"] == pytest.approx(np.array([[0.40, 0.90], [0.95, 0.35]]))
    assert out["start"].tolist() == [0, 4] and out["end"].tolist() == [4, 8]
    assert out["middle"].tolist() == [2.0, 6.0]


def test_rolling_delta_to_nearest_sample_hand_computed():
    out = rolling_delta(TOKENS, ["a", "b"], REF, REF_LABELS, size=4, step=4, measure="manhattan",
                        to="nearest")
    # window 1 to A's samples: .25 + .15 = .40, .45 + .05 = .50 -> .40; to B .90
    # window 2 to A's samples: .50 + .65 = 1.15, .30 + .45 = .75 -> .75; to B .35
    assert out["distances"] == pytest.approx(np.array([[0.40, 0.90], [0.75, 0.35]]))


def test_rolling_delta_z_scores_come_from_all_reference_samples():
    rng = np.random.default_rng(0)
    ref = rng.uniform(0.01, 0.1, size=(6, 3))
    labels = ["A", "A", "A", "B", "B", "B"]
    tokens = list(rng.choice(["w1", "w2", "w3", "other"], size=60))
    out = rolling_delta(tokens, ["w1", "w2", "w3"], ref, labels, size=20, step=10)
    _, windows = window_frequencies(tokens, ["w1", "w2", "w3"], size=20, step=10)
    centroids = np.vstack([ref[:3].mean(axis=0), ref[3:].mean(axis=0)])
    expected = cross_distances(windows, centroids, measure="burrows", mean=ref.mean(axis=0),
                               std=ref.std(axis=0, ddof=1))
    assert out["distances"] == pytest.approx(expected)
    # ... not the statistics of the two centroids (which the default of cross_distances uses)
    assert not np.allclose(out["distances"], cross_distances(windows, centroids,
                                                             measure="burrows"))


def test_rolling_delta_finds_where_a_collaboration_changes_hands():
    # A text whose first 3,000 tokens follow author A's word distribution and the last 3,000
    # author B's: the nearest author must switch from A to B in the middle.
    rng = np.random.default_rng(1)
    vocab = [f"w{i}" for i in range(30)]
    pa = rng.dirichlet(np.ones(30))
    pb = rng.dirichlet(np.ones(30))

    def sample(p, n):
        return list(rng.choice(vocab, size=n, p=p))

    def freqs(tokens):
        return np.array([[tokens.count(w) / len(tokens) for w in vocab]])

    ref = np.vstack([freqs(sample(p, 2000)) for p in (pa, pa, pa, pb, pb, pb)])
    text = sample(pa, 3000) + sample(pb, 3000)
    out = rolling_delta(text, vocab, ref, ["A"] * 3 + ["B"] * 3, size=1000, step=500)
    nearest = np.array(out["authors"])[out["distances"].argmin(axis=1)]
    assert all(nearest[out["end"] <= 3000] == "A")
    assert all(nearest[out["start"] >= 3000] == "B")


def test_rolling_delta_rejects_bad_input():
    with pytest.raises(ValueError, match="unknown to"):
        rolling_delta(TOKENS, ["a", "b"], REF, REF_LABELS, size=4, step=4, to="mean")
    with pytest.raises(ValueError, match="2 columns"):
        rolling_delta(TOKENS, ["a", "b"], REF[:, :1], REF_LABELS, size=4, step=4)
    with pytest.raises(ValueError, match="one label per reference sample"):
        rolling_delta(TOKENS, ["a", "b"], REF, ["A"], size=4, step=4)
    with pytest.raises(ValueError, match="distinct words"):
        window_frequencies(TOKENS, ["a", "a"], size=4, step=4)


# --- character spans to token spans -------------------------------------------------------------


def test_char_spans_to_token_spans_hand_computed():
    text = "He said: 'no, never'."
    offsets = token_offsets(text)
    # tokens: He (0, 2), said (3, 7), no (10, 12), never (14, 19)
    assert offsets == [(0, 2), (3, 7), (10, 12), (14, 19)]
    # (9, 21) covers no and never; (7, 9) touches no token (said ends at 7, exclusive);
    # (5, 11) cuts into said and no, so both count; (0, 21) is everything
    assert char_spans_to_token_spans([(9, 21), (7, 9), (5, 11), (0, 21)], offsets) == [
        (2, 4),
        (2, 2),
        (1, 3),
        (0, 4),
    ]


def test_quotation_spans_map_to_the_quoted_tokens():
    text = 'He wrote that "the state withers away" and left it. Later he said "never".'
    quotes = split_quotations(text)
    offsets = token_offsets(text)
    tokens = words(text)
    assert len(offsets) == len(tokens)
    mapped = char_spans_to_token_spans(quotes.spans, offsets)
    assert [tokens[a:b] for a, b in mapped] == [["the", "state", "withers", "away"], ["never"]]


def test_char_spans_validation():
    with pytest.raises(ValueError, match="start <= end"):
        char_spans_to_token_spans([(5, 2)], [(0, 3)])
    with pytest.raises(ValueError, match="text order"):
        char_spans_to_token_spans([(0, 2)], [(4, 6), (0, 2)])
