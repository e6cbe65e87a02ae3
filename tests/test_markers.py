"""The fast run leaves out what tests/conftest.py calls slow, and nothing it names has gone missing."""
from __future__ import annotations

import ast
import configparser
import importlib.util
from pathlib import Path

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
# tests/conftest.py by its path: in a whole run `import conftest` may find another directory's
_spec = importlib.util.spec_from_file_location("tests_root_conftest", TESTS / "conftest.py")
conftest = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(conftest)


def test_every_test_named_slow_exists():
    missing = []
    for name in sorted(conftest.SLOW_TESTS):
        path, _, function = name.partition("::")
        if not (TESTS / path).is_file():
            missing.append(name)
            continue
        if not function:
            continue
        tree = ast.parse((TESTS / path).read_text(encoding="utf-8"))
        if function not in {n.name for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}:
            missing.append(name)
    assert not missing, f"tests/conftest.py SLOW_TESTS names tests that are gone: {missing}"


def test_every_slow_directory_exists():
    assert all((TESTS / d).is_dir() for d in conftest.SLOW_DIRECTORIES)


def test_the_slow_marker_is_declared_and_ci_runs_every_test():
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "setup.cfg", encoding="utf-8")
    assert "slow:" in cfg["tool:pytest"]["markers"]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    runs = [line.split("-m pytest", 1)[1] for line in ci.splitlines() if "python -m pytest" in line]
    assert runs and all(" -m " not in args and "slow" not in args for args in runs), runs


def test_the_hook_marks_by_directory_and_by_name():
    class Item:
        def __init__(self, path, name, backend=None):
            self.fspath, self.originalname, self.name = TESTS / path, name, name
            self.markers = []
            if backend:
                self.callspec = type("CallSpec", (), {"params": {"backend": backend}})()

        def add_marker(self, marker):
            self.markers.append(marker.name)

    items = [Item("faults/test_kill.py", "test_x"), Item("browser/test_editor_path.py", "test_y"),
             Item("cli/test_serve.py", "test_demo_honours_database_url"), Item("extract/test_numbers.py", "test_z"),
             Item("db/test_models.py", "test_w", "postgresql"), Item("db/test_models.py", "test_w", "sqlite")]
    conftest.pytest_collection_modifyitems(None, items)
    assert [i.markers for i in items] == [["slow"], ["slow"], ["slow"], [], ["slow"], []]
