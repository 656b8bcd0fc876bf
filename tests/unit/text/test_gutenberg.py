import re
from pathlib import Path

import pytest

from wordprint.text.gutenberg import strip_gutenberg

# Strings that only Project Gutenberg's boilerplate contains in these books. Checked by eye:
# "start of" does occur in the works, but only in lower case ("the last start of our own
# civilization", Kropotkin #4341; "the start of the era", Bebel #30646), and one work mentions
# the printer ("the art of printing, that has so little progressed since Gutenberg", Kropotkin
# #23428), so the check is case-sensitive and never looks for the bare name.
BOILERPLATE = (
    "Project Gutenberg", "PROJECT GUTENBERG", "gutenberg.org", "SMALL PRINT", "START OF",
    "END OF THE PROJECT",
)

# For every book of the mirror, read by eye: a string that opens the stripped text (the title
# page), the first sentence of running text and the last sentence of the work (before any index,
# advertisements or transcriber's corrections). Whitespace is compared normalised.
BOOKS = {
    18: ("FEDERALIST. No. 1",
         "AFTER an unequivocal experience of the inefficacy of the subsisting federal government, "
         "you are called upon to deliberate on a new Constitution for the United States of "
         "America.",
         "I dread the more the consequences of new attempts, because I know that powerful "
         "individuals, in this and in other States, are enemies to a general national government "
         "in every possible shape."),
    61: ("MANIFESTO OF THE COMMUNIST PARTY",
         "A spectre is haunting Europe--the spectre of Communism.",
         "WORKING MEN OF ALL COUNTRIES, UNITE!"),
    71: ("On the Duty of Civil Disobedience",
         "I heartily accept the motto,—“That government is best which governs least;” and I "
         "should like to see it acted up to more rapidly and systematically.",
         "A State which bore this kind of fruit, and suffered it to drop off as fast as it "
         "ripened, would prepare the way for a still more perfect and glorious State, which also "
         "I have imagined, but not yet anywhere seen."),
    147: ("COMMON SENSE;",
          "Perhaps the sentiments contained in the following pages, are not yet sufficiently "
          "fashionable to procure them general favor;",
          "which ye have unwisely set, of mingling religion with politics, may be disavowed and "
          "reprobated by every inhabitant of America."),
    1346: ("THE EIGHTEENTH BRUMAIRE OF LOUIS BONAPARTE",
           "Hegel says somewhere that that great historic facts and personages recur twice.",
           "then will also the iron statue of Napoleon drop down from the top of the Vendome "
           "column."),
    2162: ("ANARCHISM AND OTHER ESSAYS",
           'Propagandism is not, as some suppose, a "trade," because nobody will follow a "trade" '
           "at which you may work with the industry of a slave and die with the reputation of a "
           "mendicant.",
           "swelling the powerful tide of unrest that sweeps onward and over the dam of ignorance, "
           "prejudice, and superstition."),
    3076: ("Ten Days That Shook the World",
           "This book is a slice of intensified history--history as I saw it.",
           "The Right Wing then walked out of the Congress and called a Congress of its own, which "
           "went on, dwindling from day to day, until it finally dissolved...."),
    4341: ("MUTUAL AID",
           "Two aspects of animal life impressed me most during the journeys which I made in my "
           "youth in Eastern Siberia and Northern Manchuria.",
           "In its wide extension, even at the present time, we also see the best guarantee of a "
           "still loftier evolution of our race."),
    6413: ("From October to Brest-Litovsk",
           "Events move so quickly at this time, that it is hard to set them down from memory "
           "even in chronological sequence.",
           "The proletarian revolution will flare up, sooner or later, both in Europe and America, "
           "and will bring emancipation not only to the Ukraine, Poland, Lithuania, Courland, and "
           "Finland, but also to all suffering humanity."),
    17306: ("The Condition of the Working-Class in England in 1844",
            "The book, an English translation of which is here republished, was first issued in "
            "Germany in 1845.",
            "He has sounded the social disorder more deeply than any other English bourgeois, and "
            "demands the organisation of labour."),
    23428: ("The Conquest of Bread",
            "_Prince Peter Alexeivitch Kropotkin_, revolutionary and scientist, was descended from "
            "the old Russian nobility,",
            "because, being robbed by the landowners and the State, they cannot procure better "
            "ones."),
    27814: ("FEUERBACH",
            "This work takes us back nearly sixty years, to a time when what is now a movement of "
            "universal significance was in its infancy.",
            "Philosophers have only interpreted the world differently, but the point is to change "
            "it."),
    30506: ("ANARCHISM AND SOCIALISM",
            "In reprinting _Anarchism and Socialism_, by George Plechanoff, we realize that there "
            "is not the same need for assailing and exposing anarchism at present as there has "
            "been at different times in the past.",
            "because such is the _conditio sine qua non_ of its existence."),
    30646: ("WOMAN UNDER SOCIALISM",
            "Woman and the workingman have, since old, had this in common--_oppression_.",
            "People then turned to theology which had been neglected during the previous ten "
            "years."),
    31104: ("New Edition (enlarged) TWO PENCE",
            "You must often have asked yourselves what is the cause of Anarchism, and why, since "
            "there are already so many Socialist schools, it is necessary to found an additional "
            "one--that of Anarchism.",
            "Therefore, it will triumph."),
    31933: ("LANDMARKS OF SCIENTIFIC SOCIALISM",
            "When Dr. Eugene Duehring, privat docent at Berlin University, in 1875, proclaimed the "
            "fact that he had become converted to Socialism,",
            "which spurns the theories of contract and thereby makes itself no longer subject but "
            "master."),
    32370: ("SECRET DIPLOMATIC HISTORY OF THE EIGHTEENTH CENTURY",
            'In the Preface to "The Eastern Question," by Karl Marx, published in 1897, the '
            "Editors, Eleanor Marx Aveling and Edward Aveling,",
            "Time must confirm us, that the Muscovite's _expulsion from the Baltic_ is _now_ the "
            'principal end of our Ministry."'),
    32966: ("REVOLUTION AND COUNTER-REVOLUTION",
            "The following articles are now, after forty-five years, for the first time collected "
            "and printed in book form.",
            'again to quote Engels, "the most international production of all Socialist '
            'literature."'),
    33111: ("THE ORIGIN OF THE FAMILY PRIVATE PROPERTY AND THE STATE",
            "\"An eternal being created human society as it is to-day, and submission to "
            "'superiors' and 'authority' is imposed on the 'lower' classes by divine will.\"",
            "are the economic units of all faulty societies divided by opposing interests."),
    34901: ("On Liberty.",
            "The subject of this Essay is not the so-called Liberty of the Will, so unfortunately "
            "opposed to the misnamed doctrine of Philosophical Necessity;",
            "for want of the vital power which, in order that the machine might work more "
            "smoothly, it has preferred to banish."),
    35232: ("A LETTER TO AMERICAN WORKINGMEN",
            "Comrades: A Russian Bolshevik who participated in the Revolution of 1905 and for many "
            "years afterwards lived in your country has offered to transmit this letter to you.",
            "We are invincible, for invincible is the Proletarian Revolution."),
    36303: ("OUR REVOLUTION",
            "The world has not known us Russian revolutionists.",
            "\"All power to the Workmen's Councils! All the land to the people!\""),
    36568: ("GOD AND THE STATE",
            "One of us is soon to tell in all its details the story of the life of Michael "
            "Bakunin, but its general features are already sufficiently familiar.",
            "Chateaubriand withdrew, but a few months later came back with his _Genius of "
            "Christianity_."),
    38982: ("WORKERS PARTY LIBRARY, Vol. I",
            'In a land where "democracy" is so deeply entrenched as in our United States of '
            "America it may seem futile to try to make friends for a dictatorship,",
            "That is why it seems to me that this book is still not out of date--to my great "
            "regret, if not as an author, at any rate as a Communist."),
    39257: ("25 CENTS",
            "Socialism, Utopian and Scientific needs no preface.",
            "was given at the second German Industrial Congress (Berlin, February 21, 1878) as "
            "L22,750,000."),
    40273: ("[Illustration: Cover]",
            "The voice that speaks in this book is the voice of Leon Trotzky, the Bolshevik "
            "Minister of Foreign Affairs for Revolutionary Russia.",
            "And the day after to-morrow, millions will rise up under our banner, millions who "
            "even now, sixty-seven years after the Communist Manifesto, have nothing to lose but "
            "their chains."),
    41405: ("RARE MASTERPIECES",
            "This is an original translation not only of the main body of the work but also of a "
            "number of quotations from foreign authors.",
            "except in so far as they bring about more drastic defensive measures of the wage "
            "labourers in general."),
    46423: ("A CONTRIBUTION TO",
            "The present translation has been made from the second edition of the “Zur Kritik der "
            "Politischen Oekonomie,” published by Karl Kautsky in 1897",
            "for the benefit of the student who may feel interested in the original wording as it "
            "had been jotted down by Marx."),
    48108: ("*INSURGENT",
            "_I remember you thought it strange that my first trip abroad didn’t make me want to "
            "write about what I saw there.",
            "Mexico will have to skip for a time her Golden Age of Drama."),
    52984: ("THE",
            'M. Thiers, at a private session of the commission on primary education of 1849, said: '
            '"I wish to make the influence of the clergy all-powerful',
            "do you boldly demand for yourselves, your wives and your children the Rights of the "
            "Horse."),
    64353: ("[Illustration]",
            "Fourteen years have passed since the first edition of this book was published,",
            "These are the horizons which the above inquiry opens to the unprejudiced mind."),
}


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


