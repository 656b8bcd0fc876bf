import re

import pytest

from tests.support import ESSAY
from wordprint.text.quotes import QuoteSplit, split_quotations
from wordprint.text.decode import normalise


@pytest.fixture(scope="module")
def essay() -> str:
    return ESSAY.read_text(encoding="utf-8")


# --- hand-made cases ---


def test_hand_computed_counts():
    # Words: A, b, c, d -> 4 in full; "b c" quoted -> 2; own "A d." -> 2; share 2/4.
    # Quotation characters removed: “ b space c ” = 5.
    s = split_quotations("A “b c” d.")
    assert isinstance(s, QuoteSplit)
    assert s.full == "A “b c” d."
    assert s.own == "A d."
    assert s.quoted == "b c"
    assert s.spans == ((2, 7),)
    r = s.report
    assert r["words"] == {"full": 4, "own": 2, "quoted": 2}
    assert r["quoted_share"] == 0.5
    assert r["removed"]["quotations"] == {"chars": 5, "words": 2, "spans": 1}
    assert r["quoted_spans"] == 1 and r["warnings"] == []


@pytest.mark.parametrize("text", [
    "He said, “it is no longer a question of the ‘danger’ of a second party,” and left.",
    "He said, \"it is no longer a question of the 'danger' of a second party,\" and left.",
])
def test_nested_single_quotes_stay_inside(text):
    s = split_quotations(text)
    assert s.own == "He said, and left."
    assert re.sub("[‘’']", "'", s.quoted) == (
        "it is no longer a question of the 'danger' of a second party,")
    assert s.report["quoted_spans"] == 1
    assert s.report["nested_quotes"] == 1


def test_quotation_over_line_breaks():
    text = ("Trotsky wrote that “the old Bolshevik\nParty is dead, and no force\n"
            "will resurrect it” (TRB, 76). Then he went on.")
    s = split_quotations(text)
    assert s.quoted == "the old Bolshevik Party is dead, and no force will resurrect it"
    assert s.own == "Trotsky wrote that . Then he went on."
    assert s.report["removed"]["citations"]["count"] == 1


def test_quotation_over_paragraphs_reopens_each():
    text = ("He wrote: “First paragraph of a long quotation.\n\n"
            "“Second paragraph, which ends it.” He added more.")
    s = split_quotations(text)
    assert s.quoted == "First paragraph of a long quotation.\nSecond paragraph, which ends it."
    assert s.own == "He wrote:\n\nHe added more."
    assert s.report["continued_quotes"] == 1 and s.report["warnings"] == []


def test_unbalanced_quote_does_not_swallow_the_document():
    paragraphs = ["He wrote “this quotation never closes, and the paragraph goes on."]
    paragraphs += [f"Paragraph {i} is the author's own." for i in range(50)]
    paragraphs += ["At the end, “a real quotation of five words” closes."]
    s = split_quotations("\n\n".join(paragraphs))
    assert s.quoted == "a real quotation of five words"
    assert "this quotation never closes" in s.own
    assert "Paragraph 49 is the author's own." in s.own
    [warning] = s.report["warnings"]
    assert warning.startswith("line 1:") and "not closed within its paragraph" in warning


def test_unbalanced_straight_quote_and_second_opening():
    s = split_quotations('He wrote "one, then "two words" and more.')
    # The first opening never closes before the next one: kept as own words, with a warning.
    assert s.quoted == "two words"
    assert "one, then" in s.own
    assert "not closed before the next opening" in s.report["warnings"][0]


def test_stray_closing_mark_is_ignored_with_a_warning():
    s = split_quotations("a “police character” than anything resembling a civil war” (118). Next")
    assert s.quoted == "police character"
    assert s.own == "a than anything resembling a civil war” . Next"
    assert "closing quotation mark with nothing open" in s.report["warnings"][0]


def test_span_longer_than_the_limit_is_taken_for_a_missing_mark():
    text = "He said “" + " ".join(["word"] * 20) + "” and stopped."
    s = split_quotations(text, max_quote_words=10)
    assert s.quoted == "" and s.report["quoted_spans"] == 0
    assert "longer than max_quote_words=10" in s.report["warnings"][0]
    assert split_quotations(text, max_quote_words=20).report["quoted_spans"] == 1


@pytest.mark.parametrize("text", [
    "The workers’ state and Trotsky’s book of the ’90s, don’t “quote” here, ’tis said.",
    "The workers' state and Trotsky's book of the '90s, don't \"quote\" here, 'tis said.",
])
def test_apostrophes_are_not_quotes(text):
    s = split_quotations(text)
    assert s.quoted == "quote"
    assert s.report["quoted_spans"] == 1 and s.report["nested_quotes"] == 0
    own = s.own.replace("’", "'")
    for kept in ("workers' state", "Trotsky's book", "'90s", "don't", "'tis said"):
        assert kept in own


