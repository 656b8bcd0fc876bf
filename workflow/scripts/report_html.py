from pathlib import Path

from wordprint.compare import CORRECTION_LABELS, STATISTIC_LABELS, report_key_terms
from wordprint.distances import MEASURES
from wordprint.io.files import read_csv, write_text
from wordprint.io.step import run
from wordprint.report import Figure, Section, Table, render_report


def columns(table, *, drop):
    """The table without the columns in ``drop``."""
    keep = [i for i, name in enumerate(table.header) if name not in drop]
    return Table(
        table.caption,
        [table.header[i] for i in keep],
        [[row[i] for i in keep] for row in table.rows],
    )


def records(path):
    """The rows of a CSV file as dicts."""
    header, rows = read_csv(path)
    return [dict(zip(header, row)) for row in rows]


def comparison_section(inp, comparisons, settings):
    """Each comparison's keyness figure and its top terms each way, with lines in context."""
    n_terms = min(settings["top"], 10)
    items = []
    inputs = zip(comparisons, inp.compare_figures, inp.compare_keyness, inp.compare_kwic)
    for (name, target, reference), figure, keyness, kwic in inputs:
        terms, lines = records(keyness), records(kwic)
        items.append(
            Figure(
                f"Key terms of {target} against {reference} (comparison {name}); bars: Log "
                "Ratio, filled if significant.",
                Path(figure).read_bytes(),
            )
        )
        for side in (target, reference):
            header, rows = report_key_terms(terms, lines, key_in=side, n_terms=n_terms, n_lines=2)
            items.append(Table(f"Terms most key in {side} ({name}), in context", header, rows))
    for figure in inp.compare_growth:
        items.append(
            Figure(
                "Vocabulary growth: distinct words against words read, for every text compared.",
                Path(figure).read_bytes(),
            )
        )
    text = (
        f"Each comparison sets a target against a reference. Terms are ranked by "
        f"{STATISTIC_LABELS[settings['sort_by']]} (Rayson & Garside 2000); a term is "
        f"significant when its {CORRECTION_LABELS[settings['correction']]}-adjusted p-value, over every term used "
        f"at least {settings['min_freq']} times on both sides, is below {settings['alpha']}. "
        "Log Ratio (Hardie 2014) is the effect size: 1 means twice as frequent, 2 four times. "
        "All terms with every statistic and Gries's DP, Craig's Zeta, collocations, more lines "
        "in context and the shared vocabulary are in results/tables/{keyness,zeta,"
        "collocations,kwic,overlap}/ and results/figures/zeta/."
    )
    return Section("Comparison", text, items)


def main():
    inp, par = snakemake.input, snakemake.params
    config, measure, mfw = par.config, MEASURES[par.measure].label, par.mfw
    linkage = config["linkage"]
    png = lambda path: Path(path).read_bytes()  # noqa: E731
    documents = Table(
        "Documents analysed, as listed in the catalog",
        ["id", "author", "title", "year", "group", "source"],
        [[d.id, d.author, d.title, d.year, d.group, d.source] for d in par.documents],
    )
    short_header, short = read_csv(inp.short)
    cleaning_header, cleaning = read_csv(inp.cleaning)
    header, neighbours = read_csv(inp.neighbours)
    # The views of documents split into own words and quotations, and their nearest neighbours.
    focus = {r[2] for r in neighbours if " (" in r[2]}
    focus |= {f.split(" (")[0] for f in focus}
    shown = [
        r[2:] for r in neighbours if r[0] == par.measure and r[1] == str(mfw) and r[2] in focus
    ]
    sections = [
        Section(
            "Corpus",
            f"{len(par.documents)} documents from {config['catalog']}.",
            [
                documents,
                Table(
                    "What cleaning removed from each document; the warnings themselves are in "
                    "results/tables/cleaning.csv and results/cleaning.json",
                    cleaning_header,
                    [row[:-1] + [len(row[-1].split(" | ")) if row[-1] else 0] for row in cleaning],
                ),
            ],
        ),
        Section(
            "Vocabulary",
            "Lexical diversity per document: MATTR (Covington & McFall 2010), MTLD "
            "(McCarthy & Jarvis 2010), Yule's K (Yule 1944) and mean sentence length "
            "(Punkt sentences, Kiss & Strunk 2006).",
            [
                Figure(
                    "Vocabulary statistics per document, coloured by group.",
                    png(inp.vocabulary_figure),
                ),
                columns(
                    Table(
                        "Vocabulary statistics (results/tables/vocabulary.csv)",
                        *read_csv(inp.vocabulary),
                    ),
                    drop={"document", "author", "title"},
                ),
            ],
        ),
        Section(
            "Distances and clusters",
            f"{measure} on the relative frequencies of the {mfw} most frequent words, "
            f"hierarchical clustering with {linkage} linkage, classical MDS. Figures for "
            "every other measure and MFW setting are in results/figures/."
            + (
                f" {len(short)} samples are shorter than {config['sampling']['warn_below']} "
                "words, where Delta is unreliable (Eder 2015): "
                + ", ".join(f"{i} ({n})" for i, n in short)
                + "."
                if short
                else ""
            ),
            [
                Figure(
                    f"Dendrogram: {measure}, {mfw} MFW, {linkage} linkage; leaves coloured "
                    "by catalog group.",
                    png(inp.dendrogram),
                ),
                Figure(f"Classical MDS map of the {measure} distances ({mfw} MFW).", png(inp.mds)),
                Figure(
                    f"{measure} distances ({mfw} MFW), rows and columns in dendrogram order.",
                    png(inp.heatmap),
                ),
                Table(
                    f"Flat clusters and MDS coordinates ({measure}, {mfw} MFW)",
                    *read_csv(inp.clusters),
                ),
                Table(
                    f"Agreement of the flat clusters with the catalog column "
                    f"'{config['label_column']}' for every measure and MFW "
                    "(ARI: Hubert & Arabie 1985; V-measure: Rosenberg & Hirschberg 2007)",
                    *read_csv(inp.scores),
                ),
            ],
        ),
    ]
    if shown:
        sections.append(
            Section(
                "Own words and quotations",
                "Documents split into the author's own words and the passages they quote: the five "
                f"nearest samples of other documents to each view ({measure}, {mfw} MFW). Every "
                "setting is in results/tables/neighbours.csv.",
                [Table("Nearest neighbours of each view", header[2:], shown)],
            )
        )
    if par.comparisons:
        sections.append(comparison_section(inp, par.comparisons, config["keyness"]))
    html = render_report(title=config["report"]["title"], sections=sections, config=config)
    write_text(snakemake.output[0], html)


run(main, log_path=snakemake.log[0])
