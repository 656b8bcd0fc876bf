"""The profile step (wordprint.count.profile): a document's views, counts and statistics."""

import pytest

from tests.support import ESSAY
from tests.support import PROFILE_SETTINGS as SETTINGS
from wordprint.count import profile as profile_module
from wordprint.count.profile import (
    DocumentError,
    clean_document,
    describe_document,
    profile_document,
)
from wordprint.text.split import FEDERALIST


def test_essay_views_separate_quotations():
    raw = ESSAY.read_bytes()
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
    raw = ESSAY.read_bytes()
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


def test_whole_texts_are_counted_without_splitting_quotations(monkeypatch):
    raw = ESSAY.read_bytes()
    settings = {"pattern": "words", "lowercase": True, "views": ["full"], "short_quotes": "quoted"}
    split = profile_module.split_quotations
    monkeypatch.setattr(profile_module, "split_quotations", lambda *a, **k: pytest.fail("split"))
    whole = profile_document(raw, doc_id="essay", settings=settings)
    assert whole["cleaning"]["quotations"] is None and list(whole["views"]) == ["full"]
    monkeypatch.setattr(profile_module, "split_quotations", split)
    both = profile_document(raw, doc_id="essay", settings={**settings, "views": ["full", "own"]})
    assert both["cleaning"]["quotations"]["quoted_share"] > 0.1
    assert both["views"]["full"] == whole["views"]["full"]  # the full text is the same


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


def reference_view(text: str, splitter, settings) -> dict:
    """A view's profile computed the plain way: nltk's tokenizer and Punkt, a sliding MATTR."""
    import json
    from collections import Counter

    import numpy as np
    from nltk.tokenize import RegexpTokenizer

    from wordprint.text import tokenize

    from wordprint.describe import vocabulary

    with tokenize._without_clock_limit():
        tokenizer = RegexpTokenizer(tokenize.TOKEN_PATTERNS[settings["pattern"]])
        tokens = [t.lower() for t in tokenizer.tokenize(text)]
        starts = [a for a, _ in tokenizer.span_tokenize(text)]
        ends = [b for _, b in splitter.span_tokenize(text)]
    lengths = [int(n) for n in np.diff(np.searchsorted(starts, [0, *ends])) if n]
    counts = Counter(tokens)
    n, w = len(tokens), settings["mattr_window"]
    if n <= w:
        mattr = len(counts) / n
    else:
        window = Counter(tokens[:w])  # a sliding count of the window's types
        types = total = len(window)
        for i in range(w, n):
            window[tokens[i - w]] -= 1
            types -= window[tokens[i - w]] == 0
            types += window[tokens[i]] == 0
            window[tokens[i]] += 1
            total += types
        mattr = total / ((n - w + 1) * w)
    stats = {
        "tokens": n, "types": len(counts), "ttr": len(counts) / n, "mattr": mattr,
        "mtld": vocabulary.mtld(tokens, threshold=settings["mtld_threshold"]),
        "yules_k": vocabulary.yules_k(tokens), "hapax_share": vocabulary.hapax_share(tokens),
        "mean_word_length": sum(len(t) for t in tokens) / n,
        "mean_sentence_length": sum(lengths) / len(lengths),
    }
    ordered = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return json.loads(json.dumps({"tokens": n, "stats": stats, "counts": ordered}))


def test_profile_is_the_plain_computation(shared):
    # The per-document steps' shortcuts (counting apart from describing, tokens kept as
    # numbers, the Punkt model stored as JSON, remembered Punkt decisions, vectorised MATTR,
    # sorting) change no number of the profile.
    import json

    from nltk.tokenize.punkt import PunktSentenceTokenizer, PunktTrainer

    from wordprint.text import sentences

    from wordprint.text import tokenize

    paper = shared / "corpora" / "federalist" / "texts" / "federalist_10.txt"
    for raw in [ESSAY.read_bytes(),
                paper.read_bytes()]:
        kept = {}
        profile = profile_document(raw, doc_id="d", settings=SETTINGS, tokens_out=kept)
        texts, _ = clean_document(raw, doc_id="d")
        training = texts["full"][: tokenize.PUNKT_TRAINING_CHARS]
        with tokenize._without_clock_limit():
            trainer = PunktTrainer()
            trainer.train(training, finalize=True)
            plain = PunktSentenceTokenizer(trainer.get_params())
        model = sentences.splitter(json.loads(sentences.model_to_json(
            sentences.train_model(training))))
        described = describe_document(
            kept,
            doc_id="d", splitter=model, pattern="words", settings=SETTINGS,
        )
        assert list(described["views"]) == list(profile["views"])
        for view, data in profile["views"].items():
            assert kept[view][1] == texts[view]
            expected = reference_view(texts[view], plain, SETTINGS)
            found = {"tokens": data["tokens"], "stats": described["views"][view]["stats"],
                     "counts": data["counts"]}
            assert json.dumps(found) == json.dumps(expected), view
