from wordprint.tokenize import sentence_lengths, sentences, words


def test_words_keep_inner_apostrophes_and_hyphens():
    assert words("Trotsky's 1936 book: self-criticism, DON'T 'quoted' workers'") == [
        "trotsky's", "book", "self-criticism", "don't", "quoted", "workers",
    ]


def test_letters_pattern_splits_like_stylo():
    assert words("don't self-help", pattern="letters") == ["don", "t", "self", "help"]


def test_case_can_be_kept():
    assert words("The State", lowercase=False) == ["The", "State"]


def test_custom_regular_expression():
    assert words("a1 b22 c", pattern=r"[a-z]\d+") == ["a1", "b22"]


def test_punkt_trained_on_the_essay_splits_its_sentences():
    from pathlib import Path

    from wordprint.text import normalise

    essay = Path(__file__).resolve().parents[1] / "corpus/texts/dawsey-2018-platypus-112.txt"
    found = sentences(normalise(essay.read_text(encoding="utf-8")))
    # Read by hand: the essay has about 170 sentences; the title block is the first "sentence".
    assert 150 <= len(found) <= 190
    assert found[1].startswith('"Bolshevism created the type of authentic revolutionist," he recalled')
    assert sum(s.rstrip()[-1] in '.?!"' for s in found) >= 0.95 * len(found)


def test_sentence_lengths_count_words():
    assert sentence_lengths("One two three. Four five. 1936.") == [3, 2]
