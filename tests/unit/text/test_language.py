"""Tokens per language (wordprint.text.language with the cleaning and counting steps):
elisions, dashes, both apostrophes, hyphenated compounds, numbers, abbreviations, scripts."""

import pytest

from wordprint.count.profile import clean_document, profile_document
from wordprint.count.tokens import token_ids
from wordprint.text.language import LanguageOptions, language_code, options_for, prepare


def tokens(text: str, language: str = "en", **overrides: str) -> list[str]:
    views, _ = clean_document(text.encode("utf-8"), doc_id="d", quotations=False,
                              language=options_for(language, overrides))
    return list(token_ids(views["full"], pattern="words", lowercase=True))


FRENCH = "L’homme qu'il voit—aujourd’hui—c'est M. Dupont, 12 rue du Bac ; l'arc-en-ciel."


def test_french_elisions_split_by_default_with_both_apostrophes():
    assert tokens(FRENCH, "fr") == ["l", "homme", "qu", "il", "voit", "aujourd'hui", "c", "est",
                                    "m", "dupont", "rue", "du", "bac", "l", "arc-en-ciel"]


def test_french_elisions_kept_on_request():
    assert tokens(FRENCH, "fr", elisions="keep") == [
        "l'homme", "qu'il", "voit", "aujourd'hui", "c'est", "m", "dupont", "rue", "du", "bac",
        "l'arc-en-ciel"]


def test_italian_elisions():
    assert tokens("Dell’uomo e un’altra—all’alba; c’è l'acqua. Sig. Rossi ha 3 figli.", "it") == [
        "dell", "uomo", "e", "un", "altra", "all", "alba", "c", "è", "l", "acqua", "sig",
        "rossi", "ha", "figli"]


GERMAN = "Daß er’s nicht wußte—so sagte Dr. Müller, 1848—ist Straßenbahn-Geschichte."


def test_german_keeps_sharp_s_unless_asked():
    assert tokens(GERMAN, "de") == ["daß", "er's", "nicht", "wußte", "so", "sagte", "dr",
                                    "müller", "ist", "straßenbahn-geschichte"]
    assert tokens(GERMAN, "de", sharp_s="ss")[:4] == ["dass", "er's", "nicht", "wusste"]
    assert tokens(GERMAN, "de", sharp_s="ss")[-1] == "strassenbahn-geschichte"


def test_latin_u_v_and_i_j_as_stylo_corrects_them():
    text = "Gallia est omnis divisa in partes tres, cujus vel juvenis Julius."
    assert tokens(text, "la") == ["gallia", "est", "omnis", "divisa", "in", "partes", "tres",
                                  "cujus", "vel", "juvenis", "julius"]
    assert tokens(text, "la", latin="uv")[-5:] == ["tres", "cuius", "uel", "iuuenis", "iulius"]


def test_greek_and_cyrillic_are_letters_and_fold_case():
    assert tokens("Ο Σωκράτης είπε—ΟΔΟΣ 3.", "el") == ["ο", "σωκράτης", "είπε", "οδος"]
    assert tokens("Война и мир—роман Л. Н. Толстого, 1869 г.", "ru") == [
        "война", "и", "мир", "роман", "л", "н", "толстого", "г"]


def test_chinese_and_japanese_characters_are_tokens():
    assert tokens("我们是朋友。他说：好！", "zh") == ["我", "们", "是", "朋", "友", "他", "说", "好"]
    assert tokens("私は学生です", "ja") == ["私", "は", "学", "生", "で", "す"]
    # without the preset a clause would be one "word"
    assert tokens("我们是朋友。", "zh", script="words") == ["我们是朋友"]


def test_a_dash_between_words_separates_them_in_every_language():
    for language in ("en", "fr", "de"):
        assert tokens("still—as–then―now", language) == ["still", "as", "then", "now"]
    assert tokens("a self-made man", "en") == ["a", "self-made", "man"]


def test_english_is_untouched():
    assert options_for("en").changes_nothing()
    text = "l'homme qu'il"
    assert prepare(text, options_for("en")) == text


@pytest.mark.parametrize("changes, message", [
    ({"elisions": "yes"}, "elisions='yes'; choose one of split, keep or auto"),
    ({"stemming": "on"}, "the options are elisions, sharp_s, latin, script"),
])
def test_unknown_options_are_named(changes, message):
    with pytest.raises(ValueError, match=message):
        options_for("fr", changes)


def test_language_codes():
    assert [language_code(c) for c in ("fr-FR", "DE", "la_classical", "")] == ["fr", "de", "la", ""]


def test_tei_markup_notes_and_header_never_reach_the_tokens():
    tei = ('<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="fr"><teiHeader><fileDesc>'
           '<titleStmt><title>Titrefaux</title><author>Auteurfaux</author></titleStmt>'
           '</fileDesc></teiHeader><text><body><div><head>Chapitrefaux</head><p>L’homme '
           '<hi rend="i">voit</hi><note>Notevraie</note> la mer.</p></div></body></text>'
           '</TEI>').encode()
    settings = {"pattern": "words", "lowercase": True, "views": ["full", "notes"],
                "short_quotes": "quoted", "segment_size": 0,
                "language": LanguageOptions(elisions="split").as_dict()}
    profile = profile_document(tei, doc_id="d", settings=settings)
    assert profile["views"]["full"]["counts"] == {"l": 1, "homme": 1, "voit": 1, "la": 1,
                                                  "mer": 1}
    assert profile["views"]["notes"]["counts"] == {"notevraie": 1}
    assert profile["cleaning"]["encoding"] == "TEI XML"
