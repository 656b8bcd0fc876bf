import logging
from pathlib import Path

from wordprint.io.files import write_text
from wordprint.workflow.step import run
from wordprint.count.profile import clean_document, document_settings
from wordprint.text.language import LanguageOptions
from wordprint.text.sentences import model_to_json, train_model, training_text


def main():
    settings = snakemake.params.settings
    texts = (
        clean_document(
            Path(source).read_bytes(),
            doc_id=d.id,
            part=own.get("part", ""),
            split=own.get("split"),
            quotations=False,
            language=LanguageOptions(**own.get("language", {})),
            tei=own.get("tei"),
        )[0]["full"]
        for d, source in zip(snakemake.params.documents, snakemake.input.sources)
        for own in [document_settings(settings, d)]
    )
    text = training_text(texts)
    logging.info("training Punkt on %d characters of %s", len(text),
                 ", ".join(d.id for d in snakemake.params.documents))
    write_text(snakemake.output[0], model_to_json(train_model(text)))
    return (f"Punkt model ({snakemake.wildcards.language}) learnt from "
            f"{len(snakemake.params.documents)} documents "
            f"({len(text):,} characters)")


run(main, log_path=snakemake.log[0])
