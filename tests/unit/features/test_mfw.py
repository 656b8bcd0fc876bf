"""Tests for wordprint.features.mfw: the most frequent words and their table, culling, MFW
ranges, function words and pronouns, stylo's selection order, and the feature-set registry."""

from __future__ import annotations

import re
from importlib import resources

import numpy as np
import pytest

from wordprint.features.mfw import (
    FEATURE_SET_PATTERN,
    FEATURE_SETS,
    cull,
    delete_pronouns,
    feature_counts,
    feature_set_label,
    feature_table,
    function_word_table,
    function_words,
    mfw_range,
    most_frequent_words,
    parse_feature_set,
    pronouns,
    relative_frequencies,
    select_words,
)

# Mosteller & Wallace (1964), Inference and Disputed Authorship: The Federalist: the 70 function
# words of their study (as reprinted in many later studies).
MOSTELLER_WALLACE_70 = """a all also an and any are as at be been but by can do down even every
for from had has have her his if in into is it its may more must my no not now of on one only or
our shall should so some such than that the their then there things this to up upon was were
what when which who will with would your""".split()

# stylo's English pronouns (R/stylo.pronouns.R, eng.pronouns), 31 words.
STYLO_PRONOUNS = """he her hers herself him himself his i me mine my myself our ours ourselves
she thee their them themselves they thou thy thyself us we ye you your yours yourself""".split()


# --- the most frequent words and their table ------------------------------------------------------

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


def test_feature_table_selection_and_prefix():
    docs = [{"the": 5, "he": 3, "war": 2}, {"the": 4, "she": 2, "of": 4}]
    words, table = feature_table(docs, totals=[10, 10], n=3, drop_pronouns=True)
    # mean shares: the 0.45, of 0.2, war 0.1 (he 0.15 and she 0.1 dropped)
    assert words == ["the", "of", "war"]
    np.testing.assert_allclose(table, [[0.5, 0.0, 0.2], [0.4, 0.4, 0.0]])
    # culling at 1.0: only words in both documents
    assert feature_table(docs, totals=[10, 10], n=5, culling=1.0)[0] == ["the"]
    assert feature_table(docs, totals=[10, 10], n=2, start_at=1)[0] == ["of", "he"]
    assert feature_table(docs, totals=[10, 10], n=5, only_function_words=True)[0] == [
        "the", "of", "he", "she"
    ]
    small = feature_table(docs, totals=[10, 10], n=2)[0]
    assert small == feature_table(docs, totals=[10, 10], n=4)[0][:2]


# --- culling -------------------------------------------------------------------------------------

FIVE = [{"the": 3, "war": 1}, {"the": 2}, {"the": 1, "of": 1}, {"the": 4, "of": 2}, {"of": 1}]


def test_cull_keeps_words_in_at_least_the_share_of_documents():
    # "the" in 4 of 5 documents (0.8), "of" in 3 (0.6), "war" in 1 (0.2).
    assert cull(FIVE, ["the", "of", "war"], min_share=0.2) == ["the", "of", "war"]  # 0.2 >= 0.2
    assert cull(FIVE, ["the", "of", "war"], min_share=0.21) == ["the", "of"]
    assert cull(FIVE, ["war", "of", "the"], min_share=0.6) == ["of", "the"]  # order kept
    assert cull(FIVE, ["the", "of", "war"], min_share=1.0) == []
    assert cull(FIVE, ["absent"], min_share=0.0) == ["absent"]  # culling 0 keeps everything


def test_cull_is_not_fooled_by_floating_point():
    # 7 of 10 documents at 70 %: 0.7 * 10 == 7.000000000000001 in floating point.
    docs = [{"w": 1}] * 7 + [{}] * 3
    assert cull(docs, ["w"], min_share=0.7) == ["w"]


@pytest.mark.parametrize("share", [-0.1, 1.5])
def test_cull_rejects_a_share_outside_0_1(share):
    with pytest.raises(ValueError, match="min_share"):
        cull(FIVE, ["the"], min_share=share)


# --- MFW ranges ----------------------------------------------------------------------------------


def test_mfw_range_is_r_seq():
    assert mfw_range(100, 1000, 100) == [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]
    assert mfw_range(100, 250, 100) == [100, 200]  # seq(100, 250, 100) stops before 250
    assert mfw_range(500, 500, 100) == [500]


@pytest.mark.parametrize(
    "args, name", [((0, 100, 10), "minimum"), ((200, 100, 10), "maximum"), ((100, 200, 0), "step")]
)
def test_mfw_range_rejects_bad_settings(args, name):
    with pytest.raises(ValueError, match=name):
        mfw_range(*args)


# --- the shipped word lists ----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["function_words_en.txt", "pronouns_en.txt"])
def test_word_lists_ship_as_package_data_with_a_header(name):
    text = resources.files("wordprint").joinpath("data", name).read_text(encoding="utf-8")
    header = text.splitlines()[0]
    assert header.startswith("# ")
    assert "Basis:" in text  # each list says what it was assembled from


@pytest.mark.parametrize("load", [function_words, pronouns])
def test_word_lists_are_clean(load):
    words = load()
    assert len(words) == len(set(words)), "no duplicates"
    assert all(w == w.lower() and re.fullmatch(r"[a-z']+", w) for w in words)


