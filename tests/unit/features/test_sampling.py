import numpy as np
import pytest

from wordprint.corpus.samples import Sample
from wordprint.corpus.documents import Document
from wordprint.features.sampling import random_bag, resample, short_samples

DOC = Document("d", "A", "T", "2000", "g", "texts/d.txt", "file", "texts/d.txt")


def sample(counts, *, segments=()):
    return Sample("d", DOC, "full", counts, sum(counts.values()), segments=segments)


def test_random_bag_draws_without_replacement():
    bag = random_bag({"a": 3, "b": 1}, size=4, rng=np.random.default_rng(5))
    assert bag == {"a": 3, "b": 1}  # the whole text: nothing else is possible
    bag = random_bag({"a": 100, "b": 100}, size=50, rng=np.random.default_rng(5))
    assert sum(bag.values()) == 50 and set(bag) <= {"a", "b"}


def test_random_sampling_is_seeded_and_equal_size():
    corpus = [sample({"the": 600, "of": 300, "war": 100})]
    first = resample(corpus, method="random", size=200, samples=3, seed=7)
    again = resample(corpus, method="random", size=200, samples=3, seed=7)
    other = resample(corpus, method="random", size=200, samples=3, seed=8)
    assert [s.id for s in first] == ["d [1]", "d [2]", "d [3]"]
    assert all(sum(s.counts.values()) == 200 == s.tokens for s in first)
    assert [s.counts for s in first] == [s.counts for s in again]
    assert [s.counts for s in first] != [s.counts for s in other]


def test_short_texts_stay_whole_and_are_reported():
    corpus = [sample({"a": 30})]
    assert resample(corpus, method="random", size=100) == corpus
    assert short_samples(corpus, min_tokens=100) == [("d", 30)]


def test_consecutive_segments_evenly_spread():
    segments = [{"a": k} for k in range(1, 11)]
    corpus = [sample({"a": 55}, segments=segments)]
    picked = resample(corpus, method="consecutive", size=5, samples=3)
    assert [s.id for s in picked] == ["d [1]", "d [2]", "d [3]"]
    assert [s.counts for s in picked] == [
        {"a": 1},
        {"a": 5},
        {"a": 10},
    ]  # first, middle (4.5 -> 4), last
    assert len(resample(corpus, method="consecutive", size=5, samples=0)) == 10


def test_unknown_method():
    with pytest.raises(ValueError, match="unknown sampling method 'bootstrap'"):
        resample([], method="bootstrap")
