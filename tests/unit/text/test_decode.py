import codecs

import pytest

from wordprint.text.decode import DecodeError, decode, normalise


def test_decode_variants():
    assert decode("Trotsky’s".encode()) == ("Trotsky’s", "utf-8")
    assert decode(codecs.BOM_UTF8 + b"abc") == ("abc", "utf-8-sig")
    assert decode("abc é".encode("utf-16")) == ("abc é", "utf-16")
    assert decode("caf\xe9".encode("latin-1")) == ("café", "cp1252")
    assert decode(b"\x93quoted\x94") == ("“quoted”", "cp1252")  # Windows smart quotes
    assert decode(b"\x81") == ("\x81", "latin-1")  # undefined in cp1252


def test_binary_is_refused():
    with pytest.raises(DecodeError, match="NUL bytes"):
        decode(b"plain\x00text")
    # Formats recognised by their first bytes: tests/test_hostile_inputs.py.


def test_normalise_folds_typography():
    assert normalise("“Workers’ state”\r\n—Trotsky\u00a0x") == "\"Workers' state\"\n - Trotsky x"
    # a dash separates words (issue #19: "still\u2014as" was one token "still-as"); a hyphen joins
    assert normalise("still\u2014as self\u2010made") == "still - as self-made"
    assert normalise("cafe\u0301") == "café"  # NFC
    assert normalise("co\u00adoperation") == "cooperation"  # soft hyphen
