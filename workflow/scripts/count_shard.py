from wordprint.io.files import write_json_array
from wordprint.io.profiles import profile_shard
from wordprint.workflow.step import run


def main():
    # Each profile is written as it is made: the job holds one document, not the whole shard.
    profiles = profile_shard(
        snakemake.params.documents,
        snakemake.input.sources,
        settings=snakemake.params.settings,
        cache_dir=snakemake.params.cache,
        max_bytes=snakemake.config["max_document_bytes"],
    )
    write_json_array(snakemake.output[0], profiles, compact=True)
    n = len(snakemake.params.documents)
    return f"counted {n} document{'s' if n != 1 else ''}"


run(main, log_path=snakemake.log[0])
