# Hierarchical clustering, flat cuts and MDS maps of each distance matrix, and how well the flat
# clusters agree with the catalog's labels.


rule cluster:
    input:
        expand("results/tables/distances/{measure}_mfw{{mfw}}.csv", measure=MEASURES),
    output:
        clusters=expand("results/tables/clusters/{measure}_mfw{{mfw}}.csv", measure=MEASURES),
        linkage=expand("results/tables/linkage/{measure}_mfw{{mfw}}.csv", measure=MEASURES),
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
# method, scored against the labels in one job from the profiles in memory.
rule cluster_scores:
    input:
        shard_profiles(),
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


rule neighbours:
    input:
        expand("results/tables/distances/{measure}_mfw{mfw}.csv", measure=MEASURES, mfw=MFW),
    output:
        report(
            "results/tables/neighbours.csv",
            caption="../report/neighbours.rst",
            category="Distances",
            labels={"table": "nearest neighbours"},
        ),
    log:
        "logs/neighbours.log",
    conda:
        "../envs/wordprint.yaml"
    params:
        settings=[{"measure": m, "mfw": n} for m in MEASURES for n in MFW],
    script:
        "../scripts/neighbours.py"
