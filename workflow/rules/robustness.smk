# The robustness map: in what share of the settings (MFW x measure x normalisation x view) each
# document's nearest author and cluster-mates are those of the report's setting (docs/guide/evaluation.md,
# "Robustness").
ROBUSTNESS_OUTPUTS = RUN.when(
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
        label_column=RUN.label_column,
        linkage=config["linkage"],
        k=RUN.clusters,
        grid=shown_safely(RUN.robustness_grid),
        reference=RUN.robustness_reference,
        threshold=config["robustness"]["threshold"],
        min_jaccard=config["robustness"]["min_jaccard"],
    script:
        "../scripts/robustness.py"
