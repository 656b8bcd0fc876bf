# Distance matrices of every measure and MFW setting, their hierarchical clustering, flat cuts
# and MDS coordinates, in one job (each is a fraction of a second: a job per setting would cost
# more in start-up than the work); the dendrograms and maps drawn from them; how well the flat
# clusters agree with the labels.


rule cluster:
    input:
        expand(results("tables/mfw/mfw{mfw}.csv"), mfw=RUN.mfw),
    output:
        distances=[matrix_table("distances", m, n) for n in RUN.mfw for m in RUN.measures],
        clusters=[matrix_table("clusters", m, n) for n in RUN.mfw for m in RUN.measures],
        linkage=[matrix_table("linkage", m, n) for n in RUN.mfw for m in RUN.measures],
    log:
        logs("cluster.log"),
    benchmark:
        logs("benchmarks/cluster.tsv")
    conda:
        "../envs/wordprint.yaml"
    params:
        documents=DOCUMENTS,
        measures=RUN.measures,
        label_column=RUN.label_column,
        linkage=config["linkage"],
        k=RUN.clusters,
    script:
        "../scripts/cluster.py"


# The dendrogram (and with 'maps' the MDS map and heatmap) of each setting the config draws, one
# job per measure: a figure job spends more time starting Python and matplotlib than drawing.
rule plot_maps:
    input:
        distances=expand(
            results("tables/distances/{{measure}}_mfw{mfw}.csv"), mfw=RUN.map_settings["mfw"]
        ),
        clusters=expand(
            results("tables/clusters/{{measure}}_mfw{mfw}.csv"), mfw=RUN.map_settings["mfw"]
        ),
        linkage=expand(
            results("tables/linkage/{{measure}}_mfw{mfw}.csv"), mfw=RUN.map_settings["mfw"]
        ),
    output:
        **map_figures(RUN.map_settings["mfw"]),
    log:
        logs("plot_maps/{measure}.log"),
    conda:
        "../envs/wordprint.yaml"
    params:
        linkage=config["linkage"],
        kinds=MAP_KINDS,
        mfw=RUN.map_settings["mfw"],
    script:
        "../scripts/plot_maps.py"


# Any other setting's figures, asked for by name (e.g. results/figures/mds/burrows_mfw100.png).
use rule plot_maps as plot_map_setting with:
    input:
        distances=results("tables/distances/{measure}_mfw{mfw}.csv"),
        clusters=results("tables/clusters/{measure}_mfw{mfw}.csv"),
        linkage=results("tables/linkage/{measure}_mfw{mfw}.csv"),
    output:
        **map_figures(["{mfw}"]),
    log:
        logs("plot_maps/{measure}_mfw{mfw}.log"),
    params:
        linkage=config["linkage"],
        kinds=MAP_KINDS,
        mfw=lambda wildcards: [wildcards.mfw],


ruleorder: plot_maps > plot_map_setting


# The evaluation grid: every feature set, normalisation, measure, MFW setting and clustering
# method, scored against the known labels in one job, each view on its own samples: words from
# the word table when it holds one view, otherwise (other views, other feature sets such as
# n-grams) from the profiles, which are read only then.
rule cluster_scores:
    input:
        words=WORD_TABLE,
        profiles=(
            shard_counts()
            if set(config["features"]) != {"words"} or set(config["views"]) != {"full"}
            else []
        ),
    output:
        report(
            results("tables/cluster_scores.csv"),
            caption="../report/cluster_scores.rst",
            category="Clusters",
            labels={"table": "cluster scores"},
        ),
    log:
        logs("cluster_scores.log"),
    benchmark:
        logs("benchmarks/cluster_scores.tsv")
    conda:
        "../envs/wordprint.yaml"
    params:
        documents=DOCUMENTS,
        samples=RUN.samples,
        sampling=RUN.sampling,
        selection=RUN.selection,
        features=config["features"],
        mfw=RUN.mfw,
        measures=RUN.measures,
        normalisations=RUN.normalisations,
        methods=RUN.methods,
        label_column=RUN.label_column,
        known=RUN.known,
        k="auto" if config["clusters"] == "auto" else RUN.clusters,
    script:
        "../scripts/cluster_scores.py"


# Each sample's nearest neighbours in every setting; in the report's setting with bootstrap
# intervals of the distances (config 'uncertainty'), from the texts re-read and resampled.
rule neighbours:
    input:
        distances=expand(
            results("tables/distances/{measure}_mfw{mfw}.csv"), measure=RUN.measures, mfw=RUN.mfw
        ),
        report=results(f"tables/distances/{RUN.report_measure}_mfw{RUN.report_mfw}.csv"),
        table=results(f"tables/mfw/mfw{RUN.report_mfw}.csv"),
        profiles=shard_counts(),
        sources=[raw_source(d) for d in DOCUMENTS],
    output:
        report(
            results("tables/neighbours.csv"),
            caption="../report/neighbours.rst",
            category="Distances",
            labels={"table": "nearest neighbours"},
        ),
    log:
        logs("neighbours.log"),
    benchmark:
        logs("benchmarks/neighbours.tsv")
    conda:
        "../envs/wordprint.yaml"
    params:
        settings=[{"measure": m, "mfw": n} for m in RUN.measures for n in RUN.mfw],
        interval={"measure": RUN.report_measure, "mfw": RUN.report_mfw},
        documents=DOCUMENTS,
        samples=RUN.samples,
        sampling=RUN.sampling,
        profile_settings=RUN.profile,
        uncertainty=config["uncertainty"],
        cache=config["cache"],
    script:
        "../scripts/neighbours.py"
