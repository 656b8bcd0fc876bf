# The config, the catalog and the run's settings, read once when the workflow starts; the input
# functions. What the settings mean lives in wordprint.workflow.settings, tested on its own.
from pathlib import Path

from snakemake.common.configfile import load_configfile
from snakemake.exceptions import WorkflowError
from snakemake.utils import validate

from wordprint.corpus.documents import Document
from wordprint.io.catalog import CatalogError, read_catalog
from wordprint.io.shards import shard_of
from wordprint.workflow.analysis import analysis_config, analysis_name
from wordprint.workflow.params import escaped_repr, shown_safely
from wordprint.workflow.runlock import claim_folder
from wordprint.workflow.settings import (
    SettingsError,
    command_line_types,
    run_settings,
    schema_problem,
)

# A run killed with SIGKILL leaves Snakemake's lock behind; holding wordprint's run lock (which
# the kernel releases when a run dies) proves it stale (wordprint.workflow.runlock).
if workflow.is_main_process:
    RUN_LOCK = claim_folder(Path(".snakemake"))

# config/config.yaml is the default analysis. A config file of the user's (--configfile) or
# another catalog (--config catalog=...) starts from the schema's defaults instead, so nothing
# of the demo leaks into it (wordprint.workflow.analysis).
DEFAULT_CONFIG = "config/config.yaml"
CONFIG_FILES = [str(f) for f in workflow.config_settings.configfiles]
_resolved, IS_DEFAULT = analysis_config(
    load_configfile(DEFAULT_CONFIG) if Path(DEFAULT_CONFIG).is_file() else {},
    [load_configfile(f) for f in CONFIG_FILES],
    dict(workflow.config_settings.config),
)
config.clear()
config.update(_resolved)
command_line_types(config)
try:
    validate(config, schema="../schemas/config.schema.yaml")
except WorkflowError as err:
    if schema_problem(err) is None:
        raise
    raise WorkflowError(schema_problem(err)) from None

try:
    ANALYSIS = analysis_name(config, config_files=CONFIG_FILES, is_default=IS_DEFAULT)
    DOCUMENTS = read_catalog(
        config["catalog"],
        allow_outside=config["allow_outside_catalog"],
        max_bytes=config["max_document_bytes"],
    )
    RUN = run_settings(config, DOCUMENTS)
except (ValueError, CatalogError, SettingsError) as err:
    message = str(err)
    raise WorkflowError(
        message if message.startswith("wordprint:") else f"wordprint: {message}"
    ) from None
config["analysis"] = ANALYSIS
config["mfw"] = RUN.mfw
config["report"].setdefault("title", f"wordprint analysis {ANALYSIS}")
# Snakemake's report shows each job's parameters as they print, so markup must print escaped.
DOCUMENTS = RUN.documents
escaped_repr(Document)

DOWNLOADS = "resources"
GUTENBERG_LOCK = config["gutenberg_lock"] or str(Path(config["catalog"]).with_suffix(".lock.json"))


wildcard_constraints:
    shard=r"\d{4}",
    mfw=r"\d+",
    measure="|".join(RUN.measures),
    language=r"[a-z]{2,3}",


def raw_source(document):
    """The file holding a document's raw bytes: local, packaged, or downloaded into resources/."""
    if document.kind == "gutenberg":
        return f"{DOWNLOADS}/gutenberg/pg{document.locator}.txt"
    return str(document.path)


def shard_sources(wildcards):
    return [raw_source(d) for d in RUN.shards[wildcards.shard]]


def count_shards_of(documents):
    """The count shards holding ``documents``: their tokens are then in the cache."""
    shards = sorted({f"{shard_of(d.id, config['shards']):04d}" for d in documents})
    return expand(results("counts/shard-{shard}.json.gz"), shard=shards)


def shard_counts():
    return count_shards_of(DOCUMENTS)


def shard_descriptions():
    return expand(results("vocabulary/shard-{shard}.json.gz"), shard=sorted(RUN.shards))
