"""One Punkt sentence model per corpus, trained on a stable sample of its documents.

Punkt (Kiss & Strunk 2006) is unsupervised: it learns abbreviations, collocations and frequent
sentence starters from raw text, and the more text it sees the better it knows them. Training it
on every document again cost a fifth of the per-document step; a corpus now trains one model on a
sample and every document is split with it.

The sample is ``SAMPLE_DOCUMENTS`` documents, the first in the order of a stable hash of their
ids, up to ``PUNKT_TRAINING_CHARS`` characters of each. Adding a document to a corpus of N
changes the model only when the new id sorts into that sample (chance 5 / (N + 1)), so most
additions leave every document's sentences as they were.

The model is stored as JSON (:func:`model_to_json`): Punkt's four learnt tables, nothing else.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from wordprint.text.tokenize import PUNKT_TRAINING_CHARS, _punkt_classes, _without_clock_limit

if TYPE_CHECKING:  # pragma: no cover - nltk is imported when a model is trained or loaded
    from nltk.tokenize.punkt import PunktSentenceTokenizer

# Five documents of up to 200,000 characters: a million characters for a corpus of novels (about
# 2.5 s of training, what five novels used to cost each), more than any one text for a corpus of
# short ones. Punkt's abbreviation list saturates well before that.
SAMPLE_DOCUMENTS = 5


def sample_documents(doc_ids: Iterable[str], *, n: int = SAMPLE_DOCUMENTS) -> list[str]:
    """The ``n`` documents the model learns from: the first in the order of the SHA-256 of
    their ids (then the id), a stable sample that a new document joins with chance n / N.

    Examples
    --------
    >>> sample_documents(["b", "a", "c"], n=2) == sample_documents(["c", "b", "a", "d"], n=2)
    False
    >>> sorted(sample_documents(["b", "a", "c"], n=5))
    ['a', 'b', 'c']
    """
    order = sorted(doc_ids, key=lambda i: (hashlib.sha256(i.encode("utf-8")).digest(), i))
    return order[:n]


def training_text(texts: Iterable[str], *, per_document: int = PUNKT_TRAINING_CHARS) -> str:
    """The text the model learns from: the first ``per_document`` characters of each text,
    joined by a blank line (a paragraph break to Punkt).

    Examples
    --------
    >>> training_text(["One. Two.", "Three."], per_document=4)
    'One.\\n\\nThre'
    """
    return "\n\n".join(text[:per_document] for text in texts)


def train_model(text: str) -> dict[str, Any]:
    """Punkt's parameters learnt from ``text``, as JSON-able data (see :func:`model_to_json`).

    References
    ----------
    Kiss, T. & Strunk, J. (2006). Unsupervised multilingual sentence boundary detection.
    Computational Linguistics 32(4), 485-525.

    Examples
    --------
    >>> model = train_model("Mr. Smith came. Mr. Jones left. Mr. Brown stayed home.")
    >>> sorted(model)
    ['abbrev_types', 'collocations', 'ortho_context', 'sent_starters']
    """
    trainer_class, token_class, _ = _punkt_classes()
    trainer = trainer_class(token_cls=token_class)
    with _without_clock_limit():
        trainer.train(text, finalize=True)
    params = trainer.get_params()
    return {
        "abbrev_types": sorted(params.abbrev_types),
        "collocations": sorted([a, b] for a, b in params.collocations),
        "sent_starters": sorted(params.sent_starters),
        "ortho_context": dict(sorted(params.ortho_context.items())),
    }


def model_to_json(model: Mapping[str, Any]) -> str:
    """The model as canonical JSON: the same model gives the same bytes."""
    return json.dumps(model, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def model_digest(model: Mapping[str, Any]) -> str:
    """SHA-256 of the model's canonical JSON: part of every description's cache key."""
    return hashlib.sha256(model_to_json(model).encode("utf-8")).hexdigest()


def splitter(model: Mapping[str, Any]) -> PunktSentenceTokenizer:
    """A sentence splitter with the learnt ``model`` (it remembers its boundary decisions)."""
    from nltk.tokenize.punkt import PunktParameters

    params = PunktParameters()
    params.abbrev_types = set(model["abbrev_types"])
    params.collocations = {(a, b) for a, b in model["collocations"]}
    params.sent_starters = set(model["sent_starters"])
    for word, flags in model["ortho_context"].items():
        params.ortho_context[word] = flags
    _, _, splitter_class = _punkt_classes()
    return splitter_class(params)
