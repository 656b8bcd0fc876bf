"""The attribution stage over a corpus: roles, grouped cross-validation, attributing the
questioned samples, verification, rolling Delta tables, the figure's data."""


import numpy as np
import pytest

from wordprint.attribute.classify import Options
from wordprint.attribute.figure import figure_data
from wordprint.attribute.plan import Plan, plan_attribution, split_samples
from wordprint.attribute.questioned import attribution_rows, attribution_summary
from wordprint.attribute.rolling_tables import (
    quotation_token_spans,
    reference_windows,
    rolled_text,
    rolling_plot_rows,
    rolling_table,
)
from wordprint.attribute.validation import cross_validate, cross_validation, folds
from wordprint.attribute.verification import problem_seed, verification
from wordprint.corpus.documents import Document
from wordprint.count.profile import DocumentError
from wordprint.workflow.attribute import attribution_settings



def doc(i: str, author: str, **extra: str) -> Document:
    return Document(i, author, "", "1788", author, "t.txt", "file", "t.txt", extra)


FEDERALIST = [
    doc("h1", "Hamilton", role="known"),
    doc("h2", "Hamilton", role="known"),
    doc("h3", "Hamilton", role="known"),
    doc("m1", "Madison", role="known"),
    doc("m2", "Madison", role="known"),
    doc("j1", "Jay", role="known"),
    doc("q1", "disputed", role="questioned"),
    doc("q2", "disputed", role="Questioned "),
    doc("x1", "Hamilton and Madison", role="joint"),
    doc("e1", "", role=""),
]


def plan(settings=None, documents=FEDERALIST, views=("full",), mfw=(100, 300)):
    # settings as the config writes them, read as the workflow reads them
    return plan_attribution(documents, label_column="author", views=views, mfw=mfw,
                            settings=attribution_settings(settings or {}))


def clusters(seed: int, n: int = 4, n_features: int = 30, authors: str = "abc"):
    # Well-separated authors: each its own mean profile plus 10% noise.
    rng = np.random.default_rng(seed)
    means = rng.uniform(0.005, 0.05, size=(len(authors), n_features))
    X = np.vstack([m * rng.uniform(0.9, 1.1, size=(n, n_features)) for m in means])
    return X, [a for a in authors for _ in range(n)]


# --- the plan -----------------------------------------------------------------------------------


def test_roles_come_from_the_catalog_column_and_other_roles_are_left_out():
    p = plan()
    assert p.enabled and p.questioned == ("q1", "q2")  # case and spaces do not matter
    assert p.roles["x1"] == "joint" and p.roles["e1"] == ""
    assert p.labels == {"h1": "Hamilton", "h2": "Hamilton", "h3": "Hamilton", "m1": "Madison",
                        "m2": "Madison", "j1": "Jay"}
    # Hamilton and Madison have 2+ known documents: the calibration can run.
    assert p.impostors and p.candidates == ("Hamilton", "Jay", "Madison")
    assert p.palette == ["Hamilton", "Jay", "Madison"]


def test_without_a_role_column_the_stage_is_off_unless_asked():
    plain = [doc(d.id, d.author) for d in FEDERALIST[:6]]
    assert not plan(documents=plain).enabled
    on = plan({"enabled": True}, documents=plain)
    assert on.enabled and set(on.roles.values()) == {"known"} and on.questioned == ()
    assert not on.impostors  # nothing to verify
    asked = plan({"questioned": ["j1"]}, documents=plain)
    assert asked.enabled and asked.questioned == ("j1",) and "j1" not in asked.labels
    assert not plan({"enabled": False}).enabled


def test_candidates_and_rolling_references():
    p = plan({"impostors": {"candidates": ["Madison"]},
              "rolling": {"documents": ["x1"], "candidates": ["Hamilton", "Madison"]}})
    assert p.candidates == ("Madison",) and p.rolling == ("x1",)
    assert p.rolling_references == ("h1", "h2", "h3", "m1", "m2")
    assert p.palette == ["Madison", "Hamilton", "Jay"]


def test_impostors_need_two_authors_with_two_known_documents():
    few = [doc("a1", "A", role="known"), doc("a2", "A", role="known"),
           doc("b1", "B", role="known"), doc("q", "?", role="questioned")]
    assert not plan({"min_documents": 1}, documents=few).impostors


