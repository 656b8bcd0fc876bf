"""Do two versions of wordprint make the same files? Runs one analysis with each, compares bytes.

    python benchmarks/same_outputs.py BEFORE [--config config/federalist.yaml] [--mirror DIR]

BEFORE is a git revision (e.g. ``HEAD~3`` or a commit); its files are exported into a temporary
folder. The other side is the working tree as it is now (its tracked and new files, not
committed yet). Each side runs in its own temporary copy with its own ``src/`` first on the
Python path, so each runs its own library. Every file of ``results/<analysis>/`` is compared by
SHA-256, except ``provenance.json`` (it records when each job ran). Exits 1 if any file differs,
is missing or is new, and lists them.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
IGNORED = {"provenance.json"}


def checkout(revision: str, into: Path) -> None:
    """The files of ``revision`` in ``into``, without git: the figures record the commit of a
    git folder, so both sides must be plain folders."""
    into.mkdir()
    archive = subprocess.run(["git", "-C", str(REPO), "archive", revision], check=True,
                             capture_output=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)


def copy_working_tree(into: Path) -> None:
    """The working tree's tracked and untracked (not ignored) files, as they are now."""
    listed = subprocess.run(["git", "-C", str(REPO), "ls-files", "--cached", "--others",
                             "--exclude-standard", "-z"], check=True, capture_output=True)
    for name in listed.stdout.decode().split("\0"):
        if name and (REPO / name).is_file():
            (into / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, into / name)


def run(tree: Path, config: str | None, mirror: Path | None) -> Path:
    """Run the analysis in ``tree`` with that tree's library; its results folder."""
    command = [sys.executable, "-m", "snakemake", "--cores", "2", "--quiet", "all"]
    if config:
        command += ["--configfile", config]
    if mirror:
        command += ["--config", f"gutenberg_mirror={mirror}"]
    env = {**os.environ, "PYTHONPATH": str(tree / "src")}
    subprocess.run(command, cwd=tree, env=env, check=True, capture_output=True)
    (folder,) = [p for p in (tree / "results").iterdir() if p.is_dir()]
    return folder


def digests(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name not in IGNORED
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", help="a git revision to compare the working tree with")
    parser.add_argument("--config", help="an analysis's config file (default: the default analysis)")
    parser.add_argument("--mirror", type=Path, default=SHARED / "corpora" / "gutenberg",
                        help="the Gutenberg mirror for analyses that download texts")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="wordprint-same-") as tmp:
        before, after = Path(tmp, "before"), Path(tmp, "after")
        checkout(args.before, before)
        copy_working_tree(after)
        mirror = args.mirror.resolve() if args.config else None
        old = digests(run(before, args.config, mirror))
        new = digests(run(after, args.config, mirror))
    differ = sorted(name for name in old.keys() & new.keys() if old[name] != new[name])
    missing, added = sorted(old.keys() - new.keys()), sorted(new.keys() - old.keys())
    print(f"{len(old)} files before, {len(new)} after; {len(differ)} differ, "
          f"{len(missing)} missing, {len(added)} new")
    for label, names in (("differs", differ), ("missing", missing), ("new", added)):
        for name in names:
            print(f"  {label}: {name}")
    return 1 if differ or missing or added else 0


if __name__ == "__main__":
    sys.exit(main())
