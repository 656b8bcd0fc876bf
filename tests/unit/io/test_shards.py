"""Shards and cache keys (wordprint.io.shards): the same in every process, so that the shards and
the cache of one run serve the next."""

import os
import subprocess
import sys

import pytest

from wordprint.io.shards import cache_file, cache_key, shard_of

IDS = [f"doc{i}" for i in range(50)]


def test_shard_is_in_range_and_the_same_in_every_process():
    shards = [shard_of(doc_id, 4) for doc_id in IDS]
    assert set(shards) == {0, 1, 2, 3}
    # Pinned: a change of the function would move documents to other shards (and jobs).
    assert shards[:12] == [3, 3, 1, 0, 3, 1, 2, 3, 1, 3, 3, 3]
    # Fresh interpreters with other hash seeds (Python's hash() of a str changes with the seed)
    code = f"from wordprint.io.shards import shard_of; print([shard_of(i, 4) for i in {IDS!r}])"
    for seed in ("1", "2"):
        run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True, env={**os.environ, "PYTHONHASHSEED": seed})
        assert run.stdout.strip() == str(shards)
    with pytest.raises(ValueError):
        shard_of("x", 0)


def test_cache_key_depends_on_content_settings_and_version():
    base = cache_key("abc", {"pattern": "words"}, version="1")
    # Pinned: the key is a digest of the three, the same in every process and on every machine.
    assert base == "dc34485f1e258649dbb339b6d5a7981332a2923bf8412cbf32fce888a88f2b8f"
    assert len({base, cache_key("abd", {"pattern": "words"}, version="1"),
                cache_key("abc", {"pattern": "letters"}, version="1"),
                cache_key("abc", {"pattern": "words"}, version="2")}) == 4
    # the order of the settings does not matter
    assert cache_key("abc", {"pattern": "words", "lowercase": True}, version="1") == cache_key(
        "abc", {"lowercase": True, "pattern": "words"}, version="1")
    assert cache_file("cache", "profiles", base).as_posix() == f"cache/profiles/dc/{base}.json.gz"
