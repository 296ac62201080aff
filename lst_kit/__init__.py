"""lst-kit: the course kit of the Leertraject Strategisch Toezicht.

In a notebook::

    import lst_kit
    lst_kit.workbook_status()
    lst_kit.timeline_tagger("m1.tijdlijn")

Importing the package is light: the exercises (and ipywidgets, matplotlib)
load when first used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from .registry import EXERCISE_TYPES
from .workbook import Workbook, open_workbook

__version__ = "0.1.0"

# Public name -> module that defines it (loaded on first use). Every exercise
# type is also the name of its entry function (``lst_kit.risk_matrix(...)``).
_LAZY = {
    **EXERCISE_TYPES,
    "workbook_status": "lst_kit.widgets.status",
    "workbook_transfer": "lst_kit.widgets.transfer",
    "portfolio_button": "lst_kit.exercises.learning_plan",
    "class_overview": "lst_kit.reports.class_overview",
}

__all__ = ["Workbook", "open_workbook", "__version__", *_LAZY]

if TYPE_CHECKING:  # pragma: no cover
    from .reports.class_overview import class_overview
    from .exercises.capacity_allocation import capacity_allocation
    from .exercises.dilemmas import independence_dilemmas
    from .exercises.learning_plan import learning_plan, portfolio_button
    from .exercises.east_letter import east_letter
    from .exercises.enforcement_pyramid import enforcement_pyramid
    from .exercises.intervention_matrix import intervention_matrix
    from .exercises.multiple_choice import multiple_choice
    from .exercises.paradox import paradox_model
    from .exercises.principles import principles_radar
    from .exercises.procedural_justice import procedural_justice
    from .exercises.public_values import public_values
    from .exercises.pyramid_game import pyramid_game
    from .exercises.rating_scales import rating_scales
    from .exercises.reflection import reflection
    from .exercises.risk_matrix import risk_matrix
    from .exercises.system_map import system_map
    from .exercises.signal_triage import signal_triage
    from .exercises.tafel_van_elf import tafel_van_elf
    from .exercises.timeline import timeline_tagger
    from .exercises.sparrow_canvas import sparrow_canvas
    from .exercises.strategic_triangle import strategic_triangle
    from .exercises.effect_chain import effect_chain
    from .widgets.status import workbook_status
    from .widgets.transfer import workbook_transfer


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'lst_kit' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(_LAZY))
