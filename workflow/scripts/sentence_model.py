import logging
from pathlib import Path

from wordprint.io.files import write_text
from wordprint.workflow.step import run
from wordprint.count.profile import clean_document
from wordprint.text.sentences import model_to_json, train_model, training_text


def main():
    settings = snakemake.params.settings
    texts = (
        clean_document(
            Path(source).read_bytes(),
            doc_id=d.id,
            part=d.field("part"),
            split=settings.get("split"),
            quotations=False,
        )[0]["full"]
        for d, source in zip(snakemake.params.documents, snakemake.input.sources)
    )
    text = training_text(texts)
    logging.info("training Punkt on %d characters of %s", len(text),
                 ", ".join(d.id for d in snakemake.params.documents))
    write_text(snakemake.output[0], model_to_json(train_model(text)))
    return (f"Punkt model learnt from {len(snakemake.params.documents)} documents "
            f"({len(text):,} characters)")


run(main, log_path=snakemake.log[0])
