"""The token cache: the profile step keeps each view's tokens, the bootstraps read them back."""

import hashlib

from tests.support import ESSAY
from tests.support import PROFILE_SETTINGS as SETTINGS
from wordprint.corpus.documents import Document
from wordprint.io.profiles import profile_shard
from wordprint.io.tokens import StreamedTokens, read_tokens, token_cache_path
from wordprint.count.profile import sample_tokens

VIEWS = [("essay", "full"), ("essay", "own"), ("essay", "quoted"), ("plain", "full")]


def documents(tmp_path):
    plain = tmp_path / "plain.txt"
    plain.write_text("No quotations here, only plain words. " * 40, encoding="utf-8")
    docs = [Document(i, "", "", "", "", "", "file", "") for i in ("essay", "plain")]
    return docs, {"essay": ESSAY, "plain": plain}


def test_profile_step_caches_the_tokens_the_texts_give(tmp_path):
    docs, sources = documents(tmp_path)
    profiles = list(profile_shard(docs, [sources[d.id] for d in docs], settings=SETTINGS,
                                  cache_dir=tmp_path / "cache"))
    fresh = sample_tokens({d: p.read_bytes() for d, p in sources.items()}, VIEWS[:3],
                          settings=SETTINGS)
    path = token_cache_path(tmp_path / "cache", hashlib.sha256(ESSAY.read_bytes()).hexdigest(),
                            SETTINGS)
    cached = read_tokens(path)
    assert set(cached) == {"full", "own", "quoted"}
    for view, name in (("full", "essay"), ("own", "essay (own)"), ("quoted", "essay (quoted)")):
        assert cached[view] == fresh[name]
        assert len(cached[view]) == profiles[0]["views"][view]["tokens"]
    # the plain text has no quoted view: none is cached for it
    plain = read_tokens(token_cache_path(
        tmp_path / "cache", hashlib.sha256(sources["plain"].read_bytes()).hexdigest(), SETTINGS))
    assert set(plain) == {"full", "own"}


def test_streamed_tokens_read_the_cache_and_equal_the_texts(tmp_path):
    docs, sources = documents(tmp_path)
    raws = {d: p.read_bytes() for d, p in sources.items()}
    expected = sample_tokens(raws, VIEWS, settings=SETTINGS)
    uncached = StreamedTokens(sources, VIEWS, settings=SETTINGS, cache_dir=tmp_path / "cache")
    assert dict(uncached) == expected and uncached.from_cache == 0
    list(profile_shard(docs, [sources[d.id] for d in docs], settings=SETTINGS,
                       cache_dir=tmp_path / "cache"))
    cached = StreamedTokens(sources, VIEWS, settings=SETTINGS, cache_dir=tmp_path / "cache")
    assert dict(cached) == expected and cached.from_cache == 2
    # Other token settings have their own cache entries: nothing to read, the text is re-read.
    upper = {**SETTINGS, "lowercase": False}
    other = StreamedTokens(sources, VIEWS, settings=upper, cache_dir=tmp_path / "cache")
    assert dict(other) == sample_tokens(raws, VIEWS, settings=upper) and other.from_cache == 0


def test_streamed_tokens_re_read_a_view_the_cache_lacks(tmp_path):
    docs, sources = documents(tmp_path)
    only_full = {**SETTINGS, "views": ["full"]}
    list(profile_shard(docs, [sources[d.id] for d in docs], settings=only_full,
                       cache_dir=tmp_path / "cache"))
    tokens = StreamedTokens(sources, VIEWS[:2], settings=SETTINGS, cache_dir=tmp_path / "cache")
    expected = sample_tokens({"essay": ESSAY.read_bytes()}, VIEWS[:2], settings=SETTINGS)
    assert dict(tokens) == expected and tokens.from_cache == 0


def test_encoded_tokens_read_back_equal_and_resample_the_same(tmp_path):
    import numpy as np

    from wordprint.text.tokenize import TokenIds
    from wordprint.uncertainty import segment_replicates

    docs, sources = documents(tmp_path)
    list(profile_shard(docs, [sources[d.id] for d in docs], settings=SETTINGS,
                       cache_dir=tmp_path / "cache"))
    lists = dict(StreamedTokens(sources, VIEWS, settings=SETTINGS, cache_dir=tmp_path / "cache"))
    encoded = StreamedTokens(sources, VIEWS, settings=SETTINGS, cache_dir=tmp_path / "cache",
                             encoded=True)
    assert {k: list(v) for k, v in encoded.items()} == lists and encoded.from_cache == 2
    assert all(isinstance(encoded[k], TokenIds) for k in lists)
    full = lists["essay"]
    words = ["the", "of", "revolution", "not-a-word"]
    draws = [segment_replicates(tokens, words, replicates=5, segment=200,
                                rng=np.random.default_rng(4))
             for tokens in (full, encoded["essay"])]
    np.testing.assert_array_equal(draws[0], draws[1])
    assert draws[0][:, 0].min() > 0  # 'the' is drawn in every replicate
