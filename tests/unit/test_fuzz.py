"""Property-based tests of what comes in (issue #20): any bytes at all, as a text, a catalog or
a TEI file, give a result or the module's own error, never another exception.

A bounded budget (200 examples each, no per-example deadline) keeps the module under 30 s.
"""

import codecs
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wordprint.io.catalog import CatalogError, parse_catalog
from wordprint.text.decode import DecodeError, decode_text
from wordprint.text.tei import TeiDocument, TeiError, read_tei

BUDGET = settings(max_examples=200, deadline=None,
                  suppress_health_check=[HealthCheck.function_scoped_fixture])

# Bytes with the beginnings that steer the decoders: byte-order marks, signatures, markup.
PREFIXES = st.sampled_from([
    b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE,
    codecs.BOM_UTF32_BE, b"%PDF-", b"<html>", b"<!-- x -->", b'<?xml version="1.0"?>',
    b"<head><title>", b"*** START OF THE PROJECT GUTENBERG EBOOK",
])
RAW = st.builds(lambda prefix, rest: prefix + rest, PREFIXES, st.binary(max_size=400))
TEXTISH = st.one_of(RAW, st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
                    st.text(max_size=200).map(lambda t: t.encode("cp1252", "ignore")))

# The part of each encoding reported that reproduces the bytes (a mixed text is UTF-8 with
# single bytes read as Windows-1252: checked through its UTF-8 runs).
_CODEC = {"utf-8": "utf-8", "utf-8-sig": "utf-8-sig", "utf-16": "utf-16", "utf-32": "utf-32",
          "cp1252": "cp1252", "latin-1": "latin-1"}


@BUDGET
@given(TEXTISH)
def test_any_bytes_decode_to_round_tripping_text_or_a_decode_error(raw):
    try:
        decoded = decode_text(raw)
    except DecodeError:
        return
    assert isinstance(decoded.text, str)
    if decoded.encoding in _CODEC:
        codec = _CODEC[decoded.encoding]
        again = decoded.text.encode(codec)
        if codec in ("utf-16", "utf-32"):  # the BOM written may differ in byte order
            assert again.decode(codec) == decoded.text
            assert raw.decode(codec) == decoded.text
        else:
            assert again == raw
    else:
        assert decoded.encoding in ("utf-8+cp1252", "utf-8-sig+cp1252")
        assert decoded.warnings and decoded.warnings[0].startswith("mixed encodings")


HEADERS = st.sampled_from([
    "", "id,author,title,year,group,source\n", "id;author;title;year;group;source\n",
    "\ufeffid,author,title,year,group,source\n", "id,id,author,title,year,group,source\n",
])
CELLS = st.lists(st.sampled_from([*"ab1.,;\"\t\n/:-_ é", "gutenberg:", "sotu:", "../", "file:",
                                   "tei:", "x:", "\r\n", ",,,,,"]),
                 max_size=40).map("".join)


@BUDGET
@given(st.one_of(st.builds(lambda h, rest: h + rest, HEADERS, CELLS),
                 st.binary(max_size=300).map(lambda b: b.decode("latin-1"))))
def test_any_catalog_text_gives_documents_or_a_catalog_error(tmp_path_factory, text):
    folder = tmp_path_factory.getbasetemp()
    try:
        documents = parse_catalog(text, folder=Path(folder), check_files=False)
    except CatalogError:
        return
    assert documents and all(d.id for d in documents)


TEI_PARTS = st.sampled_from([
    b'<?xml version="1.0"?>', b'<TEI xmlns="http://www.tei-c.org/ns/1.0">', b"</TEI>",
    b"<teiHeader><fileDesc><titleStmt><title>T</title></titleStmt></fileDesc></teiHeader>",
    b"<text>", b"</text>", b"<body>", b"</body>", b"<p>", b"</p>", b"<note>n</note>",
    b"<!DOCTYPE TEI [<!ENTITY a 'b'>]>", b"&a;", b"words ", b"\xff\xfe", b"<", b"&amp;",
])


@BUDGET
@given(st.one_of(st.binary(max_size=300),
                 st.lists(TEI_PARTS, max_size=14).map(b"".join),
                 st.builds(lambda a, b: a + b, st.lists(TEI_PARTS, max_size=8).map(b"".join),
                           st.binary(max_size=60))))
def test_any_bytes_as_tei_give_a_document_or_a_tei_error(raw):
    try:
        document = read_tei(raw, doc_id="fuzz")
    except TeiError:
        return
    assert isinstance(document, TeiDocument)
