"""Corpus comparison: choosing the sides, shaping the tables, zero frequencies, reading aids."""

import math
from collections import Counter

import numpy as np
import pytest

from tests.support import ESSAY
from wordprint.compare.concordance import collocations
from wordprint.compare.reading import collocation_rows, growth_rows, kwic_rows, overlap_row
from wordprint.compare.results import KeynessSettings, analyse, report_key_terms, zeta_plot_rows
from wordprint.io.files import table_rows
from wordprint.compare.sides import ComparisonError, Side, SideData, resolve_comparisons, side_data
from wordprint.compare.tables import extremes, keyness_table, top_terms, zeta_table
from wordprint.corpus.documents import Document
from wordprint.count.profile import DocumentError, profile_document, sample_tokens

SETTINGS = {"pattern": "words", "lowercase": True, "short_quotes": "quoted"}


def doc(doc_id: str, group: str) -> Document:
    return Document(doc_id, "", "", "", group, "", "file", "")


DOCS = [doc("essay", "essay"), doc("a1", "sotu"), doc("a2", "sotu"), doc("t1", "Trotsky")]


def resolve(target, reference, *, views=("full", "own")):
    spec = {"name": "c", "target": target, "reference": reference}
    return resolve_comparisons([spec], DOCS, views=views, catalog="cat.csv")["c"]


# --- choosing the sides ------------------------------------------------------------------------


def test_group_against_the_rest_of_the_corpus():
    c = resolve({"group": "essay"}, {"rest": True})
    assert c.target.samples == (("essay", "full"),)
    assert c.reference.samples == (("a1", "full"), ("a2", "full"), ("t1", "full"))
    assert (c.target.label, c.reference.label) == ("essay", "the rest of the corpus")
    assert c.documents == ("essay", "a1", "a2", "t1")


def test_document_view_and_labels():
    c = resolve({"document": "essay", "view": "own", "label": "own words"}, {"group": "Trotsky"})
    assert c.target.samples == (("essay", "own"),) and c.target.label == "own words"
    assert c.target.sample_ids == ("essay (own)",)
    unlabelled = resolve({"document": "essay", "view": "own"}, {"document": ["a2", "a1"]})
    assert unlabelled.target.label == "essay (own)"
    # catalog order, whatever order the config lists them in
    assert unlabelled.reference.samples == (("a1", "full"), ("a2", "full"))


def test_the_rest_of_a_document_view_leaves_out_the_whole_document():
    c = resolve({"document": "essay", "view": "own"}, {"rest": True})
    assert "essay" not in c.reference.documents


def test_own_view_against_quoted_view_of_the_same_document_is_allowed():
    c = resolve({"document": "essay", "view": "own"}, {"document": "essay", "view": "quoted"},
                views=("full", "own", "quoted"))
    assert c.documents == ("essay",)


@pytest.mark.parametrize(
    ("target", "reference", "message"),
    [
        ({"group": "Marx"}, {"rest": True}, "the group 'Marx' has no documents in the catalog "
         "cat.csv. Its groups are: Trotsky, essay, sotu. Fix the group"),
        ({"document": "nobody"}, {"rest": True}, "the catalog cat.csv has no document 'nobody'"),
        ({"rest": True}, {"group": "sotu"}, "'rest' can only be the reference"),
        ({"group": "essay", "document": "essay"}, {"rest": True},
         "give exactly one of 'group', 'document' or 'rest' (got group and document)"),
        ({"label": "x"}, {"rest": True}, "(got none of them)"),
        ({"group": "essay", "view": "quoted"}, {"rest": True},
         "asks for the 'quoted' view, but the config's views are ['full', 'own']"),
        ({"group": "sotu"}, {"document": "a1"}, "target and reference both contain a1"),
    ],
)
def test_a_side_the_corpus_cannot_give_is_named_with_its_fix(target, reference, message):
    with pytest.raises(ComparisonError) as err:
        resolve(target, reference)
    assert "comparison 'c'" in str(err.value) or "comparison 'c'" in message
    assert message in str(err.value)


