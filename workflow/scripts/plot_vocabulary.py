from wordprint import plot
from wordprint.io.figures import save_figure
from wordprint.io.files import read_csv, write_csv
from wordprint.workflow.step import run
from wordprint.uncertainty import interval_columns, interval_note

# Column of results/tables/vocabulary.csv -> panel title.
SHOWN = {
    "mattr": "MATTR",
    "mtld": "MTLD",
    "yules_k": "Yule's K",
    "mean_sentence_length": "Mean sentence length (words)",
}


def number(cell):
    return float(cell) if cell not in ("", "NaN") else None


def main():
    header, rows = read_csv(snakemake.input[0])
    column = {name: [row[i] for row in rows] for i, name in enumerate(header)}
    data = {name: [float(v) for v in column[name]] for name in SHOWN}
    # Each statistic's bootstrap interval (wordprint.uncertainty), where the table has one.
    for name in SHOWN:
        for c in interval_columns(name):
            if c in column:
                data[c] = [number(v) for v in column[c]]
    shown = [c for name in SHOWN for c in (name, *interval_columns(name)) if c in data]
    intervals = {
        SHOWN[name]: tuple(data[c] for c in interval_columns(name))
        for name in SHOWN
        if all(c in data for c in interval_columns(name))
    }
    lows = [v for low, _ in intervals.values() for v in low]
    fig = plot.vocabulary_figure(
        column["id"],
        column["group"],
        {title: data[name] for name, title in SHOWN.items()},
        title="Vocabulary statistics per document",
        intervals=intervals,
        note=interval_note(snakemake.config["uncertainty"], lows).capitalize(),
    )
    save_figure(
        fig, snakemake.output.png[: -len(".png")], metadata={"Title": "vocabulary statistics"}
    )
    write_csv(
        snakemake.output.csv,
        ["id", "group", *shown],
        [
            [i, g, *(data[c][k] for c in shown)]
            for k, (i, g) in enumerate(zip(column["id"], column["group"]))
        ],
    )


run(main, log_path=snakemake.log[0])
