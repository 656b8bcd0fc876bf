# Configuration, catalog and the names of every output, read once when the workflow starts.
import sys
from pathlib import Path

from snakemake.common.configfile import load_configfile
from snakemake.exceptions import WorkflowError
from snakemake.utils import validate

from wordprint.features.mfw import mfw_range
from wordprint.io.catalog import CatalogError, read_catalog
from wordprint.workflow.runlock import claim_folder
from wordprint.workflow.params import ShownList, shown_safely
from wordprint.count.profile import describe_settings, profile_settings
from wordprint.io.shards import shard_of
from wordprint.evaluate.robustness import grid_settings
from wordprint.text.sentences import sample_documents
from wordprint.text.tokenize import TOKEN_PATTERNS
from wordprint.workflow.analysis import (
    analysis_config,
    analysis_name,
    log_warnings,
    remove_stale,
    stale_files,
)

# A run killed with SIGKILL leaves Snakemake's lock and its marks of unfinished jobs behind, and
# the next plain run would refuse to start. Holding wordprint's run lock (released by the kernel
# when a run dies) proves no other run is alive here: the lock is stale and goes, and the files
# a dead run was writing are made again (what --unlock and --rerun-incomplete would do).
if workflow.is_main_process:
    RUN_LOCK = claim_folder(Path(".snakemake"))


def schema_problem(err):
    """One line for a config value the schema refuses: the key, what is wrong, where to look."""
    found = err.__context__  # the jsonschema ValidationError that Snakemake wraps
    if not hasattr(found, "absolute_path"):
        return None
    key = "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in found.absolute_path)
    message = found.message if len(found.message) < 400 else found.message[:400] + " ..."
    return (
        f"wordprint: config {repr(key[1:]) if key else '(top level)'}: {message}. Fix it in the "
        "config file or with --config; config/README.md lists every key and its allowed values."
    )


# config/config.yaml (the Snakefile's configfile) is the default analysis. A config file of the
# user's (--configfile) or another catalog (--config catalog=...) makes another analysis, which
# starts from the schema's defaults: nothing of the default analysis leaks into it.
DEFAULT_CONFIG = "config/config.yaml"
CONFIG_FILES = [str(f) for f in workflow.config_settings.configfiles]
_resolved, IS_DEFAULT = analysis_config(
    load_configfile(DEFAULT_CONFIG) if Path(DEFAULT_CONFIG).is_file() else {},
    [load_configfile(f) for f in CONFIG_FILES],
    dict(workflow.config_settings.config),
)
config.clear()
config.update(_resolved)

# --config reads a list with YAML's BaseLoader, so 'mfw=[200,2000]' arrives as ['200', '2000'],
# and takes only True and False for booleans, so 'allow_outside_catalog=true' arrives as "true".
if isinstance(config.get("mfw"), list):
    config["mfw"] = [
        int(n) if isinstance(n, str) and n.lstrip("-").isdigit() else n for n in config["mfw"]
    ]
if config.get("allow_outside_catalog") in ("true", "false"):
    config["allow_outside_catalog"] = config["allow_outside_catalog"] == "true"

try:
    validate(config, schema="../schemas/config.schema.yaml")
except WorkflowError as err:
    problem = schema_problem(err)
    if problem is None:
        raise
    raise WorkflowError(problem) from None

# Every output of the analysis goes under results/<analysis>/, every log under logs/<analysis>/.
try:
    ANALYSIS = analysis_name(config, config_files=CONFIG_FILES, is_default=IS_DEFAULT)
except ValueError as err:
    raise WorkflowError(f"wordprint: {err}") from None
config["analysis"] = ANALYSIS
config["report"].setdefault("title", f"wordprint analysis {ANALYSIS}")
RESULTS = f"results/{ANALYSIS}"


def results(path):
    """``path`` in the analysis's results folder."""
    return f"{RESULTS}/{path}"


def logs(path):
    """``path`` in the analysis's log folder."""
    return f"logs/{ANALYSIS}/{path}"


# A regular expression of the config's tokenizer is compiled now, so a typo stops the run here.
# The named patterns are known to work: they spare every run nltk's import (1.7 s).
PATTERN = config["tokenizer"]["pattern"]
if PATTERN not in TOKEN_PATTERNS:
    from nltk.tokenize import regexp_tokenize

    try:
        regexp_tokenize("", PATTERN)
    except Exception as err:  # re.error, or nltk refusing a pattern that could blow up
        raise WorkflowError(
            f"wordprint: config 'tokenizer.pattern': {PATTERN!r} is not a usable regular "
            f"expression ({err}). Fix it, or use 'words' or 'letters'."
        ) from None

