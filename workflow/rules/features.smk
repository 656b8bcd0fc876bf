# Corpus-wide tables from the counts, in one job that reads them once: relative frequencies of
# the most frequent words (MFW), the samples too short for Delta, and the cleaning report.


rule corpus_tables:
    input:
        shard_counts(),
    output:
        tables=[
            report(
                results(f"tables/mfw/mfw{n}.csv"),
                caption="../report/mfw_table.rst",
                category="Features",
                labels={"table": "relative frequencies of the MFW", "MFW": str(n)},
            )
            for n in RUN.table_mfw
        ],
        short=report(
            results("tables/short_samples.csv"),
            caption="../report/short_samples.rst",
            category="Features",
            labels={"table": "samples below the reliable size"},
        ),
        cleaning=report(
            results("tables/cleaning.csv"),
            caption="../report/cleaning.rst",
            category="Corpus",
            labels={"table": "cleaning report"},
        ),
        cleaning_json=report(
            results("cleaning.json"),
            caption="../report/cleaning.rst",
            category="Corpus",
            labels={"table": "cleaning report, every warning (JSON)"},
        ),
    log:
        logs("corpus_tables.log"),
    conda:
        "../envs/wordprint.yaml"
    params:
        documents=DOCUMENTS,
        samples=RUN.samples,
        mfw=RUN.table_mfw,
        selection=RUN.selection,
        sampling=RUN.sampling,
        warn_below=config["sampling"]["warn_below"],
    script:
        "../scripts/corpus_tables.py"
