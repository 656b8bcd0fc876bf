from wordprint.io.files import read_json, write_json_array
from wordprint.io.profiles import describe_shard, read_shard
from wordprint.workflow.step import run


def main():
    descriptions = describe_shard(
        read_shard(snakemake.input.counts),
        snakemake.params.documents,
        settings=snakemake.params.settings,
        describe=snakemake.params.describe,
        models={code: read_json(path)
                for code, path in zip(snakemake.params.languages, snakemake.input.models)},
        cache_dir=snakemake.params.cache,
    )
    write_json_array(snakemake.output[0], descriptions, compact=True)
    n = len(snakemake.params.documents)
    return f"vocabulary statistics of {n} document{'s' if n != 1 else ''}"


run(main, log_path=snakemake.log[0])
