from pathlib import Path

from wordprint.compare.results import report_key_terms
from wordprint.compare.tables import CORRECTION_LABELS, STATISTIC_LABELS
from wordprint.corpus.samples import documents_of, view_of
from wordprint.measures.distances import MEASURES
from wordprint.report.findings import findings
from wordprint.io.figures import figure_metadata
from wordprint.io.files import read_csv, read_matrix, write_text
from wordprint.io.provenance import config_digest, file_sha256, revision, software
from wordprint.workflow.step import run
from wordprint.report.methods import METHODS
from wordprint.report.html import (
    Figure,
    Links,
    Section,
    Table,
    columns,
    render_report,
    with_intervals,
)


def figure(caption, path):
    """A figure of the report, with the provenance its PNG file carries."""
    made = figure_metadata(path)
    return Figure(
        caption,
        Path(path).read_bytes(),
        [(k.removeprefix("wordprint:"), v) for k, v in made.items() if k.startswith("wordprint:")],
    )


def records(path):
    """The rows of a CSV file as dicts."""
    header, rows = read_csv(path)
    return [dict(zip(header, row)) for row in rows]


def comparison_section(inp, comparisons, settings):
    """Each comparison's keyness figure and its top terms each way, with lines in context."""
    n_terms = min(settings["top"], 10)
    items = []
    inputs = zip(comparisons, inp.compare_figures, inp.compare_keyness, inp.compare_kwic,
                 inp.compare_zeta)
    for (name, target, reference), image, keyness, kwic, zeta in inputs:
        terms, lines = records(keyness), records(kwic)
        items.append(
            figure(
                f"Key terms of {target} against {reference} (comparison {name}); bars: Log "
                "Ratio, filled if significant.",
                image,
            )
        )
        for side in (target, reference):
            header, rows = report_key_terms(terms, lines, key_in=side, n_terms=n_terms, n_lines=2)
            items.append(Table(f"Terms most key in {side} ({name}), in context", header, rows))
        items.append(
            figure(
                f"Craig's Zeta of {target} against {reference}: the share of each side's "
                "segments using a word; words far from the diagonal mark a side.",
                zeta,
            )
        )
    for image in inp.compare_growth:
        items.append(
            figure(
                "Vocabulary growth: distinct words against words read, for every text compared.",
                image,
            )
        )
    text = (
        f"Each comparison sets a target against a reference. Terms are ranked by "
        f"{STATISTIC_LABELS[settings['sort_by']]} (Rayson & Garside 2000); a term is "
        f"significant when its {CORRECTION_LABELS[settings['correction']]}-adjusted p-value, over every term used "
        f"at least {settings['min_freq']} times on both sides, is below {settings['alpha']}. "
        "Log Ratio (Hardie 2014) is the effect size: 1 means twice as frequent, 2 four times. "
        "All terms with every statistic and Gries's DP, Craig's Zeta, collocations, more lines "
        "in context and the shared vocabulary are in tables/{keyness,zeta,"
        "collocations,kwic,overlap}/ and figures/zeta/."
    )
    return Section("Comparison", text, items)


def cells(path, keep):
    """The columns ``keep`` of a CSV file's rows."""
    return [[r[k] for k in keep] for r in records(path)]