def test_ditto_marks_are_not_quotes():
    text = "Liebknecht, Mehring     35 cents\nJ'Accuse, by Friedrich Adler   15  \"\nFraina  60  \""
    s = split_quotations(text)
    assert s.quoted == "" and s.report["warnings"] == []


def test_single_quote_style_is_detected():
    text = ("It was called 'a factor of evolution' by Kropotkin's critics, who didn't agree. "
            "'The struggle,' he wrote, 'is not the rule.' Darwin's 'Origin' said so.")
    s = split_quotations(text)
    assert s.report["primary"] == "single"
    assert s.quoted.split("\n") == ["a factor of evolution", "The struggle,", "is not the rule.",
                                    "Origin"]
    assert "Kropotkin's critics, who didn't agree." in s.own
    assert split_quotations(text, primary="double").quoted == ""


def test_footnote_markers():
    s = split_quotations("Lenin.”[1] Due to[12] this[3a] and that¹ and 1917 [sic].")
    assert s.own == "Lenin.” Due to this and that and 1917 [sic]."
    assert s.report["removed"]["footnote_markers"]["count"] == 4
    assert s.report["removed"]["footnote_markers"]["words"] == 1  # the "a" of [3a]
    kept = split_quotations("Due to[12] this.", apparatus="keep")
    assert kept.own == "Due to[12] this."


def test_citations_removed_and_dates_kept():
    cited = ["(TRB, 76)", "(218)", "(ibid., 45)", "(120-122)", "(15, 192, 206)", "(WLT 118)",
             "(p. 45)", "(Deutscher 1963, 267)", "(Ibid.)"]
    kept = ["(1906)", "(1918-21)", "(KPD)", "(industrialization, collectivization of agriculture)"]
    text = " and ".join(f"claim {c}" for c in cited + kept) + "."
    s = split_quotations(text)
    assert s.report["removed"]["citations"]["count"] == len(cited)
    for c in cited:
        assert c not in s.own
    for k in kept:
        assert k in s.own
    # TRB, ibid, WLT, p, Deutscher, Ibid are the only words inside the citations.
    assert s.report["removed"]["citations"]["words"] == 6


def test_short_quotes_option():
    text = "Stalin, the “gravedigger” of the revolution, and the “degenerated workers’ state”."
    default = split_quotations(text)
    assert default.quoted == "gravedigger\ndegenerated workers’ state"
    assert default.own == "Stalin, the of the revolution, and the ."
    assert default.report["short_quotes"] == {"count": 2, "words": 4, "treated_as": "quoted"}
    own = split_quotations(text, short_quotes="own")
    assert own.own == text and own.quoted == ""
    assert own.report["short_quotes"] == {"count": 2, "words": 4, "treated_as": "own"}
    # A four-word quotation is not short with the default limit of three words.
    assert split_quotations("the “rediscovery of Karl Marx” now", short_quotes="own").quoted == (
        "rediscovery of Karl Marx")


def test_trailing_notes_section():
    body = "\n\n".join(["Own words of the essay, “quoted words” here.[1]"] * 6)
    notes = "Notes\n\n[1] Leon Trotsky, History of the Russian Revolution, 1:1.\n\n[2] Ibid., 2."
    s = split_quotations(body + "\n\n" + notes)
    assert "Leon Trotsky" not in s.own and "Leon Trotsky" not in s.quoted
    section = s.report["removed"]["notes_section"]
    assert section["heading"] == "Notes"
    assert section["chars"] == len(notes)
    # Leon, Trotsky, History, of, the, Russian, Revolution, Ibid (+ "Notes") = 9 words.
    assert section["words"] == 9
    assert "Leon Trotsky" in split_quotations(body + "\n\n" + notes, notes="keep").own
    # A "Notes" heading followed by prose, or in the first half, is not a notes section.
    prose = body + "\n\nNotes\n\nSome closing thoughts of the author."
    assert split_quotations(prose).report["removed"]["notes_section"]["heading"] is None
    early = "Notes\n\n[1] An early note.\n\n" + body
    assert "An early note." in split_quotations(early).own


@pytest.mark.parametrize("kwargs, name", [
    ({"primary": "guillemets"}, "primary"),
    ({"short_quotes": "drop"}, "short_quotes"),
    ({"apparatus": "yes"}, "apparatus"),
    ({"notes": False}, "notes"),
    ({"short_max_words": -1}, "short_max_words"),
    ({"max_quote_words": 0}, "max_quote_words"),
])
def test_bad_options_are_named(kwargs, name):
    with pytest.raises(ValueError, match=name):
        split_quotations("text", **kwargs)
    with pytest.raises(ValueError, match="text must be a str"):
        split_quotations(None)  # type: ignore[arg-type]