def test_function_words_hold_mosteller_and_wallace_70():
    assert len(MOSTELLER_WALLACE_70) == 70
    missing = set(MOSTELLER_WALLACE_70) - set(function_words())
    assert missing == set()
    assert 250 <= len(function_words()) <= 400
    assert "revolution" not in function_words()


def test_pronouns_hold_stylo_list_and_leave_it_alone():
    assert len(STYLO_PRONOUNS) == 31
    assert set(STYLO_PRONOUNS) <= set(pronouns())
    assert {"it", "its", "itself", "who", "someone"}.isdisjoint(pronouns())
    assert set(pronouns()) <= set(function_words())  # every pronoun is a function word


def test_delete_pronouns_from_counts_and_from_word_lists():
    assert delete_pronouns({"she": 4, "the": 9, "thee": 1, "it": 3}) == {"the": 9, "it": 3}
    assert delete_pronouns(["the", "he", "of", "they'd"]) == ["the", "of"]


# --- stylo's selection order ---------------------------------------------------------------------


def test_select_words_culls_before_start_at_as_stylo():
    docs = [{"the": 8, "of": 1, "and": 1}, {"of": 2, "and": 1, "x": 7}]
    # Mean relative frequencies (both totals 10): the 0.8/2 = 0.4, x 0.7/2 = 0.35,
    # of (0.1 + 0.2)/2 = 0.15, and (0.1 + 0.1)/2 = 0.1.
    assert select_words(docs, n=4) == ["the", "x", "of", "and"]
    # Culling at 100 % removes "the" and "x" (one document each); start_at then skips "of".
    assert select_words(docs, n=1, min_share=1.0, start_at=1) == ["and"]
    # The other order (skip the top word first, then cull) would give "of".
    assert cull(docs, most_frequent_words(docs, n=4, start_at=1), min_share=1.0)[:1] == ["of"]


def test_select_words_drops_pronouns():
    docs = [{"he": 5, "the": 4, "she": 3, "of": 2}]
    assert select_words(docs, n=2, drop_pronouns=True) == ["the", "of"]
    assert select_words(docs, n=2) == ["he", "the"]


# --- function-word table -------------------------------------------------------------------------


def test_function_word_table_by_hand():
    counts = [{"the": 3, "upon": 1, "war": 6}, {"the": 1, "of": 2, "bread": 1}]
    words, table = function_word_table(counts, totals=[10, 4])
    # Mean relative frequencies: the (0.3 + 0.25)/2 = 0.275, of 0.5/2 = 0.25, upon 0.1/2 = 0.05.
    assert words == ["the", "of", "upon"]
    np.testing.assert_allclose(table, [[0.3, 0.0, 0.1], [0.25, 0.5, 0.0]])


def test_function_word_table_checks_totals():
    with pytest.raises(ValueError, match="totals"):
        function_word_table([{"the": 1}], totals=[0])
    with pytest.raises(ValueError, match="totals"):
        function_word_table([{"the": 1}], totals=[1, 2])


# --- feature sets --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, parsed",
    [("words", ("word", 1)), ("word:2", ("word", 2)), ("char:3", ("char", 3)),
     ("char_wb:4", ("char_wb", 4)), ("word:12", ("word", 12))],
)
def test_parse_feature_set(name, parsed):
    assert parse_feature_set(name) == parsed
    assert re.fullmatch(FEATURE_SET_PATTERN, name)


@pytest.mark.parametrize("name", ["word", "char:0", "chars:3", "word:2 ", "WORDS", "char_wb:-1", 3])
def test_unknown_feature_sets_are_refused_with_the_allowed_names(name):
    with pytest.raises(ValueError, match=r"words.*word:N.*char:N.*char_wb:N"):
        parse_feature_set(name)


def test_every_registered_kind_is_in_the_schema_pattern():
    for kind in FEATURE_SETS:
        assert re.fullmatch(FEATURE_SET_PATTERN, f"{kind}:3")


def test_feature_counts_of_each_kind():
    text = "The Cat, the hat!"
    tokens = ["the", "cat", "the", "hat"]  # the tokenizer's lower-cased words
    assert feature_counts(text, tokens) == {"the": 2, "cat": 1, "hat": 1}
    assert feature_counts(text, tokens, feature_set="word:2") == {
        "the cat": 1, "cat the": 1, "the hat": 1,
    }
    # Characters come from the tokens joined by one space: lower case, no punctuation.
    # "the cat the hat": 15 characters, 13 trigrams.
    across = feature_counts(text, tokens, feature_set="char:3")
    assert sum(across.values()) == 13 and across["the"] == 2 and across["t t"] == 1
    assert "," not in "".join(across)
    within = feature_counts(text, tokens, feature_set="char_wb:3")
    # " the " " cat " " the " " hat ": 3 trigrams each, none across words.
    assert sum(within.values()) == 12 and within[" th"] == 2 and "t t" not in within


def test_feature_set_labels():
    assert feature_set_label("words") == "words"
    assert feature_set_label("word:2") == "word 2-grams"
    assert feature_set_label("char_wb:4") == "character 4-grams within words"
