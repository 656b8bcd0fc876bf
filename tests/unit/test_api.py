"""The notebook API (wordprint.api): a folder to a tree in a few calls, the workflow's steps."""

import numpy as np
import pandas as pd
import pytest

import wordprint
from wordprint.clustering.hierarchy import hierarchical
from wordprint.count.profile import profile_document
from wordprint.features.mfw import feature_table
from wordprint.measures.distances import distance_matrix


@pytest.fixture(scope="module")
def corpus(small_corpus):
    return wordprint.read_folder(small_corpus)


def test_a_folder_becomes_documents_named_by_their_files(corpus):
    assert len(corpus) == 6 and corpus.ids[0] == "Ames_One"
    assert corpus.authors.to_dict()["Crane_Two"] == "Crane"
    assert list(corpus.metadata.columns) == ["author", "title", "year", "group"]
    assert "6 documents, 3 authors" in repr(corpus)


def test_counts_are_the_workflows_counts(corpus, small_corpus):
    raw = (small_corpus / "Birch_Two.txt").read_bytes()
    settings = wordprint.Tokens().profile_settings()
    view = profile_document(raw, doc_id="Birch_Two", settings=settings)["views"]["full"]
    assert corpus.counts["Birch_Two"] == view["counts"]
    assert corpus.totals["Birch_Two"] == view["tokens"] == 1500


def test_the_mfw_table_is_the_workflows_table(corpus):
    table = corpus.mfw(5, culling=0.5)
    words, expected = feature_table([corpus.counts[i] for i in corpus.ids],
                                    totals=[corpus.totals[i] for i in corpus.ids], n=5,
                                    culling=0.5)
    assert list(table.columns) == words and list(table.index) == corpus.ids
    np.testing.assert_array_equal(table.to_numpy(), expected)
    assert table.columns[0] == "the"  # the most frequent word of every author


@pytest.mark.parametrize("short, measure", [("cosine", "cosine_delta"), ("burrows", "burrows"),
                                            ("argamon", "argamon_linear"), ("minmax", "minmax")])
def test_delta_names_resolve_to_the_registry(corpus, short, measure):
    table = corpus.mfw(12)
    distances = wordprint.delta(table, short)
    np.testing.assert_array_equal(distances.to_numpy(),
                                  distance_matrix(table.to_numpy(), measure=measure))
    assert list(distances.index) == list(distances.columns) == corpus.ids


def test_distance_takes_the_registry_names_and_a_normalisation(corpus):
    table = corpus.mfw(12)
    plain = wordprint.distance(table, "cosine")
    assert not np.allclose(plain, wordprint.delta(table, "cosine"))  # cosine is not Cosine Delta
    clamped = wordprint.distance(table, "burrows", normalisation="clamp")
    assert clamped.attrs["measure"] == "Classic Delta" and np.all(clamped.to_numpy() >= 0)
    with pytest.raises(ValueError, match="unknown measure 'cosin'"):
        wordprint.delta(table, "cosin")


def test_cosine_delta_and_ward_recover_the_three_authors(corpus):
    tree = wordprint.cluster(wordprint.delta(corpus.mfw(12), "cosine"), linkage="ward")
    assert tree.method == "ward.D" and tree.scores(corpus.authors)["ari"] == 1.0
    clusters = tree.clusters(3)
    assert isinstance(clusters, pd.Series) and clusters["Ames_One"] == clusters["Ames_Two"]
    assert sorted(tree.order) == sorted(corpus.ids)
    np.testing.assert_array_equal(
        tree.linkage, hierarchical(wordprint.delta(corpus.mfw(12)).to_numpy(), method="ward.D"))


def test_cluster_refuses_an_unknown_linkage_or_a_table_that_is_not_square(corpus):
    distances = wordprint.delta(corpus.mfw(12))
    with pytest.raises(ValueError, match="unknown linkage 'wards'"):
        wordprint.cluster(distances, linkage="wards")
    with pytest.raises(ValueError, match="square"):
        wordprint.cluster(distances.iloc[:, ::-1])


def test_the_dendrogram_names_its_merges_and_colours_by_author(corpus):
    tree = wordprint.cluster(wordprint.delta(corpus.mfw(12)), linkage="average")
    figure = wordprint.plot.dendrogram(tree, groups=corpus.authors)
    texts = {t.get_text() for ax in figure.axes for t in ax.get_yticklabels()}
    assert set(corpus.ids) <= texts
    assert figure.axes[0].get_xlabel() == "Cosine Delta (average linkage)"


def test_a_catalog_and_texts_in_memory_give_the_same_corpus(corpus, small_corpus, tmp_path):
    catalog = tmp_path / "catalog.csv"
    rows = ["id,author,title,year,group,source"]
    rows += [f"{i},{i.split('_')[0]},{i},1900,x,{small_corpus / (i + '.txt')}" for i in corpus.ids]
    catalog.write_text("\n".join(rows) + "\n")
    from_catalog = wordprint.read_catalog(catalog, allow_outside=True)
    texts = {i: (small_corpus / f"{i}.txt").read_text() for i in corpus.ids}
    in_memory = wordprint.from_texts(texts, authors=corpus.authors.to_dict())
    for other in (from_catalog, in_memory):
        pd.testing.assert_frame_equal(other.mfw(20), corpus.mfw(20))


def test_tokens_settings_reach_the_counts(tmp_path):
    texts = {"a": "The the THE cat", "b": "the dog", "c": "a bird"}
    assert wordprint.from_texts(texts).counts["a"]["the"] == 3
    kept = wordprint.from_texts(texts, tokens=wordprint.Tokens(lowercase=False))
    assert kept.counts["a"]["The"] == 1


def test_importing_one_module_does_not_load_the_notebook_api():
    import subprocess
    import sys

    code = "import sys, wordprint.text.tokenize; print('pandas' in sys.modules)"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False"


def test_a_tree_scores_the_labelled_documents_only(corpus):
    # Issue #19: a questioned text (no label) is clustered but neither scored nor a label of
    # its own in the default k. Birch_Two plays the questioned text.
    tree = wordprint.cluster(wordprint.delta(corpus.mfw(12), "cosine"))
    labels = corpus.authors.where(corpus.authors.index != "Birch_Two", None)
    assert tree.scores(labels) == tree.scores(labels.drop("Birch_Two"))
    assert tree.scores(labels)["ari"] == 1.0  # 3 clusters of the 5 known texts' 3 authors
    with pytest.raises(ValueError, match="no document"):
        tree.scores({})
