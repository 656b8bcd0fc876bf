# The robustness map: in what share of the settings (MFW x measure x normalisation x view) each
# document's nearest author and cluster-mates are those of the report's setting (README,
# "Robustness").
from wordprint.robustness import grid_settings

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
ROBUSTNESS_OUTPUTS = [
    "results/tables/robustness.csv",
    *expand("results/figures/robustness.{ext}", ext=["png", "svg", "pdf", "csv"]),
]


rule robustness:
    input:
        shard_profiles(),
    output:
        table=report(
            "results/tables/robustness.csv",
            caption="../report/robustness_table.rst",
            category="Clusters",
            labels={"table": "robustness"},
        ),
        png=report(
            "results/figures/robustness.png",
            caption="../report/robustness.rst",
            category="Clusters",
            labels={"figure": "robustness map"},
        ),
        svg=figure_file("results/figures/robustness.svg"),
        pdf=figure_file("results/figures/robustness.pdf"),
        csv=figure_file("results/figures/robustness.csv"),
    log:
        "logs/robustness.log",
    benchmark:
        "logs/benchmarks/robustness.tsv"
    conda:
        "../envs/wordprint.yaml"
    params:
        documents=DOCUMENTS,
        samples=SAMPLE_SETTINGS,
        sampling=SAMPLING,
        selection=SELECTION,
        label_column=LABEL_COLUMN,
        linkage=config["linkage"],
        k=CLUSTERS,
        grid=shown_safely(ROBUSTNESS_GRID),
        reference=ROBUSTNESS_REFERENCE,
        threshold=config["robustness"]["threshold"],
        min_jaccard=config["robustness"]["min_jaccard"],
    script:
        "../scripts/robustness.py"
