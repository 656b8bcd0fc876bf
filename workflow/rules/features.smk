# Corpus-wide feature tables: relative frequencies of the most frequent words (MFW).


rule mfw_tables:
    input:
        shard_profiles(),
    output:
        expand("results/tables/mfw/mfw{mfw}.csv", mfw=MFW),
    log:
        "logs/mfw_tables.log",
    conda:
        "../envs/wordprint.yaml"
    params:
        documents=DOCUMENTS,
        samples=SAMPLE_SETTINGS,
        mfw=MFW,
    script:
        "../scripts/mfw_tables.py"
