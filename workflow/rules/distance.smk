# Distance matrices between documents, one per measure, for each MFW setting.


rule distances:
    input:
        "results/tables/mfw/mfw{mfw}.csv",
    output:
        [matrix_table("distances", m) for m in MEASURES],
    log:
        "logs/distances/mfw{mfw}.log",
    benchmark:
        "logs/benchmarks/distances/mfw{mfw}.tsv"
    conda:
        "../envs/wordprint.yaml"
    params:
        measures=MEASURES,
    script:
        "../scripts/distances.py"
