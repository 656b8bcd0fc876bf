"""TEI input (wordprint.text.tei): the body's text, notes apart, the header's metadata, and a
clear refusal of every hostile file."""

import pytest

from wordprint.text.tei import TeiError, is_tei, read_tei

HEADER = """<teiHeader><fileDesc><titleStmt><title>Der Titel</title>
<author>Muster, Anna (1800-1870)</author></titleStmt><sourceDesc>
<bibl type="firstEdition"><date>1851</date></bibl></sourceDesc></fileDesc></teiHeader>"""


def tei(body: str, *, header: str = HEADER, lang: str = "de", extra: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0" '
            f'xml:lang="{lang}">{header}<text>{extra}<body>{body}</body></text></TEI>').encode()


def test_markup_notes_headings_and_the_header_never_reach_the_text():
    document = read_tei(tei("""<div><head>Erstes Kapitel</head>
        <p>Es war   einmal<note place="foot">Anmerkung des Herausgebers.</note> ein
        <hi rend="italic">König</hi>,</p>
        <p>der <fw type="pageNum">12</fw>lebte.</p><lg><l>Ein Vers</l><l>und noch einer</l></lg>
        </div>"""), doc_id="d")
    assert document.text == "Es war einmal ein König,\n\nder lebte.\n\nEin Vers\n\nund noch einer"
    assert document.notes == "Anmerkung des Herausgebers."
    for word in ("Titel", "Muster", "1851", "Kapitel", "Anmerkung", "12"):
        assert word not in document.text
    assert document.metadata == {"author": "Muster, Anna", "title": "Der Titel", "year": "1851",
                                 "language": "de"}


def test_front_and_back_matter_on_request_and_endnotes_kept_as_notes():
    raw = tei("<p>Der Text.</p>",
              extra="<front><p>Vorwort.</p></front>").replace(
        b"</body>", b"</body><back><div><p>Nachwort.</p><note>Endnote.</note></div></back>")
    assert read_tei(raw, doc_id="d").text == "Der Text."
    assert read_tei(raw, doc_id="d").notes == "Endnote."
    both = read_tei(raw, doc_id="d", front=True, back=True)
    assert both.text == "Vorwort.\n\nDer Text.\n\nNachwort."


def test_the_language_comes_from_langusage_without_xml_lang():
    header = HEADER.replace("</fileDesc>", "</fileDesc><profileDesc><langUsage>"
                            '<language ident="la">Latin</language></langUsage></profileDesc>')
    raw = tei("<p>Gallia est omnis divisa.</p>", header=header).replace(b' xml:lang="de"', b"")
    assert read_tei(raw, doc_id="d").metadata["language"] == "la"


def test_tei_is_recognised_by_its_namespace():
    assert is_tei(tei("<p>x</p>")) and not is_tei(b"<html><body>x</body></html>")
    assert not is_tei(b"A plain text that mentions <TEI> later" + b" " * 3000 + b"<TEI")


@pytest.mark.parametrize("raw, named", [
    (b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>open</body></text></TEI>',
     "not well-formed XML"),
    (b'<?xml version="1.0"?><!DOCTYPE TEI [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
     b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&b;</p></body></text></TEI>',
     "DOCTYPE or entities"),
    (b'<?xml version="1.0"?><!DOCTYPE TEI SYSTEM "file:///etc/passwd">'
     b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>x</p></body></text></TEI>',
     "DOCTYPE or entities"),
    (b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><front/></text></TEI>',
     "no <text><body>"),
    (b'<TEI><text><body><p>no namespace</p></body></text></TEI>', "no <text><body>"),
])
def test_hostile_or_broken_tei_is_one_clear_line(raw, named):
    with pytest.raises(TeiError, match=named) as error:
        read_tei(raw, doc_id="novel-7")
    message = str(error.value)
    assert message.startswith("document 'novel-7':") and "\n" not in message


def test_a_file_above_the_size_limit_is_refused_before_parsing():
    raw = tei("<p>Wort Wort Wort Wort Wort Wort Wort Wort Wort Wort</p>" * 1_000_000)  # 62 MB
    assert len(raw) > 50_000_000
    with pytest.raises(TeiError, match="more than the limit of 20,000,000"):
        read_tei(raw, doc_id="big", max_bytes=20_000_000)
    assert read_tei(raw, doc_id="big").text.count("Wort") == 10_000_000  # the default admits it


def test_one_text_node_of_50_mb_is_refused_by_the_parsers_limit():
    with pytest.raises(TeiError, match="'big': not well-formed XML .*Text node too long"):
        read_tei(tei("<p>" + "Wort " * 10_000_000 + "</p>"), doc_id="big")


def test_billion_laughs_without_a_doctype_cannot_expand():
    # An entity reference with no declaration is an error, never an expansion.
    with pytest.raises(TeiError, match="not well-formed"):
        read_tei(tei("<p>&lol9;</p>"), doc_id="d")
