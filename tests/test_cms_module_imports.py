"""cms.models and cms.forms do not import each other: the models import what they use at the top,
with no import hidden inside a function to dodge a cycle."""

import ast
from pathlib import Path

import cms

CMS = Path(cms.__file__).parent


def _imports(path):
    tree = ast.parse(path.read_text())
    top = set()
    nested = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom | ast.Import):
            names = [node.module] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
            if node in tree.body:
                top.update(names)
            else:
                nested.extend(names)
    return top, nested


def test_cms_models_import_nothing_inside_functions():
    _top, nested = _imports(CMS / "models.py")
    assert nested == []


def test_cms_models_do_not_import_cms_forms():
    top, _nested = _imports(CMS / "models.py")
    assert "cms.forms" not in top
    program_filters, _ = _imports(CMS / "program_filters.py")
    assert not {"cms.forms", "cms.models"} & program_filters
