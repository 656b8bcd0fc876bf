from wordprint import plot
from wordprint.attribute.classify import CLASSIFIER_LABELS
from wordprint.attribute.plan import split_samples
from wordprint.attribute.questioned import (
    QUESTIONED_COLUMNS,
    SUMMARY_COLUMNS,
    attribution_rows,
    attribution_summary,
)
from wordprint.attribute.validation import cross_validation
from wordprint.io.files import table_rows
from wordprint.measures.distances import MEASURES
from wordprint.io.figures import save_figure
from wordprint.io.files import read_matrix, write_csv
from wordprint.workflow.attribute import classifier_options
from wordprint.workflow.step import run


def main():
    par, out, s = snakemake.params, snakemake.output, snakemake.params.settings
    matrices = [read_matrix(path) for path in snakemake.input]
    ids = matrices[0][0]  # every MFW table has the same rows
    tables = {n: matrix for n, (_, _, matrix) in zip(par.mfw, matrices)}
    sets = split_samples(ids, par.plan)
    known = {n: table[sets["known"]] for n, table in tables.items()}
    options = classifier_options(s)
    cv = cross_validation(
        known,
        sets["labels"],
        ids=[ids[i] for i in sets["known"]],
        documents=sets["documents"],
        classifiers=s["classifiers"],
        cv=s["cv"],
        n_folds=s["folds"],
        seed=s["seed"],
        min_documents=s["min_documents"],
        options=options,
    )
    for path, rows in (
        (out.crossval, cv["crossval"]),
        (out.predictions, cv["predictions"]),
        (out.confusion, cv["confusion"]),
    ):
        write_csv(path, *table_rows(rows))
    rows = []
    if sets["questioned"]:
        rows = attribution_rows(
            known,
            sets["labels"],
            {n: table[sets["questioned"]] for n, table in tables.items()},
            ids=[ids[i] for i in sets["questioned"]],
            classifiers=s["classifiers"],
            options=options,
        )
    write_csv(out.questioned, *(table_rows(rows) if rows else (QUESTIONED_COLUMNS, [])))
    summary = attribution_summary(rows)
    write_csv(out.summary, *(table_rows(summary) if summary else (SUMMARY_COLUMNS, [])))

    scores = {k: [r[k] for r in cv["crossval"]] for k in ("mfw", "accuracy", "macro_f1")}
    scores["measure"] = [r["classifier"] for r in cv["crossval"]]
    cv_name = "leave-one-out" if s["cv"] == "loo" else f"{s['folds']}-fold"
    distance = MEASURES[options.measure].label
    fig = plot.score_by_mfw_figure(
        scores,
        score="accuracy",
        measure_labels=CLASSIFIER_LABELS,
        title=f"Known texts, {cv_name} cross-validation (Delta classifiers: {distance})",
    )
    save_figure(fig, out.accuracy_png[: -len(".png")], metadata={"Title": "attribution accuracy"})
    write_csv(
        out.accuracy_csv,
        ["classifier", "mfw", "accuracy", "macro_f1"],
        zip(scores["measure"], scores["mfw"], scores["accuracy"], scores["macro_f1"]),
    )


run(main, log_path=snakemake.log[0])
