import logging

from wordprint.attribute.plan import split_samples
from wordprint.attribute.verification import verification
from wordprint.io.files import table_rows
from wordprint.io.files import read_matrix, write_csv
from wordprint.workflow.step import run


def main():
    par, out, s = snakemake.params, snakemake.output, snakemake.params.settings
    ids, _, table = read_matrix(snakemake.input[0])
    sets = split_samples(ids, par.plan)
    result = verification(
        table[sets["known"]],
        sets["labels"],
        table[sets["questioned"]],
        ids=[ids[i] for i in sets["questioned"]],
        known_ids=[ids[i] for i in sets["known"]],
        known_documents=sets["documents"],
        candidates=par.plan.candidates,
        iterations=s["iterations"],
        feature_share=s["feature_share"],
        impostor_share=s["impostor_share"],
        measure=s["measure"],
        seed=par.seed,
        step=s["grey_zone_step"],
    )
    cal = result["calibration"]
    logging.info("grey zone p1=%s p2=%s, logistic %s + %s * score", cal["p1"], cal["p2"],
                 cal["intercept"], cal["slope"])
    write_csv(out.impostors, *table_rows(result["rows"]))
    write_csv(out.calibration, *table_rows(cal["rows"]))
    write_csv(out.known, *table_rows(result["known"]))


run(main, log_path=snakemake.log[0])
