import logging
from pathlib import Path

from wordprint import plot
from wordprint.attribute.rolling_tables import rolled_text, rolling_plot_rows, rolling_table
from wordprint.count.profile import document_settings
from wordprint.io.files import table_rows
from wordprint.measures.distances import MEASURES
from wordprint.io.figures import save_figure
from wordprint.io.files import read_matrix, write_csv
from wordprint.workflow.step import run


def main():
    inp, out, par = snakemake.input, snakemake.output, snakemake.params
    s, settings, doc = par.settings, par.profile_settings, par.document
    features = read_matrix(inp.features)[1]
    tokens, spans = rolled_text(
        Path(inp.text).read_bytes(), doc_id=doc.id, settings=document_settings(settings, doc),
        view=s["view"],
    )
    references = {
        d.id: rolled_text(Path(p).read_bytes(), doc_id=d.id,
                          settings=document_settings(settings, d))[0]
        for d, p in zip(par.references, inp.references)
    }
    result = rolling_table(
        tokens, features, references, {d.id: par.labels[d.id] for d in par.references},
        doc_id=doc.id, size=s["size"], step=s["step"], measure=s["measure"], to=s["to"],
        spans=spans,
    )
    logging.info("%s: %d tokens, %d windows, %d quotations; reference windows %s", doc.id,
                 len(tokens), len(result["rows"]), len(spans), result["reference_windows"])
    write_csv(out.table, *table_rows(result["rows"]))
    measure = MEASURES[s["measure"]].label
    view = "" if s["view"] == "full" else f" ({s['view']})"
    fig = plot.rolling_figure(
        [r["middle"] for r in result["rows"]],
        {a: [r[a] for r in result["rows"]] for a in result["authors"]},
        spans=spans,
        window=s["size"],
        length=len(tokens),
        palette=par.palette,
        measure_label=f"{measure} ({len(features)} MFW)",
        title=f"Rolling Delta along {doc.id}{view}",
    )
    save_figure(fig, out.png[: -len(".png")], metadata={"Title": f"rolling Delta: {doc.id}"})
    write_csv(out.csv, *table_rows(rolling_plot_rows(result)))


run(main, log_path=snakemake.log[0])