try:
    # Rule parameters print markup escaped, so Snakemake's report can show them (wordprint.workflow.params).
    DOCUMENTS = shown_safely(
        read_catalog(config["catalog"], allow_outside=config["allow_outside_catalog"])
    )
except CatalogError as err:
    raise WorkflowError(f"wordprint: {err}") from None
if len(DOCUMENTS) < 3:
    raise WorkflowError(
        f"wordprint: the catalog {config['catalog']} lists {len(DOCUMENTS)} document(s), but "
        "distances, clusters and the consensus tree compare documents and need at least 3. "
        "Add documents to the catalog."
    )


# mfw_range {min, max, step} expands into the MFW settings (stylo's mfw.min, mfw.max, mfw.incr).
def config_range(key, settings):
    """An MFW range {min, max, step} of the config as a list, or a clear error naming the key."""
    try:
        return mfw_range(settings["min"], settings["max"], settings["step"])
    except ValueError as err:
        raise WorkflowError(f"wordprint: config {key}: {err}") from None


MFW = config_range("mfw_range", config["mfw_range"]) if config.get("mfw_range") else config["mfw"]
config["mfw"] = MFW
MEASURES = config["measures"]
LABEL_COLUMN = config["label_column"]
REPORT_MFW = config["report"].get("mfw", min(MFW, key=lambda n: abs(n - 500)))
REPORT_MEASURE = config["report"].get("measure", MEASURES[-1])
for key, value, listed in (("mfw", REPORT_MFW, "mfw"), ("measure", REPORT_MEASURE, "measures")):
    if value not in config[listed]:
        raise WorkflowError(
            f"wordprint: config report.{key} is {value!r}, which the run does not analyse "
            f"(config '{listed}' is {config[listed]}); choose one of those or leave report.{key} out."
        )
if LABEL_COLUMN not in ("author", "title", "year", "group") and not any(
    LABEL_COLUMN in d.extra for d in DOCUMENTS
):
    raise WorkflowError(
        f"wordprint: config label_column is {LABEL_COLUMN!r}, but the catalog has no such "
        "column. Name an existing column, e.g. author or group."
    )

LABELS = {d.field(LABEL_COLUMN) for d in DOCUMENTS}
CLUSTERS = len(LABELS) if config["clusters"] == "auto" else config["clusters"]

SHARDS = {}
for document in DOCUMENTS:
    SHARDS.setdefault(f"{shard_of(document.id, config['shards']):04d}", ShownList()).append(
        document
    )

# The files of every figure: the PNG (embedded in the report), the vector formats the config
# asks for, and the plotted data as CSV.
VECTOR_FORMATS = [f for f in config["figure_formats"] if f != "png"]
FIGURE_FILES = ["png", *VECTOR_FORMATS, "csv"]

# What the run makes beyond the core (tables, distances, clusters, a dendrogram, the report):
# an analysis not listed is not built, nor is what only it needs (e.g. Punkt sentences).
ANALYSES = config["analyses"]


def when(analysis, outputs):
    """``outputs`` (a list) when the config lists ``analysis``, else nothing."""
    return list(outputs) if analysis in ANALYSES else []


PROFILE_SETTINGS = shown_safely(profile_settings(config))
DESCRIBE_SETTINGS = describe_settings(config)
# The documents the corpus's Punkt model learns from (wordprint.text.sentences), in catalog order.
SENTENCE_SAMPLE = ShownList(
    d for d in DOCUMENTS if d.id in set(sample_documents([d.id for d in DOCUMENTS]))
)
FEATURES = config["features"]
if "features" in PROFILE_SETTINGS and config["sampling"]["method"] == "consecutive":
    raise WorkflowError(
        f"wordprint: config features {FEATURES} includes n-grams, which are counted per "
        "document, not per consecutive segment. Use sampling.method none or random, or "
        "features: [words]."
    )

# Which views become rows of the corpus-wide tables (see wordprint.corpus.samples.samples).
SAMPLE_SETTINGS = {
    "views": config["views"],
    "min_quoted_share": config["quotes"]["min_share"],
    "min_cited": config["quotes"]["min_cited"],
}
SAMPLING = {k: config["sampling"][k] for k in ("method", "size", "samples", "seed")}

