"""The library is pure: only wordprint.workflow (and the `wordprint` command) knows Snakemake."""

import ast

from tests.support import REPO

PACKAGE = REPO / "src" / "wordprint"
RUNTIME = ("workflow", "cli.py")  # the Snakemake runtime and the command that starts a run


def library_modules():
    return [path for path in sorted(PACKAGE.rglob("*.py"))
            if path.relative_to(PACKAGE).parts[0] not in RUNTIME]


def imported(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def test_the_library_imports_neither_snakemake_nor_the_workflow_runtime():
    found = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in library_modules()
        for name in imported(ast.parse(path.read_text()))
        if name.split(".")[0] == "snakemake" or name.startswith("wordprint.workflow")
    ]
    assert library_modules() and not found, found


def test_no_library_function_takes_the_workflow_config():
    found = [
        f"{path.relative_to(PACKAGE)}: {node.name}({arg.arg})"
        for path in library_modules()
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        for arg in [*node.args.args, *node.args.kwonlyargs]
        if arg.arg == "config"
    ]
    assert not found, found


def test_the_check_sees_a_violation(tmp_path):
    # the walk above would notice a module that imports Snakemake
    tree = ast.parse("from snakemake.utils import validate\nimport wordprint.workflow.step\n")
    assert {"snakemake.utils", "wordprint.workflow.step"} <= set(imported(tree))