@pytest.mark.parametrize(
    "settings, message",
    [
        ({"questioned": ["nope"]}, "attribution.questioned names 'nope'"),
        ({"impostors": {"candidates": ["Jefferson"]}},
         r"impostors.candidates names \['Jefferson'\]"),
        ({"rolling": {"candidates": ["Jefferson"]}}, "rolling.candidates"),
        ({"rolling": {"documents": ["nope"]}}, "rolling.documents names 'nope'"),
        ({"views": ["own"]}, "does not profile"),
        ({"rolling": {"view": "own"}}, "rolling.view is 'own'"),
        ({"impostors": {"mfw": 500}}, r"impostors.mfw is 500.*\[100, 300\]"),
        ({"min_documents": 3}, "at least 2 authors with attribution.min_documents"),
    ],
)
def test_bad_settings_name_the_key(settings, message):
    with pytest.raises(ValueError, match=message):
        plan(settings)


def test_a_known_document_needs_a_label_and_two_authors_are_needed():
    with pytest.raises(ValueError, match="'e1' is known but its 'author'"):
        plan(documents=[*FEDERALIST[:6], doc("e1", "", role="known")])
    with pytest.raises(ValueError, match="at least 2 authors"):
        plan(documents=[doc("a1", "A", role="known"), doc("a2", "A", role="known")])


def test_split_samples_trains_on_full_views_and_every_segment():
    p = Plan(True, {"a": "known", "b": "known", "q": "questioned", "j": "joint"},
             {"a": "A", "b": "B"}, ("q",), ("full", "own"))
    ids = ["a [1]", "a [2]", "a (own) [1]", "b", "q", "q (own)", "q (quoted)", "j"]
    out = split_samples(ids, p)
    assert out["known"] == [0, 1, 3] and out["labels"] == ["A", "A", "B"]
    assert out["documents"] == ["a", "a", "b"]
    assert out["questioned"] == [4, 5]
    with pytest.raises(DocumentError, match=r"'q' have none of the views in attribution.views"):
        split_samples(["a", "b", "q"], Plan(True, p.roles, p.labels, ("q",), ("own",)))


# --- cross-validation ---------------------------------------------------------------------------


def test_folds_never_split_a_document():
    labels = ["a"] * 6 + ["b"] * 6
    groups = [f"{x}{i // 2}" for x in "ab" for i in range(6)]  # 3 documents each, 2 samples
    for cv in ("loo", "kfold"):
        splits = folds(labels, groups=groups, cv=cv, n_folds=3, seed=4)
        assert sorted(np.concatenate([t for _, t in splits]).tolist()) == list(range(12))
        for train, test in splits:
            assert not {groups[i] for i in train} & {groups[i] for i in test}
    assert len(folds(labels, groups=groups)) == 6  # leave one document out
    same = folds(labels, groups=groups, cv="kfold", n_folds=3, seed=4)
    again = folds(labels, groups=groups, cv="kfold", n_folds=3, seed=4)
    assert [t.tolist() for _, t in same] == [t.tolist() for _, t in again]


def test_folds_with_one_sample_per_document_are_the_ungrouped_folds():
    labels = list("aaabbbccc")
    for cv in ("loo", "kfold"):
        ours = folds(labels, groups=[str(i) for i in range(9)], cv=cv, n_folds=3, seed=2)
        theirs = folds(labels, cv=cv, n_folds=3, seed=2)
        assert [t.tolist() for _, t in ours] == [t.tolist() for _, t in theirs]
    with pytest.raises(ValueError, match="n_folds must be between 2 and the number"):
        folds(labels, groups=list("aabbccdde"), cv="kfold", n_folds=7)


def test_cross_validation_matches_the_classifier_and_leaves_out_lone_authors():
    X, labels = clusters(1, authors="abcd")
    X, labels = X[:13], labels[:13]  # author d keeps one text: left out
    ids = [str(i) for i in range(13)]
    out = cross_validation({30: X}, labels, ids=ids, classifiers=["delta", "svm"])
    assert [r["samples"] for r in out["crossval"]] == [12, 12]
    assert "12" not in {r["id"] for r in out["predictions"]}
    for classifier in ("delta", "svm"):
        theirs = cross_validate(X[:12], labels[:12], ids=ids[:12], classifier=classifier)
        mine = [r for r in out["predictions"] if r["classifier"] == classifier]
        assert [r["predicted"] for r in mine] == [r["predicted"] for r in theirs["predictions"]]
    # The confusion table is complete (3 x 3 per classifier) and counts every prediction.
    assert len(out["confusion"]) == 18
    assert sum(r["count"] for r in out["confusion"]) == 24