# How the word tables are chosen (stylo's culling, start.at, delete.pronouns; function words).
SELECTION = {
    "culling": config["culling"],
    "start_at": config["start_at"],
    "drop_pronouns": config["delete_pronouns"],
    "only_function_words": config["function_words"],
}
NORMALISATIONS = config["normalisations"]
METHODS = config.get("methods") or [config["linkage"]]
CONSENSUS = {
    "mfw": (
        config_range("consensus.mfw", config["consensus"]["mfw"])
        if isinstance(config["consensus"].get("mfw"), dict)
        else config["consensus"].get("mfw") or MFW
    ),
    "measures": config["consensus"].get("measures") or MEASURES,
    "p": config["consensus"]["p"],
    "linkage": config["consensus"].get("linkage") or config["linkage"],
}
# The robustness map's grid of settings around the report's setting (README, "Robustness").
ROBUSTNESS_GRID = {
    "mfw": (
        config_range("robustness.mfw", config["robustness"]["mfw"])
        if isinstance(config["robustness"].get("mfw"), dict)
        else config["robustness"].get("mfw") or MFW
    ),
    "measures": config["robustness"].get("measures") or MEASURES,
    "normalisations": config["robustness"].get("normalisations") or NORMALISATIONS,
}
if not grid_settings(**ROBUSTNESS_GRID):
    raise WorkflowError(
        f"wordprint: config 'robustness': none of the measures {ROBUSTNESS_GRID['measures']} "
        f"takes any of the normalisations {ROBUSTNESS_GRID['normalisations']} (clamp and "
        "ternarize need a z-scoring measure). Add 'none' to robustness.normalisations."
    )
ROBUSTNESS_REFERENCE = {
    "mfw": REPORT_MFW,
    "measure": REPORT_MEASURE,
    "view": "full" if "full" in config["views"] else config["views"][0],
}
# The consensus tree and the robustness map read the word table of the most MFW any of them
# takes, and cut it to each setting's MFW: a selection of fewer words is a prefix of it
# (wordprint.evaluate.grid.feature_table), so the profiles are read and the words ranked once.
WORD_TABLE_MFW = max(
    [
        *MFW,
        *when("consensus", CONSENSUS["mfw"]),
        *when("robustness", [*ROBUSTNESS_GRID["mfw"], ROBUSTNESS_REFERENCE["mfw"]]),
    ]
)
WORD_TABLE = results(f"tables/mfw/mfw{WORD_TABLE_MFW}.csv")
TABLE_MFW = sorted({*MFW, WORD_TABLE_MFW})
# Maps and PCA of every setting, or (the default) only of the report's: drawing is most of the
# corpus-wide time (benchmarks/RESULTS.md), and any other setting's figure can be asked for by name.
if config["report"]["every_setting"]:
    MAP_SETTINGS = {"measure": MEASURES, "mfw": MFW}
else:
    MAP_SETTINGS = {"measure": [REPORT_MEASURE], "mfw": [REPORT_MFW]}
EVALUATE_OUTPUTS = [
    *when("scores", expand(results("figures/scores/ari_by_mfw.{ext}"), ext=FIGURE_FILES)),
    *when(
        "pca",
        expand(results("figures/pca/mfw{mfw}.{ext}"), mfw=MAP_SETTINGS["mfw"], ext=FIGURE_FILES),
    ),
    *when("consensus", expand(results("figures/consensus/tree.{ext}"), ext=FIGURE_FILES)),
    *when(
        "consensus",
        expand(results("tables/consensus/{name}"), name=["tree.newick", "nodes.csv", "edges.csv"]),
    ),
]
# The figures beside each dendrogram (wordprint.plot), by analysis.
MAP_KINDS = ["dendrogram", *when("maps", ["mds", "heatmap"])]

DOWNLOADS = "resources"
GUTENBERG_LOCK = config["gutenberg_lock"] or str(Path(config["catalog"]).with_suffix(".lock.json"))


wildcard_constraints:
    shard=r"\d{4}",
    mfw=r"\d+",
    measure="|".join(MEASURES),


# The last job of a run: it records when each job ran, so it is the one file that differs
# between two otherwise identical runs.
PROVENANCE = results("provenance.json")


def map_figure(kind, caption, category, mfw):
    """The PNG of a map figure, registered for `snakemake --report` with caption and labels."""
    return report(
        results(f"figures/{kind}/{{measure}}_mfw{mfw}.png"),
        caption=f"../report/{caption}.rst",
        category=category,
        subcategory="{measure}",
        labels={"figure": kind, "measure": "{measure}", "MFW": str(mfw)},
    )


def map_figures(mfw):
    """The outputs of a plot_maps job, for each MFW setting in ``mfw`` and each kind of
    MAP_KINDS: the PNG (for `snakemake --report`), SVG, PDF and plotted data (CSV) as lists
    named dendrogram, dendrogram_svg, ..., one file per setting."""
    captions = {"dendrogram": "Clusters", "mds": "Maps", "heatmap": "Distances"}
    outputs = {}
    for kind in MAP_KINDS:
        outputs[kind] = [map_figure(kind, kind, captions[kind], n) for n in mfw]
        for ext in (*VECTOR_FORMATS, "csv"):
            outputs[f"{kind}_{ext}"] = [
                figure_file(results(f"figures/{kind}/{{measure}}_mfw{n}.{ext}")) for n in mfw
            ]
    return outputs


