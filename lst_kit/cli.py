"""The ``lst-kit`` command.

    lst-kit check [PATH ...]                      validate content files and exercise notebooks
    lst-kit workbook [PARTICIPANT]                where a participant's workbook is
    lst-kit new EXERCISE NAME [--case CASE]       a new exercise notebook from an exercise's template
    lst-kit export PARTICIPANT [--folder DIR] --out FILE   the participant's portfolio (HTML or .md)
    lst-kit collect DIR --out FILE [--names]      the class overview of every workbook under DIR
    lst-kit demo-class DIR --participants N --seed S       invented workbooks to try the overview
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import sys
from pathlib import Path

from . import __version__
from ._paths import data_dir
from .cases import check_case_file, load_t11
from .content import EXERCISE_TYPES, KEY, ContentError, Field, _rel, load_spec, load_yaml, spec_path
from .i18n import t
from .workbook import WorkbookError, open_workbook

#: ``lst_kit.<function>("<exercise id>")`` in a notebook code cell.
CALL = re.compile(r"lst_kit\.([a-z_]+)\(\s*[\"']([^\"']+)[\"']")
#: any ``lst_kit.<name>(`` call in a notebook code cell.
ANY_CALL = re.compile(r"\blst_kit\.([A-Za-z_][A-Za-z0-9_]*)\s*\(")


def _spec_problems(path: Path, root: Field | None = None) -> list[str]:
    """Validate one exercise spec file as it is on disk (also outside data/)."""
    exercise_id = f"{path.parent.name}.{path.stem}"
    try:
        spec_path(exercise_id)  # the id a file at this place would get
        if root is None:
            root = Field(load_yaml(path), _rel(path))
        kind = root.choice("type", sorted(EXERCISE_TYPES))
        importlib.import_module(EXERCISE_TYPES[kind]).parse_spec(root, exercise_id)
    except (ContentError, ValueError) as exc:
        return [str(exc)]
    return []


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
    from .course import load_modules

    try:
        load_modules(path)
    except ContentError as exc:
        return [str(exc)]
    return []


def _yaml_problems(path: Path) -> list[str]:
    """Pick the validator by what the file is: a spec (``type:``), a case
    (``case_id:``), the T11 reference or the module list. Any other YAML file
    (a reference table of another module) is checked for valid YAML only."""
    try:
        doc = load_yaml(path)
    except ContentError as exc:
        return [str(exc)]
    if path.name == "tafel_van_elf.yaml" and not (isinstance(doc, dict) and "type" in doc):
        return _reference_problems(path)  # (the exercise m4.tafel_van_elf has the same file name: it has a type)
    if path.name.startswith("signaal_triage"):
        from .exercises.signal_triage import check_rule_file

        return check_rule_file(path)
    if path.name in _M4_REFERENCES:
        return _m4_reference_problems(path)
    if (path.name == "modules.yaml" and path.parent.name == "reference") or (
            isinstance(doc, dict) and set(doc) == {"modules"}):
        return _modules_problems(path)
    if isinstance(doc, dict) and "type" in doc:
        return _spec_problems(path, Field(doc, _rel(path)))
    if isinstance(doc, dict) and "case_id" in doc or path.parent.name == "cases":
        return check_case_file(path)
    if path.parent.parent.name == "exercises":
        return _spec_problems(path)
    return []


def _notebook_problems(path: Path) -> list[str]:
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
        cells = nb["cells"]
        if not isinstance(cells, list):
            raise TypeError(type(cells).__name__)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return [str(ContentError(path, "", "een leesbaar notebook (JSON)", str(exc)))]
    import lst_kit

    public = sorted(set(lst_kit.__all__) - {"Workbook", "__version__"})
    problems = []
    if path.parent.name == "exercises":
        first = cells[0] if cells and isinstance(cells[0], dict) else {}
        text = _source(first)
        if first.get("cell_type") != "markdown" or "Voor de docent" not in text or "data/" not in text:
            problems.append(str(ContentError(path, t("tools.check_cells") + "[0]", t("tools.check_first_cell"),
                                             text[:60] or first.get("cell_type", "-"))))
    for index, cell in enumerate(cells):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = _source(cell)
        for function in ANY_CALL.findall(source):
            if function not in public:
                problems.append(str(ContentError(path, t("tools.check_call_field", cell=index + 1),
                                                 t("tools.check_unknown_call", known=", ".join(public)), function)))
        for function, exercise_id in CALL.findall(source):
            if function not in EXERCISE_TYPES:
                continue
            try:
                load_spec(exercise_id, function)
            except (ContentError, ValueError) as exc:
                problems.append(f"{path} (cel {index + 1}): {exc}")
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
    found = sorted((root / "exercises").glob("*/*.yaml")) + sorted((root / "cases").glob("*.yaml"))
    found += sorted((root / "reference").glob("*.yaml"))
    for folder in ("notebooks", "exercises"):
        found += sorted((repo / folder).glob("*.ipynb"))
    return found


def cmd_check(args) -> int:
    targets = _targets(args.paths)
    problems: list[str] = []
    for path in targets:
        if not path.exists():
            problems.append(str(ContentError(path, "", t("content.allowed_existing_file"), t("content.missing"))))
        elif path.suffix == ".ipynb":
            problems += _notebook_problems(path)
        elif path.suffix in (".yaml", ".yml"):
            problems += _yaml_problems(path)
    for problem in problems:
        print(problem)
    if problems:
        print(t("cli.check_problems", n=len(problems)), file=sys.stderr)
        return 1
    print(t("cli.check_ok", n=len(targets)))
    return 0


def cmd_workbook(args) -> int:
    try:
        wb = open_workbook(args.participant, args.folder)
        count = len(wb.answers())
    except (ValueError, WorkbookError) as exc:
        print(exc, file=sys.stderr)
        return 2
    print(t("cli.workbook_path", participant=wb.participant, path=wb.path))
    print(t("cli.workbook_count", n=count))
    return 0


def module_notebook(module: int, root: Path | None = None) -> Path:
    """``notebooks/0N_*.ipynb`` in the current folder or the source checkout."""
    candidates = [root] if root else [Path.cwd(), data_dir().parent]
    for base in candidates:
        found = sorted((base / "notebooks").glob(f"0{module}_*.ipynb"))
        if found:
            return found[0]
    raise FileNotFoundError(t("cli.app_missing", module=module))


def cmd_app(args) -> int:
    """Open one module as an app in Voilà: prose and widgets, no code."""
    import importlib.util
    import subprocess

    if importlib.util.find_spec("voila") is None:  # the core without the "lab" extra
        print(t("cli.app_needs_lab"), file=sys.stderr)
        return 2
    try:
        notebook = module_notebook(args.module)
    except FileNotFoundError as exc:
        print(exc, file=sys.stderr)
        return 2
    command = [sys.executable, "-m", "voila", str(notebook), f"--port={args.port}", "--Voila.ip=127.0.0.1",
               "--theme=light"]
    if args.no_browser:
        command.append("--no-browser")
    print(t("cli.app_start", notebook=notebook.name, port=args.port))
    try:
        return subprocess.call(command)
    except KeyboardInterrupt:
        return 0
# -- lst-kit new -------------------------------------------------------------------------------

class CommandError(RuntimeError):
    """A plain Dutch reason a command did nothing."""


def _repo_root() -> Path:
    """The folder holding ``data/``, ``notebooks/`` and ``exercises/``; for an
    installed wheel (content inside the package) the current folder."""
    from . import _paths

    root = data_dir()
    if root.resolve() == (_paths._HERE / "data").resolve():
        return Path.cwd()
    return root.parent


def _template_exercise(exercise: str) -> tuple[str, str]:
    """(exercise id, type) of the spec that serves as the template."""
    from .content import exercise_ids

    if "." in exercise:
        try:
            raw = load_yaml(spec_path(exercise))
        except (ContentError, ValueError) as exc:
            raise CommandError(str(exc)) from None
        kind = raw.get("type") if isinstance(raw, dict) else None
        if kind not in EXERCISE_TYPES:
            raise CommandError(t("tools.new_unknown", given=repr(exercise), types=", ".join(sorted(EXERCISE_TYPES))))
        return exercise, kind
    if exercise not in EXERCISE_TYPES:
        raise CommandError(t("tools.new_unknown", given=repr(exercise), types=", ".join(sorted(EXERCISE_TYPES))))
    for exercise_id in exercise_ids():
        try:
            raw = load_yaml(spec_path(exercise_id))
        except ContentError:
            continue
        if isinstance(raw, dict) and raw.get("type") == exercise:
            return exercise_id, exercise
    raise CommandError(t("tools.new_no_spec", type=exercise))


_CASE_LINE = re.compile(r"^case:[^\n]*$", re.MULTILINE)


def _with_case(text: str, case_id: str) -> str:
    """The spec text with its top-level ``case:`` set (comments and layout kept)."""
    line = f"case: {case_id}"
    if _CASE_LINE.search(text):
        return _CASE_LINE.sub(line, text, count=1)
    type_line = re.search(r"^type:[^\n]*$", text, re.MULTILINE)
    if type_line:
        return text[: type_line.end()] + "\n" + line + text[type_line.end():]
    return f"{line}\n{text}"


def _cell(kind: str, cell_id: str, source: str) -> dict:
    lines = source.splitlines(keepends=True)
    cell = {"cell_type": kind, "id": cell_id, "metadata": {}, "source": lines}
    if kind == "code":
        cell.update(metadata={"jupyter": {"source_hidden": True}, "tags": []}, outputs=[], execution_count=None)
    return cell


def exercise_notebook(exercise_id: str, kind: str, title: str, spec_file: str, case_id: str | None) -> dict:
    """The notebook ``lst-kit new`` writes: "Voor de docent", a short intro, and the call."""
    teacher = [t("tools.notebook_title"), "",
               t("tools.notebook_intro", title=title, type=kind, spec=spec_file), ""]
    if case_id:
        teacher += [t("tools.notebook_case", case=case_id), ""]
    teacher += [t("tools.notebook_copy"), "", t("tools.notebook_check")]
    intro = [f"## {title}", "", t("tools.notebook_run")]
    return {
        "cells": [
            _cell("markdown", "voor-de-docent", "\n".join(teacher)),
            _cell("markdown", "inleiding", "\n".join(intro)),
            _cell("code", "oefening", f'import lst_kit\nlst_kit.{kind}("{exercise_id}")'),
        ],
        "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                     "language_info": {"name": "python"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def new_exercise(exercise: str, name: str, case_id: str | None = None) -> list[Path]:
    """Write ``exercises/<name>.ipynb`` (and with a case, a spec copy); refuse to overwrite."""
    from .cases import case_ids

    if not isinstance(name, str) or not KEY.match(name):
        raise CommandError(str(ContentError("lst-kit new", "NAME", t("tools.new_name"), name)))
    source_id, kind = _template_exercise(exercise)
    root = _repo_root()
    notebook = root / "exercises" / f"{name}.ipynb"
    written: list[Path] = []
    exercise_id = source_id
    spec_file = spec_path(source_id)
    new_spec_text = None
    if case_id is not None:
        raw = load_yaml(spec_file)
        module = importlib.import_module(EXERCISE_TYPES[kind])
        if not (getattr(module, "TAKES_CASE", False) or (isinstance(raw, dict) and "case" in raw)):
            raise CommandError(t("tools.new_no_case", exercise_id=source_id, type=kind))
        if case_id not in case_ids():
            raise CommandError(t("tools.new_bad_case", given=repr(case_id), known=", ".join(case_ids())))
        exercise_id = f"{source_id.split('.', 1)[0]}.{name}"
        new_spec = spec_path(exercise_id)
        if new_spec.exists():
            raise CommandError(t("tools.new_exists", path=str(new_spec)))
        new_spec_text = _with_case(spec_file.read_text(encoding="utf-8"), case_id)
        try:
            import yaml

            doc = yaml.safe_load(new_spec_text)
            module.parse_spec(Field(doc, _rel(new_spec)), exercise_id)
        except (ContentError, ValueError) as exc:
            raise CommandError(t("tools.new_invalid", error=str(exc))) from None
        spec_file = new_spec
    if notebook.exists():
        raise CommandError(t("tools.new_exists", path=str(notebook)))
    if new_spec_text is not None:
        spec_file.parent.mkdir(parents=True, exist_ok=True)
        with open(spec_file, "x", encoding="utf-8") as fh:
            fh.write(new_spec_text)
        written.append(spec_file)
    title = getattr(load_spec(exercise_id, kind), "title", exercise_id)
    try:
        shown = spec_file.relative_to(root).as_posix()
    except ValueError:
        shown = str(spec_file)
    nb = exercise_notebook(exercise_id, kind, title, shown, case_id)
    notebook.parent.mkdir(parents=True, exist_ok=True)
    with open(notebook, "x", encoding="utf-8") as fh:
        fh.write(json.dumps(nb, ensure_ascii=False, indent=1) + "\n")
    written.append(notebook)
    return written


def cmd_new(args) -> int:
    try:
        written = new_exercise(args.exercise, args.name, args.case)
    except (CommandError, ContentError, ValueError, FileExistsError) as exc:
        print(exc, file=sys.stderr)
        return 2
    for path in written:
        if path.suffix == ".ipynb":
            print(t("tools.new_written", path=str(path)))
        else:
            print(t("tools.new_spec_written", exercise_id=f"{path.parent.name}.{path.stem}", path=str(path)))
    return 0


# -- portfolio, class overview, demo class -------------------------------------------------------

def cmd_export(args) -> int:
    from .export import ExportError, write_portfolio

    try:
        out = write_portfolio(args.participant, args.folder, args.out)
    except (ExportError, OSError) as exc:
        print(exc, file=sys.stderr)
        return 2
    print(t("tools.export_written", path=str(out)))
    return 0


def cmd_collect(args) -> int:
    from .classroom import CollectError, collect, render_overview

    out = Path(args.out)
    try:
        if not out.parent.is_dir():
            raise CollectError(t("classroom.no_out_folder", folder=str(out.parent)))
        overview = collect(args.dir, names=args.names)
        out.write_text(render_overview(overview), encoding="utf-8")
    except (CollectError, OSError) as exc:
        print(exc, file=sys.stderr)
        return 2
    print(t("tools.collect_written", path=str(out), n=overview.participants, skipped=len(overview.skipped)))
    for skipped in overview.skipped:
        print(f"  {skipped.path}: {skipped.reason}")
    return 0


def cmd_demo_class(args) -> int:
    from .classroom import CollectError, make_demo_class

    try:
        names, missing = make_demo_class(args.dir, args.participants, args.seed)
    except (CollectError, OSError, WorkbookError, ValueError) as exc:
        print(exc, file=sys.stderr)
        return 2
    print(t("tools.demo_written", n=len(names), folder=str(args.dir)))
    if missing:
        print(t("tools.demo_missing", ids=", ".join(missing)))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lst-kit", description="Cursuskit Leertraject Strategisch Toezicht")
    parser.add_argument("--version", action="version", version=f"lst-kit {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="controleer inhoudsbestanden (YAML) en oefennotebooks")
    check.add_argument("paths", nargs="*", help="bestanden of mappen (standaard: data/, notebooks/, exercises/)")
    check.set_defaults(func=cmd_check)
    wb = sub.add_parser("workbook", help="laat zien waar het werkboek van een deelnemer staat")
    wb.add_argument("participant", nargs="?", default=None, help="naam van de deelnemer (standaard: jij)")
    wb.add_argument("--folder", default=None, help="werkboekmap (standaard: LST_WERKBOEK_DIR of ~/LST-werkboek)")
    wb.set_defaults(func=cmd_workbook)
    app = sub.add_parser("app", help="open een module als app in Voilà (tekst en oefeningen, zonder code)")
    app.add_argument("module", type=int, choices=range(1, 7), help="nummer van de module (1-6)")
    app.add_argument("--port", type=int, default=8866, help="poort (standaard 8866)")
    app.add_argument("--no-browser", action="store_true", help="geen browser openen")
    app.set_defaults(func=cmd_app)
    new = sub.add_parser("new", help="maak een nieuw oefennotebook in exercises/ vanuit het sjabloon van een oefening")
    new.add_argument("exercise", metavar="EXERCISE", help="een oefening-id (zoals m6.dilemmas) of een oefentype")
    new.add_argument("name", metavar="NAME", help="naam van het nieuwe notebook (kleine letters, cijfers, _)")
    new.add_argument("--case", default=None, help="casus uit data/cases/ (maakt ook een kopie van de oefening)")
    new.set_defaults(func=cmd_new)
    export = sub.add_parser("export", help="schrijf het portfolio van een deelnemer (HTML, of Markdown bij .md)")
    export.add_argument("participant", metavar="PARTICIPANT", help="naam van de deelnemer")
    export.add_argument("--folder", default=None, help="werkboekmap (standaard: LST_WERKBOEK_DIR of ~/LST-werkboek)")
    export.add_argument("--out", required=True, help="uitvoerbestand (.html of .md)")
    export.set_defaults(func=cmd_export)
    col = sub.add_parser("collect", help="maak het klasoverzicht van alle werkboeken in een map")
    col.add_argument("dir", metavar="DIR", help="map met werkboeken (wordt alleen gelezen)")
    col.add_argument("--out", required=True, help="uitvoerbestand (.html)")
    col.add_argument("--names", action="store_true", help="toon namen in plaats van schuilnamen")
    col.set_defaults(func=cmd_collect)
    demo = sub.add_parser("demo-class", help="schrijf verzonnen werkboeken om het klasoverzicht te proberen")
    demo.add_argument("dir", metavar="DIR", help="een lege of nieuwe map")
    demo.add_argument("--participants", type=int, default=20, help="aantal deelnemers (standaard 20)")
    demo.add_argument("--seed", type=int, default=1, help="startwaarde van het toeval (standaard 1)")
    demo.set_defaults(func=cmd_demo_class)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
