from wordprint import plot
from wordprint.compare.reading import growth_rows
from wordprint.io.files import table_rows
from wordprint.corpus.samples import document_id
from wordprint.io.figures import save_figure
from wordprint.io.files import write_csv
from wordprint.workflow.step import run
from wordprint.io.tokens import StreamedTokens


def main():
    par, out = snakemake.params, snakemake.output
    tokens = dict(  # from the count step's token cache
        StreamedTokens(
            {d.id: path for d, path in zip(par.documents, snakemake.input.sources)},
            par.samples,
            settings=par.profile_settings,
            documents={d.id: d for d in par.documents},
            cache_dir=par.cache,
        )
    )
    group = {d.id: d.group for d in par.documents}
    rows = growth_rows(tokens, groups=group)
    ids = list(tokens)
    curves = [
        ([r["tokens"] for r in rows if r["id"] == i], [r["types"] for r in rows if r["id"] == i])
        for i in ids
    ]
    fig = plot.growth_figure(
        curves,
        ids,
        [group[document_id(i)] for i in ids],
        dashed=[i != document_id(i) for i in ids],
        palette=par.groups,
        title="Vocabulary growth: distinct words against words read",
    )
    save_figure(fig, out.png[: -len(".png")], metadata={"Title": "vocabulary growth"})
    write_csv(out.csv, *table_rows(rows))


run(main, log_path=snakemake.log[0])
