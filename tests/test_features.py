import numpy as np
import pytest

from wordprint.features.mfw import most_frequent_words, relative_frequencies

COUNTS = [{"the": 6, "of": 2, "war": 2}, {"the": 1, "of": 3}]


def test_ranking_by_mean_relative_frequency():
    # the: (6/10 + 1/4)/2 = .425; of: (.2 + .75)/2 = .475; war: .1
    assert most_frequent_words(COUNTS, n=3) == ["of", "the", "war"]
    assert most_frequent_words(COUNTS, n=2, start_at=1) == ["the", "war"]


def test_ties_are_alphabetical():
    assert most_frequent_words([{"b": 1, "a": 1}], n=2) == ["a", "b"]


def test_relative_frequencies_divide_by_document_total():
    table = relative_frequencies(COUNTS, ["the", "war"], totals=[10, 4])
    np.testing.assert_allclose(table, [[0.6, 0.2], [0.25, 0.0]])


@pytest.mark.parametrize("kwargs", [{"n": 0}, {"n": 2, "start_at": -1}])
def test_bad_sizes(kwargs):
    with pytest.raises(ValueError):
        most_frequent_words(COUNTS, **kwargs)