def test_cross_validation_hand_computed():
    # Manhattan distance, nearest text. One informative word: a = 0.00, 0.02; b = 0.10, 0.11;
    # c = 0.04, 0.20. Left out: 0.00 -> 0.02 (a) right; 0.02 -> 0.00 (a) right;
    # 0.10 -> 0.11 (b) right; 0.11 -> 0.10 (b) right; 0.04 -> 0.02 (a) wrong;
    # 0.20 -> 0.11 (b) wrong. Accuracy 4/6; precision a 2/3, b 2/3, c 0; recall 1, 1, 0;
    # F1 0.8, 0.8, 0 -> macro F1 1.6/3.
    X = np.array([[0.00, 0.5], [0.02, 0.5], [0.10, 0.5], [0.11, 0.5], [0.04, 0.5], [0.20, 0.5]])
    out = cross_validation({2: X}, list("aabbcc"), ids=list("123456"), classifiers=["delta"],
                           options=Options(measure="manhattan"))
    row = out["crossval"][0]
    assert row["accuracy"] == pytest.approx(4 / 6)
    assert row["macro_precision"] == pytest.approx(4 / 9)
    assert row["macro_f1"] == pytest.approx(1.6 / 3)
    assert [r["predicted"] for r in out["predictions"]] == list("aabbab")


def test_cross_validation_needs_two_authors_with_enough_documents():
    X, labels = clusters(2, n=2, authors="ab")
    with pytest.raises(ValueError, match="at least 2 authors with 3 or more"):
        cross_validation({30: X}, labels, ids=list("1234"), min_documents=3)


def test_segments_of_one_document_do_not_judge_each_other():
    # Each document's two segments are identical: if a segment could see its twin in training,
    # every prediction would be right. Documents of one author share nothing but noise, so
    # leaving out whole documents must give a different answer from leaving out samples.
    rng = np.random.default_rng(3)
    docs = rng.uniform(0.01, 0.05, size=(8, 40))
    X = np.repeat(docs, 2, axis=0)
    labels = [a for a in "ab" for _ in range(8)]
    groups = [f"d{i // 2}" for i in range(16)]
    grouped = cross_validation({40: X}, labels, ids=[str(i) for i in range(16)],
                               documents=groups, classifiers=["delta"])
    leaky = cross_validate(X, labels, classifier="delta")
    assert leaky["metrics"]["accuracy"] == 1.0
    assert grouped["crossval"][0]["accuracy"] < 1.0


def test_lee_leave_one_out_reproduces_stylo_through_the_stage(lee):
    # The stage's cross-validation is the classifier's: stylo's published leave-one-out result
    # on lee, Classic Delta, 3,000 MFW: accuracy 0.9285714, macro F1 0.9293651 (Eder, stylo
    # blog 2021-07-27, "performance measures"; see tests/unit/attribute/test_classify.py).
    ids, table = lee
    X = table / 100
    out = cross_validation({3000: X}, [i.split("_")[0] for i in ids], ids=ids,
                           classifiers=["delta"])
    row = out["crossval"][0]
    assert (row["accuracy"], row["macro_f1"]) == pytest.approx((0.9285714, 0.9293651), abs=1e-7)


# --- attributing and summarising ------------------------------------------------------------------


def test_attribution_rows_and_summary():
    X, labels = clusters(5)
    Q = X[[0, 5]] * 1.01  # near an "a" text and a "b" text
    rows = attribution_rows({30: X, 20: X[:, :20]}, labels, {30: Q, 20: Q[:, :20]},
                            ids=["q1", "q2 (own)"], classifiers=["delta", "nsc"])
    assert len(rows) == 8
    assert {r["predicted"] for r in rows if r["id"] == "q1"} == {"a"}
    assert {(r["document"], r["view"]) for r in rows} == {("q1", "full"), ("q2", "own")}
    assert all(r["score_is"].startswith("distance") for r in rows if r["classifier"] == "delta")
    summary = attribution_summary(rows)
    assert [(r["id"], r["author"], r["share"]) for r in summary] == [
        ("q1", "a", 1.0), ("q2 (own)", "b", 1.0)]


def test_summary_shares_and_ties():
    rows = [{"id": "q", "predicted": p} for p in "MMHHJ"]
    summary = attribution_summary(rows)
    assert [(r["author"], r["settings"], r["of"], r["majority"]) for r in summary] == [
        ("H", 2, 5, True), ("M", 2, 5, True), ("J", 1, 5, False)]
    assert sum(r["share"] for r in summary) == pytest.approx(1.0)


# --- verification ---------------------------------------------------------------------------------


