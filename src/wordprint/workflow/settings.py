"""The workflow's config, translated once into the settings each step takes: :func:`run_settings`.

The library's functions take plain arguments; the config is shaped for people (stylo's names,
ranges, "auto", defaults left out). This module is the one place that reads that shape: a
validated config and the catalog's documents in, a :class:`RunSettings` out, or a
:class:`SettingsError` whose one line names the config key and the fix.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wordprint.attribute.plan import known_documents
from wordprint.corpus.documents import Document
from wordprint.count.profile import DescribeSettings, ProfileSettings, language_of
from wordprint.evaluate.robustness import grid_settings
from wordprint.features.mfw import WORD_LIST_LANGUAGES, mfw_range
from wordprint.io.shards import shard_of
from wordprint.text.language import language_code
from wordprint.text.sentences import sample_documents
from wordprint.text.split import PRESETS as SPLIT_PRESETS
from wordprint.text.tokenize import TOKEN_PATTERNS
from wordprint.workflow.params import ShownList, shown_safely

__all__ = [
    "RunSettings",
    "SettingsError",
    "command_line_types",
    "describe_settings",
    "profile_settings",
    "run_settings",
    "schema_problem",
]

# Catalog columns every document has, so any of them can label the documents.
STANDARD_LABELS = ("author", "title", "year", "group")


class SettingsError(ValueError):
    """A config value the run cannot use; the message names the key and the fix."""


def schema_problem(error: Exception) -> str | None:
    """One line for a config value the schema refuses: the key, what is wrong, where to look.

    ``error`` is Snakemake's WorkflowError, wrapping jsonschema's ValidationError; ``None`` when
    it wraps something else.
    """
    found = error.__context__
    if not hasattr(found, "absolute_path"):
        return None
    key = "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in found.absolute_path)
    message = found.message if len(found.message) < 400 else found.message[:400] + " ..."
    return (
        f"wordprint: config {repr(key[1:]) if key else '(top level)'}: {message}. Fix it in the "
        "config file or with --config; docs/guide/configuration.md lists every key and its allowed values."
    )


def command_line_types(config: dict[str, Any]) -> None:
    """Give ``--config`` values their types, in place.

    Snakemake reads a ``--config`` list with YAML's BaseLoader, so ``mfw=[200,2000]`` arrives as
    ``['200', '2000']``, and takes only ``True``/``False`` as booleans.

    >>> config = {"mfw": ["200", "2000"], "allow_outside_catalog": "true"}
    >>> command_line_types(config); config
    {'mfw': [200, 2000], 'allow_outside_catalog': True}
    """
    if isinstance(config.get("mfw"), list):
        config["mfw"] = [
            int(n) if isinstance(n, str) and n.lstrip("-").isdigit() else n for n in config["mfw"]
        ]
    if config.get("allow_outside_catalog") in ("true", "false"):
        config["allow_outside_catalog"] = config["allow_outside_catalog"] == "true"


LANGUAGE_OPTIONS = ("elisions", "sharp_s", "latin", "script")


def language_table(
    config: Mapping[str, Any], documents: Sequence[Document] = ()
) -> dict[str, Any] | None:
    """How each document's language is prepared for tokenising: the corpus's language code
    (``default``), the config's tokenizer options for every language and for one, resolved per
    document by :func:`wordprint.count.profile.document_settings`; None for a corpus of English
    documents with the presets, where nothing changes.

    >>> config = {"language": "fr", "tokenizer": {"elisions": "auto"}, "languages": {}}
    >>> language_table(config)
    {'default': 'fr', 'tokenizer': {}, 'by_language': {}}
    """
    default = language_code(config.get("language", "en")) or "en"
    tokenizer = {k: v for k in LANGUAGE_OPTIONS
                 if (v := config.get("tokenizer", {}).get(k, "auto")) != "auto"}
    by_language = {language_code(k): dict(v) for k, v in config.get("languages", {}).items()}
    codes = {language_of(d, default) for d in documents} or {default}
    if codes == {"en"} and not tokenizer and not by_language.get("en"):
        return None
    return {"default": default, "tokenizer": tokenizer, "by_language": by_language}


def profile_settings(
    config: Mapping[str, Any], documents: Sequence[Document] = ()
) -> ProfileSettings:
    """The counting settings of a run, from its (validated) configuration and its documents.

    Feature sets besides words, the book-splitting options, the front and back matter of TEI
    documents and the languages' tokenizer options enter only when configured, so cached
    profiles of runs that do not use them stay valid.
    """
    sampling = config.get("sampling", {})
    settings: ProfileSettings = {
        "pattern": config["tokenizer"]["pattern"],
        "lowercase": config["tokenizer"]["lowercase"],
        "views": config["views"],
        "short_quotes": config["quotes"]["short_quotes"],
        "segment_size": sampling.get("size", 0) if sampling.get("method") == "consecutive" else 0,
    }
    features = [f for f in config.get("features", ["words"]) if f != "words"]
    if features:
        settings["features"] = features
    split = config.get("split", "none")
    split = SPLIT_PRESETS.get(split) if isinstance(split, str) else split
    if split:
        settings["split"] = split
    tei = {k: v for k, v in config.get("tei", {}).items() if v}
    if tei:
        settings["tei"] = tei
    languages = language_table(config, documents)
    if languages:
        settings["languages"] = languages
    return settings


def describe_settings(config: Mapping[str, Any]) -> DescribeSettings:
    """The settings of the vocabulary statistics; the bootstrap intervals (``uncertainty``)
    enter only with replicates."""
    settings: DescribeSettings = {
        "mattr_window": config["vocabulary"]["mattr_window"],
        "mtld_threshold": config["vocabulary"]["mtld_threshold"],
    }
    uncertainty = config.get("uncertainty", {})
    if uncertainty.get("replicates"):
        keys = ("replicates", "segment", "level", "seed")
        settings["uncertainty"] = {k: uncertainty[k] for k in keys}
    return settings


def check_pattern(pattern: str) -> None:
    """Compile a tokenizer pattern of the config now, so a typo stops the run before any work.

    The named patterns are known to work: they spare the run nltk's import (1.7 s).
    """
    if pattern in TOKEN_PATTERNS:
        return
    from nltk.tokenize import regexp_tokenize

    try:
        regexp_tokenize("", pattern)
    except (re.error, ValueError) as err:  # nltk refuses a pattern that could blow up
        raise SettingsError(
            f"wordprint: config 'tokenizer.pattern': {pattern!r} is not a usable regular "
            f"expression ({err}). Fix it, or use 'words' or 'letters'."
        ) from None


# The schema's patterns end in '$', which in jsonschema's Python regexes (unlike ECMA's) also
# matches before a final line break: a name "ok\n" passes them, and breaks file names later.
SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def check_names(config: Mapping[str, Any]) -> None:
    """Refuse a name of the config that becomes part of a file name (the analysis's, a
    comparison's) unless it is letters, digits, '.', '_' and '-' only, line breaks included."""
    names = [("analysis", config.get("analysis"))] + [
        (f"comparisons[{i}].name", c.get("name")) for i, c in enumerate(config.get("comparisons", []))
    ]
    for key, name in names:
        if isinstance(name, str) and not SAFE_NAME.fullmatch(name):
            raise SettingsError(
                f"wordprint: config {key} is {name!r}, but it becomes part of file names: use "
                "letters, digits, '.', '_' and '-' only (no spaces or line breaks), starting "
                "with a letter or digit."
            )


def check_paths(
    config: Mapping[str, Any], documents: Sequence[Document], root: Path | None = None
) -> None:
    """Refuse a folder or file the run writes (config ``cache``, ``gutenberg_lock``) outside the
    project folder ``root`` (the working directory) and the folders of ``allowed_paths``.

    Paths are resolved first (``..`` and symbolic links), so neither an absolute path, nor
    ``../``, nor a link leads out. The catalog itself may lie anywhere (it is read, never
    written; its sources are held to its folder by ``allow_outside_catalog``); the Gutenberg
    lock written next to it (``gutenberg_lock: ""``) may not, when the catalog has
    ``gutenberg:`` sources.
    """
    root = (root or Path.cwd()).resolve()
    allowed = [root, *((root / p).resolve() for p in config.get("allowed_paths", []))]
    lock = config.get("gutenberg_lock") or ""
    written = [("cache", config.get("cache") or "")]
    if any(d.kind == "gutenberg" for d in documents):
        written.append(("gutenberg_lock", lock or str(Path(config["catalog"]).with_suffix(
            ".lock.json"))))
    for key, value in written:
        if value and not any((root / value).resolve().is_relative_to(a) for a in allowed):
            hint = "" if lock or key == "cache" else " (empty: next to the catalog)"
            raise SettingsError(
                f"wordprint: config {key} is {value!r}{hint}, which is outside the project "
                f"folder {root}, and wordprint writes there. Give a path inside the project, or "
                "list the folder holding it in config allowed_paths."
            )


def _range(key: str, value: Any, default: list[int]) -> list[int]:
    """An MFW setting of the config as a list: a range {min, max, step} (stylo's mfw.min,
    mfw.max, mfw.incr) expanded, a list as is, nothing as ``default``."""
    if isinstance(value, dict):
        try:
            return mfw_range(value["min"], value["max"], value["step"])
        except ValueError as err:
            raise SettingsError(f"wordprint: config {key}: {err}") from None
    return value or default


@dataclass(frozen=True)
class RunSettings:
    """What every step of one run takes, derived from the config and the catalog."""

    documents: ShownList  # the catalog's documents (printing markup escaped, see params)
    mfw: list[int]  # the MFW settings analysed
    measures: list[str]
    label_column: str
    report_mfw: int  # the setting the report shows
    report_measure: str
    clusters: int  # k of the flat clusters
    known: list[str]  # documents whose labels score the clusters (role known; not questioned)
    shards: dict[str, ShownList]  # shard number (4 digits) -> its documents
    analyses: list[str]  # what is built beyond the core (config 'analyses')
    profile: ProfileSettings
    describe: DescribeSettings
    sentence_samples: dict[str, ShownList]  # language -> the documents its Punkt model learns from
    samples: dict[str, Any]  # which views become rows (wordprint.corpus.samples.samples)
    sampling: dict[str, Any]
    selection: dict[str, Any]  # culling, start_at, pronouns, function words
    normalisations: list[str]
    methods: list[str]  # linkage methods of the evaluation grid
    consensus: dict[str, Any]
    robustness_grid: dict[str, Any]
    robustness_reference: dict[str, Any]
    word_table_mfw: int  # the largest MFW table: the others are its prefixes
    table_mfw: list[int]  # every MFW table written
    map_settings: dict[str, list]  # the measures and MFW whose maps are drawn
    warnings: tuple[str, ...] = ()  # one line each, printed at the end of a run and in the report

    def when(self, analysis: str, outputs: Sequence[Any]) -> list[Any]:
        """``outputs`` (a list) when the run builds ``analysis``, else nothing."""
        return list(outputs) if analysis in self.analyses else []


def _report_setting(config: Mapping[str, Any], mfw: list[int]) -> tuple[int, str]:
    report_mfw = config["report"].get("mfw", min(mfw, key=lambda n: abs(n - 500)))
    report_measure = config["report"].get("measure", config["measures"][-1])
    for key, value, listed in (("mfw", report_mfw, mfw), ("measure", report_measure,
                                                         config["measures"])):
        if value not in listed:
            name = "mfw" if key == "mfw" else "measures"
            raise SettingsError(
                f"wordprint: config report.{key} is {value!r}, which the run does not analyse "
                f"(config '{name}' is {listed}); choose one of those or leave report.{key} out."
            )
    return report_mfw, report_measure


def run_settings(config: Mapping[str, Any], documents: Sequence[Document]) -> RunSettings:
    """The settings of a run from its validated config and its catalog's documents.

    Raises :class:`SettingsError` for settings that pass the schema but cannot work together
    (a report setting the run does not analyse, a label column the catalog lacks, n-grams with
    consecutive segments, a robustness grid with no usable setting).
    """
    check_pattern(config["tokenizer"]["pattern"])
    check_names(config)
    check_paths(config, documents)
    documents = shown_safely(list(documents))
    if len(documents) < 3:
        raise SettingsError(
            f"wordprint: the catalog {config['catalog']} lists {len(documents)} document(s), "
            "but distances, clusters and the consensus tree compare documents and need at "
            "least 3. Add documents to the catalog."
        )
    if not {"full", "own"} & set(config["views"]):
        raise SettingsError(
            f"wordprint: config views is {config['views']}: those views hold only the documents "
            "with enough quotations (or notes), possibly none, but the tables, trees and maps "
            "need every document. Add full or own to views."
        )
    mfw = _range("mfw_range", config.get("mfw_range"), config["mfw"])
    report_mfw, report_measure = _report_setting(config, mfw)
    label_column = config["label_column"]
    if label_column not in STANDARD_LABELS and not any(label_column in d.extra for d in documents):
        raise SettingsError(
            f"wordprint: config label_column is {label_column!r}, but the catalog has no such "
            "column. Name an existing column, e.g. author or group."
        )
    # Only known documents' labels are evidence: a questioned text's "unknown" is no author.
    roles = config.get("attribution", {})
    role_column = roles.get("role_column", "role")
    known = known_documents(documents, role_column=role_column,
                            questioned=roles.get("questioned", ()))
    if not known:
        raise SettingsError(
            f"wordprint: the catalog column {role_column!r} (attribution.role_column) marks no "
            "document 'known', so no label can score the clusters. Mark the documents of known "
            "authorship 'known', or name another column in attribution.role_column."
        )
    warnings: list[str] = []
    # A document with an empty label has no author to recover: it is clustered and drawn, and
    # left out of the scores like a questioned one (else "" would be scored as an author).
    unlabelled = [d.id for d in documents if d.id in set(known) and not d.field(label_column).strip()]
    if unlabelled:
        known = [i for i in known if i not in set(unlabelled)]
        shown = ", ".join(unlabelled[:5]) + (" ..." if len(unlabelled) > 5 else "")
        warnings.append(
            f"{len(unlabelled)} document(s) have an empty {label_column!r} in the catalog "
            f"({shown}): they are clustered and drawn, but left out of the cluster scores. "
            f"Fill in their {label_column!r} to score them."
        )
    if not known:
        raise SettingsError(
            f"wordprint: no document has a {label_column!r} (config label_column) in the "
            "catalog, so no label can score the clusters. Fill in the column, or name another "
            "in label_column."
        )
    scored = frozenset(known)
    labels = {d.field(label_column) for d in documents if d.id in scored}
    if len(labels) == 1:
        warnings.append(
            f"every scored document has the same {label_column!r} ({next(iter(labels))!r}): "
            "the flat clusters are 1 and their scores (ARI 1.0) say nothing about authorship. "
            "Add documents by other authors, or name another column in label_column."
        )
    clusters = len(labels) if config["clusters"] == "auto" else config["clusters"]
    if config["clusters"] != "auto" and clusters > len(documents) and (
            config["sampling"]["method"] == "none"):
        raise SettingsError(
            f"wordprint: config clusters is {clusters}, but the catalog lists "
            f"{len(documents)} documents, and a tree of {len(documents)} leaves cuts into at "
            f"most {len(documents)} clusters. Set clusters to at most {len(documents)}, or "
            "'auto' (the number of labels)."
        )

    shards: dict[str, ShownList] = {}
    for document in documents:
        shard = f"{shard_of(document.id, config['shards']):04d}"
        shards.setdefault(shard, ShownList()).append(document)

    profile = shown_safely(profile_settings(config, documents))
    if "features" in profile and config["sampling"]["method"] == "consecutive":
        raise SettingsError(
            f"wordprint: config features {config['features']} includes n-grams, which are "
            "counted per document, not per consecutive segment. Use sampling.method none or "
            "random, or features: [words]."
        )
    default_language = language_code(config.get("language", "en")) or "en"
    by_language: dict[str, list[Document]] = {}
    for document in documents:
        by_language.setdefault(language_of(document, default_language), []).append(document)
    sentence_samples = {}
    for code, written in sorted(by_language.items()):
        sampled = set(sample_documents([d.id for d in written]))
        sentence_samples[code] = ShownList(d for d in written if d.id in sampled)

    if config["delete_pronouns"] or config["function_words"]:
        missing = sorted(set(by_language) - set(WORD_LIST_LANGUAGES))
        if missing:
            raise SettingsError(
                f"wordprint: config 'delete_pronouns'/'function_words' need the word lists of "
                f"the corpus's languages, and wordprint has none for {', '.join(missing)} "
                f"(it ships {', '.join(WORD_LIST_LANGUAGES)}). Turn the option off, or set the "
                "documents' 'language' in the catalog."
            )
    consensus = config["consensus"]
    robustness = config["robustness"]
    robustness_grid = {
        "mfw": _range("robustness.mfw", robustness.get("mfw"), mfw),
        "measures": robustness.get("measures") or config["measures"],
        "normalisations": robustness.get("normalisations") or config["normalisations"],
    }
    if not grid_settings(**robustness_grid):
        raise SettingsError(
            f"wordprint: config 'robustness': none of the measures {robustness_grid['measures']}"
            f" takes any of the normalisations {robustness_grid['normalisations']} (clamp and "
            "ternarize need a z-scoring measure). Add 'none' to robustness.normalisations."
        )
    settings = dict(
        documents=documents,
        mfw=mfw,
        measures=config["measures"],
        label_column=label_column,
        report_mfw=report_mfw,
        report_measure=report_measure,
        clusters=clusters,
        known=known,
        shards=shards,
        analyses=config["analyses"],
        profile=profile,
        describe=describe_settings(config),
        sentence_samples=sentence_samples,
        samples={
            "views": config["views"],
            "min_quoted_share": config["quotes"]["min_share"],
            "min_cited": config["quotes"]["min_cited"],
        },
        sampling={k: config["sampling"][k] for k in ("method", "size", "samples", "seed")},
        selection={
            "culling": config["culling"],
            "start_at": config["start_at"],
            "drop_pronouns": config["delete_pronouns"],
            "only_function_words": config["function_words"],
            # the word lists of the corpus's languages (English alone needs no key)
            **({} if set(by_language) == {"en"} else {"languages": sorted(by_language)}),
        },
        normalisations=config["normalisations"],
        methods=config.get("methods") or [config["linkage"]],
        consensus={
            "mfw": _range("consensus.mfw", consensus.get("mfw"), mfw),
            "measures": consensus.get("measures") or config["measures"],
            "p": consensus["p"],
            "linkage": consensus.get("linkage") or config["linkage"],
        },
        robustness_grid=robustness_grid,
        robustness_reference={
            "mfw": report_mfw,
            "measure": report_measure,
            "view": "full" if "full" in config["views"] else config["views"][0],
        },
        # Maps of every setting, or (the default) only of the report's: drawing is most of
        # the corpus-wide time, and any other setting's figure can be asked for by name.
        map_settings=(
            {"measure": config["measures"], "mfw": mfw}
            if config["report"]["every_setting"]
            else {"measure": [report_measure], "mfw": [report_mfw]}
        ),
        word_table_mfw=0,
        table_mfw=[],
        warnings=tuple(warnings),
    )
    # The consensus tree and the robustness map read the word table of the most MFW any of
    # them takes and cut it to each setting's MFW (a selection of fewer words is a prefix of
    # it), so the profiles are read and the words ranked once.
    analyses = config["analyses"]
    largest = max([
        *mfw,
        *(settings["consensus"]["mfw"] if "consensus" in analyses else []),
        *([*robustness_grid["mfw"], report_mfw] if "robustness" in analyses else []),
    ])
    settings.update(word_table_mfw=largest, table_mfw=sorted({*mfw, largest}))
    if "pca" in analyses and min(settings["map_settings"]["mfw"]) < 2:
        raise SettingsError(
            f"wordprint: config mfw {mfw}: the PCA map of {min(settings['map_settings']['mfw'])}"
            " word has no second axis to draw. Use 2 or more most frequent words, or leave "
            "'pca' out of analyses."
        )
    return RunSettings(**settings)
