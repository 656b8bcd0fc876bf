"""Tokenising and counting British fiction: wordprint against ``wc -w`` on the same 26 files.

Measured in one process, each the median of ``--repeats`` runs over all 26 novels:

- baseline: ``wc -w`` on the 26 files (one process);
- reference: read + ``re.findall(r"\\w+", text.lower())`` + ``collections.Counter``;
- wordprint's tokenise + count: read + ``wordprint.text.tokenize.words`` + ``Counter``;
- the same tokens numbered and counted in polars: read + ``wordprint.count.tokens.token_ids`` (types
  and ids, exactly ``TokenIds.of(words(...))``) + ``TokenIds.counts``;
- wordprint's counting step, ``wordprint.count.profile.profile_document`` (decode, Gutenberg
  stripping, normalising, tokens, counts; quotation splitting when the views include ``own``),
  from the raw bytes, with views ``full`` only (a Delta-only run) and with the repository
  config's views;
- the corpus's Punkt model (``wordprint.text.sentences``), trained once on its sample;
- the describing step, ``wordprint.count.profile.describe_document`` (Punkt sentences, vocabulary
  statistics and their bootstrap intervals, the repository config's settings), on the tokens
  and texts the counting step keeps;
- the whole per-document step with the default statistics: counting (config views) + the model
  + describing, as the workflow runs them.

    python benchmarks/bench_counting.py [--repeats 3] [--profile-repeats 1]

Prints seconds and the ratio to ``wc -w``; updates the ``bench_counting`` section of RESULTS.md.
"""

from __future__ import annotations

import argparse
import re
import subprocess
from collections import Counter

import common
import yaml

from wordprint.text import sentences
from wordprint.count.tokens import token_ids
from wordprint.count.profile import clean_document, describe_document, profile_document
from wordprint.workflow.settings import describe_settings, profile_settings
from wordprint.text.tokenize import words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--profile-repeats", type=int, default=1)
    parser.add_argument("--no-results", action="store_true")
    args = parser.parse_args()
    info = common.machine_info()
    common.print_machine(info)

    files = common.fiction_files()
    config = yaml.safe_load((common.REPO / "config/config.yaml").read_text())
    settings = profile_settings(config)
    described = describe_settings(config)
    pattern = re.compile(r"\w+")

    def wc():
        out = subprocess.run(["wc", "-w", *map(str, files)], capture_output=True, text=True,
                             check=True).stdout
        return int(out.strip().splitlines()[-1].split()[0])

    def regex_counter():
        return sum(sum(Counter(pattern.findall(f.read_text("utf-8-sig").lower())).values())
                   for f in files)

    def wordprint_counter():
        return sum(sum(Counter(words(f.read_text("utf-8-sig"), pattern=settings["pattern"],
                                     lowercase=settings["lowercase"])).values())
                   for f in files)

    def wordprint_token_ids():
        return sum(int(token_ids(f.read_text("utf-8-sig"), pattern=settings["pattern"],
                                 lowercase=settings["lowercase"]).counts().sum())
                   for f in files)

    def count(views=None):
        chosen = settings if views is None else {**settings, "views": views}
        kept = []
        for f in files:
            tokens = {}
            profile_document(f.read_bytes(), doc_id=f.stem, settings=chosen, tokens_out=tokens)
            kept.append(tokens)
        return kept

    def train():
        sample = sentences.sample_documents([f.stem for f in files])
        texts = (clean_document(f.read_bytes(), doc_id=f.stem, quotations=False)[0]["full"]
                 for f in files if f.stem in sample)
        return sentences.train_model(sentences.training_text(texts))

    kept, model = count(), train()

    def describe(kept, model):
        split = sentences.splitter(model)
        for f, views in zip(files, kept):
            describe_document(views, doc_id=f.stem, splitter=split, pattern=settings["pattern"],
                              settings=described)

    def full_tokens(views):
        return sum(len(v["full"][0]) for v in views)

    def whole_step():
        kept = count()
        describe(kept, train())
        return full_tokens(kept)

    token_ids("warm up " * 2000)  # polars' import (once per process, 0.2 s) is not counting
    rows = []
    config_views = ", ".join(settings["views"])
    methods = [
        ("`wc -w` (baseline)", wc, max(args.repeats, 5)),
        ('`re.findall(r"\\w+")` + `Counter` (reference)', regex_counter, args.repeats),
        ("wordprint `tokenize.words` + `Counter`", wordprint_counter, args.repeats),
        ("wordprint `count.token_ids` + `TokenIds.counts`", wordprint_token_ids, args.repeats),
        ("counting step `profile_document` (views full: a Delta-only run)",
         lambda: full_tokens(count(["full"])), args.profile_repeats),
        (f"counting step `profile_document` (views {config_views})",
         lambda: full_tokens(count()), args.profile_repeats),
        ("Punkt model of the corpus (`sentences.train_model`, once per corpus)",
         lambda: (train(), sum(len(v["full"][0]) for v in kept))[1], args.profile_repeats),
        (f"describing step `describe_document` (views {config_views}: sentences, statistics, "
         f"{described.get('uncertainty', {}).get('replicates', 0)} bootstrap replicates)",
         lambda: (describe(kept, model), full_tokens(kept))[1], args.profile_repeats),
        (f"**whole per-document step with the default statistics** (counting + model + "
         "describing)", whole_step, args.profile_repeats),
    ]
    for label, function, repeats in methods:
        seconds, tokens = common.timed(function, repeats=repeats)
        rows.append((label, seconds, tokens))
        print(f"{label}: {seconds:.2f} s, {tokens:,} tokens", flush=True)
    base = rows[0][1]
    lines = [
        "## Counting: tokenise + count vs `wc -w`",
        "",
        common.machine_lines(info),
        "",
        f"`python benchmarks/bench_counting.py`: the 26 British fiction novels "
        f"({sum(f.stat().st_size for f in files) / 2**20:.1f} MiB), one process, median of "
        f"{args.repeats} runs ({args.profile_repeats} for wordprint's steps). Tokens: the "
        "method's own count (for wordprint's steps, the full views').",
        "",
        "| method | seconds | ratio to `wc -w` | tokens | words per second |",
        "|---|---|---|---|---|",
    ]
    for label, seconds, tokens in rows:
        ratio = seconds / base
        print(f"{label}: ratio {ratio:.1f}x")
        lines.append(f"| {label} | {seconds:.2f} | **{ratio:.1f}x** | {tokens:,} | "
                     f"{tokens / seconds / 1e6:.2f} M |")
    if not args.no_results:
        common.update_results("bench_counting", "\n".join(lines))


if __name__ == "__main__":
    main()
