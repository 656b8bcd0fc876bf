"""The ``wordprint`` command: start an analysis of a folder of texts.

    wordprint new texts/ [--name NAME]

writes ``texts/catalog.csv`` (one row per ``*.txt`` file, author and title from stylo's
``Author_Title.txt`` names; see :mod:`wordprint.io.folder`) and ``config/<name>.yaml`` holding
only what differs from the defaults (the analysis's name and its catalog), then says how to run
it. The analysis's outputs go to ``results/<name>/``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from wordprint.io.catalog import CatalogError
from wordprint.io.files import write_text
from wordprint.io.folder import folder_catalog
from wordprint.workflow.analysis import NAME


def new_analysis(
    folder: Path, *, name: str | None, config_dir: Path, force: bool
) -> tuple[Path, int]:
    """Write the folder's catalog and the analysis's config; return the config's path and the
    number of texts listed."""
    name = name or folder.resolve().name
    if not NAME.fullmatch(name):
        raise CatalogError(
            f"the analysis name {name!r} names a folder under results/: use letters, digits, "
            "'.', '_' and '-', starting with a letter or digit (--name)."
        )
    catalog, config = folder / "catalog.csv", config_dir / f"{name}.yaml"
    for path in (catalog, config):
        if path.exists() and not force:
            raise CatalogError(f"{path} exists already; --force replaces it.")
    text = folder_catalog(folder)
    write_text(catalog, text)
    write_text(
        config,
        f"# The analysis '{name}': the texts in {folder}, every other setting the default\n"
        "# (docs/guide/configuration.md lists them all). Run it with\n"
        f"#   snakemake --cores all --configfile {config}\n"
        f"analysis: {name}\n"
        f"catalog: {catalog.as_posix()}\n",
    )
    return config, text.count("\n") - 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="wordprint", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    new = commands.add_parser(
        "new", help="start an analysis of a folder of texts (Author_Title.txt names)"
    )
    new.add_argument("folder", type=Path, help="the folder holding the texts (*.txt)")
    new.add_argument("--name", help="the analysis's name (default: the folder's)")
    new.add_argument("--config-dir", type=Path, default=Path("config"),
                     help="where the config goes (default: config/)")
    new.add_argument("--force", action="store_true", help="replace an existing catalog or config")
    args = parser.parse_args(argv)
    try:
        config, rows = new_analysis(args.folder, name=args.name, config_dir=args.config_dir,
                                    force=args.force)
    except CatalogError as err:
        print(f"wordprint: {err}", file=sys.stderr)
        return 1
    print(f"wordprint: {rows} texts listed in {args.folder / 'catalog.csv'}; config {config}.")
    print(f"Run it:  snakemake --cores all --configfile {config}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
