"""Language-aware text before tokenising: elisions, ``ß``, Latin ``u/v`` and ``i/j``, scripts
without spaces.

The word tokens of every language come from the same pattern (letters, with apostrophes and
hyphens inside words; :mod:`wordprint.text.tokenize`); what differs between languages is
prepared in the text first, by :func:`prepare`, with :class:`LanguageOptions`:

- ``elisions``: ``split`` cuts an elided article or pronoun from its word, ``l'homme`` ->
  ``l'`` + ``homme``, so the tokens are ``l`` and ``homme`` (as stylo's tokenisers have it);
  ``keep`` leaves ``l'homme`` one token. Split by default for French, Italian and Catalan,
  where elision is grammar, not spelling: kept whole, every noun after ``l'`` would be a type
  of its own and the article would vanish from the MFW. Words where the apostrophe is not an
  elision (``aujourd'hui``, ``prud'homme``) stay whole.
- ``sharp_s``: ``ss`` writes German ``ß`` as ``ss`` (``daß`` = ``dass``), so texts before and
  after the 1996 spelling reform count the same words; ``keep`` leaves it.
- ``latin``: ``uv`` writes ``v`` as ``u`` and ``j`` as ``i``, the normalisation of stylo's
  ``corpus.lang = "Latin.corr"``, so editions that print ``vel``/``uel`` or ``cujus``/
  ``cuius`` count one word; ``keep`` leaves the spelling.
- ``script``: ``characters`` makes each character of a script written without spaces between
  words (Chinese, Japanese) a token of its own, where a regular expression would otherwise take
  a whole clause for one word; ``words`` leaves the text. Character n-grams of them are the
  ``char:N`` feature sets.

Greek, Cyrillic and every other alphabet need nothing: their letters are letters to the
pattern, and lowercasing folds Greek final sigma by its position.

:data:`PRESETS` gives each language its defaults; a run may override any option for all
languages or for one (config ``tokenizer`` and ``languages``).

References
----------
Eder, M., Rybicki, J. & Kestemont, M. (2016). Stylometry with R: a package for computational
text analysis. The R Journal 8(1), 107-121 (``corpus.lang``, ``Latin.corr``).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace
from typing import Any

import regex

__all__ = ["PRESETS", "LanguageOptions", "language_code", "options_for", "prepare"]


@dataclass(frozen=True)
class LanguageOptions:
    """How a language's text is prepared for tokenising (see the module notes)."""

    elisions: str = "keep"  # "split" or "keep"
    sharp_s: str = "keep"  # "ss" or "keep"
    latin: str = "keep"  # "uv" or "keep"
    script: str = "words"  # "characters" or "words"

    def changes_nothing(self) -> bool:
        return self == LanguageOptions()

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


#: Each language's defaults, by ISO 639-1 code; every other language gets LanguageOptions().
PRESETS: dict[str, LanguageOptions] = {
    "fr": LanguageOptions(elisions="split"),
    "it": LanguageOptions(elisions="split"),
    "ca": LanguageOptions(elisions="split"),
    "zh": LanguageOptions(script="characters"),
    "ja": LanguageOptions(script="characters"),
}

_CHOICES = {"elisions": ("split", "keep"), "sharp_s": ("ss", "keep"), "latin": ("uv", "keep"),
            "script": ("characters", "words")}


def language_code(language: str) -> str:
    """The ISO 639-1 code of a language tag: ``fr-FR`` -> ``fr``, ``DE`` -> ``de``.

    >>> language_code("fr-FR"), language_code(" DE "), language_code("")
    ('fr', 'de', '')
    """
    return re.split(r"[-_]", language.strip().lower(), maxsplit=1)[0]


def options_for(language: str, overrides: dict[str, Any] | None = None) -> LanguageOptions:
    """The options of ``language``: its preset, then ``overrides`` (option -> value; ``auto``
    keeps the preset's value).

    >>> options_for("fr").elisions, options_for("fr", {"elisions": "keep"}).elisions
    ('split', 'keep')
    >>> options_for("de", {"sharp_s": "ss", "elisions": "auto"})
    LanguageOptions(elisions='keep', sharp_s='ss', latin='keep', script='words')
    """
    options = PRESETS.get(language_code(language), LanguageOptions())
    for name, value in (overrides or {}).items():
        if value == "auto":
            continue
        if name not in _CHOICES or value not in _CHOICES[name]:
            allowed = ", ".join(_CHOICES.get(name, ()))
            raise ValueError(
                f"unknown language option {name}={value!r}"
                + (f"; choose one of {allowed} or auto" if allowed else
                   f"; the options are {', '.join(_CHOICES)}")
            )
        options = replace(options, **{name: value})
    return options


# An elided word: one to seven letters and an apostrophe before a letter, at the start of a
# word ("l'", "qu'", "jusqu'", "dell'"); the apostrophe becomes a space after it.
_ELISION = regex.compile(r"(?<![^\W\d_'])([^\W\d_]{1,7})'(?=[^\W\d_])")
# Apostrophes inside words that are not elisions, in the languages that elide.
_NOT_ELIDED = regex.compile(r"\b(aujourd|prud|presqu(?='île)|entr(?='(?:acte|ouvr)))'",
                            regex.IGNORECASE)
_KEPT = "\uE000"  # a private-use character stands in for a kept apostrophe meanwhile
# Characters of scripts written without spaces: Han, Hiragana, Katakana.
_UNSPACED = regex.compile(r"([\p{Han}\p{Hiragana}\p{Katakana}])")


def prepare(text: str, options: LanguageOptions) -> str:
    """``text`` ready for the word pattern under ``options`` (apostrophes are straight here:
    :func:`wordprint.text.decode.normalise` comes first).

    >>> prepare("L'homme qu'il voit aujourd'hui", LanguageOptions(elisions="split"))
    "L' homme qu' il voit aujourd'hui"
    >>> prepare("Daß er Straße", LanguageOptions(sharp_s="ss"))
    'Dass er Strasse'
    >>> prepare("Vivus cujus", LanguageOptions(latin="uv"))
    'Uiuus cuius'
    >>> prepare("我们是朋友", LanguageOptions(script="characters")).split()
    ['我', '们', '是', '朋', '友']
    """
    if options.elisions == "split":
        text = _NOT_ELIDED.sub(lambda m: m.group(1) + _KEPT, text)
        text = _ELISION.sub(r"\1' ", text).replace(_KEPT, "'")
    if options.sharp_s == "ss":
        text = text.replace("ß", "ss").replace("ẞ", "SS")
    if options.latin == "uv":
        text = text.translate(str.maketrans("vVjJ", "uUiI"))
    if options.script == "characters":
        text = _UNSPACED.sub(r" \1 ", text)
    return text