@pytest.fixture(scope="module")
def mirror(shared) -> Path:
    return shared / "corpora" / "gutenberg"


def test_table_covers_the_whole_mirror(mirror):
    # 30 catalogued books plus the Federalist Papers (#18).
    assert sorted(int(p.name) for p in (mirror / "cache" / "epub").iterdir()) == sorted(BOOKS)
    assert len(BOOKS) == 31


@pytest.mark.parametrize("book", sorted(BOOKS))
def test_mirror_book_is_cleaned_and_kept(mirror, book):
    raw = (mirror / "cache" / "epub" / str(book) / f"pg{book}.txt").read_bytes()
    text = _decode(raw)
    body, report = strip_gutenberg(text)
    flat = _flat(body)
    for needle in BOILERPLATE:
        assert needle not in flat, f"#{book}: {needle!r} left in the text"
    assert "gutenberg.net" not in flat and "pgdp.net" not in flat
    opening, first, last = BOOKS[book]
    assert body.lstrip().startswith(opening)
    assert _flat(first) in flat, f"#{book}: first sentence lost"
    assert _flat(last) in flat, f"#{book}: last sentence lost"
    # The report accounts for every character: head + body + tail.
    assert report["stripped"] and report["style"] == "new"
    assert report["head_chars_removed"] + len(body) + report["tail_chars_removed"] == len(text)
    assert text[report["head_chars_removed"]:len(text) - report["tail_chars_removed"]] == body
    # Every mirror file carries the full licence (at least ~13,000 characters) after the end.
    assert report["tail_chars_removed"] > 13_000
    assert report["end_marker"] is not None


