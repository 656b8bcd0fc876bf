import logging

from wordprint.io.download import fetch_gutenberg, locked_lock
from wordprint.workflow.step import run


def main():
    book, par = int(snakemake.wildcards.book), snakemake.params
    with locked_lock(par.lock) as lock:
        result = fetch_gutenberg(
            book, base=par.mirror, cache_dir=par.cache, lock=lock, max_bytes=par.max_bytes,
            deadline=par.deadline,
        )
        lock.update(result.lock)
    logging.info("book %d: %s, %d bytes, sha256 %s", book, result.url, result.size, result.sha256)


run(main, log_path=snakemake.log[0])
