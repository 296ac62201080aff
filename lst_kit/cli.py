"""The ``lst-kit`` command.

    lst-kit check [PATH ...]        validate content files and exercise notebooks
    lst-kit workbook [PARTICIPANT]  where a participant's workbook is
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from . import __version__
from ._paths import data_dir
from .cases import check_case_file, load_t11
from .content import EXERCISE_TYPES, ContentError, load_spec
from .i18n import t
from .workbook import WorkbookError, open_workbook

#: ``lst_kit.<function>("<exercise id>")`` in a notebook code cell.
CALL = re.compile(r"lst_kit\.([a-z_]+)\(\s*[\"']([^\"']+)[\"']")


def _spec_problems(path: Path) -> list[str]:
    exercise_id = f"{path.parent.name}.{path.stem}"
    try:
        load_spec(exercise_id)
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


def _notebook_problems(path: Path) -> list[str]:
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
        cells = nb["cells"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return [str(ContentError(path, "", "een leesbaar notebook (JSON)", str(exc)))]
    problems = []
    for index, cell in enumerate(cells):
        if cell.get("cell_type") != "code":
            continue
        source = "".join(cell.get("source", []))
        for function, exercise_id in CALL.findall(source):
            if function not in EXERCISE_TYPES:
                continue
            try:
                load_spec(exercise_id, function)
            except (ContentError, ValueError) as exc:
                problems.append(f"{path} (cel {index + 1}): {exc}")
    return problems


def _targets(paths: list[str]) -> list[Path]:
    if paths:
        out = []
        for p in map(Path, paths):
            out.extend(sorted(p.rglob("*.yaml")) + sorted(p.rglob("*.ipynb")) if p.is_dir() else [p])
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
        if path.suffix == ".ipynb":
            problems += _notebook_problems(path)
        elif path.suffix in (".yaml", ".yml") and path.parent.parent.name == "exercises":
            problems += _spec_problems(path)
        elif path.suffix in (".yaml", ".yml") and path.parent.name == "cases":
            problems += check_case_file(path)
        elif path.name == "tafel_van_elf.yaml":
            problems += _reference_problems(path)
        elif path.name.startswith("signaal_triage") and path.suffix in (".yaml", ".yml"):
            from .exercises.signal_triage import check_rule_file

            problems += check_rule_file(path)
        elif path.name in _M4_REFERENCES:
            problems += _m4_reference_problems(path)
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
    import subprocess

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
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
