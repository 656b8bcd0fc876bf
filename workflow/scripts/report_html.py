from pathlib import Path

from wordprint.distances import MEASURES
from wordprint.io.files import read_csv, write_text
from wordprint.io.step import run
from wordprint.report import Figure, Section, Table, render_report


def main():
    inp, par = snakemake.input, snakemake.params
    measure, mfw = MEASURES[par.measure].label, par.mfw
    linkage = par.config["linkage"]
    png = lambda path: Path(path).read_bytes()  # noqa: E731
    documents = Table(
        "Documents analysed, as listed in the catalog",
        ["id", "author", "title", "year", "group", "source"],
        [[d.id, d.author, d.title, d.year, d.group, d.source] for d in par.documents],
    )
    sections = [
        Section(
            "Corpus", f"{len(par.documents)} documents from {par.config['catalog']}.", [documents]
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
                Table(
                    "Vocabulary statistics (results/tables/vocabulary.csv)",
                    *read_csv(inp.vocabulary),
                ),
            ],
        ),
        Section(
            "Distances and clusters",
            f"{measure} on the relative frequencies of the {mfw} most frequent words, "
            f"hierarchical clustering with {linkage} linkage, classical MDS. Figures for "
            "every other measure and MFW setting are in results/figures/.",
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
                    f"'{par.config['label_column']}' for every measure and MFW "
                    "(ARI: Hubert & Arabie 1985; V-measure: Rosenberg & Hirschberg 2007)",
                    *read_csv(inp.scores),
                ),
            ],
        ),
    ]
    html = render_report(title=par.config["report"]["title"], sections=sections, config=par.config)
    write_text(snakemake.output[0], html)


run(main, log_path=snakemake.log[0])
