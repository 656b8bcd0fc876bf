# Distance matrices between documents, one per measure, for each MFW setting.


rule distances:
    input:
        "results/tables/mfw/mfw{mfw}.csv",
    output:
        expand("results/tables/distances/{measure}_mfw{{mfw}}.csv", measure=MEASURES),
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