def attribution_section(inp, config):
    """Cross-validation on the known texts, the questioned texts, verification, rolling Delta."""
    a = config["attribution"]
    imp = a["impostors"]
    crossval = ["classifier", "mfw", "samples", "authors", "accuracy", "macro_precision",
                "macro_recall", "macro_f1"]
    items = [
        figure(
            f"Cross-validated accuracy ({a['cv']}) of each classifier on the known texts, "
            "against the number of most frequent words.",
            inp.attribution_accuracy[0],
        ),
        Table(
            "Cross-validation of the known texts (tables/attribution/crossval.csv)",
            crossval,
            cells(inp.attribution_crossval[0], crossval),
        ),
    ]
    for image in inp.attribution_figure:
        items.append(
            figure(
                "Who wrote the questioned texts? Left: share of the classifier x MFW settings "
                "naming each author; right: General Impostors score of each candidate, the "
                "calibrated grey zone (no answer) shaded.",
                image,
            )
        )
    for path in inp.attribution_summary:
        keep = ["id", "author", "settings", "of", "share"]
        items.append(
            Table("Share of settings naming each author, per questioned text (details in "
                  "tables/attribution/questioned.csv)", keep, cells(path, keep))
        )
    for path in inp.attribution_impostors:
        keep = ["id", "candidate", "score", "answer", "probability"]
        items.append(
            Table("General Impostors verification: score, grey-zone answer and calibrated "
                  "probability of the same author", keep, cells(path, keep))
        )
    for path in inp.attribution_calibration:
        keep = ["calibration", "evaluation", "p1", "p2", "auc", "c_at_1", "f05u", "f1",
                "brier", "overall"]
        items.append(
            Table("Calibration on the known texts, PAN measures (held_out: each text scored "
                  "by a calibration fitted without it)", keep, cells(path, keep))
        )
    for image in inp.attribution_rolling:
        document = Path(image).stem.removeprefix("rolling_")
        items.append(
            figure(
                f"Rolling Delta along {document}: distance of each window of "
                f"{a['rolling']['size']} tokens to each author (lower is closer); "
                "quotations shaded, nearest author below.",
                image,
            )
        )
    text = (
        f"Documents whose catalog column '{a['role_column']}' is 'known' train the "
        f"classifiers, labelled by '{config['label_column']}'; 'questioned' ones are "
        f"attributed (views: {', '.join(a['views'])}); any other role is left out. Every "
        "fitted statistic (z-scores, centroids, the SVM) comes from the training texts only. "
        "Attribution is closed-set: it names the nearest known author even when none wrote the "
        f"text. General Impostors (Koppel & Winter 2014; {imp['iterations']} runs, "
        f"{imp['measure']}) asks instead whether a candidate wrote it, calibrated on the known "
        "texts: a score in the grey zone gets no answer (c@1, Peñas & Rodrigo 2011)."
    )
    return Section("Attribution", text, items)


def robustness_section(inp, config):
    """How many findings hold across the settings, the map, and the fragile ones."""
    rows = records(inp.robustness[0])
    fragile = [r for r in rows if r["status"] == "fragile"]
    settings = config["robustness"]
    keep = ["document", "conclusion", "reference", "share", "holds", "settings", "alternative"]
    return Section(
        "Robustness",
        f"Each document's two findings in the report's setting (the "
        f"'{config['label_column']}' of its nearest other document; its cluster-mates) "
        "checked in every other setting of MFW x measure x normalisation x view "
        f"(Rybicki & Eder 2011). {len(rows) - len(fragile)} of {len(rows)} findings hold in at "
        f"least {settings['threshold']:.0%} of the settings; {len(fragile)} are fragile and "
        "should not be reported without saying so. Every finding is in "
        "tables/robustness.csv.",
        [
            figure(
                "Share of the settings in which each finding of the report's setting holds; "
                "fragile findings (below the threshold) shaded, open markers.",
                inp.robustness_figure[0],
            ),
            Table(
                "Fragile findings: the answer of the report's setting, the share of settings "
                "that agree, and the answer found most often instead",
                keep,
                [[r[k] for k in keep] for r in fragile],
            ),
        ],
    )


def methods_section(config, stages):
    """Every method the report's numbers come from, with the paper to cite."""
    rows = [[m.stage, m.name, m.what, m.reference] for m in METHODS if m.stage in stages]
    rows += [["distances", MEASURES[k].label, MEASURES[k].name, MEASURES[k].reference]
             for k in config["measures"]]
    return Section(
        "Methods",
        "What each number of this report measures and where the method comes from; "
        "docs/guide/citing.md ('How to cite the measures') has the same references.",
        [Table("Methods and references", ["stage", "method", "what it computes", "reference"],
               sorted(rows, key=lambda r: stages.index(r[0])), whole=True)],
    )


def provenance_section(config, documents, sources):
    """Versions, revision and configuration digest, and every input text with its SHA-256."""
    versions = software()
    made = revision(Path(snakemake.scriptdir).parents[1]) or "unknown (not a git checkout)"
    return Section(
        "Provenance",
        f"Made by wordprint {versions['wordprint']} at git revision {made}; configuration "
        f"SHA-256 {config_digest(config)} (the configuration itself closes this page). Every "
        "figure carries the job that made it in its metadata (PNG text, SVG and PDF metadata; "
        "shown under each figure here), and provenance.json records every output "
        "file with its SHA-256, the rule, inputs and parameters that made it, and when.",
        [
            Table("Software", ["package", "version"], sorted(versions.items())),
            Table(
                "Input texts as read (SHA-256 of the file before cleaning)",
                ["id", "source", "sha256"],
                [[d.id, d.source, file_sha256(Path(f))] for d, f in zip(documents, sources)],
            ),
        ],
    )


