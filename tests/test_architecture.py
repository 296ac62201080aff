"""The house rules of docs/architecture.md, checked on the source itself:
no import circles, models without ipywidgets or file reading, no private
names imported across modules, every exercise type in the same shape, and
files small enough to hold one thing."""

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from lst_kit.registry import EXERCISE_TYPES

PACKAGE = Path(__file__).resolve().parent.parent / "lst_kit"
SHAPE = {"__init__.py", "model.py", "figures.py", "readings.py", "view.py"}
MAX_LINES = 450
#: A file over MAX_LINES says why in a comment of this form in its first lines.
REASON = "# Over 450 lines:"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def top_level_imports(path: Path):
    """(module, names) for each import that runs when the module is imported:
    module level, not under ``if TYPE_CHECKING``, not inside functions."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]

    def walk(nodes):
        for node in nodes:
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                continue
            if isinstance(node, (ast.If, ast.Try)):
                yield from walk(node.body + getattr(node, "orelse", []) + getattr(node, "finalbody", [])
                                + [h for x in getattr(node, "handlers", []) for h in x.body])
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    yield alias.name, []
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")
                    base = base[: len(base) - (node.level - 1)]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module
                yield target, [a.name for a in node.names]

    yield from walk(tree.body)


def internal_edges(name: str, path: Path):
    for target, names in top_level_imports(path):
        if not target.startswith("lst_kit"):
            continue
        submodules = [f"{target}.{n}" for n in names if f"{target}.{n}" in MODULES]
        yield from submodules
        if len(submodules) < max(1, len(names)):
            yield target


def test_no_import_circles():
    graph = {name: set(internal_edges(name, path)) & set(MODULES) for name, path in MODULES.items()}
    index, low, stack, on_stack, cycles = {}, {}, [], set(), []

    def connect(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1 or v in graph[v]:
                cycles.append(sorted(component))

    sys.setrecursionlimit(10_000)
    for v in graph:
        if v not in index:
            connect(v)
    assert cycles == []


def test_no_module_imports_another_modules_private_name():
    offences = []
    for name, path in MODULES.items():
        for target, names in top_level_imports(path):
            private = [n for n in names if n.startswith("_") and not n.startswith("__")]
            if target.startswith("lst_kit") and private and target != name:
                offences.append(f"{name}: from {target} import {', '.join(private)}")
    assert offences == []


def exercise_packages():
    return sorted({package.rpartition(".")[2] for package in EXERCISE_TYPES.values()})


@pytest.mark.parametrize("package", exercise_packages())
def test_every_exercise_type_has_the_same_five_files(package):
    folder = PACKAGE / "exercises" / package
    assert folder.is_dir(), f"{package} is still a flat module"
    assert SHAPE <= {p.name for p in folder.glob("*.py")}  # a big part may be split further (rule.py)


#: What a model may not call: it receives specs and cases, it reads no files.
READS_FILES = {"load_spec", "load_case", "load_cases", "case_ids", "load_yaml", "load_reference", "data_dir",
               "open", "read_text", "exercise_ids"}


@pytest.mark.parametrize("package", exercise_packages())
def test_a_model_reads_no_files(package):
    path = PACKAGE / "exercises" / package / "model.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls = [node.func for node in ast.walk(tree) if isinstance(node, ast.Call)]
    used = {f.id for f in calls if isinstance(f, ast.Name)} | {f.attr for f in calls if isinstance(f, ast.Attribute)}
    imported = {a.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) for a in node.names}
    assert (used | imported) & READS_FILES == set()


@pytest.mark.slow
def test_models_figures_and_readings_import_no_ipywidgets():
    """Everything the class overview and the portfolio load stays free of
    ipywidgets (and matplotlib), in a fresh interpreter."""
    modules = [f"lst_kit.exercises.{p}.{part}" for p in exercise_packages() for part in ("model", "figures", "readings")]
    modules += ["lst_kit.reports.readings", "lst_kit.reports.class_overview", "lst_kit.reports.portfolio",
                "lst_kit.content", "lst_kit.registry", "lst_kit.figures.svgplot"]
    code = ("import importlib, json, sys\n"
            f"for m in {modules!r}: importlib.import_module(m)\n"
            "print(json.dumps(sorted(m for m in ('ipywidgets', 'matplotlib', 'numpy', 'pandas') if m in sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []


@pytest.mark.parametrize("name", sorted(MODULES))
def test_a_file_holds_one_thing(name):
    """Over ~450 lines a file usually holds two things: split it, or say why not."""
    lines = MODULES[name].read_text(encoding="utf-8").splitlines()
    assert len(lines) <= MAX_LINES or any(line.startswith(REASON) for line in lines[:5]), len(lines)
