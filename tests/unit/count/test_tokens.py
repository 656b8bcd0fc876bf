"""count.token_ids is TokenIds.of(tokenize.words(...)), type for type and id for id."""

import random
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from tests.support import REPO
from wordprint.count import tokens as count
from wordprint.count.tokens import token_ids
from wordprint.text.decode import decode_text, normalise
from wordprint.text.tokenize import TokenIds, words


VARIANTS = [(p, low) for p in ("words", "letters") for low in (True, False)]


def assert_same(text: str, pattern: str, lowercase: bool) -> None:
    expected = TokenIds.of(words(text, pattern=pattern, lowercase=lowercase))
    got = token_ids(text, pattern=pattern, lowercase=lowercase)
    assert got.types == expected.types, (pattern, lowercase, text[:200])
    assert got.ids.dtype == expected.ids.dtype
    assert np.array_equal(got.ids, expected.ids), (pattern, lowercase, text[:200])


@pytest.fixture
def compiled_always(monkeypatch):
    """Short texts through polars too (they take the Python path otherwise)."""
    monkeypatch.setattr(count, "COMPILED_FROM", 0)


# Where engines, case folding or token boundaries could disagree: non-ASCII letters, combining
# marks, superscript and other digits, ß/ẞ, Turkish İ/ı, Greek sigmas (final ς when lowered in
# context), the Kelvin sign, ligatures, Roman numerals, a titlecase digraph, zero-width joiner
# and non-joiner, soft hyphen, modifier apostrophe, CJK, apostrophes and hyphens at edges and
# in runs, digits inside words, underscores, line ends and tabs.
TRICKY = [
    *"aZ '-_9.!?\"\n\t()", "’", "é", "É", "e\u0301", "\u0301", "²", "¹", "٣", "ß", "ẞ", "İ",
    "ı", "I", "Σ", "σ", "ς", "ΟΔΟΣ", "\u212a", "ﬁ", "Ⅻ", "ǅ", "\u200d", "\u200c", "\u00ad",
    "ʼ", "日本", "한", "don't", "self-", "-x", "x'", "''", "--", "'-", "a1b", "x_y", "Straße",
    "İstanbul", "ΣΊΣΥΦΟΣ", "naïve", "café-au-lait", "\u00a0", "\U0001d400", "\U0001f600",
]


def hostile(seed: int, count_: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(TRICKY) for _ in range(rng.randint(0, 40))) for _ in range(count_)]


HAND_MADE = [
    "",
    "   ",
    "1936 -- 12'",
    "Trotsky's 1936 book: self-criticism, DON'T 'quoted' workers' -x- --a-- a--b a'-b 'tis",
    "Straße STRASSE ẞ İstanbul ISTANBUL ıi",
    "ΟΔΟΣ ΟΔΟΣ. ΣΊΣΥΦΟΣ'Α ΑΣ.Β Σ σ ς",  # Final_Sigma looks past the token
    "café cafe\u0301 CAFÉ e\u0301\u0301 \u0301a",
    "x²y H₂O a1b x_y a٣b",
    "ﬁne \u212aelvin Ⅻ ǅemal",
    "a\u200db a\u200cb a\u00adb zʼz",
    "日本語のテキスト、中文。한국어",
    "mixed ASCII and naïve non-ASCII -- 'both'\n\tend-",
    "\U0001d400\U0001d401 \U0001f600smile",
]


@pytest.mark.parametrize(("pattern", "lowercase"), VARIANTS)
def test_hand_made_and_hostile_strings(compiled_always, pattern, lowercase):
    texts = [*HAND_MADE, *hostile(1, 400), " ".join(hostile(2, 300))]
    # Without capital sigmas too, which send lowercasing to the Python path.
    for text in texts + [t.replace("Σ", "S") for t in texts]:
        assert_same(text, pattern, lowercase)


def test_polars_takes_non_ascii_text_and_python_the_capital_sigma(compiled_always):
    assert count._spaced("naïve İstanbul ẞ 日本 \u212a", "words", True) is not None
    assert count._spaced("ΟΔΟΣ", "words", True) is None  # lowercased in context: Python
    assert count._spaced("ΟΔΟΣ", "words", False) is not None
    assert count._spaced("a\ud800b", "words", False) is None  # not UTF-8


def test_long_text_with_many_distinct_letters(compiled_always):
    # Some 20,000 CJK ideographs and Latin letters: one long bracket expression for polars.
    rng = random.Random(3)
    chars = [chr(c) for c in range(0x4E00, 0x9FFF)] + list("abcdé -'.,\n")
    text = "".join(rng.choice(chars) for _ in range(200_000))
    for pattern, lowercase in VARIANTS:
        assert_same(text, pattern, lowercase)


def test_numbering_without_polars_categories(compiled_always, monkeypatch):
    # pl.Categories is unstable API: without it, the types are numbered in two passes.
    import polars

    monkeypatch.delattr(polars, "Categories")
    for text in HAND_MADE:
        assert_same(text, "words", True)


def test_other_patterns_and_short_texts_take_the_python_path():
    text = "a1 b22 c " * 3000
    assert_same(text, r"[a-z]\d+", True)
    assert token_ids(text, pattern=r"[a-z]\d+").types == ["a1", "b22"]
    assert token_ids("Don't stop").types == ["don't", "stop"]  # below COMPILED_FROM


def test_counts_follow_the_types():
    t = token_ids("b a b c b " * 5000)
    assert t.types == ["b", "a", "c"]
    assert t.counts().tolist() == [15000, 5000, 5000]
    assert t[:3].counts().tolist() == [2, 1, 0]


def test_importing_count_does_not_import_polars():
    code = "import sys, wordprint.count.tokens; print('polars' in sys.modules)"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False"


def corpus_files(corpora: Path) -> list[Path]:
    globs = ["british-fiction/texts/*.txt", "federalist/texts/*.txt",
             "gutenberg/cache/epub/*/pg*.txt", "eltec-fra/tei/*.xml", "eltec-deu/tei/*.xml"]
    files = [f for g in globs for f in sorted(corpora.glob(g))]
    return files + sorted((REPO / "corpus/texts").glob("*.txt"))


def test_every_shared_text_gives_the_same_token_ids(shared):
    # Every text (ELTeC's TEI as it is, markup and all: hard non-English input) with the
    # default settings; all four settings on the first text of each corpus. About 20 s.
    corpora = shared / "corpora"
    files = corpus_files(corpora)
    assert len(files) >= 190
    seen: set[str] = set()
    for path in files:
        text = normalise(decode_text(path.read_bytes()).text)
        corpus = path.relative_to(corpora).parts[0] if corpora in path.parents else "repo"
        first = corpus not in seen
        seen.add(corpus)
        for pattern, lowercase in VARIANTS if first else [("words", True)]:
            assert_same(text, pattern, lowercase)