def test_verification_is_seeded_per_problem_and_answers():
    X, labels = clusters(11, n=4, authors="abcd")
    Q = X[[0, 8]] * 1.02  # an "a" text and a "c" text, slightly changed
    known_ids = [str(i) for i in range(len(X))]
    kw = dict(ids=["qa", "qc"], known_ids=known_ids, iterations=30, seed=3, step=0.05)
    one = verification(X, labels, Q, candidates=["a", "c"], **kw)
    other = verification(X, labels, Q, candidates=["c", "a"], **kw)
    score = {(r["id"], r["candidate"]): r["score"] for r in one["rows"]}
    # Same problem, same seed, same score, whatever else is verified and in which order.
    assert score == {(r["id"], r["candidate"]): r["score"] for r in other["rows"]}
    answer = {(r["id"], r["candidate"]): r["answer"] for r in one["rows"]}
    assert answer[("qa", "a")] == "yes" and answer[("qc", "c")] == "yes"
    assert answer[("qa", "c")] == "no" and answer[("qc", "a")] == "no"
    row = one["rows"][0]
    assert (row["candidate_samples"], row["impostors"]) == (4, 12)
    assert 0 <= row["probability"] <= 1
    # Calibration problems: 16 known texts x 4 authors.
    assert len(one["known"]) == 64
    assert problem_seed(3, "qa", "a") != problem_seed(3, "qa", "c")


def test_verification_calibrates_on_one_sample_per_document():
    X, labels = clusters(12, n=4, authors="abc")
    documents = [f"{a}{i // 2}" for a in "abc" for i in range(4)]  # two samples each
    out = verification(X, labels, X[:1], ids=["q"], known_ids=[str(i) for i in range(12)],
                       known_documents=documents, candidates=["a"], iterations=10, step=0.1)
    assert len(out["known"]) == 6 * 3  # 6 documents, 3 authors
    with pytest.raises(ValueError, match="candidates"):
        verification(X, labels, X[:1], ids=["q"], known_ids=[str(i) for i in range(12)],
                     candidates=["z"], iterations=5)


# --- rolling Delta --------------------------------------------------------------------------------


def test_quotation_spans_cover_the_quoted_tokens():
    text = 'We read that "the old order is dead and buried" (TRB, 76), and we doubt it.'
    tokens, spans = rolled_text(text.encode(), doc_id="d",
                                settings={"pattern": "words", "lowercase": True,
                                          "short_quotes": "quoted"})
    assert spans == [(3, 10)]
    assert tokens[3:10] == ["the", "old", "order", "is", "dead", "and", "buried"]
    assert quotation_token_spans(text) == spans
    own, no_spans = rolled_text(text.encode(), doc_id="d", view="own",
                                settings={"pattern": "words", "short_quotes": "quoted"})
    assert no_spans == [] and "buried" not in own


def test_reference_windows_hand_computed():
    # "a b a c" / "a a b b": a = 2/4 and 2/4, b = 1/4 and 2/4; the tail "c" is dropped.
    table = reference_windows("a b a c a a b b c".split(), ["a", "b"], size=4)
    assert table.tolist() == [[0.5, 0.25], [0.5, 0.5]]


def test_rolling_table_finds_the_change_of_hands_and_the_quotations():
    a_text = ("x x y z " * 50).split()
    b_text = ("y y x z " * 50).split()
    text = a_text[:40] + b_text[:40]
    out = rolling_table(text, ["x", "y", "z"], {"a1": a_text, "b1": b_text},
                        {"a1": "A", "b1": "B"}, doc_id="t", size=20, step=20,
                        measure="manhattan", spans=[(10, 30)])
    assert [r["nearest"] for r in out["rows"]] == ["A", "A", "B", "B"]
    assert [r["quoted_share"] for r in out["rows"]] == [0.5, 0.5, 0.0, 0.0]
    assert out["authors"] == ["A", "B"] and out["reference_windows"] == {"A": 10, "B": 10}
    plot_rows = rolling_plot_rows(out)
    assert len(plot_rows) == 2 * 4 + 1 and plot_rows[-1]["x_end"] == 30
    with pytest.raises(DocumentError, match="'t' has 80 tokens, fewer than one rolling window"):
        rolling_table(text, ["x"], {"a1": a_text}, {"a1": "A"}, doc_id="t", size=100, step=10)


def test_figure_data_from_the_tables():
    summary = [
        {"id": "q1", "author": "M", "settings": "3", "of": "4", "share": "0.75"},
        {"id": "q1", "author": "H", "settings": "1", "of": "4", "share": "0.25"},
        {"id": "q2", "author": "H", "settings": "4", "of": "4", "share": "1.0"},
    ]
    impostors = [{"id": "q1", "candidate": "M", "score": "0.9"},
                 {"id": "q2", "candidate": "M", "score": "0.2"}]
    calibration = [{"calibration": "grey_zone", "evaluation": "in_sample", "p1": "0.4",
                    "p2": "0.6"}]
    data = figure_data(summary, impostors, calibration)
    # H has 1.25 of the shares, M 0.75: H first.
    assert data["shares"] == {"H": [0.25, 1.0], "M": [0.75, 0.0]}
    assert data["verification"] == {"M": [0.9, 0.2]} and data["grey_zone"] == (0.4, 0.6)
    assert data["settings"] == 4 and len(data["rows"]) == 4 + 2 + 2