def test_mirror_reports_name_the_notes_found(mirror):
    def report(book):
        raw = (mirror / "cache" / "epub" / str(book) / f"pg{book}.txt").read_bytes()
        return strip_gutenberg(_decode(raw))[1]

    # #27814: credits, then a boxed transcriber's note, then the title page.
    r = report(27814)
    assert r["markers_found"] == ["start:new", "producer", "transcriber-note", "end-line",
                                  "end-marker"]
    assert r["producer_notes"][0].startswith("Produced by Adrian Mastronardi")
    # #17306: the start marker wraps onto a second line ("... IN ENGLAND IN 1844***").
    assert report(17306)["start_marker"].startswith("***START OF THE PROJECT GUTENBERG EBOOK")
    # #147 has no end line, only the marker, and a transcriber's note before it.
    assert report(147)["markers_found"] == ["start:new", "transcriber-note", "end-marker"]


# --- hand-made headers and footers, one per style ---

LICENCE = "\n\nUpdated editions will replace the previous one.\nSection 1. General Terms of Use\n"


def test_new_style_2020s():
    text = (
        "The Project Gutenberg eBook of Moby Dick\n\nThis ebook is for the use of anyone.\n\n"
        "Title: Moby Dick\n\n*** START OF THE PROJECT GUTENBERG EBOOK MOBY DICK ***\n\n\n\n"
        "Call me Ishmael. Some years ago.\n\nThe end.\n\n\n\n"
        "*** END OF THE PROJECT GUTENBERG EBOOK MOBY DICK ***" + LICENCE
    )
    body, report = strip_gutenberg(text)
    assert body == "Call me Ishmael. Some years ago.\n\nThe end."
    assert report["markers_found"] == ["start:new", "end-marker"]
    assert report["start_marker"] == "*** START OF THE PROJECT GUTENBERG EBOOK MOBY DICK ***"
    # head = everything before "Call": 4 header lines and the marker, counted by hand:
    assert report["head_chars_removed"] == text.index("Call me")
    assert report["tail_chars_removed"] == len(text) - text.index("The end.") - len("The end.")


