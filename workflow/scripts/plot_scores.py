from wordprint import plot
from wordprint.measures.distances import MEASURES
from wordprint.evaluate.grid import score_lines
from wordprint.io.figures import save_figure
from wordprint.io.files import read_csv, write_csv
from wordprint.workflow.step import run


def main():
    header, rows = read_csv(snakemake.input[0])
    labels = {name: m.label for name, m in MEASURES.items()}
    lines = score_lines(header, rows, score="ari", measure_labels=labels)
    method = rows[0][header.index("method")] if rows else ""
    fig = plot.score_by_mfw_figure(
        lines,
        score="ari",
        title=f"Agreement of the {method} clusters with the catalog's "
        f"'{snakemake.params.label_column}' (adjusted Rand index)",
    )
    save_figure(
        fig,
        snakemake.output.png[: -len(".png")],
        metadata={"Title": f"Adjusted Rand index against MFW ({method})"},
    )
    write_csv(snakemake.output.csv, list(lines), list(zip(*lines.values())))


run(main, log_path=snakemake.log[0])
