# Per-document work, batched into shards: decode, normalise, tokenise, count, vocabulary
# statistics. Each document's profile is cached by content, so a rerun only does new texts.


rule profile_shard:
    input:
        sources=shard_sources,
    output:
        "results/profiles/shard-{shard}.json.gz",
    log:
        "logs/profile_shard/{shard}.log",
    benchmark:
        "logs/benchmarks/profile_shard/{shard}.tsv"
    conda:
        "../envs/wordprint.yaml"
    params:
        documents=lambda wildcards: SHARDS[wildcards.shard],
        settings=PROFILE_SETTINGS,
        cache=config["cache"],
    script:
        "../scripts/profile_shard.py"


rule corpus_tables:
    input:
        shard_profiles(),
    output:
        vocabulary=report(
            "results/tables/vocabulary.csv",
            caption="../report/vocabulary_table.rst",
            category="Vocabulary",
            labels={"table": "vocabulary statistics"},
        ),
        cleaning=report(
            "results/tables/cleaning.csv",
            caption="../report/cleaning.rst",
            category="Corpus",
            labels={"table": "cleaning report"},
        ),
        cleaning_json=report(
            "results/cleaning.json",
            caption="../report/cleaning.rst",
            category="Corpus",
            labels={"table": "cleaning report, every warning (JSON)"},
        ),
    log:
        "logs/corpus_tables.log",
    conda:
        "../envs/wordprint.yaml"
    params:
        documents=DOCUMENTS,
        samples=SAMPLE_SETTINGS,
    script:
        "../scripts/corpus_tables.py"
