import random
import subprocess
import sys

import numpy as np
import pytest

from tests.support import ESSAY
from wordprint.text import tokenize
from wordprint.text.decode import normalise
from wordprint.text.tokenize import sentence_lengths, sentences, words


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
    from wordprint.text.decode import normalise

    found = sentences(normalise(ESSAY.read_text(encoding="utf-8")))
    # Read by hand: the essay has about 170 sentences; the title block is the first "sentence".
    assert 150 <= len(found) <= 190
    assert found[1].startswith('"Bolshevism created the type of authentic revolutionist," he recalled')
    assert sum(s.rstrip()[-1] in '.?!"' for s in found) >= 0.95 * len(found)


def test_sentence_lengths_count_words():
    assert sentence_lengths("One two three. Four five. 1936.") == [3, 2]


# --- the named patterns' fast path is nltk's tokenizer, token for token ---------------------

# Characters where engines, case folding or token boundaries could disagree: letters with
# two-character lower cases (İ), context-dependent ones (Σ), combining marks, superscript and
# non-ASCII digits, the Kelvin sign (lower case "k"), ligatures, apostrophes and hyphens.
TRICKY = [*"aZ '-’_9.!?\"\n()", "İ", "Σ", "ΟΔΟΣ", "ς", "ß", "ǅ", "Ⅻ", "²", "¹", "e\u0301",
          "\u0301", "٣", "ﬁ", "\u212a", "日本", "don't", "self-", "-x", "Mr. ", "U.S. ", ". ",
          "'Go.' ", "'Go.'--", "\n\n", "1936. "]


def nltk_words(text: str, pattern: str, lowercase: bool) -> list[str]:
    """The reference: nltk's RegexpTokenizer, as wordprint called it before the fast path."""
    from nltk.tokenize import RegexpTokenizer

    with tokenize._without_clock_limit():
        found = RegexpTokenizer(tokenize.TOKEN_PATTERNS[pattern]).tokenize(text)
    return [t.lower() for t in found] if lowercase else found


def nltk_sentence_lengths(text: str, pattern: str) -> list[int]:
    """The reference: nltk's span tokenizer and plain Punkt, counted between sentence ends."""
    from nltk.tokenize import RegexpTokenizer
    from nltk.tokenize.punkt import PunktSentenceTokenizer, PunktTrainer

    with tokenize._without_clock_limit():
        starts = [a for a, _ in RegexpTokenizer(tokenize.TOKEN_PATTERNS[pattern])
                  .span_tokenize(text)]
        trainer = PunktTrainer()
        trainer.train(text[: tokenize.PUNKT_TRAINING_CHARS], finalize=True)
        ends = [b for _, b in PunktSentenceTokenizer(trainer.get_params()).span_tokenize(text)]
    counts = np.diff(np.searchsorted(starts, [0, *ends]))
    return [int(n) for n in counts if n]


def hostile_strings(seed: int, count: int, *, ascii_only: bool = False) -> list[str]:
    rng = random.Random(seed)
    alphabet = [c for c in TRICKY if c.isascii()] if ascii_only else TRICKY
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(count)]


@pytest.mark.parametrize("pattern", sorted(tokenize.TOKEN_PATTERNS))
@pytest.mark.parametrize("lowercase", [True, False])
def test_named_patterns_give_exactly_nltks_tokens(pattern, lowercase):
    essay = ESSAY.read_text(encoding="utf-8")
    texts = [essay, normalise(essay), essay.encode("ascii", "ignore").decode(),
             *hostile_strings(1, 1500), *hostile_strings(2, 500, ascii_only=True)]
    for text in texts:
        expected = nltk_words(text, pattern, lowercase)
        assert tokenize.words(text, pattern=pattern, lowercase=lowercase) == expected, text
        assert tokenize.has_words(text, pattern=pattern) == bool(expected), text


@pytest.mark.parametrize("pattern", sorted(tokenize.TOKEN_PATTERNS))
def test_sentence_lengths_counted_sentence_by_sentence_are_nltks(pattern):
    essay = normalise(ESSAY.read_text(encoding="utf-8"))
    sentences_of = [" ".join(hostile_strings(seed, 30)) for seed in range(3, 40)]
    for text in [essay, essay.encode("ascii", "ignore").decode(), *sentences_of]:
        expected = nltk_sentence_lengths(text, pattern)
        assert tokenize.sentence_lengths(text, pattern=pattern) == expected, text


class EndsInsideTokens:
    """A splitter whose sentence ends cut tokens: the one-pass count must notice and fall back."""

    def __init__(self, ends):
        self.ends = ends

    def span_tokenize(self, text):
        return ((0, end) for end in self.ends)


@pytest.mark.parametrize("ends", [[2, 9, 30], [4, 12], [13, 17], [20, 3, 30], [0, 31]])
def test_one_pass_count_falls_back_where_an_end_cuts_a_token(ends):
    # Cut inside "self-criticism" (between a letter and a hyphen, at the hyphen, after it)
    # and inside "don't"; ends out of order are counted as given, too.
    text = "The self-criticism don't help."
    splitter = EndsInsideTokens(ends)
    starts = [m.start() for m in tokenize._named("words").for_any.finditer(text)]
    counts = np.diff(np.searchsorted(starts, [0, *ends]))
    assert tokenize.sentence_lengths(text, splitter=splitter) == [int(n) for n in counts if n]


def test_remembering_punkt_decisions_changes_no_boundary(shared):
    from nltk.tokenize.punkt import PunktSentenceTokenizer, PunktTrainer

    novel = (shared / "corpora/british-fiction/texts/Austen_Emma.txt").read_text("utf-8-sig")
    for text in [normalise(ESSAY.read_text(encoding="utf-8")), normalise(novel[:400_000])]:
        with tokenize._without_clock_limit():
            trainer = PunktTrainer()
            trainer.train(text[: tokenize.PUNKT_TRAINING_CHARS], finalize=True)
            plain = PunktSentenceTokenizer(trainer.get_params())
            cached = tokenize.sentence_splitter(text)
            for attribute in ("abbrev_types", "collocations", "sent_starters", "ortho_context"):
                assert getattr(cached._params, attribute) == getattr(plain._params, attribute)
            expected = list(plain.span_tokenize(text))
            assert list(cached.span_tokenize(text)) == expected
            assert list(cached.span_tokenize(text)) == expected  # from remembered decisions
            half = text[len(text) // 2 :]
            assert list(cached.span_tokenize(half)) == list(plain.span_tokenize(half))


def test_profiling_module_does_not_import_nltk():
    # nltk costs over a second to import; jobs that only need wordprint.count.profile's error type
    # (every workflow script, through wordprint.workflow.step) must not pay it.
    code = "import sys, wordprint.count.profile, wordprint.text.tokenize; print('nltk' in sys.modules)"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False"


def test_ascii_spellings_of_the_named_patterns():
    # On ASCII text the named patterns run as spelt-out ASCII classes: a letter there is
    # exactly what nltk's engine calls [^\W\d_].
    import regex

    letters = "".join(chr(c) for c in range(128) if regex.fullmatch(r"[^\W\d_]", chr(c)))
    assert letters == "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    for name, source in tokenize.TOKEN_PATTERNS.items():
        assert tokenize._ASCII_PATTERNS[name] == source.replace(r"[^\W\d_]", "[A-Za-z]")
