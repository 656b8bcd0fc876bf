# The names of the run's outputs: its folders, the files of each figure, and what `rule all` asks
# for; helpers registering outputs in Snakemake's report.
import sys

from wordprint.workflow.analysis import log_warnings, remove_stale, stale_files

# Every output of the analysis goes under results/<analysis>/, every log under logs/<analysis>/.
RESULTS = f"results/{ANALYSIS}"


def results(path):
    """``path`` in the analysis's results folder."""
    return f"{RESULTS}/{path}"


def logs(path):
    """``path`` in the analysis's log folder."""
    return f"logs/{ANALYSIS}/{path}"


# The files of every figure: the PNG (embedded in the report), the vector formats the config
# asks for, and the plotted data as CSV.
VECTOR_FORMATS = [f for f in config["figure_formats"] if f != "png"]
FIGURE_FILES = ["png", *VECTOR_FORMATS, "csv"]
# The figures beside each dendrogram (wordprint.plot), by analysis.
MAP_KINDS = ["dendrogram", *RUN.when("maps", ["mds", "heatmap"])]
WORD_TABLE = results(f"tables/mfw/mfw{RUN.word_table_mfw}.csv")
# The last job of a run: it records when each job ran, so it is the one file that differs
# between two otherwise identical runs.
PROVENANCE = results("provenance.json")

EVALUATE_OUTPUTS = [
    *RUN.when("scores", expand(results("figures/scores/ari_by_mfw.{ext}"), ext=FIGURE_FILES)),
    *RUN.when(
        "pca",
        expand(
            results("figures/pca/mfw{mfw}.{ext}"), mfw=RUN.map_settings["mfw"], ext=FIGURE_FILES
        ),
    ),
    *RUN.when("consensus", expand(results("figures/consensus/tree.{ext}"), ext=FIGURE_FILES)),
    *RUN.when(
        "consensus",
        expand(results("tables/consensus/{name}"), name=["tree.newick", "nodes.csv", "edges.csv"]),
    ),
]


def final_outputs():
    maps = expand(
        results("figures/{kind}/{measure}_mfw{mfw}.{ext}"),
        kind=MAP_KINDS,
        **RUN.map_settings,
        ext=FIGURE_FILES,
    )
    return [
        results("report.html"),
        PROVENANCE,
        results("tables/cleaning.csv"),
        results("cleaning.json"),
        results("tables/short_samples.csv"),
        *RUN.when("vocabulary", [results("tables/vocabulary.csv")]),
        *RUN.when("vocabulary", expand(results("figures/vocabulary.{ext}"), ext=FIGURE_FILES)),
        *RUN.when("scores", [results("tables/cluster_scores.csv")]),
        *RUN.when("neighbours", [results("tables/neighbours.csv")]),
        # every setting's flat clusters and linkage, whichever maps are drawn
        *expand(
            results("tables/{kind}/{measure}_mfw{mfw}.csv"),
            kind=["clusters", "linkage"],
            measure=RUN.measures,
            mfw=RUN.mfw,
        ),
        *maps,
        *EVALUATE_OUTPUTS,
        *COMPARE_OUTPUTS,
        *ATTRIBUTE_OUTPUTS,
        *ROBUSTNESS_OUTPUTS,
    ]


def report_files(folder, suffix):
    """The run's files under ``folder`` ending in ``suffix``, relative to the report."""
    return sorted(
        path.removeprefix(results(""))
        for path in final_outputs()
        if path.startswith(results(folder)) and path.endswith(suffix)
    )


def map_figure(kind, caption, category, mfw):
    """The PNG of a map figure, registered for `snakemake --report` with caption and labels."""
    return report(
        results(f"figures/{kind}/{{measure}}_mfw{mfw}.png"),
        caption=f"../report/{caption}.rst",
        category=category,
        subcategory="{measure}",
        labels={"figure": kind, "measure": "{measure}", "MFW": str(mfw)},
    )


def map_figures(mfw):
    """The outputs of a plot_maps job, for each MFW setting in ``mfw`` and each kind of
    MAP_KINDS: the PNG (for `snakemake --report`), SVG, PDF and plotted data (CSV) as lists
    named dendrogram, dendrogram_svg, ..., one file per setting."""
    captions = {"dendrogram": "Clusters", "mds": "Maps", "heatmap": "Distances"}
    outputs = {}
    for kind in MAP_KINDS:
        outputs[kind] = [map_figure(kind, kind, captions[kind], n) for n in mfw]
        for ext in (*VECTOR_FORMATS, "csv"):
            outputs[f"{kind}_{ext}"] = [
                figure_file(results(f"figures/{kind}/{{measure}}_mfw{n}.{ext}")) for n in mfw
            ]
    return outputs


def matrix_table(kind, measure, mfw):
    """The table of one setting (distances, clusters or linkage), for Snakemake's report."""
    return report(
        results(f"tables/{kind}/{measure}_mfw{mfw}.csv"),
        caption=f"../report/{kind}_table.rst",
        category="Distances" if kind == "distances" else "Clusters",
        subcategory=measure,
        labels={"table": kind, "measure": measure, "MFW": str(mfw)},
    )


def figure_file(path):
    """An SVG, PDF or data CSV of a figure, listed in Snakemake's report beside its PNG."""
    kind = {".svg": "SVG (vector)", ".pdf": "PDF (vector)", ".csv": "CSV (plotted data)"}
    return report(
        path,
        caption="../report/figure_files.rst",
        category="Figure files",
        subcategory=kind[Path(path).suffix],
        labels={"figure": str(Path(path).with_suffix("")).removeprefix(results("figures/"))},
    )


def vector_figures(stem, prefix=""):
    """The SVG and PDF files of a figure (those of 'figure_formats'), named <prefix>svg and
    <prefix>pdf, for a rule's output."""
    return {f"{prefix}{ext}": figure_file(f"{stem}.{ext}") for ext in VECTOR_FORMATS}


# Outputs of an earlier configuration of this analysis cannot mix with this one's: a run of the
# whole analysis (rule all) first removes every file of its results folder that none of its jobs
# makes. A run for chosen targets (one figure by name) removes nothing.
onstart:
    if any(job.rule.name == "all" for job in workflow.dag.jobs):
        planned = {str(f) for job in workflow.dag.jobs for f in job.output}
        stale = stale_files(RESULTS, planned)
        if stale:
            remove_stale(RESULTS, stale)
            shown = ", ".join(str(p) for p in stale[:5]) + (" ..." if len(stale) > 5 else "")
            print(
                f"wordprint: removed {len(stale)} file(s) of an earlier configuration from "
                f"{RESULTS}/: {shown}",
                file=sys.stderr,
            )


# The end of a run: wordprint's warnings of this analysis once, then where the report is.
onsuccess:
    jobs = list(workflow.dag.jobs) if workflow.dag else []
    # The config's warnings (wordprint.workflow.settings), then those the jobs logged.
    for warning in [*RUN.warnings, *log_warnings([log for job in jobs for log in job.log])]:
        print(f"wordprint: warning: {warning}", file=sys.stderr)
    if any(str(f) == results("report.html") for job in jobs for f in job.output):
        print(f"wordprint: the report is {results('report.html')}", file=sys.stderr)
