# Figures (PNG at 300 dpi and SVG, each with its plotted data as CSV beside it) and the HTML report.


rule plot_maps:
    input:
        distances="results/tables/distances/{measure}_mfw{mfw}.csv",
        clusters="results/tables/clusters/{measure}_mfw{mfw}.csv",
        linkage="results/tables/linkage/{measure}_mfw{mfw}.csv",
    output:
        dendrogram=map_figure("dendrogram", "dendrogram", "Clusters"),
        dendrogram_svg=figure_file("results/figures/dendrogram/{measure}_mfw{mfw}.svg"),
        dendrogram_pdf=figure_file("results/figures/dendrogram/{measure}_mfw{mfw}.pdf"),
        dendrogram_csv=figure_file("results/figures/dendrogram/{measure}_mfw{mfw}.csv"),
        mds=map_figure("mds", "mds", "Maps"),
        mds_svg=figure_file("results/figures/mds/{measure}_mfw{mfw}.svg"),
        mds_pdf=figure_file("results/figures/mds/{measure}_mfw{mfw}.pdf"),
        mds_csv=figure_file("results/figures/mds/{measure}_mfw{mfw}.csv"),
        heatmap=map_figure("heatmap", "heatmap", "Distances"),
        heatmap_svg=figure_file("results/figures/heatmap/{measure}_mfw{mfw}.svg"),
        heatmap_pdf=figure_file("results/figures/heatmap/{measure}_mfw{mfw}.pdf"),
        heatmap_csv=figure_file("results/figures/heatmap/{measure}_mfw{mfw}.csv"),
    log:
        "logs/plot_maps/{measure}_mfw{mfw}.log",
    conda:
        "../envs/wordprint.yaml"
    params:
        linkage=config["linkage"],
    script:
        "../scripts/plot_maps.py"


rule plot_vocabulary:
    input:
        "results/tables/vocabulary.csv",
    output:
        png=report(
            "results/figures/vocabulary.png",
            caption="../report/vocabulary.rst",
            category="Vocabulary",
            labels={"figure": "vocabulary statistics"},
        ),
        svg=figure_file("results/figures/vocabulary.svg"),
        pdf=figure_file("results/figures/vocabulary.pdf"),
        csv=figure_file("results/figures/vocabulary.csv"),
    log:
        "logs/plot_vocabulary.log",
    conda:
        "../envs/wordprint.yaml"
    script:
        "../scripts/plot_vocabulary.py"


rule report_html:
    input:
        vocabulary="results/tables/vocabulary.csv",
        cleaning="results/tables/cleaning.csv",
        neighbours="results/tables/neighbours.csv",
        short="results/tables/short_samples.csv",
        vocabulary_figure="results/figures/vocabulary.png",
        scores="results/tables/cluster_scores.csv",
        dendrogram=f"results/figures/dendrogram/{REPORT_MEASURE}_mfw{REPORT_MFW}.png",
        mds=f"results/figures/mds/{REPORT_MEASURE}_mfw{REPORT_MFW}.png",
        heatmap=f"results/figures/heatmap/{REPORT_MEASURE}_mfw{REPORT_MFW}.png",
        clusters=f"results/tables/clusters/{REPORT_MEASURE}_mfw{REPORT_MFW}.csv",
        compare_figures=COMPARE_REPORT["figures"],
        compare_keyness=COMPARE_REPORT["keyness"],
        compare_kwic=COMPARE_REPORT["kwic"],
        compare_growth=COMPARE_REPORT["growth"],
        attribution_crossval=ATTRIBUTE_REPORT["crossval"],
        attribution_accuracy=ATTRIBUTE_REPORT["accuracy"],
        attribution_summary=ATTRIBUTE_REPORT["summary"],
        attribution_figure=ATTRIBUTE_REPORT["figure"],
        attribution_impostors=ATTRIBUTE_REPORT["impostors"],
        attribution_calibration=ATTRIBUTE_REPORT["calibration"],
        attribution_rolling=ATTRIBUTE_REPORT["rolling"],
        robustness="results/tables/robustness.csv",
        robustness_figure="results/figures/robustness.png",
        sources=[raw_source(d) for d in DOCUMENTS],
    output:
        report(
            "results/report.html",
            caption="../report/report_html.rst",
            category="Report",
            labels={"report": "standalone HTML"},
        ),
    log:
        "logs/report_html.log",
    conda:
        "../envs/wordprint.yaml"
    params:
        documents=DOCUMENTS,
        mfw=REPORT_MFW,
        measure=REPORT_MEASURE,
        comparisons=shown_safely(COMPARE_REPORT["sides"]),
        attribution=ATTRIBUTION.enabled,
    script:
        "../scripts/report_html.py"


# Last: the record of what made every file under results/ (see wordprint.io.provenance).
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
        "logs/provenance.log",
    run:
        write_provenance(output[0])
