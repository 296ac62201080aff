"""Every content file of the course that does not load, one error per file:
what ``lst-kit collect``, ``demo-class`` and ``export`` print (one line per
broken file) and the class overview names, so a teacher learns that
something was left out instead of meeting a traceback."""

from __future__ import annotations

from ..paths import data_dir
from .cases import YAML_SUFFIXES, file_name_problem, load_cases
from .fields import ContentError
from .specs import NAME, exercise_ids, load_spec

__all__ = ["course_problems"]


def course_problems() -> list[ContentError]:
    """The first problem of each case and exercise spec file that does not
    load (badly named files included), cases first, then specs by id."""
    _, problems = load_cases()
    root = data_dir() / "exercises"
    if root.is_dir():
        for path in sorted(root.glob("*/*")):
            if path.suffix in YAML_SUFFIXES and not NAME.match(path.stem):
                problems.append(file_name_problem(path, NAME))
    for exercise_id in exercise_ids():
        try:
            load_spec(exercise_id)
        except ContentError as exc:
            problems.append(exc)
        except ValueError as exc:  # a spec whose parser refuses it in its own words
            problems.append(ContentError(exercise_id, "", "", "", message=str(exc)))
    once: list[ContentError] = []
    for problem in problems:  # a spec that fails on a broken case repeats the case's error: one line per file
        if all(str(problem) != str(seen) and problem.file != seen.file for seen in once):
            once.append(problem)
    return once