def test_this_variant_with_end_line_and_crlf():
    text = (
        "The Project Gutenberg EBook of X, by Y\r\n\r\n"
        "*** START OF THIS PROJECT GUTENBERG EBOOK X ***\r\n\r\n\r\n"
        "Produced by Jane Doe and the Online Distributed\r\n"
        "Proofreading Team at http://www.pgdp.net\r\n"
        "\r\n\r\nFirst line of the work.\r\nSecond line.\r\n\r\n\r\n"
        "End of Project Gutenberg's X, by Y\r\n\r\n"
        "*** END OF THIS PROJECT GUTENBERG EBOOK X ***\r\n\r\n***** This file should be named"
    )
    body, report = strip_gutenberg(text)
    assert body == "First line of the work.\r\nSecond line."  # a slice: CRLF kept
    assert report["markers_found"] == ["start:new", "producer", "end-line", "end-marker"]
    assert report["end_line"] == "End of Project Gutenberg's X, by Y"
    assert report["producer_notes"] == ["Produced by Jane Doe and the Online Distributed"]


def test_markers_without_asterisks_other_case_and_spacing():
    text = (
        "header\n\nstart of the  project gutenberg ebook x\n\nBody text here.\n\n"
        "END OF THE PROJECT GUTENBERG EBOOK X\nlicence"
    )
    body, report = strip_gutenberg(text)
    assert body == "Body text here."
    assert report["style"] == "new"
    # Without asterisks the end is reported as an end line, and still cut.
    assert report["end_line"] == "END OF THE PROJECT GUTENBERG EBOOK X"


def test_marker_title_wrapping_onto_next_line():
    text = (
        "***START OF THE PROJECT GUTENBERG EBOOK THE CONDITION OF THE WORKING-CLASS\n"
        "IN ENGLAND IN 1844***\n\nThe book.\n\n***END OF THE PROJECT GUTENBERG EBOOK THE\n"
        "CONDITION***\n"
    )
    assert strip_gutenberg(text)[0] == "The book."
    text = "*** START OF THIS PROJECT GUTENBERG EBOOK THE BOLSHEVIKI\n***\n\nThe book.\n"
    assert strip_gutenberg(text)[0] == "The book."


def test_old_style_small_print():
    text = (
        "**The Project Gutenberg Etext of Walden**\n"
        "**Welcome To The World of Free Plain Vanilla Electronic Texts**\n\n"
        "*****These Etexts Are Prepared By Thousands of Volunteers!*****\n\n"
        "**** SMALL PRINT! ****\nWe disclaim all liability.\n\n"
        "*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*\n\n"
        "This etext was prepared by John Doe.\n\n"
        "WALDEN\n\nWhen I wrote the following pages.\n\n"
        "End of The Project Gutenberg Etext of Walden\n"
    )
    body, report = strip_gutenberg(text)
    assert body == "WALDEN\n\nWhen I wrote the following pages."
    assert report["style"] == "old"
    assert report["markers_found"] == ["start:old", "producer", "end-line"]
    assert report["start_marker"].startswith("*END*THE SMALL PRINT!")


def test_old_style_2002_small_print_variant():
    text = (
        "The Project Gutenberg EBook of X\n\n"
        "*END THE SMALL PRINT! FOR PUBLIC DOMAIN EBOOKS*Ver.02/11/02*END*\n\n"
        "Chapter 1\n\nText.\n\nEnd of the Project Gutenberg EBook of X\n"
    )
    body, report = strip_gutenberg(text)
    assert body == "Chapter 1\n\nText."
    assert report["style"] == "old"