def test_rest_of_nothing_and_bad_names_are_refused():
    everything = [{"name": "all", "target": {"document": [d.id for d in DOCS]},
                   "reference": {"rest": True}}]
    with pytest.raises(ComparisonError, match="rest of the corpus is empty"):
        resolve_comparisons(everything, DOCS, views=["full"])
    twice = [{"name": "x", "target": {"group": "essay"}, "reference": {"rest": True}}] * 2
    with pytest.raises(ComparisonError, match="'x' is used twice"):
        resolve_comparisons(twice, DOCS, views=["full"])
    with pytest.raises(ComparisonError, match="not file-name safe"):
        resolve_comparisons([{**twice[0], "name": "../x"}], DOCS, views=["full"])


def test_comparison_errors_are_reported_as_user_errors():
    # wordprint.workflow.step reports DocumentError as one line naming the fix, not a traceback.
    assert issubclass(ComparisonError, DocumentError)


# --- the sides' counts and parts --------------------------------------------------------------


def profile(counts: dict[str, int], view: str = "full") -> dict:
    return {"views": {view: {"counts": counts, "tokens": sum(counts.values())}}}


def test_a_side_of_documents_uses_them_as_parts():
    profiles = {"a1": profile({"we": 3, "go": 1}), "a2": profile({"we": 1})}
    data = side_data(Side("sotu", "group", (("a1", "full"), ("a2", "full"))), profiles, {},
                     segment_size=2)
    assert dict(data.counts) == {"we": 4, "go": 1} and data.tokens == 5
    assert data.part_sizes == (4, 1) and data.parts_are == "documents"


def test_a_side_of_one_text_uses_its_segments_leftover_included():
    tokens = {"essay": "a b a c a".split()}
    data = side_data(Side("essay", "group", (("essay", "full"),)),
                     {"essay": profile(dict(Counter(tokens["essay"])))}, tokens, segment_size=2)
    assert data.parts_are == "segments" and data.part_sizes == (2, 2, 1)
    assert [dict(p) for p in data.parts] == [{"a": 1, "b": 1}, {"a": 1, "c": 1}, {"a": 1}]


def test_a_missing_view_is_an_error_for_a_document_and_skipped_in_a_group():
    profiles = {"a1": profile({"we": 3}, "full"), "a2": {"views": {"full": {}, "quoted": {
        "counts": {"they": 2}, "tokens": 2}}}}
    group = Side("sotu (quoted)", "group", (("a1", "quoted"), ("a2", "quoted")))
    data = side_data(group, profiles, {"a2 (quoted)": ["they", "they"]}, segment_size=1)
    assert data.samples == ("a2 (quoted)",)
    with pytest.raises(ComparisonError, match="document 'a1' has no 'quoted' view"):
        side_data(Side("a1", "document", (("a1", "quoted"),)), profiles, {}, segment_size=1)
    with pytest.raises(ComparisonError, match="has no document with the 'quoted' view"):
        side_data(Side("x", "group", (("a1", "quoted"),)), profiles, {}, segment_size=1)


# --- keyness ---------------------------------------------------------------------------------------


def side(label, counts, tokens, parts=None):
    parts = parts or [counts]
    return SideData(label, (label,), counts, tokens, tuple(parts),
                    tuple(sum(p.values()) for p in parts) if len(parts) > 1 else (tokens,),
                    "documents")


def test_keyness_table_by_hand():
    # "state": 10 of 1,000 target tokens, 5 of 2,000 reference tokens:
    #   E1 = 1000 * 15 / 3000 = 5, E2 = 10; G2 = 2 (10 ln 2 + 5 ln 0.5) = 10 ln 2 = 6.9315
    #   Log Ratio = log2((10/1000) / (5/2000)) = log2 4 = 2
    target = side("T", {"state": 10, "x": 990}, 1000)
    reference = side("R", {"state": 5, "x": 1995}, 2000)
    table = keyness_table(target, reference, min_freq=1)
    row = table["term"].index("state")
    assert table["log_likelihood"][row] == pytest.approx(10 * math.log(2))
    assert table["log_ratio"][row] == pytest.approx(2.0)
    assert table["key_in"][row] == "T" and table["sign"][row] == 1
    assert table["freq_target"].dtype.kind == "i"


