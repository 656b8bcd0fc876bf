from wordprint import plot
from wordprint.attribute.figure import figure_data
from wordprint.io.files import table_rows
from wordprint.io.figures import save_figure
from wordprint.io.files import read_csv, write_csv
from wordprint.workflow.step import run


def records(paths):
    """The rows of the first CSV file in ``paths`` as dicts (none when the list is empty)."""
    if not paths:
        return []
    header, rows = read_csv(paths[0])
    return [dict(zip(header, row)) for row in rows]


def main():
    inp, out = snakemake.input, snakemake.output
    data = figure_data(records([inp.summary]), records(inp.impostors), records(inp.calibration))
    fig = plot.attribution_figure(
        data["samples"],
        data["shares"],
        settings=data["settings"],
        verification=data["verification"] or None,
        grey_zone=data["grey_zone"],
        palette=snakemake.params.palette,
        title="Who wrote the questioned texts?",
    )
    save_figure(fig, out.png[: -len(".png")], metadata={"Title": "questioned texts"})
    write_csv(out.csv, *table_rows(data["rows"]))


run(main, log_path=snakemake.log[0])
