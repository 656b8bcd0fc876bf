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
        words=WORD_TABLE,
        # With other views the word table's MFW are ranked on all of them: the full view's
        # answers rank its own, from the profiles.
        profiles=shard_counts() if set(config["views"]) != {"full"} else [],
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
        known=RUN.known,
        samples=RUN.samples,
        sampling=RUN.sampling,
        selection=RUN.selection,
        linkage=config["linkage"],
        k=RUN.clusters,
        grid=shown_safely(RUN.robustness_grid),
        reference=RUN.robustness_reference,
        threshold=config["robustness"]["threshold"],
        min_jaccard=config["robustness"]["min_jaccard"],
    script:
        "../scripts/robustness.py"
