"""Course content from ``data/``, loaded and validated.

Teachers change the course by editing YAML; every file is validated when it
is loaded, and a problem is a :class:`ContentError` naming the file, the
field, what is allowed and what was found, in Dutch. Models never read files:
they receive what this package returns (specs, :class:`Case` objects).

- :mod:`.fields`: YAML parsing and the :class:`Field` checks every loader uses;
- :mod:`.specs`: one exercise's spec (``data/exercises/``);
- :mod:`.cases`: the shared fictional cases (``data/cases/``) and the Tafel van Elf;
- :mod:`.reference`: other reference files, parsed by their exercise type;
- :mod:`.course`: the modules of the course and the order of their exercises.
"""

from .cases import (
    ACTOR_TYPES,
    INTERVENTION_FAMILIES,
    LAW_COVERAGE,
    T11_KEYS,
    Case,
    T11Reference,
    case_ids,
    case_or_none,
    case_path,
    check_case_file,
    load_case,
    load_cases,
    load_t11,
    opening_case,
)
from .course import CourseModule, group_by_module, load_modules, module_key
from .fields import KEY, MISSING, ContentError, Field, load_yaml, rel_path
from .reference import check_file, load_reference, reference_path
from .specs import exercise_ids, load_spec, spec_path

__all__ = [
    "ACTOR_TYPES",
    "INTERVENTION_FAMILIES",
    "KEY",
    "LAW_COVERAGE",
    "MISSING",
    "T11_KEYS",
    "Case",
    "ContentError",
    "CourseModule",
    "Field",
    "T11Reference",
    "case_ids",
    "case_or_none",
    "case_path",
    "check_file",
    "check_case_file",
    "exercise_ids",
    "group_by_module",
    "load_case",
    "load_cases",
    "load_modules",
    "load_reference",
    "load_spec",
    "load_t11",
    "load_yaml",
    "module_key",
    "opening_case",
    "reference_path",
    "rel_path",
    "spec_path",
]
