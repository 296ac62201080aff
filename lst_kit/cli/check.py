"""``lst-kit check [PATH ...]``: validate content files and exercise notebooks.

Each file is checked by what it is: an exercise spec (``type:``), a case, a
reference table, the module list or a demo file (``demo/<name>.yaml``, by its
name); a notebook's ``lst_kit`` calls must name existing exercises."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from ..content import ContentError, Field, check_case_file, load_spec, load_t11, load_yaml, rel_path
from ..content.cases import YAML_SUFFIXES, file_name_problem
from ..content.fields import collecting, record
from ..i18n import t
from ..paths import data_dir
from ..registry import EXERCISE_TYPES, exercise_type

__all__ = ["add_parser", "run"]


def add_parser(sub) -> None:
    parser = sub.add_parser("check", help=t("cli.help_check"), description=t("cli.help_check"))
    parser.add_argument("paths", nargs="*", help=t("cli.help_check_paths"))
    parser.set_defaults(func=run)


#: ``lst_kit.<function>("<exercise id>")`` in a notebook code cell.
CALL = re.compile(r"lst_kit\.([a-z_]+)\(\s*[\"']([^\"']+)[\"']")
#: any ``lst_kit.<name>(`` call in a notebook code cell.
ANY_CALL = re.compile(r"\blst_kit\.([A-Za-z_][A-Za-z0-9_]*)\s*\(")


def _spec_problems(path: Path, root: Field | None = None) -> list[str]:
    """Every problem of one exercise spec file as it is on disk (also outside
    data/): first its name, then each field (all of them in one run)."""
    from ..content.specs import NAME

    problems: list[ContentError] = []
    bad_name = file_name_problem(path, NAME)
    if bad_name is not None:
        problems.append(bad_name)
    exercise_id = f"{path.parent.name}.{path.stem}" if bad_name is None else f"{path.parent.name}.nieuw"
    with collecting() as found:
        try:
            if root is None:
                root = Field(load_yaml(path), rel_path(path))
            kind = root.choice("type", sorted(EXERCISE_TYPES))
            if not found:  # a spec of an unknown type is not read as some other type
                exercise_type(kind).parse_spec(root, exercise_id)
        except ContentError as exc:
            record(found, exc)
        except ValueError as exc:
            if not found:
                return [str(p) for p in problems] + [str(exc)]
        except Exception:  # noqa: BLE001 - a stand-in value upset the parser; what was recorded explains it
            if not found:
                raise
    return [str(p) for p in problems + found]


def _reference_problems(path: Path) -> list[str]:
    try:
        load_t11(path)
    except ContentError as exc:
        return [str(exc)]
    return []


#: Reference files of Module 4 -> module whose ``check_reference_file(path)`` validates them.
_M4_REFERENCES = {
    "t11_interventies.yaml": "lst_kit.exercises.tafel_van_elf",
    "interventiecatalogus.yaml": "lst_kit.exercises.intervention_matrix",
    "interventiematrix_referentie.yaml": "lst_kit.exercises.intervention_matrix",
}


def _m4_reference_problems(path: Path) -> list[str]:
    import importlib

    return importlib.import_module(_M4_REFERENCES[path.name]).check_reference_file(path)


def _modules_problems(path: Path) -> list[str]:
    from ..content.course import load_modules

    try:
        load_modules(path)
    except ContentError as exc:
        return [str(exc)]
    return []


def _demo_parsers() -> dict[str, object]:
    """Demo file name -> its parser: the shared files and every type that writes demo prose."""
    from ..content.demo import SHARED_DEMO_FILES

    parsers = dict(SHARED_DEMO_FILES)
    for name in sorted(EXERCISE_TYPES):
        kind = exercise_type(name)
        if kind.has("parse_demo"):
            parsers[name] = kind.parse_demo
    return parsers


def _demo_problems(path: Path) -> list[str]:
    """A file in ``demo/`` is validated by the parser its name picks; a name
    lst-kit does not read (a typing error, say) is a problem too."""
    from ..content.demo import check_demo_file

    parsers = _demo_parsers()
    if path.stem not in parsers or path.suffix != ".yaml":
        names = ", ".join(f"{name}.yaml" for name in parsers)
        return [str(ContentError(rel_path(path), "", t("content.allowed_demo_file", names=names), path.name))]
    return check_demo_file(path, parsers[path.stem])


def _is_demo_file(path: Path) -> bool:
    return path.parent.name == "demo" and path.parent.parent.name != "exercises"


def _yaml_problems(path: Path) -> list[str]:
    """Pick the validator by what the file is: a demo file (in ``demo/``), a
    spec (``type:``), a case (``case_id:``), the T11 reference or the module list. Any other YAML file
    (a reference table of another module) is checked for valid YAML only."""
    try:
        doc = load_yaml(path)
    except ContentError as exc:
        return [str(exc)]
    if _is_demo_file(path):
        return _demo_problems(path)
    if path.name == "tafel_van_elf.yaml" and not (isinstance(doc, dict) and "type" in doc):
        return _reference_problems(path)  # (the exercise m4.tafel_van_elf has the same file name: it has a type)
    if path.name.startswith("signaal_triage"):
        from ..exercises.signal_triage import check_rule_file

        return check_rule_file(path)
    if path.name in _M4_REFERENCES:
        return _m4_reference_problems(path)
    if (path.name == "modules.yaml" and path.parent.name == "reference") or (
            isinstance(doc, dict) and set(doc) == {"modules"}):
        return _modules_problems(path)
    if isinstance(doc, dict) and "type" in doc:
        return _spec_problems(path, Field(doc, rel_path(path)))
    if isinstance(doc, dict) and "case_id" in doc or path.parent.name == "cases":
        return check_case_file(path)
    if path.parent.parent.name == "exercises":
        return _spec_problems(path)
    return []


def _notebook_problems(path: Path, reported: set[str] = frozenset()) -> list[str]:
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
        cells = nb["cells"]
        if not isinstance(cells, list):
            raise TypeError(type(cells).__name__)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return [str(ContentError(rel_path(path), "", t("tools.check_notebook_json"), str(exc)))]
    import lst_kit

    public = sorted(set(lst_kit.__all__) - {"Workbook", "__version__"})
    problems = []
    if path.parent.name == "exercises":
        first = cells[0] if cells and isinstance(cells[0], dict) else {}
        text = _source(first)
        if first.get("cell_type") != "markdown" or "Voor de docent" not in text or "data/" not in text:
            problems.append(str(ContentError(rel_path(path), t("tools.check_cells") + "[0]", t("tools.check_first_cell"),
                                             text[:60] or first.get("cell_type", "-"))))
    for index, cell in enumerate(cells):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = _source(cell)
        for function in ANY_CALL.findall(source):
            if function not in public:
                problems.append(str(ContentError(rel_path(path), t("tools.check_call_field", cell=index + 1),
                                                 t("tools.check_unknown_call", known=", ".join(public)), function)))
        for function, exercise_id in CALL.findall(source):
            if function not in EXERCISE_TYPES:
                continue
            try:
                load_spec(exercise_id, function)
            except ContentError as exc:
                if exc.file in reported:  # its own errors are listed already: once is enough
                    problems.append(t("tools.check_see_above", notebook=rel_path(path), cell=index + 1,
                                      exercise_id=exercise_id, file=exc.file))
                else:
                    problems.append(t("tools.check_in_cell", notebook=rel_path(path), cell=index + 1, error=exc))
            except ValueError as exc:
                problems.append(t("tools.check_in_cell", notebook=rel_path(path), cell=index + 1, error=exc))
    return problems


def _source(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def _targets(paths: list[str]) -> list[Path]:
    if paths:
        out = []
        for p in map(Path, paths):
            if p.is_dir():
                found = sorted(p.rglob("*.yaml")) + sorted(p.rglob("*.yml")) + sorted(p.rglob("*.ipynb"))
                out.extend(f for f in found if ".ipynb_checkpoints" not in f.parts)
            else:
                out.append(p)
        return out
    root = data_dir()
    repo = root.parent
    found = []
    for pattern in ("exercises/*/*", "cases/*", "reference/*", "demo/*"):
        found += sorted(p for p in root.glob(pattern) if p.suffix in YAML_SUFFIXES)
    for folder in ("notebooks", "exercises"):
        found += sorted((repo / folder).glob("*.ipynb"))
    return found


def run(args) -> int:
    targets = _targets(args.paths)
    problems: list[str] = []
    reported: set[str] = set()
    for path in sorted(targets, key=lambda p: p.suffix == ".ipynb"):  # content first, then the notebooks using it
        if not path.exists():
            found = [str(ContentError(rel_path(path), "", t("content.allowed_existing_file"), t("content.missing")))]
        elif path.suffix == ".ipynb":
            found = _notebook_problems(path, reported)
        elif path.suffix in YAML_SUFFIXES:
            found = _yaml_problems(path)
            if found:
                reported.add(rel_path(path))
        else:
            found = []
        problems += [p for p in found if p not in problems]
    for problem in problems:
        print(problem)
    if problems:
        files = len(reported) or 1
        print(t("cli.check_problems", n=len(problems), files=files), file=sys.stderr)
        return 1
    print(t("cli.check_ok", n=len(targets)))
    return 0