def vocabulary_section(inp, config):
    """Lexical diversity per document: the figure and the table with bootstrap intervals."""
    return Section(
        "Vocabulary",
        "Lexical diversity per document: MATTR (Covington & McFall 2010), MTLD "
        "(McCarthy & Jarvis 2010), Yule's K (Yule 1944) and mean sentence length "
        "(Punkt sentences, Kiss & Strunk 2006, one model learnt from the corpus).",
        [
            figure("Vocabulary statistics per document, coloured by group.",
                   inp.vocabulary_figure[0]),
            columns(
                with_intervals(
                    Table(
                        "Vocabulary statistics (tables/vocabulary.csv); in "
                        f"brackets the {config['uncertainty']['level']:.0%} bootstrap "
                        "interval (segments resampled within each document)",
                        *read_csv(inp.vocabulary[0]),
                    )
                ),
                drop={"document", "author", "title"},
            ),
        ],
    )


def quotation_section(inp, config, par, measure, mfw):
    """The views of documents split into own words and quotations, and their nearest
    neighbours; None when no document was split."""
    header, neighbours = read_csv(inp.neighbours[0])
    focus = {r[2] for r in neighbours if " (" in r[2]}
    focus |= {f.split(" (")[0] for f in focus}
    shown = [
        r[2:] for r in neighbours if r[0] == par.measure and r[1] == str(mfw) and r[2] in focus
    ]
    if not shown:
        return None
    return Section(
        "Own words and quotations",
        "Documents split into the author's own words and the passages they quote: the five "
        f"nearest samples of other documents to each view ({measure}, {mfw} MFW). Every "
        "setting is in tables/neighbours.csv.",
        [
            with_intervals(
                Table(
                    "Nearest neighbours of each view; in brackets the "
                    f"{config['uncertainty']['level']:.0%} bootstrap interval of the "
                    "distance",
                    header[2:],
                    shown,
                )
            )
        ],
    )


def findings_section(inp, par, config, measure, mfw, clusters):
    """The answer first: cluster agreement, nearest neighbours, the highlighted texts, how
    robust that is, and the dendrogram. ``clusters`` is the report setting's cluster table."""
    label = config["label_column"]
    ids, _, distances = read_matrix(inp.distances)
    header, rows = clusters
    column = {name: [row[i] for row in rows] for i, name in enumerate(header)}
    docs = documents_of(ids, par.documents)
    known = set(par.known)  # role known (wordprint.attribute.plan.known_documents)
    found = findings(
        ids, column["label"], [int(c) for c in column["cluster"]], distances,
        known=[d.id in known for d in docs], highlight=par.highlight,
    )
    k = len(set(column["cluster"]))
    text = (
        f"{found.documents} texts by {found.labels} different {label}s. With "
        f"{MEASURES[par.measure].label} on the {mfw} most frequent words and {config['linkage']} "
        f"clustering, "
    )
    if found.ari is not None:
        text += (
            f"the tree cut into {k} groups agrees with the {label}s at an adjusted Rand index of "
            f"{found.ari:.2f} (1: it finds the {label}s exactly; 0: no better than chance). "
        )
    text += (
        f"{found.same_label} of {found.documents} texts have as nearest neighbour a text with "
        f"the same {label}."
    )
    unscored = sum(view_of(i) == "full" and d.id not in known for d, i in zip(docs, ids))
    if unscored > 0:
        text += (
            f" {unscored} further texts, not marked known in the catalog (questioned ones), "
            "are placed in the tree but not scored."
        )
    if inp.robustness:
        findings_rows = records(inp.robustness[0])
        robust = [r for r in findings_rows if r["status"] == "robust"]
        total = len(findings_rows)
        text += (
            f" {len(robust)} of {total} such findings (each text's nearest {label} and "
            f"cluster-mates) hold in at least {config['robustness']['threshold']:.0%} of the "
            "other settings (see Robustness)."
        )
    items = [
        figure(
            f"Dendrogram: {measure}, {mfw} MFW, {config['linkage']} linkage; leaves coloured by "
            "catalog group.",
            inp.dendrogram,
        )
    ]
    if found.strays:
        items.append(Table(
            f"Texts whose nearest neighbour has another {label}",
            ["text", label, "nearest text", f"its {label}", "distance"],
            [list(row) for row in found.strays],
        ))
    if found.highlighted:
        items.append(Table(
            "Where the texts asked about sit: the three nearest texts of other documents",
            ["text", "rank", "neighbour", f"its {label}", "distance"],
            [list(row) for row in found.highlighted],
        ))
    return Section("Findings", text, items)


