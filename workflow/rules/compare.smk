# Corpus comparison: keyness, Zeta, dispersion, collocations and keyword-in-context for the
# comparisons listed in the config (see docs/guide/comparison.md).
from wordprint.compare.sides import ComparisonError, resolve_comparisons
from wordprint.workflow.compare import ShownComparison

# Every comparison checked against the catalog now, so a mistake stops the run before any job.
try:
    COMPARISONS = resolve_comparisons(
        config["comparisons"], DOCUMENTS, views=config["views"], catalog=config["catalog"]
    )
except ComparisonError as err:
    raise WorkflowError(
        f"wordprint: config 'comparisons': {err} (To compare nothing: --config 'comparisons=[]'.)"
    ) from None
# A comparison is a rule parameter; Snakemake's report prints it, so its labels print escaped.
COMPARISONS = {name: ShownComparison.of(c) for name, c in COMPARISONS.items()}

CATALOG = {d.id: d for d in DOCUMENTS}
# The documents each comparison reads the text of, and their raw files (same order).
COMPARE_DOCUMENTS = {name: [CATALOG[i] for i in c.documents] for name, c in COMPARISONS.items()}
COMPARE_SOURCES = {name: [raw_source(d) for d in docs] for name, docs in COMPARE_DOCUMENTS.items()}
# Every sample any comparison reads, in catalog order: the vocabulary growth curves.
GROWTH_SAMPLES = [
    (d.id, view)
    for d in DOCUMENTS
    for view in config["views"]
    if any((d.id, view) in c.target.samples + c.reference.samples for c in COMPARISONS.values())
]
GROWTH_DOCUMENTS = [CATALOG[i] for i in dict.fromkeys(i for i, _ in GROWTH_SAMPLES)]

# Final outputs of this stage, collected by `rule all`.
COMPARE_OUTPUTS = expand(
    results("tables/{table}/{comparison}.csv"),
    table=["keyness", "zeta", "kwic", "collocations", "overlap"],
    comparison=COMPARISONS,
) + expand(
    results("figures/{figure}/{comparison}.{ext}"),
    figure=["keyness", "zeta"],
    comparison=COMPARISONS,
    ext=FIGURE_FILES,
)
if COMPARISONS:
    COMPARE_OUTPUTS += expand(results("figures/growth.{ext}"), ext=FIGURE_FILES)

# What the HTML report shows of each comparison (see report.smk).
COMPARE_REPORT = {
    "figures": expand(results("figures/keyness/{comparison}.png"), comparison=COMPARISONS),
    "keyness": expand(results("tables/keyness/{comparison}.csv"), comparison=COMPARISONS),
    "kwic": expand(results("tables/kwic/{comparison}.csv"), comparison=COMPARISONS),
    "zeta": expand(results("figures/zeta/{comparison}.png"), comparison=COMPARISONS),
    "growth": [results("figures/growth.png")] if COMPARISONS else [],
    "sides": [[c.name, c.target.label, c.reference.label] for c in COMPARISONS.values()],
}


rule compare:
    input:
        counts=lambda wildcards: count_shards_of(COMPARE_DOCUMENTS[wildcards.comparison]),
        sources=lambda wildcards: COMPARE_SOURCES[wildcards.comparison],
    output:
        **vector_figures(results("figures/keyness/{comparison}"), "keyness_"),
        **vector_figures(results("figures/zeta/{comparison}"), "zeta_"),
        keyness=report(
            results("tables/keyness/{comparison}.csv"),
            caption="../report/compare_keyness_table.rst",
            category="Comparison",
            subcategory="{comparison}",
            labels={"comparison": "{comparison}", "table": "keyness"},
        ),
        zeta=report(
            results("tables/zeta/{comparison}.csv"),
            caption="../report/compare_zeta_table.rst",
            category="Comparison",
            subcategory="{comparison}",
            labels={"comparison": "{comparison}", "table": "Zeta"},
        ),
        kwic=report(
            results("tables/kwic/{comparison}.csv"),
            caption="../report/compare_kwic.rst",
            category="Comparison",
            subcategory="{comparison}",
            labels={"comparison": "{comparison}", "table": "keyword in context"},
        ),
        collocations=report(
            results("tables/collocations/{comparison}.csv"),
            caption="../report/compare_collocations.rst",
            category="Comparison",
            subcategory="{comparison}",
            labels={"comparison": "{comparison}", "table": "collocations"},
        ),
        overlap=report(
            results("tables/overlap/{comparison}.csv"),
            caption="../report/compare_overlap.rst",
            category="Comparison",
            subcategory="{comparison}",
            labels={"comparison": "{comparison}", "table": "vocabulary overlap"},
        ),
        keyness_png=report(
            results("figures/keyness/{comparison}.png"),
            caption="../report/compare_keyness_figure.rst",
            category="Comparison",
            subcategory="{comparison}",
            labels={"comparison": "{comparison}", "figure": "key terms"},
        ),
        keyness_csv=figure_file(results("figures/keyness/{comparison}.csv")),
        zeta_png=report(
            results("figures/zeta/{comparison}.png"),
            caption="../report/compare_zeta_figure.rst",
            category="Comparison",
            subcategory="{comparison}",
            labels={"comparison": "{comparison}", "figure": "Zeta"},
        ),
        zeta_csv=figure_file(results("figures/zeta/{comparison}.csv")),
    log:
        logs("compare/{comparison}.log"),
    benchmark:
        logs("benchmarks/compare/{comparison}.tsv")
    wildcard_constraints:
        comparison=r"[A-Za-z0-9][A-Za-z0-9._-]*",
    conda:
        "../envs/wordprint.yaml"
    params:
        comparison=lambda wildcards: COMPARISONS[wildcards.comparison],
        documents=lambda wildcards: COMPARE_DOCUMENTS[wildcards.comparison],
        # A function: Snakemake formats a list of strings given as is with the wildcards, and a
        # catalog group '{A}' is then a wildcard it lacks (WildcardError).
        groups=lambda wildcards: shown_safely([d.group for d in DOCUMENTS]),
        profile_settings=RUN.profile,
        settings=config["keyness"],
        uncertainty=config["uncertainty"],
        cache=config["cache"],
    script:
        "../scripts/compare_tables.py"


rule compare_growth:
    input:
        counts=count_shards_of(GROWTH_DOCUMENTS),
        sources=[raw_source(d) for d in GROWTH_DOCUMENTS],
    output:
        **vector_figures(results("figures/growth"), ""),
        png=report(
            results("figures/growth.png"),
            caption="../report/compare_growth.rst",
            category="Comparison",
            labels={"figure": "vocabulary growth"},
        ),
        csv=figure_file(results("figures/growth.csv")),
    log:
        logs("compare_growth.log"),
    conda:
        "../envs/wordprint.yaml"
    params:
        samples=GROWTH_SAMPLES,
        documents=GROWTH_DOCUMENTS,
        # A function: Snakemake formats a list of strings given as is with the wildcards, and a
        # catalog group '{A}' is then a wildcard it lacks (WildcardError).
        groups=lambda wildcards: shown_safely([d.group for d in DOCUMENTS]),
        profile_settings=RUN.profile,
        cache=config["cache"],
    script:
        "../scripts/compare_growth.py"
