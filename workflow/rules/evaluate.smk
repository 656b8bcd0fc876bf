# Evaluating settings: the ARI-by-MFW figure of the evaluation grid, PCA biplots of the word
# tables, and the bootstrap consensus tree with its network export.


rule score_figure:
    input:
        results("tables/cluster_scores.csv"),
    output:
        **vector_figures(results("figures/scores/ari_by_mfw"), ""),
        png=report(
            results("figures/scores/ari_by_mfw.png"),
            caption="../report/ari_by_mfw.rst",
            category="Clusters",
            labels={"figure": "ARI by MFW"},
        ),
        csv=figure_file(results("figures/scores/ari_by_mfw.csv")),
    log:
        logs("score_figure.log"),
    conda:
        "../envs/wordprint.yaml"
    params:
        label_column=RUN.label_column,
    script:
        "../scripts/plot_scores.py"


rule pca:
    input:
        results("tables/mfw/mfw{mfw}.csv"),
    output:
        **vector_figures(results("figures/pca/mfw{mfw}"), ""),
        png=report(
            results("figures/pca/mfw{mfw}.png"),
            caption="../report/pca.rst",
            category="Maps",
            subcategory="PCA",
            labels={"figure": "PCA biplot", "MFW": "{mfw}"},
        ),
        csv=figure_file(results("figures/pca/mfw{mfw}.csv")),
    log:
        logs("pca/mfw{mfw}.log"),
    conda:
        "../envs/wordprint.yaml"
    params:
        documents=DOCUMENTS,
    script:
        "../scripts/plot_pca.py"


rule consensus:
    input:
        WORD_TABLE,
    output:
        **vector_figures(results("figures/consensus/tree"), ""),
        png=report(
            results("figures/consensus/tree.png"),
            caption="../report/consensus_tree.rst",
            category="Clusters",
            labels={"figure": "bootstrap consensus tree"},
        ),
        csv=figure_file(results("figures/consensus/tree.csv")),
        newick=report(
            results("tables/consensus/tree.newick"),
            caption="../report/consensus_newick.rst",
            category="Clusters",
            labels={"table": "consensus tree (Newick)"},
        ),
        nodes=report(
            results("tables/consensus/nodes.csv"),
            caption="../report/consensus_network.rst",
            category="Clusters",
            labels={"table": "consensus network nodes"},
        ),
        edges=report(
            results("tables/consensus/edges.csv"),
            caption="../report/consensus_network.rst",
            category="Clusters",
            labels={"table": "consensus network edges"},
        ),
    log:
        logs("consensus.log"),
    benchmark:
        logs("benchmarks/consensus.tsv")
    conda:
        "../envs/wordprint.yaml"
    params:
        documents=DOCUMENTS,
        consensus=RUN.consensus,
    script:
        "../scripts/consensus.py"
