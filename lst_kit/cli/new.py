"""``lst-kit new EXERCISE NAME [--case CASE]``: a new exercise notebook in
exercises/ from an exercise's template (with ``--case``, also a copy of the
exercise's spec that plays on that case)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from ..content import KEY, ContentError, Field, load_spec, load_yaml, rel_path, spec_path
from ..i18n import t
from ..paths import data_dir, packaged_data_dir
from ..registry import EXERCISE_TYPES, exercise_type

__all__ = ["CommandError", "add_parser", "exercise_notebook", "new_exercise", "run", "with_case"]


def add_parser(sub) -> None:
    parser = sub.add_parser("new", help=t("cli.help_new"), description=t("cli.help_new_long"))
    parser.add_argument("exercise", metavar="EXERCISE", help=t("cli.help_new_exercise"))
    parser.add_argument("name", metavar="NAME", help=t("cli.help_new_name"))
    parser.add_argument("--case", default=None, help=t("cli.help_new_case"))
    parser.add_argument("--module", default=None, help=t("cli.help_new_module"))
    parser.set_defaults(func=run)


class CommandError(RuntimeError):
    """A plain Dutch reason a command did nothing."""


def _repo_root() -> Path:
    """The folder holding ``data/``, ``notebooks/`` and ``exercises/``; for an
    installed wheel (content inside the package) the current folder."""
    root = data_dir()
    if root.resolve() == packaged_data_dir().resolve():
        return Path.cwd()
    return root.parent


def _template_exercise(exercise: str) -> tuple[str, str]:
    """(exercise id, type) of the spec that serves as the template."""
    from ..content import exercise_ids

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
_DEFAULT_CASE_LINE = re.compile(r"^default_case:[^\n]*\n?", re.MULTILINE)


def with_case(text: str, case_id: str) -> str:
    """The spec text with one top-level ``case:`` (comments and layout
    kept): an older ``default_case:`` becomes that ``case:``, so the copy
    has one key that says which case it plays on."""
    line = f"case: {case_id}"
    if _CASE_LINE.search(text):
        return _DEFAULT_CASE_LINE.sub("", _CASE_LINE.sub(line, text, count=1))
    if _DEFAULT_CASE_LINE.search(text):
        return _DEFAULT_CASE_LINE.sub(line + "\n", text, count=1)
    type_line = re.search(r"^type:[^\n]*$", text, re.MULTILINE)
    if type_line:
        return text[: type_line.end()] + "\n" + line + text[type_line.end():]
    return f"{line}\n{text}"


def _validate(kind_type, text: str, path: Path, exercise_id: str) -> None:
    import yaml

    kind_type.parse_spec(Field(yaml.safe_load(text), rel_path(path)), exercise_id)


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


_TITLE_LINE = re.compile(r"^title:[ \t]*[^\n>|]*$", re.MULTILINE)


def as_new_exercise(text: str, exercise_id: str, kind: str, template_id: str) -> str:
    """A template spec as a new exercise: a comment on top saying what to
    edit, and a title that asks to be replaced (so the copy is not mistaken
    for the original on the class overview)."""
    header = "".join(f"# {line}\n" for line in t("tools.new_spec_header", exercise_id=exercise_id, type=kind,
                                                   template=template_id).splitlines())
    title = t("tools.new_spec_title", exercise_id=exercise_id).replace('"', "'")
    if _TITLE_LINE.search(text):
        text = _TITLE_LINE.sub(f'title: "{title}"', text, count=1)
    return header + text


def new_exercise(exercise: str, name: str, case_id: str | None = None, module: str | None = None) -> list[Path]:
    """Write ``exercises/<name>.ipynb``; refuse to overwrite anything.

    - ``exercise`` an exercise id: a notebook calling that exercise; with a
      case, first a copy of its spec (``<module>.<name>``) on that case;
    - ``exercise`` an exercise type: a NEW exercise ``<module>.<name>`` (the
      spec of the first exercise of that type, with a fresh id and a title
      to replace) and a notebook calling it.
    """
    from ..content.cases import case_ids

    if not isinstance(name, str) or not KEY.match(name):
        raise CommandError(str(ContentError("lst-kit new", "NAME", t("tools.new_name"), name)))
    if module is not None and not KEY.match(module):
        raise CommandError(str(ContentError("lst-kit new", "--module", t("content.allowed_key"), module)))
    source_id, kind = _template_exercise(exercise)
    fresh = "." not in exercise  # a type: make a new exercise
    root = _repo_root()
    notebook = root / "exercises" / f"{name}.ipynb"
    written: list[Path] = []
    exercise_id = source_id
    spec_file = spec_path(source_id)
    new_spec_text = None
    kind_type = exercise_type(kind)
    if case_id is not None:
        raw = load_yaml(spec_file)
        if not (kind_type.takes_case or (isinstance(raw, dict) and ("case" in raw or "default_case" in raw))):
            raise CommandError(t("tools.new_no_case", exercise_id=source_id, type=kind))
        if case_id not in case_ids():
            raise CommandError(t("tools.new_bad_case", given=repr(case_id), known=", ".join(case_ids())))
    if case_id is not None or fresh:
        exercise_id = f"{module or source_id.split('.', 1)[0]}.{name}"
        new_spec = spec_path(exercise_id)
        if new_spec.exists():
            raise CommandError(t("tools.new_exists", path=str(new_spec)))
        new_spec_text = spec_file.read_text(encoding="utf-8")
        if case_id is not None:
            new_spec_text = with_case(new_spec_text, case_id)
        if fresh:
            new_spec_text = as_new_exercise(new_spec_text, exercise_id, kind, source_id)
        try:  # every type that takes a case reads ``case:``
            _validate(kind_type, new_spec_text, new_spec, exercise_id)
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


def run(args) -> int:
    try:
        written = new_exercise(args.exercise, args.name, args.case, args.module)
    except (CommandError, ContentError, ValueError, FileExistsError) as exc:
        print(exc, file=sys.stderr)
        return 2
    for path in written:
        if path.suffix == ".ipynb":
            print(t("tools.new_written", path=str(path)))
        else:
            print(t("tools.new_spec_written", exercise_id=f"{path.parent.name}.{path.stem}", path=str(path)))
    return 0
