# Acquire texts that are not local: Project Gutenberg books, downloaded once into resources/
# and pinned by SHA-256 in a lock file next to the catalog.


localrules:
    fetch_gutenberg,


rule fetch_gutenberg:
    output:
        f"{DOWNLOADS}/gutenberg/pg{{book}}.txt",
    log:
        logs("fetch_gutenberg/{book}.log"),
    conda:
        "../envs/wordprint.yaml"
    params:
        mirror=config["gutenberg_mirror"],
        lock=GUTENBERG_LOCK,
        max_bytes=config["download_max_bytes"],
        deadline=config["download_deadline"],
        cache=lambda wildcards, output: Path(output[0]).parents[1],
    script:
        "../scripts/fetch_gutenberg.py"
