"""Tests for wordprint.count.ngrams: word and character n-grams."""

from __future__ import annotations

from collections import Counter

import pytest
from sklearn.feature_extraction.text import CountVectorizer

from tests.support import ESSAY
from wordprint.count.ngrams import char_ngram_counts, char_ngrams, word_ngram_counts, word_ngrams

TOKENS = ["the", "revolution", "betrayed", "the", "revolution"]


def test_word_ngrams_by_hand():
    assert word_ngrams(TOKENS, 2) == [
        "the revolution", "revolution betrayed", "betrayed the", "the revolution",
    ]
    assert word_ngrams(TOKENS, 3)[-1] == "betrayed the revolution"
    assert word_ngrams(TOKENS, 1) == TOKENS
    assert word_ngrams(TOKENS, 6) == []  # fewer tokens than n: no n-gram


def test_word_ngram_counts_match_the_list():
    for n in (1, 2, 3):
        assert word_ngram_counts(TOKENS, n) == Counter(word_ngrams(TOKENS, n))
    assert word_ngram_counts(TOKENS, 2)["the revolution"] == 2


def test_char_ngrams_across_words_by_hand():
    # "the  cat" -> whitespace collapsed -> "the cat": 7 characters, 5 trigrams.
    trigrams = ["the", "he ", "e c", " ca", "cat"]
    assert char_ngrams("the \n\tcat", 3, word_boundaries=False) == trigrams
    assert char_ngrams("  padded  ", 2, word_boundaries=False) == [
        "pa", "ad", "dd", "de", "ed",
    ]  # leading and trailing whitespace is not part of the running text


def test_char_ngrams_within_words_by_hand():
    # " to " and " be ": two trigrams each; no trigram spans "o b".
    assert char_ngrams("to be", 3, word_boundaries=True) == [" to", "to ", " be", "be "]
    # A padded word shorter than n counts once, whole (scikit-learn's char_wb).
    assert char_ngrams("a cat", 4, word_boundaries=True) == [" a ", " cat", "cat "]
    assert char_ngram_counts("a cat a", 4, word_boundaries=True) == Counter(
        {" a ": 2, " cat": 1, "cat ": 1}
    )


@pytest.mark.parametrize("boundaries", [True, False])
def test_counts_and_lists_agree(boundaries):
    text = "It was the best of times,\nit was the worst of times; a b  c"
    for n in range(1, 7):
        assert char_ngram_counts(text, n, word_boundaries=boundaries) == Counter(
            char_ngrams(text, n, word_boundaries=boundaries)
        )


def test_number_of_ngrams():
    text = "workers of the world, unite"
    running = " ".join(text.split())
    for n in (2, 3, 5):
        across = char_ngram_counts(text, n, word_boundaries=False)
        assert sum(across.values()) == len(running) - n + 1
        within = char_ngram_counts(text, n, word_boundaries=True)
        # Each padded word of length L gives L - n + 1 windows, or 1 if shorter than n.
        assert sum(within.values()) == sum(max(len(w) + 2 - n + 1, 1) for w in text.split())


@pytest.mark.parametrize("n", [2, 3, 4, 5])
def test_char_wb_equals_scikit_learn(n):
    # The reference implementation: CountVectorizer(analyzer="char_wb"), case kept.
    text = ESSAY.read_text(encoding="utf-8")[:20000] + "\ta  I\n\n x-y don't (1936)"
    vectorizer = CountVectorizer(analyzer="char_wb", ngram_range=(n, n), lowercase=False)
    matrix = vectorizer.fit_transform([text])
    expected = dict(zip(vectorizer.get_feature_names_out(), matrix.toarray()[0].tolist()))
    assert dict(char_ngram_counts(text, n, word_boundaries=True)) == expected


def test_char_ngrams_across_words_follow_stylo():
    # stylo's txt.to.features(features = "c"): tokens pasted with one space, split into
    # characters, make.ngrams joins n consecutive characters. "a bc" gives the trigrams
    # "a b", " bc" (stylo writes them "a   b" and "  b c": one space between characters).
    tokens = ["a", "bc"]
    assert char_ngrams(" ".join(tokens), 3, word_boundaries=False) == ["a b", " bc"]


@pytest.mark.parametrize("bad", [0, -1, 2.5])
def test_bad_n(bad):
    with pytest.raises(ValueError, match="n"):
        word_ngrams(TOKENS, bad)
    with pytest.raises(ValueError, match="n"):
        char_ngram_counts("text", bad, word_boundaries=True)


def test_empty_text_has_no_ngrams():
    assert char_ngram_counts("", 3, word_boundaries=True) == Counter()
    assert char_ngram_counts("   ", 3, word_boundaries=False) == Counter()
    assert word_ngrams([], 2) == []
