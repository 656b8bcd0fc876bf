# The vocabulary figure, the HTML report and the provenance record. Every figure is a PNG at 300 dpi
# with its vector formats and its plotted data as CSV beside it.


rule plot_vocabulary:
    input:
        results("tables/vocabulary.csv"),
    output:
        **vector_figures(results("figures/vocabulary"), ""),
        png=report(
            results("figures/vocabulary.png"),
            caption="../report/vocabulary.rst",
            category="Vocabulary",
            labels={"figure": "vocabulary statistics"},
        ),
        csv=figure_file(results("figures/vocabulary.csv")),
    log:
        logs("plot_vocabulary.log"),
    conda:
        "../envs/wordprint.yaml"
    script:
        "../scripts/plot_vocabulary.py"


# The texts the report's findings place among the others: questioned ones, and the targets of
# comparisons made of a few documents (the essay of the default analysis).
HIGHLIGHT = sorted(
    {*ATTRIBUTION.questioned}
    | {
        doc
        for c in COMPARISONS.values()
        if len({d for d, _ in c.target.samples}) <= 5
        for doc, _ in c.target.samples
    }
)


rule report_html:
    input:
        cleaning=results("tables/cleaning.csv"),
        short=results("tables/short_samples.csv"),
        vocabulary=RUN.when("vocabulary", [results("tables/vocabulary.csv")]),
        vocabulary_figure=RUN.when("vocabulary", [results("figures/vocabulary.png")]),
        neighbours=RUN.when("neighbours", [results("tables/neighbours.csv")]),
        scores=RUN.when("scores", [results("tables/cluster_scores.csv")]),
        dendrogram=results(f"figures/dendrogram/{RUN.report_measure}_mfw{RUN.report_mfw}.png"),
        distances=results(f"tables/distances/{RUN.report_measure}_mfw{RUN.report_mfw}.csv"),
        score_figure=RUN.when("scores", [results("figures/scores/ari_by_mfw.png")]),
        consensus_figure=RUN.when("consensus", [results("figures/consensus/tree.png")]),
        pca_figure=RUN.when("pca", [results(f"figures/pca/mfw{RUN.report_mfw}.png")]),
        maps=RUN.when(
            "maps",
            expand(
                results("figures/{kind}/{measure}_mfw{mfw}.png"),
                kind=["mds", "heatmap"],
                measure=RUN.report_measure,
                mfw=RUN.report_mfw,
            ),
        ),
        clusters=results(f"tables/clusters/{RUN.report_measure}_mfw{RUN.report_mfw}.csv"),
        compare_figures=COMPARE_REPORT["figures"],
        compare_keyness=COMPARE_REPORT["keyness"],
        compare_kwic=COMPARE_REPORT["kwic"],
        compare_zeta=COMPARE_REPORT["zeta"],
        compare_growth=COMPARE_REPORT["growth"],
        attribution_crossval=ATTRIBUTE_REPORT["crossval"],
        attribution_accuracy=ATTRIBUTE_REPORT["accuracy"],
        attribution_summary=ATTRIBUTE_REPORT["summary"],
        attribution_figure=ATTRIBUTE_REPORT["figure"],
        attribution_impostors=ATTRIBUTE_REPORT["impostors"],
        attribution_calibration=ATTRIBUTE_REPORT["calibration"],
        attribution_rolling=ATTRIBUTE_REPORT["rolling"],
        robustness=RUN.when("robustness", [results("tables/robustness.csv")]),
        robustness_figure=RUN.when("robustness", [results("figures/robustness.png")]),
        sources=[raw_source(d) for d in DOCUMENTS],
    output:
        report(
            results("report.html"),
            caption="../report/report_html.rst",
            category="Report",
            labels={"report": "standalone HTML"},
        ),
    log:
        logs("report_html.log"),
    conda:
        "../envs/wordprint.yaml"
    params:
        documents=DOCUMENTS,
        mfw=RUN.report_mfw,
        measure=RUN.report_measure,
        comparisons=shown_safely(COMPARE_REPORT["sides"]),
        attribution=ATTRIBUTION.enabled,
        known=RUN.known,
        # A function: a list of strings is formatted with the wildcards, and a warning may
        # quote a label such as '{A}'.
        warnings=lambda wildcards: list(RUN.warnings),
        highlight=HIGHLIGHT,
        figures=report_files("figures/", ".png"),
        tables=report_files("tables/", ".csv"),
    script:
        "../scripts/report_html.py"


# Last: the record of what made every file under results/ (see wordprint.io.provenance), from
# Snakemake's records of the finished jobs.
rule provenance:
    input:
        [path for path in final_outputs() if path != PROVENANCE],
    output:
        report(
            PROVENANCE,
            caption="../report/provenance.rst",
            category="Provenance",
            labels={"record": "every output and its job"},
        ),
    log:
        logs("provenance.log"),
    conda:
        "../envs/wordprint.yaml"
    params:
        documents=DOCUMENTS,
        sources=[raw_source(d) for d in DOCUMENTS],
        folder=lambda wildcards, output: Path(output[0]).parent,
    script:
        "../scripts/provenance.py"
