"""Craig's Zeta on toy segmentations where the answer can be read off."""

from collections import Counter

import numpy as np
import pytest

from wordprint.compare.zeta import segment_tokens, segments_of_texts, zeta


def _as_dict(table):
    return {term: float(z) for term, z in zip(table["term"], table["zeta"])}


def test_segment_tokens_reports_remainder():
    tokens = "one two three four five six seven eight".split()
    segments, leftover = segment_tokens(tokens, size=3)
    assert segments == [["one", "two", "three"], ["four", "five", "six"]]
    assert leftover == ["seven", "eight"]
    assert segment_tokens(tokens, size=4) == ([tokens[:4], tokens[4:]], [])
    assert segment_tokens(tokens[:2], size=3) == ([], tokens[:2])
    for bad in (0, -2, 2.5, True):
        with pytest.raises(ValueError, match="size"):
            segment_tokens(tokens, size=bad)


def test_segments_of_texts_tracks_origin_and_dropped_tokens():
    segments, ids, dropped = segments_of_texts(
        {"lenin": "a b c d e".split(), "trotsky": "f g h i".split(), "short": ["z"]}, size=2
    )
    assert segments == [["a", "b"], ["c", "d"], ["f", "g"], ["h", "i"]]
    assert ids == ["lenin", "lenin", "trotsky", "trotsky"]
    assert dropped == {"lenin": 1, "trotsky": 0, "short": 1}


def test_obvious_markers():
    # "war" is in all 4 target segments and no reference segment: 4/4 - 0/4 = 1.
    # "peace" is in 2 of 4 target segments and all 4 reference ones: 2/4 - 4/4 = -0.5.
    # "the" is everywhere: 1 - 1 = 0. "army" is in 1 target segment only: 1/4 - 0 = 0.25.
    target = [["the", "war", "peace"], ["the", "war", "army"], ["the", "war", "peace"],
              ["the", "war", "war"]]
    reference = [["the", "peace", "land"], ["the", "peace", "peace"], ["the", "peace", "bread"],
                 ["the", "peace", "land"]]
    table = zeta(target, reference)
    scores = _as_dict(table)
    assert scores == pytest.approx({"war": 1.0, "army": 0.25, "the": 0.0, "bread": -0.25,
                                    "land": -0.5, "peace": -0.5})
    # Sorted by zeta, ties alphabetically.
    assert table["term"].tolist() == ["war", "army", "the", "bread", "land", "peace"]
    # Presence, not frequency: "war" twice in one segment still counts once.
    row = table["term"].tolist().index("war")
    assert table["segments_target"][row] == 4 and table["p_target"][row] == 1.0
    assert table["segments_reference"][row] == 0 and table["p_reference"][row] == 0.0


def test_craig_scale_adds_one():
    target = [["a", "b"], ["a", "c"]]
    reference = [["b", "c"], ["b", "d"]]
    difference = _as_dict(zeta(target, reference))
    craig = _as_dict(zeta(target, reference, scale="craig"))
    # stylo: (primary - secondary) / 100 + 1, percentages -> a: (100 - 0)/100 + 1 = 2
    assert craig["a"] == 2.0 and craig["b"] == pytest.approx(0.5)  # 1/2 - 2/2 + 1
    for word, value in difference.items():
        assert craig[word] == pytest.approx(value + 1.0)
        assert -1.0 <= value <= 1.0


def test_counters_and_token_lists_agree():
    target = [["x", "y", "y"], ["x", "z", "w"]]
    reference = [["y", "w", "w"], ["z", "z", "q"]]
    from_lists = zeta(target, reference)
    from_counts = zeta([Counter(s) for s in target], [Counter(s) for s in reference])
    assert from_lists["term"].tolist() == from_counts["term"].tolist()
    assert from_lists["zeta"] == pytest.approx(from_counts["zeta"])
    # A zero count in a mapping means absent.
    table = zeta([{"x": 1, "y": 0}], [{"y": 1}])
    assert _as_dict(table) == {"x": 1.0, "y": -1.0}


def test_min_freq_drops_rare_words():
    target = [["a", "a", "b"], ["a", "c", "c"]]
    reference = [["a", "c", "d"]]
    # totals over all segments: a 4, c 3, b 1, d 1 -> min_freq=3 keeps a and c (stylo's
    # rare.occurrences.threshold = 2 keeps words occurring more than twice).
    assert sorted(zeta(target, reference, min_freq=3)["term"]) == ["a", "c"]
    assert len(zeta(target, reference, min_freq=100)["term"]) == 0


def test_per_text_averaging_as_stylo():
    # Text A gives 3 segments, all with "x"; text B one segment without it.
    target = [["x", "o"], ["x", "o"], ["x", "o"], ["o", "o"]]
    reference = [["o", "o"], ["o", "o"]]
    pooled = _as_dict(zeta(target, reference))
    assert pooled["x"] == pytest.approx(0.75)  # 3 of 4 segments
    per_text = _as_dict(zeta(target, reference, target_texts=["A", "A", "A", "B"],
                             reference_texts=["C", "D"]))
    assert per_text["x"] == pytest.approx(0.5)  # mean of A's 3/3 and B's 0/1
    # With one segment per text the two agree.
    one_each = _as_dict(zeta(target, reference, target_texts=["A", "B", "C", "D"]))
    assert one_each == pytest.approx(pooled)


def test_swapping_sides_negates_zeta():
    rng = np.random.default_rng(5)
    words = list("abcdefghij")
    target = [list(rng.choice(words, size=6)) for _ in range(7)]
    reference = [list(rng.choice(words, size=6)) for _ in range(5)]
    forward = _as_dict(zeta(target, reference))
    backward = _as_dict(zeta(reference, target))
    assert backward == pytest.approx({w: -z for w, z in forward.items()})


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"scale": "eder"}, "scale"),
        ({"min_freq": 0}, "min_freq"),
        ({"target_texts": ["A"]}, "target_texts"),
    ],
)
def test_bad_arguments_are_named(kwargs, message):
    with pytest.raises(ValueError, match=message):
        zeta([["a"], ["b"]], [["c"]], **kwargs)


def test_empty_side_is_an_error():
    with pytest.raises(ValueError, match="reference_segments"):
        zeta([["a"]], [])