def test_holm_adjusts_over_the_terms_tested_and_min_freq_leaves_rare_terms_out():
    target = side("T", {"we": 30, "they": 2, "rare": 2, "go": 66}, 100)
    reference = side("R", {"we": 5, "they": 40, "go": 55}, 100)
    full = keyness_table(target, reference, min_freq=1)
    cut = keyness_table(target, reference, min_freq=3)
    assert "rare" in full["term"] and "rare" not in cut["term"]
    # Holm: the smallest p-value is multiplied by the number of terms tested (4, then 3).
    smallest = int(np.argmin(full["p_value"]))
    assert full["p_adjusted"][smallest] == pytest.approx(4 * full["p_value"][smallest])
    smallest = int(np.argmin(cut["p_value"]))
    assert cut["p_adjusted"][smallest] == pytest.approx(3 * cut["p_value"][smallest])
    assert list(full["significant"]) == list(full["p_adjusted"] < 0.05)
    assert set(full["p_adjustment"]) == {"holm"} and set(full["sorted_by"]) == {"log_likelihood"}


def test_rows_are_sorted_strongest_first_ties_by_term():
    target = side("T", {"b": 10, "a": 10, "c": 1, "z": 79}, 100)
    reference = side("R", {"b": 1, "a": 1, "c": 10, "z": 88}, 100)
    table = keyness_table(target, reference, min_freq=1)
    assert table["rank"] == [1, 2, 3, 4]
    assert table["term"][:2] == ["a", "b"]  # equal G2, alphabetical
    assert list(table["log_likelihood"]) == sorted(table["log_likelihood"], reverse=True)
    # Signed statistics rank by absolute value: both directions mix.
    by_ratio = keyness_table(target, reference, min_freq=1, sort_by="log_ratio")
    strength = np.abs(by_ratio["log_ratio"])
    assert list(strength) == sorted(strength, reverse=True)
    assert set(by_ratio["sign"][:3]) == {1, -1}


def test_dispersion_by_hand_and_empty_where_a_term_is_absent():
    # target parts of 10 and 30 tokens: shares 0.25, 0.75.
    #   "we" 2 + 2: observed 0.5, 0.5 -> DP = (|0.5-0.25| + |0.5-0.75|) / 2 = 0.25
    #   "they" 0 + 3: observed 0, 1 -> DP = (0.25 + 0.25) / 2 = 0.25
    parts = [{"we": 2, "x": 8}, {"we": 2, "they": 3, "x": 25}]
    target = side("T", {"we": 4, "they": 3, "x": 33}, 40, parts)
    reference = side("R", {"we": 1, "x": 39}, 40)
    table = keyness_table(target, reference, min_freq=1)
    dp_t = dict(zip(table["term"], table["dp_target"]))
    dp_r = dict(zip(table["term"], table["dp_reference"]))
    assert dp_t["we"] == pytest.approx(0.25) and dp_t["they"] == pytest.approx(0.25)
    assert dp_r["they"] is None  # absent from the reference: DP undefined, written empty
    assert dp_r["we"] == 0.0  # one part: as evenly spread as can be


def test_zero_frequencies_leave_no_nan_or_inf_in_the_written_table():
    target = side("T", {"only": 9, "both": 5, "x": 86}, 100)
    reference = side("R", {"both": 5, "never": 7, "x": 88}, 100)
    header, rows = table_rows(keyness_table(target, reference, min_freq=1))
    cells = [c for row in rows for c in row]
    floats = [c for c in cells if isinstance(c, float)]
    assert floats and all(math.isfinite(c) for c in floats)
    assert not any(isinstance(c, str) and c.lower() in ("nan", "inf", "-inf") for c in cells)
    only = rows[[r[header.index("term")] for r in rows].index("only")]
    # Hardie's 0.5 for the zero count: log2((9/100) / (0.5/100)) = log2 18
    assert only[header.index("log_ratio")] == pytest.approx(math.log2(18))


