# Corpus-wide feature tables: relative frequencies of the most frequent words (MFW).


rule mfw_tables:
    input:
        shard_counts(),
    output:
        tables=[
            report(
                f"results/tables/mfw/mfw{n}.csv",
                caption="../report/mfw_table.rst",
                category="Features",
                labels={"table": "relative frequencies of the MFW", "MFW": str(n)},
            )
            for n in TABLE_MFW
        ],
        short=report(
            "results/tables/short_samples.csv",
            caption="../report/short_samples.rst",
            category="Features",
            labels={"table": "samples below the reliable size"},
        ),
    log:
        "logs/mfw_tables.log",
    conda:
        "../envs/wordprint.yaml"
    params:
        documents=DOCUMENTS,
        samples=SAMPLE_SETTINGS,
        mfw=TABLE_MFW,
        selection=SELECTION,
        sampling=SAMPLING,
        warn_below=config["sampling"]["warn_below"],
    script:
        "../scripts/mfw_tables.py"