def matrix_table(kind, measure, mfw):
    """The table of one setting (distances, clusters or linkage), for Snakemake's report."""
    return report(
        results(f"tables/{kind}/{measure}_mfw{mfw}.csv"),
        caption=f"../report/{kind}_table.rst",
        category="Distances" if kind == "distances" else "Clusters",
        subcategory=measure,
        labels={"table": kind, "measure": measure, "MFW": str(mfw)},
    )


def figure_file(path):
    """An SVG, PDF or data CSV of a figure, listed in Snakemake's report beside its PNG."""
    kind = {".svg": "SVG (vector)", ".pdf": "PDF (vector)", ".csv": "CSV (plotted data)"}
    return report(
        path,
        caption="../report/figure_files.rst",
        category="Figure files",
        subcategory=kind[Path(path).suffix],
        labels={"figure": str(Path(path).with_suffix("")).removeprefix(results("figures/"))},
    )


def vector_figures(stem, prefix=""):
    """The SVG and PDF files of a figure (those of 'figure_formats'), named <prefix>svg and
    <prefix>pdf, for a rule's output."""
    return {f"{prefix}{ext}": figure_file(f"{stem}.{ext}") for ext in VECTOR_FORMATS}


def raw_source(document):
    """The file holding a document's raw bytes: local, packaged, or downloaded into resources/."""
    if document.kind == "gutenberg":
        return f"{DOWNLOADS}/gutenberg/pg{document.locator}.txt"
    return str(document.path)


def shard_sources(wildcards):
    return [raw_source(d) for d in SHARDS[wildcards.shard]]


def shard_counts():
    return count_shards_of(DOCUMENTS)


def count_shards_of(documents):
    """The count shards holding ``documents``: their tokens are then in the cache."""
    shards = sorted({f"{shard_of(d.id, config['shards']):04d}" for d in documents})
    return expand(results("counts/shard-{shard}.json.gz"), shard=shards)


def shard_descriptions():
    return expand(results("vocabulary/shard-{shard}.json.gz"), shard=sorted(SHARDS))


def final_outputs():
    maps = expand(
        results("figures/{kind}/{measure}_mfw{mfw}.{ext}"),
        kind=MAP_KINDS,
        **MAP_SETTINGS,
        ext=FIGURE_FILES,
    )
    return [
        results("report.html"),
        PROVENANCE,
        results("tables/cleaning.csv"),
        results("cleaning.json"),
        results("tables/short_samples.csv"),
        *when("vocabulary", [results("tables/vocabulary.csv")]),
        *when("vocabulary", expand(results("figures/vocabulary.{ext}"), ext=FIGURE_FILES)),
        *when("scores", [results("tables/cluster_scores.csv")]),
        *when("neighbours", [results("tables/neighbours.csv")]),
        # every setting's flat clusters and linkage, whichever maps are drawn
        *expand(
            results("tables/{kind}/{measure}_mfw{mfw}.csv"),
            kind=["clusters", "linkage"],
            measure=MEASURES,
            mfw=MFW,
        ),
        *maps,
        *EVALUATE_OUTPUTS,
        *COMPARE_OUTPUTS,
        *ATTRIBUTE_OUTPUTS,
        *ROBUSTNESS_OUTPUTS,
    ]


def report_files(folder, suffix):
    """The run's files under ``folder`` ending in ``suffix``, relative to the report."""
    return sorted(
        path.removeprefix(results(""))
        for path in final_outputs()
        if path.startswith(results(folder)) and path.endswith(suffix)
    )


# Outputs of an earlier configuration of this analysis cannot mix with this one's: a run of the
# whole analysis (rule all) first removes every file of its results folder that none of its jobs
# makes. A run for chosen targets (one figure by name) removes nothing.
onstart:
    if any(job.rule.name == "all" for job in workflow.dag.jobs):
        planned = {str(f) for job in workflow.dag.jobs for f in job.output}
        stale = stale_files(RESULTS, planned)
        if stale:
            remove_stale(RESULTS, stale)
            shown = ", ".join(str(p) for p in stale[:5]) + (" ..." if len(stale) > 5 else "")
            print(
                f"wordprint: removed {len(stale)} file(s) of an earlier configuration from "
                f"{RESULTS}/: {shown}",
                file=sys.stderr,
            )


# The end of a run: wordprint's warnings of this analysis once, then where the report is.
onsuccess:
    jobs = list(workflow.dag.jobs) if workflow.dag else []
    for warning in log_warnings([log for job in jobs for log in job.log]):
        print(f"wordprint: warning: {warning}", file=sys.stderr)
    if any(str(f) == results("report.html") for job in jobs for f in job.output):
        print(f"wordprint: the report is {results('report.html')}", file=sys.stderr)