def test_bad_settings_are_refused():
    t, r = side("T", {"a": 1}, 1), side("R", {"a": 1}, 1)
    with pytest.raises(ValueError, match="sort_by must be one of"):
        keyness_table(t, r, sort_by="percent_diff")
    with pytest.raises(ValueError, match="correction must be one of"):
        keyness_table(t, r, correction="sidak")
    with pytest.raises(ValueError, match="min_freq"):
        keyness_table(t, r, min_freq=0)


def test_top_terms_each_way_in_table_order():
    table = {"term": ["a", "b", "c", "d", "e"], "sign": [1, -1, -1, 1, 0]}
    assert top_terms(table, n=1) == (["a"], ["b"])
    assert top_terms(table, n=5) == (["a", "d"], ["b", "c"])


# --- Zeta ------------------------------------------------------------------------------------------


def test_zeta_on_segments_and_a_side_too_short():
    # target: segments [x y] [x z]; reference: [y w] [y w]; zeta(x) = 1 - 0 = 1, y: 0.5 - 1
    table, n_t, n_r = zeta_table({"a": "x y x z".split()}, {"b": "y w y w".split()}, size=2,
                                 min_freq=1)
    zeta = dict(zip(table["term"], table["zeta"]))
    assert (n_t, n_r) == (2, 2) and zeta["x"] == 1.0 and zeta["y"] == -0.5
    with pytest.raises(ComparisonError, match="the reference side has no text of 5 tokens"):
        zeta_table({"a": list("abcdefgh")}, {"b": list("abc")}, size=5)


def test_extremes_and_the_zeta_plot_rows():
    assert extremes([3, 2, 1, 0], n=0).tolist() == [False] * 4
    assert extremes([3, 2, 1, 0], n=2).tolist() == [True] * 4
    rows = zeta_plot_rows({"term": list("abcde"), "zeta": [0.9, 0.4, 0, -0.3, -0.8]}, n=2)
    assert rows["labelled"] == [True, True, False, True, True]


# --- reading aids ----------------------------------------------------------------------------------


def test_kwic_lines_spread_over_every_text_of_the_side():
    tokens = {"a1": "we go and we stay".split(), "a2 (own)": "so we did".split()}
    rows = kwic_rows(tokens, ["we", "absent"], lines=2, context=1, key_in="sotu")
    assert [(r["document"], r["view"], r["position"]) for r in rows] == [
        ("a1", "full", 0), ("a2", "own", 1)]
    assert rows[1]["left"] == "so" and rows[1]["right"] == "did" and rows[1]["key_in"] == "sotu"


def test_collocations_match_nltk_on_one_text():
    text = ("the workers state is a workers state and the state of the workers is not the "
            "state of the bureaucracy the workers the state").split()
    for term in ("state", "workers", "the"):
        for window in (1, 3):
            ours = collocation_rows({"a": text}, [term], window=window, limit=None)
            theirs = collocations(text, term, window_size=window + 1)
            assert [(r["collocate"], r["collocate_side"], r["frequency"]) for r in ours] == [
                (c.collocate, c.side, c.frequency) for c in theirs]
            assert [r["log_likelihood"] for r in ours] == pytest.approx(
                [c.log_likelihood for c in theirs])
            assert [r["pmi"] for r in ours] == pytest.approx([c.pmi for c in theirs])


def test_collocation_windows_never_span_two_texts():
    rows = collocation_rows({"a": ["x", "state"], "b": ["party", "y"]}, ["state"], window=3,
                            min_freq=1)
    assert [r["collocate"] for r in rows] == ["x"]


def test_overlap_by_hand():
    # A = {the, state, withers}, B = {the, state, grows, party}: shared 2, union 5
    a = SideData("A", (), {"the": 4, "state": 2, "withers": 1}, 7, (), (), "documents")
    b = SideData("B", (), {"the": 3, "state": 1, "grows": 2, "party": 2}, 8, (), (), "documents")
    row = overlap_row(a, b)
    assert (row["shared"], row["only_target"], row["only_reference"]) == (2, 1, 2)
    assert row["jaccard"] == pytest.approx(2 / 5)
    assert row["top_only_reference"] == "grows (2); party (2)"


