"""Which analysis a run is, and what it is configured with.

An analysis is a named configuration (plus its catalog) and writes to ``results/<name>/`` and
``logs/<name>/``. ``config/config.yaml`` is the default analysis, the demo. A run given a config
file of its own (``--configfile``) or another catalog (``--config catalog=...``) is another
analysis: it starts from the schema's defaults and takes only what the user gave, so nothing of
the demo (its title, comparisons, report settings) applies to it unless the user says so.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

__all__ = [
    "NAME",
    "config_file_problem",
    "analysis_config",
    "analysis_name",
    "log_warnings",
    "remove_stale",
    "stale_files",
]

# A name is a folder name: letters, digits, '.', '_', '-', starting with a letter or digit.
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def _merged(base: dict[str, Any], update: Mapping[str, Any]) -> dict[str, Any]:
    """``base`` updated by ``update``, nested mappings merged key by key (as Snakemake does)."""
    for key, value in update.items():
        if isinstance(value, Mapping) and isinstance(base.get(key), dict):
            _merged(base[key], value)
        else:
            base[key] = copy.deepcopy(value)
    return base


def analysis_config(
    default: Mapping[str, Any],
    files: Sequence[Mapping[str, Any]],
    overrides: Mapping[str, Any],
) -> tuple[dict[str, Any], bool]:
    """The configuration of a run, and whether it is the default analysis.

    ``default`` is the default analysis's config file (``config/config.yaml``), ``files`` the
    config files given with ``--configfile`` (in order) and ``overrides`` the ``--config``
    values. With neither a config file nor another catalog, the run is the default analysis:
    its file, then the overrides. Otherwise: the given files, then the overrides, over the
    schema's defaults (filled in later by validation).

    Examples
    --------
    >>> demo = {"catalog": "corpus/catalog.csv", "report": {"title": "The demo"}}
    >>> analysis_config(demo, [], {"mfw": [100]})
    ({'catalog': 'corpus/catalog.csv', 'report': {'title': 'The demo'}, 'mfw': [100]}, True)
    >>> analysis_config(demo, [], {"catalog": "mine.csv"})
    ({'catalog': 'mine.csv'}, False)
    >>> analysis_config(demo, [{"catalog": "fed.csv", "report": {"mfw": 300}}], {})
    ({'catalog': 'fed.csv', 'report': {'mfw': 300}}, False)
    """
    catalog = overrides.get("catalog", default.get("catalog"))
    is_default = not files and catalog == default.get("catalog")
    config: dict[str, Any] = {}
    for layer in ([default] if is_default else list(files)) + [overrides]:
        _merged(config, layer)
    return config, is_default


def analysis_name(
    config: Mapping[str, Any], *, config_files: Sequence[str | Path], is_default: bool
) -> str:
    """The analysis's name: ``analysis`` from the config, else the name of its first config
    file (``config/federalist.yaml``: ``federalist``), else of its catalog (``mine.csv``:
    ``mine``); the default analysis is ``default`` unless its file says otherwise.

    Examples
    --------
    >>> analysis_name({"catalog": "texts/mine.csv"}, config_files=[], is_default=False)
    'mine'
    >>> analysis_name({}, config_files=["config/federalist.yaml"], is_default=False)
    'federalist'
    >>> analysis_name({"analysis": "austen"}, config_files=["a.yaml"], is_default=False)
    'austen'
    """
    if config.get("analysis"):
        name = str(config["analysis"])
        if not NAME.fullmatch(name):
            raise ValueError(
                f"config 'analysis' is {name!r}: it names a folder, so use letters, digits, "
                "'.', '_' and '-' only, starting with a letter or digit"
            )
        return name
    if is_default:
        return "default"
    source = config_files[0] if config_files else config.get("catalog", "default")
    name = Path(str(source)).stem
    # A file name outside the allowed characters gives the nearest allowed name.
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", name).lstrip("._-")
    return name or "analysis"


def stale_files(folder: str | Path, planned: set[str]) -> list[Path]:
    """The files under ``folder`` that are not ``planned`` (paths as the workflow names them):
    outputs of an earlier configuration of the analysis, which the current one no longer makes.

    Examples
    --------
    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> for name in ("a.csv", "old/b.png"):
    ...     (root / name).parent.mkdir(parents=True, exist_ok=True)
    ...     _ = (root / name).write_text("x")
    >>> [p.name for p in stale_files(root, {str(root / "a.csv")})]
    ['b.png']
    """
    planned = {str(Path(p)) for p in planned}
    return sorted(p for p in Path(folder).rglob("*") if p.is_file() and str(p) not in planned)


def remove_stale(folder: str | Path, stale: Sequence[Path]) -> None:
    """Remove ``stale`` files, then the folders under ``folder`` they leave empty."""
    for path in stale:
        path.unlink(missing_ok=True)
    for path in sorted(Path(folder).rglob("*"), key=lambda p: len(p.parts), reverse=True):
        if path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def log_warnings(logs: Sequence[str | Path]) -> list[str]:
    """The warnings wordprint's steps wrote into ``logs`` (lines ``<time> WARNING <message>``),
    each once, in the order found."""
    found: dict[str, None] = {}
    for log in logs:
        try:
            lines = Path(log).read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            continue
        for line in lines:
            _, marker, message = line.partition(" WARNING ")
            if marker:
                found.setdefault(message.strip())
    return list(found)


def config_file_problem(path: str | Path) -> str | None:
    r"""One line naming the file, the line and what is wrong when the config file at ``path``
    is not YAML (Snakemake's own message names neither); None when it reads, or is missing.

    >>> import tempfile, os
    >>> with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False) as fh:
    ...     _ = fh.write("mfw: [20\nlinkage: ward\n")
    >>> config_file_problem(fh.name).split(": ", 2)[2]
    "line 2, column 8: expected ',' or ']', but got ':'; fix the file (YAML: 'key: value', lists in [ ])."
    >>> os.unlink(fh.name)
    """
    import yaml

    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    try:
        yaml.safe_load(text)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "somewhere"
        what = " ".join(str(err.problem or err.context or "not YAML").split())
        return (f"wordprint: config file {path}: {where}: {what}; fix the file (YAML: "
                "'key: value', lists in [ ]).")
    except yaml.YAMLError as err:
        return f"wordprint: config file {path}: {err}; fix the file."
    return None
