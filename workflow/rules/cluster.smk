# Hierarchical clustering, flat cuts and MDS maps of each distance matrix, and how well the flat
# clusters agree with the catalog's labels.


rule cluster:
    input:
        expand("results/tables/distances/{measure}_mfw{{mfw}}.csv", measure=MEASURES),
    output:
        clusters=[matrix_table("clusters", m) for m in MEASURES],
        linkage=[matrix_table("linkage", m) for m in MEASURES],
    log:
        "logs/cluster/mfw{mfw}.log",
    conda:
        "../envs/wordprint.yaml"
    params:
        documents=DOCUMENTS,
        label_column=LABEL_COLUMN,
        linkage=config["linkage"],
        k=CLUSTERS,
    script:
        "../scripts/cluster.py"


# The evaluation grid: every feature set, normalisation, measure, MFW setting and clustering
# method, scored against the labels in one job: words from the word table, other feature sets
# (n-grams) from the profiles, which are read only when the config lists one.
rule cluster_scores:
    input:
        words=WORD_TABLE,
        profiles=shard_counts() if set(FEATURES) != {"words"} else [],
    output:
        report(
            "results/tables/cluster_scores.csv",
            caption="../report/cluster_scores.rst",
            category="Clusters",
            labels={"table": "cluster scores"},
        ),
    log:
        "logs/cluster_scores.log",
    benchmark:
        "logs/benchmarks/cluster_scores.tsv"
    conda:
        "../envs/wordprint.yaml"
    params:
        documents=DOCUMENTS,
        samples=SAMPLE_SETTINGS,
        sampling=SAMPLING,
        selection=SELECTION,
        features=FEATURES,
        mfw=MFW,
        measures=MEASURES,
        normalisations=NORMALISATIONS,
        methods=METHODS,
        label_column=LABEL_COLUMN,
        k=CLUSTERS,
    script:
        "../scripts/cluster_scores.py"


# Each sample's nearest neighbours in every setting; in the report's setting with bootstrap
# intervals of the distances (config 'uncertainty'), from the texts re-read and resampled.
rule neighbours:
    input:
        distances=expand(
            "results/tables/distances/{measure}_mfw{mfw}.csv", measure=MEASURES, mfw=MFW
        ),
        report=f"results/tables/distances/{REPORT_MEASURE}_mfw{REPORT_MFW}.csv",
        table=f"results/tables/mfw/mfw{REPORT_MFW}.csv",
        profiles=shard_counts(),
        sources=[raw_source(d) for d in DOCUMENTS],
    output:
        report(
            "results/tables/neighbours.csv",
            caption="../report/neighbours.rst",
            category="Distances",
            labels={"table": "nearest neighbours"},
        ),
    log:
        "logs/neighbours.log",
    benchmark:
        "logs/benchmarks/neighbours.tsv"
    conda:
        "../envs/wordprint.yaml"
    params:
        settings=[{"measure": m, "mfw": n} for m in MEASURES for n in MFW],
        interval={"measure": REPORT_MEASURE, "mfw": REPORT_MFW},
        documents=DOCUMENTS,
        samples=SAMPLE_SETTINGS,
        sampling=SAMPLING,
        profile_settings=PROFILE_SETTINGS,
        uncertainty=config["uncertainty"],
        cache=config["cache"],
    script:
        "../scripts/neighbours.py"