def test_no_marker_returns_text_unchanged():
    text = "Just an essay.\n\nIt mentions the end of the project in passing.\n"
    body, report = strip_gutenberg(text)
    assert body == text
    assert report["stripped"] is False
    assert "no Project Gutenberg marker" in report["note"]
    assert report["head_chars_removed"] == report["tail_chars_removed"] == 0


def test_only_an_end_marker_cuts_only_the_tail():
    text = "Title\n\nBody.\n\n*** END OF THE PROJECT GUTENBERG EBOOK T ***\nlicence\n"
    body, report = strip_gutenberg(text)
    assert body == "Title\n\nBody."
    assert report["head_chars_removed"] == 0
    assert "no start marker" in report["note"]


def test_start_marker_after_the_end_is_ignored():
    # #6413 has an old small-print block *after* its end marker: it must not become the start.
    text = (
        "*** START OF THE PROJECT GUTENBERG EBOOK X ***\n\nWork.\n\n"
        "*** END OF THE PROJECT GUTENBERG EBOOK X ***\n\n"
        "*END THE SMALL PRINT! FOR PUBLIC DOMAIN EBOOKS*Ver.02/11/02*END*\n\nmore licence\n"
    )
    assert strip_gutenberg(text)[0] == "Work."


def test_transcriber_notes_box_bracket_and_heading():
    text = (
        "*** START OF THE PROJECT GUTENBERG EBOOK X ***\n\n"
        "E-text prepared by A. B. and the Project Gutenberg Online\n"
        "Distributed Proofreading Team\n\n"
        "   +-------------------------------+\n   | Transcriber's Note:           |\n"
        "   |                               |\n   | Spelling has been retained.   |\n"
        "   +-------------------------------+\n\n"
        "       *       *       *       *       *\n\n"
        "TITLE\n\n" + "Paragraph of the work.\n\n" * 30 + "Last sentence of the work.\n\n\n\n"
        "[Transcriber's notes:\nPage 20 \"stook\" changed to \"stock\".]\n\n"
        "*** END OF THE PROJECT GUTENBERG EBOOK X ***\n"
    )
    body, report = strip_gutenberg(text)
    assert body.startswith("TITLE\n")
    assert body.endswith("Last sentence of the work.")
    assert report["transcriber_notes"] == 2
    heading = text.replace(
        "[Transcriber's notes:\nPage 20 \"stook\" changed to \"stock\".]",
        "TRANSCRIBER'S NOTES:\n\nObvious errors corrected.",
    )
    assert strip_gutenberg(heading)[0].endswith("Last sentence of the work.")


def test_inline_bracketed_note_inside_the_work_is_kept():
    text = (
        "*** START OF THE PROJECT GUTENBERG EBOOK X ***\n\nTITLE\n\n"
        + "Paragraph of the work.\n\n" * 30
        + "[Transcriber's note: a word is illegible here.]\n\nThe real last sentence.\n\n"
        "*** END OF THE PROJECT GUTENBERG EBOOK X ***\n"
    )
    body, _ = strip_gutenberg(text)
    assert body.endswith(
        "[Transcriber's note: a word is illegible here.]\n\nThe real last sentence.")


def test_producer_line_is_only_removed_right_after_the_start():
    text = (
        "*** START OF THE PROJECT GUTENBERG EBOOK X ***\n\nProduced by A. Volunteer.\n\n"
        "Chapter 1\n\nSociety is produced by our wants.\n\nProduced by labour, not by capital.\n\n"
        "*** END OF THE PROJECT GUTENBERG EBOOK X ***\n"
    )
    body, report = strip_gutenberg(text)
    assert body == ("Chapter 1\n\nSociety is produced by our wants.\n\n"
                    "Produced by labour, not by capital.")
    assert report["producer_notes"] == ["Produced by A. Volunteer."]


def test_rejects_non_text():
    with pytest.raises(ValueError, match="text must be a str"):
        strip_gutenberg(b"bytes")  # type: ignore[arg-type]