def more_figures(inp, mfw):
    """The evaluation figures the run made, each with what it shows."""
    shown = [
        (inp.score_figure, "Adjusted Rand index of the flat clusters against the labels, for "
         "every measure and number of MFW (Evert et al. 2017)."),
        (inp.consensus_figure, "Bootstrap consensus tree over the MFW settings and measures: a "
         "group is shown when at least half of the trees have it, with its support (Eder 2017)."),
        (inp.pca_figure, f"PCA of the {mfw} MFW (z-scored), with the strongest word loadings."),
    ]
    return [figure(caption, paths[0]) for paths, caption in shown if paths]


def main():
    inp, par = snakemake.input, snakemake.params
    config, measure, mfw = snakemake.config, MEASURES[par.measure].label, par.mfw
    linkage = config["linkage"]
    documents = Table(
        "Documents analysed, as listed in the catalog",
        ["id", "author", "title", "year", "group", "source"],
        [[d.id, d.author, d.title, d.year, d.group, d.source] for d in par.documents],
    )
    short_header, short = read_csv(inp.short)
    cleaning_header, cleaning = read_csv(inp.cleaning)
    clusters = read_csv(inp.clusters)
    maps = [
        figure(f"Classical MDS map of the {measure} distances ({mfw} MFW).", inp.maps[0]),
        figure(
            f"{measure} distances ({mfw} MFW), rows and columns in dendrogram order.",
            inp.maps[1],
        ),
    ] if inp.maps else []
    scores = [
        Table(
            f"Agreement of the flat clusters with the catalog column "
            f"'{config['label_column']}' for every measure and MFW "
            "(ARI: Hubert & Arabie 1985; V-measure: Rosenberg & Hirschberg 2007)",
            *read_csv(inp.scores[0]),
        )
    ] if inp.scores else []
    sections = [
        Section(
            "Distances and clusters",
            f"{measure} on the relative frequencies of the {mfw} most frequent words, "
            f"hierarchical clustering with {linkage} linkage"
            + (", classical MDS" if inp.maps else "")
            + ". Figures for every other measure and MFW setting are in figures/."
            + (
                f" {len(short)} samples are shorter than {config['sampling']['warn_below']} "
                "words, where Delta is unreliable (Eder 2015): "
                + ", ".join(f"{i} ({n})" for i, n in short)
                + "."
                if short
                else ""
            )
            # The config's warnings (wordprint.workflow.settings), as on the console.
            + "".join(f" Warning: {w}" for w in par.get("warnings", [])),
            [
                *maps,
                *more_figures(inp, mfw),
                Table(
                    f"Flat clusters and MDS coordinates ({measure}, {mfw} MFW)",
                    *clusters,
                ),
                *scores,
            ],
        )
    ]
    if inp.vocabulary:
        sections.append(vocabulary_section(inp, config))
    if inp.neighbours:
        quotations = quotation_section(inp, config, par, measure, mfw)
        if quotations:
            sections.append(quotations)
    if par.comparisons:
        sections.append(comparison_section(inp, par.comparisons, config["keyness"]))
    if par.attribution:
        sections.append(attribution_section(inp, config))
    if inp.robustness:
        sections.append(robustness_section(inp, config))
    sections.append(
        Section(
            "Corpus",
            f"{len(par.documents)} documents from {config['catalog']}.",
            [
                documents,
                Table(
                    "What cleaning removed from each document; the warnings themselves are in "
                    "tables/cleaning.csv and cleaning.json",
                    cleaning_header,
                    [row[:-1] + [len(row[-1].split(" | ")) if row[-1] else 0] for row in cleaning],
                ),
            ],
        )
    )
    stages = ["corpus", "vocabulary", "distances", "comparison", "attribution", "uncertainty"]
    stages = [s for s in stages if (s != "comparison" or par.comparisons)
              and (s != "attribution" or par.attribution)
              and (s != "vocabulary" or inp.vocabulary)]
    sections.append(methods_section(config, stages))
    sections.append(provenance_section(config, par.documents, inp.sources))
    sections.append(Section(
        "Every figure and table",
        "Each figure as PNG (300 dpi), with its SVG, PDF and plotted data (CSV) beside it, and "
        "every table, in this report's folder.",
        [Links("Figures", par.figures), Links("Tables", par.tables)],
    ))
    html = render_report(
        title=config["report"]["title"],
        lead=findings_section(inp, par, config, measure, mfw, clusters),
        sections=sections,
        settings=config,
    )
    write_text(snakemake.output[0], html)
    return snakemake.output[0]


run(main, log_path=snakemake.log[0])
