from pathlib import Path

import pytest

from wordprint.profile import DocumentError, clean_document, profile_document
from wordprint.split import FEDERALIST

REPO = Path(__file__).resolve().parents[1]
SETTINGS = {
    "pattern": "words",
    "lowercase": True,
    "mattr_window": 50,
    "mtld_threshold": 0.72,
    "views": ["full", "own", "quoted"],
    "short_quotes": "quoted",
    "segment_size": 0,
}


def test_essay_views_separate_quotations():
    raw = (REPO / "corpus/texts/dawsey-2018-platypus-112.txt").read_bytes()
    profile = profile_document(raw, doc_id="dawsey", settings=SETTINGS)
    views = profile["views"]
    assert views["own"]["tokens"] + views["quoted"]["tokens"] <= views["full"]["tokens"]
    # The essay quotes Trotsky's "gravedigger" of the revolution; the word is not Dawsey's own.
    assert (
        "gravedigger" in views["quoted"]["counts"] and "gravedigger" not in views["own"]["counts"]
    )
    assert 0.15 < profile["cleaning"]["quotations"]["quoted_share"] < 0.25


def test_segments_are_counted_when_asked():
    settings = {**SETTINGS, "views": ["full"], "segment_size": 100}
    raw = (REPO / "corpus/texts/dawsey-2018-platypus-112.txt").read_bytes()
    view = profile_document(raw, doc_id="dawsey", settings=settings)["views"]["full"]
    assert len(view["segments"]) == view["tokens"] // 100
    assert all(sum(seg.values()) == 100 for seg in view["segments"])


def test_a_part_of_a_book(shared):
    raw = (shared / "corpora/gutenberg/cache/epub/18/pg18.txt").read_bytes()
    texts, cleaning = clean_document(raw, doc_id="fed10", part="10", split=FEDERALIST)
    assert texts["full"].startswith("AMONG the numerous advantages promised by a well")
    assert "MADISON" not in texts["full"] and "Project Gutenberg" not in texts["full"]
    assert cleaning["gutenberg"]["stripped"]
    with pytest.raises(
        DocumentError, match="document 'x', column 'part': no part '86' among the 85 found"
    ):
        clean_document(raw, doc_id="x", part="86", split=FEDERALIST)
    with pytest.raises(DocumentError, match="the config has no 'split' settings"):
        clean_document(raw, doc_id="x", part="10")


@pytest.mark.parametrize("raw", [b"", b"   \n\t", b"1936 1937 ... !!!"])
def test_documents_without_words_are_refused(raw):
    with pytest.raises(DocumentError, match="document 'empty': its text has no words"):
        profile_document(raw, doc_id="empty", settings=SETTINGS)


def test_binary_file_is_refused():
    with pytest.raises(DocumentError, match="document 'bin': cannot be read as text"):
        profile_document(b"PK\x03\x04\x00\x00binary", doc_id="bin", settings=SETTINGS)


def test_other_feature_sets_are_counted_when_asked():
    raw = b"To be, or not to be: that is the question."
    plain = profile_document(raw, doc_id="hamlet", settings={**SETTINGS, "views": ["full"]})
    assert "features" not in plain["views"]["full"]  # word-only profiles stay as they were
    settings = {**SETTINGS, "views": ["full"], "features": ["words", "word:2", "char:3"]}
    view = profile_document(raw, doc_id="hamlet", settings=settings)["views"]["full"]
    assert sorted(view["features"]) == ["char:3", "word:2"]
    # 10 tokens give 9 bigrams; "to be" twice
    assert view["features"]["word:2"]["to be"] == 2 and sum(view["features"]["word:2"].values()) == 9
    # "to be or not to be that is the question" is 39 characters: 37 trigrams
    assert sum(view["features"]["char:3"].values()) == 37 and view["features"]["char:3"]["to "] == 2
    assert view["counts"] == plain["views"]["full"]["counts"]
