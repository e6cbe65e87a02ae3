"""The layering the project depends on: the extractor is a pure library."""
import subprocess
import sys


def test_import_extract_loads_neither_flask_nor_sqlalchemy():
    code = (
        "import sys, tracker.extract, tracker.extract.pledges, tracker.extract.deadlines;"
        "from tracker.extract import extract_document;"
        "extract_document('今年将新建幼儿园3所。');"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'flask', 'sqlalchemy', 'werkzeug', 'alembic'});"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


# --- who may import whom, read from the source (ast): every import, at the top or in a function ----

import ast  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

PACKAGE = Path(__file__).resolve().parent.parent / "tracker"


def _modules(*parts: str):
    for path in sorted(PACKAGE.joinpath(*parts).rglob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _imported(tree: ast.AST):
    """(line, module, names) of every import in ``tree``; names is empty for ``import module``."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, []
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            yield node.lineno, node.module or "", [a.name for a in node.names]


def _name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_the_web_imports_neither_the_models_nor_the_extractor():
    """The web reads and writes through services: no model, no extractor, no query of its own."""
    found = []
    for path, tree in _modules("web"):
        for line, module, names in _imported(tree):
            targets = [module] + [f"{module}.{n}" for n in names]
            if any(t == "tracker.db.models" or t == "tracker.extract" or t.startswith("tracker.extract.")
                   for t in targets):
                found.append(f"{path.name}:{line} {module}")
    assert found == []


def test_no_service_commits():
    """Services flush; the one place a transaction commits is the unit of work (tracker.db.unit)."""
    found = [f"{path.name}:{node.lineno}" for path, tree in _modules("services") for node in ast.walk(tree)
             if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "commit"]
    assert found == []


@pytest.mark.parametrize("package", ["web", "cli"])
def test_views_and_commands_do_not_commit_or_roll_back_themselves(package):
    """Every view and command that writes does it in a unit of work (``tracker.db.unit``)."""
    found = [f"{path.name}:{node.lineno} {node.func.attr}" for path, tree in _modules(package)
             for node in ast.walk(tree)
             if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
             and node.func.attr in ("commit", "rollback")]
    assert found == []


def _same_subpackage(own: str, module: str) -> bool:
    """Both in one package below a layer (``tracker.extract.pledges.reader`` and ``….pledges.base``,
    or the package's ``__init__`` and its module): its modules share their internals. Modules of a
    layer itself (``tracker.extract.people`` and ``tracker.extract.numbers``) do not."""
    package = own if module.startswith(own + ".") else own.rpartition(".")[0]
    return package.count(".") >= 2 and module.startswith(package + ".")


def test_no_module_imports_another_modules_private_name():
    found = set()
    for path, tree in _modules():
        own = _name(path)
        for _, module, names in _imported(tree):
            for name in names:
                if (name.startswith("_") and not name.startswith("__") and module != own
                        and not _same_subpackage(own, module)):
                    found.add((own, module, name))
    assert found == set()


def test_a_private_name_borrowed_across_a_layer_is_found():
    assert not _same_subpackage("tracker.extract.people", "tracker.extract.pledges")
    assert not _same_subpackage("tracker.db.fulltext", "tracker.extract.pledges.base")
    assert _same_subpackage("tracker.extract.pledges.reader", "tracker.extract.pledges.base")
    assert _same_subpackage("tracker.extract.pledges", "tracker.extract.pledges.base")


@pytest.mark.parametrize("package", ["web", "services", "db"])
def test_imports_sit_at_the_top_of_their_module(package):
    """Who uses whom is read at the top of each module: no import sits in a function."""
    found = []
    for path, tree in _modules(package):
        for fn in ast.walk(tree):
            if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for line, module, names in _imported(fn):
                    found.append(f"{path.name}:{line} {module}")
    assert found == []
