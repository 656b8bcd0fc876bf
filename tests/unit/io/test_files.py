"""Writing results (wordprint.io.files): JSON (gzipped or not, whole or streamed) and matrices,
byte for byte the same every time, nothing left half-written."""

import gzip

import numpy as np
import pytest

from wordprint.io.files import (
    read_json,
    read_matrix,
    write_json,
    write_json_array,
    write_matrix,
)


def test_json_gz_is_deterministic(tmp_path):
    write_json(tmp_path / "a.json.gz", {"b": 1})
    first = (tmp_path / "a.json.gz").read_bytes()
    write_json(tmp_path / "a.json.gz", {"b": 1})
    assert (tmp_path / "a.json.gz").read_bytes() == first
    assert read_json(tmp_path / "a.json.gz") == {"b": 1}
    assert gzip.decompress(first).startswith(b"{")
    # Two writes within one second would agree with the time in the header too: it must be 0.
    assert first[:2] == b"\x1f\x8b" and first[4:8] == bytes(4)


@pytest.mark.parametrize("compact", [False, True])
@pytest.mark.parametrize("name", ["a.json", "a.json.gz"])
@pytest.mark.parametrize("items", [[], [1], [{"a": [1, {"b": "x\ny"}], "c": {}}, "é\u2028", []]])
def test_json_array_streamed_has_the_bytes_of_the_whole_list(tmp_path, name, items, compact):
    write_json(tmp_path / "whole" / name, items, compact=compact)
    write_json_array(tmp_path / "streamed" / name, iter(items), compact=compact)
    assert (tmp_path / "streamed" / name).read_bytes() == (tmp_path / "whole" / name).read_bytes()
    assert read_json(tmp_path / "streamed" / name) == items


@pytest.mark.parametrize("name", ["a.json", "a.json.gz"])
def test_compact_json_is_deterministic_and_reads_back(tmp_path, name):
    obj = {"types": ["é", "b"], "ids": [0, 1, 0]}
    write_json(tmp_path / name, obj, compact=True)
    first = (tmp_path / name).read_bytes()
    write_json(tmp_path / name, obj, compact=True)
    assert (tmp_path / name).read_bytes() == first and read_json(tmp_path / name) == obj
    text = gzip.decompress(first) if name.endswith(".gz") else first
    assert text == '{"types":["é","b"],"ids":[0,1,0]}\n'.encode()


def test_json_array_leaves_nothing_when_an_item_fails(tmp_path):
    def items():
        yield {"a": 1}
        raise ValueError("document 'b': no words")

    with pytest.raises(ValueError):
        write_json_array(tmp_path / "shard.json.gz", items())
    assert list(tmp_path.iterdir()) == []


def test_matrix_round_trip_is_exact(tmp_path):
    values = np.array([[1 / 3, 1e-7], [2.5, 0.0]])
    write_matrix(tmp_path / "m.csv", ["a", "b"], ["x", "y"], values)
    ids, cols, back = read_matrix(tmp_path / "m.csv")
    assert (ids, cols) == (["a", "b"], ["x", "y"])
    assert np.array_equal(back, values)
    assert list(tmp_path.iterdir()) == [tmp_path / "m.csv"]  # no temporary files left


def test_outputs_are_readable_by_everyone(tmp_path):
    import os

    write_json(tmp_path / "a.json", {})
    mask = os.umask(0)
    os.umask(mask)
    assert (tmp_path / "a.json").stat().st_mode & 0o777 == 0o666 & ~mask
