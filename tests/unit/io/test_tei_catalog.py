"""A folder of TEI files as a catalog, and TEI rows of a CSV catalog (wordprint.io.catalog,
wordprint.io.folder), on a slice of the ELTeC novels."""

import shutil

import pytest

import wordprint
from wordprint.io.catalog import CatalogError, read_catalog

SLICE = ["FRA00501_Balzac.xml", "FRA00502_Balzac.xml", "FRA00503_Balzac.xml",
         "FRA01301_Flaubert.xml", "FRA01302_Flaubert.xml", "FRA01303_Flaubert.xml"]


@pytest.fixture(scope="module")
def tei_folder(shared, tmp_path_factory):
    folder = tmp_path_factory.mktemp("tei")
    for name in SLICE:
        shutil.copy(shared / "corpora/eltec-fra/tei" / name, folder / name)
    return folder


def test_a_folder_of_tei_files_is_a_catalog_from_their_headers(tei_folder):
    documents = read_catalog(tei_folder)
    assert [d.id for d in documents] == [name[:-4] for name in SLICE]
    assert {d.author for d in documents} == {"Balzac, Honoré de", "Flaubert, Gustave"}
    assert all(d.field("language") == "fr" and d.year.isdigit() for d in documents)
    assert documents[0].title.startswith("Albert Savarus")


def test_a_csv_row_naming_a_tei_file_takes_its_language_from_xml_lang(tei_folder):
    catalog = tei_folder / "catalog.csv"
    catalog.write_text("id,author,title,year,group,source\n"
                       f"a,Balzac,T,1850,g,tei:{SLICE[0]}\nb,Flaubert,T,1850,g,{SLICE[3]}\n")
    documents = read_catalog(catalog)
    assert [d.field("language") for d in documents] == ["fr", "fr"]
    assert documents[0].locator.endswith(SLICE[0])


def test_a_broken_tei_file_in_a_folder_is_named(tei_folder, tmp_path):
    for name in SLICE[:3]:
        shutil.copy(tei_folder / name, tmp_path / name)
    (tmp_path / "broken.xml").write_bytes(b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader>')
    with pytest.raises(CatalogError, match="file 'broken.xml': document 'broken'"):
        read_catalog(tmp_path)


def test_the_slice_clusters_by_author_with_elisions_split(tei_folder):
    corpus = wordprint.read_folder(tei_folder)
    assert "l" in corpus.mfw(20).columns and "l'homme" not in corpus.counts[corpus.ids[0]]
    tree = wordprint.cluster(wordprint.delta(corpus.mfw(500), "cosine"), linkage="ward")
    assert tree.scores(corpus.authors)["ari"] == 1.0
