# Distance matrices of every measure and MFW setting, their hierarchical clustering, flat cuts
# and MDS coordinates, in one job (each is a fraction of a second: a job per setting would cost
# more in start-up than the work), and how well the flat clusters agree with the labels.


rule cluster:
    input:
        expand(results("tables/mfw/mfw{mfw}.csv"), mfw=MFW),
    output:
        distances=[matrix_table("distances", m, n) for n in MFW for m in MEASURES],
        clusters=[matrix_table("clusters", m, n) for n in MFW for m in MEASURES],
        linkage=[matrix_table("linkage", m, n) for n in MFW for m in MEASURES],
    log:
        logs("cluster.log"),
    benchmark:
        logs("benchmarks/cluster.tsv")
    conda:
        "../envs/wordprint.yaml"
    params:
        documents=DOCUMENTS,
        measures=MEASURES,
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
            results("tables/distances/{measure}_mfw{mfw}.csv"), measure=MEASURES, mfw=MFW
        ),
        report=results(f"tables/distances/{REPORT_MEASURE}_mfw{REPORT_MFW}.csv"),
        table=results(f"tables/mfw/mfw{REPORT_MFW}.csv"),
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
