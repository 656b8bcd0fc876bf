# wordprint: reproducible corpus comparison and stylometry.
# Run the default analysis with `snakemake --cores all`; see README.md.
from snakemake.utils import min_version

min_version("9.0")


# A default config file that is not YAML: one line naming the file and the line (Snakemake's
# own message names neither). A --configfile is read by Snakemake before this file runs.
from snakemake.exceptions import WorkflowError
from wordprint.workflow.analysis import config_file_problem

if config_file_problem("config/config.yaml"):
    raise WorkflowError(config_file_problem("config/config.yaml"))


configfile: "config/config.yaml"


report: "workflow/report/workflow.rst"


include: "workflow/rules/common.smk"
include: "workflow/rules/outputs.smk"
include: "workflow/rules/ingest.smk"
include: "workflow/rules/profile.smk"
include: "workflow/rules/features.smk"
include: "workflow/rules/cluster.smk"
include: "workflow/rules/evaluate.smk"
include: "workflow/rules/robustness.smk"
include: "workflow/rules/compare.smk"
include: "workflow/rules/attribute.smk"
include: "workflow/rules/report.smk"


rule all:
    default_target: True
    input:
        final_outputs(),
