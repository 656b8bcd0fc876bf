import logging

from wordprint import plot
from wordprint.compare.results import analyse, keyness_plot_rows, zeta_plot_rows
from wordprint.io.files import table_rows
from wordprint.compare.sides import profiles_of
from wordprint.compare.tables import CORRECTION_LABELS, STATISTIC_LABELS
from wordprint.io.figures import save_figure
from wordprint.io.files import write_csv
from wordprint.workflow.compare import keyness_settings
from wordprint.workflow.step import run
from wordprint.io.tokens import StreamedTokens
from wordprint.uncertainty import interval_note


def main():
    inp, out, par = snakemake.input, snakemake.output, snakemake.params
    comparison, s = par.comparison, keyness_settings(par.settings)
    numbered = dict(  # every text of both sides, from the count step's token cache
        StreamedTokens(
            {d.id: path for d, path in zip(par.documents, inp.sources)},
            comparison.target.samples + comparison.reference.samples,
            settings=par.profile_settings,
            documents={d.id: d for d in par.documents},
            cache_dir=par.cache,
            encoded=True,
        )
    )
    tokens = {sample: list(ids) for sample, ids in numbered.items()}
    result = analyse(
        comparison, profiles_of(numbered), tokens, settings=s, uncertainty=par.uncertainty
    )
    target, reference = result.target, result.reference
    for side in (target, reference):
        read = sum(len(tokens[i]) for i in side.samples)
        logging.info("%s: %d samples, %d tokens (%d re-read)", side.label, len(side.samples),
                     side.tokens, read)
        if read != side.tokens:
            logging.warning("%s: the texts re-read differ from the profiles", side.label)
    for path, table in (
        (out.keyness, result.keyness),
        (out.zeta, result.zeta),
        (out.kwic, result.kwic),
        (out.collocations, result.collocations),
        (out.overlap, [result.overlap]),
    ):
        write_csv(path, *table_rows(table))

    vs = f"{target.label} vs {reference.label}"
    group = {d.id: d.group for d in par.documents}
    colours = plot.side_colours(  # each side in its group's colour, as in every other figure
        [group[d] for d, _ in comparison.target.samples],
        [group[d] for d, _ in comparison.reference.samples],
        par.groups,
    )
    bars = keyness_plot_rows(result.keyness, result.top_target + result.top_reference)
    whiskers = interval_note(par.uncertainty, bars.get("log_ratio_low"))
    fig = plot.keyness_figure(
        bars["term"],
        bars["log_ratio"],
        bars["sign"],
        bars["significant"],
        low=bars.get("log_ratio_low"),
        high=bars.get("log_ratio_high"),
        target_label=target.label,
        reference_label=reference.label,
        title=f"Key terms: {vs}",
        colours=colours,
        note=f"Top {s.top} terms each way by {STATISTIC_LABELS[s.sort_by]}; filled: "
        f"{CORRECTION_LABELS[s.correction]}-adjusted p < {s.alpha}"
        + (f"\n{whiskers.capitalize()}" if whiskers else ""),
    )
    save_figure(fig, out.keyness_png[: -len(".png")], metadata={"Title": f"key terms: {vs}"})
    write_csv(out.keyness_csv, *table_rows(bars))

    points = zeta_plot_rows(result.zeta, n=s.top)
    fig = plot.zeta_figure(
        points["term"],
        points["p_target"],
        points["p_reference"],
        labelled=points["labelled"],
        target_label=target.label,
        reference_label=reference.label,
        segments=result.zeta_segments,
        title=f"Craig's Zeta: {vs}, segments of {s.segment_size} tokens",
        colours=colours,
    )
    save_figure(fig, out.zeta_png[: -len(".png")], metadata={"Title": f"Zeta: {vs}"})
    write_csv(out.zeta_csv, *table_rows(points))


run(main, log_path=snakemake.log[0])
