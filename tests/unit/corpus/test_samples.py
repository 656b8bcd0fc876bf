"""Samples of documents (wordprint.corpus.samples): a sample id names its catalog document."""

from wordprint.corpus.documents import Document
from wordprint.corpus.samples import documents_of


def test_documents_of_finds_each_sample_ids_catalog_document():
    # Tables read back from files name their rows by sample id (view and segment included).
    a = Document("a", "A", "t", "1", "g1", "a.txt", "file", "a.txt")
    b = Document("b-2", "B", "t", "1", "g2", "b.txt", "file", "b.txt")
    found = documents_of(["b-2 (own) [3]", "a", "a (quoted)", "b-2 [1]"], [a, b])
    assert found == [b, a, a, b]
