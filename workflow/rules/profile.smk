# Per-document work, batched into shards. Counting (decode, clean, tokenise, count) is what every
# analysis needs; sentences and vocabulary statistics are built only when 'analyses' lists
# vocabulary. Each document's result is cached by content, so a rerun only does new texts.


rule count_shard:
    input:
        sources=shard_sources,
    output:
        results("counts/shard-{shard}.json.gz"),
    log:
        logs("count_shard/{shard}.log"),
    benchmark:
        logs("benchmarks/count_shard/{shard}.tsv")
    conda:
        "../envs/wordprint.yaml"
    params:
        documents=lambda wildcards: RUN.shards[wildcards.shard],
        settings=RUN.profile,
        cache=config["cache"],
    script:
        "../scripts/count_shard.py"


# One Punkt model for the corpus, learnt from a stable sample of its documents.
rule sentence_model:
    input:
        sources=lambda wildcards: [raw_source(d) for d in RUN.sentence_samples[wildcards.language]],
    output:
        results("sentences/punkt-{language}.json"),
    log:
        logs("sentence_model/{language}.log"),
    conda:
        "../envs/wordprint.yaml"
    params:
        documents=lambda wildcards: RUN.sentence_samples[wildcards.language],
        settings=RUN.profile,
    script:
        "../scripts/sentence_model.py"


rule describe_shard:
    input:
        counts=results("counts/shard-{shard}.json.gz"),
        models=expand(results("sentences/punkt-{language}.json"), language=RUN.sentence_samples),
    output:
        results("vocabulary/shard-{shard}.json.gz"),
    log:
        logs("describe_shard/{shard}.log"),
    benchmark:
        logs("benchmarks/describe_shard/{shard}.tsv")
    conda:
        "../envs/wordprint.yaml"
    params:
        documents=lambda wildcards: RUN.shards[wildcards.shard],
        settings=RUN.profile,
        describe=RUN.describe,
        languages=list(RUN.sentence_samples),
        cache=config["cache"],
    script:
        "../scripts/describe_shard.py"


rule vocabulary_table:
    input:
        counts=shard_counts(),
        descriptions=shard_descriptions(),
    output:
        report(
            results("tables/vocabulary.csv"),
            caption="../report/vocabulary_table.rst",
            category="Vocabulary",
            labels={"table": "vocabulary statistics"},
        ),
    log:
        logs("vocabulary_table.log"),
    conda:
        "../envs/wordprint.yaml"
    params:
        documents=DOCUMENTS,
        samples=RUN.samples,
    script:
        "../scripts/vocabulary_table.py"