def test_growth_rows_one_step_for_all_texts():
    rows = growth_rows({"a": "a b a c".split(), "b (own)": list("abcdefgh")}, min_step=2,
                       groups={"a": "x", "b": "y"})
    assert [(r["id"], r["tokens"], r["types"]) for r in rows] == [
        ("a", 2, 2), ("a", 4, 3), ("b (own)", 2, 2), ("b (own)", 4, 4), ("b (own)", 6, 6),
        ("b (own)", 8, 8)]
    assert rows[-1]["view"] == "own" and rows[-1]["group"] == "y"
    # The longest text sets the step so it gives about `points` points.
    assert len(growth_rows({"a": ["w"] * 1000}, points=10, min_step=1)) == 10


def test_report_key_terms_spread_lines_and_blank_repeats():
    keyness_rows = [
        {"term": t, "key_in": k, "log_likelihood": "9", "log_ratio": "1", "p_adjusted": "0.01"}
        for t, k in (("we", "A"), ("they", "B"), ("go", "A"))
    ]
    kwic = [{"term": "we", "key_in": "A", "document": "d", "view": "own", "left": f"l{i}",
             "keyword": "we", "right": f"r{i}"} for i in range(5)]
    header, rows = report_key_terms(keyness_rows, kwic, key_in="A", n_terms=5, n_lines=2)
    assert header[0] == "term" and len(header) == len(rows[0])
    assert [r[0] for r in rows] == ["we", "", "go"]
    assert [r[5] for r in rows] == ["l0", "l4", ""]  # first and last line; none for "go"
    assert rows[0][4] == "d (own)"


# --- the text, end to end ------------------------------------------------------------------------


def test_tokens_re_read_add_up_to_the_profile_counts():
    raw = ESSAY.read_bytes()
    settings = {**SETTINGS, "mattr_window": 500, "mtld_threshold": 0.72,
                "views": ["full", "own"], "segment_size": 0}
    prof = profile_document(raw, doc_id="essay", settings=settings)
    tokens = sample_tokens({"essay": raw}, [("essay", "full"), ("essay", "own")],
                           settings=settings)
    for view, sid in (("full", "essay"), ("own", "essay (own)")):
        assert Counter(tokens[sid]) == Counter(prof["views"][view]["counts"])


def test_analyse_a_small_comparison():
    tokens = {"a1": ("we shall go on and we shall win " * 6).split(),
              "a2": ("we will build and we will grow " * 6).split(),
              "t1": ("the party and the state and the revolution " * 6).split()}
    profiles = {d: profile(dict(Counter(t))) for d, t in tokens.items()}
    c = resolve({"group": "Trotsky"}, {"group": "sotu"})
    settings = KeynessSettings(min_freq=3, top=2, segment_size=8, collocation_window=2,
                               collocates=3, kwic_lines=2, kwic_context=3)
    result = analyse(c, profiles, tokens, settings=settings)
    # the: 18 vs 0; party, revolution, state: 6 vs 0 each (equal G2, alphabetical first)
    assert result.top_target == ["the", "party"]
    assert result.top_reference[0] == "we"
    assert result.target.parts_are == "segments" and result.reference.parts_are == "documents"
    assert result.zeta_segments == (6, 6 + 5)  # 48 tokens; 48 + 42 tokens, by 8
    assert {r["key_in"] for r in result.kwic} == {"Trotsky", "sotu"}
    assert result.overlap["shared"] == 1  # "and"
    assert all(r["term"] in result.top_target + result.top_reference
               for r in result.collocations)


def test_analyse_refuses_a_comparison_with_nothing_to_test():
    tokens = {"a1": ["we", "go"], "t1": ["the", "party"]}
    profiles = {d: profile(dict(Counter(t))) for d, t in tokens.items()}
    c = resolve({"group": "Trotsky"}, {"document": "a1"})
    settings = KeynessSettings(min_freq=5, top=2, segment_size=1, collocation_window=2,
                               collocates=3, kwic_lines=2, kwic_context=3)
    with pytest.raises(ComparisonError, match="Lower keyness.min_freq"):
        analyse(c, profiles, tokens, settings=settings)
