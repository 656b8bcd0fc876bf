# The robustness map: in what share of the settings (MFW x measure x normalisation x view) each
# document's nearest author and cluster-mates are those of the report's setting (README,
# "Robustness").
ROBUSTNESS_OUTPUTS = when(
    "robustness",
    [
        results("tables/robustness.csv"),
        *expand(results("figures/robustness.{ext}"), ext=FIGURE_FILES),
    ],
)


rule robustness:
    input:
        WORD_TABLE,
    output:
        **vector_figures(results("figures/robustness"), ""),
        table=report(
            results("tables/robustness.csv"),
            caption="../report/robustness_table.rst",
            category="Clusters",
            labels={"table": "robustness"},
        ),
        png=report(
            results("figures/robustness.png"),
            caption="../report/robustness.rst",
            category="Clusters",
            labels={"figure": "robustness map"},
        ),
        csv=figure_file(results("figures/robustness.csv")),
    log:
        logs("robustness.log"),
    benchmark:
        logs("benchmarks/robustness.tsv")
    conda:
        "../envs/wordprint.yaml"
    params:
        documents=DOCUMENTS,
        label_column=LABEL_COLUMN,
        linkage=config["linkage"],
        k=CLUSTERS,
        grid=shown_safely(ROBUSTNESS_GRID),
        reference=ROBUSTNESS_REFERENCE,
        threshold=config["robustness"]["threshold"],
        min_jaccard=config["robustness"]["min_jaccard"],
    script:
        "../scripts/robustness.py"
