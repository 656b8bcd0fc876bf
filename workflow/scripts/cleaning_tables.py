from wordprint.corpus import cleaning_rows
from wordprint.io.files import write_csv, write_json
from wordprint.io.profiles import read_profiles
from wordprint.io.step import run


def main():
    documents, out = snakemake.params.documents, snakemake.output
    profiles = read_profiles(snakemake.input)
    write_csv(out.cleaning, *cleaning_rows(documents, profiles))
    write_json(out.cleaning_json, {d.id: profiles[d.id]["cleaning"] for d in documents})


run(main, log_path=snakemake.log[0])
