from wordprint import plot
from wordprint.io.figures import save_figure
from wordprint.io.files import read_csv, write_csv
from wordprint.io.step import run

# Column of results/tables/vocabulary.csv -> panel title.
SHOWN = {
    "mattr": "MATTR",
    "mtld": "MTLD",
    "yules_k": "Yule's K",
    "mean_sentence_length": "Mean sentence length (words)",
}


def main():
    header, rows = read_csv(snakemake.input[0])
    column = {name: [row[i] for row in rows] for i, name in enumerate(header)}
    stats = {title: [float(v) for v in column[name]] for name, title in SHOWN.items()}
    fig = plot.vocabulary_figure(
        column["id"], column["group"], stats, title="Vocabulary statistics per document"
    )
    save_figure(
        fig, snakemake.output.png[: -len(".png")], metadata={"Title": "vocabulary statistics"}
    )
    write_csv(
        snakemake.output.csv,
        ["id", "group", *SHOWN],
        [[i, g, *vals] for i, g, *vals in zip(column["id"], column["group"], *stats.values())],
    )


run(main, log_path=snakemake.log[0])
