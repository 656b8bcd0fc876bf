# Attribution and verification: cross-validated classifiers, General Impostors, rolling Delta
# (see docs/guide/attribution.md).
from wordprint.attribute.plan import plan_attribution
from wordprint.workflow.attribute import ShownPlan, attribution_settings

# Roles, labels and candidates checked against the catalog now, so a mistake stops the run
# before any job starts. The plan is a rule parameter, which Snakemake's report prints: its
# labels print escaped (ShownPlan).
try:
    ATTRIBUTION = ShownPlan.of(
        plan_attribution(
            DOCUMENTS,
            label_column=RUN.label_column,
            views=config["views"],
            mfw=RUN.mfw,
            settings=attribution_settings(config["attribution"]),
        )
    )
except ValueError as err:
    raise WorkflowError(f"wordprint: config 'attribution': {err}") from None

ATTRIBUTION_DOCUMENTS = {d.id: d for d in DOCUMENTS}
IMPOSTORS_MFW = config["attribution"]["impostors"].get("mfw") or max(RUN.mfw)
ROLLING_MFW = config["attribution"]["rolling"].get("mfw") or min(RUN.mfw)
ROLLING_REFERENCES = [ATTRIBUTION_DOCUMENTS[i] for i in ATTRIBUTION.rolling_references]

ATTRIBUTE_TABLES = results("tables/attribution")
ATTRIBUTE_FIGURES = results("figures/attribution")

# Final outputs of this stage, collected by `rule all`, and what the HTML report shows.
ATTRIBUTE_OUTPUTS = []
ATTRIBUTE_REPORT = {
    "crossval": [],
    "accuracy": [],
    "summary": [],
    "figure": [],
    "impostors": [],
    "calibration": [],
    "rolling": [],
}
if ATTRIBUTION.enabled:
    ATTRIBUTE_REPORT["crossval"] = [f"{ATTRIBUTE_TABLES}/crossval.csv"]
    ATTRIBUTE_REPORT["accuracy"] = [f"{ATTRIBUTE_FIGURES}/accuracy.png"]
    ATTRIBUTE_OUTPUTS += expand(
        "{folder}/{table}.csv",
        folder=ATTRIBUTE_TABLES,
        table=["crossval", "predictions", "confusion", "questioned", "questioned_summary"],
    ) + expand("{folder}/accuracy.{ext}", folder=ATTRIBUTE_FIGURES, ext=FIGURE_FILES)
if ATTRIBUTION.questioned:
    ATTRIBUTE_REPORT["summary"] = [f"{ATTRIBUTE_TABLES}/questioned_summary.csv"]
    ATTRIBUTE_REPORT["figure"] = [f"{ATTRIBUTE_FIGURES}/questioned.png"]
    ATTRIBUTE_OUTPUTS += expand(
        "{folder}/questioned.{ext}", folder=ATTRIBUTE_FIGURES, ext=FIGURE_FILES
    )
if ATTRIBUTION.impostors:
    ATTRIBUTE_REPORT["impostors"] = [f"{ATTRIBUTE_TABLES}/impostors.csv"]
    ATTRIBUTE_REPORT["calibration"] = [f"{ATTRIBUTE_TABLES}/impostors_calibration.csv"]
    ATTRIBUTE_OUTPUTS += expand(
        "{folder}/{table}.csv",
        folder=ATTRIBUTE_TABLES,
        table=["impostors", "impostors_calibration", "impostors_known"],
    )
ATTRIBUTE_REPORT["rolling"] = expand(
    "{folder}/rolling_{document}.png", folder=ATTRIBUTE_FIGURES, document=ATTRIBUTION.rolling
)
ATTRIBUTE_OUTPUTS += expand(
    "{folder}/rolling_{document}.csv", folder=ATTRIBUTE_TABLES, document=ATTRIBUTION.rolling
) + expand(
    "{folder}/rolling_{document}.{ext}",
    folder=ATTRIBUTE_FIGURES,
    document=ATTRIBUTION.rolling,
    ext=FIGURE_FILES,
)


