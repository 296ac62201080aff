"""The class's answers as a table, for a teacher who analyses in a spreadsheet:

    lst-kit collect DIR --csv antwoorden.csv [--xlsx antwoorden.xlsx] [--names]

One row per participant and exercise: participant (a pseudonym unless names
are asked for, the same as in the overview), module, exercise id, exercise
title, the exercise's own summary (its ``summarize`` lines, one per line in
the cell) and the answer itself as JSON. The table is read from the same
:class:`~lst_kit.reports.class_overview.ClassState` as the overview, so
``--out`` and ``--csv`` together read each workbook once.

The CSV is UTF-8 with a byte order mark and, in Dutch, ``;`` between the
columns: what Excel with Dutch settings opens as columns when double-clicked.
"""

from __future__ import annotations

import json
from pathlib import Path

from . import readings
from .class_overview import ClassState, CollectError, label_participants
from ..content.course import group_by_module
from ..i18n import language, t
from ..paths import steady_content

__all__ = ["class_table", "write_table"]

_COLUMNS = ("participant", "module", "exercise", "title", "summary", "answer")


def class_table(state: ClassState, names: bool = False):
    """A pandas DataFrame: one row per participant and exercise, listed by
    participant (pseudonym or name), then in course order."""
    import pandas as pd

    with steady_content():
        per_exercise, participants, _ = state.read()
        labels = label_participants(participants, names)
        order = sorted(participants, key=labels.__getitem__)
        exercises = [(title, e, readings.exercise_info(e).title) for _, title, ids in group_by_module(per_exercise)
                     for e in ids]
        rows = []
        for name in order:
            for module, exercise_id, title in exercises:
                given = per_exercise[exercise_id]
                if name not in given:
                    continue
                answer = given[name]
                rows.append((labels[name], module, exercise_id, title,
                             "\n".join(readings.summarize(exercise_id, answer)),
                             json.dumps(answer, ensure_ascii=False, sort_keys=True)))
    return pd.DataFrame(rows, columns=[t(f"classroom.col_{c}") for c in _COLUMNS])


def write_table(frame, out) -> Path:
    """Write the table as ``.csv`` or ``.xlsx`` (by the file's extension)."""
    out = Path(out)
    if not out.parent.is_dir():
        raise CollectError(t("classroom.no_table_folder", folder=str(out.parent)))
    if out.suffix.lower() == ".xlsx":
        require_xlsx()
        frame.to_excel(out, index=False, sheet_name=t("classroom.sheet"))
    else:
        frame.to_csv(out, index=False, sep=";" if language() == "nl" else ",", encoding="utf-8-sig")
    return out


def require_xlsx() -> None:
    """Refuse, in plain Dutch, when the Excel writer (openpyxl) is missing."""
    try:
        import openpyxl  # noqa: F401
    except ImportError as exc:
        raise CollectError(t("classroom.no_xlsx")) from exc
