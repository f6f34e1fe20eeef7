"""The layers of ../shared/DESIGN.md (Layout): each package imports only from those below it, function-level
imports included, and the site (cms) may import all of them."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: From the bottom up.
LAYERS = ["accounts", "notifications", "sprints", "cohorts", "coaching", "cms"]


def _imported_packages(path):
    """(line, top-level package) of every absolute import in `path`, wherever it is written."""
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module.split(".")[0]
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name.split(".")[0]


def _edges():
    for package in LAYERS:
        for path in sorted((ROOT / package).rglob("*.py")):
            for line, imported in _imported_packages(path):
                if imported in LAYERS and imported != package:
                    yield package, imported, f"{path.relative_to(ROOT)}:{line}"


def test_every_layer_is_a_package():
    for package in LAYERS:
        assert (ROOT / package / "__init__.py").exists(), package


@pytest.mark.parametrize("package", LAYERS)
def test_package_imports_only_layers_below_it(package):
    upward = [
        f"{where} imports {imported}"
        for importer, imported, where in _edges()
        if importer == package and LAYERS.index(imported) > LAYERS.index(importer)
    ]
    assert upward == []


def test_no_import_cycle_between_packages():
    graph = {package: set() for package in LAYERS}
    for importer, imported, _where in _edges():
        graph[importer].add(imported)
    visiting, done = set(), set()

    def visit(package, path):
        assert package not in visiting, " -> ".join([*path, package])
        if package in done:
            return
        visiting.add(package)
        for imported in sorted(graph[package]):
            visit(imported, [*path, package])
        visiting.discard(package)
        done.add(package)

    for package in LAYERS:
        visit(package, [])


def test_the_walk_sees_function_level_imports(tmp_path):
    module = tmp_path / "module.py"
    module.write_text("def later():\n    from coaching.models import ActionItem\n")
    assert list(_imported_packages(module)) == [(2, "coaching")]