rule attribute_classify:
    input:
        expand(results("tables/mfw/mfw{mfw}.csv"), mfw=RUN.mfw),
    output:
        **vector_figures(f"{ATTRIBUTE_FIGURES}/accuracy", "accuracy_"),
        crossval=report(
            f"{ATTRIBUTE_TABLES}/crossval.csv",
            caption="../report/attribute_crossval.rst",
            category="Attribution",
            labels={"table": "cross-validation scores"},
        ),
        predictions=report(
            f"{ATTRIBUTE_TABLES}/predictions.csv",
            caption="../report/attribute_predictions.rst",
            category="Attribution",
            labels={"table": "cross-validated predictions"},
        ),
        confusion=report(
            f"{ATTRIBUTE_TABLES}/confusion.csv",
            caption="../report/attribute_confusion.rst",
            category="Attribution",
            labels={"table": "confusion counts"},
        ),
        questioned=report(
            f"{ATTRIBUTE_TABLES}/questioned.csv",
            caption="../report/attribute_questioned.rst",
            category="Attribution",
            labels={"table": "questioned documents, every setting"},
        ),
        summary=report(
            f"{ATTRIBUTE_TABLES}/questioned_summary.csv",
            caption="../report/attribute_questioned_summary.rst",
            category="Attribution",
            labels={"table": "questioned documents, share of settings"},
        ),
        accuracy_png=report(
            f"{ATTRIBUTE_FIGURES}/accuracy.png",
            caption="../report/attribute_accuracy.rst",
            category="Attribution",
            labels={"figure": "accuracy against MFW"},
        ),
        accuracy_csv=figure_file(f"{ATTRIBUTE_FIGURES}/accuracy.csv"),
    log:
        logs("attribute_classify.log"),
    benchmark:
        logs("benchmarks/attribute_classify.tsv")
    conda:
        "../envs/wordprint.yaml"
    params:
        mfw=RUN.mfw,
        plan=ATTRIBUTION,
        settings=shown_safely(config["attribution"]),
    script:
        "../scripts/attribute_classify.py"


rule attribute_impostors:
    input:
        results(f"tables/mfw/mfw{IMPOSTORS_MFW}.csv"),
    output:
        impostors=report(
            f"{ATTRIBUTE_TABLES}/impostors.csv",
            caption="../report/attribute_impostors.rst",
            category="Attribution",
            labels={"table": "General Impostors verification"},
        ),
        calibration=report(
            f"{ATTRIBUTE_TABLES}/impostors_calibration.csv",
            caption="../report/attribute_calibration.rst",
            category="Attribution",
            labels={"table": "impostors calibration"},
        ),
        known=report(
            f"{ATTRIBUTE_TABLES}/impostors_known.csv",
            caption="../report/attribute_impostors_known.rst",
            category="Attribution",
            labels={"table": "impostors scores of the known texts"},
        ),
    log:
        logs("attribute_impostors.log"),
    benchmark:
        logs("benchmarks/attribute_impostors.tsv")
    conda:
        "../envs/wordprint.yaml"
    params:
        plan=ATTRIBUTION,
        settings=shown_safely(config["attribution"]["impostors"]),
        seed=config["attribution"]["seed"],
    script:
        "../scripts/attribute_impostors.py"


rule attribute_figure:
    input:
        summary=f"{ATTRIBUTE_TABLES}/questioned_summary.csv",
        impostors=ATTRIBUTE_REPORT["impostors"],
        calibration=ATTRIBUTE_REPORT["calibration"],
    output:
        **vector_figures(f"{ATTRIBUTE_FIGURES}/questioned", ""),
        png=report(
            f"{ATTRIBUTE_FIGURES}/questioned.png",
            caption="../report/attribute_figure.rst",
            category="Attribution",
            labels={"figure": "questioned documents"},
        ),
        csv=figure_file(f"{ATTRIBUTE_FIGURES}/questioned.csv"),
    log:
        logs("attribute_figure.log"),
    conda:
        "../envs/wordprint.yaml"
    params:
        palette=shown_safely(ATTRIBUTION.palette),
    script:
        "../scripts/attribute_figure.py"


rule attribute_rolling:
    input:
        features=results(f"tables/mfw/mfw{ROLLING_MFW}.csv"),
        text=lambda wildcards: raw_source(ATTRIBUTION_DOCUMENTS[wildcards.document]),
        references=[raw_source(d) for d in ROLLING_REFERENCES],
    output:
        **vector_figures(f"{ATTRIBUTE_FIGURES}/rolling_{{document}}", ""),
        table=report(
            f"{ATTRIBUTE_TABLES}/rolling_{{document}}.csv",
            caption="../report/attribute_rolling_table.rst",
            category="Attribution",
            subcategory="rolling Delta",
            labels={"document": "{document}", "table": "rolling Delta"},
        ),
        png=report(
            f"{ATTRIBUTE_FIGURES}/rolling_{{document}}.png",
            caption="../report/attribute_rolling_figure.rst",
            category="Attribution",
            subcategory="rolling Delta",
            labels={"document": "{document}", "figure": "rolling Delta"},
        ),
        csv=figure_file(f"{ATTRIBUTE_FIGURES}/rolling_{{document}}.csv"),
    log:
        logs("attribute_rolling/{document}.log"),
    benchmark:
        logs("benchmarks/attribute_rolling/{document}.tsv")
    wildcard_constraints:
        document=r"[A-Za-z0-9][A-Za-z0-9._-]*",
    conda:
        "../envs/wordprint.yaml"
    params:
        document=lambda wildcards: ATTRIBUTION_DOCUMENTS[wildcards.document],
        references=ROLLING_REFERENCES,
        labels=shown_safely(ATTRIBUTION.labels),
        palette=shown_safely(ATTRIBUTION.palette),
        profile_settings=RUN.profile,
        settings=shown_safely(config["attribution"]["rolling"]),
    script:
        "../scripts/attribute_rolling.py"