# --- the Dawsey essay ---


def test_essay_quoted_share_and_counts(essay):
    r = split_quotations(essay).report
    # Read by eye: 66 double-quoted spans (Trotsky, plus Deutscher, Mandel and titles), 24
    # footnote markers [1]..[24], no notes section (the web text ends with "| P"), and 40 page
    # citations among its 47 parentheticals (the other 7: (1906), (Comintern), (KPD), (Social
    # Democratic Party of Germany), (Workers' Party of Marxist Unification), (industrialization,
    # collectivization of agriculture), and one inside a quotation).
    # shared/reference/anchors.md counts 840 of 4,467 tokens (18.8 %) inside 66 spans with a
    # tokenizer that also counts numbers; here 835 of 4,325 words (19.3 %).
    assert r["quoted_spans"] == 66
    assert r["removed"]["footnote_markers"]["count"] == 24
    assert r["removed"]["citations"]["count"] == 40
    assert r["removed"]["notes_section"]["heading"] is None
    assert r["words"]["quoted"] == 835 and r["words"]["full"] == 4325
    assert 0.17 < r["quoted_share"] < 0.22
    # The one typo: a closing mark after "civil war" with no opening (line 21).
    [warning] = r["warnings"]
    assert warning.startswith("line 21:") and "civil war" in warning


def test_essay_known_quotations_are_quoted_not_own(essay):
    s = split_quotations(essay)
    quotations = [
        "Bolshevism created the type of authentic revolutionist",
        "the old Bolshevik Party is dead, and no force will resurrect it",
        "The October Revolution has been betrayed by the ruling stratum, but not yet overthrown",
        "ever yet voluntarily cut off his own claws",
        "it is no longer a question of the ‘danger’ as it was twelve or thirteen years ago",
        "pessimism, real and apparent, underlying The Revolution Betrayed",  # Deutscher
        "what such a political revolution would be like",  # Mandel
        "personification of the bureaucracy",
    ]
    for q in quotations:
        assert q in s.quoted, q
        assert q not in s.own, q
    for own in ("This essay is a brief reconsideration of The Revolution Betrayed",
                "Results and Prospects (1906)",
                "(industrialization, collectivization of agriculture)",
                "Trotsky’s incredible confidence flowed in fact"):
        assert own in s.own, own
    assert not re.search(r"\[\d+\]", s.own)
    assert "(TRB, 76)" not in s.own and "(218)" not in s.own


def test_essay_same_split_after_normalising_typography(essay):
    curly = split_quotations(essay)
    straight = split_quotations(normalise(essay))
    assert straight.report["quoted_spans"] == curly.report["quoted_spans"]
    assert straight.report["words"] == curly.report["words"]
    assert straight.quoted == normalise(curly.quoted)


def test_views_are_consistent(essay):
    s = split_quotations(essay)
    r = s.report
    assert s.full == essay
    assert all(essay[a] in "“\"" for a, _ in s.spans)
    assert r["words"]["own"] + r["words"]["quoted"] + r["removed"]["citations"]["words"] == (
        r["words"]["full"])


def test_words_starting_in_a_range_are_those_of_the_whole_text():
    # The removed words of each category are counted range by range, not by reading every word
    # of the text: each range must count exactly the words (found in the whole text) that start
    # in it, also when it begins inside a word ("word¹": a superscript is a letter to `re`).
    import random

    from wordprint.text import quotes

    rng = random.Random(5)
    pieces = [*"ab Z'’-_9.[]()", "¹", "²", "e\u0301", "ΟΔΟΣ", "don't", "self-", "(p. 4)", "[3]"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        starts = [m.start() for m in quotes._WORD.finditer(text)]
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        expected = sum(start <= s < end for s in starts)
        assert quotes._words_starting_in(text, start, end) == expected, (text, start, end)


def test_ascii_words_are_counted_as_findall_finds_them():
    # The report counts the words of every ASCII view without building findall's list; the
    # count must be findall's, also around joiners that join nothing ("a--b", "'a", "b-").
    import random

    from wordprint.text import quotes

    rng = random.Random(8)
    pieces = [*"abZ '-_9.\n\t", "--", "''", "don't", "self-", "-x", "'90s"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        expected = len(quotes._ASCII_WORD.findall(text, start, end))
        counted = quotes._words(text, start, end, word=quotes._ASCII_WORD)
        assert counted == expected, (text, start, end)
