from pathlib import Path

from wordprint.io.files import read_csv
from wordprint.io.provenance import file_sha256, in_workdir, write_record
from wordprint.workflow.provenance import output_jobs, run_record
from wordprint.workflow.step import run


def main():
    par, record, folder = snakemake.params, Path(snakemake.output[0]), Path(snakemake.params.folder)
    header, rows = read_csv(folder / "tables/cleaning.csv")
    cleaning = {row[0]: dict(zip(header[1:], row[1:])) for row in rows}
    documents = [
        {
            "id": d.id,
            "author": d.author,
            "title": d.title,
            "source": d.source,
            "file": in_workdir(str(Path(source).resolve())),
            "sha256": file_sha256(Path(source)),
            "cleaning": cleaning.get(d.id),
        }
        for d, source in zip(par.documents, par.sources)
    ]
    outputs = sorted(
        p for p in folder.rglob("*")
        if p.is_file() and not p.name.startswith(".") and p != record
    )
    write_record(
        record,
        run_record(
            config=snakemake.config,
            workflow_folder=Path(snakemake.scriptdir).parents[1],
            documents=documents,
            jobs=output_jobs(outputs),
        ),
    )
    return f"{len(outputs)} outputs recorded in {record}"


run(main, log_path=snakemake.log[0])
