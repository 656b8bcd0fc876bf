from wordprint import plot
from wordprint.corpus.samples import documents_of
from wordprint.io.figures import save_figure
from wordprint.io.files import read_matrix, write_csv
from wordprint.workflow.step import run
from wordprint.clustering.pca import biplot_rows, pca

N_LOADINGS = 12


def main():
    out, mfw = snakemake.output, snakemake.wildcards.mfw
    ids, words, table = read_matrix(snakemake.input[0])
    groups = [d.group for d in documents_of(ids, snakemake.params.documents)]
    result = pca(table)
    fig = plot.pca_biplot_figure(
        result.scores,
        result.loadings,
        words,
        ids,
        groups,
        explained=result.explained,
        n_loadings=N_LOADINGS,
        title=f"PCA (correlation matrix) of the {len(words)} most frequent words",
    )
    save_figure(fig, out.png[: -len(".png")], metadata={"Title": f"PCA biplot, {mfw} MFW"})
    write_csv(out.csv, *biplot_rows(ids, groups, words, result, n_loadings=N_LOADINGS))


run(main, log_path=snakemake.log[0])
