# Configuration, catalog and the names of every output, read once when the workflow starts.
from pathlib import Path

from snakemake.exceptions import WorkflowError
from snakemake.utils import validate

from wordprint.io.catalog import CatalogError, read_catalog
from wordprint.shards import shard_of
from wordprint.split import PRESETS

validate(config, schema="../schemas/config.schema.yaml")

try:
    DOCUMENTS = read_catalog(config["catalog"])
except CatalogError as err:
    raise WorkflowError(f"wordprint: {err}") from None

MFW = config["mfw"]
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
    SHARDS.setdefault(f"{shard_of(document.id, config['shards']):04d}", []).append(document)

PROFILE_SETTINGS = {
    "pattern": config["tokenizer"]["pattern"],
    "lowercase": config["tokenizer"]["lowercase"],
    "mattr_window": config["vocabulary"]["mattr_window"],
    "mtld_threshold": config["vocabulary"]["mtld_threshold"],
    "views": config["views"],
    "short_quotes": config["quotes"]["short_quotes"],
    "segment_size": (
        config["sampling"]["size"] if config["sampling"]["method"] == "consecutive" else 0
    ),
}

# How books are cut into documents (catalog column 'part'); only in the cache key when used.
SPLIT = PRESETS.get(config["split"]) if isinstance(config["split"], str) else config["split"]
if SPLIT:
    PROFILE_SETTINGS["split"] = SPLIT

# Which views become rows of the corpus-wide tables (see wordprint.corpus.samples).
SAMPLE_SETTINGS = {"views": config["views"], "min_quoted_share": config["quotes"]["min_share"]}
SAMPLING = {k: config["sampling"][k] for k in ("method", "size", "samples", "seed")}

DOWNLOADS = "resources"
GUTENBERG_LOCK = config["gutenberg_lock"] or str(Path(config["catalog"]).with_suffix(".lock.json"))


wildcard_constraints:
    shard=r"\d{4}",
    mfw=r"\d+",
    measure="|".join(MEASURES),


def map_figure(kind, caption, category):
    """The PNG of a map figure, registered for `snakemake --report` with caption and labels."""
    return report(
        f"results/figures/{kind}/{{measure}}_mfw{{mfw}}.png",
        caption=f"../report/{caption}.rst",
        category=category,
        subcategory="{measure}",
        labels={"figure": kind, "measure": "{measure}", "MFW": "{mfw}"},
    )


def raw_source(document):
    """The file holding a document's raw bytes: local, packaged, or downloaded into resources/."""
    if document.kind == "gutenberg":
        return f"{DOWNLOADS}/gutenberg/pg{document.locator}.txt"
    return str(document.path)


def shard_sources(wildcards):
    return [raw_source(d) for d in SHARDS[wildcards.shard]]


def shard_profiles():
    return expand("results/profiles/shard-{shard}.json.gz", shard=sorted(SHARDS))


def final_outputs():
    maps = expand(
        "results/figures/{kind}/{measure}_mfw{mfw}.{ext}",
        kind=["dendrogram", "mds", "heatmap"],
        measure=MEASURES,
        mfw=MFW,
        ext=["png", "svg", "csv"],
    )
    return [
        "results/report.html",
        "results/tables/vocabulary.csv",
        "results/tables/cleaning.csv",
        "results/cleaning.json",
        "results/tables/cluster_scores.csv",
        "results/tables/neighbours.csv",
        "results/tables/short_samples.csv",
        *expand("results/figures/vocabulary.{ext}", ext=["png", "svg", "csv"]),
        *maps,
        *COMPARE_OUTPUTS,
        *ATTRIBUTE_OUTPUTS,
    ]
